package facts

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/articlebot/articlebot/corpus/pos"
	"github.com/articlebot/articlebot/corpus/text"
)

// Extraction is what Extract finds in an article.
type Extraction struct {
	Sentences [][]Fact // the facts of each sentence, in sentence order
	People    []Person // everyone named, in order of first mention
}

// sentenceInfo is the working state of one sentence during extraction.
type sentenceInfo struct {
	s        string
	toks     []text.Token
	tags     []pos.Tag // per token: its part of speech
	quoted   []bool    // per token: inside quotation marks
	hasQuote bool
	opens    bool // a quote opens and is not closed in this sentence
	closes   bool // a quote opened in an earlier sentence closes here
	mentions []mention
	speaker  string // the person (or body) whose words the sentence gives
	facts    []Fact
	para     int
}

// extractor holds the article-wide state: the people met so far.
type extractor struct {
	people []*Person
	gender map[string]byte // person name -> 'm' or 'f'
	weak   map[string]bool // named only by the shape of the name, once
	recent []string        // person names in order of mention, outside quotes
	topics []string        // per sentence, its speaker or first-named person ("" if none)
	orgs   map[string]int  // organisations named outside quotes, with counts
	aw     *articleWords   // how the article writes its words
}

// Extract finds the facts of an article, given its sentences in order.
func Extract(sentences []string) Extraction {
	ex, _ := ExtractParagraphs(context.Background(), sentences, nil)
	return ex
}

// checkEvery is how many sentences ExtractParagraphs reads between looks
// at its context: a few milliseconds of work.
const checkEvery = 256

// ExtractParagraphs is Extract with the paragraph number of each sentence
// (paras; nil: unknown), which lets a quote run on across sentences of one
// paragraph. A large article takes a second or more; when ctx ends it
// stops with ctx's error.
func ExtractParagraphs(ctx context.Context, sentences []string, paras []int) (Extraction, error) {
	check := func(i int) error {
		if i%checkEvery != 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("facts: extract: %w", err)
		}
		return nil
	}
	tagger, err := pos.New()
	if err != nil {
		return Extraction{}, fmt.Errorf("facts: extract: %w", err)
	}
	ex := &extractor{gender: map[string]byte{}, weak: map[string]bool{}, orgs: map[string]int{}}
	infos := make([]*sentenceInfo, len(sentences))
	for i, s := range sentences {
		if err := check(i); err != nil {
			return Extraction{}, err
		}
		toks := text.Tokenize(s)
		info := &sentenceInfo{s: s, toks: toks, tags: tagger.Tag(toks)}
		if paras != nil && i < len(paras) {
			info.para = paras[i]
		}
		markQuotes(info)
		infos[i] = info
	}
	ex.aw = newArticleWords(infos)
	for i, info := range infos {
		if err := check(i); err != nil {
			return Extraction{}, err
		}
		ex.sentence(i+1, info)
	}
	resolveQuoteRuns(infos)
	out := Extraction{Sentences: make([][]Fact, len(sentences))}
	for i, info := range infos {
		if err := check(i); err != nil {
			return Extraction{}, err
		}
		ex.quoteFacts(i+1, info)
		out.Sentences[i] = info.facts
	}
	for _, p := range ex.people {
		out.People = append(out.People, *p)
	}
	return out, nil
}

// articleWords is what the whole article shows of how it writes its
// words: the words it writes in lower case somewhere, and those it
// capitalises where no sentence or quote starts. A capitalised word at
// the start of a sentence is a name when the article writes it so
// elsewhere too; an ordinary word when it writes it in lower case.
type articleWords struct {
	lower  map[string]bool
	capMid map[string]bool
	// known holds the words of the names of the people met so far
	// ("Reeves" after "Chancellor Rachel Reeves").
	known map[string]bool
}

func newArticleWords(infos []*sentenceInfo) *articleWords {
	aw := &articleWords{lower: map[string]bool{}, capMid: map[string]bool{}, known: map[string]bool{}}
	for _, info := range infos {
		first := firstWordIndex(info.toks)
		for i, t := range info.toks {
			switch {
			case !t.Word:
			case !t.IsCap():
				aw.lower[t.Bare()] = true
			case !atStart(info.toks, i, first) && !allCaps(t.Text):
				aw.capMid[t.Bare()] = true
			}
		}
	}
	return aw
}

