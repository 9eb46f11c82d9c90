package bot

import (
	"context"
	"math"
	"sort"
	"strings"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// minCoverage is the least share of a question's words the answering
// sentence must hold; below it the article doesn't say.
const minCoverage = 0.5

// minRoleCoverage is the least share of a "who is the …" question's words
// a person's role must hold for the person to be the answer.
const minRoleCoverage = 0.85

// found is an answer taken from one sentence.
type found struct {
	text  string
	c     *cand
	facts []facts.Fact
	bonus float64 // how well the answer fits the question's type
}

// Ask answers a question from the articles. When they don't say, the
// answer has NoAnswer set and the closest sentences.
func (e *Engine) Ask(ctx context.Context, q Question) (*Answer, error) {
	p, cands, err := e.prepare(ctx, q)
	if err != nil {
		return nil, err
	}
	ans := &Answer{Question: q.Text, Kind: p.kind, Sentences: []Citation{}, Facts: []facts.Fact{}}
	f := e.extract(p, cands)
	if f == nil || f.text == "" {
		ans.NoAnswer = true
		for i, c := range cands {
			if i == 3 || c.cov < 0.2 {
				break
			}
			ans.Sentences = append(ans.Sentences, e.cite(c.a.sent))
		}
		if len(cands) > 0 {
			ans.Confidence = round2(1 - cands[0].cov*0.5)
		} else {
			ans.Confidence = 1
		}
		return ans, nil
	}
	ans.Text = f.text
	ans.Confidence = round2(math.Min(1, f.c.cov*0.8+math.Min(f.bonus, 0.5)*0.4))
	ans.Sentences = append(ans.Sentences, e.cite(f.c.a.sent))
	for _, c := range cands {
		if len(ans.Sentences) == 3 || c.cov < minCoverage*0.8 {
			break
		}
		if c.a != f.c.a {
			ans.Sentences = append(ans.Sentences, e.cite(c.a.sent))
		}
	}
	if f.facts != nil {
		ans.Facts = f.facts
	}
	return ans, nil
}

// More returns the sentences that match a question after the first
// offset, for a user who wants to read further.
func (e *Engine) More(ctx context.Context, q Question, offset, limit int) ([]Citation, error) {
	_, cands, err := e.prepare(ctx, q)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 3
	}
	var out []Citation
	for i := offset; i < len(cands) && len(out) < limit; i++ {
		if i < 0 {
			continue
		}
		out = append(out, e.cite(cands[i].a.sent))
	}
	return out, nil
}

