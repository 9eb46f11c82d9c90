package discord

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// summaryCommand is /summary [article] [length] [sentences] [topic] [private].
func (a *app) summaryCommand() command {
	one, most := 1.0, float64(bot.MaxSummarySentences)
	return command{
		def: &discordgo.ApplicationCommand{
			Name:        "summary",
			Description: "Summarise an article in its own sentences, each cited",
			Options: []*discordgo.ApplicationCommandOption{
				articleOption(),
				{
					Type:        discordgo.ApplicationCommandOptionString,
					Name:        "length",
					Description: "About 3, 5 or 8 sentences (default short)",
					Choices: []*discordgo.ApplicationCommandOptionChoice{
						{Name: "short", Value: string(bot.LengthShort)},
						{Name: "medium", Value: string(bot.LengthMedium)},
						{Name: "long", Value: string(bot.LengthLong)},
					},
				},
				{
					Type:        discordgo.ApplicationCommandOptionInteger,
					Name:        "sentences",
					Description: "Exactly this many sentences, instead of a length",
					MinValue:    &one,
					MaxValue:    most,
				},
				{
					Type:        discordgo.ApplicationCommandOptionString,
					Name:        "topic",
					Description: "Only the sentences about this, e.g. American support",
					MaxLength:   maxTopicLength,
				},
				privateOption(),
			},
		},
		run:          a.summary,
		autocomplete: a.completeArticle,
	}
}

// maxTopicLength is the longest topic Discord's form takes, in characters:
// the engine reads up to bot.MaxTopicBytes bytes, which this many
// characters of any script fit.
const maxTopicLength = bot.MaxTopicBytes / 4

func (a *app) summary(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	article, err := a.optionalArticle(r)
	if err != nil {
		return nil, err
	}
	length, n := r.String("length"), r.Int("sentences")
	if length != "" && n != 0 {
		return nil, &bot.UserError{Msg: "Choose a length or a number of sentences, not both."}
	}
	s, err := a.engine.Summary(ctx, bot.SummaryRequest{Article: article, Length: bot.Length(length), Sentences: n, Topic: r.String("topic")})
	if err != nil {
		return nil, fmt.Errorf("summary of %q: %w", article, err)
	}
	return a.paged(r, responses(renderSummary(s))), nil
}

// optionalArticle is the article a request's article option names, or ""
// when it names none.
func (a *app) optionalArticle(r *request) (string, error) {
	in := r.String("article")
	if blank(in) {
		return "", nil
	}
	return a.resolveArticle(in)
}

// paged returns the first of a long text's messages and leaves the rest to
// be sent after it.
func (a *app) paged(r *request, msgs []*discordgo.InteractionResponseData) *discordgo.InteractionResponseData {
	if len(msgs) == 0 {
		return notice(msgSomethingWent)
	}
	if len(msgs) > 1 {
		r.sequel().followups = msgs[1:]
	}
	return msgs[0]
}

// Int is an integer option's value, or 0. Discord sends integers as JSON
// numbers; a value that is not a whole number, or is out of range, reads
// as -1, which every handler refuses.
func (r *request) Int(name string) int {
	o := r.Options[name]
	if o == nil {
		return 0
	}
	f, ok := o.Value.(float64)
	if !ok || f != math.Trunc(f) || math.Abs(f) > maxIntOption {
		return -1
	}
	return int(f)
}

// maxIntOption bounds an integer option: Discord allows ±2^53, no
// handler counts past thousands.
const maxIntOption = 1 << 20

// renderSummary lays out a summary: its sentences, in article order, as a
// list in the description, each with its number; the length, how many of
// the article's sentences and the topic in the footer.
func renderSummary(s *bot.Summary) []page {
	title := oneLine(s.Title)
	if title == "" {
		title = s.Article
	}
	lines := make([]string, 0, len(s.Sentences))
	for _, c := range s.Sentences {
		lines = append(lines, "• "+escape(oneLine(c.Text))+" ["+strconv.Itoa(c.Index)+"]")
	}
	if len(lines) == 0 {
		lines = append(lines, "No sentence to show.")
	}
	return layout{
		title:  truncate("Summary: "+escape(title), maxEmbedTitle),
		color:  colorInfo,
		desc:   lines,
		footer: summaryFooter(s),
	}.pages()
}

func summaryFooter(s *bot.Summary) string {
	var parts []string
	if s.Length != "" {
		parts = append(parts, capitalise(string(s.Length))+" summary")
	}
	parts = append(parts, fmt.Sprintf("%d of %d sentences", len(s.Sentences), s.Of))
	if s.Topic != "" {
		parts = append(parts, "about “"+truncate(oneLine(s.Topic), 80)+"”")
	}
	parts = append(parts, "article: "+truncate(s.Article, 100))
	return strings.Join(parts, " · ")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
