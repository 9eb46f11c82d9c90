// Package followup reads a message in a conversation about an article as a
// question that stands alone. A follow-up leans on the question before it
// and on the engine's answer: "what did she say?" after "who is the Finnish
// Defense Minister?" (answered "Anni Hakkanen") asks "what did Anni Hakkanen
// say?"; "where?" after "when did the meeting take place?" asks "where did
// the meeting take place?"; "and how many of them?" after "who did Healey
// ask?" (answered "military leaders from about 30 countries") asks "how many
// military leaders did Healey ask?".
//
// The rules are closed-class English: third-person pronouns, wh-words,
// auxiliaries and part-of-speech tags. What a pronoun stands for comes from
// the previous answer's facts and kind (a person, a thing, a group, a count)
// or from the noun phrases of the previous question; nothing names an
// article's words. A message that leans on nothing is asked as typed.
package followup

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/lexicon"
	"github.com/articlebot/articlebot/corpus/pos"
)

// Turn is one exchange of a conversation: a question as asked (after
// resolution) and the engine's answer to it.
type Turn struct {
	Question string
	Answer   *bot.Answer // nil when there was none
}

// Rule names a way a message was completed.
type Rule string

// The rules, in the order Resolve tries them.
const (
	// RuleEllipsis: a bare wh-phrase ("where?", "and why?", "how many?")
	// takes the rest of the previous question.
	RuleEllipsis Rule = "ellipsis"
	// RuleOfThem: "how many of them" counts the previous answer's noun.
	RuleOfThem Rule = "of_them"
	// RulePronoun: a third-person pronoun is replaced by the person, thing
	// or group it stands for.
	RulePronoun Rule = "pronoun"
)

// Resolution is the question to ask for a message.
type Resolution struct {
	Question string // the message as a question that stands alone; the message itself when no rule applied
	Rules    []Rule // the rules applied, in order; none when the message stands alone
}

// Changed reports whether the message was completed.
func (r Resolution) Changed() bool { return len(r.Rules) > 0 }

// Resolver resolves follow-ups. It is safe for concurrent use.
type Resolver struct {
	tg *pos.Tagger
	lx *lexicon.Lexicon
}

// New returns a Resolver with its own part-of-speech tagger.
func New() (*Resolver, error) {
	tg, err := pos.New()
	if err != nil {
		return nil, fmt.Errorf("followup: %w", err)
	}
	return &Resolver{tg: tg, lx: lexicon.Default()}, nil
}

// maxReferentBytes bounds what stands in for a pronoun: a name or a noun
// phrase. A longer answer (a reason, a clause) is not what a pronoun
// refers to.
const maxReferentBytes = 120

// Resolve returns the question to ask for next, given the turn before it.
// Input that is empty, not UTF-8 or longer than bot.MaxQuestionBytes, and
// any result that would be longer, leaves next as it is.
func (r *Resolver) Resolve(prev Turn, next string) Resolution {
	res := Resolution{Question: next}
	if r == nil || !usable(prev.Question) || !usable(next) {
		return res
	}
	p := r.previous(prev)
	msg := r.analyse(next)
	var q string
	var rules []Rule
	if e, ok := elliptical(msg.words); ok {
		q, rules = p.complete(e, r.lx)
	} else {
		q, rules = p.replacePronouns(msg)
	}
	if len(rules) == 0 || len(q) > bot.MaxQuestionBytes || strings.TrimSpace(q) == "" {
		return res
	}
	return Resolution{Question: q, Rules: rules}
}

func usable(s string) bool {
	return strings.TrimSpace(s) != "" && len(s) <= bot.MaxQuestionBytes && utf8.ValidString(s)
}

// sentence is a message or question with its tagged tokens.
type sentence struct {
	text  string
	words []doc.Word
}

func (r *Resolver) analyse(s string) sentence {
	return sentence{text: s, words: doc.AnalyseSentence(r.tg, &corpus.Sentence{Text: s}).Words}
}

// span is the text of tokens [from, to).
func (s sentence) span(from, to int) string {
	if from >= to || from < 0 || to > len(s.words) {
		return ""
	}
	return s.text[s.words[from].Start:s.words[to-1].End]
}

// nextWord is the index of the first word token at or after i, or -1.
func nextWord(ws []doc.Word, i int) int {
	for ; i >= 0 && i < len(ws); i++ {
		if ws[i].Word {
			return i
		}
	}
	return -1
}

// lastWord is the index of the last word token, or -1.
func lastWord(ws []doc.Word) int {
	for i := len(ws) - 1; i >= 0; i-- {
		if ws[i].Word {
			return i
		}
	}
	return -1
}

// mentions reports whether s holds name as a run of whole words.
func mentions(s sentence, name string) bool {
	want := strings.Fields(strings.ToLower(name))
	if len(want) == 0 {
		return false
	}
	var have []string
	for _, w := range s.words {
		if w.Word {
			have = append(have, strings.TrimSuffix(w.Bare(), "."))
		}
	}
	for i := 0; i+len(want) <= len(have); i++ {
		match := true
		for j, x := range want {
			if have[i+j] != strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(x, "'s"), "’s"), ".") {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// possessive makes "Anni Hakkanen's", "the troops'".
func possessive(ref string) string {
	if strings.HasSuffix(ref, "s") {
		return ref + "'"
	}
	return ref + "'s"
}

// capitalise gives s a capital first letter.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
