package question_test

import (
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot/internal/newstest"
	"github.com/articlebot/articlebot/bot/question"
)

func TestParse(t *testing.T) {
	tg := newstest.Tagger(t)
	tests := []struct {
		q      string
		wh     question.Wh
		kind   question.Kind
		focus  string // head of the focus as written
		verb   string // stem of the main verb
		subj   bool   // the wh-phrase is the verb's subject
		speech bool
	}{
		{"How many troops could the force have?", question.HowMany, question.KindHowMany, "troops", "have", false, false},
		{"who said \"we must be ready for when peace comes\"?", question.Who, question.KindWhoSaid, "", "say", true, true},
		{"Who is the Finnish Defense Minister?", question.Who, question.KindWhoIs, "", "", true, false},
		{"When will over 50 countries meet again?", question.When, question.KindWhen, "", "meet", false, false},
		{"What did Healey stress?", question.What, question.KindWhatSaid, "", "stress", false, true},
		{"Which university did she attend?", question.Which, question.KindWhich, "university", "attend", false, false},
		{"In what year did the earthquake in Sichuan occur?", question.What, question.KindWhen, "year", "occur", false, false},
		{"What fault tore in two places?", question.What, question.KindWhat, "fault", "tear", true, false},
		{"how much did the whole project cost", question.HowMuch, question.KindHowMany, "", "cost", false, false},
		{"Who scored the goals for the US?", question.Who, question.KindWho, "", "score", true, false},
		{"According to whom did investigators find heroin?", question.Who, question.KindWhoSaid, "", "find", false, true},
		{"Does the United States participate in the meetings?", question.YesNo, question.KindYesNo, "", "particip", false, false},
		{"Why is Russia gearing up for a new attack?", question.Why, question.KindWhy, "", "gear", true, false},
		{"How old is George Wein?", question.HowOld, question.KindHowMany, "", "", true, false},
		{"what is the purpose of the meeting", question.What, question.KindWhy, "purpose", "", true, false},
		{"whats the name of the officer who kicked the door in", question.What, question.KindWhat, "officer", "kick", true, false},
		{"what percentage of voters backed the plan", question.What, question.KindHowMany, "percentage", "back", true, false},
		{"tell me about the article", question.Other, question.KindOther, "", "tell", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			q := question.Parse(tg, tt.q)
			if q.Wh != tt.wh || q.Kind != tt.kind {
				t.Errorf("wh %s kind %s, want %s %s", q.Wh, q.Kind, tt.wh, tt.kind)
			}
			if q.FocusWord != tt.focus {
				t.Errorf("focus %q, want %q", q.FocusWord, tt.focus)
			}
			if q.Verb != tt.verb {
				t.Errorf("verb %q, want %q", q.Verb, tt.verb)
			}
			if q.Subject != tt.subj || q.Speech != tt.speech {
				t.Errorf("subject %v speech %v, want %v %v", q.Subject, q.Speech, tt.subj, tt.speech)
			}
		})
	}
}

// TestTerms: a question's content words, each once, with names and the
// focus marked, and none of its form words ("who", "did", "how many").
func TestTerms(t *testing.T) {
	tg := newstest.Tagger(t)
	q := question.Parse(tg, "How many troops did Britain's Defense Minister John Healey say could be sent?")
	var words []string
	for _, tm := range q.Terms {
		words = append(words, tm.Word)
		switch tm.Word {
		case "john", "healey", "britain":
			if !tm.Name {
				t.Errorf("%q is a name", tm.Word)
			}
		case "troops":
			if !tm.Focus {
				t.Errorf("%q is the focus", tm.Word)
			}
		}
	}
	got := strings.Join(words, " ")
	for _, form := range []string{"how", "many", "did", "could"} {
		for _, w := range words {
			if w == form {
				t.Errorf("terms %q hold the form word %q", got, form)
			}
		}
	}
	if !strings.Contains(got, "troops") || !strings.Contains(got, "sent") {
		t.Errorf("terms %q", got)
	}
}

// TestRelated: a term carries the stems of its related words (WordNet's
// synonyms and derived forms, a country's other names), weaker than itself.
func TestRelated(t *testing.T) {
	tg := newstest.Tagger(t)
	q := question.Parse(tg, "Which Dutch film did the leader buy?")
	for _, tm := range q.Terms {
		if tm.Holds(tm.Stem) != 1 {
			t.Errorf("%q does not hold itself", tm.Word)
		}
		for st, w := range tm.Related {
			if w <= 0 || w >= 1 {
				t.Errorf("%q -> %q weighs %v", tm.Word, st, w)
			}
		}
	}
	related := func(word, stem string) bool {
		for _, tm := range q.Terms {
			if tm.Word == word {
				return tm.Holds(stem) > 0
			}
		}
		return false
	}
	for _, c := range [][2]string{{"film", "movi"}, {"dutch", "netherland"}, {"buy", "purchas"}} {
		if !related(c[0], c[1]) {
			t.Errorf("%q should hold %q", c[0], c[1])
		}
	}
}

// FuzzParse: no question, however odd, panics the parser, and every term
// is a word of the question.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"how many troops", "who said \"x\"", "what is the purpose of", "+a -b /.*/", "\u200b", "which country's minister is", "by how much did it fall to", "did", "what what what", "’s"} {
		f.Add(s)
	}
	tg := newstest.Tagger(f)
	f.Fuzz(func(t *testing.T, s string) {
		q := question.Parse(tg, s)
		lower := strings.ToLower(s)
		for _, tm := range q.Terms {
			if tm.Word == "" || tm.Stem == "" {
				t.Fatalf("%q: empty term %+v", s, tm)
			}
			if !strings.Contains(strings.ReplaceAll(lower, "’", "'"), strings.TrimSuffix(tm.Word, ".")) && !strings.Contains(lower, "n't") {
				t.Fatalf("%q: term %q is not in the question", s, tm.Word)
			}
		}
	})
}
