package followup

import (
	"strings"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/pos"
)

// nounPhrase is a run of tokens that ends in a noun: an optional
// determiner, then modifiers and nouns ("the meeting", "200 military
// planners", "NATO's headquarters").
type nounPhrase struct {
	start int // the determiner, when there is one
	body  int // the first word after the determiner
	end   int // just past the head noun
	head  pos.Tag
}

func (np nounPhrase) ok() bool     { return np.end > np.body }
func (np nounPhrase) plural() bool { return np.head == pos.NNS || np.head == pos.NNPS }

// nounPhrases finds the noun phrases of ws[from:to], left to right.
func nounPhrases(ws []doc.Word, from, to int) []nounPhrase {
	var out []nounPhrase
	for i := from; i < to; {
		if !ws[i].Word {
			i++
			continue
		}
		j := i
		if (ws[j].Tag == pos.DT || ws[j].Tag == pos.PRPS) && !whWords[ws[j].Lower] {
			j++
		}
		k, end := j, -1
		for k < to && ws[k].Word && !auxes[ws[k].Lower] && !whWords[ws[k].Lower] && !isPronoun(ws[k].Lower) {
			t := ws[k].Tag
			if t.Noun() {
				end = k + 1
			} else if !(t.Adj() || t == pos.CD || t == pos.VBN || t == pos.VBG || t == pos.POS) {
				break
			}
			k++
		}
		if end > j {
			out = append(out, nounPhrase{start: i, body: j, end: end, head: ws[end-1].Tag})
			i = end
			continue
		}
		i = max(k, i+1)
	}
	return out
}

func isPronoun(w string) bool {
	_, ok := pronouns[w]
	return ok
}

// previous is what a follow-up can lean on: the previous question taken
// apart, and what its pronouns may stand for.
type previous struct {
	q       sentence
	whStart int    // the first token of the wh-phrase; -1 when the question has none
	bodyAt  int    // the first token after the wh-phrase (the whole question when none)
	wh      string // the wh-word, lower case
	degree  string // "many" of "how many", "long" of "how long"; ""
	focus   nounPhrase
	// subject: the wh-phrase is the subject of the question's verb ("who
	// will lead the meeting"), not its object or an adverbial ("when did
	// the meeting take place").
	subject bool

	answer string // the short answer, when it is short enough to stand in for a pronoun

	// What a pronoun of each class stands for, and what "how many of
	// them" counts; "" when nothing does.
	person, thing, group, noun string
}

// personKinds are the kinds of question whose answer is a person when it
// is a name.
var personKinds = map[bot.Kind]bool{bot.KindWho: true, bot.KindWhoIs: true, bot.KindWhoSaid: true}

func (r *Resolver) previous(t Turn) *previous {
	p := &previous{q: r.analyse(t.Question), whStart: -1}
	ws := p.q.words
	if first := nextWord(ws, 0); first >= 0 {
		i := first
		// "in what year", "according to whom": a preposition before the wh-word.
		if ws[i].Tag == pos.IN || ws[i].Tag == pos.TO {
			if n := nextWord(ws, i+1); n >= 0 && whWords[ws[n].Lower] {
				i = n
			}
		}
		if whWords[ws[i].Lower] {
			p.whStart, p.wh = first, ws[i].Lower
			end := i + 1
			if p.wh == "how" {
				if n := nextWord(ws, end); n >= 0 && (howDegree[ws[n].Lower] || ws[n].Tag.Adj()) {
					p.degree, end = ws[n].Lower, n+1
				}
			}
			if p.wh == "what" || p.wh == "which" || p.wh == "whose" || countWords[p.degree] {
				if nps := nounPhrases(ws, end, len(ws)); len(nps) > 0 && nps[0].start == nextWord(ws, end) {
					p.focus, end = nps[0], nps[0].end
				}
			}
			p.bodyAt = end
			p.subject = isSubject(ws, nextWord(ws, end))
		}
	}
	var a *bot.Answer
	if t.Answer != nil && !t.Answer.NoAnswer {
		a = t.Answer
		if s := strings.TrimSpace(a.Text); s != "" && len(s) <= maxReferentBytes {
			p.answer = s
		}
	}
	p.referents(r, a)
	return p
}

