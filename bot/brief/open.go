package brief

import (
	"sort"
	"strings"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/text"
)

// Cues of a sentence that states what is unknown, undecided or disputed,
// with their weights. Closed-class and general English.
var (
	// uncertainWords say it outright.
	uncertainWords = wordSet(`unclear uncertain uncertainty unknown undecided unresolved unanswered
	unconfirmed unexplained unsure undetermined whether question questions doubt doubts doubtful
	dispute disputes disputed contested contentious controversial controversy deny denies denied
	denying debate debated speculation speculate`)
	uncertainPhrases = []string{"not clear", "not known", "not yet", "yet to", "remains to be seen",
		"remain to be seen", "no decision", "not decided", "not been decided", "declined to say",
		"would not say", "did not say", "refused to say", "no one knows", "nobody knows", "not certain"}
	// embeddedQuestion words open an indirect question mid-sentence:
	// "how the coalition will operate", "what the mission would look like".
	embeddedQuestion = wordSet("how what why")
	// hedges make a claim tentative; alone they do not make it open.
	hedges = wordSet(`may might could would possibly possible perhaps potentially likely unlikely if
	suggest suggests suggested estimate estimates probably reportedly allegedly alleged`)
)

// The weights of the cues, and the score a sentence needs: an outright
// cue alone, or an indirect question with a hedge; hedges alone (capped at
// maxHedge) never reach it.
const (
	uncertainWeight = 3
	embeddedWeight  = 2
	hedgeWeight     = 1
	maxHedge        = 2
	openThreshold   = 3
)

// openScore weighs a sentence's cues of an open question.
func openScore(s string) int {
	toks := text.Tokenize(s)
	score, hedge := 0, 0
	first := true
	for _, t := range toks {
		if !t.Word {
			continue
		}
		w := t.Lower
		switch {
		case uncertainWords[w]:
			score += uncertainWeight
		case embeddedQuestion[w] && !first:
			score += embeddedWeight
		case hedges[w] && !(t.IsCap() && !first): // not the month "May"
			hedge++
		}
		first = false
	}
	lower := text.Lower(s)
	for _, p := range uncertainPhrases {
		if strings.Contains(lower, p) {
			score += uncertainWeight
		}
	}
	return score + hedgeWeight*min(hedge, maxHedge)
}

// openQuestions lists the sentences that say most plainly what is unknown,
// undecided or disputed, in article order.
func openQuestions(a *corpus.Article) []Item {
	type scored struct {
		n, score int
	}
	var found []scored
	for _, s := range a.Sentences {
		if sc := openScore(s.Text); sc >= openThreshold {
			found = append(found, scored{s.Index, sc})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].score > found[j].score })
	if len(found) > maxOpen {
		found = found[:maxOpen]
	}
	sort.Slice(found, func(i, j int) bool { return found[i].n < found[j].n })
	out := make([]Item, 0, len(found))
	for _, f := range found {
		s, _ := a.Sentence(f.n)
		out = append(out, Item{Text: clip(s.Text, maxSentenceRunes), Sentences: []int{f.n}})
	}
	return out
}
