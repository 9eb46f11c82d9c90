package bot

import (
	"math"
	"strings"
	"sync"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	wordnet "github.com/articlebot/articlebot/corpus/lexicon"
	"github.com/articlebot/articlebot/corpus/text"
)

// lexicon finds the words related to a word (text.Related: written
// variants, country names, WordNet's synonyms and derived forms) as base
// stems, and the places words stand for, so that a question's word meets
// a sentence's word in another form. It keeps what it has looked up.
type lexicon struct {
	mu  sync.Mutex
	rel map[string][]relWord // lower-case word or phrase -> its related words
}

// relWord is a related word as matching compares it.
type relWord struct {
	stem   string  // base stem of a one-word related word
	phrase string  // " stem stem " of a multi-word one ("take place")
	weight float64 // below 1, an exact match
	same   bool    // the same word in another form: a written variant or a derived form
}

// maxRelated bounds the words the lexicon keeps looked up: questions may
// hold any word; past it, it starts again.
const maxRelated = 1 << 16

func newLexicon() *lexicon {
	return &lexicon{rel: map[string][]relWord{}}
}

// related returns the related words of a lower-case word or phrase.
func (lx *lexicon) related(w string) []relWord {
	lx.mu.Lock()
	defer lx.mu.Unlock()
	if r, ok := lx.rel[w]; ok {
		return r
	}
	self := text.Base(w)
	var out []relWord
	for _, r := range text.Related(w) {
		words := strings.Fields(r.Word)
		// WordNet's related words are lemmas, base forms already: they
		// are only stemmed ("found" the verb, not the past of "find").
		// A variant may be an inflected form ("sold"): its base.
		stem := text.Stem
		if r.Kind == wordnet.RelVariant {
			stem = text.Base
		}
		switch len(words) {
		case 0:
			continue
		case 1:
			if st := stem(words[0]); st != self {
				out = append(out, relWord{stem: st, weight: r.Weight(), same: r.Kind == wordnet.RelVariant || r.Kind == wordnet.RelDerived})
			}
		default:
			for i, x := range words {
				words[i] = stem(x)
			}
			out = append(out, relWord{phrase: " " + strings.Join(words, " ") + " ", weight: r.Weight()})
		}
	}
	if len(lx.rel) >= maxRelated {
		clear(lx.rel)
	}
	lx.rel[w] = out
	return out
}

// relates reports whether stem is the stem of a word related to w.
func (lx *lexicon) relates(w, stem string) bool {
	for _, r := range lx.related(w) {
		if r.stem == stem {
			return true
		}
	}
	return false
}

// word is one analysed token of a sentence.
type word struct {
	tok    text.Token
	stem   string
	place  string // canonical place for a place name or adjective
	cap    bool   // written with a capital, not first in its sentence
	inName bool   // part of the name of a person, place or body
}

// analysed is a sentence with its words analysed for matching.
type analysed struct {
	sent    *corpus.Sentence
	words   []word
	stems   map[string]bool
	rel     map[string]relHit // stems related to the sentence's words
	lower   string            // the sentence in lower case, for phrase look-ups
	stemmed string            // " stem stem … ": the sentence's base stems, for related phrases
	hasNeg  bool
}

// relHit is the best related word of a sentence for one stem.
type relHit struct {
	weight float64
	at     int // index in words
}

