package bot

import (
	"strings"

	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// parsed is a question taken apart: its kind, its words, and the words that
// matter for the answer's type.
type parsed struct {
	raw   string       // the question as cleaned
	kind  Kind         // what sort of answer it wants
	toks  []text.Token // tokens of the normalised question
	body  []text.Token // the tokens after the question words ("who is" …)
	terms []term       // content words to match against sentences
	focus []string     // how many: the stems of what is counted; which: the noun asked about
	// wantPercent, wantMoney, wantYear, wantClock refine how-many and when.
	wantPercent, wantMoney, wantYear, wantClock bool
	// wantChange: the question asks by how much something rose or fell;
	// changeTo is "to" (the new level) or "by" (the change) when it says.
	wantChange bool
	changeTo   string
	// quoted holds words the user put in quotation marks.
	quoted string
	// nameOf is the stem of the thing whose name is asked: "what is the
	// name of the report" -> "report".
	nameOf string
	// typed holds the words as the user typed them, before phrasal verbs
	// were rewritten.
	typed map[string]bool
	// speech is the stem of the question's speech verb, if any.
	speech string
	// tense is 'f' for a question about the future ("when will"), 'p' for
	// the past ("when did"), 0 when it does not say.
	tense byte
}

// term is one content word of a question.
type term struct {
	word string // lower case, as written
	stem string // base stem
	verb bool   // the question's main verb ("will | lead", "to | create")
}

// contractions are expanded before parsing; misspellings of question words
// that users type are mended too.
var contractions = strings.NewReplacer(
	"who's ", "who is ", "whos ", "who is ", "what's ", "what is ", "whats ", "what is ",
	"when's ", "when is ", "where's ", "where is ", "how's ", "how is ", "why's ", "why is ",
	"isn't", "is not", "wasnt", "was not", "wasn't", "was not", "aren't", "are not",
	"weren't", "were not", "doesn't", "does not", "doesnt", "does not", "didn't", "did not",
	"didnt", "did not", "don't", "do not", "dont", "do not", "won't", "will not",
	"can't", "can not", "cannot", "can not", "couldn't", "could not", "hasn't", "has not",
	"haven't", "have not", "'re ", " are ",
)

// phrasalVerbs turns common phrasal verbs into the single verbs articles
// tend to use, so that "going up" meets "rise".
var phrasalVerbs = strings.NewReplacer(
	" going up", " rising", " go up", " rise", " goes up", " rises", " gone up", " risen",
	" going down", " falling", " go down", " fall", " come out", " launch", " comes out", " launches",
	" wrap up", " end", " wraps up", " ends", " pushed back", " delayed", " put back", " delayed",
	" called off", " cancelled", " call off", " cancel",
	" shut down", " closed", " turned down", " rejected", " find out", " discover",
	" on sale", " launched", " take place", " held", " took place", " held", " takes place", " held",
	" taking place", " held", " take part", " participate", " took part", " participated",
	" takes part", " participates",
	" in the works", " in development", " knocked off work", " finished work",
)

// parseQuestion cleans and classifies a question.
func parseQuestion(raw string, forced Kind) parsed {
	q := parsed{raw: raw}
	norm := text.Lower(raw)
	norm = strings.NewReplacer("‘", "'", "“", "\"", "”", "\"").Replace(norm)
	norm = contractions.Replace(norm + " ")
	q.typed = map[string]bool{}
	for _, t := range text.Tokenize(norm) {
		q.typed[t.Lower] = true
	}
	norm = phrasalVerbs.Replace(" " + norm)
	norm = strings.TrimSpace(norm)
	q.toks = text.Tokenize(norm)
	q.quoted = quotedPart(raw)

	words := make([]string, 0, len(q.toks))
	for _, t := range q.toks {
		if t.Word {
			words = append(words, t.Lower)
		}
	}
	q.kind, q.body = classify(q.toks, words)
	for _, w := range words {
		if isSpeechVerb(w) {
			q.speech = text.Base(w) // "who dismissed …": a sentence that says "dismissed" fits best
			break
		}
	}
	for _, w := range words {
		switch w {
		case "will", "next", "upcoming", "going", "plan", "plans":
			q.tense = 'f'
		case "did", "was", "were", "had":
			if q.tense == 0 {
				q.tense = 'p'
			}
		}
	}
	if forced != "" {
		q.kind = forced
	}
	q.terms = contentTerms(q.body)
	q.setFocus(words)
	return q
}

// quotedPart returns the words a question quotes, if any.
func quotedPart(s string) string {
	for _, pair := range [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}, {"'", "'"}} {
		i := strings.Index(s, pair[0])
		if i < 0 {
			continue
		}
		rest := s[i+len(pair[0]):]
		j := strings.LastIndex(rest, pair[1])
		if j > 3 {
			return rest[:j]
		}
	}
	return ""
}

