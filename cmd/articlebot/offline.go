package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"sort"
	"strings"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/followup"
	"github.com/articlebot/articlebot/corpus/facts"
)

// offline parses an offline command's flags (the shared ones, and any the
// extra functions register) and opens its engine.
func offline(ctx context.Context, name string, args []string, getenv func(string) string, stderr io.Writer, extra ...func(*flag.FlagSet)) (*options, []string, *bot.Engine, func(), error) {
	o, rest, err := parseFlags(name, args, stderr, getenv, extra...)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	e, closeIndex, err := openEngine(ctx, o, newLogger(stderr, getenv, slog.LevelWarn))
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if o.article != "" {
		if _, ok := e.Article(o.article); !ok {
			closeIndex()
			return nil, nil, nil, nil, &usageError{msg: fmt.Sprintf("--article %q names no article of the corpus; its articles are: %s", o.article, articleIDs(e))}
		}
	}
	return o, rest, e, closeIndex, nil
}

// maxListed is how many article IDs an error lists before "and N more".
const maxListed = 20

// articleIDs lists the engine's article IDs, the first maxListed of them.
func articleIDs(e *bot.Engine) string {
	var ids []string
	all := e.Articles()
	for i, a := range all {
		if i == maxListed {
			ids = append(ids, fmt.Sprintf("and %d more", len(all)-maxListed))
			break
		}
		ids = append(ids, a.ID)
	}
	return strings.Join(ids, ", ")
}

// ask answers the question in args, or each line of stdin.
func ask(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	o, rest, e, closeIndex, err := offline(ctx, "ask", args, getenv, stderr)
	if err != nil {
		return err
	}
	defer closeIndex()
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	if len(rest) > 0 {
		return answerOne(ctx, e, o, strings.Join(rest, " "), w)
	}
	return eachLine(ctx, stdin, func(line string) error {
		if strings.TrimSpace(line) == "" {
			return nil
		}
		return answerOne(ctx, e, o, line, w)
	})
}

// maxLine is the longest input line kept whole; the rest of a longer line
// is read and dropped, so the line still gets its one answer (a refusal)
// and the lines after it are not lost.
const maxLine = 64 << 10

// eachLine calls fn with every line of r, without its line ending, until
// r ends or ctx does. r is read in a goroutine, so that a signal stops a
// command waiting for input; that goroutine ends with the process (or
// when r next returns).
func eachLine(ctx context.Context, r io.Reader, fn func(string) error) error {
	lines := make(chan string)
	stop := make(chan struct{})
	defer close(stop)
	readErr := make(chan error, 1)
	go func() {
		readErr <- readLines(r, func(line string) bool {
			select {
			case lines <- line:
				return true
			case <-stop:
				return false
			}
		})
		close(lines)
	}()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case line, ok := <-lines:
			if !ok {
				return <-readErr
			}
			if err := fn(line); err != nil {
				return err
			}
		}
	}
}