// nameAtStart reports whether a capitalised word toks[i] that starts a
// sentence, a quote or a clause begins a name. English capitalises any
// word there, so the word's own case says nothing; what does: the article
// writing it in lower case elsewhere (not a name) or capitalised inside a
// sentence (a name), a person already named with it, a relative "who"
// after it, and else the word itself. A
// word WordNet has only as a name, or not at all, is a name ("Boeing",
// "Kennedy"); a common word ("Speculation", "Naturally", "Scientists",
// "Avian") is one only when the tagger reads it as a proper noun and it
// is a first name or a place ("Grace", "China").
func (aw *articleWords) nameAtStart(toks []text.Token, i int, tag pos.Tag) bool {
	w := toks[i].Bare()
	switch {
	case aw.lower[w]:
		return false
	case aw.capMid[w], aw.known[w]:
		return true
	case !common(w):
		return true
	case i+2 < len(toks) && toks[i+1].Text == "," && (toks[i+2].Lower == "who" || toks[i+2].Lower == "whose"):
		return true // "Irons, whose film is showing,": someone
	case !properTag(tag):
		return false
	}
	if _, ok := givenName(w); ok {
		return true
	}
	return PlaceOf(w) != ""
}

// markQuotes finds which tokens stand inside quotation marks.
func markQuotes(info *sentenceInfo) {
	toks := info.toks
	info.quoted = make([]bool, len(toks))
	var straight []int
	for i, t := range toks {
		if t.Text == "\"" {
			straight = append(straight, i)
		}
	}
	in := false
	// An odd number of straight quotes: either one opens that the sentence
	// does not close, or the sentence closes one opened before it.
	if len(straight)%2 == 1 {
		q := straight[0]
		if !(q == 0 || (q+1 < len(toks) && toks[q+1].Word && (q == 0 || !toks[q-1].Word))) || (q > 0 && toks[q-1].Text == ",") || (q > 0 && isEndPunct(toks[q-1].Text)) {
			// closing: "… a buzz," he says.
			in = true
			info.closes = true
		} else if q == straight[len(straight)-1] {
			info.opens = true
		}
	}
	openCurly := false
	for i, t := range toks {
		switch t.Text {
		case "“":
			openCurly = true
			info.hasQuote = true
			continue
		case "”":
			if !openCurly {
				for k := 0; k < i; k++ {
					info.quoted[k] = true
				}
				info.closes = true
			}
			openCurly = false
			info.hasQuote = true
			continue
		case "\"":
			in = !in
			info.hasQuote = true
			continue
		}
		info.quoted[i] = in || openCurly
	}
	if openCurly {
		info.opens = true
	}
	if in && len(straight)%2 == 1 && !info.closes {
		info.opens = true
	}
}

func isEndPunct(s string) bool {
	return s == "." || s == "!" || s == "?" || s == "," || s == "…"
}

