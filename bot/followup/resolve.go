package followup

import (
	"strings"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/corpus/lexicon"
	"github.com/articlebot/articlebot/corpus/pos"
)

// ellipsis is a message that is only a wh-phrase: "where?", "and why?",
// "how many?", "and how many of them?".
type ellipsis struct {
	wh     string // as written, lower case
	degree string // "many" of "how many"
	ofThem bool   // "how many of them"
}

// elliptical reports whether a message is a bare wh-phrase, with openers
// ("and", "so") before it and closers ("exactly", "then") after it.
func elliptical(ws []doc.Word) (ellipsis, bool) {
	var words []string
	for _, w := range ws {
		if w.Word {
			words = append(words, w.Lower)
		}
	}
	i := 0
	for i < len(words) && openers[words[i]] {
		i++
	}
	if i == len(words) || !whWords[words[i]] {
		return ellipsis{}, false
	}
	e := ellipsis{wh: words[i]}
	i++
	if e.wh == "how" && i < len(words) && howDegree[words[i]] {
		e.degree = words[i]
		i++
		if countWords[e.degree] && i+1 < len(words) && words[i] == "of" && ofPronouns[words[i+1]] {
			e.ofThem = true
			i += 2
		}
	}
	for i < len(words) && closers[words[i]] {
		i++
	}
	return e, i == len(words)
}

// complete makes a bare wh-phrase a question: the new wh-phrase and the
// rest of the previous question. When the previous wh-phrase was the
// subject, the answer takes its place ("who will lead the meeting?",
// "Britain and Germany"; "when?" -> "when will Britain and Germany lead
// the meeting?"), with "do" when the verb needs it ("who asked …?" ->
// "why did John Healey ask …?"). When it was an object with a noun, the
// answer (or that noun) goes after the rest ("how many troops could the
// force have?"; "why?" -> "why could the force have 10,000 to 30,000
// troops?").
func (p *previous) complete(e ellipsis, lx *lexicon.Lexicon) (string, []Rule) {
	rules := []Rule{RuleEllipsis}
	wh := e.wh
	if e.degree != "" {
		wh += " " + e.degree
	}
	if countWords[e.degree] {
		if p.noun == "" {
			return "", nil // nothing to count
		}
		wh += " " + p.noun
		if e.ofThem {
			rules = append(rules, RuleOfThem)
		}
	}
	ws := p.q.words
	end := lastWord(ws) + 1
	if p.whStart < 0 {
		// A yes/no question or a statement: put the wh-phrase before it.
		first := nextWord(ws, 0)
		if first < 0 {
			return "", nil
		}
		return wh + " " + lowerFirst(ws[first], p.q.span(first, end)) + "?", rules
	}
	at := nextWord(ws, p.bodyAt)
	if at < 0 || at >= end {
		return "", nil // the previous question was only a wh-phrase
	}
	if !p.subject {
		q := wh + " " + p.q.span(at, end)
		if p.focus.ok() {
			q += " " + orText(p.answer, p.q.span(p.focus.body, p.focus.end))
		}
		return q + "?", rules
	}
	filler := p.answer
	if filler == "" && p.focus.ok() {
		filler = "the " + p.q.span(p.focus.body, p.focus.end)
	}
	if filler == "" {
		return wh + " " + p.q.span(at, end) + "?", rules
	}
	v := ws[at]
	rest := ""
	if n := nextWord(ws, at+1); n >= 0 && n < end {
		rest = " " + p.q.span(n, end)
	}
	if auxes[v.Lower] || v.Tag == pos.MD {
		return wh + " " + v.Text + " " + filler + rest + "?", rules
	}
	do := "do"
	switch v.Tag {
	case pos.VBD, pos.VBN:
		do = "did"
	case pos.VBZ:
		do = "does"
	}
	return wh + " " + do + " " + filler + " " + lx.Lemma(v.Lower, lexicon.Verb) + rest + "?", rules
}

// lowerFirst is s with its first word in lower case, unless that word is a
// name or "I".
func lowerFirst(w doc.Word, s string) string {
	if w.Tag.Proper() || w.Text == "I" || !w.IsCap() || len(w.Text) > 1 && strings.ToUpper(w.Text) == w.Text {
		return s
	}
	return strings.ToLower(s[:len(w.Text)]) + s[len(w.Text):]
}

