package text

import (
	"os"
	"slices"
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
		{"children", "child"},
		{"mice", "mouse"},
		{"fled", "flee"},
		{"co-wrote", "co-write"},
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

func TestRelated(t *testing.T) {
	tests := []struct {
		word string
		want []string // each among the related words
	}{
		{"sgt", []string{"sergeant"}},
		{"sergeant", []string{"sgt"}},
		{"per cent", []string{"percent"}},
		{"percent", []string{"per cent", "percentage"}},
		{"uk", []string{"united kingdom", "britain", "british"}},
		{"the netherlands", []string{"holland", "dutch"}},
		{"dutch", []string{"netherlands"}},
		{"film", []string{"movie"}},
		{"elected", []string{"election"}},
		{"happened", []string{"take place"}},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			var got []string
			rs := Related(tt.word)
			for i, r := range rs {
				got = append(got, r.Word)
				if i > 0 && r.Weight() > rs[i-1].Weight() {
					t.Errorf("%q after %q: not strongest first", r.Word, rs[i-1].Word)
				}
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("Related(%q) = %q: no %q", tt.word, got, w)
				}
			}
		})
	}
}

func TestIsIrregularVerb(t *testing.T) {
	for w, want := range map[string]bool{"met": true, "sold": true, "led": true, "was": false, "children": false, "walked": false, "better": false} {
		if got := IsIrregularVerb(w); got != want {
			t.Errorf("IsIrregularVerb(%q) = %v, want %v", w, got, want)
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

// BenchmarkTokenize: the built-in article's text, a token at a time.
func BenchmarkTokenize(b *testing.B) {
	data, err := os.ReadFile("../article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(s)
	}
}
