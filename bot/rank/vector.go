// Package rank scores the candidates of a question with a linear model:
// each candidate is described by general features (its type against the
// type the question wants, which of the question's words are near it, its
// place in the sentence, the sentence's retrieval rank), and the model's
// weights, learned from question sets by package train, say how much each
// feature is worth. No feature names a word of an article.
package rank

import (
	"fmt"
	"hash/fnv"
)

// Feat is one feature of a candidate: a key and a value (1 for a feature
// that is on; a measure such as a share otherwise).
type Feat struct {
	Key uint64
	Val float32
}

// tmpl is a feature template: a kind of feature whose instances differ by
// their arguments ("wh=who type=person", "wh=when type=year").
type tmpl uint8

// key makes a feature's key from its template and two arguments.
func key(t tmpl, a, b uint64) uint64 {
	// splitmix64 of the packed parts: keys spread over 64 bits, so that
	// two features collide with negligible probability.
	x := uint64(t)<<56 ^ a<<20 ^ b
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// hashString is a string argument of a feature, as a number.
func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64() & (1<<36 - 1)
}

// Names holds features' names by key, for --explain and the model file.
type Names map[uint64]string

// builder collects a candidate's features; with names set it also names
// those it has not named before.
type builder struct {
	feats []Feat
	names Names
	// nType is how many of feats describe the candidate's type against
	// the question's (they come first).
	nType int
}

// on adds a feature that is on.
func (b *builder) on(t tmpl, x, y uint64) { b.val(t, x, y, 1) }

// val adds a feature with a value.
func (b *builder) val(t tmpl, x, y uint64, v float32) {
	if v == 0 {
		return
	}
	k := key(t, x, y)
	b.feats = append(b.feats, Feat{Key: k, Val: v})
	if b.names != nil {
		if _, ok := b.names[k]; !ok {
			b.names[k] = templates[t].format(x, y, "")
		}
	}
}

// onWord adds a feature whose first argument is a word of the question.
func (b *builder) onWord(t tmpl, w string, y uint64) {
	k := key(t, hashString(w), y)
	b.feats = append(b.feats, Feat{Key: k, Val: 1})
	if b.names != nil {
		if _, ok := b.names[k]; !ok {
			b.names[k] = templates[t].format(0, y, w)
		}
	}
}

// tmplInfo says how to name a template's features.
type tmplInfo struct {
	name string
	a, b func(uint64) string // nil: the argument is not shown
}

func (ti tmplInfo) format(x, y uint64, word string) string {
	s := ti.name
	if word != "" {
		s += " " + word
	} else if ti.a != nil {
		s += " " + ti.a(x)
	}
	if ti.b != nil {
		s += " " + ti.b(y)
	}
	return s
}

func num(x uint64) string { return fmt.Sprint(x) }
