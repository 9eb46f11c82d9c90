package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// clip cuts s to at most n runes, at a word boundary, marking the cut
// with an ellipsis. It never cuts inside a word: a first word longer than
// n is cut at n-1 runes.
func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	cut := n - 1 // room for the ellipsis
	at := cut
	for at > 0 && !unicode.IsSpace(runes[at]) {
		at--
	}
	if at == 0 {
		at = cut
	}
	return strings.TrimRightFunc(string(runes[:at]), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':'
	}) + "…"
}

// trimEnd drops a sentence's closing punctuation and space.
func trimEnd(s string) string {
	return strings.TrimRightFunc(strings.TrimSpace(s), func(r rune) bool {
		return r == '.' || r == ',' || r == ';' || r == ':' || unicode.IsSpace(r)
	})
}

// capitalise makes the first letter of s upper case.
func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// isQuoteMark reports a quotation mark token.
func isQuoteMark(s string) bool {
	switch s {
	case "\"", "“", "”", "‘", "’", "'":
		return true
	}
	return false
}

// clauseBreak reports punctuation that ends a clause.
func clauseBreak(s string) bool {
	switch s {
	case ",", ";", ":", "—", "–", "(", ")", ".", "!", "?":
		return true
	}
	return isQuoteMark(s)
}

// clauseAround returns the clause of s that holds the bytes [start, end):
// from the clause punctuation before it to the one after it.
func clauseAround(s string, start, end int) string {
	toks := text.Tokenize(s)
	from, to := 0, len(s)
	for _, t := range toks {
		if !t.Word && clauseBreak(t.Text) && !(t.Text == "," && numberComma(s, t.Start)) {
			if t.End <= start {
				from = t.End
			} else if t.Start >= end && to == len(s) {
				to = t.Start
			}
		}
	}
	return strings.TrimSpace(s[from:to])
}

// numberComma reports a comma inside a number ("10,000").
func numberComma(s string, i int) bool {
	return i > 0 && i+1 < len(s) && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9'
}

// auxiliaries are the verbs that open a verb group.
var auxiliaries = wordSet(`is are was were be been being am has have had will would could can may might
must shall should do does did 's 're 've 'll won't can't isn't aren't wasn't weren't hasn't haven't
hadn't don't doesn't didn't wouldn't couldn't shouldn't`)

// verbLike reports a lower-case word that is a verb whatever stands
// before it: an auxiliary, a speech verb, an irregular or -ed past form.
// (An -s form may be a plural noun: "Combat Arms earplugs", "from these
// countries".)
func verbLike(t text.Token) bool {
	if !t.Word || t.IsCap() || t.IsNumber() {
		return false
	}
	w := t.Lower
	switch {
	case auxiliaries[w], facts.IsSpeechVerb(w), text.IsIrregularVerb(w):
		return true
	case text.IsStop(w):
		return false
	}
	return strings.HasSuffix(w, "ed") && len(w) > 4
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// contentStems returns the stems of a text's content words.
func contentStems(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range text.Tokenize(s) {
		if t.Word && !text.IsStop(t.Lower) && !text.IsStop(t.Bare()) {
			out[text.Base(t.Bare())] = true
		}
	}
	return out
}