// prepare checks and parses a question and ranks the sentences that may
// answer it.
func (e *Engine) prepare(ctx context.Context, q Question) (*parsed, []*cand, error) {
	qt, err := cleanInput(q.Text, "question")
	if err != nil {
		return nil, nil, err
	}
	if err := e.checkArticle(q.Article); err != nil {
		return nil, nil, err
	}
	p := parseQuestion(qt, q.Kind)
	cands, err := e.candidates(ctx, &p, q.Article)
	if err != nil {
		return nil, nil, err
	}
	return &p, cands, nil
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// extract takes the answer of the expected type from the best sentences.
func (e *Engine) extract(p *parsed, cands []*cand) *found {
	if len(cands) == 0 {
		return nil
	}
	if e.asksAboutAbsent(p, cands[0].d) {
		return nil
	}
	if p.kind == KindWhat && p.asksRole() && p.namesSomeone(cands[0].d) {
		p.kind = KindWhoIs // "what is Virtanen's job": her role
	}
	if p.kind == KindWhoIs || p.kind == KindWho {
		if f := e.personByRole(p, cands); f != nil {
			return f
		}
		if p.kind == KindWhoIs && !p.namesSomeone(cands[0].d) {
			// "Who is the Polish Defense Minister?": no one the article
			// names has that role.
			return nil
		}
	}
	if p.kind == KindWhatSaid {
		return e.whatSaid(p, cands)
	}
	least := minCoverage
	switch {
	case p.kind == KindWhoSaid:
		// Quotes are paraphrased more than facts: a few shared words
		// with a speaker beat none.
		least = 0.25
	case p.kind == KindWhich && e.personFocus(p):
		least = 0.35
	}
	var best *found
	for i, c := range cands {
		if i == 8 || c.cov < least {
			break
		}
		if !e.namesHold(p, c) {
			continue
		}
		f := e.fromSentence(p, c)
		if f == nil || f.text == "" {
			continue
		}
		if best == nil || c.score+f.bonus > best.c.score+best.bonus {
			best = f
		}
	}
	return best
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
		if asksEvent(p.kind) && p.typed[t.word] && pastVerb(t.word) && !d.derived(t.stem) {
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
	if !d.names[t.stem] {
		return false // "State" in "Secretary of State" names no one
	}
	seen := false
	for _, a := range d.sents {
		for _, w := range a.words {
			if w.stem != t.stem {
				continue
			}
			if !w.tok.IsCap() {
				return false
			}
			if w.cap {
				seen = true
			}
		}
	}
	return seen
}

// fromSentence takes the answer of the question's kind from one sentence.
func (e *Engine) fromSentence(p *parsed, c *cand) *found {
	switch p.kind {
	case KindWhoSaid:
		if f := e.speaker(p, c); f != nil {
			return f
		}
		// "Who asked military leaders …": no quote, but a person who did
		// it. A quote's speaker elsewhere still beats this.
		if f := e.agent(p, c); f != nil && len(f.facts) > 0 && f.facts[0].Kind == facts.KindPerson {
			f.bonus -= 0.3
			return f
		}
		if f := e.subject(p, c); f != nil {
			f.bonus -= 0.15
			return f
		}
		return nil
	case KindHowMany:
		return e.quantity(p, c)
	case KindWhen:
		if f := e.time(p, c); f != nil {
			return f
		}
		return e.timeNearby(p, c)
	case KindWhere:
		return e.place(p, c)
	case KindWho, KindWhoIs:
		return e.agent(p, c)
	case KindWhich:
		if f := e.entity(p, c); f != nil {
			return f
		}
		if f := e.speaker(p, c); f != nil && e.personFocus(p) {
			return f
		}
		return e.tail(p, c)
	case KindWhy:
		return e.reason(p, c)
	case KindYesNo:
		return e.yesNo(p, c)
	case KindWhat, KindOther:
		if f := e.named(p, c); f != nil {
			return f
		}
		return e.tail(p, c)
	}
	return nil
}

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

// quantity answers how many / how much.
func (e *Engine) quantity(p *parsed, c *cand) *found {
	var best *found
	for _, f := range c.a.sent.Facts {
		if f.Kind != facts.KindQuantity || inQuestion(p, f) || numberInQuestion(p, f) {
			continue
		}
		b := nearness(c, f)
		unit := text.Tokenize(f.Role)
		focusHit := false
		for _, u := range unit {
			st := text.Base(u.Bare())
			for _, fs := range p.focus {
				if st == fs || e.lx.sameGroup(st, fs) {
					focusHit = true
				}
			}
		}
		isPct := strings.Contains(f.Text, "%") || strings.Contains(strings.ToLower(f.Text), "per cent") || strings.Contains(strings.ToLower(f.Text), "percent")
		isMoney := strings.ContainsAny(f.Text, "£$€¥") || moneyUnit(f.Role)
		if p.wantMoney && !isMoney && !p.wantPercent && !(p.wantChange && isPct) {
			continue // "how much will the ban cost" is a sum of money
		}
		switch {
		case focusHit:
			b += 0.6
		case len(p.focus) > 0 && !p.wantMoney && !p.wantPercent:
			// "How many troops will Britain send?" is not answered by
			// "about 30 countries", nor "how many farms closed" by "£8bn".
			continue
		}
		if p.wantChange && p.changeTo != "to" && (changeBefore(c.a.sent.Text[:f.Start]) || comparative(f.Role)) {
			b += 0.5 // "takings were down | 26.5%", "15% lower"
		}
		if strings.ContainsAny(f.Text, "£$€¥") {
			b += 0.05
		}
		if p.wantPercent {
			if isPct {
				b += 0.5
			} else {
				b -= 0.3
			}
		}
		if p.wantMoney {
			if isMoney {
				b += 0.4
			} else {
				b -= 0.2
			}
		}
		// Right after a matched word: "dipped | 1.4%", "dividend by |
		// 11%", "worth | 1bn Swiss francs".
		if followsMatch(c, f.Start) {
			b += 0.3
		}
		before := strings.ToLower(strings.TrimSpace(c.a.sent.Text[:f.Start]))
		if p.changeTo != "" && strings.HasSuffix(before, " "+p.changeTo) {
			b += 0.4 // "fall to | 86.7bn", "raise its dividend by | 11%"
		}
		if isMoney && (strings.HasSuffix(before, "(") || strings.HasSuffix(before, ";")) {
			b -= 0.3 // a conversion: "1bn Swiss francs ($861m; £451m)"
		}
		if best == nil || b > best.bonus {
			best = &found{text: f.Text, c: c, facts: []facts.Fact{f}, bonus: b}
		}
	}
	return best
}

// changeBefore reports text that ends in a word of rising or falling
// ("down", "up", "rose", "fell by"), so that a number after it is a change.
func changeBefore(s string) bool {
	words := strings.Fields(strings.ToLower(s))
	for i := len(words) - 1; i >= 0 && i >= len(words)-2; i-- {
		w := strings.Trim(words[i], ",;:")
		if w == "up" || w == "down" || w == "by" || changeVerb(w) {
			return true
		}
	}
	return false
}

// comparative reports a unit that compares: "15% lower", "5% up".
func comparative(role string) bool {
	switch strings.ToLower(strings.Fields(role + " x")[0]) {
	case "lower", "higher", "less", "more", "below", "above", "down", "up", "fewer", "cheaper", "dearer":
		return true
	}
	return false
}

// followsMatch reports whether byte offset at comes right after a word the
// question matched (with at most "by", "to", "of", "at" or "from" between).
func followsMatch(c *cand, at int) bool {
	s := c.a.sent.Text
	for _, p := range c.pos {
		end := c.a.words[p].tok.End
		if end > at {
			continue
		}
		gap := strings.TrimSpace(strings.ToLower(s[end:at]))
		switch gap {
		case "", "by", "to", "of", "at", "from", "by a", "by an", "by about", "to about":
			return true
		}
	}
	return false
}

// moneyUnit reports a unit that is a currency: "pence", "Swiss francs".
func moneyUnit(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch w {
		case "pence", "p", "cents", "pounds", "dollars", "euros", "yen", "francs", "yuan", "rupees",
			"roubles", "rubles", "kroner", "krona", "pesos", "lira", "rand", "won", "dinars", "riyals":
			return true
		}
	}
	return false
}

// numberInQuestion reports a quantity whose number the question already
// gives ("after those first six weeks").
func numberInQuestion(p *parsed, f facts.Fact) bool {
	for _, t := range text.Tokenize(f.Text) {
		if !t.Word || !(t.IsNumber() || isNumberWord(t.Lower)) {
			continue
		}
		for _, q := range p.toks {
			if q.Lower == t.Lower {
				return true
			}
		}
		return false
	}
	return false
}

func isNumberWord(w string) bool {
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "dozen", "dozens":
		return true
	}
	return false
}

