package doc_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/bot/internal/newstest"
	"github.com/articlebot/articlebot/corpus"
)

// TestExtractionTagsAreReused: analysing a just-parsed article, which
// reuses the tags extraction made, gives what analysing it with no tags
// (as read back from a cache) gives, on news articles and on sentences
// whose abbreviations analysis joins (and so tags afresh).
func TestExtractionTagsAreReused(t *testing.T) {
	tg := newstest.Tagger(t)
	abbrev, err := corpus.Parse(context.Background(), "abbrev", []byte("The vote is on Feb. 14 in St. Paul, Minn., said Gov. Tim Walz.\n\nShe said it was fine. Sales rose 4% in Jan. and fell in Sept.\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range append(newstest.Articles(t, "../testdata/news/articles"), abbrev) {
		t.Run(a.ID, func(t *testing.T) {
			tagged := 0
			for _, s := range a.Sentences {
				if s.Tags != nil {
					tagged++
				}
			}
			if tagged != len(a.Sentences) {
				t.Fatalf("%d of %d sentences have extraction's tags", tagged, len(a.Sentences))
			}
			reused, err := doc.Analyse(context.Background(), tg, a)
			if err != nil {
				t.Fatal(err)
			}
			bare := *a
			bare.Sentences = append([]corpus.Sentence(nil), a.Sentences...)
			for i := range bare.Sentences {
				bare.Sentences[i].Tags = nil
			}
			fresh, err := doc.Analyse(context.Background(), tg, &bare)
			if err != nil {
				t.Fatal(err)
			}
			for i := range fresh.Sentences {
				if !reflect.DeepEqual(reused.Sentences[i].Words, fresh.Sentences[i].Words) {
					t.Fatalf("sentence %d differs:\nreused %+v\n fresh %+v", i+1, reused.Sentences[i].Words, fresh.Sentences[i].Words)
				}
			}
		})
	}
}
