package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/corpus/golden"
)

// TestGolden compares whole outputs of the offline commands with files in
// testdata/: a change in what the engine extracts or answers shows up here
// line by line. Run `go test ./cmd/articlebot -run TestGolden -update` to
// accept a change after reading the diff.
func TestGolden(t *testing.T) {
	pkg, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(pkg, "testdata")
	t.Chdir(t.TempDir())
	questions := strings.Join([]string{
		"How many troops could the force have?",
		"Who said 'We must be ready for when peace comes'?",
		"Who is the Finnish Defense Minister?",
		"When will over 50 countries meet again?",
		"Where did the meeting take place?",
		"Which countries need parliamentary approval to send troops?",
		"Why is Russia gearing up for a new attack?",
		"Does the United States participate in the coalition meetings?",
		"How many tanks will Germany send?",
		"",
		"@everyone +troops -force title:x",
	}, "\n")
	tests := []struct {
		name  string
		args  []string
		stdin string
	}{
		{"facts", []string{"facts"}, ""},
		{"facts-json", []string{"facts", "--json"}, ""},
		{"ask-json", []string{"ask", "--json"}, questions},
		{"ask-text", []string{"ask"}, questions},
		{"summary", []string{"summary"}, ""},
		{"summary-long-topic", []string{"summary", "--length", "long", "--topic", "troops"}, ""},
		{"summary-json", []string{"summary", "--sentences", "4", "--json"}, ""},
		{"brief", []string{"brief"}, ""},
		{"brief-json", []string{"brief", "--json"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, env(nil), tt.stdin, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(dir, tt.name+".golden"), out)
		})
	}
}
