// Package candidate proposes the spans of the retrieved sentences that
// could answer a question: noun phrases and names, numbers with what they
// count, dates and times, the speakers of quotes (with "he said" resolved to
// the person named before), roles, and the clauses that give a reason, a
// purpose or a manner. It proposes generously: which one answers is the
// ranking model's job.
//
// Every rule reads part-of-speech tags, closed-class words and the facts
// of corpus/facts; none knows an article's words.
package candidate

import (
	"sort"
	"strings"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/bot/retrieve"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/pos"
	"github.com/articlebot/articlebot/corpus/text"
)

// Type is a set of things a candidate is.
type Type uint32

// The types. A candidate can be several ("the speaker" and "a person").
const (
	Person    Type = 1 << iota // a person's name
	Org                        // an organisation's name
	Place                      // a place's name
	Name                       // a run of capitalised words of no known kind
	Number                     // a bare number
	Money                      // an amount of money
	Percent                    // a percentage
	Quantity                   // a number with what it counts
	Ordinal                    // first, 18th
	Date                       // a day, a date, a month
	Year                       // a year
	Clock                      // a time of day
	Duration                   // a length of time ("three years")
	Time                       // any time fact
	Phrase                     // a common noun phrase
	Clause                     // a clause after because/to/by …
	Speaker                    // who said the sentence's quote
	Role                       // a person's title or description
	Quote                      // quoted words
	Verbal                     // a verb phrase
	Adjective                  // an adjective phrase
	List                       // several noun phrases joined by commas and "and"
	NumTypes  = iota
)

var typeNames = [...]string{"person", "org", "place", "name", "number", "money", "percent", "quantity",
	"ordinal", "date", "year", "clock", "duration", "time", "phrase", "clause", "speaker", "role", "quote",
	"verbal", "adjective", "list"}

// TypeName is the name of the single type 1<<i.
func TypeName(i int) string {
	if i < 0 || i >= len(typeNames) {
		return "?"
	}
	return typeNames[i]
}

func (t Type) String() string {
	var parts []string
	for i := 0; i < NumTypes; i++ {
		if t&(1<<i) != 0 {
			parts = append(parts, typeNames[i])
		}
	}
	return strings.Join(parts, "+")
}

// Candidate is one span that may answer the question.
type Candidate struct {
	Hit  *retrieve.Hit // the sentence it comes from
	Span doc.Span      // its words in Hit.Sent; for a speaker named elsewhere, the pronoun or verb that stands for them
	Text string        // the answer as the article writes it
	Type Type
	// Cue is the closed-class word before a clause ("because", "to").
	Cue string
	// Elsewhere: Text is named in another sentence (a resolved speaker).
	Elsewhere bool
	// Fact is the fact it was taken from, if any.
	Fact *facts.Fact
}

// Limits on generation.
const (
	// MaxSentences is how many of the best retrieved sentences give
	// candidates: the answer's sentence is among the first 8 for 97% of
	// the development questions (support@8, measured).
	MaxSentences = 8
	// maxClause is the most words a clause candidate holds.
	maxClause = 25
	// maxPhrase is the most words a noun-phrase candidate holds.
	maxPhrase = 12
	// MaxSpan is the most words any candidate holds (a list of noun
	// phrases may hold two phrases' worth).
	MaxSpan = 2 * maxPhrase
)

// Generate proposes the candidates of the first n hits (MaxSentences when
// n <= 0).
func Generate(hits []retrieve.Hit, n int) []Candidate {
	if n <= 0 {
		n = MaxSentences
	}
	var out []Candidate
	for i := range hits {
		if i == n {
			break
		}
		out = append(out, FromSentence(&hits[i])...)
	}
	return out
}

// FromSentence proposes the candidates of one sentence.
func FromSentence(h *retrieve.Hit) []Candidate {
	g := &gen{h: h, s: h.Sent, seen: map[doc.Span]int{}}
	g.facts()
	g.dates()
	g.chunks()
	g.clauses()
	g.quotes()
	return g.out
}

// gen collects one sentence's candidates, merging the types of spans
// proposed twice.
type gen struct {
	h    *retrieve.Hit
	s    *doc.Sentence
	out  []Candidate
	seen map[doc.Span]int // span -> index in out
}

