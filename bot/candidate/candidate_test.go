package candidate_test

import (
	"context"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot/candidate"
	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/bot/internal/newstest"
	"github.com/articlebot/articlebot/bot/retrieve"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/pos"
)

// candidatesOf returns the candidates of sentence n of an article.
func candidatesOf(t *testing.T, tg *pos.Tagger, text string, n int) []candidate.Candidate {
	t.Helper()
	a, err := corpus.Parse(context.Background(), "a", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	d, err := doc.Analyse(context.Background(), tg, a)
	if err != nil {
		t.Fatal(err)
	}
	h := &retrieve.Hit{Article: d, Sent: d.Sentence(n)}
	return candidate.FromSentence(h)
}

func TestFromSentence(t *testing.T) {
	tg := newstest.Tagger(t)
	tests := []struct {
		name, text string
		n          int
		want       map[string]candidate.Type // candidate text -> types it must have
		notWant    []string
	}{
		{"a count and what it counts", "T\n\nSome estimates suggest that a force of 10,000 to 30,000 troops could be set up.\n", 1,
			map[string]candidate.Type{"10,000 to 30,000 troops": candidate.Quantity, "10,000 to 30,000": candidate.Number, "force": candidate.Phrase},
			[]string{"a force", "Some estimates suggest"}},
		{"money and a percentage", "T\n\nShares fell 16% to £2.64, valuing the firm at $1.2bn.\n", 1,
			map[string]candidate.Type{"16%": candidate.Percent, "£2.64": candidate.Money, "$1.2bn": candidate.Money}, nil},
		{"a list of names", "T\n\nThree players -- Luis Lopez, Romell Quioto and Diego Rodriguez -- were substituted.\n", 1,
			map[string]candidate.Type{"Luis Lopez, Romell Quioto and Diego Rodriguez": candidate.List, "Luis Lopez": candidate.Name}, nil},
		{"an abbreviated date", "T\n\nHe will be sentenced on Feb. 14 in Buffalo.\n", 1,
			map[string]candidate.Type{"Feb. 14": candidate.Phrase}, nil},
		{"a title with its prepositional phrases", "T\n\nMark Milley, chairman of the Joint Chiefs of Staff, said the crash was an accident.\n", 1,
			map[string]candidate.Type{"chairman of the Joint Chiefs of Staff": candidate.Role}, nil},
		{"a purpose clause, with and without its cue", "T\n\nRussia is gearing up for a new attack to strengthen its position in negotiations.\n", 1,
			map[string]candidate.Type{"to strengthen its position in negotiations": candidate.Clause, "strengthen its position in negotiations": candidate.Clause}, nil},
		{"a speaker named before", "T\n\nBritain’s Defense Minister John Healey asked leaders to plan ahead. “We must be ready for when peace comes,” he said.\n", 2,
			map[string]candidate.Type{"John Healey": candidate.Speaker, "We must be ready for when peace comes": candidate.Quote}, nil},
		{"a speaker who is no name", "T\n\nThe US military said two service members were killed.\n", 1,
			map[string]candidate.Type{"US military": candidate.Speaker}, nil},
		{"a number inside a hyphenated word", "T\n\nHis three-page briefing note was released.\n", 1,
			map[string]candidate.Type{"three-page": candidate.Number}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cands := candidatesOf(t, tg, tt.text, tt.n)
			got := map[string]candidate.Type{}
			for _, c := range cands {
				got[c.Text] |= c.Type
				if c.Text == "" || c.Span.Start >= c.Span.End || c.Span.End-c.Span.Start > candidate.MaxSpan {
					t.Errorf("bad candidate %+v", c)
				}
				if !c.Elsewhere && !strings.Contains(c.Hit.Sent.Text, c.Text) {
					t.Errorf("%q is not in its sentence", c.Text)
				}
			}
			for text, typ := range tt.want {
				if got[text]&typ != typ {
					var all []string
					for k, v := range got {
						all = append(all, k+" ["+v.String()+"]")
					}
					t.Errorf("want %q [%s]; have %s", text, typ, strings.Join(all, "; "))
				}
			}
			for _, text := range tt.notWant {
				if _, ok := got[text]; ok {
					t.Errorf("%q should not be a candidate", text)
				}
			}
		})
	}
}

// TestLongSentence: candidates of a very long sentence grow linearly with
// it, not with its square.
func TestLongSentence(t *testing.T) {
	tg := newstest.Tagger(t)
	count := func(clauses int) int {
		var b strings.Builder
		b.WriteString("T\n\nThe ministry said that")
		for i := 0; i < clauses; i++ {
			b.WriteString(" 20 troops were sent by the council to the border and")
		}
		b.WriteString(" more came.\n")
		return len(candidatesOf(t, tg, b.String(), 1))
	}
	small, big := count(100), count(1000)
	if big > 12*small {
		t.Errorf("%d candidates for 100 clauses, %d for 1,000: not linear", small, big)
	}
}
