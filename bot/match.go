package bot

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// lexicon maps words to the synonym groups and places they stand for, so
// that a question's word meets a sentence's word in another form.
type lexicon struct {
	groups map[string][]int // base stem of a word -> synonym group ids
	phrase [][]string       // multi-word members by group, as word lists
}

func newLexicon() *lexicon {
	lx := &lexicon{groups: map[string][]int{}}
	for id, g := range text.Synonyms() {
		var phrases []string
		for _, w := range g {
			if strings.Contains(w, " ") {
				phrases = append(phrases, w)
				continue
			}
			st := text.Base(w)
			lx.groups[st] = appendUnique(lx.groups[st], id)
		}
		lx.phrase = append(lx.phrase, phrases)
	}
	return lx
}

func appendUnique(s []int, v int) []int {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// word is one analysed token of a sentence.
type word struct {
	tok    text.Token
	stem   string
	groups []int
	place  string // canonical place for a place name or adjective
	cap    bool   // written with a capital, not first in its sentence
	inName bool   // part of the name of a person, place or body
}

// analysed is a sentence with its words analysed for matching.
type analysed struct {
	sent   *corpus.Sentence
	words  []word
	stems  map[string]bool
	lower  string // the sentence in lower case, for phrase look-ups
	hasNeg bool
}

func (lx *lexicon) analyse(s *corpus.Sentence) *analysed {
	a := &analysed{sent: s, stems: map[string]bool{}, lower: text.Lower(s.Text)}
	first := true
	for _, t := range text.Tokenize(s.Text) {
		if !t.Word {
			continue
		}
		w := word{tok: t, stem: text.Base(t.Bare())}
		w.groups = lx.groups[w.stem]
		w.place = placeKey(t.Bare())
		w.cap = t.IsCap() && !first
		first = false
		a.words = append(a.words, w)
		a.stems[w.stem] = true
		if w.place != "" {
			a.stems[w.place] = true // "Dutch" meets "the Netherlands"
		}
		if t.Lower == "not" || t.Lower == "never" || t.Lower == "no" || strings.HasSuffix(t.Lower, "n't") {
			a.hasNeg = true
		}
	}
	markNames(a.words, s.Facts)
	// Multi-word synonyms ("chief executive", "per cent").
	for id, phrases := range lx.phrase {
		for _, p := range phrases {
			if strings.Contains(a.lower, p) {
				a.stems["#"+strconv.Itoa(id)] = true
			}
		}
	}
	for _, f := range s.Facts {
		if f.Kind == facts.KindPlace && f.Value != "" {
			a.stems["@"+strings.ToLower(f.Value)] = true
		}
		// "Ms Kelly" stands for Ruth Kelly: the full name's words count.
		if f.Kind == facts.KindPerson && f.Value != f.Text {
			for _, t := range text.Tokenize(f.Value) {
				if t.Word {
					a.stems[text.Base(t.Bare())] = true
				}
			}
		}
	}
	return a
}

// markNames sets inName on the words inside the name of a person, place or
// body. Each name finds its first word by binary search, so a long
// sentence with many names costs no more than its names' words.
func markNames(words []word, fs []facts.Fact) {
	for _, f := range fs {
		if f.Kind != facts.KindPerson && f.Kind != facts.KindPlace && f.Kind != facts.KindOrg {
			continue
		}
		i := sort.Search(len(words), func(i int) bool { return words[i].tok.Start >= f.Start })
		for ; i < len(words) && words[i].tok.Start < f.End; i++ {
			if words[i].tok.End <= f.End {
				words[i].inName = true
			}
		}
	}
}

// placeKey gives a word's canonical place key, or "".
func placeKey(lower string) string {
	if p := facts.PlaceOf(lower); p != "" {
		return "@" + strings.ToLower(p)
	}
	return ""
}

// matchTerm scores how well a question term is found in a sentence: 1 for
// the same stem, less for a synonym, a place adjective or a near spelling.
func (lx *lexicon) matchTerm(t term, a *analysed) (float64, int) {
	if a.stems[t.stem] {
		for i, w := range a.words {
			if w.stem == t.stem {
				return 1, i
			}
		}
		return 1, -1
	}
	if pk := placeKey(t.word); pk != "" {
		if a.stems[pk] {
			for i, w := range a.words {
				if w.place == pk {
					return 0.95, i
				}
			}
			return 0.95, -1
		}
	}
	for _, g := range lx.groups[t.stem] {
		for i, w := range a.words {
			if w.inName {
				continue // a name is no synonym: "States" is not "said"
			}
			for _, wg := range w.groups {
				if wg == g {
					return 0.85, i
				}
			}
		}
		if a.stems["#"+strconv.Itoa(g)] {
			return 0.85, -1
		}
	}
	if len(t.word) >= 5 {
		for i, w := range a.words {
			lw := w.tok.Bare()
			if len(lw) >= 5 && editDistanceAtMostOne(t.word, lw) {
				return 0.8, i
			}
		}
	}
	return 0, -1
}

// editDistanceAtMostOne reports whether a and b differ by at most one
// insertion, deletion or substitution ("minster"/"minister").
func editDistanceAtMostOne(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i, j, edits := 0, 0, 0
	for i < la && j < lb {
		if a[i] == b[j] {
			i++
			j++
			continue
		}
		edits++
		if edits > 1 {
			return false
		}
		switch {
		case la > lb:
			i++
		case lb > la:
			j++
		default:
			i++
			j++
		}
	}
	return edits+(la-i)+(lb-j) <= 1
}

// idf weighs a question term by how rare it is among the sentences, so
// rare words count for more than common ones.
func (lx *lexicon) idf(t term, sents []*analysed) (float64, int) {
	df := 0
	for _, a := range sents {
		if m, _ := lx.matchTerm(t, a); m > 0 {
			df++
		}
	}
	return math.Log(1 + float64(len(sents)+1)/float64(df+1)), df
}

// coverage is the share of the question's weight a sentence matches, and
// the positions of the matched words in the sentence.
func (lx *lexicon) coverage(terms []term, w []float64, a *analysed) (float64, []int) {
	var total, got float64
	var pos []int
	for i, t := range terms {
		total += w[i]
		m, p := lx.matchTerm(t, a)
		got += w[i] * m
		if m > 0 && p >= 0 {
			pos = append(pos, p)
		}
	}
	if total == 0 {
		return 0, nil
	}
	return got / total, pos
}

// sameGroup reports whether two stems share a synonym group.
func (lx *lexicon) sameGroup(a, b string) bool {
	for _, g := range lx.groups[a] {
		for _, h := range lx.groups[b] {
			if g == h {
				return true
			}
		}
	}
	return false
}