func (g *gen) add(sp doc.Span, t Type, f *facts.Fact) {
	// Trim punctuation and articles at the edges: the answer is the words.
	for sp.Start < sp.End && (!g.s.Words[sp.Start].Word || isArticle(g.s.Words[sp.Start].Lower)) {
		sp.Start++
	}
	for sp.End > sp.Start && !g.s.Words[sp.End-1].Word && !closesSpan(g.s.Words[sp.End-1].Text) {
		sp.End--
	}
	if sp.Start >= sp.End || sp.End-sp.Start > MaxSpan {
		return
	}
	if sp.End-sp.Start == 1 && isPronoun(g.s.Words[sp.Start].Lower) {
		return
	}
	// Whatever proposed it, a span that names a day, a month or a year is
	// a time ("Feb. 14" from the noun phrases, "mid-September").
	if tt := timeType(g.s, sp); tt&(Date|Year|Clock|Duration) != 0 {
		t |= tt
	}
	if i, ok := g.seen[sp]; ok {
		g.out[i].Type |= t
		if g.out[i].Fact == nil {
			g.out[i].Fact = f
		}
		return
	}
	g.seen[sp] = len(g.out)
	g.out = append(g.out, Candidate{Hit: g.h, Span: sp, Text: g.s.SpanText(sp), Type: t, Fact: f})
}

func closesSpan(s string) bool { return s == "%" || s == ")" }

func isArticle(w string) bool { return w == "the" || w == "a" || w == "an" }

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "this", "that",
		"these", "those", "his", "its", "their", "our", "my", "your", "who", "which", "what", "there":
		return true
	}
	return false
}

// spanOf maps a byte range of the sentence to its words.
// It searches the words, which are in order, by halves: a long sentence's
// many facts cost their number times the log of its length.
func (g *gen) spanOf(start, end int) (doc.Span, bool) {
	ws := g.s.Words
	from := sort.Search(len(ws), func(i int) bool { return ws[i].End > start })
	to := from
	for to < len(ws) && ws[to].Start < end {
		to++
	}
	if to == from {
		return doc.Span{}, false
	}
	return doc.Span{Start: from, End: to}, true
}

// facts proposes the facts of the sentence: names, numbers, times, and the
// speakers of its quotes.
func (g *gen) facts() {
	fs := g.s.Facts
	for i := range fs {
		f := &fs[i]
		if f.Start < 0 || f.End <= f.Start {
			continue
		}
		sp, ok := g.spanOf(f.Start, f.End)
		if !ok {
			continue
		}
		switch f.Kind {
		case facts.KindPerson:
			g.add(sp, Person, f)
			if f.Role != "" {
				g.role(f)
			}
		case facts.KindOrg:
			g.add(sp, Org, f)
		case facts.KindPlace:
			g.add(sp, Place, f)
		case facts.KindQuantity:
			g.add(sp, quantityType(f.Text, f.Role), f)
			// The number alone, without what it counts.
			if f.Role != "" {
				if nsp, ok := g.spanOf(f.Start, f.End-len(f.Role)); ok {
					g.add(nsp, quantityType(g.s.SpanText(nsp), "")&^Quantity, f)
				}
			}
		case facts.KindTime:
			g.add(sp, timeType(g.s, sp), f)
		case facts.KindQuote:
			g.add(sp, Quote, f)
			g.speaker(f)
		}
	}
}

// role proposes the role a person fact gives, where the sentence holds it.
func (g *gen) role(f *facts.Fact) {
	i := strings.Index(g.s.Sentence.Text, f.Role)
	if i < 0 {
		return
	}
	if sp, ok := g.spanOf(i, i+len(f.Role)); ok {
		g.add(sp, Role, f)
	}
}

// speaker proposes who said a quote: the name in the sentence, or the one
// the pronoun stands for.
func (g *gen) speaker(f *facts.Fact) {
	if f.Speaker == "" {
		return
	}
	if i := strings.Index(g.s.Sentence.Text, f.Speaker); i >= 0 {
		if sp, ok := g.spanOf(i, i+len(f.Speaker)); ok {
			g.add(sp, Speaker|Person, f)
			return
		}
	}
	// A surname alone ("Mr Levy said"), or a pronoun ("he said").
	parts := strings.Fields(f.Speaker)
	if last := parts[len(parts)-1]; len(parts) > 1 {
		if i := indexWord(g.s.Sentence.Text, last); i >= 0 {
			if sp, ok := g.spanOf(i, i+len(last)); ok {
				c := len(g.out)
				g.add(sp, Speaker|Person, f)
				if c < len(g.out) {
					g.out[c].Text = f.Speaker
					g.out[c].Elsewhere = true
				}
				return
			}
		}
	}
	for j, w := range g.s.Words {
		switch w.Lower {
		case "he", "she", "they", "we", "i":
			sp := doc.Span{Start: j, End: j + 1}
			if _, dup := g.seen[sp]; dup {
				continue
			}
			g.seen[sp] = len(g.out)
			g.out = append(g.out, Candidate{Hit: g.h, Span: sp, Text: f.Speaker, Type: Speaker | Person, Fact: f, Elsewhere: true})
			return
		}
	}
}