// isSubject reports whether the wh-phrase is the subject of the verb at v:
// a verb straight after it ("who asked"), or an auxiliary and then a verb
// ("who will lead", "what was announced"). "did", or an auxiliary and a
// noun phrase ("could the force have"), make it the object.
func isSubject(ws []doc.Word, v int) bool {
	if v < 0 {
		return false
	}
	w := ws[v].Lower
	switch {
	case doForms[w]:
		return false
	case auxes[w]:
		n := nextWord(ws, v+1)
		return n >= 0 && ws[n].Tag.Verb() && !auxes[ws[n].Lower]
	}
	return ws[v].Tag.Verb() || ws[v].Tag == pos.MD
}

// referents fills in what pronouns stand for.
func (p *previous) referents(r *Resolver, a *bot.Answer) {
	ans := answerShape{}
	if p.answer != "" {
		ans = shapeOf(r.analyse(p.answer), a)
	}
	p.person = p.personReferent(a, ans)
	p.thing = p.thingReferent(ans)
	p.group = p.groupReferent(a, ans)
	p.noun = p.countedNoun(a, ans)
}

// answerShape is what the short answer is.
type answerShape struct {
	name    bool       // every word capitalised: a name ("Anni Hakkanen", "Britain and Germany")
	list    bool       // a list: "Britain and Germany", "the Netherlands, Sweden, and Finland"
	common  nounPhrase // a common noun phrase ("military leaders from about 30 countries" -> "military leaders")
	s       sentence
	kind    facts.Kind // the kind of the fact the answer is, if it is one
	person  string     // the person the answer is, by their fact
	counted string     // what a quantity answer counts ("troops")
}

func shapeOf(s sentence, a *bot.Answer) answerShape {
	sh := answerShape{s: s, name: true}
	words := 0
	for _, w := range s.words {
		if !w.Word {
			if w.Text == "," {
				sh.list = true
			}
			continue
		}
		words++
		switch {
		case w.Lower == "and" || w.Lower == "or":
			sh.list = true
		case w.Lower == "of" || w.Lower == "the":
		case !w.IsCap():
			sh.name = false
		}
	}
	if words == 0 {
		sh.name = false
	}
	if first := nextWord(s.words, 0); first >= 0 && !s.words[first].IsCap() && !s.words[first].IsNumber() {
		if nps := nounPhrases(s.words, first, len(s.words)); len(nps) > 0 && nps[0].start == first && !nps[0].head.Proper() {
			sh.common = nps[0]
		}
	}
	if a == nil {
		return sh
	}
	text := strings.TrimSpace(s.text)
	for _, f := range a.Facts {
		if f.Kind == facts.KindPerson && f.Role != "" && strings.EqualFold(f.Role, text) {
			// "who is X?" answered with X's role: the person is X.
			sh.person = orText(f.Value, f.Text)
			continue
		}
		if !strings.EqualFold(f.Text, text) && !strings.EqualFold(f.Value, text) && !(f.Kind == facts.KindQuote && strings.EqualFold(f.Speaker, text)) {
			continue
		}
		switch f.Kind {
		case facts.KindPerson:
			sh.kind, sh.person = f.Kind, orText(f.Value, f.Text)
		case facts.KindQuote:
			sh.kind, sh.person = facts.KindPerson, f.Speaker
		case facts.KindQuantity:
			sh.kind, sh.counted = f.Kind, strings.TrimSpace(f.Role)
		default:
			sh.kind = f.Kind
		}
		break
	}
	return sh
}

