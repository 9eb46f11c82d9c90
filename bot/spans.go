package bot

// Answers that are spans of a sentence: what, why, yes or no, who said.

import (
	"strings"

	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// speaker answers "who said": the speaker of the sentence's quote or
// reported speech.
func (e *Engine) speaker(p *parsed, c *cand) *found {
	for _, f := range c.a.sent.Facts {
		if f.Kind == facts.KindQuote && f.Speaker != "" && !namesPerson(p, f.Speaker) {
			return &found{text: f.Speaker, c: c, facts: []facts.Fact{f}, bonus: 0.1}
		}
	}
	return nil
}

func isQuoteMark(s string) bool {
	return s == "\"" || s == "“" || s == "”" || s == "‘"
}

// copulaSubject answers "what is key for success?": the words before "is
// key" in the sentence, from the start of their clause ("experts … emphasized
// that | U.S. support | is key for success").
func (e *Engine) copulaSubject(p *parsed, c *cand) *found {
	// Only "what is <predicate>": "what is key …", not "what are the
	// planners doing".
	if len(p.toks) < 3 || p.toks[0].Lower != "what" || !isBe(p.toks[1].Lower) || !p.toks[2].Word || text.IsStop(p.toks[2].Lower) {
		return nil
	}
	pred := text.Base(p.toks[2].Bare())
	for i := 2; i < len(c.a.words); i++ {
		if !isBe(c.a.words[i-1].tok.Lower) || c.a.words[i].stem != pred {
			continue
		}
		s := c.a.sent.Text
		end := c.a.words[i-2].tok.End
		start := strings.LastIndexAny(s[:end], ",;:") + 1
		for j := i - 2; j >= 0 && c.a.words[j].tok.Start >= start; j-- {
			if clauseWord(c.a.words[j].tok.Lower) {
				start = c.a.words[j].tok.End
				break
			}
		}
		span := strings.TrimSpace(s[start:end])
		if n := len(strings.Fields(span)); n > 0 && n <= 8 && !isPronoun(strings.ToLower(span)) {
			return &found{text: span, c: c, bonus: 0.2}
		}
	}
	return nil
}

// attribute answers "what religion is Ruth Kelly?": the word or name
// the article gives the person after "who is" or "is a" ("Ms Kelly, who is
// Catholic,").
func (e *Engine) attribute(p *parsed, c *cand) *found {
	if len(p.toks) < 4 || p.toks[0].Lower != "what" || !p.namesSomeone(c.d) {
		return nil
	}
	s := c.a.sent.Text
	low := strings.ToLower(s)
	for _, person := range c.d.art.People {
		if !namesPerson(p, person.Name) {
			continue
		}
		for _, f := range personFacts(c, person.Name) {
			rest := low[f.End:]
			for _, cue := range []string{", who is ", " is a ", " is an ", ", a ", ", an "} {
				if strings.HasPrefix(rest, cue) {
					if ans := clause(s[f.End+len(cue):], 4); ans != "" {
						return &found{text: ans, c: c, bonus: 0.3, facts: personFacts(c, person.Name)}
					}
				}
			}
		}
	}
	return nil
}

// copulaPerson answers "who is the prosecution's star witness?" when the
// article says "The prosecution's star witness is Mr Sullivan".
func (e *Engine) copulaPerson(p *parsed, c *cand) *found {
	for _, f := range entityFacts(c, facts.KindPerson) {
		before := strings.ToLower(strings.TrimSpace(textBefore(c.a.sent.Text, f.Start)))
		for _, h := range []string{" mr", " mrs", " ms", " dr", " sir", " professor", " prof"} {
			before = strings.TrimSuffix(before, h) // "… is Mr | Sullivan"
		}
		if !strings.HasSuffix(before, " is") && !strings.HasSuffix(before, " was") {
			continue
		}
		if afterMatches(c, f) {
			return &found{text: f.Value, c: c, bonus: 0.3, facts: []facts.Fact{f}}
		}
	}
	return nil
}

// manner answers "how could they monitor a ceasefire?": the means after
// the matched words ("potentially | using cameras and satellites").
func (e *Engine) manner(p *parsed, c *cand) *found {
	if len(c.pos) == 0 {
		return nil
	}
	s := c.a.sent.Text
	from := c.a.words[c.pos[0]].tok.End
	low := strings.ToLower(s)
	best, cue := -1, ""
	for _, m := range []string{" using ", " by ", " through ", " via ", " with the help of ", " thanks to "} {
		if i := strings.Index(low[from:], m); i >= 0 && (best < 0 || from+i < best) {
			best, cue = from+i, m
		}
	}
	if best < 0 {
		return nil
	}
	start := best + 1
	if cue == " by " || cue == " via " || cue == " through " {
		start = best + len(cue) // "by | train"
	}
	if ans := clause(s[start:], 10); ans != "" {
		return &found{text: ans, c: c, bonus: 0.3}
	}
	return nil
}

// countryOf answers "which country's minister is Anni Hakkanen?": the
// country the person's role names ("Finnish Defense Minister").
func (e *Engine) countryOf(p *parsed, c *cand) *found {
	if focusKind(p.focus) != facts.KindPlace {
		return nil
	}
	for _, person := range c.d.art.People {
		if !namesPerson(p, person.Name) {
			continue
		}
		for _, role := range person.Roles {
			for _, t := range text.Tokenize(role) {
				if place := facts.PlaceOf(t.Bare()); place != "" && t.Word {
					if sc := e.sentenceWith(c.d, role, person.Sentences); sc != nil {
						return &found{text: place, c: sc, bonus: 0.5, facts: personFacts(sc, person.Name)}
					}
				}
			}
		}
	}
	return nil
}

// definition answers "what is Pictochat?": the noun phrase the article
// gives the name ("a short-range messaging application called Pictochat",
// "Pictochat, a messaging application,").
func (e *Engine) definition(p *parsed, c *cand) *found {
	if len(p.terms) == 0 {
		return nil
	}
	for _, t := range p.terms {
		if !e.isName(t, c.d) && !c.d.names[t.stem] {
			return nil // "what is X" asks about a name only
		}
	}
	s := c.a.sent.Text
	toks := text.Tokenize(s)
	for i, tk := range toks {
		if !tk.Word || !tk.IsCap() || text.Base(tk.Bare()) != p.terms[len(p.terms)-1].stem {
			continue
		}
		// "<a noun phrase> called X"
		if i >= 2 && (toks[i-1].Lower == "called" || toks[i-1].Lower == "named" || toks[i-1].Lower == "dubbed") {
			k := i - 2
			for k > 0 && i-2-k < 6 && toks[k].Word && toks[k].Lower != "a" && toks[k].Lower != "an" && toks[k].Lower != "the" && !text.IsStop(toks[k].Lower) {
				k--
			}
			if k >= 0 && toks[k].Word && (toks[k].Lower == "a" || toks[k].Lower == "an" || toks[k].Lower == "the") {
				return &found{text: s[toks[k].Start:toks[i-2].End], c: c, bonus: 0.4}
			}
		}
		// "X, a/the <noun phrase>,"
		if i+2 < len(toks) && toks[i+1].Text == "," && (toks[i+2].Lower == "a" || toks[i+2].Lower == "an" || toks[i+2].Lower == "the") {
			if ans := clause(s[toks[i+2].Start:], 10); ans != "" {
				return &found{text: ans, c: c, bonus: 0.4}
			}
		}
	}
	return nil
}

// named answers "what is the name of …": the name after "called", "named",
// or set beside the thing asked about ("a report, Paying the Price").
func (e *Engine) named(p *parsed, c *cand) *found {
	s := c.a.sent.Text
	low := strings.ToLower(s)
	if p.nameOf != "" {
		toks := text.Tokenize(s)
		for i := 0; i+2 < len(toks); i++ {
			if text.Base(toks[i].Bare()) != p.nameOf || toks[i+1].Text != "," {
				continue
			}
			k := i + 2
			for k < len(toks) && toks[k].Word && (toks[k].IsCap() || k > i+2 && (toks[k].Lower == "the" || toks[k].Lower == "of" || toks[k].Lower == "and")) {
				k++
			}
			for k > i+2 && !toks[k-1].IsCap() {
				k--
			}
			if k > i+2 {
				return &found{text: s[toks[i+2].Start:toks[k-1].End], c: c, bonus: 0.4}
			}
		}
	}
	for _, cue := range []string{" called ", " named ", " dubbed ", " known as ", " titled "} {
		i := strings.Index(low, cue)
		if i < 0 {
			continue
		}
		rest := s[i+len(cue):]
		toks := text.Tokenize(rest)
		n := 0
		for n < len(toks) && toks[n].Word && toks[n].IsCap() {
			n++
		}
		if n > 0 {
			b := 0.3
			if strings.Contains(p.raw, "known as") || strings.Contains(p.raw, "called") || strings.Contains(p.raw, "name") {
				b = 0.5 // the question asks for exactly this: "what is it now known as"
			}
			return &found{text: rest[:toks[n-1].End], c: c, bonus: b}
		}
	}
	return nil
}

// tail answers with the words that follow the question's last matched word
// in the sentence, up to the end of the clause: "protect against | possible
// attacks", "using | cameras and satellites".
func (e *Engine) tail(p *parsed, c *cand) *found {
	if len(c.pos) == 0 {
		return nil
	}
	// After the question's last word as the question orders them ("eager
	// to create | a strong deterrent force"), else after the rightmost,
	// else after the others, last first ("blamed | poor marketing for the
	// slide").
	last := 0
	for _, x := range c.pos {
		if x > last {
			last = x
		}
	}
	order := []int{c.pos[len(c.pos)-1], last}
	for i := len(c.pos) - 2; i >= 0; i-- {
		order = append(order, c.pos[i])
	}
	for _, at := range order {
		if f := e.tailAfter(p, c, at); f != nil {
			return f
		}
	}
	return nil
}

func (e *Engine) tailAfter(p *parsed, c *cand, last int) *found {
	s := c.a.sent.Text
	from := c.a.words[last].tok.End
	toks := text.Tokenize(s[from:])
	qWords := map[string]bool{}
	for _, t := range p.toks {
		qWords[t.Lower] = true
	}
	i := 0
	for i < len(toks) && toks[i].Word && (qWords[toks[i].Lower] && text.IsStop(toks[i].Lower) || toks[i].Lower == "it" || toks[i].Lower == "them") {
		i++
	}
	start := i
	for i < len(toks) && i-start < 12 {
		t := toks[i]
		if !t.Word && t.Text != "-" && t.Text != "'" && t.Text != "’" && !isQuoteMark(t.Text) {
			break
		}
		if t.Word && i > start && (t.Lower == "to" || t.Lower == "which" || t.Lower == "that" || t.Lower == "but" || t.Lower == "while" || t.Lower == "because" || t.Lower == "if" || t.Lower == "when") {
			break
		}
		i++
	}
	// Never stop inside a name: "… on Russian President | Vladimir Putin".
	for i < len(toks) && i > start && toks[i].Word && toks[i].IsCap() && toks[i-1].IsCap() {
		i++
	}
	if i == start {
		return nil
	}
	ans := strings.Trim(s[from+toks[start].Start:from+toks[i-1].End], " \"“”'’‘")
	if ans == "" {
		return nil
	}
	switch toks[start].Lower {
	case "and", "or", "but", "nor", "so", "yet":
		return nil // the words after a list item are not an answer
	}
	fresh := false
	for _, t := range toks[start:i] {
		if t.Word && !qWords[t.Lower] && !text.IsStop(t.Lower) {
			fresh = true
		}
	}
	if !fresh {
		return nil // "… to send | troops": the question's own words
	}
	return &found{text: ans, c: c, bonus: 0}
}

// reasonCues introduce a cause or purpose.
var reasonCues = []string{"because of", "because", "due to", "owing to", "thanks to", "as a result of",
	"more to do with", "in order to", "so as to", "so that", "caused by", "blamed on", "stems from", "in a bid to", "bid to", "in an effort to", "aimed at"}

// weakReasonCues give a cause only after all the question's words: "face
// challenges | as many countries have reduced …".
var weakReasonCues = []string{"as", "since", "after"}

// reason answers why: a cause or purpose clause after the question's words.
func (e *Engine) reason(p *parsed, c *cand) *found {
	s := c.a.sent.Text
	low := strings.ToLower(s)
	from := 0
	if len(c.pos) > 0 {
		first := c.pos[0]
		for _, x := range c.pos {
			if x < first {
				first = x
			}
		}
		from = c.a.words[first].tok.Start
	}
	// A passive's agent right after the matched verb is its cause:
	// "dampened | by the wet summer".
	for _, x := range c.pos {
		rest := s[c.a.words[x].tok.End:]
		if strings.HasPrefix(rest, " by ") {
			if ans := clause(rest[4:], 8); ans != "" {
				return &found{text: ans, c: c, bonus: 0.3}
			}
		}
	}
	// "Pike blamed tired legs for the collapse": the cause is what is
	// blamed.
	for _, cue := range []string{"blamed ", "blames ", "blaming "} {
		if i := strings.Index(low, cue); i >= 0 {
			rest := s[i+len(cue):]
			if j := strings.Index(strings.ToLower(rest), " for "); j > 0 && j < 60 {
				return &found{text: rest[:j], c: c, bonus: 0.3}
			}
		}
	}
	best := -1
	cueLen := 0
	for _, cue := range reasonCues {
		i := strings.Index(low[from:], cue+" ")
		if i >= 0 && (best < 0 || from+i < best) {
			best, cueLen = from+i, len(cue)
		}
	}
	if best >= 0 {
		start := best + cueLen + 1
		keep := strings.HasSuffix(low[best:best+cueLen], "to") && !strings.HasSuffix(low[best:best+cueLen], "due to") && !strings.HasSuffix(low[best:best+cueLen], "owing to") && !strings.HasSuffix(low[best:best+cueLen], "thanks to")
		if keep {
			start = best + cueLen - 2
		}
		if ans := clause(s[start:], 10); ans != "" {
			return &found{text: ans, c: c, bonus: 0.3}
		}
	}
	// A purpose: "to <verb> …" after the last matched word; else a weak
	// cue there.
	last := 0
	for _, x := range c.pos {
		if x > last {
			last = x
		}
	}
	if len(c.pos) > 0 {
		rest := s[c.a.words[last].tok.End:]
		lr := strings.ToLower(rest)
		if i := strings.Index(lr, " to "); i >= 0 && i < 40 {
			if ans := clause(rest[i+1:], 10); ans != "" && len(strings.Fields(ans)) > 1 {
				return &found{text: ans, c: c, bonus: 0.1}
			}
		}
		for _, at := range []int{c.pos[len(c.pos)-1], last} {
			rest := s[c.a.words[at].tok.End:]
			lr := strings.ToLower(rest)
			for _, cue := range weakReasonCues {
				if i := strings.Index(lr, " "+cue+" "); i >= 0 && i < 30 {
					if ans := clause(rest[i+len(cue)+2:], 14); ans != "" {
						return &found{text: ans, c: c}
					}
				}
			}
		}
	}
	return nil
}

// clause returns the start of s up to the end of its clause, at most n
// words.
func clause(s string, n int) string {
	toks := text.Tokenize(s)
	i := 0
	for i < len(toks) && i < n+2 {
		t := toks[i]
		if !t.Word && t.Text != "-" && t.Text != "'" && t.Text != "’" {
			break
		}
		i++
	}
	if i == 0 {
		return ""
	}
	words := 0
	end := 0
	for k := 0; k < i; k++ {
		if toks[k].Word {
			words++
		}
		if words > n {
			break
		}
		end = toks[k].End
	}
	return strings.TrimSpace(s[:end])
}

// yesNo answers a yes-no question from a sentence that holds nearly all of
// its words: no when the sentence negates them, else yes.
func (e *Engine) yesNo(p *parsed, c *cand) *found {
	if c.cov < 0.75 {
		return nil
	}
	// A negation counts only near the matched words: "does not
	// participate …, experts emphasized that U.S. support is key" says yes
	// to the second clause.
	for i, w := range c.a.words {
		if !isNegation(w.tok.Lower) {
			continue
		}
		for _, p := range c.pos {
			if p-i >= -1 && p-i <= 3 {
				return &found{text: "No", c: c}
			}
		}
	}
	return &found{text: "Yes", c: c}
}

func isNegation(w string) bool {
	return w == "not" || w == "never" || w == "no" || strings.HasSuffix(w, "n't")
}
