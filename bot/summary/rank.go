package summary

import (
	"context"
	"fmt"
	"math"
)

// Power iteration stops when the ranks move less than this in total, or
// after maxIterations; on news articles it settles in 20 to 40 steps.
const (
	convergence   = 1e-7
	maxIterations = 200
)

// similarities returns the sentence graph's edge weights: the cosine
// similarity of every pair of sentences, none from a sentence to itself.
// It checks ctx once a row.
func similarities(ctx context.Context, nodes []*node) ([][]float64, error) {
	n := len(nodes)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("summary: similarities: %w", err)
		}
		for j := i + 1; j < n; j++ {
			s := cosine(nodes[i].vec, nodes[j].vec)
			sim[i][j], sim[j][i] = s, s
		}
	}
	return sim, nil
}

// pageRank ranks the nodes of a weighted graph by PageRank with the given
// damping: a random reader follows an edge (chosen by weight) with
// probability damping, and otherwise jumps to a sentence drawn from
// teleport (LexRank's continuous form, Erkan and Radev 2004, with the
// uniform jump replaced by a prior as in topic-sensitive PageRank,
// Haveliwala 2002). teleport must sum to 1. The ranks sum to 1.
func pageRank(ctx context.Context, sim [][]float64, teleport []float64, damping float64) ([]float64, error) {
	n := len(sim)
	out := make([]float64, n) // each row's total weight
	for i := range sim {
		for _, w := range sim[i] {
			out[i] += w
		}
	}
	r := append([]float64(nil), teleport...)
	next := make([]float64, n)
	for it := 0; it < maxIterations; it++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("summary: rank: %w", err)
		}
		// A sentence that shares no word with any other passes its rank
		// on by the jump, so that none is lost.
		lost := 0.0
		for i := range next {
			next[i] = 0
			if out[i] == 0 {
				lost += r[i]
			}
		}
		for i := range sim {
			if out[i] == 0 {
				continue
			}
			share := r[i] / out[i]
			for j, w := range sim[i] {
				if w != 0 {
					next[j] += share * w
				}
			}
		}
		delta := 0.0
		for j := range next {
			v := (1-damping)*teleport[j] + damping*(next[j]+lost*teleport[j])
			delta += math.Abs(v - r[j])
			next[j] = v
		}
		r, next = next, r
		if delta < convergence {
			break
		}
	}
	return r, nil
}

// positionPrior weighs sentence i (1-based) by 1/i^exponent, the first
// sentence by 1. News puts what matters most first (the inverted pyramid),
// so a lead sentence needs less centrality to be chosen.
func positionPrior(n int, exponent float64) []float64 {
	p := make([]float64, n)
	for i := range p {
		p[i] = 1 / math.Pow(float64(i+1), exponent)
	}
	return p
}

// uniform is the jump distribution that favours no sentence.
func uniform(n int) []float64 {
	p := make([]float64, n)
	for i := range p {
		p[i] = 1 / float64(n)
	}
	return p
}

// normalise scales weights to sum to 1; all-zero weights stay zero.
func normalise(w []float64) []float64 {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	if sum == 0 {
		return w
	}
	for i := range w {
		w[i] /= sum
	}
	return w
}
