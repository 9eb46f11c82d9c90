package summary

import (
	"strings"

	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// Words that make a sentence lean on the one before it when they open it:
// pronouns and demonstratives whose referent came earlier, and discourse
// connectives that continue an earlier thought. Closed-class English.
var (
	leaningOpeners = wordSet(`he she it they his her its their them him this these those that such
	but and or yet so also however still meanwhile moreover furthermore nevertheless nonetheless
	instead besides then thus hence therefore otherwise likewise similarly indeed again too`)
	leaningPhrases = []string{
		"in addition", "as a result", "on the other hand", "by contrast", "in contrast", "even so",
		"at the same time", "for example", "for instance", "in turn", "after that", "the latter",
		"the former", "because of this", "despite this", "as well as this", "on top of that",
	}
	subjectPronouns = wordSet("he she they it")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// leansBack reports whether a sentence cannot stand alone: it opens with a
// pronoun or a connective ("He said …", "But …", "However, …"), gives a
// quote to a pronoun ("“…,” he said."), or is a quotation with no one said
// to say it (the rest of an earlier speaker's words).
func leansBack(s string) bool {
	toks := text.Tokenize(s)
	var words []text.Token
	for _, t := range toks {
		if t.Word {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return false
	}
	if leaningOpeners[words[0].Lower] {
		return true
	}
	lower := text.Lower(s)
	lower = strings.TrimLeft(lower, "\"'“‘( ")
	for _, p := range leaningPhrases {
		if strings.HasPrefix(lower, p) && (len(lower) == len(p) || !isLetter(lower[len(p)])) {
			return true
		}
	}
	// A pronoun says the words: "“…,” he said." ("The firm said it
	// would …" names its speaker.)
	speech := false
	for i, w := range words {
		if !facts.IsSpeechVerb(w.Lower) {
			continue
		}
		speech = true
		if i > 0 && subjectPronouns[words[i-1].Lower] {
			return true
		}
	}
	// A quotation with no speech verb carries on an earlier speaker's words.
	if !speech && opensWithQuote(toks) {
		return true
	}
	return false
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func opensWithQuote(toks []text.Token) bool {
	if len(toks) == 0 {
		return false
	}
	switch toks[0].Text {
	case "\"", "“", "‘", "'":
		return true
	}
	return false
}
