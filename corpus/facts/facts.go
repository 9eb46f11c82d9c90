// Package facts extracts short, typed facts from the sentences of an English
// news article: quotes with their speakers, people with their roles,
// quantities, places and organisations, and times.
//
// Every rule is general English; nothing here knows any particular article.
package facts

// Kind is the kind of a fact.
type Kind string

// The kinds of fact.
const (
	KindPerson   Kind = "person"
	KindQuote    Kind = "quote"
	KindQuantity Kind = "quantity"
	KindPlace    Kind = "place"
	KindOrg      Kind = "organization"
	KindTime     Kind = "time"
)

// Kinds lists every kind, in the order they are shown.
func Kinds() []Kind {
	return []Kind{KindPerson, KindQuote, KindQuantity, KindPlace, KindOrg, KindTime}
}

// Fact is one fact found in a sentence.
type Fact struct {
	Kind     Kind   `json:"kind"`
	Text     string `json:"text"`              // the span as written in the sentence (a quote: the words quoted)
	Start    int    `json:"start"`             // byte offset of Text in the sentence; -1 when not in it
	End      int    `json:"end"`               // byte offset just past Text
	Value    string `json:"value,omitempty"`   // canonical form: a person's full name, a place's name, a number
	Role     string `json:"role,omitempty"`    // a person's title; what a quantity counts
	Speaker  string `json:"speaker,omitempty"` // for quotes: who said it (full name when known)
	Sentence int    `json:"sentence"`          // 1-based sentence number in the article
}

// Person is someone an article names, with the roles it gives them.
type Person struct {
	Name      string   `json:"name"`      // full name as first written ("Jane Doyle")
	Roles     []string `json:"roles"`     // titles and descriptions ("Britain's Defense Minister")
	Sentences []int    `json:"sentences"` // 1-based numbers of the sentences that mention them
}
