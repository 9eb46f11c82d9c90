package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func runCmd(t *testing.T, getenv func(string) string, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), append([]string{"articlebot"}, args...), getenv, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

// checkRun checks what a command did: failed with an error that says
// wantErr, or, when wantErr is "", succeeded with every want in its output.
func checkRun(t *testing.T, out string, err error, wantErr string, want []string) {
	t.Helper()
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("err = %v, want %q", err, wantErr)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
}

func TestCommands(t *testing.T) {
	t.Chdir(t.TempDir()) // no .env here
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "city.txt"), []byte("Council votes on budget\n\nThe council approved a budget of £40m on Tuesday. Mayor Ada Cole said: \"This is good news.\"\n"), 0o644)
	two := t.TempDir()
	os.WriteFile(filepath.Join(two, "a-city.txt"), []byte("Council votes on budget\n\nThe council approved a budget of £40m on Tuesday. Mayor Ada Cole said: \"This is good news.\"\n"), 0o644)
	os.WriteFile(filepath.Join(two, "b-port.txt"), []byte("Port to expand\n\nThe port will add two berths next year. Work will start on Monday, the harbour board said.\n"), 0o644)
	set := filepath.Join(dir, "set.jsonl")
	os.WriteFile(set, []byte(`{"id":"1","article":"","kind":"how_many","question":"How many troops could the force have?","answers":["10,000 to 30,000 troops"],"support":"Some estimates suggest that a force of 10,000 to 30,000 troops could be set up."}
{"id":"2","article":"","kind":"none","question":"How many tanks will Germany send?","answers":[],"support":""}
`), 0o644)
	tests := []struct {
		name    string
		args    []string
		stdin   string
		env     map[string]string
		want    []string
		wantErr string
	}{
		{"ask", []string{"ask", "How many troops could the force have?"}, "", nil, []string{"10,000 to 30,000 troops", "sentence 13"}, ""},
		{"ask no answer", []string{"ask", "How many tanks will Germany send?"}, "", nil, []string{"The article doesn't say."}, ""},
		{"ask other corpus", []string{"ask", "--corpus", dir, "who said this is good news?"}, "", nil, []string{"Ada Cole"}, ""},
		{"corpus from env", []string{"ask", "how much is the budget?"}, "", map[string]string{"ARTICLEBOT_CORPUS": dir}, []string{"£40m"}, ""},
		{"empty question is reported", []string{"ask", "   "}, "", nil, []string{"empty"}, ""},
		{"chat", []string{"chat"}, "who is the russian president?\nquit\n", nil, []string{"Vladimir Putin", "> "}, ""},
		{"chat follows up", []string{"chat"}, "who is the finnish defense minister?\nwhat did she say?\nquit\n", nil, []string{"Anni Hakkanen", "(asking: what did Anni Hakkanen say?)", "sentence 9"}, ""},
		{"no command without token chats", nil, "when will over 50 countries meet again?\n", nil, []string{"Friday"}, ""},
		{"facts", []string{"facts"}, "", nil, []string{"John Healey — Britain’s Defense Minister", "Quotes:", "about 30 countries"}, ""},
		{"run without token", []string{"run"}, "", nil, nil, "DISCORD_TOKEN is not set"},
		{"unknown command", []string{"bogus"}, "", nil, nil, "unknown command"},
		{"bad corpus", []string{"ask", "--corpus", filepath.Join(dir, "missing"), "x"}, "", nil, nil, "missing"},
		{"summary", []string{"summary"}, "", nil, []string{"# Summary: Article (article)", "Short summary, 3 of 20 sentences.", "[1]\n"}, ""},
		{"summary sentences", []string{"summary", "--sentences", "2"}, "", nil, []string{"2 of 20 sentences."}, ""},
		{"summary topic", []string{"summary", "--topic", "parliaments"}, "", nil, []string{"about “parliaments”", "[18]"}, ""},
		{"summary of the last article by default", []string{"summary", "--corpus", two}, "", nil, []string{"(b-port)", "two berths"}, ""},
		{"summary of a named article", []string{"summary", "--corpus", two, "--article", "a-city"}, "", nil, []string{"(a-city)", "£40m"}, ""},
		{"brief", []string{"brief"}, "", nil, []string{"## Who's who", "**John Healey** (Britain’s Defense Minister)", "**Friday**", "## For discussion", "1. "}, ""},
		{"brief of the last article by default", []string{"brief", "--corpus", two}, "", nil, []string{"# Brief: Port to expand (b-port)", "**Monday**"}, ""},
		{"brief of an unknown article", []string{"brief", "--article", "nope"}, "", nil, nil, "its articles are: article"},
		{"summary bad length", []string{"summary", "--length", "huge"}, "", nil, nil, "short, medium or long"},
		{"summary too many sentences", []string{"summary", "--sentences", "99"}, "", nil, nil, "1 to 20"},
		{"summary absent topic", []string{"summary", "--topic", "volcanoes"}, "", nil, nil, "says nothing about"},
		{"eval", []string{"eval", set}, "", nil, []string{"how_many       1   1.000   1.000", "none           1   1.000", "all            2   1.000"}, ""},
		{"eval a missing set", []string{"eval", filepath.Join(dir, "nope.jsonl")}, "", nil, nil, "nope.jsonl"},
		{"eval without a set", []string{"eval"}, "", nil, nil, "eval takes a question set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, env(tt.env), tt.stdin, tt.args...)
			checkRun(t, out, err, tt.wantErr, tt.want)
		})
	}
}

