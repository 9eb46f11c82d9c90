// Package pos tags the words of a sentence with their parts of speech (the
// Penn Treebank tag set), with prose's averaged-perceptron tagger
// (github.com/jdkato/prose/v3/tag, about 97% of words right on news text).
//
// The tagger was trained on Penn Treebank tokens, which are not the
// project's own: a possessive is its own token there ("Levy 's"), quotation
// marks are “ and ”, and a currency sign stands apart from its number. Tag
// takes the project's tokens (corpus/text), feeds the tagger what it was
// trained on, and maps the tags back: one tag a token.
package pos

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/corpus/text"
	prose "github.com/jdkato/prose/v3/tag"
)

// Tag is a Penn Treebank part-of-speech tag.
type Tag uint8

// The tags. Other is anything the tagger gives that is not listed.
const (
	Other Tag = iota
	CC        // coordinating conjunction: and, but
	CD        // number
	DT        // determiner
	EX        // existential there
	FW        // foreign word
	IN        // preposition or subordinating conjunction
	JJ        // adjective
	JJR       // comparative adjective
	JJS       // superlative adjective
	LS        // list marker
	MD        // modal: will, could
	NN        // noun
	NNS       // plural noun
	NNP       // proper noun
	NNPS      // plural proper noun
	PDT       // predeterminer: all, both
	POS       // possessive ending
	PRP       // personal pronoun
	PRPS      // possessive pronoun (PRP$)
	RB        // adverb
	RBR       // comparative adverb
	RBS       // superlative adverb
	RP        // particle: up, off
	SYM       // symbol
	TO        // to
	UH        // interjection
	VB        // verb, base form
	VBD       // verb, past tense
	VBG       // verb, -ing
	VBN       // verb, past participle
	VBP       // verb, present, not 3rd person singular
	VBZ       // verb, present, 3rd person singular
	WDT       // wh-determiner: which
	WP        // wh-pronoun: who, what
	WPS       // possessive wh-pronoun (WP$): whose
	WRB       // wh-adverb: when, where, how
	Punct     // punctuation and quotation marks
	Money     // a currency sign ($)
	numTags
)

var names = [numTags]string{
	"?", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS",
	"PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN",
	"VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "PUNCT", "$",
}

// NumTags is the number of distinct tags, for tables indexed by Tag.
const NumTags = int(numTags)

func (t Tag) String() string {
	if t < numTags {
		return names[t]
	}
	return fmt.Sprintf("Tag(%d)", t)
}

// Parse returns the tag named s, or Other.
func Parse(s string) Tag {
	switch s {
	case ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "(", ")", "#":
		return Punct
	}
	for i, n := range names {
		if n == s {
			return Tag(i)
		}
	}
	return Other
}

// Noun reports a common or proper noun, singular or plural.
func (t Tag) Noun() bool { return t == NN || t == NNS || t == NNP || t == NNPS }

// Proper reports a proper noun.
func (t Tag) Proper() bool { return t == NNP || t == NNPS }

// Verb reports a verb in any form (not a modal).
func (t Tag) Verb() bool { return t >= VB && t <= VBZ }

// Adj reports an adjective.
func (t Tag) Adj() bool { return t == JJ || t == JJR || t == JJS }

// Adv reports an adverb.
func (t Tag) Adv() bool { return t == RB || t == RBR || t == RBS }

// Wh reports a wh-word.
func (t Tag) Wh() bool { return t == WDT || t == WP || t == WPS || t == WRB }

// Content reports a tag of a content word: noun, verb, adjective, adverb,
// number or foreign word.
func (t Tag) Content() bool {
	return t.Noun() || t.Verb() || t.Adj() || t.Adv() || t == CD || t == FW
}

// Tagger tags tokens. It is safe for concurrent use.
type Tagger struct {
	t *prose.Tagger
}

// New returns a tagger with prose's English model (loaded once a process,
// about 1 ms).
func New() (*Tagger, error) {
	t, err := prose.New()
	if err != nil {
		return nil, fmt.Errorf("pos: load tagger: %w", err)
	}
	return &Tagger{t: t}, nil
}

// piece is one tagger word and the token it came from.
type piece struct {
	tok  int
	head bool // the piece whose tag the token takes
}

// Tag returns one tag for each token of one sentence. Numbers are always
// CD, currency signs $, punctuation Punct.
func (tg *Tagger) Tag(toks []text.Token) []Tag {
	out := make([]Tag, len(toks))
	if len(toks) == 0 {
		return out
	}
	words := make([]prose.Token, 0, len(toks)+4)
	pieces := make([]piece, 0, len(toks)+4)
	add := func(w string, tok int, head bool) {
		words = append(words, prose.Token{Text: w})
		pieces = append(pieces, piece{tok: tok, head: head})
	}
	open := true // the next straight double quote opens
	for i, t := range toks {
		switch {
		case !t.Word:
			w := t.Text
			switch w {
			case "“", "‘":
				w = "``"
			case "”", "’":
				w = "''"
			case "\"":
				if open {
					w = "``"
				} else {
					w = "''"
				}
				open = !open
			}
			add(w, i, true)
		case t.IsNumber():
			for _, r := range t.Text {
				if isCurrency(r) {
					add("$", i, false)
				}
				break
			}
			add("100", i, true)
		default:
			w := strings.ReplaceAll(t.Text, "’", "'")
			lw := strings.ToLower(w)
			switch {
			case strings.HasSuffix(lw, "n't") && len(w) > 3:
				stem := w[:len(w)-3]
				if strings.EqualFold(stem, "ca") {
					stem += "n"
				}
				add(stem, i, true)
				add("n't", i, false)
			case strings.HasSuffix(lw, "'s") && len(w) > 2:
				add(w[:len(w)-2], i, true)
				add("'s", i, false)
			case strings.HasSuffix(w, ".") && len(w) > 1 && !strings.Contains(w[:len(w)-1], "."):
				// An abbreviation ("Feb.", "St."): the tagger knows them with
				// their period.
				add(w, i, true)
			case strings.HasSuffix(lw, "s'") && len(w) > 2:
				add(w[:len(w)-1], i, true)
				add("'", i, false)
			default:
				add(w, i, true)
			}
		}
	}
	tg.t.TagTokens(words)
	for j, p := range pieces {
		if p.head {
			out[p.tok] = Parse(words[j].Tag)
		}
	}
	for i, t := range toks {
		switch {
		case t.IsNumber():
			out[i] = CD
		case !t.Word:
			r, _ := utf8.DecodeRuneInString(t.Text)
			switch {
			case isCurrency(r):
				out[i] = Money
			case unicode.IsPunct(r) || unicode.IsSymbol(r):
				if out[i] != SYM {
					out[i] = Punct
				}
			}
		}
	}
	return out
}

func isCurrency(r rune) bool { return unicode.Is(unicode.Sc, r) }
