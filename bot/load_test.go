package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/eval"
)

// copyDir copies the article files of src into a new temporary folder.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func load(t *testing.T, o bot.LoadOptions) *bot.Loaded {
	t.Helper()
	l, err := bot.Load(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// answers asks every question of qs of e (of its article, and of the
// whole corpus) and returns the answers and every fact as JSON.
func answers(t *testing.T, e *bot.Loaded, qs []eval.Question) []byte {
	t.Helper()
	ctx := context.Background()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, q := range qs {
		for _, article := range []string{q.Article, ""} {
			a, err := e.Ask(ctx, bot.Question{Text: q.Question, Article: article, Explain: true})
			if err != nil {
				t.Fatalf("%s: %v", q.ID, err)
			}
			if err := enc.Encode(a); err != nil {
				t.Fatal(err)
			}
		}
	}
	fs, err := e.Facts(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := enc.Encode(fs); err != nil {
		t.Fatal(err)
	}
	if err := enc.Encode(e.People("")); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWarmStartAnswersAsCold: a start that reads every article back from
// the index folder answers every question of the question sets byte for
// byte as a start that extracted them, on disk or in memory, and
// extracts and indexes nothing.
func TestWarmStartAnswersAsCold(t *testing.T) {
	sets := []struct{ name, questions, articles string }{
		{"news-dev", "news-dev.jsonl", "articles"},
		{"news-dev2", "news-dev2/questions.jsonl", "news-dev2/articles"},
		{"general", "../general.jsonl", "../general"},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			qs, err := eval.LoadQuestions(filepath.Join(trainDir, set.questions))
			if err != nil {
				t.Fatal(err)
			}
			articles := filepath.Join(trainDir, set.articles)
			dir := filepath.Join(t.TempDir(), "index")
			memory := answers(t, load(t, bot.LoadOptions{Corpus: articles}), qs)
			cold := load(t, bot.LoadOptions{Corpus: articles, Dir: dir})
			if cold.Extracted != len(cold.Articles()) || !cold.Index.Rebuilt() {
				t.Errorf("cold start extracted %d of %d articles, rebuilt %v", cold.Extracted, len(cold.Articles()), cold.Index.Rebuilt())
			}
			coldAnswers := answers(t, cold, qs)
			cold.Close()
			warm := load(t, bot.LoadOptions{Corpus: articles, Dir: dir})
			if in, rm := warm.Index.Updated(); warm.Extracted != 0 || warm.Index.Rebuilt() || in != 0 || rm != 0 {
				t.Errorf("warm start extracted %d articles, rebuilt %v, indexed %d, removed %d; want none", warm.Extracted, warm.Index.Rebuilt(), in, rm)
			}
			warmAnswers := answers(t, warm, qs)
			if !bytes.Equal(coldAnswers, memory) {
				t.Error("a cold start on disk answers otherwise than in memory")
			}
			if !bytes.Equal(warmAnswers, coldAnswers) {
				t.Error("a warm start answers otherwise than a cold one")
			}
		})
	}
}

// TestEditOneArticleExtractsOnlyIt: changing, adding or removing one
// article file costs that article's extraction and indexing, nothing of
// the others, and the engine answers from the files as they are now.
func TestEditOneArticleExtractsOnlyIt(t *testing.T) {
	articles := copyDir(t, filepath.Join(trainDir, "articles"))
	dir := filepath.Join(t.TempDir(), "index")
	files, _ := filepath.Glob(filepath.Join(articles, "*.txt"))
	if len(files) < 3 {
		t.Fatalf("%d articles, want 3 or more", len(files))
	}
	q := bot.Question{Text: "How many zeppelins did the airline order?"}
	steps := []struct {
		name             string
		change           func(t *testing.T)
		extracted        int
		indexed, removed int
		answer           string // "" : no answer
	}{
		{"cold", func(*testing.T) {}, len(files), len(files), 0, ""},
		{"warm", func(*testing.T) {}, 0, 0, 0, ""},
		{"edit-one", func(t *testing.T) {
			appendTo(t, files[1], "\n\nThe airline ordered 14 zeppelins for its new routes.\n")
		}, 1, 1, 0, "14 zeppelins"},
		{"add-one", func(t *testing.T) {
			write(t, filepath.Join(articles, "zz-new.txt"), "Airships return\n\nA rival airline ordered 3 zeppelins on Monday, its chief executive said.\n")
		}, 1, 1, 0, "14 zeppelins"},
		{"cache-damaged", func(t *testing.T) {
			damage(t, dir)
		}, 0, 0, 0, "14 zeppelins"},
		{"remove-edited", func(t *testing.T) {
			if err := os.Remove(files[1]); err != nil {
				t.Fatal(err)
			}
		}, 0, 0, 1, "3 zeppelins"},
	}
	for _, st := range steps {
		if !t.Run(st.name, func(t *testing.T) {
			st.change(t)
			l := load(t, bot.LoadOptions{Corpus: articles, Dir: dir})
			defer l.Close()
			in, rm := l.Index.Updated()
			if l.Extracted != st.extracted || in != st.indexed || rm != st.removed {
				t.Errorf("extracted %d, indexed %d, removed %d; want %d, %d, %d", l.Extracted, in, rm, st.extracted, st.indexed, st.removed)
			}
			a, err := l.Ask(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != st.answer {
				t.Errorf("%q = %q, want %q", q.Text, a.Text, st.answer)
			}
		}) {
			t.FailNow()
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func appendTo(t *testing.T, path, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	write(t, path, string(data)+text)
}

// damage overwrites every record of the cache in the index folder dir.
func damage(t *testing.T, dir string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "articles.db.*.data"))
	if len(files) != 1 {
		t.Fatalf("data files %v, want one", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	for i := range data {
		data[i] ^= 0x5a
	}
	write(t, files[0], string(data))
}