// TestIndexFromEnv: ARTICLEBOT_INDEX is --index's default: the index and
// what loading computed are kept there, and a second start reads them.
func TestIndexFromEnv(t *testing.T) {
	t.Chdir(t.TempDir())
	dir, state := t.TempDir(), filepath.Join(t.TempDir(), "state")
	os.WriteFile(filepath.Join(dir, "city.txt"), []byte("Council votes on budget\n\nThe council approved a budget of £40m on Tuesday. Mayor Ada Cole said: \"This is good news.\"\n"), 0o644)
	vars := env(map[string]string{"ARTICLEBOT_CORPUS": dir, "ARTICLEBOT_INDEX": state})
	for range 2 {
		out, _, err := runCmd(t, vars, "", "ask", "how much is the budget?")
		checkRun(t, out, err, "", []string{"£40m"})
	}
	for _, name := range []string{"index", "articles.db"} {
		if _, err := os.Stat(filepath.Join(state, name)); err != nil {
			t.Errorf("ARTICLEBOT_INDEX holds no %s: %v", name, err)
		}
	}
}

// TestAskJSON: one JSON object a line, in the order of the questions.
func TestAskJSON(t *testing.T) {
	t.Chdir(t.TempDir())
	qs := "How many troops could the force have?\n\nHow many tanks will Germany send?\n@everyone +x -y title:z\n"
	out, _, err := runCmd(t, env(nil), qs, "ask", "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	var first, second struct {
		Question   string  `json:"question"`
		Answer     string  `json:"answer"`
		NoAnswer   bool    `json:"no_answer"`
		Confidence float64 `json:"confidence"`
		Sentences  []struct {
			Article string `json:"article"`
			Index   int    `json:"index"`
			Text    string `json:"text"`
		} `json:"sentences"`
	}
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(lines[1]), &second)
	if first.Answer != "10,000 to 30,000 troops" || first.Sentences[0].Index != 13 || first.Question != "How many troops could the force have?" {
		t.Errorf("first: %+v", first)
	}
	if !second.NoAnswer || second.Answer != "" {
		t.Errorf("second: %+v", second)
	}
}

func TestDotEnv(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, ".env")
	os.WriteFile(p, []byte("ARTICLEBOT_CORPUS=from-file\nDISCORD_GUILD_ID=1\n"), 0o600)
	get, err := withDotEnv(env(map[string]string{"ARTICLEBOT_CORPUS": "from-env"}), p)
	if err != nil {
		t.Fatal(err)
	}
	if get("ARTICLEBOT_CORPUS") != "from-env" || get("DISCORD_GUILD_ID") != "1" {
		t.Fatalf("real environment must win, .env fills the rest")
	}
}

