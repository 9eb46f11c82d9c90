// Package index is articlebot's full-text index of sentences, on Bleve. It is
// the only package that imports Bleve.
//
// Every sentence of the corpus is one document, with its text analysed as
// English (stemmed, stop words dropped; a query also searches for its
// words' related words, see Thesaurus), its article ID as a
// keyword for filtering, and the speakers of the quotes in it. The index is
// a scorch index, in memory or on disk, scored with BM25.
package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	bolt "go.etcd.io/bbolt"

	"github.com/articlebot/articlebot/corpus"
)

// Options says where the index lives and how it matches words.
type Options struct {
	// Dir, when set, keeps the index on disk there, reused across runs and
	// rebuilt when the corpus (or the index schema) changes. Empty: in memory.
	Dir string

	// Thesaurus gives the related words a query searches for besides its
	// own. Nil means text.Related, the one answering uses too (written
	// variants, country names, WordNet's synonyms and derived forms);
	// Groups{} turns expansion off. It works at query time: the index on
	// disk does not depend on it.
	Thesaurus Thesaurus

	// Fingerprints gives the Fingerprint of articles by ID, for a caller
	// that kept them (see corpus/cache); Open computes the others.
	Fingerprints map[string]string
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
	Score    float64  // BM25 score
	Spans    [][2]int // byte ranges in the sentence text of the matched words (with Highlight)
}

// Index is a searchable index of a corpus's sentences. It is safe for
// concurrent use.
type Index struct {
	bi       bleve.Index
	c        *corpus.Corpus
	analyzer analysis.Analyzer // the text field's analyzer
	th       Thesaurus
	rebuilt  bool
	indexed  int // articles (re)indexed by Open
	removed  int // articles whose documents Open deleted

	closeOnce sync.Once // Bleve's scorch panics when closed twice
	closeErr  error
}

// batchSize is how many sentences go in one batch write. Open looks at its
// context before each article and between batches. A batch of 5,000
// took about 0.2 s to analyse and write on 2 unloaded cores, one of 1,000
// a fifth of that; the whole build of 35,190 sentences took about 1.4 s
// with either.
const batchSize = 1000

// Open builds (or, with Options.Dir, reopens, updates or rebuilds) the
// index of c: an Updater given every article of c.
func Open(ctx context.Context, c *corpus.Corpus, opts Options) (*Index, error) {
	if c == nil {
		return nil, errors.New("index: open: no corpus")
	}
	u, err := NewUpdater(ctx, opts)
	if err != nil {
		return nil, err
	}
	for _, a := range c.Articles {
		if a == nil {
			continue
		}
		fp, ok := opts.Fingerprints[a.ID]
		if !ok {
			fp = Fingerprint(a)
		}
		if err := u.Put(a, fp); err != nil {
			u.Abort()
			return nil, err
		}
	}
	ix, err := u.Finish()
	if err != nil {
		return nil, err
	}
	ix.c = c
	return ix, nil
}

// openDisk opens the index at dir, waiting a little for another process
// that holds it (Bleve would wait forever).
func openDisk(dir string) (bleve.Index, error) {
	return bleve.OpenUsing(dir, map[string]interface{}{"bolt_timeout": "2s"})
}

// reuse opens the index at dir when it was built by this schema, and
// returns what it holds. It returns nil when there is no such index
// (none, a damaged one, or another), and an error only when the index is
// held by another process: that one must not be replaced. The articles of
// an update that did not finish (pendingKey) are held as changed.
func reuse(dir string) (bleve.Index, manifest, error) {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return nil, nil, nil
	}
	bi, err := openDisk(dir)
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, nil, fmt.Errorf("index: open %s: in use by another process: %w", dir, err)
	}
	if err != nil {
		return nil, nil, nil
	}
	schema, err1 := bi.GetInternal([]byte(keySchema))
	raw, err2 := bi.GetInternal([]byte(keyManifest))
	have, ok := decodeManifest(raw)
	if err1 != nil || err2 != nil || string(schema) != schemaVersion || raw == nil || !ok {
		bi.Close()
		return nil, nil, nil
	}
	for n := 0; ; n++ {
		pending, err := bi.GetInternal(pendingKey(n))
		if err != nil {
			bi.Close()
			return nil, nil, nil
		}
		if pending == nil {
			break
		}
		p, ok := decodeManifest(pending)
		if !ok {
			bi.Close()
			return nil, nil, nil
		}
		for id, e := range p {
			have[id] = entry{Sentences: max(e.Sentences, have[id].Sentences)}
		}
	}
	return bi, have, nil
}