// sentence finds the names, people, roles, places, numbers and times of one
// sentence, and who speaks in it.
func (ex *extractor) sentence(n int, info *sentenceInfo) {
	s, toks := info.s, info.toks
	for _, r := range runs(info, ex.aw) {
		m := classify(s, toks, r[0], r[1], ex.aw.known)
		m.quoted = info.quoted[r[0]]
		if m.kind == "" {
			continue
		}
		if m.kind == KindPerson {
			ex.person(s, toks, &m)
		}
		if m.kind == KindOrg && m.nameFrom == m.to-1 && !allCaps(toks[m.nameFrom].Text) && afterPlacePrep(toks, m.from) {
			m.kind = KindPlace // "near Huntsville", "into the Carolinas"
		}
		info.mentions = append(info.mentions, m)
	}
	// Adjectives of place: "Finnish", "Dutch", "American".
	for i, t := range toks {
		if !t.Word || !t.IsCap() || inMention(info.mentions, i) {
			continue
		}
		if p, ok := placeIn(toks, i, i+1, t.Bare()); ok && p.Demonym {
			info.mentions = append(info.mentions, mention{from: i, nameFrom: i, to: i + 1, kind: KindPlace, value: p.Name, demonym: true})
		}
	}
	sort.Slice(info.mentions, func(a, b int) bool { return info.mentions[a].from < info.mentions[b].from })

	for _, m := range info.mentions {
		f := Fact{Kind: m.kind, Text: joinTokens(s, toks, m.nameFrom, m.to), Value: m.value, Role: m.role, Sentence: n}
		f.Start, f.End = toks[m.nameFrom].Start, toks[m.to-1].End
		f.Text = trimPossessive(f.Text)
		f.End = f.Start + len(f.Text)
		if m.demonym && m.nameFrom == m.to-1 {
			f.Text = trimPossessive(toks[m.nameFrom].Text)
			f.End = f.Start + len(f.Text)
		}
		info.facts = append(info.facts, f)
	}
	info.facts = append(info.facts, quantities(n, s, toks)...)
	info.facts = append(info.facts, times(n, s, toks)...)

	info.speaker = ex.speakerOf(s, info)
	// The sentence's topic: its speaker, else the first person named who
	// is not the object of a preposition ("on Tuesday Mr Ebbers denied",
	// not "met frequently with Mr Ebbers").
	topic := info.speaker
	if topic == "" {
		for _, m := range info.mentions {
			if m.kind == KindPerson && !m.quoted && m.from <= 12 && (m.from == 0 || !isPreposition(toks[m.from-1].Lower)) {
				topic = m.value
				break
			}
		}
	}
	ex.topics = append(ex.topics, topic)

	for _, m := range info.mentions {
		switch {
		case m.kind == KindPerson && !m.quoted:
			ex.recent = append(ex.recent, m.value)
		case m.kind == KindOrg && !m.quoted:
			ex.orgs[m.value]++
		}
	}
}

// inMention reports whether token i is part of a mention's name (a role
// before the name, such as "Dutch Defense Minister", does not count).
func inMention(ms []mention, i int) bool {
	for _, m := range ms {
		if i >= m.nameFrom && i < m.to {
			return true
		}
	}
	return false
}

// person links a person mention to the people met so far, records roles, and
// sets m.value to the person's full name.
func (ex *extractor) person(s string, toks []text.Token, m *mention) {
	name := m.value
	if m.role == "" {
		// Before any title: "Its medical director, | Professor James Lin".
		m.role = roleBefore(s, toks, m.from)
		if m.role != "" {
			m.strong = true
		}
	} else if m.from > 0 {
		// "First | Minister Ian Reid": capitalised words the run
		// left out still belong to the role.
		k := m.from
		for k > 0 && toks[k-1].Word && toks[k-1].IsCap() && !roleStop[toks[k-1].Lower] {
			k--
		}
		if k < m.from {
			m.role = joinTokens(s, toks, k, m.from) + " " + m.role
		}
	}
	after := roleAfter(s, toks, m.to)
	if after != "" {
		m.strong = true
	}
	if m.to < len(toks) && speechVerbs[toks[m.to].Lower] || relativeWho(toks, m.to) {
		m.strong = true
	}
	nameToks := text.Tokenize(name)
	surname := surnameOf(nameToks)
	var p *Person
	for _, q := range ex.people {
		if strings.EqualFold(q.Name, name) || surnameOf(text.Tokenize(q.Name)) == surname && sameFirstName(q.Name, name) {
			p = q
			break
		}
	}
	lone := len(nameWords(nameToks, 0, len(nameToks))) == 1
	if p == nil && lone {
		// "Sir John" after "Sir John Bourn", "Paul" after "Paul Dee": a
		// first name of someone named before, when only one has it.
		p = ex.byFirstName(name)
	}
	if p == nil && lone && m.role == "" && m.honorific == "" {
		// A lone capitalised word nobody was introduced by. A person's
		// first mention gives a first name and a surname, a title or a
		// role; a lone word is someone only when the sentence says so
		// ("Irons, whose film is showing"); a first name alone is no
		// fact; else it is a body ("Acme said", "Earlier, the
		// Executive …").
		_, given := givenName(name)
		switch {
		case relativeWho(toks, m.to):
		case given:
			m.kind = ""
			return
		default:
			m.kind = KindOrg
			return
		}
	}
	if m.role == "" && after == "" && m.honorific == "" && followedByRole(toks, m.to) {
		// "Liberal Democrat spokeswoman …", "Plaid Cymru health spokesman":
		// the name of a body that qualifies a role.
		m.kind = KindOrg
		return
	}
	if p == nil {
		p = &Person{Name: name}
		ex.people = append(ex.people, p)
		if !m.strong && m.honorific == "" {
			ex.weak[name] = true
		}
		if g, ok := givenName(nameToks[0].Text); ok && g != 0 && !lone {
			ex.gender[p.Name] = g // "Kate Lamb": she
		}
	} else {
		if len(nameToks) > len(text.Tokenize(p.Name)) {
			p.Name = name
		}
		delete(ex.weak, p.Name)
	}
	if maleHonorifics[m.honorific] {
		ex.gender[p.Name] = 'm'
	} else if femaleHonorifics[m.honorific] {
		ex.gender[p.Name] = 'f'
	}
	for _, r := range []string{m.role, after} {
		if r != "" && !containsFold(p.Roles, r) {
			p.Roles = append(p.Roles, r)
		}
	}
	if m.role == "" {
		m.role = after
	}
	for _, t := range text.Tokenize(p.Name) {
		if t.Word {
			ex.aw.known[t.Bare()] = true
		}
	}
	m.value = p.Name
}

