package summary

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot/summary/internal/rouge"
	"github.com/articlebot/articlebot/corpus"
)

// evalArticle is one article of testdata/eval (a copy of
// ../shared/eval/summaries; see its SOURCES.md) with its reference summary.
type evalArticle struct {
	id, source string
	sents      []corpus.Sentence
	reference  []string
}

func loadEval(tb testing.TB) []evalArticle {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "eval", "references.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []evalArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var row struct{ Article, Summary, Source string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			tb.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join("testdata", "eval", "articles", row.Article+".txt"))
		if err != nil {
			tb.Fatal(err)
		}
		a, err := corpus.Parse(context.Background(), row.Article, data)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, evalArticle{id: row.Article, source: row.Source, sents: a.Sentences, reference: []string{row.Summary}})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// system makes a summary of an article: its sentences' texts.
type system func(a evalArticle) []string

func lead(n int) system {
	return func(a evalArticle) []string {
		var out []string
		for i := 0; i < n && i < len(a.sents); i++ {
			out = append(out, a.sents[i].Text)
		}
		return out
	}
}

func ranked(tb testing.TB, n int, p params) system {
	return func(a evalArticle) []string {
		chosen, err := summarize(context.Background(), a.sents, Options{Sentences: n}, p)
		if err != nil {
			tb.Fatal(err)
		}
		var out []string
		for _, c := range chosen {
			out = append(out, a.sents[c.Index-1].Text)
		}
		return out
	}
}

// evaluate returns a system's mean ROUGE F1 over the articles, in all and
// by source.
func evaluate(arts []evalArticle, sys system) (all rouge.Scores, bySource map[string]rouge.Scores) {
	bySource = map[string]rouge.Scores{}
	count := map[string]int{}
	for _, a := range arts {
		s := rouge.Score(a.reference, sys(a))
		all = all.Add(s)
		bySource[a.source] = bySource[a.source].Add(s)
		count[a.source]++
	}
	for src, s := range bySource {
		bySource[src] = s.Scale(1 / float64(count[src]))
	}
	return all.Scale(1 / float64(len(arts))), bySource
}

func format(s rouge.Scores) string {
	return fmt.Sprintf("R1=%.2f R2=%.2f RL=%.2f", 100*s.R1, 100*s.R2, 100*s.RL)
}

// TestRougeAgainstLead3: short summaries (3 sentences) of the 40
// development articles must score at least as well as their first three
// sentences on ROUGE-1, ROUGE-2 and ROUGE-L.
func TestRougeAgainstLead3(t *testing.T) {
	arts := loadEval(t)
	if len(arts) != 40 {
		t.Fatalf("%d development articles, want 40", len(arts))
	}
	base, baseBy := evaluate(arts, lead(3))
	got, gotBy := evaluate(arts, ranked(t, 3, defaults))
	t.Logf("lead-3:  %s (bbc %s, cnn-dm %s)", format(base), format(baseBy["bbc-news-summary"]), format(baseBy["cnn-dm"]))
	t.Logf("summary: %s (bbc %s, cnn-dm %s)", format(got), format(gotBy["bbc-news-summary"]), format(gotBy["cnn-dm"]))
	if got.R1 < base.R1 || got.R2 < base.R2 || got.RL < base.RL {
		t.Errorf("short summaries score below lead-3: %s against %s", format(got), format(base))
	}
}

var tune = flag.Bool("tune", false, "TestTune: print ROUGE on the development articles for a grid of ranking settings")

// TestTune prints ROUGE of 3-sentence summaries on the development
// articles for a grid of ranking settings: how defaults were chosen. Run
// `go test ./bot/summary -run TestTune -tune -v`.
func TestTune(t *testing.T) {
	if !*tune {
		t.Skip("run with -tune")
	}
	arts := loadEval(t)
	base, _ := evaluate(arts, lead(3))
	t.Logf("lead-3: %s", format(base))
	var lines []string
	for _, d := range []float64{0.7, 0.85, 0.9} {
		for _, pos := range []float64{0, 0.25, 0.4, 0.5, 0.6, 1} {
			p := defaults
			p.damping, p.position = d, pos
			s, by := evaluate(arts, ranked(t, 3, p))
			lines = append(lines, fmt.Sprintf("damping=%.2f position=%.2f  %s  bbc %s  cnn-dm %s", d, pos, format(s), format(by["bbc-news-summary"]), format(by["cnn-dm"])))
		}
	}
	t.Log("\n" + strings.Join(lines, "\n"))
}
