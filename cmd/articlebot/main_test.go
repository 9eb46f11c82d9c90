package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
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
		{"brief of an unknown article", []string{"brief", "--article", "nope"}, "", nil, nil, "Known articles: article"},
		{"summary bad length", []string{"summary", "--length", "huge"}, "", nil, nil, "short, medium or long"},
		{"summary too many sentences", []string{"summary", "--sentences", "99"}, "", nil, nil, "1 to 20"},
		{"summary absent topic", []string{"summary", "--topic", "volcanoes"}, "", nil, nil, "says nothing about"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, env(tt.env), tt.stdin, tt.args...)
			checkRun(t, out, err, tt.wantErr, tt.want)
		})
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
	get := withDotEnv(env(map[string]string{"ARTICLEBOT_CORPUS": "from-env"}), p)
	if get("ARTICLEBOT_CORPUS") != "from-env" || get("DISCORD_GUILD_ID") != "1" {
		t.Fatalf("real environment must win, .env fills the rest")
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
