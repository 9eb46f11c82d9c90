package brief

import (
	"strings"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// futureWords mark a sentence about what is still to come; futureBefore
// do so before "to" ("set to", "due to"); intentions do so before "to"
// after their subject ("Labour plans to", "she intends to"), not after a
// verb whose object they are ("to continue plans to send troops").
var (
	futureWords  = wordSet("will shall 'll upcoming scheduled")
	futureBefore = wordSet("set due expected going")
	intentions   = wordSet("plans plan aims intends")
	subjects     = wordSet("he she they we i it")
	// pastTimes open a time that lies behind the story, not ahead.
	pastTimes = wordSet("since last ago earlier previous past former yesterday")
	// aheadTimes make a time lie ahead on their own: "next week".
	aheadTimes = wordSet("next tomorrow coming upcoming later")
)

// next lists what happens next: sentences about the future that give a
// day or date, each labelled with it.
func next(a *corpus.Article) []Item {
	var out []Item
	for _, s := range a.Sentences {
		if len(out) == maxNext {
			break
		}
		fut := future(s.Text)
		for _, f := range s.Facts {
			if f.Kind != facts.KindTime || f.Start < 0 || f.End > len(s.Text) || timeHas(f.Text, pastTimes) {
				continue
			}
			if !fut && !timeHas(f.Text, aheadTimes) {
				continue
			}
			out = append(out, Item{Label: clip(f.Text, maxLabelRunes), Text: clip(withoutLeadingTime(s.Text, f), maxLineRunes), Sentences: []int{s.Index}})
			break
		}
	}
	return out
}

// future reports a sentence with a marker of the future.
func future(s string) bool {
	toks := text.Tokenize(s)
	for i, t := range toks {
		if !t.Word {
			continue
		}
		w := t.Lower
		if futureWords[w] || strings.HasSuffix(w, "'ll") {
			return true
		}
		if i+1 >= len(toks) || toks[i+1].Lower != "to" {
			continue
		}
		if futureBefore[w] {
			return true
		}
		if intentions[w] && i > 0 && (toks[i-1].IsCap() || subjects[toks[i-1].Lower]) {
			return true
		}
	}
	return false
}

// timeHas reports a time phrase holding one of the words.
func timeHas(t string, words map[string]bool) bool {
	for _, w := range strings.Fields(text.Lower(t)) {
		if words[w] {
			return true
		}
	}
	return false
}

// withoutLeadingTime drops an opening "On Friday, " whose time is the
// item's label, so the line says what happens.
func withoutLeadingTime(s string, f facts.Fact) string {
	head := strings.TrimSpace(s[:f.Start])
	if head != "" && len(strings.Fields(head)) > 1 {
		return trimEnd(s)
	}
	rest := strings.TrimLeft(s[f.End:], " ")
	if !strings.HasPrefix(rest, ",") {
		return trimEnd(s)
	}
	return capitalise(trimEnd(strings.TrimLeft(rest, ", ")))
}
