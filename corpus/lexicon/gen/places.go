package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// wcCountry is one country of the world-countries data set (the fields
// read here).
type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	AltSpellings []string `json:"altSpellings"`
	Capital      []string `json:"capital"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
	CCA2        string `json:"cca2"`
	CCA3        string `json:"cca3"`
	Independent bool   `json:"independent"`
	UNMember    bool   `json:"unMember"`
}

// rank orders countries for names several share ("American" is the
// demonym of the United States and of its territories): UN members
// first, then other independent states, then territories.
func (c *wcCountry) rank() int {
	switch {
	case c.UNMember:
		return 0
	case c.Independent:
		return 1
	}
	return 2
}

func parseCountries(data []byte) ([]wcCountry, error) {
	var cs []wcCountry
	if err := json.Unmarshal(data, &cs); err != nil {
		return nil, fmt.Errorf("countries: %w", err)
	}
	if len(cs) < 200 {
		return nil, fmt.Errorf("countries: only %d countries", len(cs))
	}
	sort.Slice(cs, func(a, b int) bool {
		if cs[a].rank() != cs[b].rank() {
			return cs[a].rank() < cs[b].rank()
		}
		return cs[a].CCA2 < cs[b].CCA2
	})
	return cs, nil
}

// Place kinds as the places file writes them.
const (
	kindCountry = "country"
	kindCapital = "capital"
	kindState   = "state"
	kindCity    = "city"
	kindRegion  = "region"
)

// Priorities of the sources of a place name, lowest first: when two
// sources give one name, the first wins.
const (
	fromCountry   = iota // the data set's name or alias of a country
	fromCapital          // the data set's capital
	fromDemonym          // the data set's demonym
	fromWordNet          // a WordNet place whose first sense the name is
	fromPertainym        // a WordNet adjective of a place ("Parisian")
)

type place struct {
	key     string
	name    string
	kind    string
	code    string
	demonym bool
	prio    int
}

// key makes the look-up key of a name: lower case, without a leading
// "the" unless what is left is a common word ("the States"), or "" when
// the name is not plain words.
func (pt *placeTable) key(name string) string {
	k := placeKey(name)
	if rest, ok := strings.CutPrefix(k, "the "); ok && !pt.common(rest) {
		k = rest
	}
	return k
}

// common reports a name that is also a common word: WordNet writes it,
// or the noun it is the plural of, in lower case ("china", "turkey",
// "states").
func (pt *placeTable) common(k string) bool {
	if pt.wn.lower[k] {
		return true
	}
	for _, b := range pt.wn.exc['n'][k] {
		if pt.wn.lower[b] {
			return true
		}
	}
	for _, suf := range []string{"s", "es"} {
		if b, ok := strings.CutSuffix(k, suf); ok && pt.wn.lower[b] && len(pt.wn.index['n'][b]) > 0 {
			return true
		}
	}
	return false
}

// placeKey lower-cases a name, or returns "" when it is not plain words.
func placeKey(name string) string {
	k := strings.ToLower(strings.TrimSpace(name))
	if k == "" || strings.Count(k, " ")+1 > 6 {
		return ""
	}
	letters := 0
	for _, r := range k {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == ' ' || r == '-' || r == '.' || r == '\'' || r == '’':
		default:
			return ""
		}
	}
	if letters < 2 {
		return ""
	}
	return k
}

type placeTable struct {
	wn        *wordnet
	names     map[string]string // given names, lower case: the sexes whose list holds them ("f", "m", "fm")
	countries []wcCountry
	byKey     map[string]place
	roots     map[string]ref
	country   map[ref]*wcCountry // WordNet synset of each data-set country
}

func (pt *placeTable) add(p place) {
	if p.key == "" {
		return
	}
	if old, ok := pt.byKey[p.key]; ok && old.prio <= p.prio {
		return
	}
	pt.byKey[p.key] = p
}

// kindOf says what kind of place a WordNet location synset is.
func (pt *placeTable) kindOf(r ref) string {
	up := pt.wn.hypernymClosure(r)
	switch {
	case up[pt.roots["country"]]:
		return kindCountry
	case up[pt.roots["state"]] || up[pt.roots["american state"]]:
		return kindState
	case up[pt.roots["city"]]:
		return kindCity
	}
	return kindRegion
}

// buildPlaces joins the countries of the data set to WordNet's synsets
// of them (for aliases and adjectives) and adds WordNet's other named
// places (cities, states, regions) and their adjectives.
func buildPlaces(wn *wordnet, countries []wcCountry, names map[string]string) ([]place, error) {
	pt := &placeTable{wn: wn, names: names, countries: countries, byKey: map[string]place{}, roots: map[string]ref{}, country: map[ref]*wcCountry{}}
	for _, r := range []struct {
		name, lemma string
		sense       int
	}{{"country", "country", 2}, {"state", "state", 1}, {"american state", "american state", 1}, {"city", "city", 1}, {"continent", "continent", 1}} {
		x, err := wn.sense('n', r.lemma, r.sense)
		if err != nil {
			return nil, err
		}
		pt.roots[r.name] = x
	}
	for i := range countries {
		c := &countries[i]
		names := append([]string{c.Name.Common, c.Name.Official}, c.AltSpellings...)
		var syn *synset
		for _, n := range names {
			if syn = pt.countrySynset(n); syn != nil {
				break
			}
		}
		if syn != nil {
			if _, taken := pt.country[syn.ref]; !taken {
				pt.country[syn.ref] = c
			} else {
				syn = nil
			}
		}
		add := func(n string, prio int, demonym bool) {
			pt.add(place{key: pt.key(n), name: c.Name.Common, kind: kindCountry, code: c.CCA2, demonym: demonym, prio: prio})
		}
		for _, n := range names {
			if n == c.CCA2 || n == c.CCA3 || strings.Contains(n, ",") {
				continue // "JO", "NO": codes, not names; "Korea, Republic of": a list entry
			}
			add(n, fromCountry, false)
		}
		if syn != nil {
			for _, w := range syn.words {
				add(w, fromCountry, false)
			}
		}
		if d, ok := c.Demonyms["eng"]; ok {
			add(d.M, fromDemonym, true)
			add(d.F, fromDemonym, true)
		}
		for _, capital := range c.Capital {
			pt.add(place{key: pt.key(capital), name: capital, kind: kindCapital, code: c.CCA2, prio: fromCapital})
		}
	}
	// WordNet's named places: a named place that is the name's first
	// sense or comes after other proper names only ("Brussels", "Ohio";
	// "Wisconsin", after the river; not "Reading", after the common word).
	var keys []string
	for k := range wn.index['n'] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	placeSense := map[string]ref{}
	for _, k := range keys {
		r, ok := pt.firstPlaceSense(k)
		if !ok {
			continue
		}
		placeSense[k] = r
		s := wn.synsets[r]
		p := place{key: pt.key(k), name: s.words[0], kind: pt.kindOf(r), prio: fromWordNet}
		if c := pt.country[r]; c != nil {
			p.name, p.code, p.kind, p.prio = c.Name.Common, c.CCA2, kindCountry, fromCountry
		} else {
			// A place the data set names under another of the synset's
			// names ("Bruxelles" for Brussels) takes the data set's name.
			for _, w := range s.words {
				if q, ok := pt.byKey[pt.key(w)]; ok && q.prio <= fromCapital && !q.demonym {
					p.name, p.code, p.kind = q.name, q.code, q.kind
					break
				}
			}
		}
		pt.add(p)
	}
	// Adjectives of the places ("Dutch", "Parisian", "Texan"): WordNet's
	// pertainyms and derived adjectives of each place's synset.
	for _, k := range keys {
		r, ok := placeSense[k]
		p, ok2 := pt.byKey[pt.key(k)]
		if !ok || !ok2 || p.demonym {
			continue
		}
		s := wn.synsets[r]
		adjs := append([]string(nil), wn.pertain[r]...)
		for _, ptr := range s.ptrs {
			if ptr.sym == "+" && ptr.to.pos == 'a' && ptr.dst > 0 {
				if t := wn.synsets[ptr.to]; t != nil && ptr.dst <= len(t.words) {
					adjs = append(adjs, t.words[ptr.dst-1])
				}
			}
		}
		for _, a := range adjs {
			if a == strings.ToLower(a) {
				continue // "urban": not a name
			}
			pt.add(place{key: pt.key(a), name: p.name, kind: p.kind, code: p.code, demonym: true, prio: fromPertainym})
		}
	}
	out := make([]place, 0, len(pt.byKey))
	for _, p := range pt.byKey {
		out = append(out, p)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].key < out[b].key })
	return out, nil
}

// lexLocation is noun.location's lexicographer file number (lexnames(5WN)).
const lexLocation = 15

// lexPerson is noun.person's.
const lexPerson = 18

// firstPlaceSense returns the sense of a noun that is a named place, when
// every sense before it is a proper name too: the name is not a common
// word first.
func (pt *placeTable) firstPlaceSense(k string) (ref, bool) {
	for _, off := range pt.wn.index['n'][k] {
		r := ref{'n', off}
		s := pt.wn.synsets[r]
		if s == nil {
			return ref{}, false
		}
		n := wordNum(s, k)
		if n == 0 || s.words[n-1] == strings.ToLower(s.words[n-1]) {
			return ref{}, false // a common word first
		}
		if pt.namedPlace(s) {
			return r, true
		}
	}
	return ref{}, false
}

// namedPlace reports a synset of one named place: an instance in
// noun.location ("Brussels", "Ohio"), or a continent, which WordNet files
// under noun.object ("Europe").
func (pt *placeTable) namedPlace(s *synset) bool {
	if !isInstance(s) {
		return false
	}
	return s.lex == lexLocation || pt.wn.hypernymClosure(s.ref)[pt.roots["continent"]]
}

func isInstance(s *synset) bool {
	for _, p := range s.ptrs {
		if p.sym == "@i" {
			return true
		}
	}
	return false
}

// countrySynset finds the WordNet synset of a country by one of its
// names: a named location below "country".
func (pt *placeTable) countrySynset(name string) *synset {
	k := strings.ToLower(strings.TrimSpace(name))
	for _, key := range []string{k, strings.TrimPrefix(k, "the ")} {
		for _, off := range pt.wn.index['n'][key] {
			r := ref{'n', off}
			s := pt.wn.synsets[r]
			if s != nil && s.lex == lexLocation && pt.wn.hypernymClosure(r)[pt.roots["country"]] {
				return s
			}
		}
	}
	return nil
}

// flags says why a place name needs context before it is read as a
// place: "c", the name is also a common word (WordNet writes it in lower
// case: "china", "turkey", "chad"); "g", it is also a given name (in the
// names list, or its commonest WordNet sense is a named person); "d", the name
// is an adjective or a people's name ("Dutch"), not the place's own.
func (pt *placeTable) flags(p place) string {
	var f []byte
	if p.demonym {
		f = append(f, 'd')
	}
	if pt.common(p.key) {
		f = append(f, 'c')
	}
	given := pt.names[p.key] != ""
	if offs := pt.wn.index['n'][p.key]; len(offs) > 0 && !p.demonym {
		// A named person first ("Washington"), not a people ("American").
		if s := pt.wn.synsets[ref{'n', offs[0]}]; s != nil && s.lex == lexPerson && isInstance(s) {
			given = true
		}
	}
	if given {
		f = append(f, 'g')
	}
	if len(f) == 0 {
		return "-"
	}
	return string(f)
}

// placeLines writes the countries section, the places section and the
// given names section.
func placeLines(wn *wordnet, countries []wcCountry, names map[string]string) ([]string, error) {
	places, err := buildPlaces(wn, countries, names)
	if err != nil {
		return nil, err
	}
	pt := &placeTable{wn: wn, names: names}
	lines := []string{"@countries"}
	for _, c := range countries {
		var dem []string
		if d, ok := c.Demonyms["eng"]; ok {
			for _, x := range []string{d.M, d.F} {
				if x != "" && !slices.Contains(dem, x) {
					dem = append(dem, x)
				}
			}
		}
		var aliases []string
		for _, p := range places {
			if p.code == c.CCA2 && p.kind == kindCountry && !p.demonym && p.key != pt.key(c.Name.Common) {
				aliases = append(aliases, p.key)
			}
		}
		lines = append(lines, strings.Join([]string{c.CCA2, c.Name.Common, c.Name.Official, strings.Join(c.Capital, "|"), strings.Join(dem, "|"), strings.Join(aliases, "|")}, "\t"))
	}
	lines = append(lines, "@places")
	for _, p := range places {
		code := p.code
		if code == "" {
			code = "-"
		}
		lines = append(lines, strings.Join([]string{p.key, p.name, p.kind, code, pt.flags(p)}, "\t"))
	}
	lines = append(lines, "@names")
	for _, n := range slices.Sorted(maps.Keys(names)) {
		if placeKey(n) == n {
			lines = append(lines, n+"\t"+names[n])
		}
	}
	return lines, nil
}
