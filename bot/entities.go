package bot

// Answers that are names: who did it, where, which.

import (
	"sort"
	"strings"

	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// inQuestion reports whether every word of a fact's text is in the
// question, so that it cannot be the answer.
func inQuestion(p *parsed, f facts.Fact) bool {
	qs := map[string]bool{}
	for _, t := range p.toks {
		if t.Word {
			qs[text.Base(t.Bare())] = true
			if pk := placeKey(t.Bare()); pk != "" {
				qs[pk] = true
			}
		}
	}
	if f.Kind == facts.KindPlace && f.Value != "" && qs["@"+strings.ToLower(f.Value)] {
		return true
	}
	n, in := 0, 0
	for _, t := range text.Tokenize(f.Text) {
		if !t.Word || text.IsStop(t.Lower) {
			continue
		}
		n++
		if qs[text.Base(t.Bare())] || qs[strings.ToLower(t.Text)] {
			in++
		}
	}
	if f.Kind == facts.KindPerson && f.Value != "" && f.Value != f.Text {
		for _, t := range text.Tokenize(f.Value) {
			if t.Word && qs[text.Base(t.Bare())] {
				return true
			}
		}
	}
	return n > 0 && in == n
}

// nearness is a small bonus for a fact close to the question's matched
// words.
func nearness(c *cand, f facts.Fact) float64 {
	if len(c.pos) == 0 {
		return 0
	}
	best := 1 << 30
	for _, p := range c.pos {
		wp := c.a.words[p].tok.Start
		d := wp - f.Start
		if d < 0 {
			d = -d
		}
		if d < best {
			best = d
		}
	}
	return 0.1 / (1 + float64(best)/20)
}

// entityFacts are the facts of a sentence that name something, in order.
func entityFacts(c *cand, kinds ...facts.Kind) []facts.Fact {
	var out []facts.Fact
	for _, f := range c.a.sent.Facts {
		for _, k := range kinds {
			if f.Kind == k && f.Start >= 0 && f.End <= len(c.a.sent.Text) {
				out = append(out, f)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// listFrom extends the entity at i over the entities listed after it ("the
// Netherlands, Sweden, and Finland", "Alpha and Beta") and returns
// the span of the sentence they cover.
func listFrom(s string, ents []facts.Fact, i int) (string, []facts.Fact) {
	for i > 0 && ents[i-1].End <= ents[i].Start && listGap(s[ents[i-1].End:ents[i].Start]) && ents[i-1].Kind == ents[i].Kind {
		i--
	}
	start, end := ents[i].Start, ents[i].End
	used := []facts.Fact{ents[i]}
	for j := i + 1; j < len(ents); j++ {
		if ents[j].Start < end {
			continue
		}
		if !listGap(s[end:ents[j].Start]) {
			break
		}
		end = ents[j].End
		used = append(used, ents[j])
	}
	return strings.TrimSpace(s[start:end]), used
}

// listGap reports the words between two items of a list: ",", "and",
// ", and the".
func listGap(gap string) bool {
	gap = strings.TrimSpace(gap)
	gap = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(gap, ","), ";"))
	gap = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(gap, "the"), "The"))
	return gap == "" || gap == "and" || gap == "or" || gap == "&" || gap == ","
}

// place answers where: a place or organisation after a preposition of
// place, else the words after the question's verb ("further away").
func (e *Engine) place(p *parsed, c *cand) *found {
	if t := e.tail(p, c); t != nil && placeLike(t.text) {
		t.bonus = 0.3
		return t
	}
	s := c.a.sent.Text
	ents := entityFacts(c, facts.KindPlace, facts.KindOrg)
	var best *found
	for i, f := range ents {
		if inQuestion(p, f) || isDemonymOnly(f) {
			continue
		}
		b := nearness(c, f) + 0.1*float64(wordsBefore(c, f.Start))
		if rest := s[f.End:]; strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ") {
			b -= 0.2 // "Poland's border": the place is the border
		}
		before := strings.ToLower(strings.TrimSpace(textBefore(s, f.Start)))
		for _, prep := range []string{" in", " at", " outside", " inside", " near", " from", " across", " throughout", " to", " on", " into"} {
			if strings.HasSuffix(" "+before, prep) || strings.HasSuffix(" "+before, prep+" the") {
				b += 0.3
				break
			}
		}
		if f.Kind == facts.KindPlace {
			b += 0.05
		}
		txt, used := listFrom(s, ents, i)
		// "outside Wales", "further away from X"
		for _, adv := range []string{"outside", "inside", "near", "across"} {
			if strings.HasSuffix(before, adv) {
				txt = s[f.Start-len(adv)-1:f.Start-1] + " " + txt
			}
		}
		if best == nil || b > best.bonus {
			best = &found{text: txt, c: c, facts: used, bonus: b}
		}
	}
	return best
}

