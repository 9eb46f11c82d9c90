// Package bot is articlebot's answering engine: it answers questions about
// the articles of a corpus with a short span of an article, the sentences
// that say it, and the facts behind it. It knows nothing of Discord or of the
// command line; both faces call it, so they can never disagree.
package bot

import (
	"errors"

	"github.com/articlebot/articlebot/bot/question"
	"github.com/articlebot/articlebot/corpus/facts"
)

// Kind is the kind of a question: what sort of answer it expects.
type Kind = question.Kind

// The question kinds.
const (
	KindWhoSaid  = question.KindWhoSaid  // who said "…"? / who remarked that …?
	KindWhatSaid = question.KindWhatSaid // what did X say about …?
	KindWhoIs    = question.KindWhoIs    // who is X? / who is the Finnish minister?
	KindWho      = question.KindWho      // who did …?
	KindHowMany  = question.KindHowMany  // how many / how much / what percentage
	KindWhen     = question.KindWhen
	KindWhere    = question.KindWhere
	KindWhich    = question.KindWhich
	KindWhy      = question.KindWhy
	KindWhat     = question.KindWhat
	KindHow      = question.KindHow // how did they …? (the manner)
	KindYesNo    = question.KindYesNo
	KindOther    = question.KindOther
)

// Question is what a user asks.
type Question struct {
	Text    string // the question as typed
	Article string // when set, only this article's ID is searched
	Kind    Kind   // when set, reported as the question's kind (Discord's /who-said, /how-many)
	Explain bool   // fill Answer.Explain
}

// Citation is one sentence of an article, as shown to a user.
type Citation struct {
	Article string `json:"article"` // article ID
	Title   string `json:"title"`   // article title
	Index   int    `json:"index"`   // 1-based sentence number in the article
	Text    string `json:"text"`
}

// Answer is the engine's reply to a Question.
type Answer struct {
	Question   string       `json:"question"`
	Kind       Kind         `json:"kind"`
	Text       string       `json:"answer"`     // the short answer; "" when the article doesn't say
	NoAnswer   bool         `json:"no_answer"`  // true when the article doesn't say
	Confidence float64      `json:"confidence"` // 0..1
	Sentences  []Citation   `json:"sentences"`  // supporting sentences, best first; when NoAnswer, the closest ones
	Facts      []facts.Fact `json:"facts"`      // the facts the answer rests on
	// Explain lists the candidates considered, best first, with their
	// features and scores, when the question asked for it.
	Explain *Explanation `json:"explain,omitempty"`
}

// Explanation is why an answer won: the candidates the ranking model
// scored, and the decision's inputs.
type Explanation struct {
	Candidates []ExplainedCandidate `json:"candidates"`
	// Decision lists the decision's features, with their weights in its
	// two models: that the article has no answer, and that the best
	// candidate is right.
	Decision []ExplainedDecision `json:"decision"`
	// NoneProb is the decision's probability that the article has no answer.
	NoneProb float64 `json:"none_prob"`
	// AnswerProb is its probability that the best candidate is right.
	AnswerProb float64 `json:"answer_prob"`
}

// ExplainedDecision is a feature of the answer decision.
type ExplainedDecision struct {
	Name        string  `json:"name"`
	Value       float64 `json:"value"`
	NoneWeight  float64 `json:"none_weight"`
	RightWeight float64 `json:"right_weight"`
}

// ExplainedCandidate is one candidate with its score and features.
type ExplainedCandidate struct {
	Text     string             `json:"text"`
	Type     string             `json:"type"`
	Sentence Citation           `json:"sentence"`
	Score    float64            `json:"score"`
	Prob     float64            `json:"prob"`
	Features []ExplainedFeature `json:"features"`
}

// ExplainedFeature is a feature's name, value and weight.
type ExplainedFeature struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Weight float64 `json:"weight"`
}

// Match is one search result: a sentence and where the query's words matched.
type Match struct {
	Citation
	Spans [][2]int `json:"spans"` // byte ranges of Text that matched, in order, not overlapping
	Score float64  `json:"score"`
}

// ArticleInfo describes an article of the corpus.
type ArticleInfo struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Sentences int    `json:"sentences"`
	Source    string `json:"source"`
}

// UserError is an error whose message is safe and useful to show the user:
// bad input, an unknown article. Other errors are internal.
type UserError struct {
	Msg string
}

func (e *UserError) Error() string { return e.Msg }

// IsUserError reports whether err is (or wraps) a *UserError.
func IsUserError(err error) bool {
	var u *UserError
	return errors.As(err, &u)
}

// MaxQuestionBytes is the longest question the engine reads; longer input is
// refused with a UserError rather than cut silently.
const MaxQuestionBytes = 2000
