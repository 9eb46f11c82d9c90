// Package brief builds a team briefing on one news article from the facts
// corpus extracted: who's who, the numbers, the quotes, what happens next,
// the questions it leaves open and prompts for a discussion. Every item
// cites the sentences it rests on.
//
// The rules are general English (speech verbs, modal and uncertainty
// words, future markers, clause punctuation); nothing here names anything
// from a particular article. Each section is a list of short items, so a
// renderer can lay them out as list lines, or as embed fields that fit
// Discord's limits, without cutting a word.
package brief

import (
	"context"
	"fmt"

	"github.com/articlebot/articlebot/corpus"
)

// Item is one line of a briefing. Its Label, Detail and Text hold at most
// MaxItemRunes runes together.
type Item struct {
	Label     string // what the line is about, shown first: a name, a quantity, a day; may be ""
	Detail    string // a short qualifier of Label: a person's role; may be ""
	Text      string // the line itself
	Sentences []int  // 1-based numbers of the sentences it rests on, ascending
}

// Brief is the briefing on an article.
type Brief struct {
	Headline  Item   // the title, or the lead sentence when the article has none
	KeyPoints []Item // the sentences of the short summary
	People    []Item // who's who: a person, their role, what they said or did
	Numbers   []Item // a quantity and what it counts
	Quotes    []Item // a speaker and their words
	Next      []Item // a coming event and its day or date
	Open      []Item // sentences that say what is unknown, undecided or disputed
	Prompts   []Item // questions for the team to discuss
}

// MaxItemRunes bounds an item's Label, Detail and Text together, so that
// an item with its citation fits one Discord embed field value (1,024
// characters) and is never cut there.
const MaxItemRunes = maxSentenceRunes

// Limits on a briefing, so that it reads in a minute.
const (
	maxLineRunes     = 300 // a line made from part of a sentence: about two lines of a chat window
	maxSentenceRunes = 900 // an item that is a whole sentence (a key point, an open question)
	maxLabelRunes    = 100
	maxDetailRunes   = 100
	maxPeople        = 12
	maxNumbers       = 12
	maxQuotes        = 8
	maxQuotesEach    = 2 // quotes of one speaker, so that one voice does not fill the list
	maxNext          = 5
	maxOpen          = 5
	maxPrompts       = 3
	minPrompts       = 2   // the issue asks for two or three prompts
	maxQuotedPrompt  = 140 // a quotation inside a prompt: two of them fit a line
)

// Input is what a briefing is built from.
type Input struct {
	Article *corpus.Article
	// HasTitle is false when the article's title was made from its file
	// name; the headline is then the lead sentence.
	HasTitle bool
	// KeyPoints are the sentence numbers of the article's short summary,
	// in article order; discussion prompts fall back on them when the
	// article leaves too few questions open.
	KeyPoints []int
}

// Build makes the briefing. It checks ctx between sections.
func Build(ctx context.Context, in Input) (*Brief, error) {
	a := in.Article
	if a == nil || len(a.Sentences) == 0 {
		return nil, fmt.Errorf("brief: no article")
	}
	b := &Brief{Headline: headline(in)}
	steps := []func(){
		func() { b.KeyPoints = keyPoints(a, in.KeyPoints) },
		func() { b.People = people(a) },
		func() { b.Numbers = numbers(a) },
		func() { b.Quotes = quotes(a) },
		func() { b.Next = next(a) },
		func() { b.Open = openQuestions(a) },
		func() { b.Prompts = prompts(a, b.Open, in.KeyPoints) },
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("brief: %w", err)
		}
		step()
	}
	return b, nil
}

func headline(in Input) Item {
	if in.HasTitle && in.Article.Title != "" {
		return Item{Text: clip(in.Article.Title, maxLineRunes)}
	}
	lead := in.Article.Sentences[0]
	return Item{Text: clip(lead.Text, maxSentenceRunes), Sentences: []int{lead.Index}}
}

// keyPoints are the summary's sentences, each citing itself.
func keyPoints(a *corpus.Article, ns []int) []Item {
	var out []Item
	for _, n := range ns {
		if s, ok := a.Sentence(n); ok {
			out = append(out, Item{Text: clip(s.Text, maxSentenceRunes), Sentences: []int{n}})
		}
	}
	return out
}
