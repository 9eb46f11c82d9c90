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
	// Tags are the parts of speech of each sentence's tokens
	// (text.Tokenize), as extraction tagged them: for a later stage
	// that would tag the same tokens again.
	Tags [][]pos.Tag
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
	starts   map[int]int // token -> the mention whose run starts there
	ends     map[int]int // token -> the mention whose run ends just before it
	speaker  string      // the person (or body) whose words the sentence gives
	verb     int         // the token of the speech verb that names the speaker; -1: none
	facts    []Fact
	para     int
}

// extractor holds the article-wide state: the people met so far.
type extractor struct {
	ps     *people         // the people met so far
	bs     *bodies         // the organisations named so far, outside quotes
	gender map[string]byte // person name -> 'm' or 'f'
	weak   map[string]bool // named only by the shape of the name, once
	recent []string        // person names in order of mention, outside quotes
	topics []string        // per sentence, its speaker or first-named person ("" if none)
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
	ex := &extractor{ps: newPeople(), bs: newBodies(), gender: map[string]byte{}, weak: map[string]bool{}}
	infos := make([]*sentenceInfo, len(sentences))
	for i, s := range sentences {
		if err := check(i); err != nil {
			return Extraction{}, err
		}
		toks := text.Tokenize(s)
		info := &sentenceInfo{s: s, toks: toks, tags: tagger.Tag(toks), verb: -1}
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
	out := Extraction{Sentences: make([][]Fact, len(sentences)), Tags: make([][]pos.Tag, len(sentences))}
	for i, info := range infos {
		if err := check(i); err != nil {
			return Extraction{}, err
		}
		ex.quoteFacts(i+1, info)
		out.Sentences[i] = info.facts
		out.Tags[i] = info.tags
	}
	for _, p := range ex.ps.list {
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
	// theNames are names the article writes after "the", as no one
	// writes a person's ("talks with the Sinn Fein."; not "the Obama
	// administration", where the name qualifies a noun), lower case.
	theNames map[string]bool
}

func newArticleWords(infos []*sentenceInfo) *articleWords {
	aw := &articleWords{lower: map[string]bool{}, capMid: map[string]bool{}, known: map[string]bool{}, theNames: map[string]bool{}}
	for _, info := range infos {
		toks := info.toks
		first := firstWordIndex(toks)
		for i, t := range toks {
			switch {
			case !t.Word:
			case !t.IsCap():
				aw.lower[t.Bare()] = true
			case !atStart(toks, i, first) && !allCaps(t.Text):
				aw.capMid[t.Bare()] = true
			}
			if t.Lower == "the" {
				if k := capitalisedEnd(toks, i+1); k > i+1 && (k == len(toks) || !toks[k].Word || !info.tags[k].Noun() && info.tags[k] != pos.CD) {
					aw.theNames[strings.ToLower(trimPossessive(joinTokens(info.s, toks, i+1, k)))] = true
				}
			}
		}
	}
	return aw
}

// capitalisedEnd returns the end of the capitalised words from toks[i].
func capitalisedEnd(toks []text.Token, i int) int {
	k := i
	for k < len(toks) && toks[k].Word && toks[k].IsCap() && !notNames[toks[k].Lower] {
		k++
	}
	return k
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
	case startsBodyName(toks, i):
		return true
	case !properTag(tag):
		return false
	}
	if _, ok := givenName(w); ok {
		return true
	}
	return PlaceOf(w) != ""
}

// startsBodyName reports a common word that starts the name of a body or
// a place with the capitalised words after it: "Harbour Bank", "Green Bay
// Packers", "Royal Infirmary" (not "Rival Sony").
func startsBodyName(toks []text.Token, i int) bool {
	k := capitalisedEnd(toks, i+1)
	if k == i+1 {
		return false
	}
	words := nameWordsAll(toks, i, k)
	last := words[len(words)-1]
	return hasOrgWord(words) || placeWords[last] || siteOrBody(last) || PlaceOf(words[0]+" "+words[1]) != ""
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
		m := classify(info, r[0], r[1], ex.aw.known)
		m.quoted = info.quoted[r[0]]
		if m.kind != KindPerson && m.kind != KindOrg && PlaceOf(toks[r[0]].Bare()) == "" {
			// "Harbour" after "Harbour Bank": a common word standing for
			// the body named with it.
			if org := ex.bs.startingWith(text.StripPossessive(toks[r[0]].Lower)); org != "" && r[1]-r[0] == 1 {
				m.kind, m.value = KindOrg, org
			}
		}
		if m.kind == "" {
			continue
		}
		if m.kind == KindPerson {
			ex.person(info, &m)
			if m.kind == "" {
				continue
			}
		}
		if m.kind == KindOrg && m.nameFrom == m.to-1 && !allCaps(toks[m.nameFrom].Text) && !common(toks[m.nameFrom].Bare()) && inPlace(toks, m.from) {
			m.kind = KindPlace // "near Huntsville", "into the Carolinas"
		}
		info.mentions = append(info.mentions, m)
	}
	// Adjectives of place: "Finnish", "Dutch", "American".
	named := make([]bool, len(toks))
	for _, m := range info.mentions {
		for i := m.nameFrom; i < m.to; i++ {
			named[i] = true
		}
	}
	for i, t := range toks {
		if !t.Word || !t.IsCap() || named[i] {
			continue
		}
		if p, ok := placeIn(toks, i, i+1, t.Bare()); ok && p.Demonym {
			info.mentions = append(info.mentions, mention{from: i, nameFrom: i, to: i + 1, kind: KindPlace, value: p.Name, demonym: true})
		}
	}
	sort.Slice(info.mentions, func(a, b int) bool { return info.mentions[a].from < info.mentions[b].from })
	info.indexMentions()

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
	info.facts = append(info.facts, quantities(n, s, toks, info.tags)...)
	info.facts = append(info.facts, times(n, s, toks)...)

	for _, m := range info.mentions {
		if m.kind == KindOrg && !m.quoted {
			ex.bs.add(m.value) // before the speaker: "Acme …, the company said"
		}
	}
	info.speaker, info.verb = ex.speakerOf(s, info)
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
		if m.kind == KindPerson && !m.quoted {
			ex.recent = append(ex.recent, m.value)
		}
	}
}

