package brief

import (
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
)

// quote is a quotation or reported speech with its speaker.
type quote struct {
	speaker string
	text    string // the words as shown: “…” for a quotation, "verb …" for reported speech
	words   string // the words alone
	direct  bool
	verb    bool // reported speech whose text starts with its speech verb
	n       int
}

// allQuotes returns the article's attributed quotes in article order.
func allQuotes(a *corpus.Article) []quote {
	var out []quote
	for _, s := range a.Sentences {
		for _, f := range s.Facts {
			if f.Kind != facts.KindQuote || f.Speaker == "" || f.Start < 0 || f.End > len(s.Text) {
				continue
			}
			q := quote{speaker: f.Speaker, words: trimEnd(f.Text), direct: direct(s.Text, f), n: s.Index}
			if q.direct {
				q.text = "“" + q.words + "”"
			} else {
				q.text, q.verb = reported(s.Text, f)
			}
			out = append(out, q)
		}
	}
	return out
}

// quotes lists who said what: quotations before reported speech, at most
// maxQuotesEach a speaker, shown in article order.
func quotes(a *corpus.Article) []Item {
	all := allQuotes(a)
	each := map[string]int{}
	keep := map[int]bool{}
	kept := 0
	for _, pass := range []bool{true, false} {
		for i, q := range all {
			if kept == maxQuotes {
				break
			}
			if q.direct == pass && each[q.speaker] < maxQuotesEach {
				each[q.speaker]++
				keep[i] = true
				kept++
			}
		}
	}
	var out []Item
	for i, q := range all {
		if keep[i] {
			out = append(out, Item{Label: clip(q.speaker, maxLabelRunes), Text: clip(q.text, maxLineRunes), Sentences: []int{q.n}})
		}
	}
	return out
}
