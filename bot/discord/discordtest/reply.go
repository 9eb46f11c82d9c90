package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Reply is what the bot sent in answer to an interaction or a message, as
// Discord received it.
type Reply struct {
	Type     int  `json:"-"` // the interaction callback type (4, 5, 7, 8); 0 for a channel message
	Deferred bool `json:"-"` // the interaction was deferred (type 5) and this is the edit or followup

	Content         string                                      `json:"content"`
	Embeds          []*discordgo.MessageEmbed                   `json:"embeds"`
	Components      []Component                                 `json:"components"`
	Flags           discordgo.MessageFlags                      `json:"flags"`
	AllowedMentions json.RawMessage                             `json:"allowed_mentions"`
	Choices         []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	Reference       *discordgo.MessageReference                 `json:"message_reference"`

	Request *Request `json:"-"` // the request that carried it
}

// Component is a message component as sent: an action row or a button.
type Component struct {
	Type       discordgo.ComponentType `json:"type"`
	CustomID   string                  `json:"custom_id"`
	Label      string                  `json:"label"`
	URL        string                  `json:"url"`
	Components []Component             `json:"components"`
}

// Ephemeral reports whether only the user who asked can see the reply.
func (r *Reply) Ephemeral() bool { return r.Flags&discordgo.MessageFlagsEphemeral != 0 }

// Text is the reply's content and every text of its embeds, joined by
// newlines, for assertions.
func (r *Reply) Text() string {
	var b strings.Builder
	add := func(s string) {
		if s != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	add(r.Content)
	for _, e := range r.Embeds {
		add(e.Title)
		add(e.Description)
		for _, f := range e.Fields {
			add(f.Name)
			add(f.Value)
		}
		if e.Footer != nil {
			add(e.Footer.Text)
		}
		if e.Author != nil {
			add(e.Author.Name)
		}
	}
	return b.String()
}

// CustomIDs lists the custom_id of every button, in order.
func (r *Reply) CustomIDs() []string {
	var ids []string
	var walk func([]Component)
	walk = func(cs []Component) {
		for _, c := range cs {
			if c.CustomID != "" {
				ids = append(ids, c.CustomID)
			}
			walk(c.Components)
		}
	}
	walk(r.Components)
	return ids
}

// CustomID returns the first button custom_id that starts with prefix.
func (r *Reply) CustomID(prefix string) (string, bool) {
	for _, id := range r.CustomIDs() {
		if strings.HasPrefix(id, prefix) {
			return id, true
		}
	}
	return "", false
}

// Discord's limits on a message, checked by the fake as Discord does.
const (
	maxContent        = 2000
	maxEmbeds         = 10
	maxEmbedTitle     = 256
	maxEmbedDesc      = 4096
	maxFields         = 25
	maxFieldName      = 256
	maxFieldValue     = 1024
	maxFooter         = 2048
	maxAuthor         = 256
	maxEmbedTotal     = 6000
	maxRows           = 5
	maxRowButtons     = 5
	maxCustomID       = 100
	maxLabel          = 80
	maxChoices        = 25
	maxChoiceName     = 100
	maxChoiceValueLen = 100
)

// CheckLimits reports the first of Discord's limits the reply breaks.
func (r *Reply) CheckLimits() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	n := utf8.RuneCountInString
	if n(r.Content) > maxContent {
		bad("content: %d characters, more than %d", n(r.Content), maxContent)
	}
	if len(r.Embeds) > maxEmbeds {
		bad("embeds: %d, more than %d", len(r.Embeds), maxEmbeds)
	}
	total := 0
	for i, e := range r.Embeds {
		total += n(e.Title) + n(e.Description)
		if n(e.Title) > maxEmbedTitle {
			bad("embeds[%d].title: %d characters", i, n(e.Title))
		}
		if n(e.Description) > maxEmbedDesc {
			bad("embeds[%d].description: %d characters", i, n(e.Description))
		}
		if len(e.Fields) > maxFields {
			bad("embeds[%d].fields: %d", i, len(e.Fields))
		}
		for j, f := range e.Fields {
			total += n(f.Name) + n(f.Value)
			if c := n(f.Name); c == 0 || c > maxFieldName {
				bad("embeds[%d].fields[%d].name: %d characters", i, j, c)
			}
			if c := n(f.Value); c == 0 || c > maxFieldValue {
				bad("embeds[%d].fields[%d].value: %d characters", i, j, c)
			}
		}
		if e.Footer != nil {
			total += n(e.Footer.Text)
			if n(e.Footer.Text) > maxFooter {
				bad("embeds[%d].footer.text: %d characters", i, n(e.Footer.Text))
			}
		}
		if e.Author != nil {
			total += n(e.Author.Name)
			if n(e.Author.Name) > maxAuthor {
				bad("embeds[%d].author.name: %d characters", i, n(e.Author.Name))
			}
		}
	}
	if total > maxEmbedTotal {
		bad("embeds: %d characters in all, more than %d", total, maxEmbedTotal)
	}
	if len(r.Components) > maxRows {
		bad("components: %d rows, more than %d", len(r.Components), maxRows)
	}
	for i, row := range r.Components {
		if row.Type != discordgo.ActionsRowComponent {
			bad("components[%d]: type %d at top level, want an action row", i, row.Type)
		}
		if len(row.Components) == 0 || len(row.Components) > maxRowButtons {
			bad("components[%d]: %d buttons", i, len(row.Components))
		}
		for j, c := range row.Components {
			if c.URL == "" && (c.CustomID == "" || len(c.CustomID) > maxCustomID) {
				bad("components[%d][%d].custom_id: %q", i, j, c.CustomID)
			}
			if n(c.Label) > maxLabel {
				bad("components[%d][%d].label: %d characters", i, j, n(c.Label))
			}
		}
	}
	if len(r.Choices) > maxChoices {
		bad("choices: %d, more than %d", len(r.Choices), maxChoices)
	}
	for i, c := range r.Choices {
		if l := n(c.Name); l == 0 || l > maxChoiceName {
			bad("choices[%d].name: %d characters", i, l)
		}
		if v, ok := c.Value.(string); ok && n(v) > maxChoiceValueLen {
			bad("choices[%d].value: %d characters", i, n(v))
		}
	}
	return errors.Join(errs...)
}

// decodeReply reads the message a request carried: the data of an
// interaction callback, or the body of a webhook or channel message.
func decodeReply(r *Request) (*Reply, error) {
	rep := &Reply{Request: r}
	if r.Route == RouteInteractionCallback || r.Route == RouteEndpointResponse {
		var cb struct {
			Type int             `json:"type"`
			Data json.RawMessage `json:"data"`
		}
		if err := r.Decode(&cb); err != nil {
			return nil, err
		}
		rep.Type = cb.Type
		if len(cb.Data) > 0 && string(cb.Data) != "null" {
			if err := json.Unmarshal(cb.Data, rep); err != nil {
				return nil, fmt.Errorf("discordtest: decode callback data: %w", err)
			}
		}
		return rep, nil
	}
	if err := r.Decode(rep); err != nil {
		return nil, err
	}
	return rep, nil
}
