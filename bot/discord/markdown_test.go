package discord

import (
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "How many troops?", "How many troops?"},
		{"bold", "**bold**", `\*\*bold\*\*`},
		{"italic underscore", "_it_", `\_it\_`},
		{"strike spoiler code", "~~s~~ ||x|| `c`", `\~\~s\~\~ \|\|x\|\| ` + "\\`c\\`"},
		{"everyone", "@everyone look", "@" + zwsp + "everyone look"},
		{"here any case", "@HERE", "@" + zwsp + "HERE"},
		{"user mention", "<@123>", "<" + zwsp + `@123\>`},
		{"nick mention", "<@!123>", "<" + zwsp + `@!123\>`},
		{"role mention", "<@&456>", "<" + zwsp + `@&456\>`},
		{"channel mention", "<#789>", "<" + zwsp + `#789\>`},
		{"heading", "# big", `\# big`},
		{"heading mid-line", "a # b", "a # b"},
		{"list", "- item", `\- item`},
		{"numbered list", "1. item", `1\. item`},
		{"number mid-line", "troops 10,000-30,000.", "troops 10,000-30,000."},
		{"quote", "> quoted", `\> quoted`},
		{"link", "[x](https://e.com)", `\[x\](https://e.com)`},
		{"backslash", `a\b`, `a\\b`},
		{"second line heading", "a\n## b", "a\n" + `\## b`},
		{"CR dropped", "a\r\nb", "a\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escape(tt.in); got != tt.want {
				t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"@everyone", "<@123>", "**x**", "# h", "a\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := escape(s)
		for _, bad := range []string{"@everyone", "@here", "<@", "<#", "<:", "<t:", "</"} {
			if strings.Contains(strings.ToLower(got), bad) {
				t.Fatalf("escape(%q) = %q holds %q", s, got, bad)
			}
		}
		if openBold(got) {
			t.Fatalf("escape(%q) = %q opens bold", s, got)
		}
		if trailingBackslashes(got)%2 == 1 {
			t.Fatalf("escape(%q) = %q ends in a lone backslash", s, got)
		}
	})
}

func TestHighlight(t *testing.T) {
	text := "The force could have 10,000 to 30,000 troops."
	tests := []struct {
		name  string
		spans [][2]int
		want  string
	}{
		{"none", nil, text},
		{"one word", [][2]int{{4, 9}}, "The **force** could have 10,000 to 30,000 troops."},
		{"touching merged", [][2]int{{4, 9}, {9, 15}}, "The **force could** have 10,000 to 30,000 troops."},
		{"out of range skipped", [][2]int{{40, 400}}, text},
		{"apart by a space merged", [][2]int{{4, 9}, {10, 15}}, "The **force could** have 10,000 to 30,000 troops."},
		{"apart by a word kept apart", [][2]int{{4, 9}, {16, 20}}, "The **force** could **have** 10,000 to 30,000 troops."},
		{"overlap skipped", [][2]int{{4, 9}, {5, 7}}, "The **force** could have 10,000 to 30,000 troops."},
		{"empty skipped", [][2]int{{4, 4}}, text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := highlight(text, tt.spans); got != tt.want {
				t.Errorf("highlight = %q, want %q", got, tt.want)
			}
		})
	}
	// Off a character boundary: skipped, not split.
	if got := highlight("é*", [][2]int{{1, 2}}); got != `é\*` {
		t.Errorf("highlight off a boundary = %q", got)
	}
}

// FuzzUnescape: unescape reads back what escape wrote, so a question
// shown in a message is the question asked (carriage returns, which escape
// drops, aside).
func FuzzUnescape(f *testing.F) {
	for _, s := range []string{"How many *troops*?", "1. item", "@everyone <@123>", `a\b`, "- list\n# head", "x_y~z|w>[q]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ReplaceAll(s, "\r", "")
		if got := unescape(escape(s)); got != strings.ReplaceAll(s, zwsp, "") {
			t.Fatalf("unescape(escape(%q)) = %q", s, got)
		}
	})
}
