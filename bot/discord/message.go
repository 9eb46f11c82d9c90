package discord

import (
	"context"
	"log/slog"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// The message command Ask articlebot (right-click a message → Apps)
// answers that message's text as a question, so that a teammate can
// answer a question someone asked in the channel. Discord's interaction
// responses cannot reply to a message (their data has no
// message_reference), so where the bot may post, the answer is a channel
// message replying to the question (POST /channels/{id}/messages with
// message_reference), and the interaction's own response, sent within
// the 3 s, tells only the asker. Where it may not (the app is only the
// asker's user install, or a DM between users), the response itself is the
// answer, public, with a link to the question.

// askMessageName is the message command's name, as its menu shows it.
const askMessageName = "Ask articlebot"

func (a *app) askMessageCommand() command {
	return command{
		def: &discordgo.ApplicationCommand{Name: askMessageName, Type: discordgo.MessageApplicationCommand},
		run: a.askMessage,
	}
}

// Messages of the message command.
const (
	msgNoText      = "That message has no text for me to answer."
	msgNoTarget    = "I can't see that message any more."
	msgReplying    = "Replying to that message with the answer."
	msgReplyFailed = "I couldn't post in this channel, so here is the answer for you only."
)

// readTarget reads a message command's message from its resolved data,
// and decides how it is answered: the response is private (only a note
// to the asker) when the answer can be a reply in the channel.
func readTarget(r *request, d discordgo.ApplicationCommandInteractionData) {
	if d.Resolved != nil {
		r.Target = d.Resolved.Messages[d.TargetID]
	}
	r.Ephemeral = canPost(r)
}

// withoutToken answers a message command in its response, public, when
// the bot has no token to post a reply with (serve without
// DISCORD_TOKEN), as where it may not post. The dispatcher calls it
// before the handler runs: a deferral shows the response's privacy.
func (a *app) withoutToken(r *request) {
	if r.Target != nil && !a.posts {
		r.Ephemeral = false
	}
}

// canPost reports whether the bot may post a reply where the interaction
// happened: its DM with the user, or a guild channel of a guild it is
// installed in, where it may see the channel, send messages and read the
// message history a reply refers to.
func canPost(r *request) bool {
	const need = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionReadMessageHistory
	switch {
	case r.Context == discordgo.InteractionContextBotDM:
		return true
	case r.GuildID != "":
		return r.GuildInstalled && r.AppPermissions&need == need
	}
	return false
}

func (a *app) askMessage(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	m := r.Target
	if m == nil {
		return nil, &bot.UserError{Msg: msgNoTarget}
	}
	text := oneLine(stripMentions(m.Content, r.AppID))
	if blank(text) {
		return notice(msgNoText), nil
	}
	channel := m.ChannelID
	if channel == "" {
		channel = r.ChannelID
	}
	q := bot.Question{Text: text}
	st, inThread := a.discuss.get(channel)
	if inThread {
		q = bot.Question{Text: a.discuss.resolve(st, text), Article: st.article}
	}
	data, ans, err := a.answered(ctx, q)
	if err != nil {
		return nil, err
	}
	if inThread {
		a.discuss.record(channel, q.Text, ans)
	}
	if r.Ephemeral {
		r.sequel().reply = &channelReply{channelID: channel, guildID: r.GuildID, messageID: m.ID, data: data}
		return notice(msgReplying), nil
	}
	data.Content = "Answering " + messageLink(r.GuildID, channel, m.ID)
	return data, nil
}

// messageLink is a link that opens a message in Discord.
func messageLink(guild, channel, message string) string {
	if guild == "" {
		guild = "@me"
	}
	return "https://discord.com/channels/" + guild + "/" + channel + "/" + message
}

// channelReply is a reply to post to a message in its channel.
type channelReply struct {
	channelID, guildID, messageID string
	data                          *discordgo.InteractionResponseData
}

// postReply posts a reply in a channel. When Discord refuses it (the bot
// lost the permission, the channel went away), the asker gets the answer
// privately in place of the note.
func (a *app) postReply(ctx context.Context, s session, i *discordgo.Interaction, rep *channelReply, log *slog.Logger) {
	d := rep.data
	finish(d)
	err := sendReply(ctx, s, rep.channelID, rep.guildID, rep.messageID, d)
	if err == nil {
		log.Info("replied in the channel", slog.String("channel_id", rep.channelID), slog.String("reply_to", rep.messageID))
		return
	}
	log.Warn("replying in the channel failed; answering the asker", slog.Any("error", err))
	content, embeds, components := msgReplyFailed, d.Embeds, d.Components
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	if _, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{
		Content: &content, Embeds: &embeds, Components: &components, AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx)); err != nil {
		log.Error("answering the asker failed", slog.Any("error", err))
	}
}

// sendReply posts a message in a channel as a reply to one of its
// messages. The reply does not fail when that message is gone.
func sendReply(ctx context.Context, s session, channelID, guildID, messageID string, d *discordgo.InteractionResponseData) error {
	_, err := s.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
		Content:         d.Content,
		Embeds:          d.Embeds,
		Components:      d.Components,
		AllowedMentions: d.AllowedMentions,
		Reference:       &discordgo.MessageReference{MessageID: messageID, ChannelID: channelID, GuildID: guildID, FailIfNotExists: new(bool)},
	}, discordgo.WithContext(ctx))
	return err
}
