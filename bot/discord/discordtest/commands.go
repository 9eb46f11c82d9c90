package discordtest

import (
	"errors"
	"fmt"
	"regexp"
	"unicode/utf8"
)

// Command types (Discord's ApplicationCommandType).
const (
	commandChat    = 1
	commandUser    = 2
	commandMessage = 3
)

// chatName is Discord's rule for a slash command's name.
var chatName = regexp.MustCompile(`^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$`)

// checkCommand holds one command of a bulk overwrite to Discord's
// ApplicationCommandCreateRequest: its type, a name and description of
// the lengths its type allows (menu commands have no description and no
// options), and contexts and integration_types of known, distinct values.
func checkCommand(c map[string]any) error {
	typ := commandChat
	if t, ok := c["type"].(float64); ok {
		typ = int(t)
	}
	name, _ := c["name"].(string)
	desc, _ := c["description"].(string)
	opts, _ := c["options"].([]any)
	switch typ {
	case commandChat:
		if !chatName.MatchString(name) {
			return fmt.Errorf("name %q: 1-32 lower-case letters, digits, - or _", name)
		}
		if n := utf8.RuneCountInString(desc); n < 1 || n > 100 {
			return fmt.Errorf("%s: description of %d characters", name, n)
		}
		if len(opts) > 25 {
			return fmt.Errorf("%s: %d options", name, len(opts))
		}
	case commandUser, commandMessage:
		if n := utf8.RuneCountInString(name); n < 1 || n > 32 {
			return fmt.Errorf("name %q: 1-32 characters", name)
		}
		if desc != "" || len(opts) > 0 {
			return fmt.Errorf("%s: a menu command has no description or options", name)
		}
	default:
		return fmt.Errorf("%s: type %d", name, typ)
	}
	if err := checkEnumList(c, "contexts", 2); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := checkEnumList(c, "integration_types", 1); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// checkEnumList checks an optional list of distinct integers from 0 to
// most, with at least one item.
func checkEnumList(c map[string]any, field string, most int) error {
	v, ok := c[field]
	if !ok || v == nil {
		return nil
	}
	items, ok := v.([]any)
	if !ok || len(items) == 0 {
		return fmt.Errorf("%s: want a list of at least one item", field)
	}
	seen := map[int]bool{}
	for _, it := range items {
		f, ok := it.(float64)
		n := int(f)
		if !ok || f != float64(n) || n < 0 || n > most || seen[n] {
			return errors.New(field + ": items must be distinct values from 0 to " + fmt.Sprint(most))
		}
		seen[n] = true
	}
	return nil
}
