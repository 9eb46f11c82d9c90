package bot_test

import (
	"context"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/index"
)

// scanSearcher returns every sentence: a stand-in index for tests.
type scanSearcher struct{ c *corpus.Corpus }

func (s scanSearcher) Search(ctx context.Context, q index.Query) ([]index.Hit, error) {
	var out []index.Hit
	for _, a := range s.c.Articles {
		if q.Article != "" && a.ID != q.Article {
			continue
		}
		for _, st := range a.Sentences {
			out = append(out, index.Hit{Article: a.ID, Sentence: st.Index})
		}
	}
	return out, nil
}
