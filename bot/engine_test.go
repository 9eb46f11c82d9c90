package bot_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/eval"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/index"
)

var _ bot.Searcher = (*index.Index)(nil)

func defaultEngine(t testing.TB) *bot.Engine {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	return engineOn(t, c)
}

func TestAsk(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct {
		name, q  string
		kind     bot.Kind
		answers  []string // right answers by the shared scorer's rule; none means the article doesn't say
		sentence int      // the sentence cited first
	}{
		{"how many", "How many troops could the force have?", bot.KindHowMany, []string{"10,000 to 30,000 troops", "10,000 to 30,000"}, 13},
		{"who said with quotes", `who said "we must be ready for when peace comes"?`, bot.KindWhoSaid, []string{"John Healey"}, 6},
		{"who is role", "Who is the Finnish Defense Minister?", bot.KindWhoIs, []string{"Anni Hakkanen"}, 9},
		{"when", "When will over 50 countries meet again?", bot.KindWhen, []string{"Friday"}, 19},
		{"absent thing", "How many tanks will Germany send?", bot.KindHowMany, nil, 0},
		{"absent person", "What did Emmanuel Macron say about the mission?", bot.KindWhatSaid, nil, 0},
		{"where", "where did the meeting take place?", bot.KindWhere, []string{"Brussels"}, 3},
		{"why", "why is russia gearing up for a new attack?", bot.KindWhy, []string{"to strengthen its position in negotiations"}, 7},
		{"bleve syntax is words", `+troops -force title:x /.*/ "how many troops`, bot.KindOther, []string{"10,000 to 30,000"}, 0},
		{"mentions are words", "@everyone how many troops could the force have?", bot.KindHowMany, []string{"10,000 to 30,000"}, 13},
		{"zero-width and rtl marks", "How\u200b many troops\u202e could the force have?", bot.KindHowMany, []string{"10,000 to 30,000"}, 13},
		{"fullwidth and markdown", "**How many troops** could the _force_ have?", bot.KindHowMany, []string{"10,000 to 30,000"}, 13},
		{"subject of a predicate", "What is key for success according to experts?", bot.KindWhat, []string{"U.S. support"}, 8},
		{"what someone stressed", "What did Healey stress?", bot.KindWhatSaid, []string{"the importance of putting pressure on Russian President Vladimir Putin to end the war"}, 4},
		{"purpose", "What is the purpose of the Friday meeting?", bot.KindWhy, []string{"to gather military support for Ukraine", "gather military support for Ukraine"}, 19},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := e.Ask(context.Background(), bot.Question{Text: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			if tt.kind != bot.KindOther && a.Kind != tt.kind {
				t.Errorf("kind %s, want %s", a.Kind, tt.kind)
			}
			if tt.answers == nil {
				if !a.NoAnswer || a.Text != "" {
					t.Errorf("answered %q, want no answer", a.Text)
				}
				return
			}
			if a.NoAnswer || !eval.Matches(tt.answers, a.Text) {
				t.Fatalf("answer %q (no_answer %v), want %q", a.Text, a.NoAnswer, tt.answers)
			}
			if tt.sentence > 0 && (len(a.Sentences) == 0 || a.Sentences[0].Index != tt.sentence) {
				t.Errorf("sentences %+v, want %d first", a.Sentences, tt.sentence)
			}
			if !strings.Contains(a.Sentences[0].Text, a.Text) && a.Kind != bot.KindWhoSaid {
				t.Errorf("answer %q is not in its sentence %q", a.Text, a.Sentences[0].Text)
			}
			if a.Confidence <= 0 || a.Confidence > 1 {
				t.Errorf("confidence %v", a.Confidence)
			}
		})
	}
}

func TestAskBadInput(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct{ name, q, article string }{
		{"empty", "", ""},
		{"spaces", " \t\n ", ""},
		{"punctuation only", "?!…", ""},
		{"invisible only", "\u200b\u200d\u202e", ""},
		{"huge", strings.Repeat("troops ", 20000), ""},
		{"unknown article", "how many troops", "no-such-article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.Ask(context.Background(), bot.Question{Text: tt.q, Article: tt.article})
			var ue *bot.UserError
			if !errors.As(err, &ue) || ue.Msg == "" {
				t.Fatalf("err = %v, want a UserError", err)
			}
		})
	}
	t.Run("binary", func(t *testing.T) {
		if _, err := e.Ask(context.Background(), bot.Question{Text: "\x00\xff\xfe how many troops"}); err != nil && !bot.IsUserError(err) {
			t.Fatal(err)
		}
	})
}

func TestForcedKind(t *testing.T) {
	e := defaultEngine(t)
	a, err := e.Ask(context.Background(), bot.Question{Text: "the United States is essential for lasting security", Kind: bot.KindWhoSaid})
	if err != nil || !eval.Matches([]string{"Anni Hakkanen"}, a.Text) {
		t.Fatalf("%+v %v", a, err)
	}
}

func TestSearchMoreContextFacts(t *testing.T) {
	e := defaultEngine(t)
	ctx := context.Background()
	ms, err := e.Search(ctx, "troops Ukraine", "", 3)
	if err != nil || len(ms) == 0 {
		t.Fatalf("search: %v %v", ms, err)
	}
	for _, m := range ms {
		for _, sp := range m.Spans {
			w := strings.ToLower(m.Text[sp[0]:sp[1]])
			if !strings.HasPrefix(w, "troop") && !strings.HasPrefix(w, "ukrain") && !strings.HasPrefix(w, "forc") {
				t.Errorf("span %q of %q", w, m.Text)
			}
		}
	}
	more, err := e.More(ctx, bot.Question{Text: "How many troops could the force have?"}, 1, 2)
	if err != nil || len(more) != 2 {
		t.Fatalf("more: %v %v", more, err)
	}
	para, err := e.Context(ctx, "article", 13)
	if err != nil || len(para) != 3 || para[2].Index != 13 {
		t.Fatalf("context: %+v %v", para, err)
	}
	if _, err := e.Context(ctx, "article", 999); !bot.IsUserError(err) {
		t.Fatalf("context past the end: %v", err)
	}
	qs, err := e.Facts(ctx, "", facts.KindQuote)
	if err != nil || len(qs) == 0 {
		t.Fatalf("facts: %v %v", qs, err)
	}
	for _, f := range qs {
		if f.Kind != facts.KindQuote || f.Speaker == "" {
			t.Errorf("fact %+v", f)
		}
	}
	if got := e.Articles(); len(got) != 1 || got[0].ID != "article" {
		t.Fatalf("articles %+v", got)
	}
}

// FuzzAsk: no question, however odd, panics the engine, and every answer
// comes with the sentence it was taken from.
func FuzzAsk(f *testing.F) {
	for _, s := range []string{"how many troops", "who said \"x\"", "what is the purpose of", "+a -b /.*/", "\u200b", "which country's minister is", "by how much did it fall to"} {
		f.Add(s)
	}
	e := defaultEngine(f)
	f.Fuzz(func(t *testing.T, q string) {
		a, err := e.Ask(context.Background(), bot.Question{Text: q})
		if err != nil {
			if !bot.IsUserError(err) {
				t.Fatalf("%q: internal error %v", q, err)
			}
			return
		}
		if !a.NoAnswer && (a.Text == "" || len(a.Sentences) == 0) {
			t.Fatalf("%q: answer %q without a sentence", q, a.Text)
		}
	})
}
