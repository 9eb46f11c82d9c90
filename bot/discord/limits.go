package discord

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits, in characters (Unicode code points) unless noted.
// https://discord.com/developers/docs/resources/message#embed-object-embed-limits
const (
	maxContent          = 2000 // message content
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxFooter           = 2048
	maxAuthorName       = 256
	maxEmbedsTotal      = 6000 // all embed text of one message
	maxEmbeds           = 10
	maxCustomID         = 100 // bytes, but our IDs are ASCII
	maxButtonLabel      = 80
	maxChoices          = 25 // autocomplete choices
	maxChoiceName       = 100
	maxChoiceValue      = 100
	maxCommandName      = 32
	maxDescription      = 100 // command and option descriptions
	maxOptions          = 25
)

const ellipsis = "…"

// runes is the length Discord counts.
func runes(s string) int { return utf8.RuneCountInString(s) }

// truncate cuts s to at most max characters, ending with an ellipsis when
// it cuts. It cuts on a rune boundary, at a word boundary when one is near,
// never between a backslash and the character it escapes, and closes a
// **bold** run it cuts into.
func truncate(s string, max int) string {
	if runes(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	budget := max - runes(ellipsis)
	kept := cutAt(s, budget)
	if openBold(kept) {
		// Make room to close the bold run, then look again: the shorter
		// cut may fall before the run opened.
		kept = cutAt(s, budget-2)
		if openBold(kept) {
			kept += "**"
		}
	}
	return kept + ellipsis
}

// cutAt returns the longest clean prefix of s of at most n characters.
func cutAt(s string, n int) string {
	if n <= 0 {
		return ""
	}
	// Byte offset after n runes.
	end, count := 0, 0
	for i := range s {
		if count == n {
			end = i
			break
		}
		count++
		end = len(s)
	}
	if count < n {
		return s
	}
	cut := end
	// Prefer a word boundary in the last fifth (at most 40 characters).
	window := min(n/5, 40)
	back := 0
	if r, _ := utf8.DecodeRuneInString(s[cut:]); unicode.IsSpace(r) {
		window = -1 // already at one
	}
	for i := cut; i > 0 && back <= window; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) {
			cut = i - size
			break
		}
		i -= size
		back++
	}
	// Never end on a lone escaping backslash or half a "**" marker, nor in
	// whitespace; each fix can expose another, so repeat until none applies.
	for {
		prev := cut
		cut = len(strings.TrimRightFunc(s[:cut], unicode.IsSpace))
		if trailingBackslashes(s[:cut])%2 == 1 {
			cut--
		}
		if cut > 0 && cut < len(s) && s[cut-1] == '*' && s[cut] == '*' && trailingBackslashes(s[:cut-1])%2 == 0 {
			cut--
		}
		if cut == prev {
			return s[:cut]
		}
	}
}

func trailingBackslashes(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	return n
}

// openBold reports whether s leaves a **bold** run open: an odd number of
// unescaped "**" markers.
func openBold(s string) bool {
	open := false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++ // skip the escaped character
		case s[i] == '*' && i+1 < len(s) && s[i+1] == '*':
			open = !open
			i++
		}
	}
	return open
}

// truncateLines joins lines with newlines, keeping whole lines while they
// fit in max characters, and ends with a note of how many were left out.
func truncateLines(lines []string, max int) string {
	all := strings.Join(lines, "\n")
	if runes(all) <= max {
		return all
	}
	note := func(n int) string {
		if n == 0 {
			return ""
		}
		return "\n" + ellipsis + " and " + strconv.Itoa(n) + " more"
	}
	var b strings.Builder
	n := 0
	for i, l := range lines {
		add := l
		if i > 0 {
			add = "\n" + l
		}
		left := len(lines) - i - 1
		if n+runes(add)+runes(note(left)) <= max {
			b.WriteString(add)
			n += runes(add)
			continue
		}
		if i == 0 {
			if room := max - runes(note(left)); room >= 10 {
				return truncate(l, room) + note(left)
			}
			return truncate(all, max)
		}
		b.WriteString(note(len(lines) - i))
		return b.String()
	}
	return b.String()
}

// fitEmbed makes e fit Discord's per-embed limits, and its text at most
// total characters: it cuts each part to its limit, drops fields past 25,
// then drops fields from the end and cuts the description until it fits.
func fitEmbed(e *discordgo.MessageEmbed, total int) {
	e.Title = truncate(e.Title, maxEmbedTitle)
	e.Description = truncate(e.Description, maxEmbedDescription)
	if e.Footer != nil {
		e.Footer.Text = truncate(e.Footer.Text, maxFooter)
	}
	if e.Author != nil {
		e.Author.Name = truncate(e.Author.Name, maxAuthorName)
	}
	if len(e.Fields) > maxEmbedFields {
		e.Fields = e.Fields[:maxEmbedFields]
	}
	fields := e.Fields[:0]
	for _, f := range e.Fields {
		if f == nil {
			continue
		}
		f.Name = truncate(orText(f.Name, "\u200b"), maxFieldName)
		f.Value = truncate(orText(f.Value, "\u200b"), maxFieldValue)
		fields = append(fields, f)
	}
	e.Fields = fields
	for embedLen(e) > total && len(e.Fields) > 0 {
		e.Fields = e.Fields[:len(e.Fields)-1]
	}
	if over := embedLen(e) - total; over > 0 {
		e.Description = truncate(e.Description, max(runes(e.Description)-over, 0))
	}
	if over := embedLen(e) - total; over > 0 {
		if e.Footer != nil {
			e.Footer.Text = truncate(e.Footer.Text, max(runes(e.Footer.Text)-over, 0))
		}
	}
	if over := embedLen(e) - total; over > 0 {
		e.Title = truncate(e.Title, max(runes(e.Title)-over, 0))
	}
}

func orText(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// embedLen is the text Discord counts against the 6,000-character limit.
func embedLen(e *discordgo.MessageEmbed) int {
	n := runes(e.Title) + runes(e.Description)
	for _, f := range e.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	if e.Footer != nil {
		n += runes(e.Footer.Text)
	}
	if e.Author != nil {
		n += runes(e.Author.Name)
	}
	return n
}

// fitMessage makes a message fit every limit: content, embeds (each and all
// together), buttons.
func fitMessage(content string, embeds []*discordgo.MessageEmbed) (string, []*discordgo.MessageEmbed) {
	content = truncate(content, maxContent)
	if len(embeds) > maxEmbeds {
		embeds = embeds[:maxEmbeds]
	}
	left := maxEmbedsTotal
	out := embeds[:0]
	for _, e := range embeds {
		if e == nil {
			continue
		}
		if left <= 0 {
			break
		}
		fitEmbed(e, left)
		left -= embedLen(e)
		out = append(out, e)
	}
	return content, out
}
