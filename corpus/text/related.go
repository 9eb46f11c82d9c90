package text

import (
	"cmp"
	"slices"
	"strings"

	"github.com/articlebot/articlebot/corpus/lexicon"
)

// variants are written forms of one word that WordNet does not join, each
// group a closed class or a spelling:
//   - the abbreviations of titles that stand before names ("Gov. Brian
//     Kemp"): WordNet lists most of them under other senses ("col" as a
//     gap between peaks) or not at all; facts' titleAbbrevs is the class;
//   - "per cent", the British spelling of "percent", and "govt", the
//     written short form of "government", which WordNet does not have.
//
// A variant relates to its word as lexicon.RelVariant.
var variants = [][]string{
	{"governor", "gov"}, {"senator", "sen"}, {"representative", "rep"}, {"general", "gen"},
	{"colonel", "col"}, {"captain", "capt"}, {"sergeant", "sgt"}, {"lieutenant", "lt"},
	{"major", "maj"}, {"admiral", "adm"}, {"commander", "cmdr"}, {"superintendent", "supt"},
	{"detective", "det"}, {"inspector", "insp"}, {"attorney", "atty"}, {"professor", "prof"},
	{"corporal", "cpl"}, {"private", "pvt"}, {"president", "pres"},
	{"percent", "per cent"},
	{"government", "govt"},
}

// Related returns the words related to a lower-case word or phrase, the
// strongest first: its written variants and irregular forms ("sold" for
// "selling"), the other names of the country
// it names ("UK" - "Britain", "Dutch" - "Netherlands"), and WordNet's
// synonyms of its frequent senses and derived forms (lexicon.Synonyms).
func Related(w string) []lexicon.Related {
	w = strings.TrimPrefix(Lower(w), "the ")
	var out []lexicon.Related
	seen := map[string]bool{w: true}
	add := func(word string, kind lexicon.RelKind) {
		word = Lower(word)
		if !seen[word] {
			seen[word] = true
			out = append(out, lexicon.Related{Word: word, Kind: kind})
		}
	}
	for _, g := range variants {
		for _, v := range g {
			if v == w {
				for _, x := range g {
					add(x, lexicon.RelVariant)
				}
			}
		}
	}
	lx := lexicon.Default()
	// The word's base and the base's irregular forms ("selling" - "sell",
	// "sold"): the same word, which a stemmer cannot join.
	for _, pos := range []lexicon.POS{lexicon.Verb, lexicon.Noun, lexicon.Adj} {
		if b := lx.Lemma(w, pos); lx.Has(b, pos) {
			forms := lx.Forms(b, pos)
			if len(forms) > 0 {
				add(b, lexicon.RelVariant)
			}
			for _, f := range forms {
				add(f, lexicon.RelVariant)
			}
		}
	}
	if p, ok := lx.Place(w); ok && p.Kind == lexicon.PlaceCountry && p.Code != "" {
		if c, ok := lx.Country(p.Code); ok {
			add(c.Name, lexicon.RelSynonym)
			for _, a := range c.Aliases {
				add(a, lexicon.RelSynonym)
			}
			for _, d := range c.Demonyms {
				add(d, lexicon.RelDerived)
			}
		}
	}
	for _, r := range lx.Synonyms(w) {
		add(r.Word, r.Kind)
	}
	slices.SortStableFunc(out, func(a, b lexicon.Related) int { return cmp.Compare(b.Weight(), a.Weight()) })
	return out
}

// Base returns the stem of a word's base form: Stem, with irregular forms
// first taken to their base by WordNet's exception lists ("led" -> "lead",
// "children" -> "child", "mice" -> "mouse").
func Base(w string) string {
	if b, ok := irregularBase(w); ok {
		return Stem(b)
	}
	// "co-wrote" and "co-written" meet at "co-write".
	if i := strings.IndexByte(w, '-'); i > 0 && i < len(w)-1 {
		if b, ok := irregularBase(w[i+1:]); ok {
			return Stem(w[:i+1] + b)
		}
	}
	return Stem(w)
}

// irregularBase returns the base of an irregular form: a verb's irregular
// past ("held"), or a noun's or adjective's irregular form that is not a
// lemma of its own ("children", "mice"; not "data" or "better", which
// WordNet has as words in their own right).
func irregularBase(w string) (string, bool) {
	lx := lexicon.Default()
	if lx.IrregularPast(w) {
		return lx.Irregular(w, lexicon.Verb)
	}
	for _, pos := range []lexicon.POS{lexicon.Noun, lexicon.Adj} {
		if b, ok := lx.Irregular(w, pos); ok && !lx.Has(w, pos) {
			return b, true
		}
	}
	return "", false
}

// IsIrregularVerb reports an irregular past form of a verb ("met", "sold").
func IsIrregularVerb(w string) bool {
	return lexicon.Default().IrregularPast(w)
}
