package bot_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
)

func TestSummary(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct {
		name  string
		req   bot.SummaryRequest
		count int
	}{
		{"default is short", bot.SummaryRequest{}, 3},
		{"short", bot.SummaryRequest{Length: bot.LengthShort}, 3},
		{"medium", bot.SummaryRequest{Length: "Medium"}, 5},
		{"long", bot.SummaryRequest{Length: bot.LengthLong}, 8},
		{"sentences", bot.SummaryRequest{Sentences: 4}, 4},
		{"sentences win over length", bot.SummaryRequest{Length: bot.LengthLong, Sentences: 2}, 2},
		{"topic", bot.SummaryRequest{Topic: "troops", Sentences: 2}, 2},
		{"all of the article", bot.SummaryRequest{Sentences: bot.MaxSummarySentences}, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := e.Summary(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Sentences) != tt.count || s.Article != "article" || s.Of != 20 {
				t.Fatalf("%d sentences of article %q (of %d), want %d of article (of 20)", len(s.Sentences), s.Article, s.Of, tt.count)
			}
			for i, c := range s.Sentences {
				if i > 0 && c.Index <= s.Sentences[i-1].Index {
					t.Errorf("not in article order: %+v", s.Sentences)
				}
				if tt.req.Topic != "" && !strings.Contains(strings.ToLower(c.Text), tt.req.Topic) {
					t.Errorf("topic %q: sentence %d is not about it: %q", tt.req.Topic, c.Index, c.Text)
				}
			}
		})
	}
}

// The short summary of the built-in article opens with its lead sentence.
func TestSummaryOpensWithLead(t *testing.T) {
	s, err := defaultEngine(t).Summary(context.Background(), bot.SummaryRequest{Length: bot.LengthShort})
	if err != nil {
		t.Fatal(err)
	}
	if s.Sentences[0].Index != 1 {
		t.Errorf("short summary opens with sentence %d, want the lead: %+v", s.Sentences[0].Index, s.Sentences)
	}
}

func TestSummaryRefusesBadInput(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct {
		name string
		req  bot.SummaryRequest
		want string // in the UserError's message
	}{
		{"unknown article", bot.SummaryRequest{Article: "nope"}, "Known articles: article"},
		{"unknown length", bot.SummaryRequest{Length: "huge"}, "short, medium or long"},
		{"too few sentences", bot.SummaryRequest{Sentences: -1}, "1 to 20"},
		{"too many sentences", bot.SummaryRequest{Sentences: bot.MaxSummarySentences + 1}, "1 to 20"},
		{"topic too long", bot.SummaryRequest{Topic: strings.Repeat("troops ", 40)}, "too long"},
		{"topic of no words", bot.SummaryRequest{Topic: "?!"}, "empty"},
		{"topic not in the article", bot.SummaryRequest{Topic: "volcanoes"}, "says nothing about"},
		{"topic of stop words", bot.SummaryRequest{Topic: "the of and"}, "says nothing about"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.Summary(context.Background(), tt.req)
			if !bot.IsUserError(err) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want a UserError saying %q", err, tt.want)
			}
		})
	}
	if _, err := e.Brief(context.Background(), bot.BriefRequest{Article: "nope"}); !bot.IsUserError(err) {
		t.Errorf("brief of an unknown article: err = %v, want a UserError", err)
	}
}

