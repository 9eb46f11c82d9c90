package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Bounds on what one query may ask, so that any input stays cheap.
const (
	defaultLimit  = 10
	maxLimit      = 10000
	maxQueryBytes = 4096 // of Text, and of each phrase
	maxQueryTerms = 24   // distinct terms of Text; a pasted paragraph searches on its first
	maxPhrases    = 16
)

// Boosts of the parts of a query, relative to a word of Text.
const (
	phraseBoost  = 2.0 // a phrase of Query.Phrases found in order
	relatedBoost = 0.5 // a related word, times its relation's weight (lexicon: 0.6 to 0.95); as the index weighed a multi-word synonym before WordNet
	speakerBoost = 0.5 // a word matching the speaker of a quote
)

// Search finds the sentences that match q, best first. User text is only
// analysed into words: it is never parsed as query syntax, so any input is
// safe. Text with no searchable word (empty, or only stop words) finds
// nothing, without error.
func (ix *Index) Search(ctx context.Context, q Query) ([]Hit, error) {
	if ix == nil || ix.bi == nil {
		return nil, errors.New("index: search: index not open")
	}
	root := ix.buildQuery(q)
	if root == nil {
		return nil, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	req := bleve.NewSearchRequestOptions(root, limit, 0, false)
	req.IncludeLocations = q.Highlight
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
			hit.Spans = ix.spans(article, n, h.Locations[fieldText])
		}
		hits = append(hits, hit)
	}
	return hits, nil
}

// buildQuery turns q into a Bleve query, or nil when it has no word to
// search for. The words of Text are an OR of one term query each, and of
// their related words at lower boosts (see expand); phrases are
// multi-phrase queries (see phraseQuery); the article is a conjunction
// with a term query.
func (ix *Index) buildQuery(q Query) query.Query {
	text := cleanQuery(q.Text)
	toks := ix.analyzer.Analyze([]byte(text))
	var surface, terms []string
	seen := make(map[string]bool, len(toks))
	for _, t := range toks {
		term := string(t.Term)
		if seen[term] || len(seen) >= maxQueryTerms {
			continue
		}
		seen[term] = true
		terms = append(terms, term)
		if t.Start >= 0 && t.Start < t.End && t.End <= len(text) {
			surface = append(surface, text[t.Start:t.End])
		}
	}
	related := map[string][]expansion{}
	for _, x := range expand(ix.th, ix.analyzer, text, seen) {
		related[x.of] = append(related[x.of], x)
	}
	var clauses []query.Query
	for _, term := range terms {
		clauses = append(clauses, ix.wordQuery(term, related[term]))
	}
	for i, p := range q.Phrases {
		if i >= maxPhrases {
			break
		}
		if pq := ix.phraseQuery(cleanQuery(p), phraseBoost); pq != nil {
			clauses = append(clauses, pq)
		}
	}
	if len(clauses) == 0 {
		return nil
	}
	if len(surface) > 0 {
		// A quote names its speaker rarely in the sentence itself ("...,"
		// he said): the speaker field finds it by name. (Matching the
		// people, places and organisations fields too was tried: it ranks
		// sentences that merely name someone above better ones.)
		sq := query.NewMatchQuery(strings.Join(surface, " "))
		sq.SetField(fieldSpeaker)
		sq.SetOperator(query.MatchQueryOperatorOr)
		sq.SetBoost(speakerBoost)
		clauses = append(clauses, sq)
	}
	var root query.Query = query.NewDisjunctionQuery(clauses)
	if q.Article != "" {
		// The filter adds nothing to the score: boost 0.
		aq := query.NewTermQuery(q.Article)
		aq.SetField(fieldArticle)
		aq.SetBoost(0)
		root = query.NewConjunctionQuery([]query.Query{root, aq})
	}
	return root
}

// wordQuery searches for a word of the query (an analysed term) or its
// related words. Bleve scales the score of an OR by the share of its parts
// that matched (1/(n+1) for a sentence with one of a word's n+1 forms),
// which would sink the exact matches of any word with related words: every
// part is boosted n+1 to undo that scaling, so that a sentence with the
// word scores as if the word had none, and one with a related word scores
// that word's boost (relatedBoost times its weight).
func (ix *Index) wordQuery(term string, related []expansion) query.Query {
	if len(related) == 0 {
		return ix.termQuery(term, 1)
	}
	n := float64(len(related) + 1)
	parts := []query.Query{ix.termQuery(term, n)}
	for _, x := range related {
		if x.term != "" {
			parts = append(parts, ix.termQuery(x.term, n*x.boost))
		} else if pq := ix.phraseQuery(x.phrase, n*x.boost); pq != nil {
			parts = append(parts, pq)
		}
	}
	return query.NewDisjunctionQuery(parts)
}