func isDemonymOnly(f facts.Fact) bool {
	return f.Kind == facts.KindPlace && f.Value != "" && f.Text != f.Value && !strings.Contains(f.Text, " ") && strings.ToLower(f.Text) != strings.ToLower(f.Value)
}

// placeLike reports a span that reads as a place or direction.
func placeLike(s string) bool {
	first := strings.ToLower(strings.Fields(s + " x")[0])
	switch first {
	case "further", "farther", "away", "abroad", "overseas", "nearby", "home", "here", "there", "north", "south", "east", "west", "elsewhere", "locally", "offshore", "upstairs", "downstairs":
		return true
	}
	return false
}

// agent answers who did something: a person, else a body, the sentence
// names that the question does not, preferring the agent of a passive ("led
// by Britain and Germany").
func (e *Engine) agent(p *parsed, c *cand) *found {
	if p.kind == KindWho && !e.saysVerb(p, c) {
		return nil // "who designed …" needs a sentence that says so
	}
	s := c.a.sent.Text
	if f := e.passiveAgent(p, c); f != nil {
		return f
	}
	ents := entityFacts(c, facts.KindPerson, facts.KindOrg, facts.KindPlace)
	verbAt := e.verbPos(p, c)
	var best *found
	for i, f := range ents {
		if inQuestion(p, f) || isDemonymOnly(f) || f.Kind == facts.KindPerson && namesPerson(p, f.Value) {
			continue // "Who said Sony …" is not answered by "Rival Sony"
		}
		b := nearness(c, f)
		if f.Kind == facts.KindPerson {
			b += 0.3
		}
		before := strings.ToLower(strings.TrimSpace(s[:f.Start]))
		if strings.HasSuffix(before, " by") {
			b += 0.4
		}
		if verbAt > 0 && f.End <= verbAt && verbAt-f.End <= 12 {
			b += 0.2 // the verb's subject: "Langlands & Bell | have created"
		}
		txt, used := listFrom(s, ents, i)
		if f.Kind == facts.KindPerson && len(used) == 1 {
			txt = f.Value
		}
		if best == nil || b > best.bonus {
			best = &found{text: txt, c: c, facts: used, bonus: b}
		}
	}
	if best == nil {
		if f := e.speaker(p, c); f != nil {
			return f
		}
		return e.subject(p, c)
	}
	return best
}

