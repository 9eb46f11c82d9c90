package discord

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Button custom IDs are shaped like paths and routed by their first
// segment: "more:<key>:<page>" and "ctx:<article>:<sentence>". Discord
// allows 100 characters. A custom ID comes back from the user's client,
// so it is user input (Discord's documentation says as much): every part
// is parsed strictly, in the one form the bot writes, and checked against
// what the bot knows before it is used.
const (
	prefixMore    = "more"
	prefixContext = "ctx"
)

// errExpired marks a button the bot will not answer: one it never made
// (forged or mangled), or one whose answer it no longer holds. The user
// is told the button has expired; the reason goes to the log.
var errExpired = errors.New("button expired")

// expired is an errExpired with its reason.
func expired(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errExpired, fmt.Sprintf(format, args...))
}

// moreButton is what a More button names: a remembered question, by the
// key newKey made, and the page of further sentences wanted.
type moreButton struct {
	key  string
	page int // 1 or more
}

func (b moreButton) customID() string {
	return prefixMore + ":" + b.key + ":" + strconv.Itoa(b.page)
}

// parseMore reads "more:<key>:<page>" as moreButton.customID writes it.
func parseMore(id string) (moreButton, error) {
	rest, ok := strings.CutPrefix(id, prefixMore+":")
	if !ok {
		return moreButton{}, expired("not a More button")
	}
	key, p, ok := strings.Cut(rest, ":")
	if !ok {
		return moreButton{}, expired("no page")
	}
	if !validKey(key) {
		return moreButton{}, expired("malformed key")
	}
	page, err := parseCount(p)
	if err != nil {
		return moreButton{}, expired("page: %v", err)
	}
	return moreButton{key: key, page: page}, nil
}

// contextButton is what a Context button names: a sentence of an article.
type contextButton struct {
	article  string
	sentence int // 1-based
}

// customID makes "ctx:<article>:<sentence>", or reports false when it
// would be too long for Discord.
func (b contextButton) customID() (string, bool) {
	id := prefixContext + ":" + b.article + ":" + strconv.Itoa(b.sentence)
	if b.article == "" || b.sentence < 1 || len(id) > maxCustomID {
		return "", false
	}
	return id, true
}

// parseContext reads "ctx:<article>:<sentence>" as contextButton.customID
// writes it. The article ID may itself hold colons: the sentence is after
// the last one. Whether the article and sentence exist is for the handler
// to check.
func parseContext(id string) (contextButton, error) {
	rest, ok := strings.CutPrefix(id, prefixContext+":")
	if !ok {
		return contextButton{}, expired("not a Context button")
	}
	i := strings.LastIndexByte(rest, ':')
	if i <= 0 {
		return contextButton{}, expired("no article or no sentence")
	}
	n, err := parseCount(rest[i+1:])
	if err != nil {
		return contextButton{}, expired("sentence: %v", err)
	}
	return contextButton{article: rest[:i], sentence: n}, nil
}

// maxCountDigits bounds the numbers in a custom ID: no page or sentence
// number the bot writes comes near a million.
const maxCountDigits = 6

// parseCount reads a number from 1 to 999,999 written as strconv.Itoa
// writes it: digits only, no sign, no leading zero.
func parseCount(s string) (int, error) {
	if s == "" || len(s) > maxCountDigits || s[0] == '0' {
		return 0, fmt.Errorf("%q is not a number from 1 to 999999", s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("%q is not a number from 1 to 999999", s)
		}
	}
	return strconv.Atoi(s)
}

// validKey reports a key as newKey makes it: keyLen characters of
// lower-case base32.
func validKey(k string) bool {
	if len(k) != keyLen {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= '2' && c <= '7') {
			return false
		}
	}
	return true
}
