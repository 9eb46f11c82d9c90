package facts

import (
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/corpus/pos"
	"github.com/articlebot/articlebot/corpus/text"
)

// quantities finds the numbers of a sentence with what they count:
// "about 30 countries", "10,000 to 30,000 troops", "£102.80 a week",
// "two album releases", "9.8%", "tens of thousands of people".
func quantities(n int, s string, toks []text.Token, tags []pos.Tag) []Fact {
	var out []Fact
	for i := 0; i < len(toks); i++ {
		if !isNumberToken(toks, i) || isYearOrClock(toks, i) {
			continue
		}
		start, end := i, i+1
		end = numberEnd(toks, end)
		// Ranges: "10,000 to 30,000", "£19 to £29", "8% to 9%", "8-9%".
		if end+1 < len(toks) && (toks[end].Lower == "to" || toks[end].Text == "-" || toks[end].Lower == "or" || toks[end].Text == "–") && isNumberToken(toks, end+1) && !isYearOrClock(toks, end+1) && sameShape(toks[end-1], toks[end+1]) {
			end = numberEnd(toks, end+2)
		}
		// "between 10 and 20"
		if start > 0 && toks[start-1].Lower == "between" && end+1 < len(toks) && toks[end].Lower == "and" && isNumberToken(toks, end+1) {
			start--
			end = numberEnd(toks, end+2)
		}
		// "tens of thousands", "two thirds of"
		if end+1 < len(toks) && toks[end].Lower == "of" && (toks[end+1].Lower == "thousands" || toks[end+1].Lower == "millions" || toks[end+1].Lower == "billions" || toks[end+1].Lower == "hundreds") {
			end += 2
		}
		// Percent written out.
		if end < len(toks) && (toks[end].Lower == "percent" || toks[end].Lower == "per") {
			end++
			if end < len(toks) && toks[end].Lower == "cent" {
				end++
			}
		}
		start = approxStart(toks, start)
		core := joinTokens(s, toks, start, end)
		unitFrom := end
		unitTo := unitEnd(toks, tags, unitFrom)
		if toks[i].Lower == "one" && unitTo == unitFrom {
			i = end - 1
			continue
		}
		f := Fact{Kind: KindQuantity, Sentence: n, Value: numberValue(toks[i].Lower)}
		if unitTo > unitFrom {
			f.Role = joinTokens(s, toks, unitFrom, unitTo)
			f.Text = joinTokens(s, toks, start, unitTo)
			f.Start, f.End = toks[start].Start, toks[unitTo-1].End
		} else {
			f.Text = core
			f.Start, f.End = toks[start].Start, toks[end-1].End
		}
		out = append(out, f)
		i = end - 1
	}
	return out
}

