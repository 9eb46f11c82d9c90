package bot

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/articlebot/articlebot/bot/brief"
	"github.com/articlebot/articlebot/bot/summary"
	"github.com/articlebot/articlebot/corpus"
)

// Length is how long a summary is.
type Length string

// The summary lengths, about 3, 5 and 8 sentences.
const (
	LengthShort  Length = "short"
	LengthMedium Length = "medium"
	LengthLong   Length = "long"
)

// lengthSentences are the sentences of each length: a short summary is as
// long as lead-3, what a reader gets without the bot.
var lengthSentences = map[Length]int{LengthShort: 3, LengthMedium: 5, LengthLong: 8}

// Bounds on what a user may ask of a summary.
const (
	// MaxSummarySentences is the most sentences a summary may ask for:
	// more is no longer a summary of a news article (the BBC development
	// articles hold 12 to 45 sentences), and each sentence can take an
	// embed field of its own (Discord allows 25).
	MaxSummarySentences = 20
	// MaxTopicBytes is the longest topic read: a topic is a few words.
	MaxTopicBytes = 200
)

// SummaryRequest asks for a summary of one article.
type SummaryRequest struct {
	Article   string // article ID; "" for the most recently added article
	Length    Length // "" means short
	Sentences int    // when not 0, the number of sentences (1 to MaxSummarySentences), instead of Length
	Topic     string // when not "", only sentences about it
}

// Summary is an extractive summary: sentences of the article, in article
// order, each with its number.
type Summary struct {
	Article   string            `json:"article"`
	Title     string            `json:"title"`
	Length    Length            `json:"length,omitempty"` // "" when a number of sentences was asked for
	Topic     string            `json:"topic,omitempty"`
	Of        int               `json:"of"` // sentences in the article
	Sentences []SummarySentence `json:"sentences"`
}

// SummarySentence is one sentence of a summary.
type SummarySentence struct {
	Index int     `json:"index"` // 1-based sentence number in the article
	Text  string  `json:"text"`
	Score float64 `json:"score"` // rank score, 1 for the article's most central sentence
}

// Summary summarises one article with its own sentences (see package
// bot/summary). Bad input (an unknown article or length, a number of
// sentences out of range, a topic too long, empty, or absent from the
// article) gets a UserError.
func (e *Engine) Summary(ctx context.Context, r SummaryRequest) (*Summary, error) {
	a, err := e.pickArticle(r.Article)
	if err != nil {
		return nil, err
	}
	n, length, err := summaryLength(r)
	if err != nil {
		return nil, err
	}
	topic, err := cleanTopic(r.Topic)
	if err != nil {
		return nil, err
	}
	chosen, err := summary.Summarize(ctx, a.Sentences, summary.Options{Sentences: n, Topic: topic})
	if errors.Is(err, summary.ErrNoTopic) {
		return nil, &UserError{Msg: fmt.Sprintf("%q says nothing about %q.", clip(a.Title, 80), clip(topic, 80))}
	}
	if err != nil {
		return nil, fmt.Errorf("bot: summary of %s: %w", a.ID, err)
	}
	out := &Summary{Article: a.ID, Title: a.Title, Length: length, Topic: topic, Of: len(a.Sentences), Sentences: []SummarySentence{}}
	for _, c := range chosen {
		out.Sentences = append(out.Sentences, SummarySentence{Index: c.Index, Text: a.Sentences[c.Index-1].Text, Score: math.Round(c.Score*100) / 100})
	}
	return out, nil
}

// summaryLength resolves a request's length to a number of sentences.
func summaryLength(r SummaryRequest) (int, Length, error) {
	if r.Sentences != 0 {
		if r.Sentences < 1 || r.Sentences > MaxSummarySentences {
			return 0, "", &UserError{Msg: fmt.Sprintf("A summary has 1 to %d sentences, not %d.", MaxSummarySentences, r.Sentences)}
		}
		return r.Sentences, "", nil
	}
	length := Length(strings.ToLower(strings.TrimSpace(string(r.Length))))
	if length == "" {
		length = LengthShort
	}
	n, ok := lengthSentences[length]
	if !ok {
		return 0, "", &UserError{Msg: fmt.Sprintf("The length is short, medium or long, not %q.", clip(string(r.Length), 40))}
	}
	return n, length, nil
}

// cleanTopic checks a summary's topic: "" for none.
func cleanTopic(t string) (string, error) {
	if strings.TrimSpace(t) == "" {
		return "", nil
	}
	if len(t) > MaxTopicBytes {
		return "", &UserError{Msg: fmt.Sprintf("That topic is too long (%d bytes; the most is %d).", len(t), MaxTopicBytes)}
	}
	return cleanInput(t, "topic")
}

