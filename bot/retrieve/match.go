package retrieve

import (
	"strings"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/bot/question"
	"github.com/articlebot/articlebot/corpus/text"
)

// How strongly a sentence word matches a question term that is neither the
// same word nor a related one (whose weights come from lexicon). An exact
// match is 1. These are priors for the match features; the ranking model
// learns how much each kind of match is worth.
const (
	derivedStrength = 0.5 // a word built on the term's stem ("lead" / "leadership")
	typoStrength    = 0.6 // one letter off, for words of minTypoLen or more
	hyphenStrength  = 0.8 // a part of a hyphenated word
)

// minTypoLen is the shortest word matched with one letter wrong: shorter
// words one letter apart are usually different words ("cat" / "car").
const minTypoLen = 5

// minDerivedLen is the shortest stem matched as the prefix of a longer one.
const minDerivedLen = 4

// MatchAll finds, for each of q's terms, the word of s that holds it best.
func MatchAll(q *question.Question, s *doc.Sentence) []Match {
	out := make([]Match, len(q.Terms))
	for i := range q.Terms {
		out[i] = matchTerm(&q.Terms[i], s)
	}
	return out
}

// Strength is how strongly word w holds term t: 1 the same word, less a
// related word (text.Related), a word built on the same stem, a part of a
// hyphenated word or a word one letter off.
func Strength(t *question.Term, w *doc.Word) float64 {
	if !w.Word {
		return 0
	}
	if r := t.Holds(w.Stem); r > 0 {
		return r
	}
	if len(t.Stem) >= minDerivedLen && len(w.Stem) > len(t.Stem) && strings.HasPrefix(w.Stem, t.Stem) && !w.Stop {
		return derivedStrength
	}
	if len(w.Stem) >= minDerivedLen && len(t.Stem) > len(w.Stem) && strings.HasPrefix(t.Stem, w.Stem) && !w.Stop {
		return derivedStrength
	}
	if len(t.Word) >= minTypoLen && oneEdit(t.Word, w.Bare()) {
		return typoStrength
	}
	// A part of a hyphenated word: "page" in "three-page", "old" in
	// "43-year-old".
	if strings.Contains(w.Lower, "-") {
		for _, part := range strings.Split(w.Bare(), "-") {
			if part != "" && text.Base(part) == t.Stem {
				return hyphenStrength
			}
		}
	}
	return 0
}

func matchTerm(t *question.Term, s *doc.Sentence) Match {
	best := Match{Pos: -1}
	for j := range s.Words {
		if st := Strength(t, &s.Words[j]); st > best.Strength {
			best = Match{Strength: st, Pos: j}
			if st == 1 {
				break
			}
		}
	}
	return best
}

// oneEdit reports whether a and b are one insertion, deletion, change or
// swap of neighbouring letters apart.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}
