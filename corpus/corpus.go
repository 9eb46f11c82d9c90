// Package corpus holds the articles articlebot answers about: their
// paragraphs, their sentences, and the facts extracted from each sentence.
//
// A Corpus is built once, at load, and is read-only afterwards, so it can be
// shared by any number of goroutines without locking.
package corpus

import (
	"strconv"

	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/pos"
)

// Sentence is one sentence of an article, with where it stands.
type Sentence struct {
	Article   string // the article's ID
	Paragraph int    // 1-based paragraph number in the article
	Index     int    // 1-based sentence number in the article
	Text      string
	Facts     []facts.Fact // facts found in this sentence
	// Tags are the parts of speech of text.Tokenize(Text)'s tokens when
	// the sentence was just parsed (extraction tags them), so that
	// analysis need not tag it again; nil in an article read back from
	// a cache, which does not keep them (bot.Load lets them go once it
	// has analysed the article).
	Tags []pos.Tag
}

// Article is one news article, split into paragraphs and sentences.
type Article struct {
	ID         string // short unique name, from the file name ("article", "bbc-pol-001")
	Title      string
	Untitled   bool    // the text has no title line: Title was made from the file name
	Source     string  // where it was loaded from (a path, or "embedded")
	Paragraphs [][]int // for each paragraph, the 0-based positions in Sentences
	Sentences  []Sentence
	People     []facts.Person // everyone the article names, with roles
}

// Sentence returns the sentence with the 1-based number n, or false.
func (a *Article) Sentence(n int) (Sentence, bool) {
	if n < 1 || n > len(a.Sentences) {
		return Sentence{}, false
	}
	return a.Sentences[n-1], true
}

// ParagraphOf returns the sentences of the paragraph that holds sentence n
// (1-based), or nil.
func (a *Article) ParagraphOf(n int) []Sentence {
	s, ok := a.Sentence(n)
	if !ok || s.Paragraph < 1 || s.Paragraph > len(a.Paragraphs) {
		return nil
	}
	var out []Sentence
	for _, i := range a.Paragraphs[s.Paragraph-1] {
		out = append(out, a.Sentences[i])
	}
	return out
}

// Corpus is a set of articles, in load order.
type Corpus struct {
	Articles []*Article
	byID     map[string]*Article
}

// New builds a corpus from articles, giving each a unique ID (see IDs).
func New(articles []*Article) *Corpus {
	c := &Corpus{byID: make(map[string]*Article, len(articles))}
	ids := NewIDs()
	for _, a := range articles {
		a.SetID(ids.Take(a.ID))
		c.byID[a.ID] = a
		c.Articles = append(c.Articles, a)
	}
	return c
}

// IDs hands out the IDs of a corpus's articles in load order: an ID
// taken already gets "-2", "-3", … until it is free.
type IDs struct{ used map[string]bool }

// NewIDs returns IDs with none taken.
func NewIDs() *IDs { return &IDs{used: map[string]bool{}} }

// Take returns id, or the first of id-2, id-3, … not taken, and takes it.
func (ids *IDs) Take(id string) string {
	base := id
	for n := 2; ids.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	ids.used[id] = true
	return id
}

// SetID gives an article an ID, in its sentences too.
func (a *Article) SetID(id string) {
	if a.ID == id && (len(a.Sentences) == 0 || a.Sentences[0].Article == id) {
		return
	}
	a.ID = id
	for i := range a.Sentences {
		a.Sentences[i].Article = id
	}
}

// Article returns the article with the given ID, or nil.
func (c *Corpus) Article(id string) *Article {
	return c.byID[id]
}

// SentenceCount is the number of sentences in all articles.
func (c *Corpus) SentenceCount() int {
	n := 0
	for _, a := range c.Articles {
		n += len(a.Sentences)
	}
	return n
}
