package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// synonyms is a set of synonym groups as the text analyzer sees them.
// Groups that share a term are merged, so that every term belongs to one
// group and Bleve's expansion of a term is exactly its group.
type synonyms struct {
	groups []synGroup
	byTerm map[string]int // analyzed single term -> index in groups
}

type synGroup struct {
	words   []string    // members that analyze to one term, one per term, as written
	terms   []string    // their terms, in the same order
	phrases []synPhrase // members that analyze to several terms
}

type synPhrase struct {
	text  string   // as written
	terms []string // as analyzed
}

// newSynonyms analyzes the members of groups with a and merges groups that
// share a term or phrase.
func newSynonyms(groups [][]string, a analysis.Analyzer) *synonyms {
	type member struct {
		text  string
		terms []string
	}
	var members [][]member
	// Union-find over groups, joined by shared keys.
	parent := make([]int, len(groups))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := map[string]int{}
	for gi, g := range groups {
		var ms []member
		for _, w := range g {
			terms := analyzeTerms(a, w)
			if len(terms) == 0 {
				continue
			}
			ms = append(ms, member{text: w, terms: terms})
			key := strings.Join(terms, " ")
			if o, ok := owner[key]; ok {
				parent[find(gi)] = find(o)
			} else {
				owner[key] = gi
			}
		}
		members = append(members, ms)
	}
	s := &synonyms{byTerm: map[string]int{}}
	root := map[int]int{} // union root -> index in s.groups
	seen := map[string]bool{}
	for gi, ms := range members {
		r := find(gi)
		si, ok := root[r]
		if !ok {
			si = len(s.groups)
			root[r] = si
			s.groups = append(s.groups, synGroup{})
		}
		g := &s.groups[si]
		for _, m := range ms {
			key := strings.Join(m.terms, " ")
			if seen[key] {
				continue
			}
			seen[key] = true
			if len(m.terms) == 1 {
				g.words = append(g.words, m.text)
				g.terms = append(g.terms, m.terms[0])
				s.byTerm[m.terms[0]] = si
			} else {
				g.phrases = append(g.phrases, synPhrase{text: m.text, terms: m.terms})
			}
		}
	}
	// A group of one word and no phrase has nothing to expand to.
	for i := range s.groups {
		g := &s.groups[i]
		if len(g.terms) == 1 && len(g.phrases) == 0 {
			delete(s.byTerm, g.terms[0])
			g.words, g.terms = nil, nil
		}
	}
	return s
}

// definitions returns the groups of single words for Bleve's synonym
// source: only groups of two words or more.
func (s *synonyms) definitions() [][]string {
	var out [][]string
	for _, g := range s.groups {
		if len(g.words) > 1 {
			out = append(out, g.words)
		}
	}
	return out
}

// count returns how many synonyms Bleve expands term into.
func (s *synonyms) count(term string) int {
	if i, ok := s.byTerm[term]; ok {
		return len(s.groups[i].terms) - 1
	}
	return 0
}

// of returns the synonyms of an analysed term, as terms.
func (s *synonyms) of(term string) []string {
	i, ok := s.byTerm[term]
	if !ok {
		return nil
	}
	var out []string
	for _, t := range s.groups[i].terms {
		if t != term {
			out = append(out, t)
		}
	}
	return out
}

// expansion is what a query gains from the phrase members of synonym
// groups, which Bleve's synonym source cannot hold.
type expansion struct {
	terms   []string // single terms to add (each expanded by Bleve to its group)
	phrases []string // phrases to add, as written
}

// expand returns the extra terms and phrases for a query of the given
// analyzed terms: a word whose group has phrases brings in those phrases;
// a phrase found in the query brings in its group's words (one term
// suffices: Bleve expands it to the rest) and its other phrases.
func (s *synonyms) expand(terms []string) expansion {
	var x expansion
	done := map[int]bool{}
	add := func(gi int, except string) {
		if done[gi] {
			return
		}
		done[gi] = true
		g := s.groups[gi]
		for _, p := range g.phrases {
			if p.text != except && !containsRun(terms, p.terms) {
				x.phrases = append(x.phrases, p.text)
			}
		}
	}
	for _, t := range terms {
		if gi, ok := s.byTerm[t]; ok && len(s.groups[gi].phrases) > 0 {
			add(gi, "")
		}
	}
	for gi, g := range s.groups {
		if done[gi] {
			continue
		}
		for _, p := range g.phrases {
			if !containsRun(terms, p.terms) {
				continue
			}
			if len(g.terms) > 0 && !containsAny(terms, g.terms) {
				x.terms = append(x.terms, g.terms[0])
			}
			add(gi, p.text)
			break
		}
	}
	return x
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

func containsRun(hay, needle []string) bool {
	if len(needle) == 0 {
		return false
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		ok := true
		for j := range needle {
			if hay[i+j] != needle[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func containsAny(hay, needles []string) bool {
	for _, h := range hay {
		for _, n := range needles {
			if h == n {
				return true
			}
		}
	}
	return false
}
