package bot_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/corpustest"
	"github.com/articlebot/articlebot/index"
)

// generated builds a corpus of n articles of about 25 sentences each, in
// the shapes of news English (names with roles, quotes, numbers, places,
// dates), from fixed word lists and a fixed seed.
func generated(tb testing.TB, n int) *corpus.Corpus {
	tb.Helper()
	g := corpustest.New(1)
	arts := make([]*corpus.Article, 0, n)
	for i := 0; i < n; i++ {
		a, err := corpus.Parse(context.Background(), fmt.Sprintf("gen-%04d", i), []byte(g.Article(i)))
		if err != nil {
			tb.Fatal(err)
		}
		arts = append(arts, a)
	}
	return corpus.New(arts)
}

var benchQuestions = []string{
	"How many troops could the force have?",
	"Who said the United States is essential for lasting security in Ukraine?",
	"Who is the Finnish Defense Minister?",
	"When will over 50 countries meet again?",
	"Where did the meeting take place?",
	"How many tanks will Germany send?",
}

// BenchmarkAskDefault: one question on the built-in article (goal: < 1 ms).
func BenchmarkAskDefault(b *testing.B) {
	e := defaultEngine(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Ask(ctx, bot.Question{Text: benchQuestions[i%len(benchQuestions)]}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAskLarge: one question on 1,000 articles, about 25,000
// sentences (goal: < 20 ms).
func BenchmarkAskLarge(b *testing.B) {
	c := generated(b, 1000)
	e := engineOn(b, c)
	b.Logf("%d articles, %d sentences", len(c.Articles), c.SentenceCount())
	qs := corpustest.Questions
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Ask(ctx, bot.Question{Text: qs[i%len(qs)]}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAskLongSentence: a how-many question on one 8,000-word
// sentence (goal: linear in the sentence's length; it took seconds when
// parts of answering were cubic in it).
func BenchmarkAskLongSentence(b *testing.B) {
	e := engineOn(b, corpus.New([]*corpus.Article{longSentenceArticle(b, 8000)}))
	ctx := context.Background()
	q := bot.Question{Text: "How many troops were sent to the border?"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Ask(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDefault: parse, extract facts and index the built-in article.
func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c, err := corpus.Default()
		if err != nil {
			b.Fatal(err)
		}
		ix, err := index.Open(context.Background(), c, index.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := bot.New(context.Background(), c, ix); err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkLoadLarge: index and analyse 1,000 generated articles.
func BenchmarkLoadLarge(b *testing.B) {
	c := generated(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix, err := index.Open(context.Background(), c, index.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := bot.New(context.Background(), c, ix); err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}
