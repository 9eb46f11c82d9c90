// Package retrieve finds the sentences that may answer a question: the
// index proposes them (BM25 over every article), and each is then matched
// word by word against the question, so that later stages know which of
// the question's words it holds and where.
package retrieve

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/bot/question"
	"github.com/articlebot/articlebot/index"
)

// Searcher finds the sentences that match a query: what retrieval needs of
// an index.
type Searcher interface {
	Search(ctx context.Context, q index.Query) ([]index.Hit, error)
}

// Articles looks up an analysed article by ID.
type Articles interface {
	Article(id string) *doc.Article
}

// Match is how a sentence holds one question term.
type Match struct {
	Strength float64 // 1 the same word; less for a synonym, a derived word or a typo; 0 none
	Pos      int     // the word's index in the sentence; -1 when none
}

// Hit is a sentence that may answer the question, matched against it.
type Hit struct {
	Article *doc.Article
	Sent    *doc.Sentence
	Score   float64 // the index's BM25 score
	// Matches has one entry for each of the question's terms.
	Matches []Match
	// Weights are the terms' weights in this sentence's article (IDF;
	// terms the article never uses weigh less, see Weights).
	Weights []float64
	// Coverage is the weighted share of the question's terms the sentence
	// holds, 0..1.
	Coverage float64
	// Exact is the weighted share it holds word for word (same stem).
	Exact float64
	// Pairs is the share of the question's neighbouring content words
	// that the sentence holds near each other (within pairWindow words)
	// and in the same order: phrases, not only words, in common.
	Pairs float64
	// PrevCoverage is the share of the remaining terms that the sentence
	// before it holds, when this one leans on it ("He said …", "It …").
	PrevCoverage float64
	// Rank is the hit's place by Coverage, 0 the best.
	Rank int
}

// Options bound retrieval.
type Options struct {
	// Limit is how many sentences the index proposes.
	Limit int
}

// DefaultLimit is how many sentences the index proposes when Options says
// nothing: enough that the answering sentence is among them for 99% of
// the development questions (support@40 on news-dev2..4, measured), few
// enough that matching them costs little.
const DefaultLimit = 40

// Sentences finds and matches the sentences that may answer q, best
// first; with article set, only that article's.
func Sentences(ctx context.Context, s Searcher, arts Articles, q *question.Question, article string, opt Options) ([]Hit, error) {
	if len(q.Terms) == 0 {
		return nil, nil
	}
	words := make([]string, 0, len(q.Terms))
	for _, t := range q.Terms {
		words = append(words, t.Word)
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	ihits, err := s.Search(ctx, index.Query{Text: strings.Join(words, " "), Article: article, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("retrieve: %w", err)
	}
	weights := map[string][]float64{}
	hits := make([]Hit, 0, len(ihits))
	for _, ih := range ihits {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("retrieve: %w", err)
		}
		a := arts.Article(ih.Article)
		if a == nil {
			continue
		}
		sent := a.Sentence(ih.Sentence)
		if sent == nil {
			continue
		}
		w, ok := weights[a.ID]
		if !ok {
			w = Weights(q, a)
			weights[a.ID] = w
		}
		h := Hit{Article: a, Sent: sent, Score: ih.Score, Weights: w}
		h.Matches = MatchAll(q, sent)
		h.Coverage = coverage(h.Matches, w, nil)
		h.Exact = exactCoverage(h.Matches, w)
		h.Pairs = pairs(h.Matches)
		if prev := a.Prev(sent); prev != nil && leans(sent) {
			pm := MatchAll(q, prev)
			h.PrevCoverage = coverage(pm, w, h.Matches)
		}
		if h.Coverage == 0 && h.PrevCoverage == 0 {
			continue // holds none of the question's words
		}
		hits = append(hits, h)
	}
	sort.SliceStable(hits, func(i, j int) bool {
		si, sj := hits[i].Coverage+0.5*hits[i].PrevCoverage, hits[j].Coverage+0.5*hits[j].PrevCoverage
		if si != sj {
			return si > sj
		}
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		if hits[i].Article.ID != hits[j].Article.ID {
			return hits[i].Article.ID < hits[j].Article.ID
		}
		return hits[i].Sent.Index < hits[j].Sent.Index
	})
	for i := range hits {
		hits[i].Rank = i
	}
	return hits, nil
}

// Weights weighs q's terms for article a: a term the article holds by its
// IDF there; one it never holds by half the average of the others, so that
// a paraphrased question is not sunk by its own wording.
func Weights(q *question.Question, a *doc.Article) []float64 {
	w := make([]float64, len(q.Terms))
	sum, n := 0.0, 0
	for i, t := range q.Terms {
		if a.DF(t.Stem) > 0 {
			w[i] = a.IDF(t.Stem)
			sum += w[i]
			n++
		}
	}
	avg := 1.0
	if n > 0 {
		avg = sum / float64(n)
	}
	for i, t := range q.Terms {
		if a.DF(t.Stem) == 0 {
			w[i] = absentWeight * avg
		}
	}
	return w
}

// absentWeight is the weight, as a share of the average, of a question
// term the article never uses.
const absentWeight = 0.5

// coverage is the weighted share of the terms matched; with skip, only of
// the terms skip does not match.
func coverage(ms []Match, w []float64, skip []Match) float64 {
	var total, got float64
	for i, m := range ms {
		total += w[i]
		if skip != nil && skip[i].Strength > 0 {
			continue
		}
		got += w[i] * m.Strength
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// pairWindow is how near two words of a question phrase must stand in a
// sentence to count as the phrase ("military leaders" in "military
// leaders from", "leaders of the military" not).
const pairWindow = 3

// pairs is the share of neighbouring question terms that stand near each
// other, in order, in the sentence.
func pairs(ms []Match) float64 {
	if len(ms) < 2 {
		return 0
	}
	n := 0
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i].Pos, ms[i+1].Pos
		if a >= 0 && b > a && b-a <= pairWindow {
			n++
		}
	}
	return float64(n) / float64(len(ms)-1)
}

// exactCoverage is the weighted share of the terms matched word for word.
func exactCoverage(ms []Match, w []float64) float64 {
	var total, got float64
	for i, m := range ms {
		total += w[i]
		if m.Strength == 1 {
			got += w[i]
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// leans reports a sentence that opens with a pronoun, so that what it is
// about is named in the sentence before.
func leans(s *doc.Sentence) bool {
	for i, w := range s.Words {
		if !w.Word {
			continue
		}
		switch w.Lower {
		case "he", "she", "it", "they", "his", "her", "its", "their", "this", "these", "that", "those":
			return true
		}
		return i > 0 && leansAfterQuote(s)
	}
	return false
}

// leansAfterQuote reports a quote whose speaker is a pronoun ("“…,” he said").
func leansAfterQuote(s *doc.Sentence) bool {
	for i := 1; i+1 < len(s.Words); i++ {
		switch s.Words[i].Lower {
		case "he", "she", "they":
			if s.Words[i+1].Tag.Verb() {
				return true
			}
		}
	}
	return false
}
