package candidate

import (
	"strings"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/pos"
	"github.com/articlebot/articlebot/corpus/text"
)

// isTimeName reports the name of a weekday or a month, with or without a
// possessive or an abbreviation's period.
func isTimeName(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), ".")
	return monthNames[w] || weekdayNames[w]
}

// inPhrase reports a word that can stand inside a noun phrase.
func inPhrase(w *doc.Word) bool {
	if !w.Word {
		return w.Tag == pos.Money || w.Text == "%"
	}
	switch w.Tag {
	case pos.DT, pos.PDT, pos.PRPS, pos.JJ, pos.JJR, pos.JJS, pos.CD, pos.NN, pos.NNS, pos.NNP, pos.NNPS, pos.VBN, pos.VBG, pos.POS, pos.FW:
		return true
	}
	return false
}

// heads reports a word a noun phrase can end in.
func heads(w *doc.Word) bool {
	return w.Word && (w.Tag.Noun() || w.Tag == pos.CD || w.Tag == pos.FW) || w.Text == "%"
}

// chunks proposes the sentence's noun phrases: each maximal phrase, the
// names inside it, its parts either side of a possessive, a phrase with
// the "of" phrase after it, and two phrases joined by "and".
func (g *gen) chunks() {
	ws := g.s.Words
	var phrases []doc.Span
	for i := 0; i < len(ws); {
		if !inPhrase(&ws[i]) {
			i++
			continue
		}
		j := i
		for j < len(ws) && inPhrase(&ws[j]) && j-i < maxPhrase {
			// A determiner inside a phrase starts a new one ("gave the
			// firm the money"), and so does a day or month after a noun
			// ("ordered 30 jets Wednesday"; not "11 March", "Monday
			// evening").
			if j > i && (ws[j].Tag == pos.DT || ws[j].Tag == pos.PDT) && ws[j-1].Tag != pos.CC {
				break
			}
			if j > i && isTimeName(ws[j].Lower) && (ws[j-1].Tag == pos.NN || ws[j-1].Tag == pos.NNS) && !isTimeName(ws[j-1].Lower) {
				break
			}
			j++
		}
		end := j
		for end > i && !heads(&ws[end-1]) {
			end--
		}
		// -ing and -ed forms only inside a phrase, before its head.
		start := i
		for start < end && (ws[start].Tag == pos.VBG || ws[start].Tag == pos.VBN) {
			start++
		}
		if end > start {
			phrases = append(phrases, doc.Span{Start: start, End: end})
		}
		i = max(j, i+1)
	}
	for _, p := range phrases {
		g.phrase(p)
	}
	// A phrase with the phrases a preposition ties to it: "the University
	// of Tsukuba", "chairman of the Joint Chiefs of Staff", "Beijing and
	// Shanghai".
	for k := 0; k+1 < len(phrases); k++ {
		end := phrases[k].End
		for j := k + 1; j < len(phrases) && j <= k+maxAttached; j++ {
			b := phrases[j]
			if b.Start != end+1 || !attaches(ws[end].Lower) || b.End-phrases[k].Start > maxPhrase {
				break
			}
			end = b.End
			sp := doc.Span{Start: phrases[k].Start, End: end}
			g.add(sp, g.phraseType(sp), nil)
		}
	}
	g.appositions(phrases)
	g.lists(phrases)
	g.speakers(phrases)
	g.adjectives()
	g.verbPhrases(phrases)
}

// lists proposes runs of noun phrases joined by commas and a last "and"
// or "or" ("Luis Lopez, Romell Quioto and Diego Rodriguez"), and two
// joined by "as well as".
func (g *gen) lists(phrases []doc.Span) {
	ws := g.s.Words
	for k := 0; k < len(phrases); k++ {
		end := k
		closed := false
		for j := k; j+1 < len(phrases); j++ {
			a, b := phrases[j], phrases[j+1]
			gap := b.Start - a.End
			sep := g.s.SpanText(doc.Span{Start: a.End, End: b.Start})
			if gap == 1 && ws[a.End].Text == "," {
				end = j + 1
				continue
			}
			if gap == 1 && (ws[a.End].Lower == "and" || ws[a.End].Lower == "or") ||
				gap == 2 && ws[a.End].Text == "," && (ws[a.End+1].Lower == "and" || ws[a.End+1].Lower == "or") ||
				gap == 3 && sep == "as well as" {
				end = j + 1
				closed = true
			}
			break
		}
		if closed && end > k && phrases[end].End-phrases[k].Start <= 2*maxPhrase {
			sp := doc.Span{Start: phrases[k].Start, End: phrases[end].End}
			g.add(sp, g.phraseType(sp)|List, nil)
		}
	}
}

