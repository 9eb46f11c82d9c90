package facts

import (
	"github.com/articlebot/articlebot/corpus/lexicon"
	"strings"

	"github.com/articlebot/articlebot/corpus/text"
)

// mention is a capitalised run of tokens that names something, split into
// its parts: tok[from:to] is the whole run, tok[nameFrom:to] the name after
// any title or role ("Finnish Defense Minister | Liisa Virtanen").
type mention struct {
	from, nameFrom, to int
	kind               Kind
	value              string // canonical name
	role               string // a title or role written before or after the name
	honorific          string // "mr", "ms", … when one stands before the name
	strong             bool   // a person by a title, role or speech verb, not only by form
	quoted             bool   // inside quotation marks
	demonym            bool   // a place's adjective or people ("Dutch"), not its name
}

// runs finds the capitalised runs of a sentence's tokens.
func runs(toks []text.Token, vocab map[string]bool) [][2]int {
	var out [][2]int
	first := firstWordIndex(toks)
	i := 0
	for i < len(toks) {
		if !capWord(toks, i, first, vocab) {
			i++
			continue
		}
		start := i
		j := i + 1
		for j < len(toks) {
			t := toks[j]
			if (strings.HasSuffix(toks[j-1].Lower, "'s") || strings.HasSuffix(toks[j-1].Lower, "s'")) && !saintPossessive(toks, start, j) {
				break // "Reynolds' | Portrait"
			}
			// "Langlands & Bell"
			if t.Text == "&" && j+1 < len(toks) && toks[j+1].Word && toks[j+1].IsCap() {
				j++
				continue
			}
			// "on Tuesday | Mr Ebbers": a title starts a new name, and a
			// day or month ends one.
			if t.Word && (shortHonorifics[t.Lower] || weekdays[toks[j-1].Lower] || months[toks[j-1].Lower] && !toks[j].IsNumber()) {
				break
			}
			if t.Word && t.IsCap() && !notNames[t.Lower] {
				j++
				continue
			}
			// "Gov. | Brian Kemp": a title's period does not end the name.
			if t.Text == "." && titleAbbrevs[toks[j-1].Lower] && j+1 < len(toks) && toks[j+1].Word && toks[j+1].IsCap() {
				j++
				continue
			}
			if t.Word && t.IsNumber() && j > start && isProductNumber(toks, j) {
				j++
				continue
			}
			if t.Word && connector(t.Lower) && j+1 < len(toks) && toks[j+1].Word && toks[j+1].IsCap() && !notNames[toks[j+1].Lower] {
				j++
				continue
			}
			if t.Word && (t.Lower == "of" || t.Lower == "for") && j+2 < len(toks) && toks[j+1].Lower == "the" && toks[j+2].Word && toks[j+2].IsCap() && !notNames[toks[j+2].Lower] {
				j += 2
				continue
			}
			if t.Word && t.Lower == "the" && j+1 < len(toks) && j > start && (toks[j-1].Lower == "of" || toks[j-1].Lower == "for") && toks[j+1].IsCap() {
				j++
				continue
			}
			break
		}
		out = append(out, splitAnd(toks, start, j)...)
		i = j
	}
	return out
}

// saintPossessive keeps "St David's Shopping Centre" whole.
func saintPossessive(toks []text.Token, start, j int) bool {
	return j-start == 2 && (toks[start].Lower == "st" || toks[start].Lower == "st." || toks[start].Lower == "saint") && j < len(toks) && toks[j].IsCap()
}

// isProductNumber keeps a number inside a name ("Super Mario 64 DS").
func isProductNumber(toks []text.Token, j int) bool {
	return j+1 < len(toks) && toks[j+1].Word && toks[j+1].IsCap() && !strings.ContainsAny(toks[j].Text, ",.%£$")
}

func connector(w string) bool {
	switch w {
	case "of", "for", "and", "&", "de", "van", "von", "der", "da", "du", "al", "bin", "le", "la", "del", "di":
		return true
	}
	return false
}

