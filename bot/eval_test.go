package bot_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/index"
	"golang.org/x/text/unicode/norm"
)

// goldQuestion is one line of a question set (../shared/eval's format).
type goldQuestion struct {
	ID       string   `json:"id"`
	Article  string   `json:"article"`
	Kind     string   `json:"kind"`
	Question string   `json:"question"`
	Answers  []string `json:"answers"`
	Support  string   `json:"support"`
}

func loadGold(t *testing.T, path string) []goldQuestion {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldQuestion
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q goldQuestion
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
	return out
}

// The scoring rules of ../shared/eval/score.py, in Go.
var (
	thousands  = regexp.MustCompile(`(\d),(\d{3})`)
	possessive = regexp.MustCompile(`'s\b`)
	nonWord    = regexp.MustCompile(`[^\p{L}\p{N}_\s]`)
)

func normTokens(s string) []string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	for thousands.MatchString(s) {
		s = thousands.ReplaceAllString(s, "$1$2")
	}
	s = possessive.ReplaceAllString(s, "")
	s = nonWord.ReplaceAllString(s, " ")
	var out []string
	for _, w := range strings.FieldsFunc(s, unicode.IsSpace) {
		if w != "a" && w != "an" && w != "the" {
			out = append(out, w)
		}
	}
	return out
}

func containsRun(hay, needle []string) bool {
	if len(needle) == 0 {
		return false
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		ok := true
		for j := range needle {
			if hay[i+j] != needle[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func sameSentence(a, b string) bool {
	ta, tb := normTokens(a), normTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	short, long := ta, tb
	if len(ta) > len(tb) {
		short, long = tb, ta
	}
	return containsRun(long, short) && float64(len(short)) >= 0.6*float64(len(long))
}

func answerRight(g goldQuestion, a *bot.Answer) bool {
	ans := strings.TrimSpace(a.Text)
	if a.NoAnswer {
		ans = ""
	}
	if len(g.Answers) == 0 {
		return ans == ""
	}
	pt := normTokens(ans)
	for _, want := range g.Answers {
		gt := normTokens(want)
		if containsRun(pt, gt) && len(pt) <= max(2*len(gt), len(gt)+6) {
			return true
		}
	}
	return false
}

// evalSet asks every question of a set and returns answer accuracy and
// support@1.
func evalSet(t *testing.T, gold []goldQuestion, engineFor func(article string) *bot.Engine) (acc, sup1 float64) {
	t.Helper()
	ctx := context.Background()
	right, withSupport, sup := 0, 0, 0
	for _, g := range gold {
		e := engineFor(g.Article)
		a, err := e.Ask(ctx, bot.Question{Text: g.Question})
		if err != nil {
			t.Fatalf("%s: %v", g.ID, err)
		}
		ok := answerRight(g, a)
		if ok {
			right++
		}
		if g.Support != "" {
			withSupport++
			if len(a.Sentences) > 0 && sameSentence(g.Support, a.Sentences[0].Text) {
				sup++
			}
		}
		if !ok && testing.Verbose() {
			t.Logf("MISS %s [%s/%s] %q gold=%q got=%q conf=%.2f", g.ID, g.Kind, a.Kind, g.Question, g.Answers, a.Text, a.Confidence)
			for i, s := range a.Sentences {
				if i < 2 {
					t.Logf("       %d: %.90s", s.Index, s.Text)
				}
			}
		}
	}
	return float64(right) / float64(len(gold)), float64(sup) / float64(max(withSupport, 1))
}

// indexOn is an in-memory index of c, closed when the test ends.
func indexOn(tb testing.TB, c *corpus.Corpus) *index.Index {
	tb.Helper()
	ix, err := index.Open(context.Background(), c, index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

// engineOn is an engine over c, with indexOn's index.
func engineOn(tb testing.TB, c *corpus.Corpus) *bot.Engine {
	tb.Helper()
	e, err := bot.New(context.Background(), c, indexOn(tb, c))
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// TestQuestionSets runs the development question sets and fails below the
// figures the project promises.
func TestQuestionSets(t *testing.T) {
	sets := []struct {
		name          string
		file          string
		articles      string
		minAcc, minS1 float64
		together      bool // one corpus of every article, no article chosen
	}{
		{"seed-dev", "testdata/eval/seed-dev.jsonl", "", 0.90, 0.90, false},
		{"news-dev", "testdata/eval/news-dev.jsonl", "testdata/eval/articles", 0.75, 0.85, false},
		// The same questions asked of all six articles at once, as a
		// Discord user asks who picks no article: the same floor.
		{"news-dev-together", "testdata/eval/news-dev.jsonl", "testdata/eval/articles", 0.75, 0.85, true},
		// Three short articles written for this project (sport, local
		// politics, health research) that no rule was tuned on first: a
		// guard against rules that fit only the sets above. Its questions
		// give no support sentences.
		{"general", "testdata/general.jsonl", "testdata/general", 0.85, 0, false},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			gold := loadGold(t, set.file)
			load := func(article string) (*corpus.Corpus, error) {
				switch {
				case set.together:
					c, _, err := corpus.Load(context.Background(), set.articles)
					return c, err
				case article == "":
					return corpus.Default()
				}
				c, _, err := corpus.Load(context.Background(), filepath.Join(set.articles, article+".txt"))
				return c, err
			}
			engines := map[string]*bot.Engine{}
			engineFor := func(article string) *bot.Engine {
				if set.together {
					article = "*"
				}
				if e, ok := engines[article]; ok {
					return e
				}
				c, err := load(article)
				if err != nil {
					t.Fatal(err)
				}
				engines[article] = engineOn(t, c)
				return engines[article]
			}
			acc, s1 := evalSet(t, gold, engineFor)
			t.Logf("%s: answer_acc=%.3f support@1=%.3f n=%d", set.name, acc, s1, len(gold))
			if acc < set.minAcc {
				t.Errorf("answer_acc %.3f, want >= %.2f", acc, set.minAcc)
			}
			if set.minS1 > 0 && s1 < set.minS1 {
				t.Errorf("support@1 %.3f, want >= %.2f", s1, set.minS1)
			}
		})
	}
}
