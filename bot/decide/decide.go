// Package decide is the last stage of answering: given the ranked
// candidates, it decides whether the best of them answers the question or
// the article doesn't say. The decision is a logistic model over a few
// features of the question and of its best candidate, learned (with the
// threshold folded into its bias) on the training sets, where the
// unanswerable questions teach it when to say nothing.
package decide

import (
	"fmt"
	"math"

	"github.com/articlebot/articlebot/bot/candidate"
	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/bot/question"
	"github.com/articlebot/articlebot/bot/rank"
	"github.com/articlebot/articlebot/bot/retrieve"
	"github.com/articlebot/articlebot/corpus/pos"
)

// Feature is one named input of the decision.
type Feature struct {
	Name string
	Val  float64
}

// Features describes the question's best candidate for the decision.
// scored is ranked best first.
func Features(q *question.Question, hits []retrieve.Hit, scored []rank.Scored) []Feature {
	fs := []Feature{{"bias", 1}, {"wh=" + q.Wh.String(), 1}}
	if len(scored) == 0 {
		return append(fs, Feature{"no-candidate", 1})
	}
	top := scored[0]
	fs = append(fs,
		Feature{"top-prob", top.Prob},
		Feature{"top-score", math.Tanh(top.Score / 10)},
		Feature{"wh=" + q.Wh.String() + " top-prob", top.Prob},
		Feature{"top-type-fit", math.Tanh(top.TypeFit / 3)},
		Feature{"best-type-fit", math.Tanh(bestTypeFit(scored) / 3)},
		Feature{"wh=" + q.Wh.String() + " top-type-fit", math.Tanh(top.TypeFit / 3)},
	)
	if len(scored) > 1 {
		fs = append(fs, Feature{"margin", math.Tanh((top.Score - scored[1].Score) / 5)})
	}
	h := top.Hit
	arts := topArticles(hits)
	if len(arts) == 0 {
		arts = articles{h.Article}
	}
	fs = append(fs,
		Feature{"top-coverage", h.Coverage},
		Feature{"top-prev-coverage", h.PrevCoverage},
		Feature{"wh=" + q.Wh.String() + " top-coverage", h.Coverage},
	)
	best := 0.0
	for _, x := range hits {
		best = math.Max(best, x.Coverage)
	}
	fs = append(fs, Feature{"best-coverage", best})
	// The question's words the article never uses: a question about
	// something absent ("how many tanks", "what did Macron say").
	var absent, absentNames, total, names float64
	for i, t := range q.Terms {
		w := h.Weights[i]
		total += w
		if t.Name {
			names++
		}
		if arts.df(t.Stem) == 0 && h.Matches[i].Strength == 0 {
			absent += w
			if t.Name {
				absentNames++
			}
		}
	}
	if total > 0 {
		fs = append(fs, Feature{"absent-share", absent / total})
	}
	if absentNames > 0 {
		fs = append(fs, Feature{"absent-name", 1}, Feature{"absent-name-share", absentNames / names})
	}
	// The question's focus and main verb: in the article at all, and in
	// the answer's sentence.
	var focusAbsent, focusMissing, verbMissing bool
	for i, t := range q.Terms {
		if t.Focus {
			if arts.df(t.Stem) == 0 {
				focusAbsent = true
			}
			if h.Matches[i].Strength == 0 {
				focusMissing = true
			}
		}
		if t.Verb && h.Matches[i].Strength == 0 {
			verbMissing = true
		}
	}
	if focusAbsent {
		fs = append(fs, Feature{"focus-absent", 1})
	}
	if focusMissing {
		fs = append(fs, Feature{"focus-not-in-sentence", 1})
	}
	if verbMissing {
		fs = append(fs, Feature{"verb-not-in-sentence", 1})
	}
	// What the best candidate is, for this kind of question: a "when"
	// question whose best candidate is no time is likely wrong.
	for i := 0; i < candidate.NumTypes; i++ {
		if top.Type&(1<<i) != 0 {
			fs = append(fs, Feature{"kind=" + string(q.Kind) + " top=" + candidate.TypeName(i), 1})
		}
	}
	fs = append(fs, Feature{"terms", math.Min(float64(len(q.Terms)), 8) / 8})
	// How spread the ranking's belief is: a question with an answer
	// usually has one candidate far ahead.
	var ent float64
	for _, s := range scored {
		if s.Prob > 0 {
			ent -= s.Prob * math.Log(s.Prob)
		}
	}
	fs = append(fs, Feature{"entropy", math.Tanh(ent / 3)})
	// The share of the question's weight the best sentence holds outside
	// the answer itself: an answer that repeats the question's words
	// (the question's own subject) holds no news.
	var outside, tot float64
	for i, m := range h.Matches {
		tot += h.Weights[i]
		if m.Pos >= 0 && (m.Pos < top.Span.Start || m.Pos >= top.Span.End || top.Elsewhere) {
			outside += h.Weights[i] * m.Strength
		}
	}
	if tot > 0 {
		fs = append(fs, Feature{"coverage-outside-answer", outside / tot}, Feature{"wh=" + q.Wh.String() + " coverage-outside-answer", outside / tot})
	}
	// Unweighted: how many of the question's words the article never
	// uses, by kind of question.
	missing := 0
	for i, t := range q.Terms {
		if arts.df(t.Stem) == 0 && h.Matches[i].Strength == 0 {
			missing++
		}
	}
	wh := "wh=" + q.Wh.String()
	fs = append(fs, Feature{fmt.Sprintf("absent-words=%d", min(missing, 3)), 1}, Feature{fmt.Sprintf("%s absent-words=%d", wh, min(missing, 3)), 1})
	if focusAbsent {
		fs = append(fs, Feature{wh + " focus-absent", 1})
	}
	if verbMissing {
		fs = append(fs, Feature{wh + " verb-not-in-sentence", 1})
	}
	// How much of the question the best sentence leaves out, unweighted.
	unmatched := 0
	for _, m := range h.Matches {
		if m.Strength == 0 {
			unmatched++
		}
	}
	fs = append(fs, Feature{fmt.Sprintf("unmatched-words=%d", min(unmatched, 4)), 1})
	// Which kind of word is absent: a name or its adjective ("the Polish
	// minister"), a noun, a verb.
	for i, t := range q.Terms {
		if arts.df(t.Stem) != 0 || h.Matches[i].Strength != 0 || arts.anyRelated(t) {
			continue
		}
		fs = append(fs, Feature{"absent " + wordClass(t), 1}, Feature{wh + " absent " + wordClass(t), 1})
	}
	return fs
}