func (lx *lexicon) sameGroup(a, b string) bool {
	for _, g := range lx.groups[a] {
		for _, h := range lx.groups[b] {
			if g == h {
				return true
			}
		}
	}
	return false
}

// time answers when.
func (e *Engine) time(p *parsed, c *cand) *found {
	var best *found
	for _, f := range c.a.sent.Facts {
		if f.Kind != facts.KindTime || inQuestion(p, f) {
			continue
		}
		b := nearness(c, f) + 0.2
		low := strings.ToLower(f.Text)
		isYear := len(f.Text) >= 4 && text.AllDigits(f.Text[len(f.Text)-4:])
		isClock := strings.Contains(low, "gmt") || strings.Contains(low, "am") && strings.ContainsAny(low, "0123456789") || strings.Contains(low, "pm")
		if p.wantYear && isYear {
			b += 0.4
		}
		if p.wantClock {
			if isClock {
				b += 0.5
			} else {
				b -= 0.3
			}
		}
		if strings.Contains(p.raw, "since") && strings.HasPrefix(low, "since") {
			b += 0.3
		}
		if p.asksEnd() && strings.HasSuffix(strings.ToLower(strings.TrimSpace(c.a.sent.Text[:f.Start])), "until") {
			b += 0.4
		}
		txt := f.Text
		for _, prep := range []string{"by", "until", "before", "after", "from", "till"} {
			if strings.HasSuffix(strings.TrimSpace(c.a.sent.Text[:f.Start]), " "+prep) || strings.TrimSpace(c.a.sent.Text[:f.Start]) == prep {
				txt = prep + " " + txt // "by the end of 2006" is not "the end of 2006"
				break
			}
		}
		if best == nil || b > best.bonus {
			best = &found{text: txt, c: c, facts: []facts.Fact{f}, bonus: b}
		}
	}
	return best
}

