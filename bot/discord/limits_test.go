package discord

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

func TestTruncate(t *testing.T) {
	long := strings.Repeat("word ", 1000) // 5,000 characters
	tests := []struct {
		name  string
		in    string
		max   int
		want  string // exact result, when set
		check func(t *testing.T, got string)
	}{
		{name: "fits", in: "short", max: 10, want: "short"},
		{name: "exactly", in: "12345", max: 5, want: "12345"},
		{name: "zero", in: "abc", max: 0, want: ""},
		{name: "one", in: "abc", max: 1, want: "…"},
		{name: "word boundary", in: "the quick brown fox jumps", max: 12, want: "the quick…"},
		{name: "no space near", in: strings.Repeat("x", 50), max: 10, want: strings.Repeat("x", 9) + "…"},
		{name: "runes not bytes", in: "ééééééééééé", max: 5, want: "éééé…"},
		{name: "emoji", in: "🙂🙂🙂🙂🙂🙂", max: 4, want: "🙂🙂🙂…"},
		{name: "escape not split", in: `aaaaaaaa\*bbbb`, max: 10, want: `aaaaaaaa…`},
		{name: "escaped backslash kept", in: `aaaaaaa\\bbbb`, max: 10, want: `aaaaaaa\\…`},
		{name: "bold closed", in: "**" + strings.Repeat("b", 40) + "**", max: 20, check: func(t *testing.T, got string) {
			if openBold(strings.TrimSuffix(got, ellipsis)) {
				t.Errorf("bold left open: %q", got)
			}
			if !strings.HasSuffix(got, "**…") {
				t.Errorf("want bold closed before the ellipsis: %q", got)
			}
		}},
		{name: "bold marker not split", in: "aaaaaaaaa**bb**", max: 11, check: func(t *testing.T, got string) {
			if strings.Count(got, "*")%2 != 0 {
				t.Errorf("split a marker: %q", got)
			}
		}},
		{name: "5000-character answer", in: long, max: maxEmbedDescription, check: func(t *testing.T, got string) {
			if !strings.HasSuffix(got, "word…") {
				t.Errorf("want a cut at a word end: %q", got[len(got)-20:])
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := truncate(tt.in, tt.max)
			if runes(got) > tt.max {
				t.Errorf("truncate(%q, %d) = %d characters", tt.in, tt.max, runes(got))
			}
			if !utf8.ValidString(got) {
				t.Errorf("invalid UTF-8: %q", got)
			}
			if tt.want != "" || tt.check == nil {
				if got != tt.want {
					t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
				}
			}
			if tt.check != nil {
				tt.check(t, got)
			}
		})
	}
}

func FuzzTruncate(f *testing.F) {
	for _, s := range []string{"", "a b c", `\\\*`, "**bold** text", "🙂 x", strings.Repeat("ab ", 40)} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 0 || max > 5000 {
			return
		}
		got := truncate(s, max)
		if runes(got) > max {
			t.Fatalf("truncate(%q, %d) = %q: %d characters", s, max, got, runes(got))
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("truncate(%q, %d) = %q: invalid UTF-8", s, max, got)
		}
		if runes(s) <= max && got != s {
			t.Fatalf("truncate(%q, %d) = %q: cut text that fits", s, max, got)
		}
		kept := strings.TrimSuffix(got, ellipsis)
		if got != s && trailingBackslashes(strings.TrimSuffix(kept, "**"))%2 == 1 {
			t.Fatalf("truncate(%q, %d) = %q: ends inside an escape", s, max, got)
		}
	})
}

func FuzzEscapeTruncate(f *testing.F) {
	f.Add("**hi** @everyone <@123>", 12)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 0 || max > 3000 || !utf8.ValidString(s) {
			return
		}
		got := truncate(escape(s), max)
		if runes(got) > max {
			t.Fatalf("%d characters, more than %d", runes(got), max)
		}
		if trailingBackslashes(strings.TrimSuffix(got, ellipsis))%2 == 1 {
			t.Fatalf("ends inside an escape: %q", got)
		}
		if openBold(strings.TrimSuffix(got, ellipsis)) {
			t.Fatalf("escaped text opened bold: %q", got)
		}
	})
}

func TestTruncateLines(t *testing.T) {
	lines := []string{"one", "two", "three", "four"}
	tests := []struct {
		max  int
		want string
	}{
		{100, "one\ntwo\nthree\nfour"},
		{18, "one\ntwo\nthree\nfour"},
		{17, "one\n… and 3 more"},
		{16, "one\n… and 3 more"},
		{3, ""}, // too small for any line: only the length is checked
	}
	for _, tt := range tests {
		got := truncateLines(lines, tt.max)
		if tt.want != "" && got != tt.want {
			t.Errorf("truncateLines(%d) = %q, want %q", tt.max, got, tt.want)
		}
		if runes(got) > tt.max {
			t.Errorf("truncateLines(%d) = %q: %d characters", tt.max, got, runes(got))
		}
	}
}

func TestFitMessage(t *testing.T) {
	big := strings.Repeat("x", 3000)
	var fields []*discordgo.MessageEmbedField
	for range 40 {
		fields = append(fields, &discordgo.MessageEmbedField{Name: big, Value: big})
	}
	embeds := []*discordgo.MessageEmbed{
		{Title: big, Description: strings.Repeat("d", 5000), Fields: fields, Footer: &discordgo.MessageEmbedFooter{Text: big}},
		{Title: "second", Description: big},
		{Fields: []*discordgo.MessageEmbedField{{Name: "", Value: "   "}}},
	}
	content, got := fitMessage(strings.Repeat("c", 2500), embeds)
	msg := &discordgo.MessageSend{Content: content, Embeds: got}
	checkLimits(t, msg)
	total := 0
	for _, e := range got {
		total += embedLen(e)
	}
	if total > maxEmbedsTotal {
		t.Errorf("embeds hold %d characters", total)
	}
	if runes(content) != maxContent {
		t.Errorf("content: %d characters, want %d", runes(content), maxContent)
	}
}
