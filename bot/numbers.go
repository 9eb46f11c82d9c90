package bot

// Answers that are numbers and times: how many, how much, when.

import (
	"strings"

	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// quantity answers how many / how much.
func (e *Engine) quantity(p *parsed, c *cand) *found {
	var best *found
	for _, f := range c.a.sent.Facts {
		if f.Kind != facts.KindQuantity || inQuestion(p, f) || numberInQuestion(p, f) {
			continue
		}
		b := nearness(c, f)
		unit := text.Tokenize(f.Role)
		// What the number counts is the head of its unit, its last word:
		// "200 military planners", not "0.7% of gross national income".
		focusHit := false
		if n := len(unit); n > 0 {
			st := text.Base(unit[n-1].Bare())
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
		case len(p.focus) > 0 && len(unit) == 0 && !isMoney && !isPct && c.hasStem(p.focus):
			// "305,775 people on a list, down from 311,764 last month":
			// a bare number beside the counted noun counts it too.
		case len(p.focus) > 0 && !p.wantMoney && !p.wantPercent:
			// "How many troops will Britain send?" is not answered by
			// "about 30 countries", nor "how many farms closed" by "£8bn".
			continue
		}
		if p.wantChange && p.changeTo != "to" && (changeBefore(textBefore(c.a.sent.Text, f.Start)) || comparative(f.Role)) {
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
		b += 0.1 * float64(localMatches(c, f.Start, f.End)) // "the US price of | $149"
		before := strings.ToLower(strings.TrimSpace(textBefore(c.a.sent.Text, f.Start)))
		if p.changeTo != "" && strings.HasSuffix(before, " "+p.changeTo) {
			b += 0.4 // "fall to | 86.7bn", "raise its dividend by | 11%"
		}
		if isMoney && (strings.HasSuffix(before, "(") || strings.HasSuffix(before, ";")) {
			b -= 0.3 // a conversion: "1bn Swiss francs ($861m; £451m)"
		}
		if best == nil || b > best.bonus {
			best = &found{text: f.Text, c: c, facts: []facts.Fact{f}, bonus: b, counts: focusHit}
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

// nearBytes is how close, in bytes, a matched word must stand to a span to
// count as beside it: a few words.
const nearBytes = 30

// followGap is the longest gap, in bytes, between a matched word and a
// number that followsMatch accepts: "to about" with the spaces around it,
// and slack.
const followGap = 32

// beforeWindow is how much of a sentence before a fact the cue checks read
// ("fell by", "until", "… is Mr"): every cue is a word or two, far
// shorter, and reading no more keeps a long sentence's many facts cheap.
const beforeWindow = 64

// textBefore is the end of s before byte at: at most beforeWindow bytes,
// from the start of a word.
func textBefore(s string, at int) string {
	from := max(0, at-beforeWindow)
	if from == 0 {
		return s[:at]
	}
	if i := strings.IndexAny(s[from:at], " \t\n"); i >= 0 {
		return s[from+i : at]
	}
	return s[from:at]
}

// localMatches counts the question's words that stand in the few words
// around the span from start to end.
func localMatches(c *cand, start, end int) int {
	seen := map[string]bool{}
	for _, p := range c.matchedBetween(start-nearBytes, end+nearBytes) {
		w := c.a.words[p]
		if w.tok.End <= start && start-w.tok.End <= nearBytes || w.tok.Start >= end && w.tok.Start-end <= nearBytes {
			seen[w.stem] = true
		}
	}
	return len(seen)
}

// followsMatch reports whether byte offset at comes right after a word the
// question matched (with at most "by", "to", "of", "at" or "from" between).
func followsMatch(c *cand, at int) bool {
	s := c.a.sent.Text
	for _, p := range c.matchedBetween(at-followGap, at) {
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
		if !t.Word || !(t.IsNumber() || facts.IsNumberWord(t.Lower)) {
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
		head := strings.TrimSpace(textBefore(c.a.sent.Text, f.Start))
		if p.asksEnd() && strings.HasSuffix(strings.ToLower(head), "until") {
			b += 0.4
		}
		txt := f.Text
		for _, prep := range []string{"by", "until", "before", "after", "from", "till"} {
			if strings.HasSuffix(head, " "+prep) || head == prep {
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
		if n >= c.a.sent.Index || n < c.a.sent.Index-2 {
			continue // only the two sentences before
		}
		near := &cand{a: c.d.sents[n-1], d: c.d, cov: c.cov * 0.9, pos: nil, score: c.score - 0.1}
		if f := e.time(p, near); f != nil {
			f.bonus -= 0.4 // a time of the paragraph, not of the sentence
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
