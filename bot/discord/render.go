package discord

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/bwmarrin/discordgo"
)

// Embed colours.
const (
	colorAnswer   = 0x3BA55D // green: the article says
	colorNoAnswer = 0x99AAB5 // grey: it doesn't
	colorInfo     = 0x5865F2 // blurple: lists, search, context
)

// How many sentences an answer, a More page and a search show.
const (
	answerSentences = 3
	morePage        = 3
	searchResults   = 8
)

// renderAnswer shows an answer: the short answer, the sentences that say it
// (quoted, with article title and sentence number), the facts used, and the
// More and Context buttons. moreID is the key of the question in the More
// store ("" for no More button).
func renderAnswer(a *bot.Answer, moreID string) *discordgo.InteractionResponseData {
	e := &discordgo.MessageEmbed{Title: escape(oneLine(a.Question)), Color: colorAnswer}
	if e.Title == "" {
		e.Title = "Answer"
	}
	switch {
	case a.NoAnswer && len(a.Sentences) > 0:
		e.Color = colorNoAnswer
		e.Description = "The article doesn't say. These are the closest sentences:"
	case a.NoAnswer:
		e.Color = colorNoAnswer
		e.Description = "The article doesn't say, and nothing in it comes close."
	case strings.TrimSpace(a.Text) == "":
		e.Description = "The article says:"
	default:
		e.Description = bold(a.Text)
	}
	shown := a.Sentences[:min(len(a.Sentences), answerSentences)]
	for _, c := range shown {
		e.Fields = append(e.Fields, citationField(c, ""))
	}
	if lines := factLines(a.Facts); len(lines) > 0 && !a.NoAnswer {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: factsFieldName, Value: truncateLines(lines, maxFieldValue)})
	}
	if footer := answerFooter(a); footer != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: footer}
	}

	var buttons []discordgo.MessageComponent
	if moreID != "" && len(a.Sentences) > 0 {
		buttons = append(buttons, button("More", moreButton{key: moreID, page: 1}.customID()))
	}
	if len(shown) > 0 {
		if id, ok := (contextButton{article: shown[0].Article, sentence: shown[0].Index}).customID(); ok {
			buttons = append(buttons, button("Context", id))
		}
	}
	return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}, Components: row(buttons...)}
}

func answerFooter(a *bot.Answer) string {
	kind := strings.ReplaceAll(string(a.Kind), "_", " ")
	conf := a.Confidence
	if math.IsNaN(conf) || conf < 0 {
		conf = 0
	}
	if conf > 1 {
		conf = 1
	}
	var parts []string
	if !a.NoAnswer {
		parts = append(parts, fmt.Sprintf("Confidence %d%%", int(math.Round(conf*100))))
	}
	if kind != "" {
		parts = append(parts, kind+" question")
	}
	return strings.Join(parts, " · ")
}

// citationField shows one sentence, quoted, under its article title and
// number. text, when set, replaces the plain quoted sentence.
func citationField(c bot.Citation, text string) *discordgo.MessageEmbedField {
	if text == "" {
		text = quote(c.Text)
	}
	return &discordgo.MessageEmbedField{Name: citeName(c), Value: truncate(text, maxFieldValue)}
}

func citeName(c bot.Citation) string {
	title := oneLine(c.Title)
	if title == "" {
		title = c.Article
	}
	return truncate(escape(title), maxFieldName-24) + " · sentence " + strconv.Itoa(c.Index)
}

// factLines shows facts one to a line, in the order given.
func factLines(fs []facts.Fact) []string {
	lines := make([]string, 0, len(fs))
	for _, f := range fs {
		if l := factLine(f); l != "" {
			lines = append(lines, "• "+l)
		}
	}
	return lines
}

// factBody shows a fact: a person with their role, a quote with its
// speaker, a number with what it counts, a place or date.
func factBody(f facts.Fact) string {
	text := oneLine(f.Text)
	value := oneLine(f.Value)
	if value == "" {
		value = text
	}
	var s string
	switch f.Kind {
	case facts.KindPerson:
		s = bold(value)
		if f.Role != "" {
			s += " — " + escape(oneLine(f.Role))
		}
	case facts.KindQuote:
		s = "“" + escape(text) + "”"
		if f.Speaker != "" {
			s += " — " + escape(oneLine(f.Speaker))
		}
	case facts.KindQuantity:
		s = bold(text)
		if role := oneLine(f.Role); role != "" && !strings.Contains(strings.ToLower(text), strings.ToLower(role)) {
			s += " " + escape(role)
		}
	default:
		s = bold(value)
		if text != "" && text != value {
			s += " (“" + escape(text) + "”)"
		}
	}
	return s
}

// factLine shows a fact with its kind and sentence number.
func factLine(f facts.Fact) string {
	s := factBody(f)
	if s == "" {
		return ""
	}
	s = kindLabel(f.Kind) + ": " + s
	if f.Sentence > 0 {
		s += " · s. " + strconv.Itoa(f.Sentence)
	}
	return s
}

func kindLabel(k facts.Kind) string {
	switch k {
	case facts.KindPerson:
		return "Person"
	case facts.KindQuote:
		return "Quote"
	case facts.KindQuantity:
		return "Number"
	case facts.KindPlace:
		return "Place"
	case facts.KindOrg:
		return "Organisation"
	case facts.KindTime:
		return "Time"
	}
	return escape(string(k))
}

// renderMore shows a further page of sentences for a question.
// The names a More button rebuilt from its message reads (questionOn).
const (
	morePrefix     = "More for: "
	factsFieldName = "Facts used"
)

