// Package rouge scores extractive summaries against reference summaries
// with ROUGE-1, ROUGE-2 and summary-level ROUGE-L F1 (Lin 2004), by the
// definitions of ../shared/eval/rouge.py, so that the Go tests and the
// shared scorer agree: lower-cased tokens split at every character other
// than a-z and 0-9, tokens longer than 3 characters Porter-stemmed
// (Porter 1980, the original algorithm, as ROUGE-1.5.5 -m), clipped n-gram
// counts, union-LCS ROUGE-L.
package rouge

import (
	"regexp"
	"strings"
	"unicode"

	porter "github.com/blevesearch/go-porterstemmer"
)

// Scores are F1 values in [0, 1].
type Scores struct {
	R1, R2, RL float64
}

// Add returns the sum of two scores.
func (s Scores) Add(o Scores) Scores { return Scores{s.R1 + o.R1, s.R2 + o.R2, s.RL + o.RL} }

// Scale multiplies every score by f.
func (s Scores) Scale(f float64) Scores { return Scores{s.R1 * f, s.R2 * f, s.RL * f} }

var nonToken = regexp.MustCompile(`[^a-z0-9]+`)

// Tokens returns a text's ROUGE tokens.
func Tokens(s string) []string {
	out := strings.Fields(nonToken.ReplaceAllString(strings.ToLower(s), " "))
	for i, t := range out {
		if len(t) > 3 {
			out[i] = porter.StemString(t)
		}
	}
	return out
}

// abbreviations never end a sentence when a period follows them.
var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm rev st jr sr
	inc co corp ltd no vs v etc jan feb mar apr aug sep sept oct nov dec mt ft fig approx dept est
	u.s u.k u.n e.g i.e a.m p.m d.c`) {
		m[w] = true
	}
	return m
}()

var (
	stop     = regexp.MustCompile(`[.!?]+["'”’)\]]*`)
	spaced   = regexp.MustCompile(`^\s+["'“‘(\[]*[A-Z0-9]`)
	glued    = regexp.MustCompile(`^["'“‘]?(?:[A-Z][a-z]|[AI]\s)`)
	lastWord = regexp.MustCompile(`([A-Za-z.]+)$`)
)

// Split splits a summary into sentences by rouge.py's rule: a line break
// ends a sentence; so does a stop followed by space and a capital, digit or
// quote, or glued to a capital and a small letter after a small letter,
// digit, "%" or ")"; never after an abbreviation or an initial.
func Split(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		start := 0
		for _, m := range stop.FindAllStringIndex(line, -1) {
			end := m[1]
			rest := line[end:]
			if rest == "" {
				continue
			}
			var before rune
			if m[0] > 0 {
				r := []rune(line[:m[0]])
				before = r[len(r)-1]
			}
			isGlued := glued.MatchString(rest) && (unicode.IsLower(before) || unicode.IsDigit(before) || before == '%' || before == ')')
			if !spaced.MatchString(rest) && !isGlued {
				continue
			}
			if m[0] < start {
				continue
			}
			if line[m[0]] == '.' {
				if w := lastWord.FindString(line[start:m[0]]); w != "" {
					if abbreviations[strings.ToLower(w)] || len(w) == 1 && unicode.IsUpper(rune(w[0])) {
						continue
					}
				}
			}
			if s := strings.TrimSpace(line[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
		if tail := strings.TrimSpace(line[start:]); tail != "" {
			out = append(out, tail)
		}
	}
	return out
}

// Score compares predicted sentences with a reference summary's sentences.
func Score(ref, pred []string) Scores {
	rs, ps := tokenised(ref), tokenised(pred)
	var rt, pt []string
	for _, s := range rs {
		rt = append(rt, s...)
	}
	for _, s := range ps {
		pt = append(pt, s...)
	}
	return Scores{R1: rougeN(rt, pt, 1), R2: rougeN(rt, pt, 2), RL: rougeL(rs, ps)}
}

func tokenised(sents []string) [][]string {
	var out [][]string
	for _, s := range sents {
		for _, part := range Split(s) {
			if t := Tokens(part); len(t) > 0 {
				out = append(out, t)
			}
		}
	}
	return out
}

func f1(hits, nref, npred int) float64 {
	if nref == 0 || npred == 0 || hits == 0 {
		return 0
	}
	r, p := float64(hits)/float64(nref), float64(hits)/float64(npred)
	return 2 * p * r / (p + r)
}

func grams(t []string, n int) map[string]int {
	g := map[string]int{}
	for i := 0; i+n <= len(t); i++ {
		g[strings.Join(t[i:i+n], " ")]++
	}
	return g
}

func rougeN(ref, pred []string, n int) float64 {
	rg, pg := grams(ref, n), grams(pred, n)
	hits, nr, np := 0, 0, 0
	for g, c := range rg {
		hits += min(c, pg[g])
		nr += c
	}
	for _, c := range pg {
		np += c
	}
	return f1(hits, nr, np)
}

// lcsPositions returns the indices in a of one longest common subsequence
// of a and b, chosen as rouge.py chooses it.
func lcsPositions(a, b []string) []int {
	la, lb := len(a), len(b)
	t := make([][]int, la+1)
	for i := range t {
		t[i] = make([]int, lb+1)
	}
	for i := la - 1; i >= 0; i-- {
		for j := lb - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	var pos []int
	for i, j := 0, 0; i < la && j < lb; {
		switch {
		case a[i] == b[j]:
			pos = append(pos, i)
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			i++
		default:
			j++
		}
	}
	return pos
}

// rougeL is summary-level ROUGE-L: for each reference sentence the union
// of its LCS with every predicted sentence, each token counted at most as
// often as it occurs in both summaries.
func rougeL(ref, pred [][]string) float64 {
	m, n := 0, 0
	refLeft, predLeft := map[string]int{}, map[string]int{}
	for _, s := range ref {
		m += len(s)
		for _, t := range s {
			refLeft[t]++
		}
	}
	for _, s := range pred {
		n += len(s)
		for _, t := range s {
			predLeft[t]++
		}
	}
	hits := 0
	for _, r := range ref {
		union := map[int]bool{}
		for _, c := range pred {
			for _, i := range lcsPositions(r, c) {
				union[i] = true
			}
		}
		for i := range r {
			if !union[i] {
				continue
			}
			if tok := r[i]; refLeft[tok] > 0 && predLeft[tok] > 0 {
				hits++
				refLeft[tok]--
				predLeft[tok]--
			}
		}
	}
	return f1(hits, m, n)
}