// bestTypeFit is the best TypeFit of any candidate: a question whose
// sentences hold nothing of the type it asks for ("how many", and no
// count of its noun anywhere) likely has no answer there.
func bestTypeFit(scored []rank.Scored) float64 {
	best := math.Inf(-1)
	for _, s := range scored {
		best = math.Max(best, s.TypeFit)
	}
	return best
}

// articles are the articles of the best hits: a word is absent when none
// of them uses it, so that with several articles one article's silence
// does not hide another's answer.
type articles []*doc.Article

// absentFrom is how many of the best hits give the articles a question's
// words are looked for in.
const absentFrom = 5

func topArticles(hits []retrieve.Hit) articles {
	var out articles
	for i, h := range hits {
		if i == absentFrom {
			break
		}
		seen := false
		for _, a := range out {
			if a == h.Article {
				seen = true
			}
		}
		if !seen {
			out = append(out, h.Article)
		}
	}
	return out
}

// df is how many of the articles' sentences hold the stem.
func (as articles) df(stem string) int {
	n := 0
	for _, a := range as {
		n += a.DF(stem)
	}
	return n
}

// anyRelated reports whether the articles use a word related to t.
func (as articles) anyRelated(t question.Term) bool {
	for st := range t.Related {
		if as.df(st) > 0 {
			return true
		}
	}
	return false
}

// wordClass names the kind of word a term is, for the decision.
func wordClass(t question.Term) string {
	switch {
	case t.Tag.Proper() || t.Name && t.Tag.Adj():
		return "name"
	case t.Tag.Adj():
		return "adjective"
	case t.Tag.Verb() || t.Verb:
		return "verb"
	case t.Tag == pos.CD:
		return "number"
	}
	return "noun"
}

// Model is the decision's weights, by name: two logistic models over the
// same features, one of whether the question has an answer in the article
// at all ("none " + feature: the probability it has none), one of whether
// the best candidate is right when it has ("right " + feature), and a
// threshold ("threshold") on the log-odds of answering rightly against
// there being nothing to answer.
type Model map[string]float64

const (
	nonePrefix  = "none "
	rightPrefix = "right "
	// ThresholdName is the weight that holds the threshold.
	ThresholdName = "threshold"
)

// NoneName and RightName are the names of a feature's weights in the two models.
func NoneName(f string) string  { return nonePrefix + f }
func RightName(f string) string { return rightPrefix + f }

func (m Model) prob(prefix string, fs []Feature) float64 {
	var z float64
	for _, f := range fs {
		z += m[prefix+f.Name] * f.Val
	}
	return 1 / (1 + math.Exp(-z))
}

// ProbNone is the probability that the article holds no answer.
func (m Model) ProbNone(fs []Feature) float64 { return m.prob(nonePrefix, fs) }

// ProbRight is the probability that the best candidate is right, if the
// article holds an answer.
func (m Model) ProbRight(fs []Feature) float64 { return m.prob(rightPrefix, fs) }

// Margin is the log-odds of answering rightly against there being nothing
// to answer: answering gains when the best candidate is right, abstaining
// when there is no answer.
func Margin(pNone, pRight float64) float64 {
	const eps = 1e-9
	return math.Log((1-pNone)*pRight+eps) - math.Log(pNone+eps)
}

// Answer reports whether the best candidate answers, and its probability
// of being right if the article has an answer.
func (m Model) Answer(fs []Feature) (bool, float64) {
	pn, pr := m.ProbNone(fs), m.ProbRight(fs)
	return Margin(pn, pr) >= m[ThresholdName], pr
}
