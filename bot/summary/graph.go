package summary

import (
	"math"
	"sort"
	"strings"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// vector is a sentence's content words as tf-idf weights, sorted by term
// id so that two vectors meet in one merge.
type vector struct {
	ids  []int
	w    []float64
	norm float64
}

// node is one sentence of the graph with what selection needs of it.
type node struct {
	index int // 1-based sentence number
	vec   vector
	stems map[int]bool // the distinct content terms
	words int          // words, stop words included
}

// vocabulary gives each content stem of an article an id and counts the
// sentences that hold it.
type vocabulary struct {
	ids map[string]int
	df  []int
}

func (v *vocabulary) id(stem string) int {
	id, ok := v.ids[stem]
	if !ok {
		id = len(v.df)
		v.ids[stem] = id
		v.df = append(v.df, 0)
	}
	return id
}

// contentStems returns the terms of a text's content words: the stems of
// words and numbers that are not stop words, in their base form ("led" ->
// "lead"), and, withPlaces, for a place name or adjective also the place it
// names ("American" and "the United States" meet as "@united states").
// Places help a topic meet its sentences; in the sentence graph they cost
// ROUGE on the development articles, so it goes without.
func contentStems(s string, withPlaces bool) (stems []string, words int) {
	toks := text.Tokenize(s)
	for i, t := range toks {
		if !t.Word {
			continue
		}
		words++
		w := t.Bare()
		if withPlaces {
			if p := placeAt(toks, i); p != "" {
				stems = append(stems, p)
			}
		}
		if text.IsStop(w) || text.IsStop(t.Lower) {
			continue
		}
		stems = append(stems, text.Base(w))
	}
	return stems, words
}

// placeAt returns the place key of a place named by token i, alone or
// with the next word ("United States"), or "".
func placeAt(toks []text.Token, i int) string {
	if !toks[i].IsCap() {
		return ""
	}
	if i+1 < len(toks) && toks[i+1].Word && toks[i+1].IsCap() {
		if p := facts.PlaceOf(toks[i].Lower + " " + toks[i+1].Bare()); p != "" {
			return "@" + strings.ToLower(p)
		}
	}
	if i > 0 && toks[i-1].Word && toks[i-1].IsCap() && facts.PlaceOf(toks[i-1].Lower+" "+toks[i].Bare()) != "" {
		return "" // the second word of a two-word place, counted with the first
	}
	if p := facts.PlaceOf(toks[i].Bare()); p != "" {
		return "@" + strings.ToLower(p)
	}
	return ""
}

// buildGraph turns sentences into nodes with tf-idf vectors, the idf taken
// over the article's own sentences (LexRank's choice: a word that every
// sentence uses says nothing about which sentence is central).
func buildGraph(sents []corpus.Sentence, withPlaces bool) ([]*node, *vocabulary) {
	voc := &vocabulary{ids: map[string]int{}}
	nodes := make([]*node, len(sents))
	tfs := make([]map[int]float64, len(sents))
	for i := range sents {
		stems, words := contentStems(sents[i].Text, withPlaces)
		tf := map[int]float64{}
		for _, st := range stems {
			tf[voc.id(st)]++
		}
		for id := range tf {
			voc.df[id]++
		}
		tfs[i] = tf
		nodes[i] = &node{index: sents[i].Index, words: words, stems: map[int]bool{}}
	}
	n := float64(len(sents))
	for i, tf := range tfs {
		v := vector{}
		for id := range tf {
			v.ids = append(v.ids, id)
		}
		sort.Ints(v.ids)
		for _, id := range v.ids {
			w := tf[id] * voc.idf(id, n)
			v.w = append(v.w, w)
			v.norm += w * w
			nodes[i].stems[id] = true
		}
		v.norm = math.Sqrt(v.norm)
		nodes[i].vec = v
	}
	return nodes, voc
}

// idf is the smoothed inverse sentence frequency of a term: never zero,
// so that a word in every sentence still links them a little.
func (v *vocabulary) idf(id int, n float64) float64 {
	return math.Log(1 + n/float64(v.df[id]))
}

// cosine is the cosine similarity of two tf-idf vectors.
func cosine(a, b vector) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	dot := 0.0
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] == b.ids[j]:
			dot += a.w[i] * b.w[j]
			i++
			j++
		case a.ids[i] < b.ids[j]:
			i++
		default:
			j++
		}
	}
	return dot / (a.norm * b.norm)
}

// query builds a tf-idf vector for text outside the article (a topic) in
// the article's vocabulary; words the article never uses are dropped.
func (v *vocabulary) query(s string, n int) vector {
	stems, _ := contentStems(s, true)
	tf := map[int]float64{}
	for _, st := range stems {
		if id, ok := v.ids[st]; ok {
			tf[id]++
		}
	}
	q := vector{}
	for id := range tf {
		q.ids = append(q.ids, id)
	}
	sort.Ints(q.ids)
	for _, id := range q.ids {
		w := tf[id] * v.idf(id, float64(n))
		q.w = append(q.w, w)
		q.norm += w * w
	}
	q.norm = math.Sqrt(q.norm)
	return q
}
