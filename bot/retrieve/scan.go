package retrieve

import (
	"context"
	"fmt"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/index"
)

// Scan is a Searcher that proposes every sentence of the article asked
// for (of every article when none is): for a small corpus, reading every
// sentence costs less than a search and misses nothing; retrieval's own
// matching then ranks them. The trainer uses it too, so that a model is
// trained on what answering sees.
type Scan struct {
	articles []*doc.Article
	byID     map[string]*doc.Article
}

// NewScan returns a Scan over the given articles.
func NewScan(articles []*doc.Article) *Scan {
	s := &Scan{articles: articles, byID: make(map[string]*doc.Article, len(articles))}
	for _, a := range articles {
		s.byID[a.ID] = a
	}
	return s
}

// Article returns the article with the given ID, or nil.
func (s *Scan) Article(id string) *doc.Article { return s.byID[id] }

// Search returns every sentence of q.Article (of every article when it is
// empty), in order, each with score 0. It ignores q.Limit.
func (s *Scan) Search(ctx context.Context, q index.Query) ([]index.Hit, error) {
	arts := s.articles
	if q.Article != "" {
		a := s.byID[q.Article]
		if a == nil {
			return nil, nil
		}
		arts = []*doc.Article{a}
	}
	var out []index.Hit
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("retrieve: scan: %w", err)
		}
		for _, sent := range a.Sentences {
			out = append(out, index.Hit{Article: a.ID, Sentence: sent.Index})
		}
	}
	return out, nil
}
