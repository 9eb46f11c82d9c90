package discord

import (
	"context"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// shouldAnswer reports whether a message is for the bot: any message in a
// DM, or one that mentions it in a channel; never the bot's own messages,
// other bots' or webhooks'.
func shouldAnswer(m *discordgo.Message, botID string) bool {
	if m == nil || m.Author == nil || m.Author.Bot || m.WebhookID != "" || botID == "" || m.Author.ID == botID {
		return false
	}
	if m.GuildID == "" {
		return true
	}
	for _, u := range m.Mentions {
		if u != nil && u.ID == botID {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+botID+">") || strings.Contains(m.Content, "<@!"+botID+">")
}

// stripMentions removes the bot's mentions (<@id> and <@!id>) from a
// message and tidies the whitespace.
func stripMentions(content, botID string) string {
	content = strings.ReplaceAll(content, "<@!"+botID+">", " ")
	content = strings.ReplaceAll(content, "<@"+botID+">", " ")
	return strings.TrimSpace(strings.Trim(oneLine(content), ",:"))
}

// handleMessage answers a mention or a DM like /ask, as a reply to it.
func (a *app) handleMessage(ctx context.Context, s session, botID string, m *discordgo.Message) {
	if !shouldAnswer(m, botID) {
		return
	}
	start := time.Now()
	log := a.log.With(
		slog.String("message_id", m.ID),
		slog.String("guild_id", m.GuildID),
		slog.String("channel_id", m.ChannelID),
		slog.String("command", "mention"),
	)
	defer func() {
		if p := recover(); p != nil {
			log.Error("message handler panicked", slog.Any("panic", p), slog.String("stack", string(debug.Stack())))
		}
	}()
	text := stripMentions(m.Content, botID)
	var res result
	if text == "" {
		res.data = notice(msgMentionHelp)
	} else if ok, wait := a.cooldown.take(m.Author.ID); !ok {
		a.metrics.Cooldown()
		res.data = notice(cooldownMessage(wait))
	} else {
		hctx, cancel := context.WithTimeout(ctx, a.timeout)
		res.data, res.err = a.work(hctx, func(ctx context.Context, _ *request) (*discordgo.InteractionResponseData, error) {
			return a.answer(ctx, bot.Question{Text: text})
		}, nil, false)
		cancel()
	}
	data, outcome := a.message(res, &request{}, log)
	_, err := s.ChannelMessageSendComplex(m.ChannelID, &discordgo.MessageSend{
		Content:         data.Content,
		Embeds:          data.Embeds,
		Components:      data.Components,
		AllowedMentions: data.AllowedMentions,
		Reference:       &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: new(bool)},
	}, discordgo.WithContext(ctx))
	a.metrics.Answer("mention", time.Since(start))
	attrs := []any{slog.Int64("latency_ms", time.Since(start).Milliseconds()), slog.String("outcome", outcome)}
	if err != nil {
		log.Error("sending reply failed", append(attrs, slog.Any("error", err))...)
		return
	}
	log.Info("mention answered", attrs...)
}
