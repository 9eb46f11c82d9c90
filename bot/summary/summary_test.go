package summary

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/corpus"
)

func article(t testing.TB, body string) []corpus.Sentence {
	t.Helper()
	a, err := corpus.Parse(context.Background(), "test", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return a.Sentences
}

func indexes(cs []Chosen) []int {
	var out []int
	for _, c := range cs {
		out = append(out, c.Index)
	}
	return out
}

func TestLeansBack(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"He said the plan would fail.", true},
		{"But the council disagreed.", true},
		{"However, the vote was close.", true},
		{"In addition, prices rose by 5%.", true},
		{"“We must be ready for when peace comes,” he said.", true},
		{"“The figures are clear,” the minister said.", false},
		{"“The thoughts of everyone are with the families.”", true},
		{"These troops would help keep peace.", true},
		{"The company said it would cut 200 jobs.", false},
		{"Troops arrived in the capital on Monday.", false},
		{"There are still questions to answer.", false},
		{"Butler scored twice in the first half.", false},
		{"Indeed, nobody expected it.", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := leansBack(tt.s); got != tt.want {
			t.Errorf("leansBack(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

const plainNews = `Storm closes schools

A storm closed 40 schools across the county on Monday, officials said.
The storm brought winds of 80mph and flooded several main roads.
He said the council would review its plans.
Rail services were cancelled between the two largest towns for most of the day.
Forecasters expect calmer weather by Wednesday, with light rain in the west.
Forecasters expect calmer weather by Wednesday, with light rain in the west and the north.
Some parents criticised the late decision to close the schools.
`

func TestSummarize(t *testing.T) {
	sents := article(t, plainNews)
	tests := []struct {
		name string
		o    Options
		want []int
	}{
		{"one", Options{Sentences: 1}, []int{1}},
		{"three", Options{Sentences: 3}, []int{1, 5, 7}},
		{"all of a short article", Options{Sentences: 20}, []int{1, 2, 3, 4, 5, 7}},
		{"topic", Options{Sentences: 2, Topic: "rail services"}, []int{4}},
		{"topic in other words", Options{Sentences: 2, Topic: "forecasters' weather"}, []int{5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Summarize(context.Background(), sents, tt.o)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(indexes(got), tt.want) {
				t.Errorf("chose %v, want %v", indexes(got), tt.want)
			}
			for i, c := range got {
				if c.Score <= 0 || c.Score > 1 {
					t.Errorf("sentence %d: score %v out of (0, 1]", c.Index, c.Score)
				}
				if i > 0 && got[i-1].Index >= c.Index {
					t.Errorf("not in article order: %v", indexes(got))
				}
			}
		})
	}
}

// A sentence that leans on the one before it is chosen only with it, and
// no two chosen sentences share most of their words.
func TestSummarizeNeverDanglesOrRepeats(t *testing.T) {
	sents := article(t, plainNews)
	for n := 1; n <= len(sents); n++ {
		got, err := Summarize(context.Background(), sents, Options{Sentences: n})
		if err != nil {
			t.Fatal(err)
		}
		chosen := map[int]bool{}
		for _, c := range got {
			chosen[c.Index] = true
		}
		for _, c := range got {
			if c.Index > 1 && leansBack(sents[c.Index-1].Text) && !chosen[c.Index-1] {
				t.Errorf("n=%d: sentence %d leans on %d, which is not chosen", n, c.Index, c.Index-1)
			}
		}
		if chosen[5] && chosen[6] {
			t.Errorf("n=%d: chose both near-duplicates 5 and 6", n)
		}
	}
}

func TestSummarizeErrors(t *testing.T) {
	sents := article(t, plainNews)
	if _, err := Summarize(context.Background(), sents, Options{Sentences: 2, Topic: "volcano"}); !errors.Is(err, ErrNoTopic) {
		t.Errorf("absent topic: err = %v, want ErrNoTopic", err)
	}
	if _, err := Summarize(context.Background(), sents, Options{Sentences: 0}); err == nil {
		t.Error("0 sentences: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Summarize(ctx, sents, Options{Sentences: 2}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v, want context.Canceled", err)
	}
	if got, err := Summarize(context.Background(), nil, Options{Sentences: 2}); err != nil || len(got) != 0 {
		t.Errorf("no sentences: %v, %v", got, err)
	}
}

func FuzzSummarize(f *testing.F) {
	f.Add(plainNews, "rail", 3)
	f.Add("He said so. But then. It was. “Quote.”", "", 2)
	f.Fuzz(func(t *testing.T, body, topic string, n int) {
		a, err := corpus.Parse(context.Background(), "fuzz", []byte(body))
		if err != nil {
			return
		}
		n = 1 + abs(n)%10
		got, err := Summarize(context.Background(), a.Sentences, Options{Sentences: n, Topic: strings.TrimSpace(topic)})
		if err != nil {
			if errors.Is(err, ErrNoTopic) {
				return
			}
			t.Fatal(err)
		}
		if len(got) > n || len(got) > len(a.Sentences) {
			t.Fatalf("%d sentences chosen, asked %d of %d", len(got), n, len(a.Sentences))
		}
		for _, c := range got {
			if c.Index < 1 || c.Index > len(a.Sentences) {
				t.Fatalf("sentence %d of %d", c.Index, len(a.Sentences))
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// A topic meets a place by its adjective or name: "American" finds "the
// United States".
func TestTopicMeetsPlaces(t *testing.T) {
	sents := article(t, `Trade talks

Ministers from twelve countries met in Geneva on Monday to discuss tariffs.
The United States said it would not lower its duties on steel this year.
Farmers in Brazil asked for quicker access to European markets.
`)
	got, err := Summarize(context.Background(), sents, Options{Sentences: 1, Topic: "American duties"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(indexes(got), []int{2}) {
		t.Errorf("chose %v, want [2]", indexes(got))
	}
	if _, err := Summarize(context.Background(), sents, Options{Sentences: 1, Topic: "Brazilian"}); err != nil {
		t.Errorf("Brazilian: %v, want sentence 3", err)
	}
}

// A text far longer than any article is ranked on its first MaxRanked
// sentences only, so that the graph stays small.
func TestSummarizeBoundsLongTexts(t *testing.T) {
	var b strings.Builder
	for i := 0; i < MaxRanked+500; i++ {
		fmt.Fprintf(&b, "Report %d says the council spent %d pounds on roads and schools this year.\n", i, i*7)
	}
	sents := article(t, b.String())
	got, err := Summarize(context.Background(), sents, Options{Sentences: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range got {
		if c.Index > MaxRanked {
			t.Errorf("chose sentence %d, beyond the first %d", c.Index, MaxRanked)
		}
	}
}
