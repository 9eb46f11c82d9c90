package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus"
)

// longArticle is one article of about words words, its paragraphs taken
// from the generated news corpus.
func longArticle(tb testing.TB, words int) *corpus.Corpus {
	tb.Helper()
	var b strings.Builder
	b.WriteString("A long report\n\n")
	n := 0
	for _, a := range generated(tb, 1+words/250).Articles {
		for _, para := range a.Paragraphs {
			for _, i := range para {
				if n >= words {
					break
				}
				b.WriteString(a.Sentences[i].Text + " ")
				n += len(strings.Fields(a.Sentences[i].Text))
			}
			b.WriteString("\n\n")
		}
	}
	a, err := corpus.Parse(context.Background(), "long", []byte(b.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return corpus.New([]*corpus.Article{a})
}

func benchSummary(b *testing.B, e *bot.Engine) {
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Summary(ctx, bot.SummaryRequest{}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchBrief(b *testing.B, e *bot.Engine) {
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Brief(ctx, bot.BriefRequest{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSummaryDefault: short summary of the built-in article (goal: < 5 ms).
func BenchmarkSummaryDefault(b *testing.B) { benchSummary(b, defaultEngine(b)) }

// BenchmarkBriefDefault: brief of the built-in article (goal: < 5 ms).
func BenchmarkBriefDefault(b *testing.B) { benchBrief(b, defaultEngine(b)) }

// BenchmarkSummaryLong: short summary of a 5,000-word article (goal: < 50 ms).
func BenchmarkSummaryLong(b *testing.B) {
	c := longArticle(b, 5000)
	b.Logf("%d sentences", c.SentenceCount())
	benchSummary(b, engineOn(b, c))
}

// BenchmarkBriefLong: brief of a 5,000-word article (goal: < 50 ms).
func BenchmarkBriefLong(b *testing.B) { benchBrief(b, engineOn(b, longArticle(b, 5000))) }
