package rouge

import (
	"math"
	"reflect"
	"testing"
)

// The checks of rouge.py --selftest, so that both scorers agree.
func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The £1.2m deal, Locke's 'running' SHOES!", []string{"the", "1", "2m", "deal", "lock", "s", "run", "shoe"}},
		{"generalizations oscillators is", []string{"gener", "oscil", "is"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"spaced", `He left. "She stayed," he said. Mr. Smith met Dr. J. Jones at 5 p.m. today.`,
			[]string{"He left.", `"She stayed," he said.`, "Mr. Smith met Dr. J. Jones at 5 p.m. today."}},
		{"glued", "Sales rose to $10.9bn.For the year, profit rose 27%.It lost users.U.S.Army",
			[]string{"Sales rose to $10.9bn.", "For the year, profit rose 27%.", "It lost users.U.S.Army"}},
		{"glued quote", `He is revelling in it."I really enjoy it," he said.`,
			[]string{`He is revelling in it."`, `I really enjoy it," he said.`}},
		{"lines", "One\nTwo three . Four", []string{"One", "Two three .", "Four"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Split(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScore(t *testing.T) {
	// R1: recall 5/6, precision 1; R2: recall 3/5, precision 3/4.
	s := Score([]string{"the cat sat on the mat"}, []string{"the cat on the mat"})
	if want := 2 * (5.0 / 6) / (5.0/6 + 1); !near(s.R1, want) {
		t.Errorf("R1 = %v, want %v", s.R1, want)
	}
	if want := 2 * 0.6 * 0.75 / (0.6 + 0.75); !near(s.R2, want) {
		t.Errorf("R2 = %v, want %v", s.R2, want)
	}
	// Lin (2004) section 3.2: union LCS w1 w2 w3 w5: R = 4/5, P = 4/10.
	rl := rougeL([][]string{{"w1", "w2", "w3", "w4", "w5"}},
		[][]string{{"w1", "w2", "w6", "w7", "w8"}, {"w1", "w3", "w8", "w9", "w5"}})
	if want := 2 * 0.8 * 0.4 / 1.2; !near(rl, want) {
		t.Errorf("RL union = %v, want %v", rl, want)
	}
	// A predicted token is not counted twice across reference sentences.
	if rl, want := rougeL([][]string{{"a", "b"}, {"a", "b"}}, [][]string{{"a", "b"}}), 2*0.5/1.5; !near(rl, want) {
		t.Errorf("RL clipped = %v, want %v", rl, want)
	}
	if s := Score([]string{"Police said two men died.\nThe road was closed."}, []string{"Two men died, police said. The road was closed."}); !near(s.R1, 1) {
		t.Errorf("same words, R1 = %v, want 1", s.R1)
	}
	if s := Score([]string{"A reference."}, nil); s != (Scores{}) {
		t.Errorf("empty prediction = %+v, want zeros", s)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("He left. She stayed.")
	f.Add("Sales rose to $10.9bn.For the year")
	f.Fuzz(func(t *testing.T, s string) {
		for _, part := range Split(s) {
			if part == "" {
				t.Fatalf("empty sentence from %q", s)
			}
		}
	})
}
