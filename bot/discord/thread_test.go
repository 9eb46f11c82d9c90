package discord

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// TestDiscussionForgetsIdleThreads: a thread is remembered while it is
// used, and forgotten a day after its last question, without waiting.
func TestDiscussionForgetsIdleThreads(t *testing.T) {
	clock := &fakeClock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	d := newDiscussion(clock.now, discardLogger())
	d.open("t1", "article", "Troops")
	d.open("t2", "article", "Troops")

	clock.advance(20 * time.Hour)
	d.record("t1", "who is the minister?", &bot.Answer{Text: "Anni Hakkanen", Sentences: stubCitations})
	st, ok := d.get("t1")
	if !ok || st.last.Question != "who is the minister?" || st.last.Answer.Text != "Anni Hakkanen" || st.last.Answer.Sentences != nil {
		t.Fatalf("t1 = %+v, %v (sentences are not kept)", st, ok)
	}

	clock.advance(5 * time.Hour) // t2 idle 25 h, t1 5 h
	if _, ok := d.get("t2"); ok {
		t.Error("t2 remembered after 25 hours idle")
	}
	if _, ok := d.get("t1"); !ok {
		t.Error("t1 forgotten after 5 hours idle")
	}
	clock.advance(threadIdle + time.Second)
	if _, ok := d.get("t1"); ok {
		t.Error("t1 remembered after a day idle")
	}
	if n := d.threads.Len(); n != 0 {
		t.Errorf("%d threads still held", n)
	}
}

// TestDiscussionIsBounded: past maxThreads, the least recently used
// thread is forgotten.
func TestDiscussionIsBounded(t *testing.T) {
	d := newDiscussion(time.Now, discardLogger())
	for i := range maxThreads + 10 {
		d.open(itoa(i), "article", "")
	}
	if n := d.threads.Len(); n != maxThreads {
		t.Errorf("%d threads held, want %d", n, maxThreads)
	}
	if _, ok := d.get("0"); ok {
		t.Error("the oldest thread is still remembered")
	}
}

// TestThreadMessages: in a remembered thread, a person's message is a
// follow-up question about the thread's article; bots', webhooks' and
// system messages are passed over, and so is a message Discord showed
// without its content; elsewhere, the thread code does nothing.
func TestThreadMessages(t *testing.T) {
	const botID = "100"
	e := &stubEngine{}
	a := newApp(e, discardLogger(), time.Hour, time.Hour)
	a.discuss.open("th", "article", "Troops for Ukraine")
	msg := func(content string, mod func(*discordgo.Message)) *discordgo.Message {
		m := &discordgo.Message{ID: "m", ChannelID: "th", GuildID: "g", Content: content, Author: &discordgo.User{ID: "5"}}
		if mod != nil {
			mod(m)
		}
		return m
	}
	rec := newRecorder()
	for name, m := range map[string]*discordgo.Message{
		"bot":     msg("who?", func(m *discordgo.Message) { m.Author.Bot = true }),
		"self":    msg("who?", func(m *discordgo.Message) { m.Author.ID = botID }),
		"webhook": msg("who?", func(m *discordgo.Message) { m.WebhookID = "9" }),
		"system":  msg("who?", func(m *discordgo.Message) { m.Type = discordgo.MessageTypeChannelNameChange }),
		"hidden":  msg("", nil),
	} {
		if !a.threadMessage(context.Background(), rec, botID, m) {
			t.Errorf("%s: not taken as the thread's", name)
		}
	}
	if a.threadMessage(context.Background(), rec, botID, msg("who?", func(m *discordgo.Message) { m.ChannelID = "other" })) {
		t.Error("a message outside any thread taken")
	}
	if calls := rec.all(); len(calls) != 0 {
		t.Fatalf("answered %d of them", len(calls))
	}

	e.ask = func(ctx context.Context, q bot.Question) (*bot.Answer, error) {
		return &bot.Answer{Question: q.Text, Kind: bot.KindWhoIs, Text: "Anni Hakkanen", Sentences: stubCitations[:1]}, nil
	}
	a.threadMessage(context.Background(), rec, botID, msg("who is the Finnish minister?", nil))
	a.threadMessage(context.Background(), rec, botID, msg("<@"+botID+"> what did she say?", nil))
	if got := e.lastAsked(); got.Text != "what did Anni Hakkanen say?" || got.Article != "article" {
		t.Errorf("asked %+v", got)
	}
	calls := rec.all()
	if len(calls) != 2 {
		t.Fatalf("%d replies", len(calls))
	}
	for _, c := range calls {
		if c.ChannelID != "th" || c.Message.Reference == nil || c.Message.Reference.MessageID != "m" {
			t.Errorf("reply %+v", c)
		}
		if _, embeds, _, am := messageOf(t, c); len(embeds) == 0 || am == nil || len(am.Parse) != 0 {
			t.Errorf("reply embeds %d, mentions %+v", len(embeds), am)
		}
	}
}

// TestThreadIntro: the greeting says how to ask, by whether the bot reads
// every message.
func TestThreadIntro(t *testing.T) {
	d := newDiscussion(time.Now, discardLogger())
	if got := d.intro("A *title*"); !strings.HasPrefix(got, "Mention me") || !strings.Contains(got, `**A \*title\***`) {
		t.Errorf("intro %q", got)
	}
	d.everyMessage = true
	if got := d.intro(""); !strings.HasPrefix(got, "Ask me anything about this article here") {
		t.Errorf("intro %q", got)
	}
}
