package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/eval"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/index"
)

// evaluate answers a question set with the built-in model and prints how
// well, by the shared scorers' rules: answer accuracy and support@1
// (score.py), SQuAD exact match and F1 (squad-score.py), by kind and in
// all. Each question is asked of its article alone (ARTICLES_DIR/<article>.txt),
// as ../shared/eval/run.sh does; one with no article, of --corpus (default
// the built-in article). On a set of the user's own this is a held-out
// figure; the project's own held-out figures, with the model retrained
// without each fold's articles, come from `go run ./cmd/train -cv 5`.
func evaluate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	o, rest, err := parseFlags("eval", args, stderr, getenv)
	if err != nil {
		return err
	}
	if len(rest) < 1 || len(rest) > 2 {
		return &usageError{msg: "eval takes a question set (.jsonl) and, for questions about other articles, their folder"}
	}
	qs, err := eval.LoadQuestions(rest[0])
	if err != nil {
		return err
	}
	dir := ""
	if len(rest) == 2 {
		dir = rest[1]
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return &usageError{msg: fmt.Sprintf("%s is not a folder of articles", dir)}
		}
	}
	engines := map[string]*bot.Engine{}
	var closers []func()
	defer func() {
		for _, c := range closers {
			c()
		}
	}()
	engineFor := func(article string) (*bot.Engine, error) {
		if e, ok := engines[article]; ok {
			return e, nil
		}
		var e *bot.Engine
		if article == "" || dir == "" {
			opened, closeIndex, err := openEngine(ctx, o, newLogger(stderr, getenv, slog.LevelWarn))
			if err != nil {
				return nil, err
			}
			closers = append(closers, closeIndex)
			e = opened
		} else {
			c, _, err := corpus.Load(ctx, filepath.Join(dir, article+".txt"))
			if err != nil {
				return nil, err
			}
			ix, err := index.Open(ctx, c, index.Options{})
			if err != nil {
				return nil, err
			}
			closers = append(closers, func() { ix.Close() })
			if e, err = bot.New(ctx, c, ix); err != nil {
				return nil, err
			}
		}
		engines[article] = e
		return e, nil
	}
	byKind := map[string]*eval.Score{}
	var all eval.Score
	for _, q := range qs {
		if err := ctx.Err(); err != nil {
			return err
		}
		e, err := engineFor(q.Article)
		if err != nil {
			return err
		}
		a, err := e.Ask(ctx, bot.Question{Text: q.Question})
		text := ""
		var sents []string
		switch {
		case err != nil && !bot.IsUserError(err):
			return err
		case err == nil:
			if !a.NoAnswer {
				text = a.Text
			}
			for _, c := range a.Sentences {
				sents = append(sents, c.Text)
			}
		}
		k := q.Kind
		if k == "" {
			k = "-"
		}
		if byKind[k] == nil {
			byKind[k] = &eval.Score{}
		}
		byKind[k].Add(q, text, sents)
		all.Add(q, text, sents)
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Fprintf(stdout, "%-10s %5s %7s %7s %6s %6s\n", "kind", "n", "answer", "sup@1", "EM", "F1")
	for _, k := range kinds {
		printScore(stdout, k, *byKind[k])
	}
	printScore(stdout, "all", all)
	return nil
}

func printScore(w io.Writer, name string, s eval.Score) {
	sup := "-"
	if s.Support > 0 {
		sup = fmt.Sprintf("%.3f", s.SupportAt1())
	}
	fmt.Fprintf(w, "%-10s %5d %7.3f %7s %6.1f %6.1f\n", strings.TrimSpace(name), s.N, s.AnswerAcc(), sup, s.ExactMatch(), s.F1Score())
}
