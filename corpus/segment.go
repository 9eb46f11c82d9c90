package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits a paragraph of news English into sentences.
//
// A sentence ends at '.', '!', '?' or '…', after any closing quotes and
// brackets, when white space and then the start of a new sentence (a capital,
// a digit, an opening quote or bracket) follow, or the text ends. It does not
// end after a title or abbreviation (Mr., Dr., Gen., St., Jan., No. 10), an
// initial (John F. Kennedy), or inside a number (3.5%, $1.2bn).
func Sentences(paragraph string) []string {
	text := strings.TrimSpace(paragraph)
	var out []string
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !isTerminal(r) {
			continue
		}
		// Take the rest of a run of terminal marks ("?!", "...").
		for i < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[i:])
			if !isTerminal(r2) {
				break
			}
			i += s2
		}
		end := i
		// Closing quotes and brackets belong to the sentence that ends here.
		for end < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[end:])
			if !isCloser(r2) {
				break
			}
			end += s2
		}
		// White space must follow, then a sentence start.
		next := end
		for next < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[next:])
			if !unicode.IsSpace(r2) {
				break
			}
			next += s2
		}
		if next == end && next < len(text) {
			continue // "3.5", "U.S.-led", "minister..with"
		}
		if next < len(text) {
			nr, _ := utf8.DecodeRuneInString(text[next:])
			if !startsSentence(nr) {
				continue
			}
			if r == '.' && !endsAfterPeriod(text[start:i], text[next:]) {
				continue
			}
		}
		out = appendSentence(out, text[start:end])
		start = next
		i = next
	}
	if start < len(text) {
		out = appendSentence(out, text[start:])
	}
	return out
}

func appendSentence(out []string, s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return out
	}
	return append(out, s)
}

func isTerminal(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', ')', ']', '»':
		return true
	}
	return false
}

func startsSentence(r rune) bool {
	switch r {
	case '"', '\'', '‘', '“', '(', '[', '«', '£', '$', '€', '-', '–', '—':
		return true
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// titles are words that, with a period, stand before a name or number and
// so never end a sentence.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"col": true, "lt": true, "sgt": true, "capt": true, "cmdr": true, "adm": true,
	"maj": true, "sen": true, "rep": true, "gov": true, "pres": true, "rev": true,
	"hon": true, "st": true, "mt": true, "ft": true, "supt": true, "det": true,
	"insp": true, "cllr": true, "messrs": true, "mme": true, "mlle": true,
	"vs": true, "v": true, "fig": true,
	"approx": true, "est": true, "dept": true, "univ": true, "assn": true,
	"e.g": true, "i.e": true, "cf": true, "al": true, "gov't": true,
}

// beforeNumbers are abbreviations that stand before a number: "No. 10",
// "Jan. 5", "p. 4".
var beforeNumbers = map[string]bool{
	"no": true, "nos": true, "nr": true, "p": true, "pp": true, "vol": true,
	"art": true, "ch": true, "sec": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
}

// monthAbbrevs end a sentence only rarely, so they are taken as abbreviations
// before any word too ("in Jan. the council").
var monthAbbrevs = map[string]bool{
	"jan": true, "feb": true, "apr": true, "aug": true, "sept": true,
	"oct": true, "nov": true, "dec": true,
}

// sentenceStarters are words that begin sentences far more often than they
// follow an abbreviation such as "U.S." inside one.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "i": true, "you": true, "but": true, "and": true,
	"this": true, "that": true, "these": true, "those": true, "there": true,
	"his": true, "her": true, "their": true, "its": true, "our": true,
	"however": true, "in": true, "on": true, "at": true, "if": true,
	"when": true, "while": true, "after": true, "before": true, "some": true,
	"many": true, "most": true, "meanwhile": true, "officials": true, "as": true,
	"for": true, "so": true, "yet": true, "both": true, "what": true,
}

// endsAfterPeriod decides whether the period at the end of before ends the
// sentence, given the text after the following white space.
func endsAfterPeriod(before, after string) bool {
	word := lastWord(before[:len(before)-1])
	if word == "" {
		return true
	}
	lower := strings.ToLower(word)
	if v, ok := titles[lower]; ok && v {
		return false
	}
	nextWord := firstWord(after)
	if beforeNumbers[lower] {
		if r, _ := utf8.DecodeRuneInString(after); unicode.IsDigit(r) {
			return false
		}
		if monthAbbrevs[lower] && !sentenceStarters[strings.ToLower(nextWord)] {
			return false
		}
	}
	// A single capital letter is an initial ("John F. Kennedy"), and dotted
	// capitals an abbreviation ("U.S.", "U.K."): they end a sentence only
	// before a word that usually starts one.
	if isInitial(word) || isDottedAbbrev(word) {
		return sentenceStarters[strings.ToLower(nextWord)]
	}
	return true
}

// lastWord returns the run of letters, digits, periods and apostrophes at the
// end of s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '\'') {
			break
		}
		i -= size
	}
	return strings.TrimLeft(s[i:], ".")
}

// firstWord returns the letters at the start of s, after any opening marks.
func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// isDottedAbbrev reports whether w is like "U.S" or "e.g" (the final period
// already cut): single letters joined by periods.
func isDottedAbbrev(w string) bool {
	parts := strings.Split(w, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}