// TestDotEnvErrors: a missing .env is fine; a broken one is an error that
// names the file and the line, and never shows the line's text (it may
// hold the token).
func TestDotEnvErrors(t *testing.T) {
	const secret = "Mz.secret.token"
	tests := []struct {
		name, text string
		line       int // 0: no error
		want       map[string]string
	}{
		{"settings", "# comment\nDISCORD_TOKEN=" + secret + "\n\nexport DISCORD_GUILD_ID = 1\n", 0, map[string]string{"DISCORD_TOKEN": secret, "DISCORD_GUILD_ID": "1"}},
		{"crlf and quotes", "A=\"x y\"\r\nB='z' # note\r\n", 0, map[string]string{"A": "x y", "B": "z"}},
		{"quoted value over lines", "A=\"one\ntwo\"\nB=3\n", 0, map[string]string{"A": "one\ntwo", "B": "3"}},
		{"space for equals", "DISCORD_GUILD_ID=1\nDISCORD_TOKEN " + secret + "\n", 2, nil},
		{"bare word last, no newline", "A=1\n" + secret, 2, nil},
		{"no name", "A=1\n\n=" + secret + "\n", 3, nil},
		{"quote never closed", "A=1\nDISCORD_TOKEN=\"" + secret + "\nB=2\n", 2, nil},
		{"bad character in name", "DISCORD-TOKEN=" + secret + "\n", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), ".env")
			if err := os.WriteFile(p, []byte(tt.text), 0o600); err != nil {
				t.Fatal(err)
			}
			get, err := withDotEnv(env(nil), p)
			if tt.line == 0 {
				if err != nil {
					t.Fatal(err)
				}
				for k, v := range tt.want {
					if got := get(k); got != v {
						t.Errorf("%s = %q, want %q", k, got, v)
					}
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			if want := fmt.Sprintf("%s line %d:", p, tt.line); !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error shows the file's text: %q", err)
			}
		})
	}
	t.Run("missing", func(t *testing.T) {
		if _, err := withDotEnv(env(nil), filepath.Join(t.TempDir(), ".env")); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("run reports it", func(t *testing.T) {
		t.Chdir(t.TempDir())
		if err := os.WriteFile(".env", []byte("DISCORD_TOKEN "+secret+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, _, err := runCmd(t, env(nil), "", "ask", "how many troops?")
		if err == nil || !strings.Contains(err.Error(), ".env line 1") || exitCode(err) == 0 {
			t.Fatalf("err = %v", err)
		}
	})
}

// TestUnknownArticle: --article naming no article is a usage error that
// lists the articles there are, for every offline command.
func TestUnknownArticle(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, args := range [][]string{{"facts", "--article", "nosuch"}, {"ask", "--article", "nosuch", "how many troops?"}, {"chat", "--article", "nosuch"}} {
		t.Run(args[0], func(t *testing.T) {
			out, _, err := runCmd(t, env(nil), "", args...)
			if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), `"nosuch"`) || !strings.Contains(err.Error(), "article") {
				t.Fatalf("err = %v (exit %d)", err, exitCode(err))
			}
			if !strings.Contains(err.Error(), "its articles are: article") {
				t.Errorf("error does not list the built-in article: %v", err)
			}
			if strings.TrimSpace(out) != "" {
				t.Errorf("printed %q", out)
			}
		})
	}
}

// TestAskStopsWaitingForInput: ask reading questions from an input that
// never ends returns, as a clean stop, when its context ends.
func TestAskStopsWaitingForInput(t *testing.T) {
	t.Chdir(t.TempDir())
	stdin, w := io.Pipe()
	defer w.Close()
	out := &syncWriter{b: &strings.Builder{}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"articlebot", "ask"}, env(nil), stdin, out, io.Discard)
	}()
	if _, err := io.WriteString(w, "How many troops could the force have?\n"); err != nil {
		t.Fatal(err)
	}
	// Once the answer is out, ask is waiting for the next line.
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(out.String(), "10,000 to 30,000"); {
		if time.Now().After(deadline) {
			t.Fatalf("no answer; output %q", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run = %v, want nil (a clean stop)", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ask still waiting for input 10 s after its context ended")
	}
}

// syncWriter lets a goroutine's log be read after it ends.
type syncWriter struct {
	mu sync.Mutex
	b  *strings.Builder
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// TestAskBadLines: empty, binary, oversized and Bleve-syntax lines each get
// their own answer line, and the questions after them are still answered.
func TestAskBadLines(t *testing.T) {
	t.Chdir(t.TempDir())
	in := strings.Join([]string{
		"\x00\xff\xfe",
		strings.Repeat("troops ", 30000),
		"?!?",
		"title:x +troops -force /.*/",
		"How many troops could the force have?",
	}, "\n") + "\n"
	out, _, err := runCmd(t, env(nil), in, "ask", "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d answer lines for 5 questions:\n%.500s", len(lines), out)
	}
	var tooLong, last struct {
		Answer string `json:"answer"`
		Error  string `json:"error"`
	}
	json.Unmarshal([]byte(lines[1]), &tooLong)
	json.Unmarshal([]byte(lines[4]), &last)
	if !strings.Contains(tooLong.Error, "too long") {
		t.Errorf("oversized line: %+v", tooLong)
	}
	if last.Answer != "10,000 to 30,000 troops" {
		t.Errorf("question after the bad lines: %+v", last)
	}
}
