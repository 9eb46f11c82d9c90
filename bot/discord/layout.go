package discord

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// A long text (a summary of many sentences, a briefing) is laid out across
// embed descriptions, embed fields and messages, within every one of
// Discord's limits, and never cut inside a word: lines are kept whole
// while they fit, and a line longer than a whole description or field is
// split between words.

// continued is added to the name of a section's later fields and to the
// title of a long text's later messages.
const continued = " (continued)"

// section is a named list of lines: one embed field, or several when its
// lines do not fit one.
type section struct {
	name  string
	lines []string
}

// page is one message of a long text.
type page []*discordgo.MessageEmbed

// layout is a long text to lay out: a title, a description (lines),
// sections (fields) and a footer on the last embed.
type layout struct {
	title    string
	color    int
	desc     []string
	sections []section
	footer   string
}

// pages lays l out as messages: each of at most maxEmbeds embeds and
// maxEmbedsTotal characters, each embed of at most maxEmbedFields fields,
// a description of at most maxEmbedDescription and field values of at
// most maxFieldValue characters. The first message's first embed has the
// title; each later message starts with the title and "(continued)".
func (l layout) pages() []page {
	footerLen := runes(l.footer)
	budget := maxEmbedsTotal - footerLen // every message keeps room for the footer
	var out []page
	var cur page
	used := 0
	var emb *discordgo.MessageEmbed
	startMessage := func() {
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur, used, emb = nil, 0, nil
	}
	startEmbed := func() {
		if len(cur) == maxEmbeds {
			startMessage()
		}
		emb = &discordgo.MessageEmbed{Color: l.color}
		if len(cur) == 0 {
			emb.Title = l.title
			if len(out) > 0 {
				emb.Title = truncate(l.title, maxEmbedTitle-runes(continued)) + continued
			}
			used += runes(emb.Title)
		}
		cur = append(cur, emb)
	}
	// fits reports whether n more characters fit the message, starting a
	// new message when they do not (and can there).
	fits := func(n int) {
		if emb != nil && used+n <= budget {
			return
		}
		if emb != nil {
			startMessage()
		}
		startEmbed()
	}
	for _, d := range packLines(l.desc, maxEmbedDescription) {
		fits(runes(d))
		if emb.Description != "" || len(emb.Fields) > 0 {
			startEmbed()
			fits(runes(d))
		}
		emb.Description = d
		used += runes(d)
	}
	for _, f := range fields(l.sections) {
		n := runes(f.Name) + runes(f.Value)
		fits(n)
		if len(emb.Fields) == maxEmbedFields {
			startEmbed()
			fits(n)
		}
		emb.Fields = append(emb.Fields, f)
		used += n
	}
	if emb == nil {
		startEmbed()
	}
	if l.footer != "" {
		emb.Footer = &discordgo.MessageEmbedFooter{Text: l.footer}
	}
	startMessage()
	return out
}

// fields turns sections into embed fields of at most maxFieldValue
// characters; a section too long for one continues in fields named
// "<name> (continued)".
func fields(secs []section) []*discordgo.MessageEmbedField {
	var out []*discordgo.MessageEmbedField
	for _, s := range secs {
		name := truncate(orText(s.name, zwsp), maxFieldName-runes(continued))
		for i, v := range packLines(s.lines, maxFieldValue) {
			n := name
			if i > 0 {
				n += continued
			}
			out = append(out, &discordgo.MessageEmbedField{Name: n, Value: v})
		}
	}
	return out
}

// packLines joins lines with newlines into chunks of at most n characters,
// keeping each line whole while it fits; a line longer than n is split
// between words.
func packLines(lines []string, n int) []string {
	var out []string
	var b strings.Builder
	size := 0
	flush := func() {
		if size > 0 {
			out = append(out, b.String())
		}
		b.Reset()
		size = 0
	}
	for _, line := range lines {
		for _, piece := range splitWords(line, n) {
			add := runes(piece)
			if size > 0 && size+1+add > n {
				flush()
			}
			if size > 0 {
				b.WriteByte('\n')
				size++
			}
			b.WriteString(piece)
			size += add
		}
	}
	flush()
	return out
}

// splitWords cuts s into pieces of at most n characters, each ending at a
// space (which is dropped). Only a single word longer than n is cut inside
// itself, at a character boundary.
func splitWords(s string, n int) []string {
	if n <= 0 {
		return nil
	}
	var out []string
	for runes(s) > n {
		end := byteOffset(s, n)
		cut := strings.LastIndexFunc(s[:end], unicode.IsSpace)
		if next, _ := utf8.DecodeRuneInString(s[end:]); unicode.IsSpace(next) {
			cut = end
		}
		if cut <= 0 {
			out = append(out, s[:end])
			s = s[end:]
			continue
		}
		out = append(out, strings.TrimRightFunc(s[:cut], unicode.IsSpace))
		s = strings.TrimLeftFunc(s[cut:], unicode.IsSpace)
	}
	if s != "" || len(out) == 0 {
		out = append(out, s)
	}
	return out
}

// byteOffset is where the character after the first n characters of s
// starts (len(s) when s is shorter).
func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// responses makes messages of pages, in order.
func responses(ps []page) []*discordgo.InteractionResponseData {
	out := make([]*discordgo.InteractionResponseData, len(ps))
	for i, p := range ps {
		out[i] = &discordgo.InteractionResponseData{Embeds: p}
	}
	return out
}