// indexWord finds w in s as a whole word.
func indexWord(s, w string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		before := i == 0 || !isLetter(s[i-1])
		after := i+len(w) >= len(s) || !isLetter(s[i+len(w)])
		if before && after {
			return i
		}
		off = i + len(w)
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// dates proposes the dates the facts and noun phrases split: "June 9,
// 2020" (a month and day, a comma, a year) and a span of years ("1997 to
// 2017", "between 2010 and 2014").
func (g *gen) dates() {
	ws := g.s.Words
	for i := 0; i+3 < len(ws); i++ {
		if monthNames[strings.TrimSuffix(ws[i].Lower, ".")] && ws[i+1].Tag == pos.CD && ws[i+2].Text == "," && isYear(&ws[i+3]) {
			g.add(doc.Span{Start: i, End: i + 4}, Date|Year|Time, nil)
		}
	}
	for i := 0; i+2 < len(ws); i++ {
		if isYear(&ws[i]) && (ws[i+1].Lower == "to" || ws[i+1].Lower == "and" || ws[i+1].Text == "-" || ws[i+1].Text == "–") && isYear(&ws[i+2]) {
			sp := doc.Span{Start: i, End: i + 3}
			if i > 0 && (ws[i-1].Lower == "from" || ws[i-1].Lower == "between") {
				g.add(doc.Span{Start: i - 1, End: i + 3}, Year|Time, nil)
			}
			g.add(sp, Year|Time, nil)
		}
	}
}

// isYear reports a year of news: four digits from 1000 to 2099 (a house
// number "2134" is no year).
func isYear(w *doc.Word) bool {
	return len(w.Text) == 4 && text.AllDigits(w.Text) && (w.Text[0] == '1' || w.Text[:2] == "20")
}

// quantityType tells money, percentages and counts apart by their shape.
func quantityType(t, unit string) Type {
	lt := strings.ToLower(t)
	switch {
	case strings.ContainsAny(t, "£$€¥") || containsWord(lt, "dollars", "pounds", "euros", "yen", "cents", "pence", "dlrs", "yuan", "rupees"):
		return Money | Quantity
	case strings.Contains(t, "%") || strings.Contains(lt, "percent") || strings.Contains(lt, "per cent"):
		return Percent | Quantity
	case unit != "":
		if isTimeUnit(lastWord(unit)) {
			return Duration | Quantity
		}
		return Quantity
	}
	return Number
}

func lastWord(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func containsWord(s string, ws ...string) bool {
	for _, w := range strings.Fields(s) {
		for _, x := range ws {
			if w == x {
				return true
			}
		}
	}
	return false
}

func isTimeUnit(w string) bool {
	switch strings.TrimSuffix(w, "s") {
	case "second", "minute", "hour", "day", "week", "month", "year", "decade", "centurie", "century", "weekend", "night":
		return true
	}
	return false
}

var monthNames = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

var weekdayNames = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true}

// timeType tells years, dates, clock times and durations apart.
func timeType(s *doc.Sentence, sp doc.Span) Type {
	t := Time
	for i := sp.Start; i < sp.End; i++ {
		w := s.Words[i]
		l := strings.TrimSuffix(w.Lower, ".")
		if j := strings.LastIndexByte(l, '-'); j >= 0 && j+1 < len(l) {
			l = l[j+1:] // "mid-September"
		}
		switch {
		case monthNames[l] || weekdayNames[l]:
			t |= Date
		case isYear(&w):
			t |= Year
		case strings.Contains(w.Text, ":") || l == "am" || l == "pm" || l == "a.m." || l == "p.m." || l == "noon" || l == "midnight":
			t |= Clock
		case isTimeUnit(l):
			if i > sp.Start && (s.Words[i-1].Tag == pos.CD || s.Words[i-1].Lower == "a" || s.Words[i-1].Lower == "an") {
				t |= Duration
			}
		}
	}
	return t
}
