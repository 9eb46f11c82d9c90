package brief

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/articlebot/articlebot/bot/internal/newstest"
	"github.com/articlebot/articlebot/bot/summary"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/golden"
)

// newsArticles returns the built-in article and the news texts of
// ../testdata/news/articles (see ../testdata/news/SOURCES.md).
func newsArticles(t *testing.T) []*corpus.Article {
	return newstest.Articles(t, filepath.Join("..", "testdata", "news", "articles"))
}

func build(t *testing.T, a *corpus.Article) *Brief {
	t.Helper()
	key, err := summary.Summarize(context.Background(), a.Sentences, summary.Options{Sentences: 3})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Article: a, HasTitle: !a.Untitled}
	for _, c := range key {
		in.KeyPoints = append(in.KeyPoints, c.Index)
	}
	b, err := Build(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sections(b *Brief) []struct {
	name  string
	items []Item
} {
	return []struct {
		name  string
		items []Item
	}{
		{"Headline", []Item{b.Headline}}, {"Key points", b.KeyPoints}, {"Who's who", b.People},
		{"The numbers", b.Numbers}, {"Quotes", b.Quotes}, {"What's next", b.Next},
		{"Open questions", b.Open}, {"For discussion", b.Prompts},
	}
}

// TestGolden keeps the briefs of five news texts in testdata/golden;
// accept a change with `go test ./bot/brief -run TestGolden -update` after
// reading the diff.
func TestGolden(t *testing.T) {
	for _, a := range newsArticles(t) {
		t.Run(a.ID, func(t *testing.T) {
			var out strings.Builder
			fmt.Fprintf(&out, "# %s (%s)\n", a.Title, a.ID)
			for _, s := range sections(build(t, a)) {
				fmt.Fprintf(&out, "\n%s:\n", s.name)
				for _, it := range s.items {
					fmt.Fprintf(&out, "- %q %q %q %v\n", it.Label, it.Detail, it.Text, it.Sentences)
				}
			}
			golden.Check(t, filepath.Join("testdata", "golden", a.ID+".golden"), out.String())
		})
	}
}

// Every item of every brief cites sentences of its article, ascending,
// fits MaxItemRunes, and is never cut inside a word.
func TestItemsBounded(t *testing.T) {
	for _, a := range newsArticles(t) {
		for _, s := range sections(build(t, a)) {
			for _, it := range s.items {
				if n := utf8.RuneCountInString(it.Label + it.Detail + it.Text); n > MaxItemRunes {
					t.Errorf("%s %s: %d runes, more than %d", a.ID, s.name, n, MaxItemRunes)
				}
				if it.Text == "" {
					t.Errorf("%s %s: empty item %+v", a.ID, s.name, it)
				}
				if len(it.Sentences) == 0 && !(s.name == "Headline" && !a.Untitled) {
					t.Errorf("%s %s: item cites nothing: %+v", a.ID, s.name, it)
				}
				for i, n := range it.Sentences {
					if n < 1 || n > len(a.Sentences) || i > 0 && n <= it.Sentences[i-1] {
						t.Errorf("%s %s: bad citation %v", a.ID, s.name, it.Sentences)
					}
				}
			}
		}
	}
}