// speakers proposes the noun phrase before a verb of saying ("the US
// military said", "An embassy official told CNN") and the one after it
// ("said the agency"), as who said something.
func (g *gen) speakers(phrases []doc.Span) {
	ws := g.s.Words
	for _, p := range phrases {
		if p.End < len(ws) && speech(&ws[p.End]) || p.Start > 0 && speech(&ws[p.Start-1]) && (p.End == len(ws) || !ws[p.End].Word) {
			g.add(p, g.phraseType(p)|Speaker, nil)
		}
	}
	// The words right before a verb of saying, when the tagger read the
	// last of them as an adjective ("the US military said").
	for v := 1; v < len(ws); v++ {
		if !speech(&ws[v]) || !ws[v-1].Tag.Adj() {
			continue
		}
		from := v - 1
		for from > 0 && v-from < maxPhrase && ws[from-1].Word && (ws[from-1].Tag.Noun() || ws[from-1].Tag.Adj()) {
			from--
		}
		if from < v-1 || ws[from].Tag.Proper() {
			sp := doc.Span{Start: from, End: v}
			g.add(sp, g.phraseType(sp)|Speaker, nil)
		}
	}
}

func speech(w *doc.Word) bool { return w.Word && facts.IsSpeechVerb(w.Lower) }

// maxAttached is how many prepositional phrases a noun phrase candidate
// takes on ("chairman of the Joint Chiefs of Staff" has two).
const maxAttached = 3

// attaches reports a word that ties a noun phrase to the one before it.
func attaches(w string) bool {
	switch w {
	case "of", "and", "or", "&", "for", "in", "on", "at", "from", "de", "du", "von", "van":
		return true
	}
	return false
}

// appositions proposes what stands between commas after a name ("Mark
// Milley, chairman of the Joint Chiefs of Staff, said"), and after the
// comma that ends a sentence's name ("…, said Jane Doe, a spokeswoman"):
// a description of the person or body named.
func (g *gen) appositions(phrases []doc.Span) {
	ws := g.s.Words
	for k := 0; k+1 < len(phrases); k++ {
		a := phrases[k]
		if !ws[a.End-1].Tag.Proper() || a.End >= len(ws) || ws[a.End].Text != "," {
			continue
		}
		from := a.End + 1
		end := from
		for end < len(ws) && end-from < maxPhrase && ws[end].Text != "," && ws[end].Text != "." && ws[end].Text != ";" && !ws[end].Tag.Verb() || end < len(ws) && ws[end].Tag == pos.VBN && end > from {
			end++
		}
		if end > from && (end == len(ws) || ws[end].Text == "," || ws[end].Text == ".") && ws[from].Tag != pos.CC {
			g.add(doc.Span{Start: from, End: end}, Role, nil)
		}
	}
}

// phrase proposes one noun phrase and the names and parts inside it.
func (g *gen) phrase(p doc.Span) {
	ws := g.s.Words
	g.add(p, g.phraseType(p), nil)
	// Runs of proper nouns inside it: "the 155-mile Longmenshan Fault".
	for i := p.Start; i < p.End; {
		if !ws[i].Tag.Proper() {
			i++
			continue
		}
		j := i
		for j < p.End && ws[j].Tag.Proper() {
			j++
			if hasPossessive(&ws[j-1]) {
				break
			}
		}
		if i != p.Start || j != p.End {
			g.add(doc.Span{Start: i, End: j}, Name, nil)
		}
		i = j
	}
	// Either side of a possessive: "Britain's Defense Minister".
	for i := p.Start; i < p.End-1; i++ {
		if hasPossessive(&ws[i]) {
			g.add(doc.Span{Start: p.Start, End: i + 1}, g.phraseType(doc.Span{Start: p.Start, End: i + 1}), nil)
			g.add(doc.Span{Start: i + 1, End: p.End}, g.phraseType(doc.Span{Start: i + 1, End: p.End}), nil)
		}
	}
	// Without the numbers or adjectives in front: "its 13 fourth-quarter
	// orders" -> "fourth-quarter orders" is not wanted, but "the first
	// female president" -> "female president" can be; the head with the
	// nouns before it is.
	h := p.End - 1
	k := h
	for k > p.Start && ws[k-1].Tag.Noun() && !hasPossessive(&ws[k-1]) {
		k--
	}
	if k > p.Start && k < h+1 {
		g.add(doc.Span{Start: k, End: p.End}, g.phraseType(doc.Span{Start: k, End: p.End}), nil)
	}
	// A number inside a hyphenated word: "three-page", "30-date",
	// "89-year-old".
	for i := p.Start; i < p.End; i++ {
		if w := &ws[i]; w.Word && strings.Contains(w.Text, "-") && w.Tag != pos.CD {
			first, _, _ := strings.Cut(w.Lower, "-")
			if text.AllDigits(strings.ReplaceAll(first, ",", "")) || facts.IsNumberWord(first) {
				g.add(doc.Span{Start: i, End: i + 1}, Number, nil)
			}
		}
	}
	// A number and what it counts, when the facts missed it.
	for i := p.Start; i < p.End; i++ {
		if ws[i].Tag == pos.CD {
			g.add(doc.Span{Start: i, End: i + 1}, quantityType(ws[i].Text, ""), nil)
			if i+1 < p.End {
				sp := doc.Span{Start: i, End: p.End}
				if i > p.Start && (ws[i-1].Tag == pos.Money || ws[i-1].Tag.Adj()) {
					sp.Start = i - 1
				}
				g.add(sp, quantityType(g.s.SpanText(sp), g.s.SpanText(doc.Span{Start: i + 1, End: p.End})), nil)
			}
		}
	}
}