// replacePronouns replaces the third-person pronouns of a message with
// what they stand for, and "how many of them" with the previous answer's
// noun. A pronoun inside quotation marks, one whose antecedent is in the
// message itself, an expletive "it" ("is it true that …") and one that
// stands for nothing known stay as they are.
func (p *previous) replacePronouns(msg sentence) (string, []Rule) {
	ws := msg.words
	var b strings.Builder
	var rules []Rule
	last := 0
	quotes := quotedRuns(ws)
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		for len(quotes) > 0 && quotes[0][1] <= i {
			quotes = quotes[1:]
		}
		if !w.Word || len(quotes) > 0 && quotes[0][0] <= i {
			continue
		}
		// "how many of them": the noun they count.
		if countWords[w.Lower] && p.noun != "" {
			if h := prevWord(ws, i); h >= 0 && ws[h].Lower == "how" {
				if of := nextWord(ws, i+1); of >= 0 && ws[of].Lower == "of" {
					if pr := nextWord(ws, of+1); pr >= 0 && ofPronouns[ws[pr].Lower] {
						b.WriteString(msg.text[last:ws[of].Start])
						b.WriteString(p.noun)
						last = ws[pr].End
						rules = append(rules, RuleOfThem)
						i = pr
						continue
					}
				}
			}
		}
		pr, ok := pronouns[w.Lower]
		if !ok {
			continue
		}
		if pr.class == thing && !pr.possessive && expletive(ws, i) {
			continue
		}
		ref := p.referent(pr.class)
		if ref == "" || mentions(msg, ref) || antecedentBefore(ws, i, pr.class) {
			continue
		}
		if pr.possessive || pr.ambiguous && modifiesNext(ws, i) {
			ref = possessive(ref)
		}
		if nextWord(ws, 0) == i {
			ref = capitalise(ref)
		}
		b.WriteString(msg.text[last:w.Start])
		b.WriteString(ref)
		last = w.End
		rules = append(rules, RulePronoun)
	}
	if len(rules) == 0 {
		return msg.text, nil
	}
	b.WriteString(msg.text[last:])
	return b.String(), rules
}

func (p *previous) referent(c pronounClass) string {
	switch c {
	case person:
		return p.person
	case thing:
		return p.thing
	case group:
		return p.group
	}
	return ""
}

// prevWord is the index of the word token before i, or -1.
func prevWord(ws []doc.Word, i int) int {
	for i--; i >= 0; i-- {
		if ws[i].Word {
			return i
		}
	}
	return -1
}

// expletive reports an "it" that stands for nothing: "is it true that",
// "it is likely to".
func expletive(ws []doc.Word, i int) bool {
	n := nextWord(ws, i+1)
	if n >= 0 && beForms[ws[n].Lower] {
		n = nextWord(ws, n+1)
	}
	if n < 0 || !ws[n].Tag.Adj() {
		return false
	}
	c := nextWord(ws, n+1)
	return c < 0 || complementizers[ws[c].Lower]
}

// modifiesNext reports whether the word after i is one a possessive goes
// with: "her role", "her first visit".
func modifiesNext(ws []doc.Word, i int) bool {
	n := nextWord(ws, i+1)
	if n < 0 || n != i+1 {
		return false
	}
	t := ws[n].Tag
	return t.Noun() || t.Adj() || t == pos.CD || t == pos.VBG
}

// antecedentBefore reports whether the message names, before the pronoun
// at i, something of the pronoun's class: a name for "he" or "she", a
// plural noun phrase for "they". The pronoun then most likely refers to
// that, not to the previous turn. "it" is not checked: a singular noun
// before it is as often a person or the subject it is said of ("what did
// the minister say about it?").
func antecedentBefore(ws []doc.Word, i int, c pronounClass) bool {
	for _, np := range nounPhrases(ws, 0, i) {
		switch c {
		case person:
			if np.head.Proper() {
				return true
			}
		case group:
			if np.plural() {
				return true
			}
		}
	}
	return false
}
