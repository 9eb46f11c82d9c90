package eval_test

import (
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot/eval"
)

func TestRight(t *testing.T) {
	q := eval.Question{Answers: []string{"10,000 to 30,000 troops", "10,000 to 30,000"}}
	tests := []struct {
		answer string
		right  bool
	}{
		{"10,000 to 30,000", true},
		{"10000 to 30000 troops", true},              // thousands separators
		{"a force of 10,000 to 30,000 troops", true}, // not much longer
		{"10,000", false},                            // cut short
		{"", false},                                  // no answer
		{"some estimates suggest that a force of 10,000 to 30,000 troops could be set up today", false}, // a whole sentence
	}
	for _, tt := range tests {
		if got := eval.Right(q, tt.answer); got != tt.right {
			t.Errorf("%q: right %v, want %v", tt.answer, got, tt.right)
		}
	}
	none := eval.Question{}
	if !eval.Right(none, "") || eval.Right(none, "John") {
		t.Error("a question with no answer is right only unanswered")
	}
	if !eval.Right(eval.Question{Answers: []string{"Levy"}}, "Levy’s") {
		t.Error("possessives are dropped")
	}
}

func TestSQuAD(t *testing.T) {
	q := eval.Question{Answers: []string{"the Great Sichuan earthquake"}}
	if em, f1 := eval.SQuAD(q, "Great Sichuan earthquake"); em != 1 || f1 != 1 {
		t.Errorf("articles dropped: em %v f1 %v", em, f1)
	}
	if em, f1 := eval.SQuAD(q, "Sichuan earthquake"); em != 0 || f1 < 0.79 || f1 > 0.81 {
		t.Errorf("partial: em %v f1 %v, want 0 and 0.8", em, f1)
	}
	if em, f1 := eval.SQuAD(eval.Question{}, ""); em != 1 || f1 != 1 {
		t.Error("unanswerable and unanswered scores 1")
	}
}

func TestSameSentence(t *testing.T) {
	a := "“We must be ready for when peace comes,” he said."
	if !eval.SameSentence(a, "We must be ready for when peace comes, he said") {
		t.Error("punctuation and quotes do not count")
	}
	if eval.SameSentence(a, "We must be ready") {
		t.Error("a short part is not the sentence")
	}
}

func TestScore(t *testing.T) {
	qs, err := eval.ReadQuestions(strings.NewReader(`{"id":"1","question":"who","answers":["Ann"],"support":"Ann said it."}
{"id":"2","question":"how many","answers":[],"support":""}

{"id":"3","question":"where","answers":["Paris"],"support":"It was in Paris."}
`))
	if err != nil || len(qs) != 3 {
		t.Fatalf("%d questions, %v", len(qs), err)
	}
	var s eval.Score
	s.Add(qs[0], "Ann", []string{"Ann said it."})
	s.Add(qs[1], "", nil)
	s.Add(qs[2], "London", []string{"Other.", "It was in Paris."})
	if s.AnswerAcc() < 0.66 || s.AnswerAcc() > 0.67 || s.SupportAt1() != 0.5 || s.SupportAt3() != 1 {
		t.Errorf("score %s", s)
	}
	if _, err := eval.ReadQuestions(strings.NewReader("{not json}\n")); err == nil {
		t.Error("bad JSON read without error")
	}
	if _, err := eval.ReadQuestions(strings.NewReader(`{"id":"x","question":"  "}` + "\n")); err == nil {
		t.Error("an empty question read without error")
	}
}
