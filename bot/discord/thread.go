package discord

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/followup"
	"github.com/bwmarrin/discordgo"
)

// Discussion threads: /brief thread:true starts a thread on the briefing,
// and in it every message from a person is a question about that article,
// resolved against the thread's previous question and answer
// (bot/followup). The bot remembers each thread in memory only: the
// article, the last question and its answer, and when it was last used. A
// restart forgets every thread (its messages are then answered only when
// they mention the bot, like any channel's), and a thread idle for a day
// is forgotten, as Discord archives it after a day without messages.

// Limits of the thread memory.
const (
	// threadIdle is how long a thread is remembered without a question:
	// the day, and the auto-archive time the bot asks for.
	threadIdle = 24 * time.Hour
	// threadArchiveMinutes is that day as Discord's auto_archive_duration
	// (one of 60, 1440, 4320, 10080).
	threadArchiveMinutes = 1440
	// maxThreads bounds the threads remembered, as moreStoreSize bounds
	// the More buttons; the least recently used is forgotten first.
	maxThreads = 2048
)

// threadState is what the bot remembers of a discussion thread.
type threadState struct {
	article string
	title   string
	last    followup.Turn // the previous question and its answer; zero before the first
	used    time.Time
}

// discussion is the memory of discussion threads and the resolver of
// their follow-ups.
type discussion struct {
	now     func() time.Time // the clock; tests fake it
	threads *lru[string, threadState]
	// everyMessage: the bot has the MESSAGE_CONTENT intent, so Discord
	// shows it every message in a thread, not only those that mention it.
	everyMessage bool

	log      *slog.Logger
	once     sync.Once
	resolver *followup.Resolver // made on first use; nil when it could not be
}

func newDiscussion(now func() time.Time, log *slog.Logger) *discussion {
	return &discussion{now: now, threads: newLRU[string, threadState](maxThreads), log: log}
}

// open remembers a new thread on an article.
func (d *discussion) open(id, article, title string) {
	d.threads.Put(id, threadState{article: article, title: title, used: d.now()})
}

// get returns a thread the bot remembers, forgetting it when it has been
// idle too long.
func (d *discussion) get(id string) (threadState, bool) {
	st, ok := d.threads.Get(id)
	if !ok {
		return threadState{}, false
	}
	if d.now().Sub(st.used) > threadIdle {
		d.threads.Delete(id)
		return threadState{}, false
	}
	return st, true
}

// record keeps a thread's latest question and answer, and marks it used.
// Only what a follow-up needs of the answer is kept.
func (d *discussion) record(id string, question string, ans *bot.Answer) {
	kept := &bot.Answer{Question: ans.Question, Kind: ans.Kind, Text: ans.Text, NoAnswer: ans.NoAnswer, Facts: ans.Facts}
	d.threads.Update(id, func(st threadState) threadState {
		st.last = followup.Turn{Question: question, Answer: kept}
		st.used = d.now()
		return st
	})
}

// resolve reads a message as a question against the thread's last turn.
func (d *discussion) resolve(st threadState, text string) string {
	d.once.Do(func() {
		r, err := followup.New()
		if err != nil {
			d.log.Error("follow-ups will be asked as typed", slog.Any("error", err))
			return
		}
		d.resolver = r
	})
	if d.resolver == nil || st.last.Question == "" {
		return text
	}
	return d.resolver.Resolve(st.last, text).Question
}

// threadSession is what starting a thread needs beyond session: the
// interaction's original response (its message ID) and the thread
// itself. *discordgo.Session has both.
type threadSession interface {
	InteractionResponse(i *discordgo.Interaction, opts ...discordgo.RequestOption) (*discordgo.Message, error)
	MessageThreadStartComplex(channelID, messageID string, data *discordgo.ThreadStart, opts ...discordgo.RequestOption) (*discordgo.Channel, error)
}

var _ threadSession = (*discordgo.Session)(nil)

