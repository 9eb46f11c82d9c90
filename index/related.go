package index

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/articlebot/articlebot/corpus/lexicon"
	"github.com/articlebot/articlebot/corpus/text"
)

// Thesaurus gives the words related to a word or phrase of a query
// (lower case), strongest first. A query also searches for them, each at
// a lower boost than the word itself.
type Thesaurus interface {
	Related(word string) []lexicon.Related
}

// ThesaurusFunc makes a function a Thesaurus.
type ThesaurusFunc func(word string) []lexicon.Related

// Related calls f.
func (f ThesaurusFunc) Related(word string) []lexicon.Related { return f(word) }

// Groups is a thesaurus of groups of words or phrases that mean the same:
// each relates to the others of its groups as a synonym. An empty Groups
// relates nothing, and so turns expansion off.
type Groups [][]string

// Related returns the other members of word's groups.
func (g Groups) Related(word string) []lexicon.Related {
	var out []lexicon.Related
	for _, grp := range g {
		if !slices.ContainsFunc(grp, func(w string) bool { return strings.EqualFold(w, word) }) {
			continue
		}
		for _, w := range grp {
			lw := strings.ToLower(w)
			if lw != word && !slices.ContainsFunc(out, func(r lexicon.Related) bool { return r.Word == lw }) {
				out = append(out, lexicon.Related{Word: lw, Kind: lexicon.RelSynonym})
			}
		}
	}
	return out
}

// Bounds on query expansion, so that a long query stays cheap.
const (
	maxRelatedPerWord = 8  // related words searched for one word of a query
	maxExpansions     = 64 // related terms and phrases of one query
	maxLemmaWords     = 3  // longest run of query words looked up as one lemma ("take place")
)

// expansion is one related word a query also searches for.
type expansion struct {
	of     string  // the analysed term of the query word it is related to
	term   string  // a related word that analyses to one term, or ""
	phrase string  // a related multi-word lemma, as written, or ""
	boost  float64 // relative to the query word itself
}

// expand returns the related terms and phrases of a query: each run of up
// to maxLemmaWords words ("chief executive", "take place", "per cent") is
// looked up, and each related word is analysed like the text and belongs
// to the run's first word that has a term. Terms the query has already
// (have) are left out, and so is a term or phrase a word before reached.
// The boost of a related word is relatedBoost times the weight of its
// relation.
func expand(th Thesaurus, a analysis.Analyzer, query string, have map[string]bool) []expansion {
	type qword struct {
		lower string
		term  string // its analysed term, "" for a stop word or punctuation
	}
	var words []qword
	for _, t := range text.Tokenize(query) {
		w := qword{}
		if t.Word {
			w.lower = t.Bare()
			if terms := analyzeTerms(a, foldUS(t.Text)); len(terms) == 1 {
				w.term = terms[0]
			}
		}
		words = append(words, w) // punctuation: lower "", breaks a run
	}
	var out []expansion
	seen := map[string]bool{}
	for i := range words {
		of := ""
		var run []string
		for n := 1; n <= maxLemmaWords && i+n <= len(words); n++ {
			w := words[i+n-1]
			if w.lower == "" {
				break
			}
			run = append(run, w.lower)
			if of == "" {
				of = w.term
			}
			if of == "" || !have[of] {
				continue // a stop word alone is not looked up, nor a word past the query's bound
			}
			for k, r := range th.Related(strings.Join(run, " ")) {
				if k >= maxRelatedPerWord || len(out) >= maxExpansions {
					break
				}
				x := expansion{of: of, boost: relatedBoost * r.Weight()}
				// "us" among the names of the United States is the
				// country, as in a query (see cleanQuery).
				switch terms := analyzeTerms(a, foldUS(r.Word)); len(terms) {
				case 0:
					continue
				case 1:
					x.term = terms[0]
				default:
					x.phrase = r.Word
				}
				key := x.term + "|" + x.phrase
				if have[x.term] || seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, x)
			}
		}
	}
	return out
}

// analyzeTerms returns the terms a makes of s.
func analyzeTerms(a analysis.Analyzer, s string) []string {
	toks := a.Analyze([]byte(s))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out
}
