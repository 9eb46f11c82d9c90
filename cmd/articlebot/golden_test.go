package main

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden compares whole outputs of the offline commands with files in
// testdata/: a change in what the engine extracts or answers shows up here
// line by line. Run `go test ./cmd/articlebot -run TestGolden -update` to
// accept a change after reading the diff.
func TestGolden(t *testing.T) {
	pkg, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(pkg, "testdata")
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, env(nil), tt.stdin, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(golden, tt.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s (run with -update after checking the diff):\n%s", path, firstDiff(string(want), out))
			}
		})
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + "\n want: " + wl + "\n  got: " + gl
		}
	}
	return ""
}
