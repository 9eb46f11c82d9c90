package lexicon

import (
	"fmt"
	"strings"
)

// PlaceKind says what kind of place a name names.
type PlaceKind uint8

// The kinds of place.
const (
	PlaceCountry PlaceKind = iota + 1 // a country or territory ("Finland", "England")
	PlaceCapital                      // a country's capital, from the countries data set
	PlaceState                        // a state or province ("Ohio")
	PlaceCity                         // another city ("Leeds")
	PlaceRegion                       // a continent, region or other named place ("Europe", "Gaza Strip")
)

var placeKinds = map[string]PlaceKind{"country": PlaceCountry, "capital": PlaceCapital, "state": PlaceState, "city": PlaceCity, "region": PlaceRegion}

func (k PlaceKind) String() string {
	for n, v := range placeKinds {
		if v == k {
			return n
		}
	}
	return "none"
}

// Place is what a place name or adjective stands for.
type Place struct {
	Name string    // the place's canonical name: "Netherlands" for "Dutch" and "Holland"
	Kind PlaceKind //
	Code string    // ISO 3166-1 alpha-2 code of the country (of a capital: its country), or ""

	// Demonym: the name is an adjective or a people's name ("Dutch",
	// "Finnish", "Americans"), not the place's own.
	Demonym bool
	// CommonWord: the name is also a common word ("china", "turkey",
	// "chad", "polish"); GivenName: also a person's given name ("Jordan",
	// "Georgia", "Chad"). Either way a caller should see context (a
	// preposition of place before it, or a capital letter inside a
	// sentence) before taking it for the place.
	CommonWord bool
	GivenName  bool
}

// Ambiguous reports a name that needs context to be read as a place.
func (p Place) Ambiguous() bool { return p.CommonWord || p.GivenName }

// Country is a country of the countries data set.
type Country struct {
	Code     string   // ISO 3166-1 alpha-2
	Name     string   // common name: "Netherlands"
	Official string   // "Kingdom of the Netherlands"
	Capitals []string // "Amsterdam"
	Demonyms []string // "Dutch"
	Aliases  []string // other names, lower case: "holland", "nederland"
}

// Place returns the place a name or adjective stands for: "Finland",
// "Finnish", "the Netherlands", "Dutch", "U.S.", "Americans", "Brussels".
// Case does not matter; a leading "the" may be there or not.
func (l *Lexicon) Place(name string) (Place, bool) {
	k := normal(name)
	if p, ok := l.places[k]; ok {
		return p, true
	}
	if rest, ok := strings.CutPrefix(k, "the "); ok {
		if p, ok := l.places[rest]; ok {
			return p, true
		}
	}
	// A people in the plural: "Americans", "Ukrainians".
	if stem, ok := strings.CutSuffix(k, "s"); ok {
		if p, ok := l.places[stem]; ok && p.Demonym {
			return p, true
		}
	}
	return Place{}, false
}

// Country returns a country by its ISO 3166-1 alpha-2 code.
func (l *Lexicon) Country(code string) (Country, bool) {
	i, ok := l.byCode[strings.ToUpper(code)]
	if !ok {
		return Country{}, false
	}
	return l.countries[i], true
}

// Countries returns every country of the data set, UN members first.
func (l *Lexicon) Countries() []Country {
	return append([]Country(nil), l.countries...)
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func (l *Lexicon) parsePlaces(s string) error {
	return lines(s, func(section, line string, _ int) error {
		f := strings.Split(line, "\t")
		switch section {
		case "@countries":
			if len(f) != 6 || len(f[0]) != 2 || f[1] == "" {
				return fmt.Errorf("country %q", line)
			}
			l.byCode[f[0]] = len(l.countries)
			l.countries = append(l.countries, Country{Code: f[0], Name: f[1], Official: f[2], Capitals: splitList(f[3]), Demonyms: splitList(f[4]), Aliases: splitList(f[5])})
		case "@places":
			if len(f) != 5 || f[0] == "" || f[1] == "" {
				return fmt.Errorf("place %q", line)
			}
			kind, ok := placeKinds[f[2]]
			if !ok {
				return fmt.Errorf("place %q: kind", line)
			}
			p := Place{Name: f[1], Kind: kind}
			if f[3] != "-" {
				p.Code = f[3]
			}
			p.Demonym = strings.Contains(f[4], "d")
			p.CommonWord = strings.Contains(f[4], "c")
			p.GivenName = strings.Contains(f[4], "g")
			l.places[f[0]] = p
		case "@names":
			if len(f) != 2 || f[0] == "" || f[1] == "" {
				return fmt.Errorf("name %q", line)
			}
			var sex Sex
			for _, c := range f[1] {
				switch c {
				case 'f':
					sex |= Female
				case 'm':
					sex |= Male
				default:
					return fmt.Errorf("name %q: sex", line)
				}
			}
			l.names[f[0]] = sex
		default:
			return fmt.Errorf("outside a section: %q", line)
		}
		return nil
	})
}

// Sex says whose given name a name is: a woman's, a man's, or either.
type Sex uint8

// The sexes of given names; a name on both lists is Female|Male.
const (
	Female Sex = 1 << iota
	Male
)

// GivenName reports whether a word is an English given name ("Kate",
// "Tim", "Jordan"), and whose: the Moby Word II lists of female and male
// first names. The lists hold some common words too ("Will", "Grace",
// "Hill", "King"): a caller should ask whether the word is also a common
// word before taking it for a name on that alone.
func (l *Lexicon) GivenName(word string) (Sex, bool) {
	s, ok := l.names[normal(word)]
	return s, ok
}