// isSpeechVerb reports a verb that asks who said something: the speech
// verbs fact extraction knows, and verbs of judgement that questions use
// for what a speaker said ("who slammed the target").
func isSpeechVerb(w string) bool {
	if facts.IsSpeechVerb(w) {
		return true
	}
	switch w {
	case "slammed", "slams", "criticised", "criticized", "attacked", "praised", "praises", "put", "reported", "reports":
		return true
	}
	return false
}

// classify finds the kind of a question and where its body starts.
func classify(toks []text.Token, words []string) (Kind, []text.Token) {
	// Skip a lead-in that ends in a comma: "according to the Tories, why …".
	start := 0
	for i, t := range toks {
		if t.Text == "," && i+1 < len(toks) {
			rest := wordsFrom(toks[i+1:])
			if len(rest) > 0 && isQuestionWord(rest[0]) {
				start = i + 1
			}
			break
		}
	}
	toks = toks[start:]
	words = wordsFrom(toks)
	if len(words) == 0 {
		return KindOther, nil
	}
	// Prepositions before the question word: "by how much", "in how many
	// years", "since when", "according to whom".
	lead := 0
	for lead < len(words)-1 && lead < 3 && !isQuestionWord(words[lead]) {
		lead++
	}
	if !isQuestionWord(words[lead]) {
		lead = 0
	}
	w := words[lead:]
	body := func(n int) []text.Token { return skipWords(toks, lead+n) }
	at := func(i int) string {
		if i < len(w) {
			return w[i]
		}
		return ""
	}
	if lead > 0 && words[0] == "according" && (at(0) == "whom" || at(0) == "who") {
		return KindWhoSaid, body(1)
	}
	switch at(0) {
	case "who", "whom":
		if (at(1) == "is" || at(1) == "was" || at(1) == "are" || at(1) == "were") && !participle(at(2)) {
			return KindWhoIs, body(2)
		}
		for i := 1; i < len(w) && i <= 3; i++ {
			if isSpeechVerb(w[i]) && !isBe(w[i-1]) {
				return KindWhoSaid, body(i + 1)
			}
		}
		return KindWho, body(1)
	case "how":
		switch at(1) {
		case "many", "much", "far", "long", "big", "large", "old", "high", "often", "fast", "tall", "heavy":
			return KindHowMany, body(2)
		case "come":
			return KindWhy, body(2)
		case "soon":
			return KindWhen, body(2)
		}
		return KindHow, body(1)
	case "when":
		return KindWhen, body(1)
	case "where":
		return KindWhere, body(1)
	case "why":
		return KindWhy, body(1)
	case "which", "what":
		// "what percentage", "what time", "what year", "which star said".
		noun := at(1)
		switch noun {
		case "percentage", "percent", "proportion", "share", "number", "amount", "sum", "price", "cost", "figure", "total", "rate",
			"growth", "profit", "profits", "revenue", "turnover", "budget", "margin", "wage", "salary", "fine", "fee",
			"dividend", "income", "debt", "loss", "losses", "score", "increase", "rise", "fall", "drop", "value", "size":
			return KindHowMany, body(2)
		case "time", "year", "date", "day", "month", "hour":
			return KindWhen, body(2)
		case "did", "does", "do", "will", "would":
			// "what did X say about Y"
			for _, x := range w[2:] {
				if x == "say" || x == "tell" || x == "think" || x == "claim" || x == "argue" || x == "mention" ||
					x == "stress" || x == "warn" || x == "announce" || x == "add" || x == "suggest" || x == "insist" ||
					x == "predict" || x == "admit" || x == "explain" || x == "promise" || x == "reveal" || x == "believe" {
					return KindWhatSaid, body(2)
				}
			}
		}
		for i := 1; i < len(w) && i <= 4; i++ {
			// "which analyst says …" asks for a speaker; "which nations
			// emphasised …" for the nations.
			if isSpeechVerb(w[i]) && at(0) == "which" && !thingNoun(noun) {
				return KindWhoSaid, body(i + 1)
			}
		}
		// "what was EMI's share price", "what is the cost of"
		for _, x := range w {
			switch x {
			case "price", "cost", "costs", "percentage", "worth", "value":
				return KindHowMany, body(1)
			}
		}
		if at(0) == "which" {
			return KindWhich, body(1)
		}
		// "what is the purpose of", "what is the reason for", "what
		// for": a why-question.
		for _, x := range w[1:min(len(w), 5)] {
			if x == "purpose" || x == "reason" || x == "aim" || x == "point" || x == "goal" {
				return KindWhy, body(1)
			}
		}
		// "what did revenue fall to", "what did the price rise by"
		if n := len(w); n >= 3 && (w[n-1] == "to" || w[n-1] == "by") && changeVerb(w[n-2]) {
			return KindHowMany, body(1)
		}
		return KindWhat, body(1)
	case "is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "can", "could", "will", "would", "should", "may", "might", "must":
		return KindYesNo, body(0)
	}
	return KindOther, body(0)
}

