package followup

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus/facts"
)

// FuzzResolve: whatever the previous question, answer and message,
// Resolve does not panic, returns the same for the same input, and
// returns either the message itself with no rule, or a question within
// the engine's bound that is UTF-8 when its input is.
func FuzzResolve(f *testing.F) {
	for _, c := range resolveCases {
		text := ""
		if c.prev.Answer != nil {
			text = c.prev.Answer.Text
		}
		f.Add(c.prev.Question, text, c.next)
	}
	f.Add("who said “it is over", "he", "and how many of them of them?")
	f.Add("how", "", "how many of")
	f.Add("In what", "They", "its its its")
	r := testResolver(f)
	f.Fuzz(func(t *testing.T, prevQ, ansText, next string) {
		kinds := []bot.Kind{bot.KindWhoIs, bot.KindHowMany, bot.KindWhich}
		a := &bot.Answer{Kind: kinds[len(prevQ)%len(kinds)], Text: ansText, Facts: []facts.Fact{
			{Kind: facts.KindPerson, Text: ansText, Value: ansText},
			{Kind: facts.KindQuantity, Text: ansText, Role: next},
		}}
		prev := Turn{Question: prevQ, Answer: a}
		got := r.Resolve(prev, next)
		if again := r.Resolve(prev, next); again.Question != got.Question || len(again.Rules) != len(got.Rules) {
			t.Fatalf("not deterministic: %q then %q", got.Question, again.Question)
		}
		if !got.Changed() {
			if got.Question != next {
				t.Fatalf("unchanged, but %q is not the message %q", got.Question, next)
			}
			return
		}
		if len(got.Question) > bot.MaxQuestionBytes || strings.TrimSpace(got.Question) == "" {
			t.Fatalf("resolved to %d bytes", len(got.Question))
		}
		if utf8.ValidString(prevQ) && utf8.ValidString(ansText) && utf8.ValidString(next) && !utf8.ValidString(got.Question) {
			t.Fatalf("resolved to invalid UTF-8 %q", got.Question)
		}
	})
}