// pickArticle returns the article with the given ID, or, for "", the most
// recently added one. The corpus does not record when an article was added
// (nor a file's modification time), so that is the last in load order: the
// only article of a file, the last file by name of a folder.
func (e *Engine) pickArticle(id string) (*corpus.Article, error) {
	if id == "" {
		if len(e.lib.infos) == 0 {
			return nil, &UserError{Msg: "There are no articles."}
		}
		id = e.lib.infos[len(e.lib.infos)-1].ID
	}
	a, err := e.article(id)
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, e.checkArticle(id)
	}
	return a, nil
}

// BriefRequest asks for a team briefing on one article.
type BriefRequest struct {
	Article string // article ID; "" for the most recently added article
}

// SectionKind names a section of a briefing.
type SectionKind string

// The sections of a briefing, in the order they are shown.
const (
	SectionKeyPoints SectionKind = "key_points"
	SectionPeople    SectionKind = "people"
	SectionNumbers   SectionKind = "numbers"
	SectionQuotes    SectionKind = "quotes"
	SectionNext      SectionKind = "next"
	SectionOpen      SectionKind = "open_questions"
	SectionPrompts   SectionKind = "discussion"
)

// MaxBriefItemRunes bounds an item's Label, Detail and Text together: an
// item with its sentence numbers fits one Discord embed field value
// (1,024 characters), so a renderer never has to cut one.
const MaxBriefItemRunes = brief.MaxItemRunes

// Brief is a team briefing on an article: a headline and sections of
// short items, each citing the sentences it rests on. Every section is
// present, in the order of the Section constants, even when it has no
// items.
type Brief struct {
	Article  string         `json:"article"`
	Title    string         `json:"title"`
	Headline BriefItem      `json:"headline"`
	Sections []BriefSection `json:"sections"`
}

// BriefSection is one section of a briefing.
type BriefSection struct {
	Kind  SectionKind `json:"kind"`
	Title string      `json:"title"` // as shown: "Who's who"
	Items []BriefItem `json:"items"`
}

// BriefItem is one line of a briefing: "**Label** (Detail): Text [n]".
type BriefItem struct {
	Label     string `json:"label,omitempty"`  // what it is about: a name, a quantity, a day
	Detail    string `json:"detail,omitempty"` // a qualifier of Label: a person's role
	Text      string `json:"text"`
	Sentences []int  `json:"sentences"` // 1-based sentence numbers, ascending
}

// Brief builds the team briefing on one article (see package bot/brief):
// its key points are the short summary.
func (e *Engine) Brief(ctx context.Context, r BriefRequest) (*Brief, error) {
	a, err := e.pickArticle(r.Article)
	if err != nil {
		return nil, err
	}
	key, err := summary.Summarize(ctx, a.Sentences, summary.Options{Sentences: lengthSentences[LengthShort]})
	if err != nil {
		return nil, fmt.Errorf("bot: brief of %s: key points: %w", a.ID, err)
	}
	in := brief.Input{Article: a, HasTitle: !a.Untitled}
	for _, c := range key {
		in.KeyPoints = append(in.KeyPoints, c.Index)
	}
	b, err := brief.Build(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("bot: brief of %s: %w", a.ID, err)
	}
	out := &Brief{Article: a.ID, Title: a.Title, Headline: briefItem(b.Headline)}
	for _, s := range []struct {
		kind  SectionKind
		title string
		items []brief.Item
	}{
		{SectionKeyPoints, "Key points", b.KeyPoints},
		{SectionPeople, "Who's who", b.People},
		{SectionNumbers, "The numbers", b.Numbers},
		{SectionQuotes, "Quotes", b.Quotes},
		{SectionNext, "What's next", b.Next},
		{SectionOpen, "Open questions", b.Open},
		{SectionPrompts, "For discussion", b.Prompts},
	} {
		sec := BriefSection{Kind: s.kind, Title: s.title, Items: []BriefItem{}}
		for _, it := range s.items {
			sec.Items = append(sec.Items, briefItem(it))
		}
		out.Sections = append(out.Sections, sec)
	}
	return out, nil
}

func briefItem(it brief.Item) BriefItem {
	ns := it.Sentences
	if ns == nil {
		ns = []int{}
	}
	return BriefItem{Label: it.Label, Detail: it.Detail, Text: it.Text, Sentences: ns}
}
