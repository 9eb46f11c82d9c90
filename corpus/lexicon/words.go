package lexicon

import (
	"strconv"
	"strings"
)

// POS is a part of speech as WordNet has them.
type POS byte

// The parts of speech. AnyPOS asks for whichever the word has.
const (
	AnyPOS POS = 0
	Noun   POS = 'n'
	Verb   POS = 'v'
	Adj    POS = 'a'
	Adv    POS = 'r'
)

const numPOS = 4

// allPOS is the order in which Lemma tries parts of speech for AnyPOS:
// verbs first, as their irregular forms are the ones a stemmer misses
// most ("went", "held").
var allPOS = [numPOS]POS{Verb, Noun, Adj, Adv}

func posIndex(p POS) int {
	switch p {
	case Noun:
		return 0
	case Verb:
		return 1
	case Adj:
		return 2
	case Adv:
		return 3
	}
	return -1
}

// morphy's rules of detachment (WordNet's morph(7WN)): an ending and what
// replaces it, tried in order for each part of speech.
var detachments = map[POS][][2]string{
	Noun: {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	Verb: {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	Adj:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// normal lower-cases a word and makes curly apostrophes straight, as the
// tables are written.
func normal(w string) string {
	w = strings.TrimSpace(w)
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ReplaceAll(strings.ToLower(w), "’", "'")
		}
	}
	return w
}

// Has reports whether WordNet has the word (lower case) as a lemma of
// the part of speech, or of any with AnyPOS.
func (l *Lexicon) Has(word string, pos POS) bool {
	e, ok := l.words[normal(word)]
	if !ok {
		return false
	}
	return pos == AnyPOS || e.has(pos)
}

func (e wordEntry) has(pos POS) bool {
	_, ok := e.posInfo(pos)
	return ok
}

// posInfo returns the part of the entry's pos field for one part of
// speech: "n7:1" for a noun of lexicographer file 7 and classes 1.
func (e wordEntry) posInfo(pos POS) (string, bool) {
	found := ""
	fields(e.pos, func(part string) bool {
		if pos == AnyPOS || POS(part[0]) == pos {
			found = part
			return false
		}
		return true
	})
	return found, found != ""
}

// fields calls f with each non-empty comma-separated field of s, until f
// returns false.
func fields(s string, f func(field string) bool) {
	for s != "" {
		field := s
		if i := strings.IndexByte(s, ','); i >= 0 {
			field, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if field != "" && !f(field) {
			return
		}
	}
}

// Lemma returns the base form of a word for a part of speech, as WordNet's
// morphy finds it: an irregular form from the exception lists ("went" ->
// "go", "children" -> "child", "fled" -> "flee"), the word itself when it
// is a lemma, else the first rule of detachment that gives a lemma
// ("troops" -> "troop"). With AnyPOS, parts of speech are tried verb,
// noun, adjective, adverb. A word WordNet does not know comes back lower
// case and otherwise unchanged.
func (l *Lexicon) Lemma(word string, pos POS) string {
	w := normal(word)
	if pos == AnyPOS {
		for _, p := range allPOS {
			if b, ok := l.lemma(w, p); ok {
				return b
			}
		}
		return w
	}
	if b, ok := l.lemma(w, pos); ok {
		return b
	}
	return w
}

func (l *Lexicon) lemma(w string, pos POS) (string, bool) {
	pi := posIndex(pos)
	if pi < 0 {
		return "", false
	}
	if b, ok := l.exc[pi][w]; ok {
		first, _, _ := strings.Cut(b, "|")
		return first, true
	}
	if e, ok := l.words[w]; ok && e.has(pos) {
		return w, true
	}
	for _, d := range detachments[pos] {
		if stem, ok := strings.CutSuffix(w, d[0]); ok && stem != "" {
			c := stem + d[1]
			if e, ok := l.words[c]; ok && e.has(pos) {
				return c, true
			}
		}
	}
	return "", false
}

// Irregular returns the base form of an irregular form from WordNet's
// exception lists for one part of speech ("held" -> "hold" as a verb,
// "mice" -> "mouse" as a noun), and whether there is one.
func (l *Lexicon) Irregular(word string, pos POS) (string, bool) {
	pi := posIndex(pos)
	if pi < 0 {
		return "", false
	}
	b, ok := l.exc[pi][normal(word)]
	if !ok {
		return "", false
	}
	first, _, _ := strings.Cut(b, "|")
	return first, true
}

// Forms returns the irregular forms of a lemma in a part of speech, from
// WordNet's exception lists: "sell" -> "sold"; "go" -> "gone", "went";
// "child" -> "children".
func (l *Lexicon) Forms(lemma string, pos POS) []string {
	pi := posIndex(pos)
	if pi < 0 {
		return nil
	}
	return append([]string(nil), l.forms[pi][normal(lemma)]...)
}

// IrregularPast reports an irregular past tense or participle of a verb
// ("went", "held", "sought"): not a present form ("is", "has"), not a form
// of be, have or do, and not a form mostly used as a noun ("ground").
func (l *Lexicon) IrregularPast(word string) bool {
	return l.past[normal(word)]
}

// RelKind says how a related word is related.
type RelKind uint8

// The kinds of related words, strongest first.
const (
	RelSynonym      RelKind = iota + 1 // a synonym in the word's most frequent sense
	RelDerived                         // a derivationally related form: "lead" - "leader", "elect" - "election"
	RelLaterSynonym                    // a synonym in a later frequent sense, or a similar adjective
	RelVariant                         // the same word written otherwise ("per cent"); from callers' spelling lists, not the tables
)

// Weights of related words, against 1 for the word itself. They only
// order the kinds (a synonym of the commonest sense keeps the meaning more
// often than a derived form, which keeps it more often than a synonym of a
// rarer sense); a caller with learned weights scales them.
const (
	VariantWeight      = 0.95 // nearly the word itself
	SynonymWeight      = 0.8
	DerivedWeight      = 0.7
	LaterSynonymWeight = 0.6
)

// Weight returns the weight of a kind of related word.
func (k RelKind) Weight() float64 {
	switch k {
	case RelSynonym:
		return SynonymWeight
	case RelDerived:
		return DerivedWeight
	case RelLaterSynonym:
		return LaterSynonymWeight
	case RelVariant:
		return VariantWeight
	}
	return 0
}

func (k RelKind) String() string {
	switch k {
	case RelSynonym:
		return "synonym"
	case RelDerived:
		return "derived"
	case RelLaterSynonym:
		return "later-synonym"
	case RelVariant:
		return "variant"
	}
	return "none"
}

// Related is a word related to another, lower case; a multi-word lemma
// ("take place") has its words separated by spaces.
type Related struct {
	Word string
	Kind RelKind
}

// Weight is the weight of the relation, below 1.
func (r Related) Weight() float64 { return r.Kind.Weight() }

// MaxSynonyms bounds the related words Synonyms returns: the generator
// keeps at most 12 a lemma, and a word may reach a second lemma
// ("injured": the adjective and the verb "injure").
const MaxSynonyms = 16

// readingShare: a reading of a word (a part of speech of the word or of
// its base form) counts when WordNet's concordances tagged it at least
// this share as often as the word's commonest reading, as the generator
// does for parts of speech ("said" is read as the verb "say", not the
// adjective "said" as in "the said property").
const readingShare = 0.25

// reading is one way to read a word: a lemma in a part of speech.
type reading struct {
	key   string
	part  string // the lemma's pos field part: "v32/2167"
	count int
}

// readings returns the ways a word can be read, the commonest first:
// the word itself in each part of speech it has, and its base forms.
func (l *Lexicon) readings(w string) []reading {
	var rs []reading
	addPart := func(key, part string) {
		for _, r := range rs {
			if r.key == key && r.part[0] == part[0] {
				return
			}
		}
		rs = append(rs, reading{key: key, part: part, count: partCount(part)})
	}
	if e, ok := l.words[w]; ok {
		fields(e.pos, func(part string) bool { addPart(w, part); return true })
	}
	for _, p := range allPOS {
		if b, ok := l.lemma(w, p); ok && b != w {
			if part, ok := l.words[b].posInfo(p); ok {
				addPart(b, part)
			}
		}
	}
	// Stable: among equal counts, the word as written before its bases.
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].count > rs[j-1].count; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
	if len(rs) > 0 && rs[0].count > 0 {
		best := float64(rs[0].count)
		kept := rs[:0]
		for _, r := range rs {
			if float64(r.count) >= readingShare*best {
				kept = append(kept, r)
			}
		}
		rs = kept
	}
	return rs
}

// partCount returns the tag count of a pos field part, "v32/2167".
func partCount(part string) int {
	i := strings.IndexByte(part, '/')
	if i < 0 {
		return 0
	}
	s := part[i+1:]
	if j := strings.IndexByte(s, ':'); j >= 0 {
		s = s[:j]
	}
	n, _ := strconv.Atoi(s)
	return n
}

// partLexname returns the lexicographer file number of a part.
func partLexname(part string) (Lexname, bool) {
	s := part[1:]
	if i := strings.IndexAny(s, "/:"); i >= 0 {
		s = s[:i]
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n >= len(lexnames) {
		return 0, false
	}
	return Lexname(n), true
}

// Synonyms returns the words related to a word: the synonyms of its most
// frequent senses and its derivationally related forms, the strongest
// first, at most MaxSynonyms. The word is read as written and by its base
// forms, the common readings only ("injured" reaches the verb "injure"
// and so "injury"; "said" the verb "say").
func (l *Lexicon) Synonyms(word string) []Related {
	w := normal(word)
	var keys []string
	for _, r := range l.readings(w) {
		if !contains(keys, r.key) {
			keys = append(keys, r.key)
		}
	}
	var out []Related
	seen := map[string]bool{w: true}
	for _, k := range keys {
		seen[k] = true
	}
	for _, kind := range []RelKind{RelSynonym, RelDerived, RelLaterSynonym} {
		for _, k := range keys {
			forEachRel(l.words[k].rel, func(word string, kd RelKind) {
				if kd == kind && !seen[word] && len(out) < MaxSynonyms {
					seen[word] = true
					out = append(out, Related{Word: word, Kind: kd})
				}
			})
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// forEachRel parses "take:1,leader:d".
func forEachRel(s string, f func(word string, kind RelKind)) {
	fields(s, func(part string) bool {
		i := strings.LastIndexByte(part, ':')
		if i <= 0 || i != len(part)-2 {
			return true
		}
		switch part[i+1] {
		case '1':
			f(part[:i], RelSynonym)
		case 'd':
			f(part[:i], RelDerived)
		case '2':
			f(part[:i], RelLaterSynonym)
		}
		return true
	})
}

// Supersense returns the lexicographer file of a word's most frequent
// sense in a part of speech (AnyPOS: in its commonest reading):
// NounPerson for "minister", NounLocation for "Brussels",
// VerbCommunication for "announced". The word is taken to its base form
// when it is not a lemma of that part of speech.
func (l *Lexicon) Supersense(word string, pos POS) (Lexname, bool) {
	part, ok := l.info(word, pos)
	if !ok {
		return 0, false
	}
	return partLexname(part)
}

// Classes returns the classes of a noun: the hypernym closure of its
// frequent senses ("troops": a social group and an organization; "year":
// a time period and a measure). The noun is taken to its base form first
// when it is not a noun lemma itself.
func (l *Lexicon) Classes(noun string) Class {
	part, ok := l.info(noun, Noun)
	if !ok {
		return 0
	}
	i := strings.IndexByte(part, ':')
	if i < 0 {
		return 0
	}
	c, err := strconv.ParseUint(part[i+1:], 16, 32)
	if err != nil {
		return 0
	}
	return Class(c)
}

// info finds the pos field part for a word in a part of speech: the
// word's own, else its base form's; with AnyPOS, its commonest reading.
func (l *Lexicon) info(word string, pos POS) (string, bool) {
	w := normal(word)
	if pos == AnyPOS {
		rs := l.readings(w)
		if len(rs) == 0 {
			return "", false
		}
		return rs[0].part, true
	}
	if part, ok := l.words[w].posInfo(pos); ok {
		return part, true
	}
	if b, ok := l.lemma(w, pos); ok && b != w {
		return l.words[b].posInfo(pos)
	}
	return "", false
}

// Common reports whether WordNet writes a word, or a base form of it, in
// lower case: a common word ("speculation", "amphitheatre", "hill"), not
// only a name ("Clark", "Paisley", "Kennedy").
func (l *Lexicon) Common(word string) bool {
	w := normal(word)
	if e, ok := l.words[w]; ok && !e.proper {
		return true
	}
	for _, p := range allPOS {
		if b, ok := l.lemma(w, p); ok && b != w {
			if e := l.words[b]; !e.proper {
				return true
			}
		}
	}
	return false
}

// Frequency returns how often the SemCor concordances tagged a word's
// commonest reading (its base forms included; any part of speech): 0 for
// a word WordNet has only as a name ("clark", "paisley") or as a rare
// term, hundreds for an everyday word. It tells a common word that a
// sentence capitalises ("Speculation", "Naturally") from a name.
func (l *Lexicon) Frequency(word string) int {
	rs := l.readings(normal(word))
	if len(rs) == 0 {
		return 0
	}
	return rs[0].count
}
