package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // word tokens
	}{
		{"Britain’s Defense Minister, John Healey,", []string{"Britain’s", "Defense", "Minister", "John", "Healey"}},
		{"U.S. support is key.", []string{"U.S.", "support", "is", "key"}},
		{"10,000 to 30,000 troops", []string{"10,000", "to", "30,000", "troops"}},
		{"£102.80 a week, 9.8% and 8-9%", []string{"£102.80", "a", "week", "9.8%", "and", "8-9%"}},
		{"low-key analysts' forecasts", []string{"low-key", "analysts'", "forecasts"}},
		{"a minister..with", []string{"a", "minister", "with"}},
		{"zero\u200bwidth \u202eRTL", []string{"zero", "width", "RTL"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, tok := range Tokenize(tt.in) {
				if tok.Word {
					got = append(got, tok.Text)
				}
				if tt.in[tok.Start:tok.End] != tok.Text {
					t.Errorf("offsets %d..%d do not hold %q", tok.Start, tok.End, tok.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStemAndBase(t *testing.T) {
	tests := []struct{ a, b string }{
		{"emphasized", "emphasised"},
		{"defence", "defense"},
		{"troops", "troop"},
		{"led", "lead"},
		{"said", "say"},
		{"Healey's", "healey"},
	}
	for _, tt := range tests {
		if Base(Lower(tt.a)) != Base(Lower(tt.b)) {
			t.Errorf("%q -> %q, %q -> %q: want equal", tt.a, Base(Lower(tt.a)), tt.b, Base(Lower(tt.b)))
		}
	}
}

func TestClean(t *testing.T) {
	tests := map[string]string{
		"  how\u200b many\n\ttroops  ": "how many troops",
		"\x00\x01":                     "",
		"a\uFEFFb":                     "ab",
		"caf\xe9":                      "caf",
	}
	for in, want := range tests {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSynonymsDisjoint: a word in two groups would join them into one
// class in the index.
func TestSynonymsDisjoint(t *testing.T) {
	seen := map[string]string{}
	for _, g := range Synonyms() {
		for _, w := range g {
			key := strings.ToLower(w)
			if !strings.Contains(key, " ") {
				key = Base(key)
			}
			if other, ok := seen[key]; ok && other != g[0] {
				t.Errorf("%q is in the groups of %q and %q", w, other, g[0])
			}
			seen[key] = g[0]
		}
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("Mr. O’Neill’s £1.2bn U.S.-led 3.5% deal…")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < prev || tok.End > len(s) || tok.Start >= tok.End {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(tok.Text) {
				t.Fatalf("token splits a rune: %q", tok.Text)
			}
			prev = tok.End
		}
	})
}