// readLines passes every line of r to emit, until emit returns false.
func readLines(r io.Reader, emit func(string) bool) error {
	br := bufio.NewReaderSize(r, 4096)
	for {
		var line []byte
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if len(line) < maxLine {
				line = append(line, chunk[:min(len(chunk), maxLine-len(line))]...)
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if len(line) > 0 || err == nil {
			if !emit(strings.TrimRight(string(line), "\r\n")) {
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read questions: %w", err)
		}
	}
}

// answerOne answers a question and prints the answer as text or JSON. A
// question the engine refuses (empty, too long) is reported and answering
// goes on.
func answerOne(ctx context.Context, e *bot.Engine, o *options, q string, w *bufio.Writer) error {
	_, err := answerAndPrint(ctx, e, o, q, w)
	return err
}

// answerAndPrint is answerOne, returning the answer (nil when the question
// was refused).
func answerAndPrint(ctx context.Context, e *bot.Engine, o *options, q string, w *bufio.Writer) (*bot.Answer, error) {
	a, err := e.Ask(ctx, bot.Question{Text: q, Article: o.article, Explain: o.explain})
	refused := ""
	if err != nil {
		if !bot.IsUserError(err) {
			return nil, err
		}
		refused = err.Error()
		a = &bot.Answer{Question: q, Kind: bot.KindOther, NoAnswer: true, Sentences: []bot.Citation{}, Facts: []facts.Fact{}}
		if !o.json {
			fmt.Fprintln(w, refused)
			return nil, w.Flush()
		}
	}
	if o.json {
		// A refused question still gets its line, saying why.
		b, err := json.Marshal(struct {
			*bot.Answer
			Error string `json:"error,omitempty"`
		}{a, refused})
		if err != nil {
			return nil, fmt.Errorf("encode answer: %w", err)
		}
		w.Write(b)
		w.WriteByte('\n')
		return a, w.Flush()
	}
	printAnswer(w, a)
	if a.Explain != nil {
		printExplanation(w, a.Explain)
	}
	return a, w.Flush()
}

// explainFeatures is how many of a candidate's features --explain shows:
// those that weigh most.
const explainFeatures = 8

// printExplanation lists the candidates --explain asked for.
func printExplanation(w io.Writer, ex *bot.Explanation) {
	fmt.Fprintln(w, "Candidates, best first:")
	for i, c := range ex.Candidates {
		fmt.Fprintf(w, "%2d. %q  %s  score %.3f  p %.2f  (sentence %d)\n", i+1, c.Text, c.Type, c.Score, c.Prob, c.Sentence.Index)
		fs := append([]bot.ExplainedFeature(nil), c.Features...)
		sort.SliceStable(fs, func(i, j int) bool {
			return math.Abs(fs[i].Value*fs[i].Weight) > math.Abs(fs[j].Value*fs[j].Weight)
		})
		for j, f := range fs {
			if j == explainFeatures {
				fmt.Fprintf(w, "      … %d more\n", len(fs)-j)
				break
			}
			fmt.Fprintf(w, "      %+.3f  %s (%.2g × %.3f)\n", f.Value*f.Weight, f.Name, f.Value, f.Weight)
		}
	}
	fmt.Fprintf(w, "Decision: no answer in the article %.2f; the best candidate right if there is one %.2f\n", ex.NoneProb, ex.AnswerProb)
	fmt.Fprintln(w, "      none    right   feature")
	for _, f := range ex.Decision {
		fmt.Fprintf(w, "    %+7.3f %+7.3f   %s (%.3g)\n", f.Value*f.NoneWeight, f.Value*f.RightWeight, f.Name, f.Value)
	}
}

func printAnswer(w io.Writer, a *bot.Answer) {
	if a.NoAnswer {
		fmt.Fprintln(w, "The article doesn't say.")
		for i, s := range a.Sentences {
			if i == 0 {
				fmt.Fprintln(w, "  Closest:")
			}
			fmt.Fprintf(w, "  %q (%s, sentence %d)\n", s.Text, s.Title, s.Index)
		}
		return
	}
	fmt.Fprintln(w, a.Text)
	for i, s := range a.Sentences {
		if i == 1 {
			fmt.Fprintln(w, "  See also:")
		}
		fmt.Fprintf(w, "  %q (%s, sentence %d)\n", s.Text, s.Title, s.Index)
	}
}

// chat answers one question after another until EOF or "quit".
func chat(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	o, _, e, closeIndex, err := offline(ctx, "chat", args, getenv, stderr)
	if err != nil {
		return err
	}
	defer closeIndex()
	var titles []string
	for _, a := range e.Articles() {
		titles = append(titles, fmt.Sprintf("%s (%s, %d sentences)", a.Title, a.ID, a.Sentences))
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	fmt.Fprintf(w, "Ask about: %s\nType a question, or quit. A question may lean on the one before (\"what did she say?\", \"where?\").\n", strings.Join(titles, "; "))
	fmt.Fprint(w, "> ")
	w.Flush()
	resolver, err := followup.New()
	if err != nil {
		return err
	}
	var prev followup.Turn
	errQuit := errors.New("quit")
	err = eachLine(ctx, stdin, func(line string) error {
		line = strings.TrimSpace(line)
		switch strings.ToLower(line) {
		case "":
		case "quit", "exit", "bye", "q":
			return errQuit
		default:
			if ctx.Err() != nil {
				return errQuit
			}
			q := line
			if prev.Question != "" {
				if res := resolver.Resolve(prev, line); res.Changed() {
					q = res.Question
					fmt.Fprintf(w, "(asking: %s)\n", q)
				}
			}
			a, err := answerAndPrint(ctx, e, o, q, w)
			if err != nil {
				return err
			}
			prev = followup.Turn{Question: q, Answer: a}
		}
		fmt.Fprint(w, "> ")
		return w.Flush()
	})
	if errors.Is(err, errQuit) {
		return nil
	}
	fmt.Fprintln(w)
	return err
}

// kindTitles name the kinds of fact as the facts command lists them.
var kindTitles = map[facts.Kind]string{
	facts.KindPerson: "People", facts.KindQuote: "Quotes", facts.KindQuantity: "Numbers",
	facts.KindPlace: "Places", facts.KindOrg: "Organisations", facts.KindTime: "Times",
}

// listFacts prints every fact, by kind.
func listFacts(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	o, _, e, closeIndex, err := offline(ctx, "facts", args, getenv, stderr)
	if err != nil {
		return err
	}
	defer closeIndex()
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	for _, a := range e.Articles() {
		if o.article != "" && a.ID != o.article {
			continue
		}
		fs, err := e.Facts(ctx, a.ID)
		if err != nil {
			return err
		}
		people := e.People(a.ID)
		if o.json {
			b, err := json.Marshal(struct {
				Article string         `json:"article"`
				Title   string         `json:"title"`
				People  []facts.Person `json:"people"`
				Facts   []facts.Fact   `json:"facts"`
			}{a.ID, a.Title, people, fs})
			if err != nil {
				return fmt.Errorf("encode facts: %w", err)
			}
			w.Write(b)
			w.WriteByte('\n')
			continue
		}
		fmt.Fprintf(w, "# %s (%s)\n", a.Title, a.ID)
		if len(people) > 0 {
			fmt.Fprintln(w, "People and roles:")
			for _, p := range people {
				role := ""
				if len(p.Roles) > 0 {
					role = " — " + strings.Join(p.Roles, "; ")
				}
				fmt.Fprintf(w, "  %s%s (sentences %s)\n", p.Name, role, joinInts(p.Sentences))
			}
		}
		byKind := map[facts.Kind][]facts.Fact{}
		for _, f := range fs {
			if f.Kind != facts.KindPerson {
				byKind[f.Kind] = append(byKind[f.Kind], f)
			}
		}
		for _, k := range facts.Kinds() {
			list := byKind[k]
			if len(list) == 0 {
				continue
			}
			sort.SliceStable(list, func(i, j int) bool { return list[i].Sentence < list[j].Sentence })
			fmt.Fprintf(w, "%s:\n", kindTitles[k])
			for _, f := range list {
				switch {
				case k == facts.KindQuote:
					fmt.Fprintf(w, "  [%d] %s: %q\n", f.Sentence, f.Speaker, f.Text)
				case f.Value != "" && f.Value != f.Text && k != facts.KindQuantity:
					fmt.Fprintf(w, "  [%d] %s (%s)\n", f.Sentence, f.Text, f.Value)
				default:
					fmt.Fprintf(w, "  [%d] %s\n", f.Sentence, f.Text)
				}
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}