// termQuery searches the text field for an analysed term.
func (ix *Index) termQuery(term string, boost float64) query.Query {
	tq := query.NewTermQuery(term)
	tq.SetField(fieldText)
	tq.SetBoost(boost)
	return tq
}

// phraseQuery searches for the words of p in order, stop words between
// them counting as any one word. The words are not expanded with related
// words: Bleve's phrase search scales each position's OR by the share that
// matched, which sinks a phrase with alternatives below one without. A
// phrase of one word is a term query; of none, nil.
func (ix *Index) phraseQuery(p string, boost float64) query.Query {
	toks := ix.analyzer.Analyze([]byte(p))
	switch len(toks) {
	case 0:
		return nil
	case 1:
		return ix.termQuery(string(toks[0].Term), boost)
	}
	toks = toks[:min(len(toks), maxQueryTerms)]
	first, last := toks[0].Position, toks[len(toks)-1].Position
	if last < first || last-first >= 4*maxQueryTerms {
		return nil
	}
	terms := make([][]string, last-first+1) // nil: a stop word, any word
	for _, t := range toks {
		i := t.Position - first
		if i < 0 || i >= len(terms) {
			return nil
		}
		term := string(t.Term)
		if !slices.Contains(terms[i], term) {
			terms[i] = append(terms[i], term)
		}
	}
	pq := query.NewMultiPhraseQuery(terms, fieldText)
	pq.SetBoost(boost)
	return pq
}

// spans turns the term locations of a hit into sorted, non-overlapping
// byte ranges within the sentence text.
func (ix *Index) spans(article string, n int, tls ...search.TermLocationMap) [][2]int {
	size := -1 // unknown: an Updater's index does not hold the corpus
	if ix.c != nil {
		if a := ix.c.Article(article); a != nil {
			if s, ok := a.Sentence(n); ok {
				size = len(s.Text)
			}
		}
	}
	var out [][2]int
	for _, tl := range tls {
		for _, locs := range tl {
			for _, l := range locs {
				start, end := int(l.Start), int(l.End)
				if start < 0 || start >= end || (size >= 0 && end > size) {
					continue
				}
				out = append(out, [2]int{start, end})
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	slices.SortFunc(out, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	merged := out[:0]
	for _, s := range out {
		if k := len(merged); k > 0 && s[0] < merged[k-1][1] {
			merged[k-1][1] = max(merged[k-1][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// cleanQuery makes user text safe and bounded for analysis: invalid UTF-8,
// control and invisible format characters (zero-width joiners, direction
// marks) become spaces or go, and so do colons; the text is cut to maxQueryBytes on a rune
// boundary; and "us" in any case is read as the country, as questions
// rarely use the pronoun (the text analyzer tells "US" from "us").
func cleanQuery(s string) string {
	if len(s) > maxQueryBytes {
		cut := maxQueryBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				b.WriteByte(' ')
				continue
			}
			b.WriteRune(r)
		case unicode.Is(unicode.Cf, r):
			// invisible: drop, so that "sol\u200ddiers" is "soldiers"
		case unicode.IsControl(r) || unicode.IsSpace(r) || r == ':':
			// A colon joins letters into one word for the tokenizer
			// ("title:x"); in a question it only separates words.
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return foldUS(b.String())
}

// foldUS writes the word "us" (any case) as "US".
func foldUS(s string) string {
	var b []byte
	for i := 0; i+2 <= len(s); i++ {
		if (s[i] != 'u' && s[i] != 'U') || (s[i+1] != 's' && s[i+1] != 'S') {
			continue
		}
		if s[i] == 'U' && s[i+1] == 'S' {
			continue
		}
		if i > 0 && isWordByte(s[i-1]) || i+2 < len(s) && isWordByte(s[i+2]) {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		b[i], b[i+1] = 'U', 'S'
	}
	if b == nil {
		return s
	}
	return string(b)
}

// isWordByte reports the bytes that continue a word for Go's \b: ASCII
// letters, digits and underscore (as the "US" character filter sees them).
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func clip(s string) string {
	if len(s) <= 80 {
		return s
	}
	cut := 80
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