func orText(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// personReferent is who "he" or "she" is: the person the answer is, else
// the person the previous question named.
func (p *previous) personReferent(a *bot.Answer, ans answerShape) string {
	if ans.person != "" {
		return ans.person
	}
	if a == nil {
		return ""
	}
	if personKinds[a.Kind] && ans.name && !ans.list && ans.kind == "" {
		return p.answer
	}
	for _, f := range a.Facts {
		name := ""
		switch f.Kind {
		case facts.KindPerson:
			name = orText(f.Value, f.Text)
			if !mentions(p.q, name) && !mentions(p.q, f.Text) {
				continue
			}
		case facts.KindQuote:
			name = f.Speaker
			if name == "" || !mentions(p.q, name) {
				continue
			}
		default:
			continue
		}
		return name
	}
	return ""
}

// thingReferent is what "it" is: the answer to "what X" or "which X" when
// that is not a person, else the first singular noun phrase the previous
// question holds beside its wh-phrase ("the meeting"), else an answer that
// is a place or an organisation.
func (p *previous) thingReferent(ans answerShape) string {
	if p.answer != "" && p.focus.ok() && (p.wh == "what" || p.wh == "which") && ans.person == "" && !ans.list {
		return p.answer
	}
	for _, np := range p.phrases() {
		if np.plural() || p.isPerson(np) {
			continue
		}
		return p.q.span(np.start, np.end)
	}
	if ans.kind == facts.KindPlace || ans.kind == facts.KindOrg {
		return p.answer
	}
	return ""
}

// groupReferent is who or what "they" are: a list the answer gives, the
// things a count counted, a plural noun phrase the answer is, else the
// previous question's first plural noun phrase.
func (p *previous) groupReferent(a *bot.Answer, ans answerShape) string {
	switch {
	case p.answer != "" && ans.list && (ans.name || ans.kind != ""):
		return p.answer
	case ans.counted != "":
		return "the " + ans.counted
	case ans.common.ok() && ans.common.plural():
		return "the " + ans.s.span(ans.common.body, ans.common.end)
	}
	for _, np := range p.phrases() {
		if np.plural() {
			return p.q.span(np.start, np.end)
		}
	}
	if p.focus.ok() && p.focus.plural() {
		return "the " + p.q.span(p.focus.body, p.focus.end)
	}
	return ""
}

// countedNoun is what "how many of them" counts: the noun of the answer,
// what a count counted, the noun the previous question asked about, or
// its first plural noun.
func (p *previous) countedNoun(a *bot.Answer, ans answerShape) string {
	switch {
	case ans.common.ok():
		return ans.s.span(ans.common.body, ans.common.end)
	case ans.counted != "":
		return ans.counted
	case p.focus.ok():
		return p.q.span(p.focus.body, p.focus.end)
	}
	for _, np := range p.phrases() {
		if np.plural() {
			return p.q.span(np.body, np.end)
		}
	}
	return ""
}

// phrases are the noun phrases of the previous question outside its
// wh-phrase and outside quotation marks (a quote's words are what
// someone said, not what the question is about).
func (p *previous) phrases() []nounPhrase {
	var out []nounPhrase
	from := p.bodyAt
	for _, q := range quotedRuns(p.q.words) {
		if q[0] > from {
			out = append(out, nounPhrases(p.q.words, from, q[0])...)
		}
		from = max(from, q[1])
	}
	return append(out, nounPhrases(p.q.words, from, len(p.q.words))...)
}

// quotedRuns are the token ranges [open, close] of quotations, quotation
// marks included; an unclosed one runs to the end.
func quotedRuns(ws []doc.Word) [][2]int {
	var out [][2]int
	open := -1
	for i, w := range ws {
		if w.Word {
			continue
		}
		switch {
		case open < 0 && (w.Text == "“" || w.Text == "\""):
			open = i
		case open >= 0 && (w.Text == "”" || w.Text == "\""):
			out = append(out, [2]int{open, i + 1})
			open = -1
		}
	}
	if open >= 0 {
		out = append(out, [2]int{open, len(ws)})
	}
	return out
}

// isPerson reports whether a noun phrase of the previous question is the
// person "he" or "she" stands for.
func (p *previous) isPerson(np nounPhrase) bool {
	if p.person == "" || !np.head.Proper() {
		return false
	}
	person, phrase := strings.ToLower(p.person), strings.ToLower(p.q.span(np.body, np.end))
	return strings.Contains(person, phrase) || strings.Contains(phrase, person)
}
