package facts

import (
	"strings"

	"github.com/articlebot/articlebot/corpus/text"
)

// times finds the times of a sentence: weekdays, dates, months, years,
// clock times, named periods ("since the Cold War") and relative times
// ("next week", "last year").
func times(n int, s string, toks []text.Token) []Fact {
	var out []Fact
	add := func(from, to int) {
		if from >= to {
			return
		}
		// Times are found left to right and reach back at most a few
		// words ("the end of | March"): only the last few can overlap.
		for k := max(0, len(out)-maxTimeOverlap); k < len(out); k++ {
			if f := out[k]; toks[from].Start < f.End && f.Start < toks[to-1].End {
				return
			}
		}
		t := joinTokens(s, toks, from, to)
		t = trimPossessive(t)
		out = append(out, Fact{Kind: KindTime, Text: t, Value: t, Start: toks[from].Start, End: toks[from].Start + len(t), Sentence: n})
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.Word {
			continue
		}
		w := t.Bare()
		switch {
		// "since the Cold War", "since 1999", "during the pandemic",
		// "during the interval"; not "since Rank" or "during Trump's
		// visit": a name after "since" is a time only when it names one.
		case (w == "since" || w == "during") && i+1 < len(toks):
			j := i + 1
			if toks[j].Lower == "the" {
				j++
			}
			if k := namedTimeEnd(s, toks, j); k > j {
				add(i, k)
				i = k - 1
			}
		// "11 March", "24 January 2005"
		case t.IsNumber() && len(t.Text) <= 2 && i+1 < len(toks) && months[toks[i+1].Lower] && toks[i+1].IsCap():
			k := i + 2
			if k < len(toks) && isYearToken(toks[k]) {
				k++
			}
			add(i, k)
			i = k - 1
		// "March 2006", "March 11", "December", "the end of March"
		// "the 18th Century"
		case isOrdinal(w) && i+1 < len(toks) && (toks[i+1].Lower == "century" || toks[i+1].Lower == "centuries"):
			add(i, i+2)
			i++
		case months[w] && t.IsCap() && (w != "may" || (i+1 < len(toks) && toks[i+1].IsNumber()) || i > 0 && yearPrep(toks[i-1].Lower)) && (w != "march" || !(i+1 < len(toks) && toks[i+1].Lower == "on")):
			from := i
			if i >= 2 && toks[i-1].Lower == "of" && periodWords[toks[i-2].Lower] {
				from = i - 2
				if i >= 3 && toks[i-3].Lower == "the" {
					from = i - 3
				}
			}
			k := i + 1
			if k < len(toks) && toks[k].IsNumber() && len(toks[k].Text) <= 2 {
				k++
			}
			if k < len(toks) && isYearToken(toks[k]) {
				k++
			}
			if prev := i - 1; prev >= 0 && (toks[prev].Lower == "last" || toks[prev].Lower == "next" || toks[prev].Lower == "this") {
				from = prev
			}
			add(from, k)
			i = k - 1
		case weekdays[w] && t.IsCap() || (w == "weekend" && i > 0 && (toks[i-1].Lower == "the" || toks[i-1].Lower == "this" || toks[i-1].Lower == "last" || toks[i-1].Lower == "next")):
			from := i
			if prev := i - 1; prev >= 0 && (toks[prev].Lower == "last" || toks[prev].Lower == "next" || toks[prev].Lower == "this" || toks[prev].Lower == "the") {
				from = prev
			}
			k := i + 1
			if k < len(toks) && (toks[k].Lower == "morning" || toks[k].Lower == "afternoon" || toks[k].Lower == "evening" || toks[k].Lower == "night") {
				k++
			}
			add(from, k)
		case isYearOrClock(toks, i):
			from, k := i, i+1
			if k < len(toks) && isClockZone(toks[k].Lower) {
				k++
			}
			// "the end of 2004", "the spring of 2006"
			if i >= 2 && toks[i-1].Lower == "of" && periodWords[toks[i-2].Lower] {
				from = i - 2
				if i >= 3 && toks[i-3].Lower == "the" {
					from = i - 3
				}
			}
			add(from, k)
		case (w == "last" || w == "next" || w == "this" || w == "coming" || w == "past") && i+1 < len(toks) && (timeUnits[toks[i+1].Lower+"s"] || timeUnits[toks[i+1].Lower] || seasons[toks[i+1].Lower]) && !strings.HasSuffix(toks[i+1].Lower, "s"):
			add(i, i+2)
			i++
		case w == "today" || w == "yesterday" || w == "tomorrow" || w == "tonight" || w == "recently" || w == "currently":
			add(i, i+1)
		case holidays[w] && t.IsCap():
			add(i, i+1)
		}
	}
	return out
}

// maxTimeOverlap is how many of the times found before a new one it is
// checked against for overlap: a time reaches back at most three words.
const maxTimeOverlap = 4

// namedTimeEnd returns the end of the time named at toks[j:] after
// "since" or "during", or j when none is: a year or number ("1999"), a
// month, weekday or holiday ("March", "Christmas"), an era ("the Cold
// War", "the pandemic"), or a noun WordNet files as a time ("the
// interval", "the Renaissance").
func namedTimeEnd(s string, toks []text.Token, j int) int {
	if j >= len(toks) || !toks[j].Word {
		return j
	}
	if isYearToken(toks[j]) {
		return j + 1
	}
	for _, size := range []int{3, 2, 1} {
		if j+size > len(toks) {
			continue
		}
		phrase := strings.ToLower(joinTokens(s, toks, j, j+size))
		if eras[phrase] || holidays[phrase] {
			return j + size
		}
	}
	w := toks[j].Bare()
	switch {
	case months[w] && toks[j].IsCap(), weekdays[w] && toks[j].IsCap():
		k := j + 1
		if k < len(toks) && toks[k].IsNumber() && len(toks[k].Text) <= 2 {
			k++ // "since March 3"
		}
		if k < len(toks) && isYearToken(toks[k]) {
			k++
		}
		return k
	case !toks[j].IsNumber() && timeNoun(w):
		return j + 1
	}
	return j
}

// seasons can follow "next", "last" and "this".
var seasons = map[string]bool{"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true, "season": true, "term": true, "quarter": true}

// periodWords name a part of a year or month: "the end of March", "the
// spring of 2006".
var periodWords = map[string]bool{
	"end": true, "start": true, "beginning": true, "middle": true, "spring": true, "summer": true,
	"autumn": true, "fall": true, "winter": true, "half": true, "quarter": true, "rest": true,
}

func isYearToken(t text.Token) bool {
	if len(t.Text) != 4 || !text.AllDigits(t.Text) {
		return false
	}
	return t.Text >= "1800" && t.Text <= "2100"
}
