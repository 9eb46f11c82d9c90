package facts

import (
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/corpus/lexicon"
	"github.com/articlebot/articlebot/corpus/pos"
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
func runs(info *sentenceInfo, aw *articleWords) [][2]int {
	toks := info.toks
	var out [][2]int
	first := firstWordIndex(toks)
	i := 0
	for i < len(toks) {
		if !capWord(info, i, first, aw) {
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
			// "Gov. | Brian Kemp", "Patrick W. | Carlineo": the period of a
			// title or an initial does not end the name.
			if t.Text == "." && (titleAbbrevs[toks[j-1].Lower] || isInitial(toks[j-1].Text)) && j+1 < len(toks) && toks[j+1].Word && toks[j+1].IsCap() {
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
		out = append(out, splitAnd(info, start, j, aw.known)...)
		i = j
	}
	return out
}

// isInitial reports a name's initial: one capital letter ("W" of
// "Patrick W. Carlineo").
func isInitial(s string) bool { return len(s) == 1 && s[0] >= 'A' && s[0] <= 'Z' }

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
// England"); "Italy and Germany" are two, and so are two titled names
// ("Homeland Security Secretary Kirstjen Nielsen and Housing Secretary
// Ben Carson") and a person and their place ("Fumio Kishida of Japan").
func splitAnd(info *sentenceInfo, start, end int, known map[string]bool) [][2]int {
	toks := info.toks
	hasConn := false
	for k := start + 1; k < end-1; k++ {
		if toks[k].Lower == "and" || toks[k].Lower == "&" || toks[k].Lower == "of" || toks[k].Lower == "for" {
			hasConn = true
		}
	}
	if !hasConn {
		return [][2]int{{start, end}}
	}
	if cut := splitNames(info, start, end, known); len(cut) > 1 {
		return cut
	}
	// One name of a body, a role or a site: "Trade and Industry
	// Secretary", "Bank of England", "George and Joyce Wein Jazz &
	// Heritage Center".
	words := nameWordsAll(toks, start, end)
	keep := hasOrgWord(words) || siteOrBody(words[len(words)-1])
	for k, w := range words {
		// A place word keeps the run whole where it ends it or an "of"
		// follows ("Secretary of State", "Bay of Islands"), not before an
		// "and" ("Mill Street and Walnut Creek" are two).
		if roleNouns[w] || (placeWords[w] || w == "state") && (k == len(words)-1 || words[k+1] != "and" && words[k+1] != "&") {
			keep = true
		}
	}
	if keep {
		return [][2]int{{start, end}}
	}
	var out [][2]int
	from := start
	for k := start; k < end; k++ {
		if toks[k].Lower == "and" || toks[k].Lower == "&" || toks[k].Lower == "of" || toks[k].Lower == "for" || toks[k].Lower == "the" {
			if k > from {
				out = append(out, [2]int{from, k})
			}
			from = k + 1
		}
	}
	if from < end {
		out = append(out, [2]int{from, end})
	}
	return out
}

// splitNames cuts a run into the people it names one after another: at
// an "and" between two titled names, and at an "of" between a person's
// name and a place. It returns the run whole when it names one.
func splitNames(info *sentenceInfo, start, end int, known map[string]bool) [][2]int {
	toks := info.toks
	// titleAfter[k-start]: a title or honorific stands at k or after it,
	// before the run's last word.
	titleAfter := make([]bool, end-start+1)
	for k := end - 2; k >= start; k-- {
		titleAfter[k-start] = titleAfter[k-start+1] || isTitle(toks[k].Lower)
	}
	var out [][2]int
	from, lastTitle := start, -1
	for k := start; k < end; k++ {
		w := toks[k].Lower
		switch {
		case isTitle(w) && k < end-1:
			lastTitle = k
		case w == "and" && lastTitle >= from && lastTitle < k-1 && !isTitle(toks[k-1].Lower) && k+1 < end && titleAfter[k+1-start]:
			out = append(out, [2]int{from, k})
			from, lastTitle = k+1, -1
		case w == "of" && k > from && k+1 < end && placeAfter(toks, k+1, end) && !hasOrgWord(nameWords(toks, from, k)) && personName(info, max(from, lastTitle+1), k, known):
			out = append(out, [2]int{from, k}, [2]int{k + 1, end})
			return out
		}
	}
	return append(out, [2]int{from, end})
}

// isTitle reports a word that stands before a name as a title or role.
func isTitle(w string) bool {
	return honorifics[w] || honorifics[strings.TrimSuffix(w, ".")] || roleNouns[w]
}

// placeAfter reports a run's last words toks[from:end] that name a place
// ("Japan", "the United States").
func placeAfter(toks []text.Token, from, end int) bool {
	if toks[from].Lower == "the" {
		from++
	}
	if from >= end || end-from > 4 {
		return false
	}
	var words []string
	for k := from; k < end; k++ {
		words = append(words, text.StripPossessive(toks[k].Lower))
	}
	return PlaceOf(strings.Join(words, " ")) != ""
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

// capWord reports whether token i starts or continues a name: a
// capitalised word that is not a function word, and, where a sentence or
// a quote starts, one that the article's use of it makes a name (see
// nameAtStart).
func capWord(info *sentenceInfo, i, first int, aw *articleWords) bool {
	toks := info.toks
	t := toks[i]
	if !t.Word || !t.IsCap() || notNames[t.Lower] || notNames[t.Bare()] || contraction(t.Lower) || adjectiveCompound(t.Text) {
		return false
	}
	if !atStart(toks, i, first) || allCaps(t.Text) {
		return true
	}
	return aw.nameAtStart(toks, i, info.tags[i])
}

// contraction reports a function word with a clitic: "You’ve", "We'll",
// "I'd" (closed classes, as notNames).
func contraction(w string) bool {
	i := strings.IndexAny(w, "'’")
	if i <= 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(w[i:])
	switch w[i+size:] {
	case "ll", "ve", "re", "d", "m", "s", "t":
		return notNames[w[:i]]
	}
	return false
}

// adjectiveCompound reports a hyphenated word whose last part is lower
// case: an adjective made on a name ("Turkish-based", "TSA-level",
// "Republican-led"), not a name.
func adjectiveCompound(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	c := w[i+1]
	return c >= 'a' && c <= 'z'
}

// atStart reports a token where a sentence, a quote or a clause after a
// colon or dash starts: where English capitalises any word.
func atStart(toks []text.Token, i, first int) bool {
	if i == first {
		return true
	}
	if i == 0 {
		return false
	}
	switch p := toks[i-1].Text; {
	case isOpenQuote(p), p == ":", p == "-", p == "—", p == "–", p == "(":
		return true
	}
	return false
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
func classify(info *sentenceInfo, from, to int, known map[string]bool) mention {
	s, toks := info.s, info.toks
	m := mention{from: from, nameFrom: from, to: to}
	words := nameWordsAll(toks, from, to)
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
	if _, isPlace := lexicon.Default().Place(whole); !isPlace && (len(words) > 1 || !common(whole)) && lemmaKind(whole) != "" {
		// A name WordNet knows: "White House", "United Nations", "Atlantic"
		// (not a place name that placeIn read as a person's here).
		m.kind = lemmaKind(whole)
		m.value = trimPossessive(joinTokens(s, toks, from, to))
		return m
	}
	// A title or role, then a name: "Mr Grant", "Defense Minister Anni
	// Virtanen", "Acme president Ken Sato", "Justice Helen Hoens".
	split, byHonorific := -1, false
	for k := from; k < to-1; k++ {
		w := words[k-from]
		if h := honorifics[w] || honorifics[strings.TrimSuffix(w, ".")]; h || roleNouns[w] {
			split, byHonorific = k+1, h
		}
	}
	if split < 0 {
		split = commonTitle(toks, from, to)
	}
	for split > 0 && split < to && !toks[split].Word {
		split++ // "Gov. | Brian Kemp"
	}
	if split > 0 && split < to && connector(words[split-from]) {
		// "Secretary of State for the Family": a role, no name.
		return m
	}
	// After "Mr" or "Sir" comes a name whatever its words ("Sir John
	// Bourn"); after a role, only words that can be one ("Star | Wars").
	if split > 0 && split < to && !hasOrgWord(words[split-from:]) && (byHonorific || personName(info, split, to, known)) {
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
		if placeWords[last] || !orgWords[last] && !bodyNoun(last) && thingKind(last) == KindPlace || facility(last) {
			m.kind = KindPlace // "Regent Street", "Trafford Centre", "Anglican Cathedral"
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
			// "Tate Britain", "Air France": a body named after a place;
			// "Trafford Centre": a site.
			m.kind = KindOrg
			if facility(last) {
				m.kind = KindPlace
			}
			m.value = trimPossessive(joinTokens(s, toks, from, to))
			return m
		}
	}
	if roleNouns[last] {
		// "Defense Minister" alone: a role, not a name.
		m.kind = ""
		return m
	}
	m.value = trimPossessive(joinTokens(s, toks, from, to))
	if !personName(info, from, to, known) {
		// "Anglican Cathedral", "Hurricane Maria", "Green Zone",
		// "Doobie Brothers": named by what they are.
		m.kind = thingOf(toks, from, to)
		return m
	}
	m.kind = KindPerson
	return m
}

// commonTitle finds where a name starts after capitalised common words
// that stand as its title: "Justice | Helen Hoens", "Rapper | Lil Wayne":
// at a first name followed by a surname, after one to three common words
// none of which is a first name. It returns -1 when there is none.
func commonTitle(toks []text.Token, from, to int) int {
	for k := from; k < to && k-from <= maxTitleWords; k++ {
		t := toks[k]
		if !t.Word {
			return -1
		}
		w := text.StripPossessive(t.Lower)
		if _, given := givenName(w); given && k > from && !common(w) {
			if k+1 < to && toks[k+1].Word && toks[k+1].IsCap() && !toks[k+1].IsNumber() && toks[to-1].Word {
				return k
			}
			return -1
		}
		if !common(w) || connector(w) {
			return -1
		}
	}
	return -1
}

// maxTitleWords is the most common words commonTitle takes for a title
// ("Chief Medical Officer"): titles of more words have a role noun.
const maxTitleWords = 3

// nameWords returns the lower-case words of toks[from:to], without
// punctuation and connectors ("Patrick W. Carlineo Jr" -> patrick, w,
// carlineo, jr).
func nameWords(toks []text.Token, from, to int) []string {
	var out []string
	for k := from; k < to; k++ {
		if t := toks[k]; t.Word && !connector(t.Lower) && t.Lower != "the" {
			out = append(out, text.StripPossessive(t.Lower))
		}
	}
	return out
}

// personName reports whether the run toks[from:to] can be a person's
// name. A first name makes it one ("Kate Lamb", "Ian Hill"), unless its
// last word names a building, place or body ("Cynthia Woods Mitchell
// Pavilion"); without one, neither its first nor its last word may be a
// common word other than a noun for a person: "Ndamukong Suh" and "Zach
// Parise" can be people, "Anglican Cathedral", "Hurricane Maria", "Good
// Friday", "Doobie Brothers" cannot. A last word that is a common noun
// is a surname when it is of the kinds surnames are ("Donald Trump",
// "Gordon Brown", "Emma Stone"); one that ends the names of things
// ("Allianz Field", "Northwell Health", "Ceres Robotics") makes the run a
// person's only when the sentence says so (", chairman of …", "says",
// ", who"). A
// lone word is one when it is no common word, a first name, or a word of
// the name of someone met before (known).
func personName(info *sentenceInfo, from, to int, known map[string]bool) bool {
	toks := info.toks
	words := nameWords(toks, from, to)
	if len(words) == 0 {
		return false
	}
	if len(words) > 1 {
		for k := from; k < to; k++ {
			if allCaps(toks[k].Text) && !isInitial(toks[k].Text) && !nameSuffixes[toks[k].Lower] {
				return false // "Rayman DS", "JP Morgan": a product's or a firm's
			}
		}
	}
	first, last := words[0], words[len(words)-1]
	if _, ok := givenName(first); ok {
		if len(words) == 1 {
			return true
		}
		if _, ok := givenName(last); ok || !common(last) || personNoun(last) {
			return true
		}
		// "Mill Lane": a first name that is a common word ("Mill",
		// "Hope") before a common noun is that noun's name.
		return !siteOrBody(last) && !(common(first) && thingHead(last))
	}
	if len(words) == 1 {
		return !common(first) || isInitial(toks[from].Text) || relativeWho(toks, to) || known[first]
	}
	if common(first) && !personNoun(first) {
		return false
	}
	if common(last) && !personNoun(last) && thingHead(last) || plural(last) && !givenLike(last) {
		// "Nia Cole, chairman of …": a surname that is a common word.
		return !common(first) && !siteOrBody(last) && saysSomeone(info, to)
	}
	return true
}

// saysSomeone reports words after a name that only a person takes: an
// apposition with a role (", chairman of …"), a speech verb, ", who".
func saysSomeone(info *sentenceInfo, to int) bool {
	toks := info.toks
	return relativeWho(toks, to) || to < len(toks) && speechVerbs[toks[to].Lower] || roleAfter(info, to) != ""
}

// givenLike reports a word that is a surname as often as a plural:
// WordNet's first reading of it is a person ("Gates", "Banks", "Wells").
func givenLike(w string) bool {
	_, ss, ok := nounClasses(w)
	return ok && ss == lexicon.NounPerson && lexicon.Default().Lemma(w, lexicon.Noun) == w
}

// thingOf says what a run that names no person names: by the common
// noun that ends it ("Green Zone": a place; "Central Division": a body),
// else by the one that starts it ("Camp Dogwood", "Lake Tahoe"); "" when
// neither says ("Hurricane Maria", "Guinness World Record", "Cabinet").
func thingOf(toks []text.Token, from, to int) Kind {
	words := nameWords(toks, from, to)
	if len(words) == 0 {
		return ""
	}
	first, last := words[0], words[len(words)-1]
	_, given := givenName(last)
	typed := len(words) > 1 && common(first)
	var k Kind
	if common(last) && !(typed && given) { // "Hurricane | Maria": a kind and its name
		k = thingKind(last)
		if k == KindOrg && len(words) == 1 && !siteOrBody(last) {
			k = "" // "Westerners", "Lions": people or animals, not a body's name
		}
	}
	if k == "" && typed {
		k = thingKind(first)
	}
	return k
}

// hasOrgWord reports a run that names a body by its words (lower case,
// connectors kept): a word companies and parties are named with
// (orgWords), or a WordNet body noun at its end ("British Medical
// Association") or before "of" or "for" at its start ("University of
// California", "Ministry of Health").
func hasOrgWord(words []string) bool {
	for _, w := range words {
		if orgWords[w] {
			return true
		}
	}
	if n := len(words); n > 0 && bodyNoun(words[n-1]) {
		return true
	}
	for k := 0; k+2 < len(words); k++ {
		if (words[k+1] == "of" || words[k+1] == "for") && (bodyNoun(words[k]) || facility(words[k])) {
			return true // "University of …", "Heritage School of Music", "Center for …"
		}
	}
	return false
}

// nameWordsAll returns the lower-case words of toks[from:to], connectors
// kept, possessives stripped: what hasOrgWord reads.
func nameWordsAll(toks []text.Token, from, to int) []string {
	words := make([]string, 0, to-from)
	for k := from; k < to; k++ {
		words = append(words, text.StripPossessive(toks[k].Lower))
	}
	return words
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
func roleBefore(info *sentenceInfo, nameFrom int) string {
	s, toks := info.s, info.toks
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
		if isRole(info, j) {
			found = j
			break
		}
		if info.tags[j].Verb() && !t.IsCap() {
			break // "a student named | Quint Davis"
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

// isRole reports a word that names a person's position or part at token
// j: a title ("minister", "coach") or a singular common noun WordNet files
// as a person ("goalie", "academic", "girlfriend"; not the plurals
// "patients", "veterans", nor the adjective "neutral").
func isRole(info *sentenceInfo, j int) bool {
	t := info.toks[j]
	w := text.StripPossessive(t.Lower)
	return roleNouns[w] || !t.IsCap() && info.tags[j] == pos.NN && personNoun(w)
}

// roleAfter finds an apposition after a name: "Tom Hale, | director
// general of the British Chambers of Commerce, | warned".
func roleAfter(info *sentenceInfo, to int) string {
	s, toks := info.s, info.toks
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
		if t.Word && isRole(info, end) && end-start <= 6 {
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
