package discord

import (
	"context"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/bwmarrin/discordgo"
)

// TestRenderAtTheLimits renders answers and questions far past Discord's
// limits and with hostile Markdown, and checks every message fits and
// shows no live mention.
func TestRenderAtTheLimits(t *testing.T) {
	long := strings.Repeat("troops ", 715)[:5000] // a 5,000-character answer
	huge := strings.Repeat("How many troops could the force have? ", 2700)
	var manyFacts []facts.Fact
	for i := range 200 {
		manyFacts = append(manyFacts, facts.Fact{Kind: facts.KindQuantity, Text: strings.Repeat("9", 40), Role: "troops", Sentence: i + 1})
	}
	var manyCites []bot.Citation
	for i := range 40 {
		manyCites = append(manyCites, bot.Citation{Article: "a", Title: strings.Repeat("T", 300), Index: i + 1, Text: strings.Repeat("s ", 1500)})
	}
	tests := []struct {
		name     string
		answer   bot.Answer
		mustHave []string
		mustNot  []string
	}{
		{
			name:     "5000-character answer",
			answer:   bot.Answer{Question: "q?", Text: long, Sentences: stubCitations[:1], Confidence: 0.5},
			mustHave: []string{"troops troops", ellipsis},
		},
		{
			name:     "markdown and mentions in the question",
			answer:   bot.Answer{Question: "**bold** @everyone @here <@&42> <@123> <#9> `x` how many?", Text: "10,000 to 30,000", Sentences: stubCitations[:1]},
			mustHave: []string{`\*\*bold\*\*`, "10,000 to 30,000"},
			mustNot:  []string{"@everyone", "@here", "<@&42>", "<@123>", "<#9>"},
		},
		{
			name:     "100 KB question",
			answer:   bot.Answer{Question: huge, NoAnswer: true, Sentences: manyCites},
			mustHave: []string{"doesn't say"},
		},
		{
			name:   "many facts and sentences",
			answer: bot.Answer{Question: "q", Text: "x", Sentences: manyCites, Facts: manyFacts, Confidence: 7},
		},
		{
			name:     "no answer, nothing close",
			answer:   bot.Answer{Question: "Who won the cup?", NoAnswer: true},
			mustHave: []string{"doesn't say"},
		},
		{
			name:     "mentions in the article's own text",
			answer:   bot.Answer{Question: "q", Text: "@everyone", Sentences: []bot.Citation{{Article: "a", Title: "<@1>", Index: 1, Text: "ping @here"}}},
			mustNot:  []string{"@everyone", "@here", "<@1>"},
			mustHave: []string{"ping"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := renderAnswer(&tt.answer, "abcdefghijklmnop")
			finish(data)
			checkLimits(t, data)
			text := data.Content + "\n" + embedText(data.Embeds)
			for _, s := range tt.mustHave {
				if !strings.Contains(text, s) {
					t.Errorf("missing %q in:\n%s", s, text)
				}
			}
			for _, s := range tt.mustNot {
				if strings.Contains(text, s) {
					t.Errorf("holds %q:\n%s", s, text)
				}
			}
			if data.AllowedMentions == nil || data.AllowedMentions.Parse == nil || len(data.AllowedMentions.Parse) != 0 {
				t.Errorf("allowed mentions = %+v, want parse:[]", data.AllowedMentions)
			}
		})
	}
}

func TestRenderAnswer(t *testing.T) {
	a := &bot.Answer{
		Question: "How many troops could the force have?", Kind: bot.KindHowMany,
		Text: "10,000 to 30,000", Confidence: 0.82, Sentences: stubCitations[:2],
		Facts: []facts.Fact{{Kind: facts.KindQuantity, Text: "10,000 to 30,000", Role: "troops", Sentence: 5}},
	}
	data := renderAnswer(a, "key1")
	e := data.Embeds[0]
	if e.Description != "**10,000 to 30,000**" {
		t.Errorf("description = %q", e.Description)
	}
	if len(e.Fields) != 3 || e.Fields[0].Name != "Troops for Ukraine · sentence 5" || !strings.HasPrefix(e.Fields[0].Value, "> The force") {
		t.Errorf("fields = %+v", e.Fields)
	}
	if e.Fields[2].Name != "Facts used" || !strings.Contains(e.Fields[2].Value, "Number: **10,000 to 30,000** troops · s. 5") {
		t.Errorf("facts field = %+v", e.Fields[2])
	}
	if e.Footer.Text != "Confidence 82% · how many question" {
		t.Errorf("footer = %q", e.Footer.Text)
	}
	ids := customIDs(data.Components)
	if len(ids) != 2 || ids[0] != "more:key1:1" || ids[1] != "ctx:article:5" {
		t.Errorf("buttons = %v", ids)
	}
}

