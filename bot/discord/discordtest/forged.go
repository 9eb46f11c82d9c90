package discordtest

import (
	"strings"
)

// ForgedCustomIDs returns a dozen button custom IDs that a hostile client
// might send in place of the bot's own, made from one of the bot's real
// More buttons ("more:<key>:<page>"): page numbers that overflow, are
// negative or are not numbers, a key that is empty or unknown, Context
// buttons for sentences and articles that do not exist or are paths, an
// unknown kind of button, and IDs longer than Discord's 100 characters.
func ForgedCustomIDs(moreID string) []string {
	key := strings.TrimPrefix(moreID, "more:")
	if i := strings.LastIndexByte(key, ':'); i >= 0 {
		key = key[:i]
	}
	return []string{
		"more:" + key + ":3074457345618258604",
		"more:" + key + ":-9223372036854775808",
		"more:" + key + ":99",
		"more:" + key + ":two",
		"more::1",
		"more:" + strings.Repeat("z", len(key)) + ":1",
		"ctx:article:3074457345618258604",
		"ctx:article:-1",
		"ctx:nosuch:1",
		"ctx:../../../etc/passwd:1",
		"vote:yes",
		"more:" + key + ":1" + strings.Repeat("0", 120),
	}
}
