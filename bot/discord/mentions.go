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
	return mentionsBot(m, botID)
}

// mentionsBot reports whether a message mentions the bot.
func mentionsBot(m *discordgo.Message, botID string) bool {
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

// handleMessage answers a mention or a DM like /ask, as a reply to it, and
// any message in a discussion thread (thread.go).
func (a *app) handleMessage(ctx context.Context, s session, botID string, m *discordgo.Message) {
	if a.threadMessage(ctx, s, botID, m) || !shouldAnswer(m, botID) {
		return
	}
	text := stripMentions(m.Content, botID)
	a.reply(ctx, s, m, "mention", func(ctx context.Context) (*discordgo.InteractionResponseData, error) {
		if text == "" {
			return notice(msgMentionHelp), nil
		}
		return a.answer(ctx, bot.Question{Text: text})
	})
}

// reply answers a message with what answer makes, as a reply to it in its
// channel, within the handler timeout and a worker slot; panics and errors
// are handled as the dispatcher handles them.
func (a *app) reply(ctx context.Context, s session, m *discordgo.Message, command string, answer func(context.Context) (*discordgo.InteractionResponseData, error)) {
	start := time.Now()
	log := a.log.With(
		slog.String("message_id", m.ID),
		slog.String("guild_id", m.GuildID),
		slog.String("channel_id", m.ChannelID),
		slog.String("command", command),
	)
	defer func() {
		if p := recover(); p != nil {
			log.Error("message handler panicked", slog.Any("panic", p), slog.String("stack", string(debug.Stack())))
		}
	}()
	var res result
	if ok, wait := a.cooldown.take(m.Author.ID); !ok {
		a.metrics.Cooldown()
		log.Info("cooldown", slog.Duration("wait", wait))
		res.data = notice(cooldownMessage(wait))
	} else {
		hctx, cancel := context.WithTimeout(ctx, a.timeout)
		res.data, res.err = a.work(hctx, func(ctx context.Context, _ *request) (*discordgo.InteractionResponseData, error) {
			return answer(ctx)
		}, nil, false)
		cancel()
	}
	data, outcome := a.message(res, &request{}, log)
	err := sendReply(ctx, s, m.ChannelID, m.GuildID, m.ID, data)
	a.metrics.Answer(command, time.Since(start))
	attrs := []any{slog.Int64("latency_ms", time.Since(start).Milliseconds()), slog.String("outcome", outcome)}
	if err != nil {
		log.Error("sending reply failed", append(attrs, slog.Any("error", err))...)
		return
	}
	log.Info("mention answered", attrs...)
}
