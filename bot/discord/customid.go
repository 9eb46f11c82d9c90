package discord

import (
	"strconv"
	"strings"
)

// Button custom IDs are shaped like paths and routed by their first
// segment: "more:<key>:<page>" and "ctx:<article>:<sentence>". Discord
// allows 100 characters.
const (
	prefixMore    = "more"
	prefixContext = "ctx"
)

func moreCustomID(key string, page int) string {
	return prefixMore + ":" + key + ":" + strconv.Itoa(page)
}

// parseMore reads "more:<key>:<page>"; page is 1 or more.
func parseMore(id string) (key string, page int, ok bool) {
	rest, ok := strings.CutPrefix(id, prefixMore+":")
	if !ok {
		return "", 0, false
	}
	key, p, ok := strings.Cut(rest, ":")
	if !ok || key == "" {
		return "", 0, false
	}
	page, err := strconv.Atoi(p)
	if err != nil || page < 1 {
		return "", 0, false
	}
	return key, page, true
}

// contextCustomID makes "ctx:<article>:<sentence>", or reports false when it
// would be too long for Discord.
func contextCustomID(article string, sentence int) (string, bool) {
	id := prefixContext + ":" + article + ":" + strconv.Itoa(sentence)
	if article == "" || sentence < 1 || len(id) > maxCustomID {
		return "", false
	}
	return id, true
}

// parseContext reads "ctx:<article>:<sentence>". The article ID may itself
// hold colons: the sentence is after the last one.
func parseContext(id string) (article string, sentence int, ok bool) {
	rest, ok := strings.CutPrefix(id, prefixContext+":")
	if !ok {
		return "", 0, false
	}
	i := strings.LastIndexByte(rest, ':')
	if i <= 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(rest[i+1:])
	if err != nil || n < 1 {
		return "", 0, false
	}
	return rest[:i], n, true
}
