package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// people lists who's who: each person the article names, with their roles
// and the first thing it says they did or said.
func people(a *corpus.Article) []Item {
	var out []Item
	for _, p := range a.People {
		if len(out) == maxPeople {
			break
		}
		if !plausibleName(p.Name) || len(p.Sentences) == 0 {
			continue
		}
		it := Item{Label: clip(p.Name, maxLabelRunes), Detail: clip(strings.Join(p.Roles, "; "), maxDetailRunes)}
		line, n, ok := deedOf(a, p)
		if !ok && it.Detail == "" {
			// Neither a role nor a deed: a passing mention, or a place
			// or thing the extractor took for a person.
			continue
		}
		it.Text = clip(line, maxLineRunes)
		it.Sentences = citeWith(n, roleSentence(a, p))
		out = append(out, it)
	}
	return out
}

// plausibleName rejects a name whose last word is not capitalised ("Sloan
// and"): a run of capitals the extractor took too far.
func plausibleName(name string) bool {
	fields := strings.Fields(name)
	if len(fields) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(fields[len(fields)-1])
	return unicode.IsUpper(r)
}

// deedOf returns what the article first says a person did or said, and the
// sentence that says it: the predicate after their name, or their quote;
// failing both (ok false), the sentence that first names them.
func deedOf(a *corpus.Article, p facts.Person) (line string, n int, ok bool) {
	for _, n := range p.Sentences {
		s, ok := a.Sentence(n)
		if !ok {
			continue
		}
		for _, f := range s.Facts {
			switch {
			case f.Kind == facts.KindPerson && f.Value == p.Name:
				if pred := predicateAfter(s.Text, f.Start, f.End); pred != "" {
					return pred, n, true
				}
			case f.Kind == facts.KindQuote && f.Speaker == p.Name:
				if direct(s.Text, f) {
					return "said “" + trimEnd(f.Text) + "”", n, true
				}
				if line, ok := reported(s.Text, f); ok {
					return line, n, true
				}
				return "said that " + trimEnd(f.Text), n, true
			}
		}
	}
	n = p.Sentences[0]
	s, _ := a.Sentence(n)
	return "named in: " + trimEnd(s.Text), n, false
}

// roleSentence is the first sentence that gives a person a role, or 0.
func roleSentence(a *corpus.Article, p facts.Person) int {
	for _, n := range p.Sentences {
		s, _ := a.Sentence(n)
		for _, f := range s.Facts {
			if f.Kind == facts.KindPerson && f.Value == p.Name && f.Role != "" {
				return n
			}
		}
	}
	return 0
}

// citeWith returns the sentence numbers, ascending, without zeros or
// repeats.
func citeWith(ns ...int) []int {
	var out []int
	for _, n := range ns {
		if n <= 0 {
			continue
		}
		dup := false
		for _, m := range out {
			dup = dup || m == n
		}
		if !dup {
			out = append(out, n)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// maxAppositive is the longest aside between commas skipped after a name
// ("John Smith, the club's chairman, said"), in tokens.
const maxAppositive = 12

// objectMarkers, before a name in its clause, make it no subject: "who
// subbed for the struggling Devan Dubnyk, looked strong" is not Dubnyk's
// deed. Prepositions, conjunctions and relative pronouns.
var objectMarkers = wordSet("for with by to of from against than about at in on into over under between among and or nor like including via who whom which that whose")

// predicateAfter returns the verb phrase that follows a subject at bytes
// [start, end) of s, to the end of the sentence: "asked military leaders …"
// in "Britain's Defense Minister, John Healey, asked military leaders …".
// It returns "" when no verb follows or the name is no subject: an object,
// a possessive, part of a list.
func predicateAfter(s string, start, end int) string {
	if rest := s[end:]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’") {
		return ""
	}
	toks := text.Tokenize(s)
	i := 0
	for i < len(toks) && toks[i].Start < end {
		i++
	}
	// The words of the name's clause before it.
	for k := i - 1; k >= 0; k-- {
		t := toks[k]
		if t.End > start {
			continue
		}
		if !t.Word && clauseBreak(t.Text) {
			break
		}
		if objectMarkers[t.Lower] || verbLike(t) {
			return ""
		}
	}
	if i < len(toks) && toks[i].Text == "," {
		i++
		if i < len(toks) && !verbLike(toks[i]) {
			// Skip an aside: ", the club's chairman,".
			k := i
			for k < len(toks) && k-i < maxAppositive && toks[k].Text != "," && !clauseBreak(toks[k].Text) {
				k++
			}
			if k >= len(toks) || toks[k].Text != "," {
				return ""
			}
			i = k + 1
		}
	}
	if i >= len(toks) || !verbLike(toks[i]) {
		return ""
	}
	pred := trimEnd(s[toks[i].Start:newClause(s, toks, i)])
	if len(strings.Fields(pred)) < 2 {
		return "" // "…,” Smith said.": the quote says more
	}
	return pred
}

// coordinators join a second clause with a subject of its own: "…, and
// Mr. Wayman served …".
var coordinators = wordSet("and but while whereas")

// newClause returns where, after token i, a clause with another subject
// begins (a semicolon, or a comma and a coordinator before a capital or a
// pronoun), or the end of s.
func newClause(s string, toks []text.Token, i int) int {
	for k := i + 1; k < len(toks); k++ {
		if toks[k].Text == ";" {
			return toks[k].Start
		}
		if toks[k].Text == "," && k+2 < len(toks) && coordinators[toks[k+1].Lower] {
			if next := toks[k+2]; next.IsCap() || subjects[next.Lower] {
				return toks[k].Start
			}
		}
	}
	return len(s)
}

// direct reports whether a quote fact is a quotation in quotation marks,
// not reported speech: a quotation mark opens it, or closes it (the last
// sentence of a quotation that began in an earlier one).
func direct(s string, f facts.Fact) bool {
	if f.Start < 0 || f.End > len(s) || f.Start > f.End {
		return false
	}
	before := strings.TrimRightFunc(s[:f.Start], unicode.IsSpace)
	if r, _ := utf8.DecodeLastRuneInString(before); r == '"' || r == '“' || r == '‘' || r == '\'' {
		return true
	}
	after := strings.TrimLeft(s[f.End:], ".,!?… ")
	r, _ := utf8.DecodeRuneInString(after)
	return r == '"' || r == '”' || r == '’'
}

// reported gives reported speech with the verb that introduces it:
// "stressed the importance of …", "remarked that American support …". ok
// is false when no speech verb stands just before the words.
func reported(s string, f facts.Fact) (line string, ok bool) {
	words := trimEnd(f.Text)
	if f.Start <= 0 || f.Start > len(s) {
		return words, false
	}
	toks := text.Tokenize(s[:f.Start])
	for k := len(toks) - 1; k >= 0 && k >= len(toks)-3; k-- {
		if toks[k].Word && facts.IsSpeechVerb(toks[k].Lower) {
			return trimEnd(s[toks[k].Start:f.Start] + words), true
		}
	}
	return words, false
}
