package live

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/articlebot/articlebot/corpus/corpustest"
)

// BenchmarkAddRemove: add an article to a folder of generated articles
// and remove it again, in memory (two whole rebuilds of the index, the
// extraction reused) and on disk (two updates in place). A change in
// memory grows with the corpus; on disk it costs a warm start:
//
//	go test ./bot/live -run XXX -bench AddRemove -benchtime 5x
func BenchmarkAddRemove(b *testing.B) {
	_, text, _ := budget(100000)
	for _, n := range []int{100, 1000} {
		for _, m := range modes {
			b.Run(m.name+"/"+strconv.Itoa(n), func(b *testing.B) {
				ctx := context.Background()
				dir, err := corpustest.WriteFolder(filepath.Join(b.TempDir(), "articles"), n)
				if err != nil {
					b.Fatal(err)
				}
				var o Options
				if m.disk {
					o.Dir = filepath.Join(b.TempDir(), "state")
				}
				e, err := Open(ctx, dir, o)
				if err != nil {
					b.Fatal(err)
				}
				defer e.Close()
				b.ReportAllocs()
				for b.Loop() {
					a, err := e.Add(ctx, "", []byte(text))
					if err != nil {
						b.Fatal(err)
					}
					if _, err := e.Remove(ctx, a.ID); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
