package followup

// The closed classes of English this package reads. Nothing here names
// anything from an article.

// pronounClass is what a third-person pronoun stands for.
type pronounClass uint8

const (
	notPronoun pronounClass = iota
	person                  // he, she, him, his, her, hers
	thing                   // it, its
	group                   // they, them, their, theirs
)

// pronoun is one third-person pronoun: what it stands for and whether it is
// possessive ("his", "its", "their").
type pronoun struct {
	class      pronounClass
	possessive bool
	// ambiguous: "her" is possessive before a noun ("her role") and an
	// object elsewhere ("what did they say about her").
	ambiguous bool
}

var pronouns = map[string]pronoun{
	"he": {class: person}, "she": {class: person}, "him": {class: person},
	"his": {class: person, possessive: true}, "hers": {class: person, possessive: true},
	"her": {class: person, ambiguous: true},
	"it":  {class: thing}, "its": {class: thing, possessive: true},
	"they": {class: group}, "them": {class: group},
	"their": {class: group, possessive: true}, "theirs": {class: group, possessive: true},
}

// whWords open a question and say what it asks.
var whWords = map[string]bool{
	"who": true, "whom": true, "whose": true, "what": true, "which": true,
	"when": true, "where": true, "why": true, "how": true,
}

// howDegree are the words after "how" that belong to the wh-phrase: "how
// many", "how long", "how far".
var howDegree = map[string]bool{
	"many": true, "much": true, "long": true, "far": true, "old": true, "often": true, "soon": true,
}

// countWords are the ones of howDegree that count a noun: "how many
// troops", "how much money".
var countWords = map[string]bool{"many": true, "much": true}

// openers may come before an elliptical wh-word: "and where?", "ok, why?".
var openers = map[string]bool{
	"and": true, "but": true, "so": true, "ok": true, "okay": true, "then": true,
	"also": true, "well": true, "hmm": true, "right": true,
}

// closers may come after one: "where exactly?", "why then?".
var closers = map[string]bool{
	"exactly": true, "then": true, "though": true, "again": true, "precisely": true,
}

// Auxiliaries: forms of be, have and do, and the modals.
var (
	beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "am": true}
	doForms = map[string]bool{"do": true, "does": true, "did": true}
	auxes   = map[string]bool{
		"is": true, "are": true, "was": true, "were": true, "am": true, "be": true, "been": true,
		"has": true, "have": true, "had": true, "do": true, "does": true, "did": true,
		"will": true, "would": true, "can": true, "could": true, "shall": true, "should": true,
		"may": true, "might": true, "must": true,
	}
)

// ofPronouns are the partitive pronouns "how many of them" counts.
var ofPronouns = map[string]bool{"them": true, "those": true, "these": true}

// complementizers follow an expletive "it": "is it true that", "it is
// likely to".
var complementizers = map[string]bool{"that": true, "to": true, "whether": true, "if": true}
