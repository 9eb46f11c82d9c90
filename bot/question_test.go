package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		q    string
		want Kind
	}{
		{"Who said 'We must be ready for when peace comes'?", KindWhoSaid},
		{"who reckons wales is behind", KindWhoSaid},
		{"which analyst says investors will care", KindWhoSaid},
		{"according to whom does the price look good", KindWhoSaid},
		{"Which nations emphasized that U.S. support is key?", KindWhich},
		{"What did the mayor say about the budget?", KindWhatSaid},
		{"Who is Britain's Defense Minister?", KindWhoIs},
		{"who's the welsh health minster", KindWhoIs},
		{"Who will lead the Friday meeting?", KindWho},
		{"How many troops could the force have?", KindHowMany},
		{"by how much is maternity pay going up", KindHowMany},
		{"what percentage of earnings do mothers get", KindHowMany},
		{"what was the share price at noon", KindHowMany},
		{"in how many years will it be the top festival", KindHowMany},
		{"When did Healey ask military leaders?", KindWhen},
		{"what time does the centre shut", KindWhen},
		{"by what year will leave reach nine months", KindWhen},
		{"Where did the meeting take place?", KindWhere},
		{"Which countries need approval?", KindWhich},
		{"Why is Russia gearing up for a new attack?", KindWhy},
		{"according to the tories, why is blair recycling the plans", KindWhy},
		{"What could be used to monitor a ceasefire?", KindWhat},
		{"Does the United States participate?", KindYesNo},
		{"tell me about the article", KindOther},
		{"How could the nations monitor a ceasefire?", KindHow},
		{"What is the purpose of the Friday meeting?", KindWhy},
		{"who is expected to make a large order", KindWho},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := parseQuestion(tt.q, "").kind; got != tt.want {
				t.Errorf("kind %s, want %s", got, tt.want)
			}
		})
	}
}

func TestFocus(t *testing.T) {
	tests := []struct {
		q       string
		focus   string
		percent bool
		money   bool
	}{
		{"How many military planners are working?", "militari planner", false, false},
		{"how much cash is being spent", "", false, true},
		{"what percentage of each ticket goes to the fund", "", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			p := parseQuestion(tt.q, "")
			if got := strings.Join(p.focus, " "); got != tt.focus || p.wantPercent != tt.percent || p.wantMoney != tt.money {
				t.Errorf("focus %q percent %v money %v", got, p.wantPercent, p.wantMoney)
			}
		})
	}
}

func FuzzParseQuestion(f *testing.F) {
	for _, s := range []string{"who said \"x\"?", "how many", "+foo -bar title:x /.*/", "\u200b\u202e", "according to, why", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := parseQuestion(s, "")
		if p.kind == "" {
			t.Fatal("no kind")
		}
		for _, tm := range p.terms {
			if tm.stem == "" || !utf8.ValidString(tm.word) && utf8.ValidString(s) {
				t.Fatalf("bad term %+v", tm)
			}
		}
	})
}