// isBe reports a form of "to be": "who is expected to" is passive, not
// speech.
func isBe(w string) bool {
	return w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been"
}

// thingNoun reports a noun for places, bodies or things rather than
// people: "which countries", "which firms".
func thingNoun(w string) bool {
	switch text.Base(w) {
	case "countri", "nation", "citi", "town", "place", "region", "state", "compani", "firm", "bodi",
		"organis", "organiz", "group", "parti", "team", "club", "band", "shop", "store", "govern",
		"product", "film", "book", "album", "song", "newspap", "paper":
		return true
	}
	return false
}

func isQuestionWord(w string) bool {
	switch w {
	case "who", "whom", "what", "which", "when", "where", "why", "how":
		return true
	}
	return false
}

func wordsFrom(toks []text.Token) []string {
	var out []string
	for _, t := range toks {
		if t.Word {
			out = append(out, t.Lower)
		}
	}
	return out
}

// skipWords returns toks after the first n words.
func skipWords(toks []text.Token, n int) []text.Token {
	for i, t := range toks {
		if t.Word {
			if n == 0 {
				return toks[i:]
			}
			n--
		}
	}
	return nil
}

// questionNoise are words that carry the question's form, not its content.
var questionNoise = map[string]bool{
	"who": true, "whom": true, "what": true, "which": true, "when": true, "where": true, "why": true,
	"how": true, "many": true, "much": true, "did": true, "does": true, "do": true, "is": true,
	"was": true, "are": true, "were": true, "will": true, "would": true, "could": true,
	"should": true, "can": true, "name": true, "according": true, "whose": true, "exactly": true,
	"article": true, "say": true, "said": true, "says": true, "tell": true, "told": true,
	"happen": true, "happened": true, "kind": true, "sort": true, "so": true, "far": true,
	"really": true, "actually": true,
}

// contentTerms are the words of a question that a sentence must share.
func contentTerms(toks []text.Token) []term {
	var out []term
	seen := map[string]bool{}
	prev := ""
	for _, t := range toks {
		if !t.Word {
			prev = ""
			continue
		}
		w := t.Bare()
		after := prev
		prev = w
		if questionNoise[w] || text.IsStop(w) || len(w) == 0 {
			continue
		}
		st := text.Base(w)
		if seen[st] {
			continue
		}
		seen[st] = true
		out = append(out, term{word: w, stem: st, verb: isAux(after) || after == "who"})
	}
	return out
}