// splitAnd cuts a run at "and", "of" and "for" unless the whole is one name
// of an organisation or a role ("Trade and Industry Secretary", "Bank of
// England"); "Italy and Germany" are two.
func splitAnd(toks []text.Token, start, end int) [][2]int {
	hasConn := false
	for k := start + 1; k < end-1; k++ {
		if toks[k].Lower == "and" || toks[k].Lower == "&" || toks[k].Lower == "of" || toks[k].Lower == "for" {
			hasConn = true
		}
	}
	if !hasConn {
		return [][2]int{{start, end}}
	}
	keep := false
	for k := start; k < end; k++ {
		w := text.StripPossessive(toks[k].Lower)
		if orgWords[w] || roleNouns[w] || placeWords[w] || w == "state" {
			keep = true
		}
	}
	if keep {
		return [][2]int{{start, end}}
	}
	var out [][2]int
	s := start
	for k := start; k < end; k++ {
		if toks[k].Lower == "and" || toks[k].Lower == "&" || toks[k].Lower == "of" || toks[k].Lower == "for" || toks[k].Lower == "the" {
			if k > s {
				out = append(out, [2]int{s, k})
			}
			s = k + 1
		}
	}
	if s < end {
		out = append(out, [2]int{s, end})
	}
	return out
}

// firstWordIndex is the index of the sentence's first word.
func firstWordIndex(toks []text.Token) int {
	for i, t := range toks {
		if t.Word {
			return i
		}
	}
	return -1
}

// capWord reports whether token i starts or continues a name: a capitalised
// word that is not a function word, and, at the start of a sentence or a
// quote, not a word the article also writes in lower case.
func capWord(toks []text.Token, i, first int, vocab map[string]bool) bool {
	t := toks[i]
	if !t.Word || !t.IsCap() || notNames[t.Lower] || notNames[t.Bare()] {
		return false
	}
	atStart := i == first || (i > 0 && isOpenQuote(toks[i-1].Text)) || (i > 0 && (toks[i-1].Text == ":" || toks[i-1].Text == "-"))
	if atStart && vocab[t.Bare()] && !allCaps(t.Text) {
		return false
	}
	return true
}

func isOpenQuote(s string) bool {
	return s == "\"" || s == "“" || s == "‘" || s == "'"
}

func allCaps(s string) bool {
	s = trimPossessive(s)
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}

// joinTokens returns the text of toks[from:to] as written in s.
func joinTokens(s string, toks []text.Token, from, to int) string {
	if from >= to {
		return ""
	}
	return s[toks[from].Start:toks[to-1].End]
}

// classify decides what a run names and splits off a leading title or role.
func classify(s string, toks []text.Token, from, to int) mention {
	m := mention{from: from, nameFrom: from, to: to}
	words := make([]string, 0, to-from)
	for k := from; k < to; k++ {
		words = append(words, text.StripPossessive(toks[k].Lower))
	}
	whole := strings.Join(words, " ")
	last := words[len(words)-1]

	// Times: weekdays, months, holidays.
	// Times are found by times(), which sees the words around them.
	if len(words) <= 3 && (weekdays[words[0]] || months[words[0]] || holidays[whole] || eras[whole]) {
		return m
	}
	if p, ok := placeIn(toks, from, to, whole); ok {
		m.kind = KindPlace
		m.value = p.Name
		m.demonym = p.Demonym
		return m
	}
	// A title or role, then a name: "Mr Grant", "Defense Minister Anni
	// Virtanen", "Acme president Ken Sato".
	split := -1
	for k := from; k < to-1; k++ {
		w := words[k-from]
		if honorifics[w] || honorifics[strings.TrimSuffix(w, ".")] || roleNouns[w] {
			split = k + 1
		}
	}
	for split > 0 && split < to && !toks[split].Word {
		split++ // "Gov. | Brian Kemp"
	}
	if split > 0 && split < to && connector(words[split-from]) {
		// "Secretary of State for the Family": a role, no name.
		return m
	}
	if split > 0 && split < to && !hasOrgWord(words[split-from:]) {
		m.nameFrom = split
		if honorifics[words[split-1-from]] || honorifics[strings.TrimSuffix(words[split-1-from], ".")] {
			m.honorific = strings.TrimSuffix(words[split-1-from], ".")
			if split-1 > from {
				// "Medical Research Council Professor | Nancy Rothwell":
				// the title is part of the role.
				m.role = joinTokens(s, toks, from, split)
			}
		} else {
			m.role = joinTokens(s, toks, from, split)
		}
		m.kind = KindPerson
		m.strong = true
		m.value = trimPossessive(joinTokens(s, toks, split, to))
		return m
	}
	if hasOrgWord(words) || (len(words) == 1 && allCaps(toks[from].Text) && PlaceOf(whole) == "") {
		m.kind = KindOrg
		if placeWords[last] || facilityWords[last] {
			m.kind = KindPlace
		}
		m.value = trimPossessive(joinTokens(s, toks, from, to))
		return m
	}
	if placeWords[last] {
		m.kind = KindPlace
		m.value = trimPossessive(joinTokens(s, toks, from, to))
		return m
	}
	for _, w := range words {
		// A given name in a run is a person's: "Paris Hilton", "Chad Smith".
		if p, ok := lexicon.Default().Place(w); ok && !p.GivenName {
			// "Tate Britain", "Air France": a body named after a place.
			m.kind = KindOrg
			m.value = trimPossessive(joinTokens(s, toks, from, to))
			return m
		}
	}
	if roleNouns[last] {
		// "Defense Minister" alone: a role, not a name.
		m.kind = ""
		return m
	}
	m.kind = KindPerson
	m.value = trimPossessive(joinTokens(s, toks, from, to))
	return m
}

