// Package index is articlebot's full-text index of sentences, on Bleve. It is
// the only package that imports Bleve.
package index

import (
	"context"

	"github.com/articlebot/articlebot/corpus"
)

// Options says where the index lives.
type Options struct {
	// Dir, when set, keeps the index on disk there, reused across runs and
	// rebuilt when the corpus (or the index schema) changes. Empty: in memory.
	Dir string
}

// Query is a search for sentences. User text goes in Text and Phrases and
// is only ever treated as words: never as Bleve query syntax.
type Query struct {
	Text      string   // words, any of which may match (OR), ranked by BM25
	Phrases   []string // phrases that boost a sentence when found in order
	Article   string   // when set, only sentences of this article ID
	Limit     int      // most hits returned; 0 means 10
	Highlight bool     // fill Hit.Spans with the matched words' byte ranges
}

// Hit is one matching sentence.
type Hit struct {
	Article  string   // article ID
	Sentence int      // 1-based sentence number in the article
	Score    float64
	Spans    [][2]int // byte ranges in the sentence text of the matched words (with Highlight)
}

// Index is a searchable index of a corpus's sentences.
type Index struct {
	// to be written
}

// Open builds (or, with Options.Dir, reopens or rebuilds) the index of c.
func Open(ctx context.Context, c *corpus.Corpus, opts Options) (*Index, error) {
	panic("to be written")
}

// Search runs q.
func (ix *Index) Search(ctx context.Context, q Query) ([]Hit, error) {
	panic("to be written")
}

// Close releases the index.
func (ix *Index) Close() error { return nil }
