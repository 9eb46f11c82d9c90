package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Choices of what the word table keeps. They bound its size and keep
// rare senses out: the table is for matching news questions to sentences,
// where a word almost always means what it most often means.
const (
	// maxSenses: synonyms come from a word's first one or two senses
	// (WordNet lists senses most frequent first).
	maxSenses = 2
	// laterSenseShare: a second sense counts as frequent when the
	// concordances tagged it at least this share as often as the first.
	laterSenseShare = 0.25
	// posShare: a part of speech contributes related words when it was
	// tagged at least this share as often as the word's commonest one.
	posShare = 0.25
	// maxRelated bounds the related words kept for one word, and
	// maxRelatedUntagged for a word the concordances never tagged: rare
	// words are seldom asked about, and they are most of WordNet.
	maxRelated         = 12
	maxRelatedUntagged = 4
	// maxLemmaWords: longer multi-word lemmas are left out.
	maxLemmaWords = 3
	// pastNounCount: an irregular verb form that is also a noun tagged at
	// least this often ("ground", "felt") is not flagged as a past form.
	pastNounCount = 5
)

// The kinds of related word, in the order their weights fall (the
// lexicon package gives each a weight).
const (
	relSynonym      = '1' // in the same synset as the word's first sense
	relDerived      = 'd' // a derivationally related form ("lead" - "leader")
	relLaterSynonym = '2' // in the same synset as a later frequent sense
)

// classRoot is a synset whose hyponyms (by hypernym closure) get a class
// bit. The bit numbers are the lexicon package's Class constants.
type classRoot struct {
	bit   int
	lemma string
	sense int
}

var classRoots = []classRoot{
	{0, "person", 1},
	{1, "social group", 1},
	{2, "organization", 1},
	{3, "location", 1},
	{4, "country", 2},
	{5, "city", 1},
	{6, "time period", 1},
	{7, "time unit", 1},
	{8, "unit of measurement", 1},
	{9, "measure", 2},
	{10, "monetary unit", 1},
	{10, "money", 1},
	{11, "event", 1},
	{12, "body part", 1},
	{13, "animal", 1},
	{14, "structure", 1},
	{14, "facility", 1},
}

// goodLemma reports a lemma the table keeps: plain letters, with inner
// spaces, hyphens, periods or apostrophes, at most maxLemmaWords words.
func goodLemma(w string) bool {
	if w == "" || strings.Count(w, " ")+1 > maxLemmaWords {
		return false
	}
	letters := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			letters++
		case c == ' ' || c == '-' || c == '.' || c == '\'':
		default:
			return false
		}
	}
	return letters > 0
}