// sameFirstName reports whether two names of one surname can be one
// person's: one is the end of the other ("Paul" after "Ron Paul",
// "Eriksson Ek" after "Joel Eriksson Ek"), or both give the same first
// name ("Ron Paul", "Ron E. Paul"); "Rand Paul" is not Ron.
func sameFirstName(a, b string) bool {
	at, bt := text.Tokenize(a), text.Tokenize(b)
	aw, bw := nameWords(at, 0, len(at)), nameWords(bt, 0, len(bt))
	if len(aw) > len(bw) {
		aw, bw = bw, aw
	}
	return len(aw) == 0 || aw[0] == bw[0] || slices.Equal(aw, bw[len(bw)-len(aw):])
}

// surnameOf is the last word of a name, before any "Jr" or "III": what
// a later mention calls the person by.
func surnameOf(name []text.Token) string {
	for k := len(name) - 1; k >= 0; k-- {
		w := text.StripPossessive(name[k].Lower)
		if !name[k].Word || nameSuffixes[w] {
			continue
		}
		return w
	}
	return ""
}

// nameSuffixes follow a surname: "Jr", "III".
var nameSuffixes = set("jr|sr|ii|iii|iv|jnr|snr")

// byFirstName returns the one person named before whose first name is
// name, or nil when none or several have it.
func (ex *extractor) byFirstName(name string) *Person {
	var found *Person
	for _, q := range ex.people {
		if qt := text.Tokenize(q.Name); len(qt) > 1 && strings.EqualFold(qt[0].Text, name) {
			if found != nil {
				return nil
			}
			found = q
		}
	}
	return found
}

// relativeWho reports ", who" or ", whose" at token i: what follows a
// person ("Irons, whose film is showing,").
func relativeWho(toks []text.Token, i int) bool {
	return i+1 < len(toks) && toks[i].Text == "," && (toks[i+1].Lower == "who" || toks[i+1].Lower == "whose")
}

// roleStop are capitalised words that start a sentence or clause and are
// never part of a title.
var roleStop = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "on": true, "in": true, "at": true,
	"for": true, "by": true, "with": true, "from": true, "to": true, "of": true, "and": true, "but": true,
	"or": true, "however": true, "meanwhile": true, "when": true, "while": true, "after": true,
	"before": true, "as": true, "if": true, "said": true, "says": true,
}