func renderMore(question string, cs []bot.Citation, next string) *discordgo.InteractionResponseData {
	if len(cs) == 0 {
		return notice("No more sentences match that question.")
	}
	e := &discordgo.MessageEmbed{Title: morePrefix + escape(oneLine(question)), Color: colorInfo}
	for _, c := range cs {
		e.Fields = append(e.Fields, citationField(c, ""))
	}
	var buttons []discordgo.MessageComponent
	if next != "" {
		buttons = append(buttons, button("More", next))
	}
	return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}, Components: row(buttons...)}
}

// renderContext shows the paragraph around a sentence, that sentence bold.
func renderContext(cs []bot.Citation, sentence int) *discordgo.InteractionResponseData {
	if len(cs) == 0 {
		return notice("I can't find that sentence any more.")
	}
	title := oneLine(cs[0].Title)
	if title == "" {
		title = cs[0].Article
	}
	e := &discordgo.MessageEmbed{
		Title: truncate("Context: "+escape(title), maxEmbedTitle-24) + " · sentence " + strconv.Itoa(sentence),
		Color: colorInfo,
	}
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		t := escape(oneLine(c.Text))
		if c.Index == sentence {
			t = "**" + t + "**"
		}
		parts = append(parts, t)
	}
	e.Description = truncate(strings.Join(parts, " "), maxEmbedDescription)
	e.Footer = &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Sentences %d–%d", cs[0].Index, cs[len(cs)-1].Index)}
	return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}}
}

// renderSearch shows matching sentences with the matched words bold.
func renderSearch(query string, ms []bot.Match) *discordgo.InteractionResponseData {
	e := &discordgo.MessageEmbed{Title: "Search: " + escape(oneLine(query)), Color: colorInfo}
	if len(ms) == 0 {
		e.Description = "No sentence matches."
	}
	for _, m := range ms {
		// Newlines to spaces, byte for byte, so the spans stay valid.
		text := strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, m.Text)
		e.Fields = append(e.Fields, citationField(m.Citation, "> "+highlight(text, m.Spans)))
	}
	return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}}
}

// renderFacts shows facts grouped by kind, in the kinds' order.
func renderFacts(title string, fs []facts.Fact) *discordgo.InteractionResponseData {
	e := &discordgo.MessageEmbed{Title: "Facts", Color: colorInfo}
	if title != "" {
		e.Title += " in " + escape(oneLine(title))
	}
	if len(fs) == 0 {
		e.Description = "No facts of that kind found."
		return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}}
	}
	byKind := map[facts.Kind][]facts.Fact{}
	order := facts.Kinds()
	for _, f := range fs {
		if !slices.Contains(order, f.Kind) {
			order = append(order, f.Kind)
		}
		byKind[f.Kind] = append(byKind[f.Kind], f)
	}
	for _, k := range order {
		group := byKind[k]
		if len(group) == 0 {
			continue
		}
		// The kind is the field's name; a fact found in several sentences
		// is one line that lists them.
		var bodies []string
		where := map[string][]string{}
		for _, f := range group {
			b := factBody(f)
			if b == "" {
				continue
			}
			if _, seen := where[b]; !seen {
				bodies = append(bodies, b)
			}
			if f.Sentence > 0 {
				where[b] = append(where[b], strconv.Itoa(f.Sentence))
			} else if where[b] == nil {
				where[b] = []string{}
			}
		}
		lines := make([]string, 0, len(bodies))
		for _, b := range bodies {
			l := "• " + b
			if ns := slices.Compact(where[b]); len(ns) > 0 {
				l += " · s. " + strings.Join(ns, ", ")
			}
			lines = append(lines, l)
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  fmt.Sprintf("%s (%d)", kindPlural(k), len(bodies)),
			Value: truncateLines(lines, maxFieldValue),
		})
	}
	return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}}
}

func kindPlural(k facts.Kind) string {
	switch k {
	case facts.KindPerson:
		return "People"
	case facts.KindQuote:
		return "Quotes"
	case facts.KindQuantity:
		return "Numbers"
	case facts.KindPlace:
		return "Places"
	case facts.KindOrg:
		return "Organisations"
	case facts.KindTime:
		return "Dates and times"
	}
	return escape(string(k))
}

// renderArticles lists the articles the bot knows.
func renderArticles(as []bot.ArticleInfo) *discordgo.InteractionResponseData {
	e := &discordgo.MessageEmbed{Title: fmt.Sprintf("Articles I know (%d)", len(as)), Color: colorInfo}
	if len(as) == 0 {
		e.Description = "None yet."
	}
	lines := make([]string, 0, len(as))
	for _, a := range as {
		title := oneLine(a.Title)
		if title == "" {
			title = a.ID
		}
		lines = append(lines, fmt.Sprintf("%s — id: %s · %d sentences", bold(title), escape(a.ID), a.Sentences))
	}
	if len(lines) > 0 {
		e.Description = truncateLines(lines, maxEmbedDescription)
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: "Pick one with the article option of /ask, /facts or /search."}
	return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}}
}

// notice is a short message for the asker only.
func notice(text string) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: text, Flags: discordgo.MessageFlagsEphemeral}
}

func button(label, customID string) discordgo.MessageComponent {
	return discordgo.Button{Label: label, Style: discordgo.SecondaryButton, CustomID: customID}
}

func row(buttons ...discordgo.MessageComponent) []discordgo.MessageComponent {
	if len(buttons) == 0 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: buttons}}
}
