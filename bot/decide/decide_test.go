package decide_test

import (
	"math"
	"testing"

	"github.com/articlebot/articlebot/bot/decide"
)

func TestMargin(t *testing.T) {
	// Answering gains when the best candidate is right, abstaining when
	// there is nothing to answer: the margin grows with the first and
	// falls with the second.
	if !(decide.Margin(0.1, 0.9) > decide.Margin(0.1, 0.5)) || !(decide.Margin(0.1, 0.5) > decide.Margin(0.6, 0.5)) {
		t.Error("margin is not monotone")
	}
	if m := decide.Margin(0.5, 1); math.Abs(m) > 1e-6 {
		t.Errorf("even odds give margin %v, want 0", m)
	}
	if math.IsInf(decide.Margin(0, 0), 0) || math.IsInf(decide.Margin(1, 1), 0) {
		t.Error("margin is infinite at the edges")
	}
}

func TestAnswer(t *testing.T) {
	fs := []decide.Feature{{Name: "bias", Val: 1}, {Name: "absent-name", Val: 1}}
	m := decide.Model{
		decide.NoneName("bias"):        -3,
		decide.NoneName("absent-name"): 4,
		decide.RightName("bias"):       2,
		decide.ThresholdName:           0,
	}
	if ok, _ := m.Answer(fs[:1]); !ok {
		t.Error("nothing absent, a likely right candidate: want an answer")
	}
	if ok, _ := m.Answer(fs); ok {
		t.Error("a name the article never uses: want no answer")
	}
	m[decide.ThresholdName] = 10
	if ok, _ := m.Answer(fs[:1]); ok {
		t.Error("a high threshold: want no answer")
	}
}