// Messages about threads.
const (
	msgThreadFailed = "I couldn't start a thread on the briefing here. Ask me with /ask or @articlebot instead."
)

// startThread starts a discussion thread on the interaction's response:
// Discord gives the response's message ID only by fetching it (GET
// …/messages/@original), and a thread started from a message has that
// message's ID.
func (a *app) startThread(ctx context.Context, s session, i *discordgo.Interaction, plan *threadPlan, log *slog.Logger) {
	ts, ok := s.(threadSession)
	if !ok {
		log.Error("this session cannot start threads")
		return
	}
	m, err := ts.InteractionResponse(i, discordgo.WithContext(ctx))
	if err != nil || m == nil || m.ID == "" {
		log.Error("fetching the briefing's message failed", slog.Any("error", err))
		tellAsker(ctx, s, i, msgThreadFailed, log)
		return
	}
	channel := m.ChannelID
	if channel == "" {
		channel = i.ChannelID
	}
	th, err := ts.MessageThreadStartComplex(channel, m.ID, &discordgo.ThreadStart{Name: plan.name, AutoArchiveDuration: threadArchiveMinutes}, discordgo.WithContext(ctx))
	if err != nil || th == nil || th.ID == "" {
		log.Warn("starting the thread failed", slog.String("channel_id", channel), slog.Any("error", err))
		tellAsker(ctx, s, i, msgThreadFailed, log)
		return
	}
	a.discuss.open(th.ID, plan.article, plan.title)
	log.Info("discussion thread started", slog.String("thread_id", th.ID), slog.String("article", plan.article))
	if _, err := s.ChannelMessageSendComplex(th.ID, &discordgo.MessageSend{
		Content: a.discuss.intro(plan.title), AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx)); err != nil {
		log.Warn("greeting the thread failed", slog.Any("error", err))
	}
}

// intro is the thread's first message: how to ask.
func (d *discussion) intro(title string) string {
	about := bold(truncate(oneLine(title), 200))
	if about == "" {
		about = "this article"
	}
	how := "Mention me (@articlebot) with a question about " + about + " and I'll answer here"
	if d.everyMessage {
		how = "Ask me anything about " + about + " here: I answer every message in this thread"
	}
	return how + ", follow-ups too (“what did she say?”, “where?”, “how many of them?”). I forget this thread after a day without questions."
}

// threadMessage answers a message in a discussion thread the bot
// remembers, and reports whether the message was in one. Every message
// from a person is a question about the thread's article; the bot's own,
// other bots', webhooks' and system messages are not. Without the
// MESSAGE_CONTENT intent, Discord blanks the content of messages that do
// not mention the bot: those are passed over.
func (a *app) threadMessage(ctx context.Context, s session, botID string, m *discordgo.Message) bool {
	if m == nil || m.GuildID == "" {
		return false
	}
	st, ok := a.discuss.get(m.ChannelID)
	if !ok {
		return false
	}
	if m.Author == nil || m.Author.Bot || m.WebhookID != "" || botID == "" || m.Author.ID == botID ||
		m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return true
	}
	text := stripMentions(m.Content, botID)
	if text == "" && !mentionsBot(m, botID) {
		return true // nothing the bot can read
	}
	a.reply(ctx, s, m, "thread", func(ctx context.Context) (*discordgo.InteractionResponseData, error) {
		if text == "" {
			return notice(msgThreadHelp), nil
		}
		return a.answerInThread(ctx, m.ChannelID, st, text)
	})
	return true
}

const msgThreadHelp = "Ask me a question about the article, for example: who is quoted?"

// answerInThread answers a question in a thread, as a follow-up of the
// thread's last one, and remembers it.
func (a *app) answerInThread(ctx context.Context, thread string, st threadState, text string) (*discordgo.InteractionResponseData, error) {
	q := a.discuss.resolve(st, text)
	data, ans, err := a.answered(ctx, bot.Question{Text: q, Article: st.article})
	if err != nil {
		return nil, err
	}
	a.discuss.record(thread, q, ans)
	return data, nil
}
