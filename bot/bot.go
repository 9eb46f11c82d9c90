// Package bot is articlebot's answering engine: it answers questions about
// the articles of a corpus with a short span of an article, the sentences
// that say it, and the facts behind it. It knows nothing of Discord or of the
// command line; both faces call it, so they can never disagree.
package bot

import (
	"errors"

	"github.com/articlebot/articlebot/corpus/facts"
)

// Kind is the kind of a question: what sort of answer it expects.
type Kind string

// The question kinds.
const (
	KindWhoSaid  Kind = "who_said"  // who said "…"? / who remarked that …?
	KindWhatSaid Kind = "what_said" // what did X say about …?
	KindWhoIs    Kind = "who_is"    // who is X? / who is the Finnish minister?
	KindWho      Kind = "who"       // who did …?
	KindHowMany  Kind = "how_many"  // how many / how much / what percentage
	KindWhen     Kind = "when"
	KindWhere    Kind = "where"
	KindWhich    Kind = "which"
	KindWhy      Kind = "why"
	KindWhat     Kind = "what"
	KindHow      Kind = "how" // how did they …? (the manner)
	KindYesNo    Kind = "yes_no"
	KindOther    Kind = "other"
)

// Question is what a user asks.
type Question struct {
	Text    string // the question as typed
	Article string // when set, only this article's ID is searched
	Kind    Kind   // when set, forces the question kind (Discord's /who-said, /how-many)
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
