// Package index is articlebot's full-text index of sentences, on Bleve. It is
// the only package that imports Bleve.
package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// schemaVersion changes whenever the mapping or the documents change shape;
// an index on disk with another version is rebuilt.
const schemaVersion = "3"

const (
	synonymSource     = "general-english"
	synonymCollection = "synonyms"
	keySchema         = "articlebot.schema"
	keyFingerprint    = "articlebot.fingerprint"
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
	Score    float64  // BM25 score
	Spans    [][2]int // byte ranges in the sentence text of the matched words (with Highlight)
}

// Index is a searchable index of a corpus's sentences. It is safe for
// concurrent use.
type Index struct {
	bi      bleve.Index
	rebuilt bool
}

// document is what is indexed of one sentence.
type document struct {
	Text    string `json:"text"`
	Article string `json:"article"`
	People  string `json:"people"`
	Places  string `json:"places"`
	Kinds   string `json:"kinds"`
}

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	if err := m.AddSynonymSource(synonymSource, map[string]interface{}{
		"collection": synonymCollection,
		"analyzer":   en.AnalyzerName,
	}); err != nil {
		return nil, fmt.Errorf("index: synonym source: %w", err)
	}
	words := bleve.NewTextFieldMapping()
	words.Analyzer = en.AnalyzerName
	words.IncludeTermVectors = true
	words.Store = false
	words.SynonymSource = synonymSource
	names := bleve.NewTextFieldMapping()
	names.Analyzer = en.AnalyzerName
	names.Store = false
	keyword := bleve.NewKeywordFieldMapping()
	keyword.Store = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("text", words)
	doc.AddFieldMappingsAt("people", names)
	doc.AddFieldMappingsAt("places", names)
	doc.AddFieldMappingsAt("article", keyword)
	doc.AddFieldMappingsAt("kinds", keyword)
	m.DefaultMapping = doc
	m.DefaultAnalyzer = en.AnalyzerName
	m.IndexDynamic = false
	m.StoreDynamic = false
	return m, nil
}

