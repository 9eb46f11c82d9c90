package live

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkAddRemove: add an article to a folder of 100 and remove it
// again: two whole rebuilds (load, index, engine) and swaps, the cost of
// a change, which grows with the corpus.
func BenchmarkAddRemove(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	for n := 1; n <= 100; n++ {
		id, text, _ := budget(n)
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	e, err := Open(ctx, dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	_, text, _ := budget(1000)
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
}
