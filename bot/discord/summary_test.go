package discord

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// The stub engine summarises and briefs from its tiny built-in article.

func (e *stubEngine) Summary(ctx context.Context, r bot.SummaryRequest) (*bot.Summary, error) {
	s := &bot.Summary{Article: "article", Title: "Troops for Ukraine", Length: r.Length, Topic: r.Topic, Of: 20}
	for _, c := range stubCitations[:2] {
		s.Sentences = append(s.Sentences, bot.SummarySentence{Index: c.Index, Text: c.Text})
	}
	return s, nil
}

func (e *stubEngine) Brief(ctx context.Context, r bot.BriefRequest) (*bot.Brief, error) {
	return &bot.Brief{Article: "article", Title: "Troops for Ukraine",
		Headline: bot.BriefItem{Text: "The force could have 10,000 to 30,000 troops.", Sentences: []int{5}},
		Sections: []bot.BriefSection{
			{Kind: bot.SectionPeople, Title: "Who's who", Items: []bot.BriefItem{{Label: "John Healey", Detail: "Britain's Defense Minister", Text: "said planning continues", Sentences: []int{6}}}},
			{Kind: bot.SectionNext, Title: "What's next", Items: []bot.BriefItem{}},
		}}, nil
}

func TestSplitWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want []string
	}{
		{"short line", 20, []string{"short line"}},
		{"one two three four", 9, []string{"one two", "three", "four"}},
		{"one two three", 7, []string{"one two", "three"}},
		{"abcdefghij klm", 4, []string{"abcd", "efgh", "ij", "klm"}}, // only a word longer than n is cut
		{"héllo wörld", 6, []string{"héllo", "wörld"}},
		{"", 5, []string{""}},
	} {
		if got := splitWords(c.in, c.n); fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("splitWords(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

// wholeWords checks that every line of want appears whole in the text of
// some page: nothing was cut inside a word or left out.
func wholeLines(t *testing.T, ps []page, want []string) {
	t.Helper()
	var all strings.Builder
	for _, p := range ps {
		for _, e := range p {
			all.WriteString(e.Description + "\n")
			for _, f := range e.Fields {
				all.WriteString(f.Value + "\n")
			}
		}
	}
	text := strings.Join(strings.Fields(all.String()), " ")
	for _, l := range want {
		if !strings.Contains(text, strings.Join(strings.Fields(l), " ")) {
			t.Errorf("line missing or cut: %.80q", l)
		}
	}
}

func checkPages(t *testing.T, ps []page) {
	t.Helper()
	for i, p := range ps {
		checkLimits(t, &discordgo.InteractionResponseData{Embeds: p})
		if len(p) == 0 {
			t.Errorf("page %d is empty", i)
		}
	}
}

// TestRenderSummaryAtTheLimits: 20 sentences of 600 characters (more than
// one description holds, more than one message holds) are laid out in
// several embeds and messages, each sentence whole, in order.
func TestRenderSummaryAtTheLimits(t *testing.T) {
	s := &bot.Summary{Article: "long", Title: strings.Repeat("Long title ", 40), Of: 400}
	var lines []string
	for i := range bot.MaxSummarySentences {
		text := fmt.Sprintf("Sentence %d says %s.", i+1, strings.Repeat("something long ", 40))
		s.Sentences = append(s.Sentences, bot.SummarySentence{Index: i*10 + 1, Text: text})
		lines = append(lines, text+" ["+fmt.Sprint(i*10+1)+"]")
	}
	ps := renderSummary(s)
	checkPages(t, ps)
	if len(ps) < 2 {
		t.Errorf("%d messages for 12,000 characters", len(ps))
	}
	wholeLines(t, ps, lines)
	if !strings.HasSuffix(ps[1][0].Title, continued) {
		t.Errorf("second message titled %q", ps[1][0].Title)
	}
	last := ps[len(ps)-1]
	if f := last[len(last)-1].Footer; f == nil || !strings.Contains(f.Text, "20 of 400 sentences") {
		t.Errorf("footer %+v", f)
	}
}

// TestRenderBriefAtTheLimits: a briefing with sections too long for a field,
// more fields than an embed holds and more text than a message holds is
// split across fields, embeds and messages, every item whole.
func TestRenderBriefAtTheLimits(t *testing.T) {
	b := &bot.Brief{Article: "long", Title: "A long story", Headline: bot.BriefItem{Text: "Headline.", Sentences: []int{1}}}
	var want []string
	for k := range 7 {
		sec := bot.BriefSection{Kind: bot.SectionKeyPoints, Title: fmt.Sprintf("Section %d", k)}
		for i := range 12 {
			it := bot.BriefItem{Label: fmt.Sprintf("Label %d.%d", k, i), Text: strings.Repeat("word ", 120+i) + "end", Sentences: []int{i + 1, i + 2}}
			sec.Items = append(sec.Items, it)
			want = append(want, it.Text+" "+cite(it.Sentences))
		}
		b.Sections = append(b.Sections, sec)
	}
	ps := renderBrief(b)
	checkPages(t, ps)
	if len(ps) < 5 {
		t.Errorf("%d messages for about 45,000 characters", len(ps))
	}
	wholeLines(t, ps, want)
	seen := false
	for _, p := range ps {
		for _, e := range p {
			for _, f := range e.Fields {
				seen = seen || strings.HasSuffix(f.Name, continued)
			}
		}
	}
	if !seen {
		t.Error("no section was continued in another field")
	}
}

// TestRenderBrief shows each section as a field, labels bold, prompts
// numbered, an empty section said to be empty, and the article's
// Markdown escaped.
func TestRenderBrief(t *testing.T) {
	b := &bot.Brief{Article: "a", Title: "T", Headline: bot.BriefItem{Text: "Lead *sentence*.", Sentences: []int{1}},
		Sections: []bot.BriefSection{
			{Kind: bot.SectionPeople, Title: "Who's who", Items: []bot.BriefItem{{Label: "Ann Lee", Detail: "judge", Text: "ruled @everyone out", Sentences: []int{2}}}},
			{Kind: bot.SectionNext, Title: "What's next", Items: []bot.BriefItem{}},
			{Kind: bot.SectionPrompts, Title: "For discussion", Items: []bot.BriefItem{{Text: "Who decides?", Sentences: []int{3, 4}}, {Text: "When?", Sentences: []int{5}}}},
		}}
	ps := renderBrief(b)
	if len(ps) != 1 || len(ps[0]) != 1 {
		t.Fatalf("%d pages", len(ps))
	}
	e := ps[0][0]
	if e.Title != "Brief: T" || e.Description != `**Lead \*sentence\*.** [1]` {
		t.Errorf("title %q, description %q", e.Title, e.Description)
	}
	got := []string{}
	for _, f := range e.Fields {
		got = append(got, f.Name+"="+f.Value)
	}
	want := []string{
		"Who's who=• **Ann Lee** (judge): ruled @\u200beveryone out [2]",
		"What's next=_None in the article._",
		"For discussion=**1.** Who decides? [3, 4]\n**2.** When? [5]",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("fields\n got %q\nwant %q", got, want)
	}
}

// TestSummaryOptions: the handler passes the options to the engine and
// refuses a length together with a number of sentences.
func TestSummaryOptions(t *testing.T) {
	a := newApp(&stubEngine{}, discardLogger(), 1e9, 1e9)
	r := newRequest(commandInteraction("summary", strOpt("length", "medium"), strOpt("topic", "troops")))
	data, err := a.summary(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	text := embedText(data.Embeds)
	for _, want := range []string{"Summary: Troops for Ukraine", "• The force could have 10,000 to 30,000 troops. [5]", "Medium summary · 2 of 20 sentences · about “troops”"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	r = newRequest(commandInteraction("summary", strOpt("length", "short"), &discordgo.ApplicationCommandInteractionDataOption{Name: "sentences", Type: discordgo.ApplicationCommandOptionInteger, Value: 4.0}))
	var ue *bot.UserError
	if _, err := a.summary(context.Background(), r); !errors.As(err, &ue) {
		t.Errorf("length and sentences: %v", err)
	}
	for v, want := range map[any]int{4.0: 4, 2.5: -1, 1e300: -1, "4": -1} {
		r := newRequest(commandInteraction("summary", &discordgo.ApplicationCommandInteractionDataOption{Name: "sentences", Type: discordgo.ApplicationCommandOptionInteger, Value: v}))
		if got := r.Int("sentences"); got != want {
			t.Errorf("Int(%v) = %d, want %d", v, got, want)
		}
	}
}