// subject answers who did something when the doer is not a name: the words
// before the question's verb, from the start of their clause ("Ukrainian
// officials and military experts | believe …").
func (e *Engine) subject(p *parsed, c *cand) *found {
	// The verb is the first word after "who" that is not an auxiliary:
	// "who | believes …", "who is | expected to …".
	var verb *term
	for i, t := range p.toks {
		if t.Lower != "who" {
			continue
		}
		for _, v := range p.toks[i+1:] {
			if v.Word && !isAuxVerb(v.Lower) {
				verb = &term{word: v.Lower, stem: text.Base(v.Lower)}
				break
			}
		}
		break
	}
	if verb == nil {
		return nil
	}
	_, at := e.lx.matchTerm(*verb, c.a)
	if at > 0 && c.a.words[at].tok.IsCap() {
		at = -1 // "said" does not meet "United States"
	}
	if at > 0 && strings.HasSuffix(verb.word, "ed") && strings.HasSuffix(c.a.words[at].tok.Lower, "ing") {
		at = -1 // "painted" does not meet the noun "painting"
	}
	if at <= 0 && isSpeechVerb(verb.word) {
		// "Who said …" meets "experts … emphasized that …".
		for i, w := range c.a.words {
			if i > 0 && !w.tok.IsCap() && isSpeechVerb(w.tok.Lower) && !facts.AlsoNoun(w.tok.Lower) {
				at = i
				break
			}
		}
	}
	if at <= 0 {
		// The verb is paraphrased: the sentence's own subject, up to its
		// first auxiliary ("European leaders | are eager to …").
		for i, w := range c.a.words {
			if i > 0 && isAuxVerb(w.tok.Lower) {
				at = i + 1
				break
			}
		}
		if at <= 0 {
			return nil
		}
	}
	// The words before the verb, less a trailing auxiliary or relative
	// pronoun ("the Chinese education ministry | who are | expected"),
	// from the last clause boundary.
	k := at
	for k > 0 && (isAuxVerb(c.a.words[k-1].tok.Lower) || isRelative(c.a.words[k-1].tok.Lower)) {
		k--
	}
	if k == 0 {
		return nil
	}
	s := c.a.sent.Text
	end := c.a.words[k-1].tok.End
	// The whole main clause before the verb: "While …, | experts from
	// nations like the Netherlands, Sweden, and Finland | emphasized".
	start := 0
	if opensWithClause(c.a.words[0].tok.Lower) {
		if i := strings.IndexByte(s[:end], ','); i >= 0 {
			start = i + 1
		}
	}
	if n := len(strings.Fields(s[start:end])); n == 0 || n > 12 {
		// Else the words back to the last clause boundary: "with | the
		// Chinese education ministry | who are expected".
		start = strings.LastIndexAny(s[:end], ",;:") + 1
		for j := k - 1; j >= 0 && c.a.words[j].tok.Start >= start; j-- {
			if clauseWord(c.a.words[j].tok.Lower) {
				start = c.a.words[j].tok.End
				break
			}
		}
	}
	span := strings.TrimSpace(s[start:end])
	n := len(strings.Fields(span))
	if n == 0 || n > 12 || isPronoun(strings.ToLower(span)) {
		return nil
	}
	return &found{text: span, c: c}
}

// opensWithClause reports a sentence's first word that opens a clause or
// phrase before the subject: "While …, experts …", "In recent news, …".
func opensWithClause(w string) bool {
	switch w {
	case "while", "although", "though", "in", "on", "after", "before", "when", "if", "as", "because",
		"since", "despite", "however", "meanwhile", "earlier", "later", "last", "this", "at", "by", "for", "with", "under", "according":
		return true
	}
	return false
}

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there":
		return true
	}
	return false
}

func isAuxVerb(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
		"can", "could", "should", "may", "might", "must", "do", "does", "did", "also", "still", "now":
		return true
	}
	return false
}

func isRelative(w string) bool { return w == "who" || w == "which" || w == "that" }

// clauseWord is a word a subject does not run back over: a preposition
// or conjunction that ends the clause before it.
func clauseWord(w string) bool {
	switch w {
	case "with", "and", "but", "by", "of", "for", "to", "in", "on", "at", "from", "that", "who",
		"which", "while", "as", "because", "although", "if", "when", "where":
		return true
	}
	return false
}

// verbPos is the byte offset of the question's verb (the word after
// "who") in the sentence, or -1.
func (e *Engine) verbPos(p *parsed, c *cand) int {
	for i, t := range p.toks {
		if t.Lower != "who" {
			continue
		}
		for _, v := range p.toks[i+1:] {
			if !v.Word || isAuxVerb(v.Lower) {
				continue
			}
			if m, at := e.lx.matchTerm(term{word: v.Lower, stem: text.Base(v.Lower)}, c.a); m > 0 && at >= 0 {
				return c.a.words[at].tok.Start
			}
			return -1
		}
	}
	return -1
}

// passiveAgent answers "who bought the portrait?" from "It was bought by
// a London dealer who …": the words after the question's verb and "by".
func (e *Engine) passiveAgent(p *parsed, c *cand) *found {
	at := e.verbPos(p, c)
	if at < 0 {
		return nil
	}
	s := c.a.sent.Text
	rest := s[at:]
	sp := strings.IndexByte(rest, ' ')
	if sp < 0 || !strings.HasPrefix(rest[sp:], " by ") {
		return nil
	}
	ans := clause(rest[sp+4:], 6)
	for _, stop := range []string{" who ", " which ", " that "} {
		if i := strings.Index(ans+" ", stop); i > 0 {
			ans = ans[:i]
		}
	}
	if ans == "" {
		return nil
	}
	return &found{text: strings.TrimSpace(ans), c: c, bonus: 0.5}
}

