package brief

import (
	"sort"
	"strings"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// contrastWords mark words said against something: contrast and negation.
var contrastWords = wordSet(`but however although though yet not no never nor instead rather
wrong disagree disagrees disagreed reject rejects rejected deny denies denied oppose opposes
opposed against unlike despite`)

// maxDisagreements is how many prompts may come from speakers who
// disagree, so that open questions get a place too; maxPairedQuotes bounds
// the quotes compared in pairs (a news article has a few dozen at most), so
// that a very long text stays quick.
const (
	maxDisagreements = 2
	maxPairedQuotes  = 200
)

// prompts makes two or three questions for the team: first from speakers
// who disagree, then from the questions the article leaves open, then, if
// there are still too few, from its key points.
func prompts(a *corpus.Article, open []Item, keyPoints []int) []Item {
	var out []Item
	used := map[int]bool{}
	add := func(it Item) {
		out = append(out, it)
		for _, n := range it.Sentences {
			used[n] = true
		}
	}
	for _, d := range disagreements(a) {
		if len(out) == maxDisagreements {
			break
		}
		add(d)
	}
	for _, o := range open {
		if len(out) == maxPrompts {
			break
		}
		if s, ok := a.Sentence(o.Sentences[0]); ok && !used[s.Index] {
			add(openPrompt(s))
		}
	}
	for _, n := range keyPoints {
		if len(out) >= minPrompts {
			break
		}
		if s, ok := a.Sentence(n); ok && !used[n] {
			add(Item{Text: "What follows for us from this: " + closed(clip(trimEnd(s.Text), maxQuotedPrompt), "?"), Sentences: []int{n}})
		}
	}
	return out
}

// openPrompt asks the team about an open question: the indirect question
// the sentence holds ("how the coalition will operate"), or else the
// sentence itself.
func openPrompt(s corpus.Sentence) Item {
	if q := indirectQuestion(s.Text); q != "" {
		return Item{Text: closed("The article leaves open "+clip(q, maxQuotedPrompt), ".") + " What would we need to know to settle it?", Sentences: []int{s.Index}}
	}
	return Item{Text: closed("The article leaves this open: "+clip(trimEnd(s.Text), maxQuotedPrompt), ".") + " What would settle it, and what follows either way?", Sentences: []int{s.Index}}
}

// closed ends s with mark, unless it already ends with a stop or an
// ellipsis.
func closed(s, mark string) string {
	if strings.HasSuffix(s, "…") || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		if mark == "?" && strings.HasSuffix(s, "…") {
			return s + "?"
		}
		return s
	}
	return s + mark
}

// indirectQuestion returns the indirect question in a sentence, from its
// question word to the end of its clause: "whether the plan will pass".
func indirectQuestion(s string) string {
	toks := text.Tokenize(s)
	for i, t := range toks {
		if i == 0 || !t.Word || !(embeddedQuestion[t.Lower] || t.Lower == "whether") {
			continue
		}
		end := len(s)
		for _, u := range toks[i+1:] {
			if !u.Word && clauseBreak(u.Text) && !(u.Text == "," && numberComma(s, u.Start)) {
				end = u.Start
				break
			}
		}
		q := strings.TrimSpace(s[t.Start:end])
		if len(strings.Fields(q)) >= 3 {
			return q
		}
	}
	return ""
}

// disagreements finds pairs of quotes by different speakers on the same
// subject (a content word or a place in common) where one speaks against
// something, best-matched pairs first, one prompt a pair of speakers.
func disagreements(a *corpus.Article) []Item {
	qs := allQuotes(a)
	if len(qs) > maxPairedQuotes {
		qs = qs[:maxPairedQuotes]
	}
	type pair struct {
		i, j, shared int
	}
	// A place or name in common weighs nameWeight, another content word
	// of at least minTopicLetters letters 1 (shorter ones are mostly
	// general: way, time, feel, bit); a pair needs sameSubject to be on
	// the same subject.
	const nameWeight, minTopicLetters, sameSubject = 2, 5, 2
	var pairs []pair
	keys := make([]map[string]bool, len(qs))
	against := make([]bool, len(qs))
	for i, q := range qs {
		keys[i] = subjectKeys(a, q)
		against[i] = contrasts(q.words)
	}
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			if qs[i].speaker == qs[j].speaker || !(against[i] || against[j]) {
				continue
			}
			shared := 0
			for k := range keys[i] {
				if !keys[j][k] {
					continue
				}
				switch {
				case strings.HasPrefix(k, "@"):
					shared += nameWeight
				case len(k) >= minTopicLetters:
					shared++
				}
			}
			if shared >= sameSubject {
				pairs = append(pairs, pair{i, j, shared})
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool { return pairs[x].shared > pairs[y].shared })
	var out []Item
	seen := map[string]bool{}
	for _, p := range pairs {
		qa, qb := qs[p.i], qs[p.j]
		key := qa.speaker + "\x00" + qb.speaker
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, Item{
			Text:      closed(voice(qa)+"; "+voice(qb), ".") + " Do they disagree, and whose view does the rest of the article support?",
			Sentences: citeWith(qa.n, qb.n),
		})
	}
	return out
}

// voice is a speaker with their words: "X says “…”", "X remarked that …"
// or "X: …".
func voice(q quote) string {
	switch {
	case q.direct:
		return clip(q.speaker, maxLabelRunes) + " says “" + clip(q.words, maxQuotedPrompt) + "”"
	case q.verb:
		return clip(q.speaker, maxLabelRunes) + " " + clip(q.text, maxQuotedPrompt)
	}
	return clip(q.speaker, maxLabelRunes) + ": " + clip(q.text, maxQuotedPrompt)
}

// subjectKeys are the content stems of a quote's words, and, marked with
// "@", the places, people and bodies they name ("American" and "the
// United States" meet).
func subjectKeys(a *corpus.Article, q quote) map[string]bool {
	keys := contentStems(q.words)
	s, _ := a.Sentence(q.n)
	for _, f := range s.Facts {
		switch f.Kind {
		case facts.KindPlace, facts.KindPerson, facts.KindOrg:
			if f.Value != "" && strings.Contains(q.words, f.Text) {
				keys["@"+strings.ToLower(f.Value)] = true
			}
		}
	}
	return keys
}

// contrasts reports words said against something.
func contrasts(words string) bool {
	for _, t := range text.Tokenize(words) {
		if t.Word && (contrastWords[t.Lower] || strings.HasSuffix(t.Lower, "n't")) {
			return true
		}
	}
	return false
}
