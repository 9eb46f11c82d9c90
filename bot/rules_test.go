package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus"
)

// ruleArticle is a short business report written for these tests, with the
// shapes the rules below are about.
const ruleArticle = `Toy maker sales slide

Shares in toy maker Brightway fell 12% on Tuesday after a weak Christmas.

It took $40m over the holiday, down from $52m a year earlier, the company said. Revenue dipped 8% to 310m euros ($365m) in 2004 as sales of board games were hit by the rise of video games.

Chief executive Mara Quinn said the firm would cut 200 jobs. "We have to face the market as it is," she said. The firm plans to buy back shares worth 50m euros ($59m).

Analyst Tom Reeve, of Harbour Securities, blamed poor marketing for the slide.

The firm also launched a subscription service called Playbox.

The firm's star designer is Mr Leo Park, who is Danish. An older rival collapsed in 1998 following a fraud.

The firm's first toy was made in the 19th Century. It was bought by a Boston museum in 2003. A show of old toys will open at Tate Britain from May.
`

func ruleEngine(t *testing.T) *bot.Engine {
	t.Helper()
	a, err := corpus.Parse(context.Background(), "toys", []byte(ruleArticle))
	if err != nil {
		t.Fatal(err)
	}
	return engineOn(t, corpus.New([]*corpus.Article{a}))
}

// TestAnswerRules pins rules that general news English needs, each named
// after the mistake it prevents.
func TestAnswerRules(t *testing.T) {
	e := ruleEngine(t)
	tests := []struct {
		name, q string
		want    string // "" means no answer
	}{
		{"pronoun subject takes the name before it", "how much did brightway take over the holiday", "$40m"},
		{"a change is the number after down or a change verb", "by how much did revenue dip", "8%"},
		{"fall to asks the new level", "what did revenue fall to", "310m euros"},
		{"a conversion in brackets is not the figure", "how much are the shares the firm plans to buy back worth", "50m euros"},
		{"a count of something else is no answer", "how many shops will close", ""},
		{"a count names what it counts", "how many jobs will be cut", "200 jobs"},
		{"a sum of money is not a percentage", "how much will the cuts cost", ""},
		{"an event the article never tells", "when was brightway founded", ""},
		{"a doer the article never names", "who designed the board games", ""},
		{"passive agent is the cause", "why were sales of board games hit", "the rise of video games"},
		{"blamed x for y", "what did the analyst blame for the slide", "poor marketing"},
		{"role before a name", "who is the chief executive", "Mara Quinn"},
		{"role of a named person", "who is tom reeve", "Analyst"},
		{"pronoun speaker", "who said the firm has to face the market as it is", "Mara Quinn"},
		{"what someone said about a topic they never spoke of", "what did mara quinn say about video games", ""},
		{"where a person works", "where does tom reeve work", "Harbour Securities"},
		{"a name defined by the words before 'called'", "what is playbox", "a subscription service"},
		{"X is <person>", "who is the firm's star designer", "Leo Park"},
		{"an attribute after 'who is'", "what nationality is leo park", "Danish"},
		{"a year after 'in' followed by a word", "when did the older rival collapse", "1998"},
		{"who is <person> is never someone else", "who is mara quinn's deputy", ""},
		{"a passive's agent", "who bought the firm's first toy", "a Boston museum"},
		{"a body named after a place", "where will the show of old toys open", "Tate Britain"},
		{"May after from is a month", "when will the show of old toys open", "May"},
		{"an ordinal century is no count", "how many toys were made", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := e.Ask(context.Background(), bot.Question{Text: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if !a.NoAnswer {
					t.Errorf("%q answered %q, want no answer", tt.q, a.Text)
				}
				return
			}
			if a.NoAnswer || !strings.Contains(a.Text, tt.want) {
				t.Errorf("%q answered %q (no_answer %v), want %q", tt.q, a.Text, a.NoAnswer, tt.want)
			}
		})
	}
}