func TestSummaryCancelled(t *testing.T) {
	e := defaultEngine(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Summary(ctx, bot.SummaryRequest{}); !errors.Is(err, context.Canceled) {
		t.Errorf("summary: err = %v, want context.Canceled", err)
	}
	if _, err := e.Brief(ctx, bot.BriefRequest{}); !errors.Is(err, context.Canceled) {
		t.Errorf("brief: err = %v, want context.Canceled", err)
	}
}

// With several articles and none named, summary and brief take the most
// recently added: the last in load order.
func TestSummaryDefaultArticle(t *testing.T) {
	var arts []*corpus.Article
	for _, name := range []string{"first", "second"} {
		a, err := corpus.Parse(context.Background(), name, []byte(fmt.Sprintf("The %s story\n\nThe council met on Monday to discuss the %s plan. It voted to approve the plan.\n", name, name)))
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	e := engineOn(t, corpus.New(arts))
	s, err := e.Summary(context.Background(), bot.SummaryRequest{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := e.Brief(context.Background(), bot.BriefRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Article != "second" || b.Article != "second" {
		t.Errorf("summary of %q, brief of %q; want the last added, second", s.Article, b.Article)
	}
	if b.Headline.Text != "The second story" {
		t.Errorf("headline %q, want the title", b.Headline.Text)
	}
}

func section(b *bot.Brief, k bot.SectionKind) bot.BriefSection {
	for _, s := range b.Sections {
		if s.Kind == k {
			return s
		}
	}
	return bot.BriefSection{}
}

// The brief of the built-in article lists every person with their role,
// every quantity, and the Friday meeting under what's next; every item
// cites sentences of the article and fits a Discord embed field.
func TestBriefBuiltIn(t *testing.T) {
	e := defaultEngine(t)
	b, err := e.Brief(context.Background(), bot.BriefRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Headline.Text == "" || len(b.Headline.Sentences) != 1 || b.Headline.Sentences[0] != 1 {
		t.Errorf("headline %+v, want the lead sentence (the article has no title)", b.Headline)
	}
	var kinds []bot.SectionKind
	for _, s := range b.Sections {
		kinds = append(kinds, s.Kind)
		for _, it := range s.Items {
			if len(it.Sentences) == 0 {
				t.Errorf("%s: item cites no sentence: %+v", s.Kind, it)
			}
			for _, n := range it.Sentences {
				if n < 1 || n > 20 {
					t.Errorf("%s: cites sentence %d of 20", s.Kind, n)
				}
			}
			if n := utf8.RuneCountInString(it.Label + it.Detail + it.Text); n > bot.MaxBriefItemRunes {
				t.Errorf("%s: item of %d runes, more than %d", s.Kind, n, bot.MaxBriefItemRunes)
			}
		}
	}
	want := []bot.SectionKind{bot.SectionKeyPoints, bot.SectionPeople, bot.SectionNumbers, bot.SectionQuotes, bot.SectionNext, bot.SectionOpen, bot.SectionPrompts}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Errorf("sections %v, want %v", kinds, want)
	}

	people := section(b, bot.SectionPeople).Items
	for _, p := range e.People("article") {
		found := false
		for _, it := range people {
			if it.Label == p.Name && it.Detail == strings.Join(p.Roles, "; ") && it.Detail != "" && it.Text != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("who's who lacks %s with role %q: %+v", p.Name, p.Roles, people)
		}
	}
	qs, err := e.Facts(context.Background(), "article", facts.KindQuantity)
	if err != nil {
		t.Fatal(err)
	}
	numbers := section(b, bot.SectionNumbers).Items
	for _, q := range qs {
		found := false
		for _, it := range numbers {
			if it.Label == q.Text && it.Text != "" && len(it.Sentences) == 1 && it.Sentences[0] == q.Sentence {
				found = true
			}
		}
		if !found {
			t.Errorf("the numbers lack %q (sentence %d): %+v", q.Text, q.Sentence, numbers)
		}
	}
	friday := false
	for _, it := range section(b, bot.SectionNext).Items {
		friday = friday || it.Label == "Friday" && fmt.Sprint(it.Sentences) == "[19]" && strings.Contains(it.Text, "meet")
	}
	if !friday {
		t.Errorf("what's next lacks the Friday meeting: %+v", section(b, bot.SectionNext).Items)
	}
	if n := len(section(b, bot.SectionPrompts).Items); n < 2 || n > 3 {
		t.Errorf("%d discussion prompts, want 2 or 3", n)
	}
	if key := section(b, bot.SectionKeyPoints).Items; len(key) != 3 || key[0].Sentences[0] != 1 {
		t.Errorf("key points %+v, want the 3 sentences of the short summary, from the lead", key)
	}
}
