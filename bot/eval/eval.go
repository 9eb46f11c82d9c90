// Package eval reads question sets and scores answers to them, by the
// rules of the project's scorers (../shared/eval/score.py for answer
// accuracy and support, squad-score.py for SQuAD exact match and F1), so
// that tests, the trainer and `articlebot eval` measure alike.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Question is one line of a question set.
type Question struct {
	ID       string   `json:"id"`
	Article  string   `json:"article"` // the article's file name without .txt; "" for the built-in article
	Kind     string   `json:"kind"`
	Question string   `json:"question"`
	Answers  []string `json:"answers"` // empty: the article does not answer it
	Support  string   `json:"support"` // the sentence that does
}

// maxLine bounds one line of a question file.
const maxLine = 4 << 20

// ReadQuestions reads a question set, one JSON object a line.
func ReadQuestions(r io.Reader) ([]Question, error) {
	var out []Question
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q Question
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			return nil, fmt.Errorf("eval: line %d: %w", n, err)
		}
		if strings.TrimSpace(q.Question) == "" {
			return nil, fmt.Errorf("eval: line %d: no question", n)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return out, nil
}

// LoadQuestions reads the question set in a file.
func LoadQuestions(path string) ([]Question, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	qs, err := ReadQuestions(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return qs, nil
}

// score.py's normalisation.
var (
	thousands  = regexp.MustCompile(`(\d),(\d{3})`)
	possessive = regexp.MustCompile(`'s\b`)
	nonWord    = regexp.MustCompile(`[^\p{L}\p{N}_\s]`)
)

// Tokens normalises a text as score.py does: NFKC, lower case, straight
// quotes, "10,000" -> "10000", no possessive 's, punctuation to spaces, no
// articles.
func Tokens(s string) []string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	for thousands.MatchString(s) {
		s = thousands.ReplaceAllString(s, "$1$2")
	}
	s = possessive.ReplaceAllString(s, "")
	s = nonWord.ReplaceAllString(s, " ")
	var out []string
	for _, w := range strings.FieldsFunc(s, unicode.IsSpace) {
		if w != "a" && w != "an" && w != "the" {
			out = append(out, w)
		}
	}
	return out
}

func containsRun(hay, needle []string) bool {
	if len(needle) == 0 {
		return false
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		ok := true
		for j := range needle {
			if hay[i+j] != needle[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// SameSentence reports whether two texts are the same sentence by
// score.py's rule: one's words are a run of the other's, and at least 60%
// of them.
func SameSentence(a, b string) bool {
	ta, tb := Tokens(a), Tokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	short, long := ta, tb
	if len(ta) > len(tb) {
		short, long = tb, ta
	}
	return containsRun(long, short) && float64(len(short)) >= 0.6*float64(len(long))
}

// Right reports whether answer (empty: no answer) is right for q by
// score.py's rule: a gold answer's words are a run of the answer's, and the
// answer is not much longer (at most max(2 x gold words, gold words + 6)).
// A question with no gold answer is right when there is no answer.
func Right(q Question, answer string) bool {
	answer = strings.TrimSpace(answer)
	if len(q.Answers) == 0 {
		return answer == ""
	}
	return Matches(q.Answers, answer)
}

// Matches reports whether answer holds one of the gold answers by
// score.py's rule.
func Matches(golds []string, answer string) bool {
	pt := Tokens(answer)
	for _, g := range golds {
		gt := Tokens(g)
		if containsRun(pt, gt) && len(pt) <= max(2*len(gt), len(gt)+6) {
			return true
		}
	}
	return false
}

// squadNorm is squad-score.py's normalisation: lower case, ASCII
// punctuation removed, articles removed, white space folded.
func squadNorm(s string) []string {
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (unicode.IsPunct(r) || unicode.IsSymbol(r)) {
			continue
		}
		b.WriteRune(r)
	}
	var out []string
	for _, w := range strings.Fields(b.String()) {
		if w != "a" && w != "an" && w != "the" {
			out = append(out, w)
		}
	}
	return out
}

// SQuAD returns SQuAD's exact match and F1 of an answer ("" for none)
// against q's gold answers: each the best over the gold answers; a question
// with no gold answer scores 1 only for no answer.
func SQuAD(q Question, answer string) (em, f1 float64) {
	answer = strings.TrimSpace(answer)
	if len(q.Answers) == 0 {
		if answer == "" {
			return 1, 1
		}
		return 0, 0
	}
	p := squadNorm(answer)
	for _, g := range q.Answers {
		gt := squadNorm(g)
		if strings.Join(p, " ") == strings.Join(gt, " ") {
			em = 1
		}
		f1 = max(f1, tokenF1(p, gt))
	}
	return em, f1
}

func tokenF1(p, g []string) float64 {
	if len(p) == 0 || len(g) == 0 {
		if len(p) == len(g) {
			return 1
		}
		return 0
	}
	count := map[string]int{}
	for _, t := range g {
		count[t]++
	}
	same := 0
	for _, t := range p {
		if count[t] > 0 {
			same++
			count[t]--
		}
	}
	if same == 0 {
		return 0
	}
	prec, rec := float64(same)/float64(len(p)), float64(same)/float64(len(g))
	return 2 * prec * rec / (prec + rec)
}

// Score is the tally of a run over a question set.
type Score struct {
	N        int     // questions
	Right    int     // right by score.py
	EM, F1   float64 // SQuAD sums
	Support  int     // questions with a support sentence
	Support1 int     // ... whose support is the first sentence given
	Support3 int     // ... among the first three
}

// Add scores one answer: its text ("" for none) and its sentences, best
// first.
func (s *Score) Add(q Question, answer string, sentences []string) {
	s.N++
	if Right(q, answer) {
		s.Right++
	}
	em, f1 := SQuAD(q, answer)
	s.EM += em
	s.F1 += f1
	if q.Support == "" {
		return
	}
	s.Support++
	for i, t := range sentences {
		if i == 3 {
			break
		}
		if SameSentence(q.Support, t) {
			if i == 0 {
				s.Support1++
			}
			s.Support3++
			break
		}
	}
}

// Merge adds another tally to s.
func (s *Score) Merge(o Score) {
	s.N += o.N
	s.Right += o.Right
	s.EM += o.EM
	s.F1 += o.F1
	s.Support += o.Support
	s.Support1 += o.Support1
	s.Support3 += o.Support3
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// AnswerAcc is the share of questions answered right.
func (s Score) AnswerAcc() float64 { return ratio(float64(s.Right), float64(s.N)) }

// SupportAt1 is the share of supported questions whose support came first.
func (s Score) SupportAt1() float64 { return ratio(float64(s.Support1), float64(s.Support)) }

// SupportAt3 is the share whose support was among the first three.
func (s Score) SupportAt3() float64 { return ratio(float64(s.Support3), float64(s.Support)) }

// ExactMatch is SQuAD's EM, in percent.
func (s Score) ExactMatch() float64 { return 100 * ratio(s.EM, float64(s.N)) }

// F1Score is SQuAD's F1, in percent.
func (s Score) F1Score() float64 { return 100 * ratio(s.F1, float64(s.N)) }

func (s Score) String() string {
	return fmt.Sprintf("answer_acc=%.3f support@1=%.3f support@3=%.3f EM=%.1f F1=%.1f n=%d",
		s.AnswerAcc(), s.SupportAt1(), s.SupportAt3(), s.ExactMatch(), s.F1Score(), s.N)
}