// followedByRole reports a role noun within two words after token i.
func followedByRole(toks []text.Token, i int) bool {
	for k := i; k < len(toks) && k < i+2; k++ {
		if !toks[k].Word {
			return false
		}
		if roleNouns[toks[k].Lower] {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func (ex *extractor) addSentence(name string, n int) {
	for _, p := range ex.people {
		if p.Name == name {
			if len(p.Sentences) == 0 || p.Sentences[len(p.Sentences)-1] != n {
				p.Sentences = append(p.Sentences, n)
			}
			return
		}
	}
}

// speakerOf finds who speaks in a sentence: the subject of a speech verb
// outside quotation marks ("X said", "said X", "according to X").
func (ex *extractor) speakerOf(s string, info *sentenceInfo) string {
	toks := info.toks
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Lower == "according" && toks[i+1].Lower == "to" && !info.quoted[i] {
			if m := mentionAt(info.mentions, i+2, 4); m != nil && (m.kind == KindPerson || m.kind == KindOrg) {
				return m.value
			}
		}
	}
	for i, t := range toks {
		if !t.Word || info.quoted[i] || !speechVerbs[t.Lower] {
			continue
		}
		if (t.Lower == "asked" || t.Lower == "asks") && !info.hasQuote {
			continue // "asked leaders to continue": a request, not words said
		}
		if nounToo[t.Lower] && !(i+1 < len(toks) && (toks[i+1].Lower == "that" || !toks[i+1].Word)) {
			continue // "Damage estimates were not available": a noun
		}
		// "…," said the festival's executive director, Ruth Baker.
		if i > 0 && (isCloseQuote(toks[i-1].Text) || toks[i-1].Text == ",") && (t.Lower == "said" || t.Lower == "says" || t.Lower == "added" || t.Lower == "adds") {
			for _, m := range info.mentions {
				if m.from > i && m.kind == KindPerson && !m.quoted {
					return m.value
				}
			}
		}
		if who := ex.subjectBefore(info, i); who != "" {
			return who
		}
	}
	return ""
}

func isCloseQuote(s string) bool { return s == "\"" || s == "”" || s == "’" }

// mentionAt returns the mention that starts within a few tokens of i.
func mentionAt(ms []mention, i, within int) *mention {
	for k := range ms {
		if ms[k].from >= i && ms[k].from <= i+within {
			return &ms[k]
		}
	}
	return nil
}

// subjectBefore finds the subject of the speech verb at token v: a name, a
// pronoun or "the <role>", skipping adverbs, auxiliaries and a
// comma-enclosed apposition.
func (ex *extractor) subjectBefore(info *sentenceInfo, v int) string {
	toks := info.toks
	k := v - 1
	for k >= 0 && toks[k].Word && isAdverbOrAux(toks[k].Lower) {
		k--
	}
	if k >= 0 && toks[k].Text == "," {
		// Skip back over an apposition to the name before it, unless the
		// apposition is the name: "The Shadow Secretary …, Theresa May,
		// said".
		j := k - 1
		for j >= 0 && toks[j].Text != "," && !info.quoted[j] && !isEndPunct(toks[j].Text) {
			j--
		}
		if j < 0 || toks[j].Text != "," {
			return ""
		}
		// The person before the apposition is the subject ("Nicholas
		// Negroponte, chairman and founder of MIT's Media Labs, says");
		// else the apposition names them ("The Shadow Secretary …,
		// Theresa May, said").
		for _, m := range info.mentions {
			if m.kind == KindPerson && !m.quoted && m.to == j {
				return m.value
			}
		}
		for _, m := range info.mentions {
			if m.kind == KindPerson && !m.quoted && m.from > j && m.to <= k {
				return m.value
			}
		}
		k = j - 1
	}
	if k < 0 || !toks[k].Word || info.quoted[k] {
		return ""
	}
	for _, m := range info.mentions {
		if m.to-1 == k || (m.to == k && toks[k].Lower == "'s") {
			switch m.kind {
			case KindPerson:
				return m.value
			case KindOrg:
				return m.value
			}
		}
	}
	w := toks[k].Lower
	switch {
	case w == "he" || w == "she":
		g := byte('m')
		if w == "she" {
			g = 'f'
		}
		return ex.antecedent(g, "")
	case w == "they" || w == "it":
		return ""
	case roleNouns[w] || w == "company" || w == "firm" || w == "group" || w == "spokesperson":
		// "the British actor said": the last person with that role, or
		// the last person named.
		if w == "company" || w == "firm" || w == "group" {
			return ex.mainOrg()
		}
		// "Rhodri Glyn Thomas, Plaid Cymru health spokesman said": the
		// person the role stands beside.
		for i := len(info.mentions) - 1; i >= 0; i-- {
			m := info.mentions[i]
			if m.kind == KindPerson && !m.quoted && m.to <= k {
				return m.value
			}
		}
		return ex.antecedent(0, w)
	}
	return ""
}

// mainOrg is the organisation named most often so far: what "the company"
// most likely means.
func (ex *extractor) mainOrg() string {
	best, n := "", 0
	for name, c := range ex.orgs {
		if c > n || (c == n && name < best) {
			best, n = name, c
		}
	}
	return best
}

func isAdverbOrAux(w string) bool {
	switch w {
	case "also", "still", "then", "later", "has", "have", "had", "was", "is", "previously", "recently",
		"repeatedly", "once", "now", "again", "further", "would", "will", "quickly", "yesterday", "today", "earlier":
		return true
	}
	return strings.HasSuffix(w, "ly") && len(w) > 4
}

// antecedent resolves a pronoun or role noun to the person most recently
// named outside quotes, of the given gender (0: any) and, when role is set,
// preferring one with that role.
func (ex *extractor) antecedent(gender byte, role string) string {
	if role != "" {
		for i := len(ex.recent) - 1; i >= 0 && i >= len(ex.recent)-6; i-- {
			if ex.hasRole(ex.recent[i], role) {
				return ex.recent[i]
			}
		}
	}
	// The speaker or subject of the last two sentences comes first: "He"
	// after "Doyle stressed … on President Ivan Petrov" is
	// Doyle. Else the last person named.
	topics := ex.topics
	if len(topics) > 2 {
		topics = topics[len(topics)-2:]
	}
	for _, names := range [][]string{topics, ex.recent} {
		for i := len(names) - 1; i >= 0; i-- {
			if name := names[i]; ex.fits(name, gender) {
				return name
			}
		}
	}
	return ""
}

// fits reports whether a person named before can be what a pronoun of
// the given gender (0: any) stands for, and learns the person's gender
// from it.
func (ex *extractor) fits(name string, gender byte) bool {
	if name == "" || ex.weak[name] {
		return false
	}
	if g, ok := ex.gender[name]; ok && gender != 0 && g != gender {
		return false
	}
	if _, ok := ex.gender[name]; !ok && gender != 0 {
		ex.gender[name] = gender
	}
	return true
}

func (ex *extractor) hasRole(name, role string) bool {
	for _, p := range ex.people {
		if p.Name != name {
			continue
		}
		for _, r := range p.Roles {
			if strings.Contains(strings.ToLower(r), role) {
				return true
			}
		}
	}
	return false
}

// resolveQuoteRuns gives a speaker to the sentences of a quote that runs
// over several sentences: from a later sentence of the run that names one,
// else from the sentence before.
func resolveQuoteRuns(infos []*sentenceInfo) {
	for i := len(infos) - 2; i >= 0; i-- {
		cur, next := infos[i], infos[i+1]
		if cur.speaker == "" && cur.hasQuote && cur.opens && next.hasQuote && next.speaker != "" && samePara(cur, next) {
			cur.speaker = next.speaker
		}
	}
	for i := 1; i < len(infos); i++ {
		cur, prev := infos[i], infos[i-1]
		if cur.speaker != "" || !cur.hasQuote || prev.speaker == "" || !prev.hasQuote {
			continue
		}
		if samePara(cur, prev) || startsWithQuote(cur) {
			cur.speaker = prev.speaker
		}
	}
}

// speakerAfter reports a sentence whose speaker is named after the
// speech verb at token v: "…, said Paul Grant".
func speakerAfter(info *sentenceInfo, v int) bool {
	for _, m := range info.mentions {
		if m.value == info.speaker && m.from > v {
			return true
		}
	}
	return false
}

// AlsoNoun reports a speech verb that is also a plural noun
// ("estimates", "claims"): a verb only before "that", a quote or
// punctuation.
func AlsoNoun(w string) bool { return nounToo[w] }

// nounToo are speech verbs that are also plural nouns; they are verbs only
// before "that", a quote or punctuation.
var nounToo = map[string]bool{
	"estimates": true, "claims": true, "questions": true, "comments": true, "notes": true, "calls": true,
	"reports": true, "points": true, "forecasts": true, "hopes": true, "states": true, "remarks": true,
	"thoughts": true, "promises": true, "pledges": true, "vows": true, "counters": true, "boasts": true,
}

func isPreposition(w string) bool {
	switch w {
	case "with", "by", "to", "of", "on", "for", "from", "against", "about", "at", "in", "into", "over", "under", "between", "among", "than", "like":
		return true
	}
	return false
}

// afterPlacePrep reports a name that follows a preposition of place.
func afterPlacePrep(toks []text.Token, i int) bool {
	k := i - 1
	if k >= 0 && toks[k].Lower == "the" {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].Lower {
	case "in", "near", "into", "across", "through", "outside", "towards", "toward", "from", "to":
		return true
	}
	return false
}

// isPlacePrep reports a preposition that starts a phrase of place or
// time rather than the words said: "says | in a report".
func isPlacePrep(w string) bool {
	switch w {
	case "in", "on", "at", "during", "after", "before", "last", "yesterday", "today", "earlier", "later":
		return true
	}
	return false
}

// lastComma is the index of the last comma before token i, or -1.
func lastComma(toks []text.Token, i int) int {
	for k := i - 1; k >= 0; k-- {
		if toks[k].Text == "," {
			return k
		}
	}
	return -1
}

func samePara(a, b *sentenceInfo) bool { return a.para == b.para }

func startsWithQuote(info *sentenceInfo) bool {
	return len(info.toks) > 0 && isOpenQuote(info.toks[0].Text)
}

// quoteFacts records the sentence's quotation, or its reported speech, with
// its speaker, and the people it mentions.
func (ex *extractor) quoteFacts(n int, info *sentenceInfo) {
	for _, m := range info.mentions {
		if m.kind == KindPerson {
			ex.addSentence(m.value, n)
		}
	}
	if info.speaker == "" {
		return
	}
	s, toks := info.s, info.toks
	// The quoted words, when there are any.
	start, end := -1, -1
	for i := range toks {
		if info.quoted[i] {
			if start < 0 {
				start = i
			}
			end = i + 1
		}
	}
	f := Fact{Kind: KindQuote, Speaker: info.speaker, Sentence: n, Value: info.speaker}
	if start >= 0 && end-start >= 3 {
		f.Text = strings.Trim(joinTokens(s, toks, start, end), " ,")
		f.Start = toks[start].Start
		f.End = f.Start + len(f.Text)
	} else {
		// Reported speech: the clause after the speech verb.
		for i, t := range toks {
			if t.Word && speechVerbs[t.Lower] {
				j := i + 1
				if j < len(toks) && toks[j].Lower == "that" {
					j++
				}
				if j < len(toks) && toks[j].Text == ":" {
					j++
				}
				k := len(toks)
				for k > j && !toks[k-1].Word {
					k--
				}
				c := lastComma(toks, i)
				// "…, said Paul Grant, president of …" and "…, Oxfam says
				// in a report": the words said come before the comma.
				before := c > 2 && (speakerAfter(info, i) || j < len(toks) && isPlacePrep(toks[j].Lower))
				if k > j && k-j >= 4 && !before {
					f.Text = joinTokens(s, toks, j, k)
					f.Start, f.End = toks[j].Start, toks[k-1].End
				} else if c > 2 {
					// "…, Ms Lane told Radio 4's Today programme."
					f.Text = joinTokens(s, toks, 0, c)
					f.Start, f.End = toks[0].Start, toks[c-1].End
				}
				break
			}
		}
		if f.Text == "" {
			f.Text = s
			f.Start, f.End = 0, len(s)
		}
	}
	ex.addSentence(info.speaker, n)
	info.facts = append(info.facts, f)
}
