package brief

import (
	"strings"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// numbers lists the article's quantities, each with what it counts, in
// article order; a quantity written twice is listed once.
func numbers(a *corpus.Article) []Item {
	var out []Item
	seen := map[string]bool{}
	for _, s := range a.Sentences {
		for _, f := range s.Facts {
			if len(out) == maxNumbers {
				return out
			}
			if f.Kind != facts.KindQuantity || !counts(f) || seen[strings.ToLower(f.Text)] {
				continue
			}
			if f.Start < 0 || f.End > len(s.Text) || f.Start >= f.End {
				continue
			}
			seen[strings.ToLower(f.Text)] = true
			out = append(out, Item{
				Label:     clip(f.Text, maxLabelRunes),
				Text:      clip(whatItCounts(s.Text, f), maxLineRunes),
				Sentences: []int{s.Index},
			})
		}
	}
	return out
}

// counts reports a quantity worth listing: one with a unit ("30 countries"),
// a sum of money or a share; a bare number ("7", a score) says too little.
func counts(f facts.Fact) bool {
	if unit(f) != "" {
		return true
	}
	t := strings.ToLower(f.Text)
	return strings.ContainsAny(t, "£$€¥%") || strings.Contains(t, "per cent") || strings.Contains(t, "percent")
}

// unit is what a quantity's unit phrase names, or "" when the extractor's
// unit is no noun phrase (it ends in a past form or an adverb: "3M tried").
func unit(f facts.Fact) string {
	words := strings.Fields(f.Role)
	if len(words) == 0 {
		return ""
	}
	last := text.Lower(words[len(words)-1])
	if strings.HasSuffix(last, "ed") || strings.HasSuffix(last, "ly") || text.IsIrregularVerb(last) {
		return ""
	}
	return f.Role
}

// wholeNouns name a quantity itself, not a thing it measures: "the number
// of", "a total of" say nothing of what is counted.
var wholeNouns = wordSet("number total sum amount figure tally count rate level average share majority minority percentage proportion maximum minimum")

// whatItCounts says what a quantity counts, from the words around it:
// "the size of the force" for "a force of 10,000 to 30,000 troops"; the
// predicate of a quantity that is a subject ("set to meet again at NATO"
// for "over 50 countries are set to meet again at NATO"); else the clause
// that holds it.
func whatItCounts(s string, f facts.Fact) string {
	toks := text.Tokenize(s)
	first, last := -1, -1
	for i, t := range toks {
		if t.Start >= f.Start && t.End <= f.End {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return trimEnd(s)
	}
	if np := ofPhraseBefore(toks, first); np != "" {
		return "the size of the " + np
	}
	if pred := subjectPredicate(s, toks, last+1); pred != "" {
		return pred
	}
	return wordsAround(s, toks, first, last)
}

// contextWords is how many words on each side of a quantity show what it
// counts when no pattern names it.
const contextWords = 8

// wordsAround returns the words around tokens first..last within their clause
// (or the sentence, when the clause holds little else), at most
// contextWords on each side, with an ellipsis where it cuts.
func wordsAround(s string, toks []text.Token, first, last int) string {
	from, to := first, last
	bounded := func(k int) bool {
		t := toks[k]
		return !t.Word && clauseBreak(t.Text) && !(t.Text == "," && numberComma(s, t.Start))
	}
	for from > 0 && !bounded(from-1) {
		from--
	}
	for to+1 < len(toks) && !bounded(to+1) {
		to++
	}
	if words(toks[from:first])+words(toks[last+1:to+1]) < 3 {
		// "The two veterans," says nothing: take the sentence.
		from, to = 0, len(toks)-1
	}
	pre, post := "", ""
	for k, n := first, 0; k > from; k-- {
		if toks[k-1].Word {
			n++
		}
		if n > contextWords {
			from, pre = k, "…"
			break
		}
	}
	for k, n := last, 0; k < to; k++ {
		if toks[k+1].Word {
			n++
		}
		if n > contextWords {
			to, post = k, "…"
			break
		}
	}
	for to > last && !toks[to].Word {
		to--
	}
	return pre + strings.TrimSpace(s[toks[from].Start:toks[to].End]) + post
}

func words(toks []text.Token) int {
	n := 0
	for _, t := range toks {
		if t.Word {
			n++
		}
	}
	return n
}

// determiners open the noun phrase of "a force of | N".
var determiners = wordSet("a an the its their his her this that our your")

// notHeads stand before "of" without naming a thing that has a size:
// "north of 80 degrees", "most of the 30".
var notHeads = wordSet("north south east west ahead out instead because most all some none each many much both part rest top end front")

// ofPhraseBefore returns the noun phrase of "a force of | N": a determiner,
// up to three words, "of"; the phrase without its determiner.
func ofPhraseBefore(toks []text.Token, first int) string {
	if first < 3 || toks[first-1].Lower != "of" {
		return ""
	}
	head := toks[first-2]
	if !head.Word || head.IsCap() || head.IsNumber() || text.IsStop(head.Lower) || notHeads[head.Lower] || wholeNouns[head.Lower] {
		return ""
	}
	for k := first - 2; k >= 0 && first-2-k < 3; k-- {
		t := toks[k]
		if determiners[t.Lower] {
			var words []string
			for _, w := range toks[k+1 : first-1] {
				words = append(words, w.Text)
			}
			return strings.Join(words, " ")
		}
		if !t.Word || t.IsCap() || t.IsNumber() || text.IsStop(t.Lower) {
			return ""
		}
	}
	return ""
}

// subjectPredicate returns the verb phrase after a quantity that is its
// sentence's subject, to the end of the clause, without a leading "is" or
// "are" before a participle: "working to develop …" for "200 planners are
// working to develop …". A short phrase after the quantity ("from these
// countries") may come first.
func subjectPredicate(s string, toks []text.Token, i int) string {
	if i < len(toks) && isPrepositionWord(toks[i].Lower) {
		k := i + 1
		for k < len(toks) && k-i <= 4 && toks[k].Word && !verbLike(toks[k]) {
			k++
		}
		i = k
	}
	if i >= len(toks) || !verbLike(toks[i]) {
		return ""
	}
	if be[toks[i].Lower] && i+1 < len(toks) && toks[i+1].Word && !toks[i+1].IsCap() && !text.IsStop(toks[i+1].Lower) {
		i++
	}
	end := len(s)
	for _, t := range toks[i+1:] {
		if !t.Word && clauseBreak(t.Text) && !(t.Text == "," && numberComma(s, t.Start)) {
			end = t.Start
			break
		}
	}
	pred := strings.TrimSpace(s[toks[i].Start:end])
	if len(strings.Fields(pred)) < 2 {
		return "" // "nine years combined": too little to say what they count
	}
	return pred
}

var be = wordSet("is are was were")

func isPrepositionWord(w string) bool {
	switch w {
	case "from", "in", "of", "at", "across", "around", "on", "with", "for":
		return true
	}
	return false
}
