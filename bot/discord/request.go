package discord

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// handlerFunc answers one request. Handlers do no I/O with Discord: they
// return the message, and the dispatcher sends it.
type handlerFunc func(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error)

// request is an interaction as handlers see it.
type request struct {
	Type      discordgo.InteractionType
	Name      string // command name, or the custom_id prefix of a component ("more", "ctx")
	CustomID  string // components: the whole custom_id
	Options   map[string]*discordgo.ApplicationCommandInteractionDataOption
	Focused   string // autocomplete: the option being typed
	Ephemeral bool   // the answer is for the asker only
	UserID    string
	GuildID   string
	ChannelID string

	Sub         string                                  // the subcommand, such as "add" of /article add; "" for none
	Member      bool                                    // asked in a server, by a member (not in a DM)
	Permissions int64                                   // the member's permissions in the channel, as Discord computed them
	Attachments map[string]*discordgo.MessageAttachment // files attached to the command's options, by ID

	// Where the interaction happened, and what the bot may do there
	// (contexts.go, message.go).
	AppID          string
	Context        discordgo.InteractionContextType
	AppPermissions int64
	GuildInstalled bool               // the bot is installed in the guild, not only as the asker's user app
	Target         *discordgo.Message // a message command's message
	// then is what the handler asks the dispatcher to send after its
	// message (sequel.go); nil for nothing.
	then *sequel
	// Source is the message a button was pressed on (components only).
	Source *discordgo.Message
}

// newRequest reads an interaction.
func newRequest(i *discordgo.Interaction) *request {
	r := &request{Type: i.Type, GuildID: i.GuildID, ChannelID: i.ChannelID, Options: map[string]*discordgo.ApplicationCommandInteractionDataOption{}}
	readPlace(r, i)
	switch {
	case i.Member != nil && i.Member.User != nil:
		r.UserID = i.Member.User.ID
	case i.User != nil:
		r.UserID = i.User.ID
	}
	if i.Member != nil {
		r.Member, r.Permissions = true, i.Member.Permissions
	}
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		r.Name = d.Name
		addOptions(r, d.Options)
		if d.Resolved != nil {
			r.Attachments = d.Resolved.Attachments
		}
		r.Ephemeral = r.Bool("private")
		if d.CommandType == discordgo.MessageApplicationCommand {
			readTarget(r, d)
		}
	case discordgo.MessageComponentInteractionData:
		r.CustomID = d.CustomID
		r.Name, _, _ = strings.Cut(d.CustomID, ":")
		r.Source = i.Message
		// Answers to buttons go to whoever clicked, not the channel.
		r.Ephemeral = true
	}
	return r
}

func addOptions(r *request, opts []*discordgo.ApplicationCommandInteractionDataOption) {
	for _, o := range opts {
		if o == nil {
			continue
		}
		if o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
			if o.Type == discordgo.ApplicationCommandOptionSubCommand {
				r.Sub = o.Name
			}
			addOptions(r, o.Options)
			continue
		}
		r.Options[o.Name] = o
		if o.Focused {
			r.Focused = o.Name
		}
	}
}

// String is a string option's value, or "".
func (r *request) String(name string) string {
	o := r.Options[name]
	if o == nil {
		return ""
	}
	s, _ := o.Value.(string)
	return s
}

// Bool is a boolean option's value, or false.
func (r *request) Bool(name string) bool {
	o := r.Options[name]
	if o == nil {
		return false
	}
	b, _ := o.Value.(bool)
	return b
}