// person links a person mention to the people met so far, records roles, and
// sets m.value to the person's full name.
func (ex *extractor) person(info *sentenceInfo, m *mention) {
	s, toks := info.s, info.toks
	name := m.value
	if m.honorific == "" && m.nameFrom == m.from && ex.aw.theNames[strings.ToLower(name)] {
		m.kind = KindOrg // "talks with the Sinn Fein."
		return
	}
	if m.role == "" {
		// Before any title: "Its medical director, | Professor James Lin".
		m.role = roleBefore(info, m.from)
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
	after := roleAfter(info, m.to)
	if after != "" {
		m.strong = true
	}
	if m.to < len(toks) && speechVerbs[toks[m.to].Lower] || relativeWho(toks, m.to) {
		m.strong = true
	}
	nameToks := text.Tokenize(name)
	p := ex.ps.find(name)
	lone := len(nameWords(nameToks, 0, len(nameToks))) == 1
	if lone && m.nameFrom == m.from && !hasTitle(m.role) && !hasTitle(after) {
		// A lone word is someone by a title before or after it ("coach
		// Bob", "Smith, the minister"), not by any noun for a person
		// ("buyer of Airbus' iconic | A380").
		m.role, after = "", ""
	}
	if p == nil && lone {
		// "Sir John" after "Sir John Bourn", "Paul" after "Paul Dee": a
		// first name of someone named before, when only one has it.
		p = ex.ps.byFirstName(name)
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
			m.kind = "" // "Paul": a first name, no body's name
			return
		default:
			m.kind = loneNameKind(name)
			return
		}
	}
	if m.role == "" && after == "" && m.honorific == "" && followedByRole(toks, m.to) && p == nil {
		// "Liberal Democrat spokeswoman …", "Plaid Cymru health spokesman":
		// the name of a body that qualifies a role.
		m.kind = KindOrg
		return
	}
	if p == nil {
		p = &Person{Name: name}
		ex.ps.add(p)
		if _, given := givenName(nameToks[0].Text); !m.strong && m.honorific == "" && !(given && !lone) {
			ex.weak[name] = true // named only by the shape of a name, once
		}
		if g, ok := givenName(nameToks[0].Text); ok && g != 0 && !lone {
			ex.gender[p.Name] = g // "Kate Lamb": she
		}
	} else {
		if len(nameToks) > len(text.Tokenize(p.Name)) {
			ex.ps.rename(p, name)
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

// hasTitle reports a role that holds a title or job word (roleNouns).
func hasTitle(role string) bool {
	for _, t := range text.Tokenize(role) {
		if t.Word && roleNouns[text.StripPossessive(t.Lower)] {
			return true
		}
	}
	return false
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
	if p := ex.ps.named(name); p != nil && p.Name == name {
		if len(p.Sentences) == 0 || p.Sentences[len(p.Sentences)-1] != n {
			p.Sentences = append(p.Sentences, n)
		}
	}
}

// speakerOf finds who speaks in a sentence: the subject of a speech verb
// outside quotation marks ("X said", "said X", "according to X").
//
// A speaker is a person, named ("Tim Clark") or described when the
// sentence names nobody ("an embassy official", "a senior congressional
// aide"), or a body when the sentence has one speak ("Iraq's Ministry of
// Health said", "the ministry said", "Acme says"). A person fact is never
// a body; a quote's Speaker may be one.
func (ex *extractor) speakerOf(s string, info *sentenceInfo) (who string, verb int) {
	toks := info.toks
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Lower == "according" && toks[i+1].Lower == "to" && !info.quoted[i] {
			if who, ok := ex.speakerAfter(info, i+1); ok {
				return who, -1
			}
		}
	}
	// An attribution after the words said governs the whole sentence:
	// "…; the main request was for brighter bulbs, says Mohit Jain".
	for i, t := range toks {
		if ex.speechVerbAt(info, i) && i > 0 && (isCloseQuote(toks[i-1].Text) || toks[i-1].Text == ",") && (t.Lower == "said" || t.Lower == "says" || t.Lower == "added" || t.Lower == "adds") {
			if who, ok := ex.speakerAfter(info, i); ok {
				return who, i
			}
		}
	}
	for i := range toks {
		if !ex.speechVerbAt(info, i) {
			continue
		}
		if who := ex.subjectBefore(info, i); who != "" {
			return who, i
		}
	}
	return "", -1
}

// speechVerbAt reports a speech verb at token i, outside quotation
// marks, used as a verb of saying: not "asked leaders to continue" (a
// request), "Damage estimates" (a noun) or "a man accused of biting" (a
// participle).
func (ex *extractor) speechVerbAt(info *sentenceInfo, i int) bool {
	toks := info.toks
	t := toks[i]
	if !t.Word || info.quoted[i] || !speechVerbs[t.Lower] {
		return false
	}
	if (t.Lower == "asked" || t.Lower == "asks") && !info.hasQuote {
		return false
	}
	if nounToo[t.Lower] && !(i+1 < len(toks) && (toks[i+1].Lower == "that" || !toks[i+1].Word)) {
		return false
	}
	if info.tags[i] == pos.VBN && !(i > 0 && (toks[i-1].Lower == "has" || toks[i-1].Lower == "have" || toks[i-1].Lower == "had")) {
		return false
	}
	return true
}

// maxSpeakerWords bounds the noun phrase read as a speaker after "said"
// or "according to" ("the festival's newly appointed executive
// director"): news speakers are described in a few words.
const maxSpeakerWords = 8

// speakerAfter reads the speaker named after the verb at token v ("…,
// said Paul Grant", "according to a senior aide"). ok is false when
// what follows is no speaker ("said in a statement", "said Anglican
// Cathedral"), so that the caller looks elsewhere.
func (ex *extractor) speakerAfter(info *sentenceInfo, v int) (who string, ok bool) {
	toks := info.toks
	j := v + 1
	if j >= len(toks) {
		return "", false
	}
	if toks[j].Lower == "the" && info.mentionFrom(j+1) != nil && info.mentionFrom(j+1).kind == KindOrg {
		j++ // "according to the National Association of …"
	}
	if m := info.mentionFrom(j); m != nil {
		// "said Paul Grant", "said Iraq's Ministry of Health"; not "said
		// Tyvak would leverage …", the words said.
		if m.to < len(toks) && toks[m.to].Word && (info.tags[m.to].Verb() || info.tags[m.to] == pos.MD) {
			return "", false
		}
		switch {
		case m.kind == KindPerson:
			return m.value, true
		case m.kind == KindOrg && !m.quoted:
			return m.value, true
		}
		if !strings.HasSuffix(toks[m.to-1].Lower, "'s") && !strings.HasSuffix(toks[m.to-1].Lower, "’s") {
			return "", false
		}
	}
	// "according to economist Lee Wong": a role without an article.
	for k := j; k < len(toks) && k-j < maxSpeakerWords && toks[k].Word && !toks[k].IsCap() && (info.tags[k].Noun() || info.tags[k].Adj()); k++ {
		if m := info.mentionFrom(k + 1); m != nil && (m.kind == KindPerson || m.kind == KindOrg) {
			return m.value, true
		}
	}
	det := toks[j].Lower
	if det != "the" && det != "a" && det != "an" && !(toks[j].IsCap() && strings.HasSuffix(toks[j].Lower, "'s")) {
		return "", false
	}
	// The noun phrase: "the festival's executive director", ended by a
	// comma, the sentence's end, or a word that no noun phrase holds.
	end := j + 1
	for end < len(toks) && end-j < maxSpeakerWords && toks[end].Word && !stopsSpeaker(toks[end].Lower, info.tags[end]) {
		end++
	}
	if end < len(toks) && toks[end].Word && (info.tags[end].Verb() || info.tags[end] == pos.MD) {
		return "", false // "said the market would fall": what was said
	}
	head := text.StripPossessive(toks[end-1].Lower)
	// "…, the festival's executive director, Ruth Baker": the name in
	// apposition.
	if end+1 < len(toks) && toks[end].Text == "," {
		if m := info.mentionFrom(end + 1); m != nil && m.kind == KindPerson {
			return m.value, true
		}
	}
	if m := info.mentionEnding(end); m != nil && (m.kind == KindPerson || m.kind == KindOrg) {
		// "said the club's director Tom Reid", "according to the
		// nonpartisan Congressional Budget Office".
		return m.value, true
	}
	if !info.tags[end-1].Noun() {
		return "", false // "according to a study of more | than …"
	}
	switch {
	case personNoun(head):
		if det == "the" {
			if who := ex.withRole(head); who != "" {
				return who, true // "the coach said": the coach named before
			}
		}
		return joinTokens(info.s, toks, j, phraseEnd(toks, info.tags, end-1)), true // "an embassy official", "an economist at a Frankfurt bank"
	case bodyNoun(head):
		if m := info.mentionEnding(end); m != nil && m.kind == KindOrg {
			return m.value, true
		}
		return ex.bodyCalled(head, joinTokens(info.s, toks, j, end)), true
	}
	return "", false
}

// stopsSpeaker reports a word that ends the noun phrase of a speaker: a
// verb, a preposition other than "of", a conjunction or a relative word
// ("said the official | in a statement", "| who").
func stopsSpeaker(w string, tag pos.Tag) bool {
	switch {
	case w == "of":
		return false
	case tag.Verb(), tag == pos.IN, tag == pos.CC, tag == pos.MD, tag == pos.TO, tag.Wh(), tag == pos.RB:
		return true
	}
	return false
}

// withRole returns the person most recently named with a role of that
// noun ("the coach" after "Wild coach Bruce Boudreau"), or "".
func (ex *extractor) withRole(noun string) string {
	for i := len(ex.recent) - 1; i >= 0 && i >= len(ex.recent)-recentPeople; i-- {
		if ex.hasRole(ex.recent[i], noun) {
			return ex.recent[i]
		}
	}
	return ""
}

// recentPeople is how many people back "the <role>" looks for one of
// that role: a few paragraphs of news.
const recentPeople = 6

// bodyCalled returns the organisation named before whose name holds the
// noun ("the ministry" after "Iraq's Ministry of Health"), the
// organisation named most when the noun is a company's ("the firm"),
// else the description as written.
func (ex *extractor) bodyCalled(noun, description string) string {
	if org := ex.bs.withWord(noun); org != "" {
		return org
	}
	if companyNouns[noun] && ex.bs.main != "" {
		return ex.bs.main
	}
	return description
}

// companyNouns stand for the company an article is about.
var companyNouns = set("company|firm|group|carrier|airline|bank|retailer|maker|manufacturer|insurer|lender")

func isCloseQuote(s string) bool { return s == "\"" || s == "”" || s == "’" }

// indexMentions records where each mention starts and ends, so that
// the speaker rules find the mention at a token without a scan.
func (info *sentenceInfo) indexMentions() {
	info.starts = make(map[int]int, len(info.mentions))
	info.ends = make(map[int]int, len(info.mentions))
	for k, m := range info.mentions {
		if _, ok := info.starts[m.from]; !ok {
			info.starts[m.from] = k
		}
		info.ends[m.to] = k
	}
}

// mentionFrom returns the mention whose run starts at token i, or nil.
func (info *sentenceInfo) mentionFrom(i int) *mention {
	if k, ok := info.starts[i]; ok {
		return &info.mentions[k]
	}
	return nil
}

// mentionEnding returns the mention whose run ends just before token i,
// or nil.
func (info *sentenceInfo) mentionEnding(i int) *mention {
	if k, ok := info.ends[i]; ok {
		return &info.mentions[k]
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
		for j >= 0 && k-j <= maxAppositionWords && toks[j].Text != "," && !info.quoted[j] && !isEndPunct(toks[j].Text) {
			j--
		}
		if j < 0 || toks[j].Text != "," {
			return ""
		}
		// The person before the apposition is the subject ("Nicholas
		// Negroponte, chairman and founder of MIT's Media Labs, says");
		// else the apposition names them ("The Shadow Secretary …,
		// Theresa May, said").
		if m := info.mentionEnding(j); m != nil && m.kind == KindPerson && !m.quoted {
			return m.value
		}
		for i := j + 1; i < k; i++ {
			if m := info.mentionFrom(i); m != nil && m.kind == KindPerson && !m.quoted && m.to <= k {
				return m.value
			}
		}
		k = j - 1
	}
	if k < 0 || !toks[k].Word || info.quoted[k] {
		return ""
	}
	if m := info.mentionEnding(k + 1); m != nil && (m.kind == KindPerson || m.kind == KindOrg) {
		return m.value // "Tim Clark said", "Acme said", "the White House said"
	}
	k = subjectHead(toks, info.tags, k)
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
	case personNoun(w):
		d := describedFrom(toks, info.tags, k)
		// "Rhodri Glyn Thomas, Plaid Cymru health spokesman said": the
		// person the role stands beside.
		b := d
		if m := info.mentionEnding(b); m != nil && m.kind == KindOrg {
			b = m.from
		}
		if m := info.mentionEnding(b); m != nil && m.kind == KindPerson && !m.quoted {
			return m.value
		}
		if b > 0 && toks[b-1].Text == "," {
			if m := info.mentionEnding(b - 1); m != nil && m.kind == KindPerson && !m.quoted {
				return m.value
			}
		}
		// "an embassy official said", "prosecutors said", "executives
		// of both companies announced": someone the article does not
		// name.
		if a := toks[d].Lower; a == "a" || a == "an" || plural(w) && a != "the" && a != "his" && a != "her" {
			return joinTokens(info.s, toks, d, phraseEnd(toks, info.tags, k))
		}
		// "the British actor said": the last person with that role, or
		// the last person named.
		return ex.antecedent(0, w)
	case bodyNoun(w):
		// "the ministry said", "the company said", "police said".
		d := describedFrom(toks, info.tags, k)
		return ex.bodyCalled(w, joinTokens(info.s, toks, d, k+1))
	}
	return ""
}

// maxAppositionWords bounds the apposition skipped between a subject and
// its verb ("Paul Grant, an analyst at Acme Securities, said"): news
// appositions are a clause at most.
const maxAppositionWords = 30

// describedFrom returns where the noun phrase ending in the noun at k
// starts: at its article or possessive ("an | embassy official", "the |
// ministry", "his | lawyer"), else at its first noun or adjective
// ("prosecutors", "Plaid Cymru health | spokesman"), looking back a few
// words.
func describedFrom(toks []text.Token, tags []pos.Tag, k int) int {
	d := k
	for j := k - 1; j >= 0 && k-j < maxSpeakerWords && toks[j].Word; j-- {
		if tags[j] == pos.DT || tags[j] == pos.PRPS {
			return j
		}
		if !(tags[j].Noun() || tags[j].Adj() || tags[j] == pos.POS || strings.HasSuffix(toks[j].Lower, "'s")) {
			break
		}
		d = j
	}
	return d
}

// phraseEnd returns the end of the noun phrase whose head is at k,
// taking a phrase with "of", "at", "for" or "with" after it ("executives
// | of both companies", "an economist | at a Frankfurt bank").
func phraseEnd(toks []text.Token, tags []pos.Tag, k int) int {
	end := k + 1
	if end+1 < len(toks) && (toks[end].Lower == "of" || toks[end].Lower == "at" || toks[end].Lower == "for" || toks[end].Lower == "with") {
		j := end + 1
		for j < len(toks) && j-end < maxSpeakerWords && toks[j].Word && (tags[j].Noun() || tags[j].Adj() || tags[j] == pos.DT || tags[j] == pos.CD) {
			j++
		}
		if j > end+1 {
			return j
		}
	}
	return end
}

// subjectHead finds the head of the noun phrase that ends at the noun at
// k, when k ends an "of" phrase: "executives of both | companies" ->
// "executives". It returns k when there is no "of" before the phrase.
func subjectHead(toks []text.Token, tags []pos.Tag, k int) int {
	d := describedFrom(toks, tags, k)
	if d >= 2 && toks[d-1].Lower == "of" && toks[d-2].Word && tags[d-2].Noun() {
		return d - 2
	}
	return k
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
		for i := len(names) - 1; i >= 0 && len(names)-i <= maxAntecedents; i-- {
			if name := names[i]; ex.fits(name, gender) {
				return name
			}
		}
	}
	return ""
}

