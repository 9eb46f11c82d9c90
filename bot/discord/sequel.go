package discord

import (
	"context"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"
)

// sequel is what a handler asks the dispatcher to do once the
// interaction's own message is sent: the rest of a long text as follow-up
// messages, a thread on the message, a reply to another message. Handlers
// stay pure: they describe it, and the dispatcher does the I/O.
type sequel struct {
	followups []*discordgo.InteractionResponseData // more messages, in order
	thread    *threadPlan                          // start a discussion thread on the first message
	reply     *channelReply                        // post a reply to a message in its channel
}

// threadPlan is a discussion thread to start on a briefing.
type threadPlan struct {
	name    string // the thread's name, within Discord's 100 characters
	article string // the article the thread discusses
	title   string
}

// sequel returns the request's sequel, making it when there is none.
func (r *request) sequel() *sequel {
	if r.then == nil {
		r.then = &sequel{}
	}
	return r.then
}

// sequelTimeout bounds the sequel's requests: Discord takes the follow-ups
// for 15 minutes, but a briefing's rest is no use much later than the
// briefing.
const sequelTimeout = 30 * time.Second

// runSequel sends what the handler left for after its message. Each step
// is logged; a failure stops the steps that need it, and the asker is
// told when something they asked for (a thread) did not happen.
func (a *app) runSequel(ctx context.Context, s session, i *discordgo.Interaction, r *request, log *slog.Logger) {
	sq := r.then
	if sq == nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, sequelTimeout)
	defer cancel()
	for n, d := range sq.followups {
		finish(d)
		p := &discordgo.WebhookParams{Content: d.Content, Embeds: d.Embeds, Components: d.Components, AllowedMentions: d.AllowedMentions}
		if r.Ephemeral {
			p.Flags = discordgo.MessageFlagsEphemeral
		}
		if _, err := s.FollowupMessageCreate(i, true, p, discordgo.WithContext(ctx)); err != nil {
			log.Error("sending follow-up failed", slog.Int("followup", n+1), slog.Any("error", err))
			return
		}
	}
	if sq.thread != nil {
		a.startThread(ctx, s, i, sq.thread, log)
	}
	if sq.reply != nil {
		a.postReply(ctx, s, i, sq.reply, log)
	}
}

// tellAsker sends the asker a short private follow-up.
func tellAsker(ctx context.Context, s session, i *discordgo.Interaction, text string, log *slog.Logger) {
	if _, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
		Content: text, Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx)); err != nil {
		log.Warn("telling the asker failed", slog.Any("error", err))
	}
}
