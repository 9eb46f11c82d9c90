package main

import (
	"encoding/json"
	"testing"

	"github.com/articlebot/articlebot/bot"
)

// Flags that do not fit together, arguments where none belong: a usage
// error (exit status 2).
func TestSummaryAndBriefUsage(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, args := range [][]string{
		{"summary", "--length", "long", "--sentences", "3"},
		{"summary", "troops"},
		{"summary", "--sentences", "many"},
		{"brief", "x"},
	} {
		if _, _, err := runCmd(t, env(nil), "", args...); err == nil || exitCode(err) != 2 {
			t.Errorf("%q: err = %v (exit status %d), want a usage error (2)", args, err, exitCode(err))
		}
	}
}

// The JSON of summary and brief decodes into the engine's types.
func TestSummaryAndBriefJSON(t *testing.T) {
	t.Chdir(t.TempDir())
	out, _, err := runCmd(t, env(nil), "", "summary", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var s bot.Summary
	if err := json.Unmarshal([]byte(out), &s); err != nil || len(s.Sentences) != 3 || s.Sentences[0].Index != 1 || s.Length != bot.LengthShort {
		t.Errorf("summary JSON %q: %+v, %v", out, s, err)
	}
	out, _, err = runCmd(t, env(nil), "", "brief", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var b bot.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil || len(b.Sections) != 7 || b.Article != "article" {
		t.Errorf("brief JSON %q: %+v, %v", out, b, err)
	}
}