// maxAntecedents is how many people back a pronoun looks for its
// person: farther than any news paragraph holds.
const maxAntecedents = 30

// fits reports whether a person named before can be what a pronoun of
// the given gender (0: any) stands for, and learns the person's gender
// from it.
func (ex *extractor) fits(name string, gender byte) bool {
	if name == "" || ex.weak[name] || ex.bs.named(name) && gender != 0 {
		return false // "he" is no organisation
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
	p := ex.ps.named(name)
	if p == nil {
		return false
	}
	for _, r := range p.Roles {
		if strings.Contains(strings.ToLower(r), role) {
			return true
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

// namedAfterVerb reports a sentence whose speaker is named or described
// after the speech verb at token v: "…, said Paul Grant", "…, said an
// embassy official".
func namedAfterVerb(info *sentenceInfo, v int) bool {
	for _, m := range info.mentions {
		if m.value == info.speaker && m.from > v {
			return true
		}
	}
	return strings.Contains(info.s[info.toks[v].End:], info.speaker)
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

// afterPlacePrep reports a name that follows a preposition of place
// ("to Jordan", "from Chad").
func afterPlacePrep(toks []text.Token, i int) bool {
	switch prepBefore(toks, i) {
	case "in", "near", "into", "across", "through", "outside", "towards", "toward", "from", "to":
		return true
	}
	return false
}

// inPlace reports a name after a preposition that takes only places:
// "near Huntsville", "in Noblesville" (not "to Boeing", "from SpaceX").
func inPlace(toks []text.Token, i int) bool {
	switch prepBefore(toks, i) {
	case "in", "near", "into", "across", "through", "outside", "towards", "toward":
		return true
	}
	return false
}

// prepBefore returns the word before the name at token i, past a "the":
// the preposition it follows, if any.
func prepBefore(toks []text.Token, i int) string {
	k := i - 1
	if k >= 0 && toks[k].Lower == "the" {
		k--
	}
	if k < 0 {
		return ""
	}
	return toks[k].Lower
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
			if info.verb >= 0 && i != info.verb {
				continue
			}
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
				before := c > 2 && (namedAfterVerb(info, i) || j < len(toks) && isPlacePrep(toks[j].Lower))
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
