package discord

import "github.com/bwmarrin/discordgo"

// session is the part of *discordgo.Session the dispatcher writes through:
// the seam for handler tests, which use a recorder instead.
type session interface {
	InteractionRespond(i *discordgo.Interaction, r *discordgo.InteractionResponse, opts ...discordgo.RequestOption) error
	InteractionResponseEdit(i *discordgo.Interaction, e *discordgo.WebhookEdit, opts ...discordgo.RequestOption) (*discordgo.Message, error)
	InteractionResponseDelete(i *discordgo.Interaction, opts ...discordgo.RequestOption) error
	FollowupMessageCreate(i *discordgo.Interaction, wait bool, p *discordgo.WebhookParams, opts ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelMessageSendComplex(channelID string, m *discordgo.MessageSend, opts ...discordgo.RequestOption) (*discordgo.Message, error)
}

var _ session = (*discordgo.Session)(nil)

// noMentions is the AllowedMentions of every message the bot sends: parse
// nothing, so no text it echoes can ping anyone. It serialises as
// {"parse":[],"replied_user":false}.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}
