package brief

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/articlebot/articlebot/corpus"
)

// FuzzBuild drives any text through the briefing: no panic, every item
// within MaxItemRunes, valid UTF-8 and citing sentences of the article.
func FuzzBuild(f *testing.F) {
	f.Add("Title\n\nJohn Smith, the mayor, said: “We will vote on Friday.” It is unclear whether 30 councillors agree.")
	f.Add("“But,” he said, “no.” A force of 10 troops will meet next week. Ms Lee denied it, but Mr Roe said it was not so.")
	f.Fuzz(func(t *testing.T, body string) {
		a, err := corpus.Parse(context.Background(), "fuzz", []byte(body))
		if err != nil {
			return
		}
		b, err := Build(context.Background(), Input{Article: a, HasTitle: !a.Untitled, KeyPoints: []int{1, 2}})
		if err != nil {
			t.Fatal(err)
		}
		for _, items := range [][]Item{{b.Headline}, b.KeyPoints, b.People, b.Numbers, b.Quotes, b.Next, b.Open, b.Prompts} {
			for _, it := range items {
				all := it.Label + it.Detail + it.Text
				if utf8.RuneCountInString(all) > MaxItemRunes || !utf8.ValidString(all) {
					t.Fatalf("item out of bounds or not UTF-8: %+v", it)
				}
				for _, n := range it.Sentences {
					if n < 1 || n > len(a.Sentences) {
						t.Fatalf("cites sentence %d of %d: %+v", n, len(a.Sentences), it)
					}
				}
			}
		}
	})
}