// saysVerb reports whether the sentence holds the verb that follows "who"
// in the question, or a word built on it ("designed" / "designer").
func (e *Engine) saysVerb(p *parsed, c *cand) bool {
	for i, t := range p.toks {
		if t.Lower != "who" {
			continue
		}
		for _, v := range p.toks[i+1:] {
			if !v.Word || isAuxVerb(v.Lower) {
				continue
			}
			st := text.Base(v.Lower)
			if m, _ := e.lx.matchTerm(term{word: v.Lower, stem: st}, c.a); m > 0 {
				return true
			}
			for _, w := range c.a.words {
				if len(st) >= 4 && strings.HasPrefix(w.stem, st) {
					return true
				}
			}
			return false
		}
	}
	return true
}

// personFocus reports a which-question about a person ("which star").
func (e *Engine) personFocus(p *parsed) bool {
	for _, f := range p.focus {
		switch f {
		case "star", "actor", "actress", "politician", "person", "man", "woman", "minist", "analyst", "expert", "offici", "leader", "director", "singer", "player", "spokesman":
			return true
		}
	}
	return false
}

// entity answers which: the names in the sentence that the question does
// not give, of the kind its noun asks for.
func (e *Engine) entity(p *parsed, c *cand) *found {
	s := c.a.sent.Text
	ents := entityFacts(c, facts.KindPerson, facts.KindOrg, facts.KindPlace)
	want := focusKind(p.focus)
	var best *found
	for i, f := range ents {
		if inQuestion(p, f) || isDemonymOnly(f) {
			continue
		}
		b := nearness(c, f)
		if want != "" && f.Kind == want {
			b += 0.3
		}
		if i == 0 && beforeMatches(c, f) {
			b += 0.15 // the sentence's subject: "The Aviator, starring …, ended up third"
		}
		if strings.HasSuffix(strings.TrimSpace(s[:f.Start]), " by") {
			b += 0.3 // "new albums by | Coldplay and Gorillaz"
		}
		txt, used := listFrom(s, ents, i)
		if best == nil || b > best.bonus {
			best = &found{text: txt, c: c, facts: used, bonus: b, counts: want != "" && f.Kind == want}
		}
	}
	return best
}

// afterMatches reports a fact that comes after every matched word.
func afterMatches(c *cand, f facts.Fact) bool {
	for _, p := range c.pos {
		if c.a.words[p].tok.End > f.Start {
			return false
		}
	}
	return len(c.pos) > 0
}

// wordsBefore weighs the question's words that stand in the few words
// before a byte offset: "the confused situation in | the US"; a number
// counts three times, being the most particular ("… and 16% in | Ireland").
func wordsBefore(c *cand, at int) int {
	n := 0
	seen := map[string]bool{}
	for _, p := range c.matchedBetween(at-nearBytes, at) {
		w := c.a.words[p]
		if w.tok.End > at || at-w.tok.End > nearBytes || seen[w.stem] {
			continue
		}
		seen[w.stem] = true
		n++
		if w.tok.IsNumber() {
			n += 2
		}
	}
	return n
}

// beforeMatches reports a fact that comes before every matched word.
func beforeMatches(c *cand, f facts.Fact) bool {
	for _, p := range c.pos {
		if c.a.words[p].tok.Start < f.End {
			return false
		}
	}
	return len(c.pos) > 0
}

func focusKind(focus []string) facts.Kind {
	for _, f := range focus {
		switch f {
		case "countri", "nation", "citi", "town", "place", "region", "state", "capit":
			return facts.KindPlace
		case "band", "compani", "firm", "bodi", "organis", "organiz", "group", "parti", "team", "club", "centr", "shop", "store":
			return facts.KindOrg
		case "star", "actor", "politician", "person", "peopl", "analyst", "minist", "leader":
			return facts.KindPerson
		}
	}
	return ""
}