func hasPossessive(w *doc.Word) bool {
	l := w.Lower
	return len(l) > 2 && (l[len(l)-2:] == "'s" || l[len(l)-1] == '\'')
}

// phraseType is the type of a noun phrase by its words.
func (g *gen) phraseType(p doc.Span) Type {
	ws := g.s.Words
	allProper := true
	for i := p.Start; i < p.End; i++ {
		if ws[i].Word && !ws[i].Tag.Proper() && !isArticle(ws[i].Lower) {
			allProper = false
		}
	}
	t := Phrase
	if allProper {
		t = Name
	}
	if p.End-p.Start == 1 && ws[p.Start].Tag == pos.CD {
		t |= quantityType(ws[p.Start].Text, "")
	}
	return t
}

// adjectives proposes runs of adjectives (with their adverbs): "how was
// the meeting described" -> "constructive".
func (g *gen) adjectives() {
	ws := g.s.Words
	for i := 0; i < len(ws); {
		if !ws[i].Tag.Adj() && !(ws[i].Tag.Adv() && i+1 < len(ws) && ws[i+1].Tag.Adj()) {
			i++
			continue
		}
		j := i
		for j < len(ws) && (ws[j].Tag.Adj() || ws[j].Tag.Adv() || ws[j].Tag == pos.CC && j+1 < len(ws) && ws[j+1].Tag.Adj()) {
			j++
		}
		for j > i && !ws[j-1].Tag.Adj() {
			j--
		}
		// Not an adjective in front of a noun: that is a noun phrase.
		if j > i && (j == len(ws) || !ws[j].Tag.Noun()) {
			g.add(doc.Span{Start: i, End: j}, Adjective, nil)
		}
		i = max(j, i+1)
	}
}

// verbPhrases proposes a verb with the noun phrase after it ("what did the
// council do" -> "approved the plan"), and with a prepositional phrase
// after that.
func (g *gen) verbPhrases(phrases []doc.Span) {
	ws := g.s.Words
	at := map[int]doc.Span{}
	for _, p := range phrases {
		at[p.Start] = p
		// A phrase may start with its article, which chunks left in.
		if p.Start > 0 && ws[p.Start-1].Tag == pos.DT {
			at[p.Start-1] = doc.Span{Start: p.Start - 1, End: p.End}
		}
	}
	for i, w := range ws {
		if !w.Tag.Verb() || isBeOrHave(w.Lower) {
			continue
		}
		j := i + 1
		for j < len(ws) && (ws[j].Tag == pos.RP || ws[j].Tag.Adv()) {
			j++
		}
		if p, ok := at[j]; ok {
			end := p.End
			if end+1 < len(ws) && ws[end].Tag == pos.IN {
				if q, ok := at[end+1]; ok && q.End-i <= maxClause {
					g.add(doc.Span{Start: i, End: q.End}, Verbal, nil)
				}
			}
			g.add(doc.Span{Start: i, End: end}, Verbal, nil)
		}
	}
}

func isBeOrHave(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "'s":
		return true
	}
	return false
}
