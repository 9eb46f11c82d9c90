package retrieve_test

import (
	"context"
	"testing"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/bot/internal/newstest"
	"github.com/articlebot/articlebot/bot/question"
	"github.com/articlebot/articlebot/bot/retrieve"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/pos"
)

func analysed(tb testing.TB, tg *pos.Tagger, text string) *doc.Article {
	tb.Helper()
	a, err := corpus.Parse(context.Background(), "a", []byte(text))
	if err != nil {
		tb.Fatal(err)
	}
	d, err := doc.Analyse(context.Background(), tg, a)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func TestStrength(t *testing.T) {
	tg := newstest.Tagger(t)
	tests := []struct {
		q, word  string
		min, max float64
	}{
		{"how many soldiers", "soldiers", 1, 1},            // the same word
		{"how many soldier", "soldiers", 1, 1},             // the same stem
		{"which film won", "movie", 0.5, 0.99},             // WordNet synonym
		{"who leads the party", "leader", 0.4, 0.99},       // derived form
		{"how many pages", "three-page", 0.7, 0.9},         // part of a hyphenated word
		{"which governmnet", "government", 0.5, 0.7},       // one letter off
		{"how many troops", "tanks", 0, 0},                 // unrelated
		{"which cat", "car", 0, 0},                         // short words one letter apart are different words
		{"what did the minister buy", "purchased", 0.5, 1}, // an irregular/related verb
	}
	for _, tt := range tests {
		t.Run(tt.q+"/"+tt.word, func(t *testing.T) {
			q := question.Parse(tg, tt.q)
			s := doc.AnalyseSentence(tg, &corpus.Sentence{Text: "The " + tt.word + " were there."})
			best := 0.0
			for i := range q.Terms {
				for j := range s.Words {
					best = max(best, retrieve.Strength(&q.Terms[i], &s.Words[j]))
				}
			}
			if best < tt.min || best > tt.max {
				t.Errorf("strength %.2f, want %.2f..%.2f", best, tt.min, tt.max)
			}
		})
	}
}

// TestSentences: scanning an article finds the sentences that hold the
// question's words, best covered first, each with where its words are,
// and leaves out those holding none.
func TestSentences(t *testing.T) {
	tg := newstest.Tagger(t)
	d := analysed(t, tg, "Storm report\n\nThe storm hit the coast on Monday. Rain fell all day. Officials said 300 homes lost power in the storm.\n\nSchools stayed open.\n")
	scan := retrieve.NewScan([]*doc.Article{d})
	q := question.Parse(tg, "How many homes lost power in the storm?")
	hits, err := retrieve.Sentences(context.Background(), scan, scan, q, "", retrieve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Fatalf("%d hits, want the two sentences with the question's words", len(hits))
	}
	if hits[0].Sent.Index != 3 || hits[0].Rank != 0 || hits[1].Sent.Index != 1 {
		t.Fatalf("order %d, %d; want 3 then 1", hits[0].Sent.Index, hits[1].Sent.Index)
	}
	if hits[0].Coverage <= hits[1].Coverage || hits[0].Coverage > 1 || hits[0].Exact > hits[0].Coverage {
		t.Errorf("coverage %.2f (exact %.2f), %.2f", hits[0].Coverage, hits[0].Exact, hits[1].Coverage)
	}
	for i, m := range hits[0].Matches {
		if m.Strength > 0 && hits[0].Sent.Words[m.Pos].Stem != q.Terms[i].Stem && q.Terms[i].Related[hits[0].Sent.Words[m.Pos].Stem] == 0 {
			t.Errorf("term %q matched at %q", q.Terms[i].Word, hits[0].Sent.Words[m.Pos].Text)
		}
	}
	if _, err := retrieve.Sentences(context.Background(), scan, scan, q, "nosuch", retrieve.Options{}); err != nil {
		t.Errorf("unknown article: %v", err)
	}
}

// TestWeights: a word the article never uses weighs half the average of
// those it does, so a paraphrase is not sunk by its own words.
func TestWeights(t *testing.T) {
	tg := newstest.Tagger(t)
	d := analysed(t, tg, "T\n\nThe storm hit the coast. The coast was calm.\n")
	q := question.Parse(tg, "when did the hurricane hit the coast")
	w := retrieve.Weights(q, d)
	var present, absent float64
	n := 0
	for i, tm := range q.Terms {
		if d.DF(tm.Stem) == 0 {
			absent = w[i]
		} else {
			present += w[i]
			n++
		}
	}
	if n == 0 || absent <= 0 || absent >= present/float64(n) {
		t.Errorf("absent %.3f, present average %.3f", absent, present/float64(max(n, 1)))
	}
}

func BenchmarkSentences(b *testing.B) {
	tg := newstest.Tagger(b)
	c, err := corpus.Default()
	if err != nil {
		b.Fatal(err)
	}
	d, err := doc.Analyse(context.Background(), tg, c.Articles[0])
	if err != nil {
		b.Fatal(err)
	}
	scan := retrieve.NewScan([]*doc.Article{d})
	q := question.Parse(tg, "How many troops could the force have?")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := retrieve.Sentences(context.Background(), scan, scan, q, "", retrieve.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
