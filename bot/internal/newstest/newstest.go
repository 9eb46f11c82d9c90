// Package newstest holds what the engine's stages' tests share: the news
// articles that the golden-file tests of the summary and brief stages run
// on (the built-in article, then the articles of a folder,
// bot/testdata/news/articles, in name order), and a tagger.
package newstest

import (
	"context"
	"testing"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/pos"
)

// Tagger returns the part-of-speech tagger, or ends the test.
func Tagger(tb testing.TB) *pos.Tagger {
	tb.Helper()
	tg, err := pos.New()
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}

// Articles returns the built-in article and those of dir.
func Articles(tb testing.TB, dir string) []*corpus.Article {
	tb.Helper()
	c, err := corpus.Default()
	if err != nil {
		tb.Fatal(err)
	}
	news, problems, err := corpus.Load(context.Background(), dir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range problems {
		tb.Errorf("news article not loaded: %v", p)
	}
	return append([]*corpus.Article{c.Articles[0]}, news.Articles...)
}
