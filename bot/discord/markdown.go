package discord

import (
	"strings"
	"unicode"
)

const zwsp = "\u200b" // zero-width space: breaks mentions without showing

// escape makes text from a user or an article show as written in Discord:
// it backslash-escapes Markdown (emphasis, code, spoilers, quotes, links,
// headings and lists at a line start) and neutralises mentions (@everyone,
// @here, <@id>, <@&role>, <#channel>, and every other <…> form).
// AllowedMentions none already stops pings; this also stops the mention
// pills and the formatting.
func escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '_', '~', '`', '|', '>', '[', ']':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '<':
			b.WriteString("<" + zwsp)
		case '@':
			b.WriteByte('@')
			rest := s[i+1:]
			if hasPrefixFold(rest, "everyone") || hasPrefixFold(rest, "here") {
				b.WriteString(zwsp)
			}
		case '#', '-', '+':
			if lineStart {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		case '\r':
			// Dropped: a lone CR would start a line Discord does not show.
		default:
			if lineStart && c >= '0' && c <= '9' {
				// "1. item" is a list: escape the dot after the digits.
				j := i
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				b.WriteString(s[i:j])
				if j < len(s) && (s[j] == '.' || s[j] == ')') {
					b.WriteByte('\\')
					b.WriteByte(s[j])
					j++
				}
				i = j - 1
				lineStart = false
				continue
			}
			b.WriteByte(c)
		}
		switch {
		case c == '\n':
			lineStart = true
		case c == ' ' || c == '\t':
			// Indentation keeps a line start.
		default:
			lineStart = false
		}
	}
	return b.String()
}

// unescape undoes escape: it drops the backslashes before Markdown and the
// zero-width spaces that break mentions, so that a question shown in a
// message reads as the user typed it.
func unescape(s string) string {
	s = strings.ReplaceAll(s, zwsp, "")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(escaped, s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// escaped are the bytes escape puts a backslash before.
const escaped = "\\*_~`|>[]#-+.)"

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// oneLine folds every run of whitespace, newlines included, into one space
// and trims the ends.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// quote formats text as a Markdown block quote, escaped.
func quote(text string) string {
	lines := strings.Split(escape(strings.TrimSpace(text)), "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

// bold escapes text and makes it bold; empty text stays empty.
func bold(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	return "**" + escape(text) + "**"
}

// highlight escapes text and makes the byte ranges spans bold. Spans out of
// order, overlapping, out of range or off a character boundary are
// skipped; touching spans are merged.
func highlight(text string, spans [][2]int) string {
	var b strings.Builder
	pos := 0
	for i := 0; i < len(spans); i++ {
		start, end := spans[i][0], spans[i][1]
		// Merge spans that touch or are apart only by spaces: "**Defense
		// Minister**", not "**Defense** **Minister**".
		for i+1 < len(spans) && spans[i+1][0] >= end && spans[i+1][1] <= len(text) && end <= len(text) &&
			strings.TrimSpace(text[end:spans[i+1][0]]) == "" {
			end = spans[i+1][1]
			i++
		}
		if start < pos || end <= start || end > len(text) || !boundary(text, start) || !boundary(text, end) {
			continue
		}
		b.WriteString(escape(text[pos:start]))
		b.WriteString("**" + escape(text[start:end]) + "**")
		pos = end
	}
	b.WriteString(escape(text[pos:]))
	return b.String()
}

// boundary reports whether byte offset i of s starts a character (or ends s).
func boundary(s string, i int) bool {
	return i == len(s) || (i >= 0 && i < len(s) && (s[i]&0xC0) != 0x80)
}
