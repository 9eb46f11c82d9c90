// Package doc analyses an article's sentences for answering: every word
// with its part of speech and stem, and the article's word statistics. An
// article is analysed once, when the engine loads it; every stage of
// answering reads the analysis and none changes it.
package doc

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/pos"
	"github.com/articlebot/articlebot/corpus/text"
)

// Word is one token of a sentence.
type Word struct {
	text.Token
	Tag  pos.Tag
	Stem string // text.Base of the bare lower-case word: "led" and "leads" meet at "lead"
	// Cap: written with a capital where a sentence does not start.
	Cap bool
	// Stop: a stop word, or punctuation.
	Stop bool
}

// Sentence is one analysed sentence of an article.
type Sentence struct {
	*corpus.Sentence
	Words []Word
	// Pos is the sentence's 0-based position in its article.
	Pos int
}

// Article is an analysed article.
type Article struct {
	*corpus.Article
	Sentences []*Sentence
	// df counts, for each stem, the sentences that hold it.
	df map[string]int
}

// Analyse analyses every sentence of a, tagging with tg.
func Analyse(ctx context.Context, tg *pos.Tagger, a *corpus.Article) (*Article, error) {
	return NewAnalyser(tg).Article(ctx, a)
}

// Analyser analyses articles, remembering the stems of the words it has
// met: a corpus repeats its words, and stemming is a third of analysing.
// An Analyser is for one goroutine at a time.
type Analyser struct {
	tg    *pos.Tagger
	stems map[string]string // bare word -> text.Base of it
}

// maxStemMemo bounds an Analyser's memory of stems: news English uses
// some tens of thousands of distinct words, so this holds all of a large
// corpus's common words and costs a few megabytes at most.
const maxStemMemo = 1 << 17

// NewAnalyser returns an Analyser that tags with tg.
func NewAnalyser(tg *pos.Tagger) *Analyser {
	return &Analyser{tg: tg, stems: map[string]string{}}
}

// Article analyses every sentence of a.
func (an *Analyser) Article(ctx context.Context, a *corpus.Article) (*Article, error) {
	d := &Article{Article: a, Sentences: make([]*Sentence, len(a.Sentences))}
	for i := range a.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("doc: analyse %s: %w", a.ID, err)
			}
		}
		s := an.sentence(&a.Sentences[i])
		s.Pos = i
		d.Sentences[i] = s
	}
	d.count()
	return d, nil
}

// count fills the article's document frequencies from its sentences.
func (a *Article) count() {
	a.df = map[string]int{}
	seen := map[string]bool{}
	for _, s := range a.Sentences {
		clear(seen)
		for _, w := range s.Words {
			if w.Word && !seen[w.Stem] {
				seen[w.Stem] = true
				a.df[w.Stem]++
			}
		}
	}
}

// AnalyseSentence analyses one sentence (or a question: anything one
// tagger call should see as one sentence).
func AnalyseSentence(tg *pos.Tagger, s *corpus.Sentence) *Sentence {
	return (&Analyser{tg: tg}).sentence(s)
}

func (an *Analyser) stem(bare string) string {
	if st, ok := an.stems[bare]; ok {
		return st
	}
	st := text.Base(bare)
	if an.stems != nil {
		if len(an.stems) >= maxStemMemo {
			clear(an.stems)
		}
		an.stems[bare] = st
	}
	return st
}

func (an *Analyser) sentence(s *corpus.Sentence) *Sentence {
	toks := text.Tokenize(s.Text)
	n := len(toks)
	toks = joinAbbreviations(toks)
	var tags []pos.Tag
	if len(s.Tags) == n && len(toks) == n {
		// Extraction tagged these very tokens (nothing was joined):
		// tagging is deterministic, so its tags are the tagger's.
		tags = s.Tags
	} else {
		tags = an.tg.Tag(toks)
	}
	words := make([]Word, len(toks))
	first := true
	for i, t := range toks {
		w := Word{Token: t, Tag: tags[i]}
		if t.Word {
			bare := strings.TrimSuffix(t.Bare(), ".")
			w.Stem = an.stem(bare)
			w.Stop = text.IsStop(bare)
			w.Cap = !first && t.IsCap()
			first = false
		} else {
			w.Stop = true
			// A sentence opens again after an opening quote or a colon.
			first = first || t.Text == ":" || t.Text == "“" || (t.Text == "\"" && i+1 < len(toks) && toks[i+1].Start == t.End)
		}
		words[i] = w
	}
	return &Sentence{Sentence: s, Words: words}
}

// joinAbbreviations gives a period back to the word it abbreviates: inside
// a sentence, a period written against a short capitalised word and
// followed by more of the sentence ("Feb. 14", "Jonathan P. Blair", "N.
// Rampart St. and") cannot end it, so it marks an abbreviation.
func joinAbbreviations(toks []text.Token) []text.Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Word && i+2 < len(toks) && toks[i+1].Text == "." && toks[i+1].Start == t.End && abbreviationShape(t.Text) && toks[i+2].Word {
			t.Text += "."
			t.Lower += "."
			t.End = toks[i+1].End
			i++
		}
		out = append(out, t)
	}
	return out
}

// abbreviationShape reports a word that can be an abbreviation: a capital
// and at most three more letters ("P", "Feb", "Sept", "St", "Jr").
func abbreviationShape(w string) bool {
	if len(w) > 4 || w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// DF is the number of sentences that hold the stem.
func (a *Article) DF(stem string) int { return a.df[stem] }

// IDF is the inverse sentence frequency of a stem in the article, smoothed
// as BM25 does (log(1 + (N - n + 0.5)/(n + 0.5))), so that a stem in every
// sentence still weighs a little and one in none weighs most.
func (a *Article) IDF(stem string) float64 {
	n := float64(a.df[stem])
	N := float64(len(a.Sentences))
	return math.Log(1 + (N-n+0.5)/(n+0.5))
}

// Sentence returns the sentence with the 1-based number n, or nil.
func (a *Article) Sentence(n int) *Sentence {
	if n < 1 || n > len(a.Sentences) {
		return nil
	}
	return a.Sentences[n-1]
}

// Prev returns the sentence before s in the same paragraph, or nil.
func (a *Article) Prev(s *Sentence) *Sentence {
	if s.Pos == 0 {
		return nil
	}
	p := a.Sentences[s.Pos-1]
	if p.Paragraph != s.Paragraph {
		return nil
	}
	return p
}

// Span is a run of a sentence's words, [Start, End).
type Span struct{ Start, End int }

// SpanText is the span's text as written.
func (s *Sentence) SpanText(sp Span) string {
	if sp.Start >= sp.End || sp.End > len(s.Words) {
		return ""
	}
	return s.Sentence.Text[s.Words[sp.Start].Start:s.Words[sp.End-1].End]
}