// timeNearby answers when from an earlier sentence of the same paragraph
// when the matched sentence gives no time ("This meeting took place …"
// after "On Thursday, … asked leaders …").
func (e *Engine) timeNearby(p *parsed, c *cand) *found {
	para := c.d.art.ParagraphOf(c.a.sent.Index)
	for i := len(para) - 1; i >= 0; i-- {
		n := para[i].Index
		if n >= c.a.sent.Index {
			continue
		}
		near := &cand{a: c.d.sents[n-1], d: c.d, cov: c.cov * 0.9, pos: nil, score: c.score - 0.1}
		if f := e.time(p, near); f != nil {
			f.bonus -= 0.2
			return f
		}
	}
	return nil
}

// asksEnd reports a question about when something ends.
func (p *parsed) asksEnd() bool {
	for _, t := range p.terms {
		switch t.stem {
		case "end", "finish", "close", "stop", "last", "conclud", "wrap":
			return true
		}
	}
	return false
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
		b := nearness(c, f)
		if rest := s[f.End:]; strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ") {
			b -= 0.2 // "Poland's border": the place is the border
		}
		before := strings.ToLower(strings.TrimSpace(s[:f.Start]))
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
	s := c.a.sent.Text
	ents := entityFacts(c, facts.KindPerson, facts.KindOrg, facts.KindPlace)
	var best *found
	for i, f := range ents {
		if inQuestion(p, f) || isDemonymOnly(f) {
			continue
		}
		b := nearness(c, f)
		if f.Kind == facts.KindPerson {
			b += 0.3
		}
		before := strings.ToLower(strings.TrimSpace(s[:f.Start]))
		if strings.HasSuffix(before, " by") {
			b += 0.4
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
	if at <= 0 && isSpeechVerb(verb.word) {
		// "Who said …" meets "experts … emphasized that …".
		for i, w := range c.a.words {
			if i > 0 && !w.tok.IsCap() && isSpeechVerb(w.tok.Lower) {
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
		txt, used := listFrom(s, ents, i)
		if best == nil || b > best.bonus {
			best = &found{text: txt, c: c, facts: used, bonus: b}
		}
	}
	return best
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

func isQuoteMark(s string) bool {
	return s == "\"" || s == "“" || s == "”" || s == "‘"
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
			return &found{text: rest[:toks[n-1].End], c: c, bonus: 0.3}
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
	for i < len(toks) && i-start < 8 {
		t := toks[i]
		if !t.Word && t.Text != "-" && t.Text != "'" && t.Text != "’" && !isQuoteMark(t.Text) {
			break
		}
		if t.Word && i > start && (t.Lower == "to" || t.Lower == "which" || t.Lower == "that" || t.Lower == "but" || t.Lower == "while" || t.Lower == "because" || t.Lower == "if" || t.Lower == "when") {
			break
		}
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

// personByRole answers "who is the Finnish defence minister" and "who runs
// the film market" from the roles the article gives people, and "who is
// Tom Hale" with that person's role.
func (e *Engine) personByRole(p *parsed, cands []*cand) *found {
	if len(p.terms) == 0 {
		return nil
	}
	articles := map[string]*articleData{}
	var order []*articleData
	for _, c := range cands {
		if articles[c.d.art.ID] == nil {
			articles[c.d.art.ID] = c.d
			order = append(order, c.d)
		}
	}
	// "Who is Tom Hale?": the question is a name.
	if p.kind == KindWhoIs {
		for _, d := range order {
			for _, person := range d.art.People {
				if len(person.Roles) == 0 || !namesPerson(p, person.Name) {
					continue
				}
				role := longest(person.Roles)
				c := e.sentenceWith(d, role, person.Sentences)
				if c == nil {
					continue
				}
				return &found{text: role, c: c, bonus: 1, facts: personFacts(c, person.Name)}
			}
		}
	}
	var best *found
	bestCov := 0.0
	for _, d := range order {
		w := e.termWeights(p, d)
		var introduced []facts.Person
		for _, person := range d.art.People {
			if namesPerson(p, person.Name) {
				continue
			}
			roleCov := 0.0
			for _, role := range person.Roles {
				rs := e.lx.analyse(&corpus.Sentence{Text: role})
				cov, _ := e.lx.coverage(p.terms, w, rs)
				roleCov = math.Max(roleCov, cov)
				if cov < minRoleCoverage || cov <= bestCov {
					continue
				}
				c := e.sentenceWith(d, role, person.Sentences)
				if c == nil {
					continue
				}
				bestCov = cov
				best = &found{text: person.Name, c: c, bonus: 1, facts: personFacts(c, person.Name)}
			}
			if roleCov > 0 && len(person.Sentences) > 0 {
				introduced = append(introduced, person)
			}
		}
		if best != nil {
			continue
		}
		// "Who speaks for Northgate?": the role ("Spokesman") with the
		// sentence that introduces the person and the one before it
		// ("It was a similar story at Northgate in Kent."). The role must
		// answer part of the question itself.
		for _, person := range introduced {
			first := person.Sentences[0]
			ctxText := strings.Join(person.Roles, "; ") + ". " + d.sents[first-1].sent.Text
			if first > 1 && d.sents[first-2].sent.Paragraph == d.sents[first-1].sent.Paragraph {
				ctxText += " " + d.sents[first-2].sent.Text
			}
			cov, _ := e.lx.coverage(p.terms, w, e.lx.analyse(&corpus.Sentence{Text: ctxText}))
			if cov >= minRoleCoverage && cov > bestCov {
				c := &cand{a: d.sents[first-1], d: d, cov: cov, score: cov}
				bestCov = cov
				best = &found{text: person.Name, c: c, bonus: 0.5, facts: personFacts(c, person.Name)}
			}
		}
	}
	return best
}

// inName reports whether a lower-case word is one of a name's words.
func inName(w, name string) bool {
	for _, t := range text.Tokenize(name) {
		if t.Word && t.Bare() == w {
			return true
		}
	}
	return false
}

// namesPerson reports whether the question names the person: their full
// name, or their surname.
func namesPerson(p *parsed, name string) bool {
	toks := text.Tokenize(name)
	if len(toks) == 0 {
		return false
	}
	sur := text.StripPossessive(toks[len(toks)-1].Lower)
	for _, t := range p.toks {
		if t.Word && t.Bare() == sur {
			return true
		}
	}
	return false
}

func longest(ss []string) string {
	best := ""
	for _, s := range ss {
		if len(s) > len(best) {
			best = s
		}
	}
	return best
}

// sentenceWith returns the first of the sentences (1-based numbers) that
// holds the text, as a candidate.
func (e *Engine) sentenceWith(d *articleData, s string, nums []int) *cand {
	for _, n := range nums {
		if n >= 1 && n <= len(d.sents) && strings.Contains(d.sents[n-1].sent.Text, s) {
			return &cand{a: d.sents[n-1], d: d, cov: 1, score: 1}
		}
	}
	for _, a := range d.sents {
		if strings.Contains(a.sent.Text, s) {
			return &cand{a: a, d: d, cov: 1, score: 1}
		}
	}
	return nil
}

func personFacts(c *cand, name string) []facts.Fact {
	var out []facts.Fact
	for _, f := range c.a.sent.Facts {
		if f.Kind == facts.KindPerson && f.Value == name {
			out = append(out, f)
		}
	}
	return out
}

// whatSaid answers "what did X say about Y": the words of X's quote that
// best match Y.
func (e *Engine) whatSaid(p *parsed, cands []*cand) *found {
	var best *found
	for _, c := range cands {
		for _, f := range c.a.sent.Facts {
			if f.Kind != facts.KindQuote || f.Speaker == "" || !namesPerson(p, f.Speaker) {
				continue
			}
			// Rank by the question's other words ("about peace"), not
			// by the speaker's name, which the quote may not repeat.
			score, topic := 0.0, 0
			for _, t := range p.terms {
				if inName(t.word, f.Speaker) || t.stem == "say" {
					continue
				}
				topic++
				m, _ := e.lx.matchTerm(t, c.a)
				score += m
			}
			if topic > 0 && score == 0 {
				continue // nothing they said is about that
			}
			if best == nil || score > best.bonus {
				best = &found{text: f.Text, c: c, facts: []facts.Fact{f}, bonus: score}
			}
		}
	}
	return best
}