// participle reports a verb form that makes "who is …" ask who does or
// did something ("who is expected to", "who was arrested"), not who
// someone is.
func participle(w string) bool {
	if len(w) < 4 {
		return false
	}
	if text.IsIrregularVerb(w) {
		return true
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// changeVerb reports a verb of rising or falling.
func changeVerb(w string) bool {
	switch text.Base(w) {
	case "rise", "fall", "drop", "dip", "grow", "increas", "decreas", "climb", "slip", "slide", "jump", "sink", "soar", "plung", "cut", "rais", "reduc", "shrink":
		return true
	}
	return false
}

// isAux reports an auxiliary or "to" that stands before a verb.
func isAux(w string) bool {
	switch w {
	case "will", "would", "can", "could", "should", "might", "may", "must", "shall", "to", "did", "does", "do":
		return true
	}
	return false
}

// isAuxQ reports a verb that follows "how much" when no noun does ("how
// much is", "how much did").
func isAuxQ(w string) bool {
	switch w {
	case "is", "are", "was", "were", "has", "have", "had", "will", "would", "did", "does", "do", "can", "could", "should", "more", "less", "longer":
		return true
	}
	return false
}

// asksRole reports "what is X's job", "what does X do".
func (q *parsed) asksRole() bool {
	for _, t := range q.toks {
		switch t.Lower {
		case "job", "role", "title", "position", "post", "occupation", "profession":
			return true
		}
	}
	return false
}

// setFocus finds what a how-many question counts and what a which question
// asks about, and the shape of number or time wanted.
func (q *parsed) setFocus(words []string) {
	for i, w := range words {
		switch w {
		case "percentage", "percent", "%", "proportion", "fraction":
			q.wantPercent = true
		case "share":
			// "what share of their incomes", not "the share price"
			q.wantPercent = q.wantPercent || i+1 < len(words) && words[i+1] == "of"
		case "cash", "money", "profit", "profits", "cost", "costs", "price", "spend", "pay", "paid",
			"worth", "revenue", "sales", "funding", "fund", "budget", "salary", "wage", "fee", "fine",
			"pounds", "dollars", "euros", "sell", "earn", "earnings", "payment":
			if q.kind == KindHowMany && (w != "pay" || i > 0 && words[i-1] == "much") {
				q.wantMoney = true
			}
		case "year":
			if i > 0 && (words[i-1] == "what" || words[i-1] == "which") {
				q.wantYear = true
			}
		case "time":
			if i > 0 && words[i-1] == "what" {
				q.wantClock = true
			}
		}
		if q.wantMoney && w == "much" {
			continue
		}
	}
	if q.wantPercent {
		q.wantMoney = false // "what percentage of the fund"
	}
	for i, w := range words {
		if q.kind == KindHowMany && (w == "up" || w == "down" || i > 0 && words[i-1] == "by" && w == "how") {
			q.wantChange = true
			q.wantMoney = false
		}
		if q.kind == KindHowMany && w == "far" && i > 0 && words[i-1] == "how" {
			q.wantChange = true // "how far below forecasts"
			q.wantMoney = false
		}
		if changeVerb(w) && q.kind == KindHowMany && !strings.HasSuffix(w, "ing") {
			// "by how much did revenue dip", "what did revenue fall to":
			// a change, in percent or money.
			q.wantChange = true
			if i+1 < len(words) && (words[i+1] == "to" || words[i+1] == "by") {
				q.changeTo = words[i+1]
			}
		}
	}
	if n := len(words); n > 0 && (words[n-1] == "to" || words[n-1] == "by") {
		q.changeTo = words[n-1]
	}
	// "what is BT's engine called": the noun before "called".
	if n := len(words); n >= 3 && (words[n-1] == "called" || words[n-1] == "named") && words[0] == "what" {
		q.nameOf = text.Base(text.StripPossessive(words[n-2]))
	}
	for i := 0; i+2 < len(words); i++ {
		if words[i] == "name" && words[i+1] == "of" {
			// The head of the noun phrase: "oxfam's report" -> report,
			// "the messaging app on the ds" -> app.
			for j, w := range words[i+2:] {
				if text.IsStop(w) {
					if j == 0 || q.nameOf == "" {
						continue
					}
					break
				}
				q.nameOf = text.Base(text.StripPossessive(w))
			}
		}
	}
	// The counted noun: the words after "how many" up to the verb.
	for i := 0; i+1 < len(words); i++ {
		muchOf := words[i] == "how" && words[i+1] == "much" && i+2 < len(words) && !q.wantMoney && !q.wantPercent && !isAux(words[i+2]) && !isAuxQ(words[i+2])
		if (words[i] == "how" && words[i+1] == "many") || muchOf || ((words[i] == "which" || words[i] == "what") && i+1 < len(words)) {
			for j := i + 2; j < len(words) && j < i+5; j++ {
				if questionNoise[words[j]] || text.IsStop(words[j]) || text.IsIrregularVerb(words[j]) ||
					j > i+2 && (strings.HasSuffix(words[j], "ed") || strings.HasSuffix(words[j], "ing")) {
					break
				}
				q.focus = append(q.focus, text.Base(text.StripPossessive(words[j])))
			}
			if words[i] == "which" || words[i] == "what" {
				q.focus = nil
				if q.kind != KindHowMany && i+1 < len(words) && !questionNoise[words[i+1]] && !text.IsStop(words[i+1]) {
					q.focus = []string{text.Base(words[i+1])}
				}
			}
			break
		}
	}
}
