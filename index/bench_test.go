package index

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/corpus"
)

// benchCorpora are the corpora benchmarks run on: the small news corpus
// (about 20 sentences an article) and 1,000 generated articles of 25
// sentences.
func benchCorpora() []struct {
	name string
	c    *corpus.Corpus
} {
	return []struct {
		name string
		c    *corpus.Corpus
	}{
		{"small", newsCorpus()},
		{"1000x25", generatedCorpus(1000, 25)},
	}
}

func BenchmarkOpen(b *testing.B) {
	for _, bc := range benchCorpora() {
		b.Run(bc.name+"/memory", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix, err := Open(context.Background(), bc.c, Options{})
				if err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
		})
		b.Run(bc.name+"/disk-build", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix, err := Open(context.Background(), bc.c, Options{Dir: b.TempDir() + "/ix"})
				if err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
		})
		b.Run(bc.name+"/disk-reuse", func(b *testing.B) {
			dir := b.TempDir() + "/ix"
			ix, err := Open(context.Background(), bc.c, Options{Dir: dir})
			if err != nil {
				b.Fatal(err)
			}
			ix.Close()
			b.ReportAllocs()
			for b.Loop() {
				ix, err := Open(context.Background(), bc.c, Options{Dir: dir})
				if err != nil {
					b.Fatal(err)
				}
				if ix.Rebuilt() {
					b.Fatal("rebuilt")
				}
				ix.Close()
			}
		})
	}
}

func BenchmarkSearch(b *testing.B) {
	queries := []Query{
		{Text: "How many troops could the force have?"},
		{Text: "what did the chief executive say about sales", Highlight: true},
		{Text: "council approved the budget in Leeds", Phrases: []string{"the budget"}},
		// A pasted paragraph: every subject, verb and object of the
		// generated corpus, more words than a query keeps.
		{Text: strings.Join(genSubjects, " ") + " " + strings.Join(genVerbs, " ") + " " + strings.Join(genObjects, " "), Highlight: true},
	}
	for _, bc := range benchCorpora() {
		ix, err := Open(context.Background(), bc.c, Options{})
		if err != nil {
			b.Fatal(err)
		}
		article := bc.c.Articles[len(bc.c.Articles)/2].ID
		for i, q := range queries {
			for _, filter := range []string{"", article} {
				q := q
				q.Article = filter
				name := fmt.Sprintf("%s/q%d", bc.name, i)
				if filter != "" {
					name += "/article"
				}
				if q.Highlight {
					name += "/highlight"
				}
				b.Run(name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := ix.Search(context.Background(), q); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
		ix.Close()
	}
}