func hasOrgWord(words []string) bool {
	for _, w := range words {
		if orgWords[w] {
			return true
		}
	}
	return false
}

func trimPossessive(s string) string {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	if strings.HasSuffix(s, "s'") || strings.HasSuffix(s, "s’") {
		return strings.TrimRight(s, "'’")
	}
	return s
}

// roleBefore finds a role written just before a name: "Senior business
// manager | Sam Cole", "Britain's Defense Minister, | Jane Doyle", "the
// festival's executive director, | Ruth Baker", "Shadow Secretary of State
// for the Family, | Theresa May".
func roleBefore(s string, toks []text.Token, nameFrom int) string {
	k := nameFrom - 1
	if k >= 0 && toks[k].Text == "," {
		k--
	}
	if k < 0 || !toks[k].Word {
		return ""
	}
	end := k + 1
	// Find a role noun within the last few words, with only name words,
	// connectors and lower-case nouns between.
	found := -1
	for j := k; j >= 0 && j >= k-7; j-- {
		t := toks[j]
		if !t.Word {
			break
		}
		if roleNouns[text.StripPossessive(t.Lower)] {
			found = j
			break
		}
		if t.Lower == "the" && j+1 < len(toks) && toks[j+1].IsCap() && j > 0 && connector(toks[j-1].Lower) {
			continue
		}
		if connector(t.Lower) || (t.IsCap() && !notNames[t.Lower]) || (!t.IsCap() && !text.IsStop(t.Lower) && !speechVerbs[t.Lower]) {
			continue
		}
		break
	}
	if found < 0 {
		return ""
	}
	start := found
	for j := found - 1; j >= 0 && found-j <= 6; j-- {
		t := toks[j]
		if !t.Word {
			break
		}
		lw := t.Lower
		if notNames[lw] && lw != "and" || speechVerbs[lw] {
			break
		}
		if text.IsStop(lw) && lw != "and" {
			break
		}
		start = j
	}
	for start < end && (toks[start].Lower == "and" || toks[start].Lower == "of" || toks[start].Lower == "for") {
		start++
	}
	return joinTokens(s, toks, start, end)
}

// roleAfter finds an apposition after a name: "Tom Hale, | director
// general of the British Chambers of Commerce, | warned".
func roleAfter(s string, toks []text.Token, to int) string {
	if to >= len(toks) || toks[to].Text != "," {
		return ""
	}
	start := to + 1
	end := start
	hasRole := false
	for end < len(toks) {
		t := toks[end]
		if t.Text == "," || t.Text == "." || t.Text == ";" || t.Text == ":" || t.Text == "\"" || t.Text == "“" || t.Text == "”" {
			break
		}
		if t.Word && (speechVerbs[t.Lower] || t.Lower == "who" || t.Lower == "which" || t.Lower == "whose") {
			break
		}
		if t.Word && roleNouns[text.StripPossessive(t.Lower)] && end-start <= 6 {
			hasRole = true
		}
		end++
		if end-start > 14 {
			return ""
		}
	}
	if !hasRole || end == start {
		return ""
	}
	// "director of the festival's sister event, the Bangkok Film Market":
	// an apposition of the apposition's own last words.
	if end+2 < len(toks) && toks[end].Text == "," && toks[end+1].Lower == "the" && toks[end+2].IsCap() {
		k := end + 2
		for k < len(toks) && toks[k].Word && (toks[k].IsCap() || connector(toks[k].Lower)) {
			k++
		}
		if k == len(toks) || !toks[k].Word {
			return joinTokens(s, toks, start, end) + ", " + joinTokens(s, toks, end+1, k)
		}
	}
	return joinTokens(s, toks, start, end)
}