func customIDs(cs []discordgo.MessageComponent) []string {
	var ids []string
	for _, c := range cs {
		switch c := c.(type) {
		case discordgo.ActionsRow:
			ids = append(ids, customIDs(c.Components)...)
		case discordgo.Button:
			ids = append(ids, c.CustomID)
		}
	}
	return ids
}

func TestRenderOthersFit(t *testing.T) {
	huge := strings.Repeat("**x** @everyone ", 7000) // ~100 KB
	var matches []bot.Match
	var cites []bot.Citation
	var fs []facts.Fact
	var infos []bot.ArticleInfo
	for i := range 30 {
		c := bot.Citation{Article: "a", Title: huge[:300], Index: i + 1, Text: huge[:3000]}
		cites = append(cites, c)
		matches = append(matches, bot.Match{Citation: c, Spans: [][2]int{{2, 3}, {100, 200}}})
		infos = append(infos, bot.ArticleInfo{ID: strings.Repeat("i", 90), Title: huge[:500], Sentences: i})
		for _, k := range facts.Kinds() {
			fs = append(fs, facts.Fact{Kind: k, Text: huge[:200], Value: huge[:100], Role: huge[:50], Speaker: "x", Sentence: i})
		}
	}
	for name, data := range map[string]*discordgo.InteractionResponseData{
		"search":   renderSearch(huge, matches),
		"facts":    renderFacts(huge, fs),
		"articles": renderArticles(infos),
		"more":     renderMore(huge, cites, "more:k:2"),
		"context":  renderContext(cites, 3),
		"notice":   notice(huge),
	} {
		t.Run(name, func(t *testing.T) {
			finish(data)
			checkLimits(t, data)
			if text := embedText(data.Embeds); strings.Contains(text, "@everyone") {
				t.Errorf("live @everyone in %s", name)
			}
		})
	}
}

func TestRenderFactsGroupsRepeats(t *testing.T) {
	fs := []facts.Fact{
		{Kind: facts.KindPlace, Text: "Ukraine", Value: "Ukraine", Sentence: 1},
		{Kind: facts.KindPlace, Text: "Ukraine", Value: "Ukraine", Sentence: 2},
		{Kind: facts.KindPlace, Text: "Ukrainian", Value: "Ukraine", Sentence: 7},
		{Kind: facts.KindQuantity, Text: "10,000 to 30,000 troops", Role: "troops", Sentence: 13},
	}
	data := renderFacts("", fs)
	var got []string
	for _, f := range data.Embeds[0].Fields {
		got = append(got, f.Name+": "+f.Value)
	}
	want := []string{
		"Numbers (1): • **10,000 to 30,000 troops** · s. 13",
		"Places (2): • **Ukraine** · s. 1, 2\n• **Ukraine** (“Ukrainian”) · s. 7",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestRenderSearchBold(t *testing.T) {
	data := renderSearch("troops", []bot.Match{{Citation: stubCitations[0], Spans: [][2]int{{38, 44}}}})
	got := data.Embeds[0].Fields[0].Value
	want := "> The force could have 10,000 to 30,000 **troops**."
	if got != want {
		t.Errorf("value = %q, want %q", got, want)
	}
}

// TestEmptyQuestions: empty and whitespace-only questions get a clear
// ephemeral message and never reach the engine.
func TestEmptyQuestions(t *testing.T) {
	for _, tt := range []struct{ command, option, text string }{
		{"ask", "question", ""},
		{"ask", "question", "   \t\n "},
		{"who-said", "quote", " “” "},
		{"how-many", "what", "  "},
		{"search", "query", "\n"},
	} {
		t.Run(tt.command+"/"+tt.text, func(t *testing.T) {
			e := &stubEngine{}
			a := newApp(e, discardLogger(), 1e9, 1e9)
			r := newRequest(commandInteraction(tt.command, strOpt(tt.option, tt.text)))
			data, err := a.route(r)(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			if data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.HasPrefix(data.Content, "Please") {
				t.Errorf("got %+v, want an ephemeral 'Please …' message", data)
			}
			if len(e.asked) != 0 {
				t.Errorf("engine asked %v", e.asked)
			}
		})
	}
}
