package corpus

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The vote was close. It passed.", []string{"The vote was close.", "It passed."}},
		{"titles", "Mr. Smith met Dr. Jones. Gen. Mark Milley spoke.", []string{"Mr. Smith met Dr. Jones.", "Gen. Mark Milley spoke."}},
		{"british titles", "Mr Levy said sales fell. Ms Hewitt agreed.", []string{"Mr Levy said sales fell.", "Ms Hewitt agreed."}},
		{"u.s. inside", "U.S. support is key. Allies agree.", []string{"U.S. support is key.", "Allies agree."}},
		{"u.s. at end", "Aid came from the U.S. The talks resumed.", []string{"Aid came from the U.S.", "The talks resumed."}},
		{"number abbreviation", "He lives at No. 10 Downing St. He left on Jan. 5 for talks.", []string{"He lives at No. 10 Downing St. He left on Jan. 5 for talks."}},
		{"initials", "John F. Kennedy was president. He died in 1963.", []string{"John F. Kennedy was president.", "He died in 1963."}},
		{"decimals and money", "Inflation hit 3.5% in May. Profits were $1.2bn.", []string{"Inflation hit 3.5% in May.", "Profits were $1.2bn."}},
		{"curly quote close", "“We must be ready,” he said. “Now.”", []string{"“We must be ready,” he said.", "“Now.”"}},
		{"question in quote", "“Why now?” he asked. Nobody knew.", []string{"“Why now?” he asked.", "Nobody knew."}},
		{"straight quote close", `She said: "It is over." Then she left.`, []string{`She said: "It is over."`, "Then she left."}},
		{"reopened quote", `"It was 13 weeks. "We will extend it," she said.`, []string{`"It was 13 weeks.`, `"We will extend it," she said.`}},
		{"double dot", "A failed minister..with a failed policy. Next.", []string{"A failed minister..with a failed policy.", "Next."}},
		{"exclamation", "Wow! It works? Yes.", []string{"Wow!", "It works?", "Yes."}},
		{"lower after period", "It cost 5 p. per unit.", []string{"It cost 5 p. per unit."}},
		{"no end mark", "A headline with no stop", []string{"A headline with no stop"}},
		{"empty", "   ", nil},
		{"money start", "Sales rose. £5m was raised.", []string{"Sales rose.", "£5m was raised."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"Mr. A. B. said “x.” Then", "U.S. 3.5% $1.2bn...", "\"a\" 'b' “c” ‘d’", "\xff\xfe", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sentences(s)
		joined := strings.Join(out, "")
		for _, sent := range out {
			if sent == "" || strings.TrimSpace(sent) != sent {
				t.Fatalf("bad sentence %q", sent)
			}
		}
		// No text is lost: the sentences hold every non-space byte.
		strip := func(x string) string { return strings.Join(strings.Fields(x), "") }
		if strip(joined) != strip(s) {
			t.Fatalf("text lost: %q -> %q", s, out)
		}
		if utf8.ValidString(s) {
			for _, sent := range out {
				if !utf8.ValidString(sent) {
					t.Fatalf("split inside a rune: %q", sent)
				}
			}
		}
	})
}