// writer writes documents to an index in batches of batchSize.
type writer struct {
	ctx     context.Context
	bi      bleve.Index
	b       *bleve.Batch
	where   string
	changed bool // the batch holds documents; see Updater.pending
	// beforeFlush, when set, runs before a batch with documents is written
	// (to add what must be written with them).
	beforeFlush func(b *bleve.Batch)
}

// article adds (or replaces) the documents of a's sentences.
func (w *writer) article(a *corpus.Article) error {
	w.changed = true
	if err := w.ctx.Err(); err != nil {
		return fmt.Errorf("index: build %s: %w", w.where, err)
	}
	for i := range a.Sentences {
		if err := w.b.Index(docID(a.ID, i+1), toDocument(a.ID, &a.Sentences[i])); err != nil {
			return fmt.Errorf("index: add %s sentence %d: %w", a.ID, i+1, err)
		}
		if err := w.full(); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) delete(id string) error {
	w.changed = true
	w.b.Delete(id)
	return w.full()
}

// full writes the batch when it is full.
func (w *writer) full() error {
	if w.b.Size() < batchSize {
		return nil
	}
	return w.flush()
}

// flush writes the batch.
func (w *writer) flush() error {
	if err := w.ctx.Err(); err != nil {
		return fmt.Errorf("index: build %s: %w", w.where, err)
	}
	if w.changed && w.beforeFlush != nil {
		w.beforeFlush(w.b)
	}
	w.changed = false
	if err := w.bi.Batch(w.b); err != nil {
		return fmt.Errorf("index: write batch to %s: %w", w.where, err)
	}
	// A new batch, not Reset: scorch's analysis goroutine may still be
	// ranging over a batch of updates and deletes after Batch returns
	// (bleve v2.6.3, scorch.go Batch; go test -race found it).
	w.b = w.bi.NewBatch()
	return nil
}

// checkReplaceable refuses to replace dir unless it is missing, empty, or
// a Bleve index: a mistyped path must never cost someone a folder.
func checkReplaceable(dir string) error {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("index: open %s: %w", dir, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("index: open %s: not a folder", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("index: open %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("index: open %s: folder is not empty and holds no index; not replacing it", dir)
	}
	return nil
}

func where(path string) string {
	if path == "" {
		return "in memory"
	}
	return path
}

// docID is the document ID of sentence n (1-based) of an article.
func docID(article string, n int) string { return article + "/" + strconv.Itoa(n) }

// parseID splits a document ID into article and sentence number.
func parseID(id string) (string, int, bool) {
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '/' {
			n, err := strconv.Atoi(id[i+1:])
			return id[:i], n, err == nil && n > 0
		}
	}
	return "", 0, false
}

// Rebuilt reports whether Open built the index rather than reusing one on
// disk.
func (ix *Index) Rebuilt() bool { return ix != nil && ix.rebuilt }

// Updated reports how many articles Open indexed (all of them when it
// built the index; on disk, the new and changed ones) and how many it
// removed (on disk, the articles gone since).
func (ix *Index) Updated() (indexed, removed int) { return ix.indexed, ix.removed }

// Close releases the index. Closing twice is not an error.
func (ix *Index) Close() error {
	if ix == nil || ix.bi == nil {
		return nil
	}
	ix.closeOnce.Do(func() {
		if err := ix.bi.Close(); err != nil && !errors.Is(err, bleve.ErrorIndexClosed) {
			ix.closeErr = fmt.Errorf("index: close: %w", err)
		}
	})
	return ix.closeErr
}