func (lx *lexicon) analyse(s *corpus.Sentence) *analysed {
	a := &analysed{sent: s, stems: map[string]bool{}, rel: map[string]relHit{}, lower: text.Lower(s.Text)}
	first := true
	var stemmed strings.Builder
	stemmed.WriteByte(' ')
	for _, t := range text.Tokenize(s.Text) {
		if !t.Word {
			continue
		}
		w := word{tok: t, stem: text.Base(t.Bare())}
		stemmed.WriteString(w.stem)
		stemmed.WriteByte(' ')
		w.place = placeKey(t.Bare())
		if p, ok := wordnet.Default().Place(t.Bare()); ok && p.Ambiguous() && !t.IsCap() {
			w.place = "" // "turkey", "polish", "us": the common word, not the place
		}
		w.cap = t.IsCap() && !first
		for _, f := range s.Facts {
			if (f.Kind == facts.KindPerson || f.Kind == facts.KindPlace || f.Kind == facts.KindOrg) && f.Start <= t.Start && t.End <= f.End {
				w.inName = true
			}
		}
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
	a.stemmed = stemmed.String()
	lx.relate(a)
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

// placeKey gives a word's canonical place key, or "".
func placeKey(lower string) string {
	if p := facts.PlaceOf(lower); p != "" {
		return "@" + strings.ToLower(p)
	}
	return ""
}

// matchTerm scores how well a question term is found in a sentence: 1 for
// the same stem, less for a place adjective, a related word (its weight)
// or a near spelling.
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
	if m, at := lx.matchRelated(t, a); m > 0 {
		return m, at
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

// maxLemmaWords is the longest run of a sentence's words looked up as one
// lemma ("take place", "chief executive"): WordNet's longest common ones.
const maxLemmaWords = 3

// relate fills a.rel with the stems related to the sentence's words and
// to its multi-word lemmas ("took place" is "take place": "happen").
// Names ("States") and stop words relate to nothing.
func (lx *lexicon) relate(a *analysed) {
	add := func(rs []relWord, at int) {
		for _, r := range rs {
			if r.stem == "" {
				continue
			}
			if h, ok := a.rel[r.stem]; !ok || r.weight > h.weight {
				a.rel[r.stem] = relHit{weight: r.weight, at: at}
			}
		}
	}
	lex := wordnet.Default()
	for i, w := range a.words {
		if w.inName || text.IsStop(w.tok.Lower) {
			continue
		}
		add(lx.related(w.tok.Bare()), i)
		// Runs of words that WordNet has as one lemma, the first word
		// in its base form.
		run := []string{lex.Lemma(w.tok.Bare(), wordnet.AnyPOS)}
		for j := i + 1; j < len(a.words) && j < i+maxLemmaWords; j++ {
			if a.words[j].tok.Start > a.words[j-1].tok.End+1 || a.words[j].inName {
				break // punctuation or a name between
			}
			run = append(run, a.words[j].tok.Bare())
			if p := strings.Join(run, " "); lex.Has(p, wordnet.AnyPOS) {
				add(lx.related(p), i)
			}
		}
	}
}

// matchRelated scores a question term against the words of a sentence
// related to it, either way: a sentence word among the term's related
// words ("happen" - "took place"), or the term among a sentence word's
// ("election" for "elected"). A name is no related word: "States" is not
// "said".
func (lx *lexicon) matchRelated(t term, a *analysed) (float64, int) {
	best, at := 0.0, -1
	if h, ok := a.rel[t.stem]; ok {
		best, at = h.weight, h.at
	}
	for _, r := range lx.related(t.word) {
		if r.weight <= best {
			continue
		}
		if r.phrase != "" {
			if strings.Contains(a.stemmed, r.phrase) {
				best, at = r.weight, -1
			}
			continue
		}
		if !a.stems[r.stem] {
			continue
		}
		for i, w := range a.words {
			if w.stem == r.stem && !w.inName {
				best, at = r.weight, i
				break
			}
		}
	}
	return best, at
}

// tells reports whether some sentence has the term itself, in any form:
// its stem, a written variant or a derived form ("founder" for "founded"),
// not only a synonym.
func (lx *lexicon) tells(t term, sents []*analysed) bool {
	rel := lx.related(t.word)
	for _, a := range sents {
		if a.stems[t.stem] {
			return true
		}
		for _, r := range rel {
			if r.same && a.stems[r.stem] {
				return true
			}
		}
	}
	return false
}
