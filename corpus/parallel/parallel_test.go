package parallel

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestMap(t *testing.T) {
	tests := []struct {
		name       string
		n, workers int
	}{
		{"none", 0, 2},
		{"one worker", 5, 1},
		{"more workers than items", 3, 8},
		{"no workers given", 4, 0},
		{"many", 1000, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var running, most atomic.Int64
			got := Map(context.Background(), tt.n, tt.workers, func(i int) int {
				r := running.Add(1)
				for m := most.Load(); r > m && !most.CompareAndSwap(m, r); m = most.Load() {
				}
				defer running.Add(-1)
				return i * i
			})
			if len(got) != tt.n {
				t.Fatalf("%d results, want %d", len(got), tt.n)
			}
			for i, v := range got {
				if v != i*i {
					t.Fatalf("result %d = %d, want %d", i, v, i*i)
				}
			}
			if m := most.Load(); m > int64(max(tt.workers, 1)) {
				t.Errorf("%d ran at once, want at most %d", m, max(tt.workers, 1))
			}
		})
	}
}

// TestMapStopsWhenCancelled: once ctx ends no new item starts.
func TestMapStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var started atomic.Int64
	Map(ctx, 100, 1, func(i int) bool {
		if started.Add(1) == 3 {
			cancel()
		}
		return true
	})
	// One worker: the item handed over while the third ran may still run.
	if n := started.Load(); n > 4 {
		t.Errorf("%d items started after the cancel at the third", n)
	}
}