// frequentSenses returns the sense numbers (0-based) a word is taken to
// mean: the first, and the second when tagged often enough.
func frequentSenses(counts []int) []int {
	if len(counts) == 0 {
		return nil
	}
	out := []int{0}
	for i := 1; i < len(counts) && i < maxSenses; i++ {
		if counts[i] > 0 && float64(counts[i]) >= laterSenseShare*float64(counts[0]) {
			out = append(out, i)
		}
	}
	return out
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// wordNum returns the 1-based number of lemma among a synset's words.
func wordNum(s *synset, lemma string) int {
	for i, w := range s.words {
		if strings.ToLower(w) == lemma {
			return i + 1
		}
	}
	return 0
}

type posInfo struct {
	pos     byte
	lex     int
	classes uint32
	total   int // tag count of all senses
	nsenses int
}

type related struct {
	word string
	kind byte
}

// entry is one line of the word table.
type entry struct {
	key string
	pos []posInfo
	rel []related
	// proper: WordNet writes the lemma only with capitals ("Clark",
	// "Paisley"): a name, never a common word.
	proper bool
}

// wordTable builds the word table of every kept lemma.
func wordTable(wn *wordnet) ([]entry, error) {
	roots := map[ref][]int{}
	for _, cr := range classRoots {
		r, err := wn.sense('n', cr.lemma, cr.sense)
		if err != nil {
			return nil, err
		}
		roots[r] = append(roots[r], cr.bit)
	}
	classCache := map[ref]uint32{}
	classesOf := func(r ref) uint32 {
		if c, ok := classCache[r]; ok {
			return c
		}
		var c uint32
		for x := range wn.hypernymClosure(r) {
			for _, b := range roots[x] {
				c |= 1 << b
			}
		}
		classCache[r] = c
		return c
	}

	// Every one-word lemma is kept (morphy needs them to check its
	// guesses); a multi-word lemma only when the concordances tagged it:
	// the untagged ones are mostly names of species and terms of art, and
	// they were over a third of the table. They still appear as the
	// related words of others ("chief executive officer" for "ceo").
	keys := map[string]bool{}
	for i := 0; i < len(posLetters); i++ {
		for k := range wn.index[posLetters[i]] {
			if goodLemma(k) && (!strings.Contains(k, " ") || wn.tagged(k)) {
				keys[k] = true
			}
		}
	}
	var out []entry
	for k := range keys {
		e := entry{key: k, proper: !wn.lower[k]}
		for i := 0; i < len(posLetters); i++ {
			pos := posLetters[i]
			offs := wn.index[pos][k]
			if len(offs) == 0 {
				continue
			}
			counts := wn.senseCounts(pos, k)
			first := wn.synsets[ref{pos, offs[0]}]
			if first == nil {
				return nil, fmt.Errorf("%s.%c: synset %d missing", k, pos, offs[0])
			}
			pi := posInfo{pos: pos, lex: first.lex, total: sum(counts), nsenses: len(offs)}
			if pos == 'n' {
				for _, s := range frequentSenses(counts) {
					pi.classes |= classesOf(ref{pos, offs[s]})
				}
			}
			e.pos = append(e.pos, pi)
		}
		sort.SliceStable(e.pos, func(a, b int) bool {
			if e.pos[a].total != e.pos[b].total {
				return e.pos[a].total > e.pos[b].total
			}
			return e.pos[a].nsenses > e.pos[b].nsenses
		})
		e.rel = relatedWords(wn, k, e.pos)
		out = append(out, e)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].key < out[b].key })
	return out, nil
}

