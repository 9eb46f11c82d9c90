package bot

// The rules by which the engine answers that the article doesn't say.

import (
	"strings"

	"github.com/articlebot/articlebot/corpus/text"
)

// withoutAbsent drops the candidates of the articles that never mention
// what the question asks about (asksAboutAbsent), judging each article
// once. With several articles and none chosen, one article's silence is no
// answer for the others.
func (e *Engine) withoutAbsent(p *parsed, cands []*cand) []*cand {
	absent := map[*articleData]bool{}
	var out []*cand
	for _, c := range cands {
		a, ok := absent[c.d]
		if !ok {
			a = e.asksAboutAbsent(p, c.d)
			absent[c.d] = a
		}
		if !a {
			out = append(out, c)
		}
	}
	return out
}

// asksAboutAbsent reports a question about something the article never
// mentions: what a how-many question counts, a place or nationality, or
// too many of its words.
func (e *Engine) asksAboutAbsent(p *parsed, d *articleData) bool {
	if p.kind == KindHowMany && len(p.focus) > 0 {
		known := false
		for _, f := range p.focus {
			if _, df := e.lx.idf(term{word: f, stem: f}, d.sents); df > 0 {
				known = true
			}
		}
		if !known {
			return true // "how many tanks": the article counts no tanks
		}
	}
	unknown := 0
	for _, t := range p.terms {
		_, df := e.lx.idf(t, d.sents)
		if df > 0 {
			continue
		}
		unknown++
		if placeKey(t.word) != "" {
			return true // "in Scotland", "the Polish minister"
		}
		if (asksEvent(p.kind) || p.kind == KindHowMany && len(p.focus) == 0 && !p.wantChange && !p.wantMoney && !p.wantPercent) && p.typed[t.word] && pastVerb(t.word) && !d.derived(t.stem) {
			// "When was Nestle founded?", "What are officials worried
			// about?": the article tells of no such event.
			return true
		}
	}
	if p.kind == KindWho {
		// "Who directed the film?" when the article never says who
		// directed anything.
		for i, t := range p.toks {
			if t.Lower == "who" && i+1 < len(p.toks) && p.toks[i+1].Word && !isAuxVerb(p.toks[i+1].Lower) {
				w := p.toks[i+1].Lower
				if _, df := e.lx.idf(term{word: w, stem: text.Base(w)}, d.sents); df == 0 && !d.derived(text.Base(w)) {
					return true
				}
				break
			}
		}
	}
	switch p.kind {
	case KindYesNo:
		return unknown > 0
	case KindWhoSaid, KindWhatSaid:
		return false
	case KindHowMany:
		if len(p.focus) > 0 || p.wantMoney || p.wantPercent {
			return false // what is counted was checked above
		}
	}
	// One unknown word may be the question's own wording ("where are the
	// researchers based"); two or more, and a third of the question, is a
	// question about something else.
	return unknown >= 2 && float64(unknown)/float64(len(p.terms)) > 0.34
}

// asksEvent reports the kinds of question that ask about an event the
// question's own verb names: when it happened, what or why.
func asksEvent(k Kind) bool {
	return k == KindWhen || k == KindWhat || k == KindWhy || k == KindYesNo
}

// pastVerb reports a word that reads as a verb's past form: "founded",
// "sold", "worried".
func pastVerb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") || text.IsIrregularVerb(w)
}

// namesSomeone reports whether the question names a person of the article.
func (p *parsed) namesSomeone(d *articleData) bool {
	for _, person := range d.art.People {
		if namesPerson(p, person.Name) {
			return true
		}
	}
	return false
}

// namesHold checks that the names a question uses (words the article only
// writes with a capital) are in the sentence or its paragraph: "the
// Riverside Centre on Sunday" is not answered by a sentence about another
// centre.
func (e *Engine) namesHold(p *parsed, c *cand) bool {
	para := c.d.art.ParagraphOf(c.a.sent.Index)
	for _, t := range p.terms {
		if !e.isName(t, c.d) {
			continue
		}
		if m, _ := e.lx.matchTerm(t, c.a); m > 0 {
			continue
		}
		ok := false
		if n := c.a.sent.Index; n > 1 && startsWithPronoun(c.a) {
			// "It took $42.8m at the weekend": the name is in the
			// sentence "It" stands for, even across a paragraph break.
			if m, _ := e.lx.matchTerm(t, c.d.sents[n-2]); m > 0 {
				ok = true
			}
		}
		for i := range para {
			if s := e.sentence(c.d.art.ID, para[i].Index); s != nil {
				if m, _ := e.lx.matchTerm(t, s); m > 0 {
					ok = true
					break
				}
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// startsWithPronoun reports a sentence, not a quotation, whose subject is
// a third-person pronoun: "It took …", "She said …".
func startsWithPronoun(a *analysed) bool {
	if len(a.words) == 0 || a.words[0].tok.Start != 0 {
		return false
	}
	switch a.words[0].tok.Lower {
	case "it", "he", "she", "they", "this", "these", "its", "his", "her", "their":
		return true
	}
	return false
}

// isName reports whether a question term is a name in the article: a word
// of a person's, place's or body's name that it writes only with a capital.
func (e *Engine) isName(t term, d *articleData) bool {
	return d.nameStems[t.stem]
}