// isOrdinal reports "18th", "1st", "22nd".
func isOrdinal(w string) bool {
	if len(w) < 3 {
		return false
	}
	suf := w[len(w)-2:]
	return (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && text.AllDigits(w[:len(w)-2])
}

// sameShape reports whether two numbers can be the ends of one range: both
// percentages or neither, both money or neither ("8% to 9%", "£19 to £29";
// not "fell 1.4% to 86.7bn francs").
func sameShape(a, b text.Token) bool {
	pct := func(t text.Token) bool { return strings.HasSuffix(t.Text, "%") }
	money := func(t text.Token) bool { return strings.ContainsAny(t.Text[:1], "£$€¥") }
	if a.Text == "%" {
		return pct(b)
	}
	return pct(a) == pct(b) && (money(a) == money(b) || !money(a))
}

// isNumberToken reports a number in digits or in words.
func isNumberToken(toks []text.Token, i int) bool {
	t := toks[i]
	if !t.Word {
		return false
	}
	if t.IsNumber() {
		return !isOrdinal(t.Lower) // "the 18th Century" counts nothing
	}
	w := t.Lower
	if _, ok := numberWords[w]; ok {
		switch w {
		case "score", "scores", "pair", "couple", "third", "half", "quarter", "fifth", "tenth", "handful":
			// Only with "a"/number before or "of" after: "a third of".
			return i > 0 && (toks[i-1].Lower == "a" || toks[i-1].Lower == "one" || plainNumber(toks[i-1])) && i+1 < len(toks) && toks[i+1].Lower == "of"
		case "hundred", "thousand", "million", "billion", "trillion":
			return i == 0 || !plainNumber(toks[i-1])
		}
		return true
	}
	if w == "tens" && i+2 < len(toks) && toks[i+1].Lower == "of" {
		return true
	}
	return false
}

// plainNumber reports a number in digits or a number word that is no
// scale or fraction ("30", "two"; not "hundred", "half"): what a scale
// word after it multiplies. It looks at one token, so that a run of
// number words is read in time linear in its length.
func plainNumber(t text.Token) bool {
	if !t.Word {
		return false
	}
	if t.IsNumber() {
		return !isOrdinal(t.Lower)
	}
	switch t.Lower {
	case "hundred", "thousand", "million", "billion", "trillion", "score", "scores", "pair", "couple", "third", "half", "quarter", "fifth", "tenth", "handful":
		return false
	}
	_, ok := numberWords[t.Lower]
	return ok
}

// numberEnd extends a number over scale words: "2.8 million", "two
// hundred".
func numberEnd(toks []text.Token, end int) int {
	for end < len(toks) && toks[end].Word {
		w := toks[end].Lower
		if scaleWords[w] || w == "hundred" || w == "thousand" || w == "million" || w == "billion" || w == "trillion" {
			end++
			continue
		}
		if _, ok := numberWords[w]; ok && w != "half" && w != "score" && w != "couple" && w != "pair" && w != "third" && w != "quarter" && w != "fifth" && w != "tenth" && w != "handful" && isNumberToken(toks, end-1) && !toks[end-1].IsNumber() {
			end++ // "twenty five"
			continue
		}
		if w == "thirds" || w == "quarters" || w == "fifths" || w == "tenths" {
			end++
			continue
		}
		break
	}
	if end < len(toks) && toks[end].Text == "%" {
		end++
	}
	return end
}

// approxStart extends a number back over words that qualify it: "about",
// "more than", "in excess of", "up to".
func approxStart(toks []text.Token, start int) int {
	for _, size := range []int{3, 2, 1} {
		if start-size < 0 {
			continue
		}
		var words []string
		ok := true
		for k := start - size; k < start; k++ {
			if !toks[k].Word {
				ok = false
				break
			}
			words = append(words, toks[k].Lower)
		}
		if ok && approximators[strings.Join(words, " ")] {
			return start - size
		}
	}
	return start
}

// unitEnd takes the words after a number that say what it counts: up to
// three, stopping at function words and punctuation ("military planners",
// "a week", "pence").
func unitEnd(toks []text.Token, tags []pos.Tag, from int) int {
	k := from
	if k+1 < len(toks) && (toks[k].Lower == "a" || toks[k].Lower == "an" || toks[k].Lower == "per") && toks[k+1].Word && timeUnits[toks[k+1].Lower+"s"] {
		return k + 2 // "£102.80 a week"
	}
	// "dozens of people"; not "30 of Boeing's jets", where the name is
	// whose, nor "30 of the 50".
	if k+1 < len(toks) && toks[k].Lower == "of" && toks[k+1].Word && !text.IsStop(toks[k+1].Lower) && !isNumberToken(toks, k+1) &&
		(!toks[k+1].IsCap() || modifiesNoun(toks, tags, k+1)) {
		k++
	}
	start := k
	for k < len(toks) && k-start < 3 {
		t := toks[k]
		if !t.Word || text.IsStop(t.Lower) || isNumberToken(toks, k) || speechVerbs[t.Lower] || text.IsIrregularVerb(t.Lower) {
			break
		}
		// What a number counts is a noun phrase: "hundreds | remain",
		// "five | injured" take no verb or adverb.
		if tg := tags[k]; tg.Verb() && tg != pos.VBG || tg.Adv() || tg == pos.MD || tg == pos.IN {
			break
		}
		if k > start && (strings.HasSuffix(t.Lower, "ed") || strings.HasSuffix(t.Lower, "ing")) && !t.IsCap() {
			break
		}
		k++
		// A plural ends the noun phrase: "two schools | together".
		if timeUnits[t.Lower] || len(t.Lower) > 3 && strings.HasSuffix(t.Lower, "s") && !strings.HasSuffix(t.Lower, "ss") && !t.IsCap() {
			break
		}
	}
	if k == start && start != from {
		return from
	}
	// "4 inches | of rain", "10 tonnes | of food": a measure counts what
	// follows "of".
	if k > start && measureUnits[toks[k-1].Lower] && k+1 < len(toks) && toks[k].Lower == "of" && toks[k+1].Word && !text.IsStop(toks[k+1].Lower) && !toks[k+1].IsCap() {
		return k + 2
	}
	return k
}

// modifiesNoun reports a capitalised word that qualifies the noun after
// it ("British | troops", "Windows | computers"), not a name standing
// alone ("Boeing's").
func modifiesNoun(toks []text.Token, tags []pos.Tag, i int) bool {
	return !strings.HasSuffix(toks[i].Lower, "'s") && !strings.HasSuffix(toks[i].Lower, "’s") &&
		i+1 < len(toks) && toks[i+1].Word && !toks[i+1].IsCap() && tags[i+1].Noun()
}

var measureUnits = set("inches|inch|feet|foot|miles|mile|metres|meters|metre|meter|kilometres|kilometers|km|cm|mm|tonnes|tons|tonne|ton|litres|liters|gallons|barrels|kg|kilograms|pounds|ounces|acres|hectares|degrees|cups|bottles|bags|boxes|pieces|units|doses")

// numberValue gives a number's value as a plain decimal string, or the word.
func numberValue(w string) string {
	s := strings.TrimLeft(w, "£$€¥")
	mult := 1.0
	switch {
	case strings.HasSuffix(s, "bn"):
		mult, s = 1e9, strings.TrimSuffix(s, "bn")
	case strings.HasSuffix(s, "m") && len(s) > 1:
		mult, s = 1e6, strings.TrimSuffix(s, "m")
	case strings.HasSuffix(s, "k") && len(s) > 1:
		mult, s = 1e3, strings.TrimSuffix(s, "k")
	}
	s = strings.TrimSuffix(s, "%")
	s = strings.ReplaceAll(s, ",", "")
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return strconv.FormatFloat(v*mult, 'f', -1, 64)
	}
	if v, ok := numberWords[w]; ok {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return w
}

// isYearOrClock reports a year ("2007", "in 1999") or a clock time
// ("1200 GMT"): times, not quantities.
func isYearOrClock(toks []text.Token, i int) bool {
	t := toks[i]
	if len(t.Text) != 4 || !text.AllDigits(t.Text) {
		return false
	}
	if i+1 < len(toks) && isClockZone(toks[i+1].Lower) {
		return true
	}
	v, _ := strconv.Atoi(t.Text)
	if v < 1800 || v > 2100 {
		return false
	}
	if i > 0 && yearPrep(toks[i-1].Lower) {
		return true // "in 2002 following …"
	}
	if i+1 < len(toks) && toks[i+1].Word && !text.IsStop(toks[i+1].Lower) && !months[toks[i+1].Lower] && !toks[i+1].IsCap() {
		return false // "1200 workers"
	}
	return true
}

// yearPrep reports a word that puts a year after it: "in 2002".
func yearPrep(w string) bool {
	switch w {
	case "in", "since", "by", "until", "till", "from", "of", "before", "after", "during", "throughout", "early", "late", "mid":
		return true
	}
	return false
}

func isClockZone(w string) bool {
	switch w {
	case "gmt", "bst", "utc", "est", "edt", "pst", "cet", "am", "pm", "a.m.", "p.m.", "hours", "hrs", "local":
		return true
	}
	return false
}