// relatedWords gathers a word's synonyms in its frequent senses and the
// forms derived from it there, best kind first, at most maxRelated.
func relatedWords(wn *wordnet, k string, pis []posInfo) []related {
	if len(pis) == 0 {
		return nil
	}
	best := pis[0].total
	keyTagged := best > 0
	byKind := map[byte][]string{}
	seen := map[string]byte{k: 0}
	add := func(w string, kind byte) {
		w = strings.ToLower(w)
		if !goodLemma(w) {
			return
		}
		// A one-word synonym the concordances never tagged in any
		// sense is mostly a rare or dated word ("nipper" for "child").
		// Compounds are seldom tagged at all, so they stay ("ceo":
		// "chief executive officer").
		if kind != relDerived && !strings.Contains(w, " ") && !wn.tagged(w) {
			return
		}
		if _, ok := seen[w]; ok {
			return
		}
		seen[w] = kind
		byKind[kind] = append(byKind[kind], w)
	}
	for _, pi := range pis {
		if best > 0 && float64(pi.total) < posShare*float64(best) {
			continue
		}
		offs := wn.index[pi.pos][k]
		for rank, s := range frequentSenses(wn.senseCounts(pi.pos, k)) {
			ss := wn.synsets[ref{pi.pos, offs[s]}]
			kind := byte(relSynonym)
			if rank > 0 {
				kind = relLaterSynonym
			}
			for _, w := range ss.words {
				add(w, kind)
			}
			n := wordNum(ss, k)
			for _, p := range ss.ptrs {
				// An adjective's similar adjectives (WordNet's satellites
				// of a head: "crowded" - "packed") are near synonyms; the
				// ones the concordances never tagged are left out
				// ("corking" for "good").
				if p.sym == "&" && p.src == 0 && pi.pos == 'a' {
					if t := wn.synsets[p.to]; t != nil {
						for _, w := range t.words {
							if sum(wn.counts['a'][strings.ToLower(w)]) > 0 {
								add(w, relLaterSynonym)
							}
						}
					}
					continue
				}
				if p.src != n || n == 0 {
					continue
				}
				switch {
				case p.sym == "+", // derivationally related form
					p.sym == `\`,                  // pertainym (adjective) or derived from (adverb)
					p.sym == "<" && pi.pos == 'a': // participle of a verb
				default:
					continue
				}
				t := wn.synsets[p.to]
				if t != nil && p.dst >= 1 && p.dst <= len(t.words) {
					add(t.words[p.dst-1], relDerived)
				}
			}
		}
	}
	limit := maxRelated
	if !keyTagged {
		limit = maxRelatedUntagged
	}
	var out []related
	for _, kind := range []byte{relSynonym, relDerived, relLaterSynonym} {
		// One-word synonyms before compounds: they are what a sentence
		// most often uses ("defense" before "defense mechanism").
		ws := byKind[kind]
		sort.SliceStable(ws, func(a, b int) bool {
			return !strings.Contains(ws[a], " ") && strings.Contains(ws[b], " ")
		})
		for _, w := range ws {
			if len(out) < limit {
				out = append(out, related{w, kind})
			}
		}
	}
	return out
}

// exceptionLines returns the lines of the exceptions section: "form pos
// base[|base] flag", flag "p" for an irregular past form of a verb.
func exceptionLines(wn *wordnet) []string {
	var lines []string
	for i := 0; i < len(posLetters); i++ {
		pos := posLetters[i]
		for w, bases := range wn.exc[pos] {
			if !goodLemma(w) {
				continue
			}
			var bs []string
			for _, b := range bases {
				if goodLemma(b) {
					bs = append(bs, b)
				}
			}
			if len(bs) == 0 {
				continue
			}
			flag := "-"
			if pos == 'v' && irregularPast(wn, w, bs) {
				flag = "p"
			}
			lines = append(lines, w+"\t"+string(pos)+"\t"+strings.Join(bs, "|")+"\t"+flag)
		}
	}
	sort.Strings(lines)
	return lines
}

// irregularPast reports an irregular past tense or participle ("went",
// "held", "sought"), not a present form ("is", "has", "dying"), not a
// form of the auxiliaries be, have and do, and not a word mostly used as
// a noun ("ground", "felt").
func irregularPast(wn *wordnet, w string, bases []string) bool {
	if strings.HasSuffix(w, "ing") {
		return false
	}
	for _, b := range bases {
		if b == w || w == b+"s" || w == b+"es" || b == "be" || b == "have" || b == "do" {
			return false
		}
	}
	return sum(wn.senseCounts('n', w)) < pastNounCount
}

// wordLine writes an entry: "key TAB pos... TAB related...", where a pos
// is its letter, its lexicographer file number, "/" and its tag count
// when tagged, and, for nouns with classes, ":" and the class bits in
// hex; a related word is "word:kind".
func wordLine(e entry) string {
	var b strings.Builder
	b.WriteString(e.key)
	b.WriteByte('\t')
	for i, p := range e.pos {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte(p.pos)
		b.WriteString(strconv.Itoa(p.lex))
		if p.total > 0 {
			b.WriteByte('/')
			b.WriteString(strconv.Itoa(p.total))
		}
		if p.classes != 0 {
			b.WriteByte(':')
			b.WriteString(strconv.FormatUint(uint64(p.classes), 16))
		}
	}
	b.WriteByte('\t')
	for i, r := range e.rel {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(r.word)
		b.WriteByte(':')
		b.WriteByte(r.kind)
	}
	if e.proper {
		b.WriteString("\tp")
	}
	return b.String()
}
