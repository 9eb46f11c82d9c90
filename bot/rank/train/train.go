// Package train learns the weights of the ranking model from questions
// with known answers: for each question, the candidates the pipeline
// proposes and which of them are right. It maximises the likelihood of the
// right candidates under a softmax over each question's candidates (a
// conditional log-linear model), by AdaGrad with L2 regularisation, in a
// fixed order from a fixed seed, so that the same data always gives the
// same weights. It also learns the answer decision (package decide): a
// logistic model of whether the best candidate is right, with its
// threshold chosen where held-out accuracy would be highest.
package train

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/articlebot/articlebot/bot/decide"
	"github.com/articlebot/articlebot/bot/rank"
)

// Options of Fit.
type Options struct {
	Epochs int     // passes over the data
	Rate   float64 // AdaGrad's base learning rate
	L2     float64 // regularisation, per example
	Seed   uint64  // the order of the examples
	// MinCount drops features seen in fewer training questions: AdaGrad
	// gives a rare feature a large step, so a feature of two questions
	// learns their quirks.
	MinCount int
	// Drop, when set, leaves out the features it reports (for ablation).
	Drop func(key uint64) bool
	// Average returns the average of the weights over every step
	// instead of the last ones (Polyak averaging): steadier, as averaged
	// perceptrons are.
	Average bool
}

// Defaults, chosen by article-grouped cross-validation on the news sets
// (see cmd/train).
var Defaults = Options{Epochs: 3, Rate: 0.1, L2: 1e-6, Seed: 1, MinCount: 10, Average: true}

// Data holds training examples with their features as indexes into one
// weight vector.
type Data struct {
	keys     []uint64
	ids      map[uint64]int32
	examples []example
}

// example is one question: its candidates' features and which are right.
type example struct {
	idx    [][]int32
	val    [][]float32
	gold   []bool
	weight float64
}

// NewData returns empty training data.
func NewData() *Data { return &Data{ids: map[uint64]int32{}} }

// Add adds a question's candidates, their features (as rank.Featurize
// gives them) and which are right, weighted by weight; it returns the
// example's number. A question with no right candidate, or only one
// candidate, is kept (for counting) but teaches nothing.
func (d *Data) Add(scored []rank.Scored, gold []bool, weight float64) int {
	ex := example{gold: gold, weight: weight, idx: make([][]int32, len(scored)), val: make([][]float32, len(scored))}
	for i, s := range scored {
		ex.idx[i] = make([]int32, len(s.Feats))
		ex.val[i] = make([]float32, len(s.Feats))
		for j, f := range s.Feats {
			id, ok := d.ids[f.Key]
			if !ok {
				id = int32(len(d.keys))
				d.ids[f.Key] = id
				d.keys = append(d.keys, f.Key)
			}
			ex.idx[i][j] = id
			ex.val[i][j] = f.Val
		}
	}
	d.examples = append(d.examples, ex)
	return len(d.examples) - 1
}

// Len is the number of examples.
func (d *Data) Len() int { return len(d.examples) }

// Weights are learned weights, one for each feature of a Data.
type Weights struct {
	d *Data
	w []float64
}

// Model turns the weights into a model, naming features from names.
func (w *Weights) Model(names map[uint64]string) map[uint64]float32 {
	out := make(map[uint64]float32, len(w.w))
	for i, k := range w.d.keys {
		if v := float32(w.w[i]); v != 0 {
			out[k] = v
		}
	}
	return out
}

