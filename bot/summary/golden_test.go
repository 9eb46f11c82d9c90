package summary

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot/internal/newstest"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/golden"
)

// newsArticles returns the built-in article and the news texts of
// ../testdata/news/articles (see ../testdata/news/SOURCES.md).
func newsArticles(t *testing.T) []*corpus.Article {
	return newstest.Articles(t, filepath.Join("..", "testdata", "news", "articles"))
}

// TestGolden keeps the short, medium and long summaries of five news
// texts in testdata/golden; accept a change with `go test ./bot/summary
// -run TestGolden -update` after reading the diff.
func TestGolden(t *testing.T) {
	arts := newsArticles(t)
	if len(arts) < 4 {
		t.Fatalf("%d articles, want the built-in one and at least three others", len(arts))
	}
	for _, a := range arts {
		t.Run(a.ID, func(t *testing.T) {
			var b strings.Builder
			fmt.Fprintf(&b, "# %s (%s, %d sentences)\n", a.Title, a.ID, len(a.Sentences))
			for _, n := range []int{3, 5, 8} {
				chosen, err := Summarize(context.Background(), a.Sentences, Options{Sentences: n})
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&b, "\n%d sentences:\n", n)
				for _, c := range chosen {
					fmt.Fprintf(&b, "[%d] %.2f %s\n", c.Index, c.Score, a.Sentences[c.Index-1].Text)
				}
			}
			golden.Check(t, filepath.Join("testdata", "golden", a.ID+".golden"), b.String())
		})
	}
}