// Open builds (or, with Options.Dir, reopens or rebuilds) the index of c.
func Open(ctx context.Context, c *corpus.Corpus, opts Options) (*Index, error) {
	fp := fingerprint(c)
	if opts.Dir == "" {
		bi, err := build(ctx, "", c, fp)
		if err != nil {
			return nil, err
		}
		return &Index{bi: bi, rebuilt: true}, nil
	}
	if bi, err := bleve.Open(opts.Dir); err == nil {
		schema, _ := bi.GetInternal([]byte(keySchema))
		have, _ := bi.GetInternal([]byte(keyFingerprint))
		if string(schema) == schemaVersion && string(have) == fp {
			return &Index{bi: bi}, nil
		}
		if err := bi.Close(); err != nil {
			return nil, fmt.Errorf("index: close stale index %s: %w", opts.Dir, err)
		}
	}
	// Build next to the target and rename into place, so that a crash
	// never leaves a half-built index where a good one is looked for.
	parent := filepath.Dir(filepath.Clean(opts.Dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("index: create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, ".articlebot-index-*")
	if err != nil {
		return nil, fmt.Errorf("index: temporary folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, "index")
	bi, err := build(ctx, path, c, fp)
	if err != nil {
		return nil, err
	}
	if err := bi.Close(); err != nil {
		return nil, fmt.Errorf("index: close new index: %w", err)
	}
	if err := os.RemoveAll(opts.Dir); err != nil {
		return nil, fmt.Errorf("index: remove stale index %s: %w", opts.Dir, err)
	}
	if err := os.Rename(path, opts.Dir); err != nil {
		return nil, fmt.Errorf("index: move index into %s: %w", opts.Dir, err)
	}
	bi, err = bleve.Open(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("index: open %s: %w", opts.Dir, err)
	}
	return &Index{bi: bi, rebuilt: true}, nil
}

// Rebuilt reports whether Open built the index rather than reusing one on
// disk.
func (ix *Index) Rebuilt() bool { return ix.rebuilt }

// build indexes every sentence of c, in batches, at path ("" in memory).
func build(ctx context.Context, path string, c *corpus.Corpus, fp string) (bleve.Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	bi, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("index: create: %w", err)
	}
	fail := func(err error) (bleve.Index, error) {
		bi.Close()
		return nil, err
	}
	b := bi.NewBatch()
	for i, g := range text.Synonyms() {
		if err := b.IndexSynonym("syn-"+strconv.Itoa(i), synonymCollection, &bleve.SynonymDefinition{Synonyms: g}); err != nil {
			return fail(fmt.Errorf("index: synonyms: %w", err))
		}
	}
	for _, a := range c.Articles {
		if err := ctx.Err(); err != nil {
			return fail(fmt.Errorf("index: build: %w", err))
		}
		for _, s := range a.Sentences {
			if err := b.Index(docID(a.ID, s.Index), toDocument(s)); err != nil {
				return fail(fmt.Errorf("index: add %s sentence %d: %w", a.ID, s.Index, err))
			}
		}
		if b.Size() >= 2000 {
			if err := bi.Batch(b); err != nil {
				return fail(fmt.Errorf("index: write batch: %w", err))
			}
			b.Reset()
		}
	}
	b.SetInternal([]byte(keySchema), []byte(schemaVersion))
	b.SetInternal([]byte(keyFingerprint), []byte(fp))
	if err := bi.Batch(b); err != nil {
		return fail(fmt.Errorf("index: write batch: %w", err))
	}
	return bi, nil
}

func docID(article string, n int) string { return article + "/" + strconv.Itoa(n) }

func parseID(id string) (string, int, bool) {
	i := strings.LastIndexByte(id, '/')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(id[i+1:])
	return id[:i], n, err == nil
}

func toDocument(s corpus.Sentence) document {
	d := document{Text: s.Text, Article: s.Article}
	var people, places, kinds []string
	seen := map[facts.Kind]bool{}
	for _, f := range s.Facts {
		switch f.Kind {
		case facts.KindPerson:
			people = append(people, f.Value)
		case facts.KindQuote:
			people = append(people, f.Speaker)
		case facts.KindPlace, facts.KindOrg:
			places = append(places, f.Value)
		}
		if !seen[f.Kind] {
			seen[f.Kind] = true
			kinds = append(kinds, string(f.Kind))
		}
	}
	d.People = strings.Join(people, "; ")
	d.Places = strings.Join(places, "; ")
	d.Kinds = strings.Join(kinds, " ")
	return d
}

// fingerprint identifies a corpus's indexed content.
func fingerprint(c *corpus.Corpus) string {
	h := sha256.New()
	for _, a := range c.Articles {
		fmt.Fprintf(h, "%s\x00%d\x00", a.ID, len(a.Sentences))
		for _, s := range a.Sentences {
			d := toDocument(s)
			fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", d.Text, d.People, d.Places, d.Kinds)
		}
	}
	for _, g := range text.Synonyms() {
		fmt.Fprintf(h, "%s\x00", strings.Join(g, "|"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// maxQueryWords bounds the words of a query: a paragraph pasted as a
// question still searches, on its first words.
const maxQueryWords = 64

// Search runs q.
func (ix *Index) Search(ctx context.Context, q Query) ([]Hit, error) {
	words := queryWords(q.Text)
	if len(words) == 0 && len(q.Phrases) == 0 {
		return nil, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	var should []query.Query
	if len(words) > 0 {
		mq := bleve.NewMatchQuery(strings.Join(words, " "))
		mq.SetField("text")
		mq.SetOperator(query.MatchQueryOperatorOr)
		should = append(should, mq)
		nq := bleve.NewMatchQuery(strings.Join(words, " "))
		nq.SetField("people")
		nq.SetBoost(0.5)
		should = append(should, nq)
	}
	for _, p := range q.Phrases {
		pw := queryWords(p)
		if len(pw) < 2 {
			continue
		}
		pq := bleve.NewMatchPhraseQuery(strings.Join(pw, " "))
		pq.SetField("text")
		pq.SetBoost(2)
		should = append(should, pq)
	}
	var root query.Query = bleve.NewDisjunctionQuery(should...)
	if q.Article != "" {
		tq := bleve.NewTermQuery(q.Article)
		tq.SetField("article")
		root = bleve.NewConjunctionQuery(root, tq)
	}
	req := bleve.NewSearchRequestOptions(root, limit, 0, false)
	if q.Highlight {
		req.IncludeLocations = true
	}
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: search %q: %w", clip(q.Text), err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		article, n, ok := parseID(h.ID)
		if !ok {
			continue
		}
		hit := Hit{Article: article, Sentence: n, Score: h.Score}
		if q.Highlight {
			hit.Spans = spans(h.Locations["text"])
		}
		hits = append(hits, hit)
	}
	return hits, nil
}

// queryWords splits user text into plain words: letters and digits only,
// so nothing in it can act as query syntax.
func queryWords(s string) []string {
	var out []string
	for _, t := range text.Tokenize(text.Clean(s)) {
		if !t.Word {
			continue
		}
		w := strings.Map(func(r rune) rune {
			if r == '\'' || r == '’' || r == '.' || r == ',' || r == '-' || r == '&' || r == '/' || r == '%' {
				return ' '
			}
			return r
		}, t.Text)
		out = append(out, strings.Fields(w)...)
		if len(out) >= maxQueryWords {
			return out[:maxQueryWords]
		}
	}
	return out
}

// spans turns term locations into sorted, merged byte ranges.
func spans(tl search.TermLocationMap) [][2]int {
	var out [][2]int
	for _, locs := range tl {
		for _, l := range locs {
			out = append(out, [2]int{int(l.Start), int(l.End)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s[0] <= merged[n-1][1] {
			if s[1] > merged[n-1][1] {
				merged[n-1][1] = s[1]
			}
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// Close releases the index.
func (ix *Index) Close() error {
	if err := ix.bi.Close(); err != nil && !errors.Is(err, bleve.ErrorIndexClosed) {
		return fmt.Errorf("index: close: %w", err)
	}
	return nil
}