// Fit learns weights from the examples whose numbers are in use (all when
// use is nil).
func Fit(ctx context.Context, d *Data, use []int, opt Options) (*Weights, error) {
	if use == nil {
		use = make([]int, len(d.examples))
		for i := range use {
			use[i] = i
		}
	}
	var order []int
	for _, i := range use {
		ex := &d.examples[i]
		if len(ex.gold) >= 2 && anyTrue(ex.gold) {
			order = append(order, i)
		}
	}
	// How many of the training questions each feature occurs in.
	count := make([]int32, len(d.keys))
	seen := make([]int, len(d.keys))
	for n, k := range order {
		for _, idx := range d.examples[k].idx {
			for _, id := range idx {
				if seen[id] != n+1 {
					seen[id] = n + 1
					count[id]++
				}
			}
		}
	}
	dropped := make([]bool, len(d.keys))
	if opt.Drop != nil {
		for i, k := range d.keys {
			dropped[i] = opt.Drop(k)
		}
	}
	keep := func(id int32) bool { return int(count[id]) >= opt.MinCount && !dropped[id] }
	w := make([]float64, len(d.keys))
	g2 := make([]float64, len(d.keys))
	// u sums each step's change times the step's number, so that the
	// average of w over all steps is w - u/steps, kept without touching
	// every weight at every step.
	var u []float64
	if opt.Average {
		u = make([]float64, len(d.keys))
	}
	steps := 1.0
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	grad := map[int32]float64{}
	var touched []int32
	var scores []float64
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for n, k := range order {
			if n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("train: %w", err)
				}
			}
			ex := &d.examples[k]
			scores = scores[:0]
			maxS := math.Inf(-1)
			for i := range ex.idx {
				s := 0.0
				for j, id := range ex.idx[i] {
					s += w[id] * float64(ex.val[i][j])
				}
				scores = append(scores, s)
				maxS = math.Max(maxS, s)
			}
			var z, zg float64
			for i, s := range scores {
				e := math.Exp(s - maxS)
				scores[i] = e
				z += e
				if ex.gold[i] {
					zg += e
				}
			}
			// d(-log Σgold p)/d score_i = p_i - [gold_i]·p_i/p_gold.
			for i := range ex.idx {
				c := scores[i] / z
				if ex.gold[i] {
					c -= scores[i] / zg
				}
				if c == 0 {
					continue
				}
				for j, id := range ex.idx[i] {
					if !keep(id) {
						continue
					}
					if _, ok := grad[id]; !ok {
						touched = append(touched, id)
					}
					grad[id] += c * float64(ex.val[i][j]) * ex.weight
				}
			}
			// In key order, so that the sums happen in one order.
			sort.Slice(touched, func(a, b int) bool { return touched[a] < touched[b] })
			for _, id := range touched {
				gr := grad[id] + opt.L2*w[id]
				g2[id] += gr * gr
				delta := -opt.Rate * gr / (math.Sqrt(g2[id]) + 1e-8)
				w[id] += delta
				if u != nil {
					u[id] += steps * delta
				}
				delete(grad, id)
			}
			touched = touched[:0]
			steps++
		}
	}
	if u != nil {
		for i := range w {
			w[i] -= u[i] / steps
		}
	}
	return &Weights{d: d, w: w}, nil
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// Decision is one question for the answer decision: the decision's
// features of its best candidate, whether that candidate is right, and
// whether the question has an answer at all.
type Decision struct {
	Feats      []decide.Feature
	Right      bool // the best candidate is right
	Answerable bool
	Weight     float64
}

// decisionEpochs and decisionRate are the logistic regressions' passes
// and learning rate: their few features converge within them (the
// training loss stops falling, measured).
const (
	decisionEpochs = 20
	decisionRate   = 0.05
	decisionL2     = 1e-4
)

// logistic fits one logistic model, its weights named with prefix, on the
// decisions use admits, labelled by label.
func logistic(ctx context.Context, m decide.Model, ds []Decision, use func(Decision) bool, label func(Decision) bool, name func(string) string, seed uint64) error {
	var order []int
	for i, d := range ds {
		if use(d) {
			order = append(order, i)
		}
	}
	g2 := map[string]float64{}
	rng := rand.New(rand.NewPCG(seed, seed^0xdec1de))
	for epoch := 0; epoch < decisionEpochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("train: decision: %w", err)
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			d := ds[k]
			var z float64
			for _, f := range d.Feats {
				z += m[name(f.Name)] * f.Val
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if label(d) {
				y = 1
			}
			wt := d.Weight
			if wt == 0 {
				wt = 1
			}
			for _, f := range d.Feats {
				n := name(f.Name)
				gr := (p-y)*f.Val*wt + decisionL2*m[n]
				g2[n] += gr * gr
				m[n] -= decisionRate * gr / (math.Sqrt(g2[n]) + 1e-8)
			}
		}
	}
	return nil
}

// FitDecision learns the decision's two models, then its threshold: the
// margin above which answering gives the most right answers on ds (a
// right best candidate counts when answered, an unanswerable question
// when not).
func FitDecision(ctx context.Context, ds []Decision, seed uint64) (decide.Model, error) {
	m := decide.Model{}
	all := func(Decision) bool { return true }
	if err := logistic(ctx, m, ds, all, func(d Decision) bool { return !d.Answerable }, decide.NoneName, seed); err != nil {
		return nil, err
	}
	answerable := func(d Decision) bool { return d.Answerable }
	if err := logistic(ctx, m, ds, answerable, func(d Decision) bool { return d.Right }, decide.RightName, seed+1); err != nil {
		return nil, err
	}
	type pt struct {
		margin float64
		gain   float64 // what answering it gains over not
	}
	pts := make([]pt, len(ds))
	for i, d := range ds {
		wt := d.Weight
		if wt == 0 {
			wt = 1
		}
		g := 0.0
		if d.Right {
			g += wt
		}
		if !d.Answerable {
			g -= wt
		}
		pts[i] = pt{decide.Margin(m.ProbNone(d.Feats), m.ProbRight(d.Feats)), g}
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].margin > pts[j].margin })
	// Answer the questions above a cut; the best cut lies between two
	// margins.
	best, cut, run := 0.0, math.Inf(1), 0.0
	for i, p := range pts {
		run += p.gain
		if run > best && (i+1 == len(pts) || pts[i+1].margin < p.margin) {
			best = run
			if i+1 < len(pts) {
				cut = (p.margin + pts[i+1].margin) / 2
			} else {
				cut = p.margin - 1
			}
		}
	}
	if math.IsInf(cut, 1) && len(pts) > 0 {
		cut = pts[0].margin + 1 // answering never pays
	}
	m[decide.ThresholdName] = cut
	return m, nil
}
