package discord

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/discord/discordtest"
	"github.com/bwmarrin/discordgo"
)

// End-to-end tests of issue 8's Discord half: /summary, /brief, discussion
// threads and the Ask articlebot message command, through the real
// session and engine against the fake Discord. startBot's cleanup checks
// every message sent (responses, edits, follow-ups, channel messages and
// replies in threads) allowed no mentions and was accepted.

// runCommand sends a slash command and waits for its reply.
func runCommand(t *testing.T, srv *discordtest.Server, name string, w discordtest.Where, opts ...discordtest.Option) (*discordtest.Interaction, *discordtest.Reply) {
	t.Helper()
	in, err := srv.SendCommand(name, w, opts...)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := in.Wait(ctxFor(t, 30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if lat, _, late, ok := in.Ack(); !ok || late || lat > discordtest.InteractionDeadline {
		t.Errorf("/%s acknowledged after %v (late %v)", name, lat, late)
	}
	return in, rep
}

func TestE2ESummary(t *testing.T) {
	h := startBot(t, harnessOptions{})
	_, rep := runCommand(t, h.srv, "summary", discordtest.Where{})
	if len(rep.Embeds) != 1 {
		t.Fatalf("%d embeds", len(rep.Embeds))
	}
	e := rep.Embeds[0]
	if e.Title != "Summary: Article" || !strings.HasPrefix(e.Description, "• On Thursday, Britain’s Defense Minister, John Healey, asked military leaders from about 30 countries to continue plans to send troops to Ukraine. [1]\n") {
		t.Errorf("title %q, description:\n%s", e.Title, e.Description)
	}
	if n := strings.Count(e.Description, "\n• ") + 1; n != 3 {
		t.Errorf("short summary of %d sentences", n)
	}
	if e.Footer == nil || e.Footer.Text != "Short summary · 3 of 20 sentences · article: article" {
		t.Errorf("footer %+v", e.Footer)
	}

	t.Run("topic and sentences", func(t *testing.T) {
		_, rep := runCommand(t, h.srv, "summary", discordtest.Where{}, discordtest.String("topic", "American support"), discordtest.Int("sentences", 2), discordtest.String("article", "article"))
		text := rep.Text()
		if !strings.Contains(text, "Ruben Brekelmans") || !strings.Contains(text, "2 of 20 sentences · about “American support”") {
			t.Errorf("topic summary:\n%s", text)
		}
	})
	t.Run("bad input", func(t *testing.T) {
		for _, c := range []struct {
			opts []discordtest.Option
			want string
		}{
			{[]discordtest.Option{discordtest.String("length", "short"), discordtest.Int("sentences", 4)}, "Choose a length or a number of sentences"},
			{[]discordtest.Option{discordtest.String("topic", "volcanoes")}, "says nothing about"},
			{[]discordtest.Option{discordtest.String("article", "nosuch")}, "I don't know an article"},
		} {
			_, rep := runCommand(t, h.srv, "summary", discordtest.Where{}, c.opts...)
			if !rep.Ephemeral() || !strings.Contains(rep.Content, c.want) {
				t.Errorf("%v: %+v", c.opts, rep)
			}
		}
	})
	t.Run("private, in a DM", func(t *testing.T) {
		_, rep := runCommand(t, h.srv, "summary", discordtest.Where{DM: true}, discordtest.Bool("private", true))
		if !rep.Ephemeral() || !strings.Contains(rep.Text(), "[1]") {
			t.Errorf("private summary: %+v", rep)
		}
	})
	t.Run("autocomplete", func(t *testing.T) {
		for _, cmd := range []string{"summary", "brief"} {
			in, err := h.srv.SendAutocomplete(cmd, discordtest.Where{}, discordtest.Focused("article", "art"))
			if err != nil {
				t.Fatal(err)
			}
			rep, err := in.Wait(ctxFor(t, 10*time.Second))
			if err != nil || len(rep.Choices) != 1 || rep.Choices[0].Value != "article" {
				t.Errorf("/%s autocomplete: %+v %v", cmd, rep, err)
			}
		}
	})
}

func TestE2EBrief(t *testing.T) {
	h := startBot(t, harnessOptions{})
	in, rep := runCommand(t, h.srv, "brief", discordtest.Where{})
	if len(rep.Embeds) != 1 || len(in.Followups()) != 0 {
		t.Fatalf("%d embeds, %d follow-ups; the built-in brief fits one", len(rep.Embeds), len(in.Followups()))
	}
	e := rep.Embeds[0]
	var names []string
	for _, f := range e.Fields {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, "|"); got != "Key points|Who's who|The numbers|Quotes|What's next|Open questions|For discussion" {
		t.Errorf("fields %s", got)
	}
	for _, want := range []string{
		"**On Thursday, Britain’s Defense Minister, John Healey, asked military leaders from about 30 countries to continue plans to send troops to Ukraine.** [1]",
		"• **Anni Hakkanen** (Finnish Defense Minister): stated, “The United States is essential for lasting security in Ukraine.” [9]",
		"• **10,000 to 30,000 troops**: the size of the force [13]",
		"• **Friday**: Over 50 countries are set to meet again at NATO to gather military support for Ukraine [19]",
		"**1.** Anni Hakkanen says",
	} {
		if !strings.Contains(rep.Text(), want) {
			t.Errorf("brief lacks %q:\n%s", want, rep.Text())
		}
	}
	if len(h.srv.Threads()) != 0 {
		t.Error("a thread without thread:true")
	}
}

// longBriefs is the real engine, except that its briefs repeat every
// section's items twelve times: too long for one message.
type longBriefs struct{ *bot.Engine }

func (l longBriefs) Brief(ctx context.Context, r bot.BriefRequest) (*bot.Brief, error) {
	b, err := l.Engine.Brief(ctx, r)
	if err != nil {
		return nil, err
	}
	for i := range b.Sections {
		var items []bot.BriefItem
		for range 12 {
			items = append(items, b.Sections[i].Items...)
		}
		b.Sections[i].Items = items
	}
	return b, nil
}

// TestE2ELongBriefIsSplit: a briefing longer than a message goes out as
// the response and follow-up messages, within Discord's limits (the fake
// refuses any message past them), every line whole.
func TestE2ELongBriefIsSplit(t *testing.T) {
	h := startBot(t, harnessOptions{engine: longBriefs{realEngine(t)}})
	in, rep := runCommand(t, h.srv, "brief", discordtest.Where{}, discordtest.Bool("thread", true))
	// The follow-ups go out before the thread is started.
	th, err := h.srv.WaitThread(ctxFor(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	ups := in.Followups()
	if len(ups) == 0 {
		t.Fatal("no follow-ups for a long brief")
	}
	all := rep.Text()
	for _, u := range ups {
		all += u.Text()
	}
	line := "• **Anni Hakkanen** (Finnish Defense Minister): stated, “The United States is essential for lasting security in Ukraine.” [9]"
	if n := strings.Count(all, line); n != 12 {
		t.Errorf("the line is shown %d times, want 12", n)
	}
	if !strings.HasSuffix(ups[0].Embeds[0].Title, continued) {
		t.Errorf("follow-up titled %q", ups[0].Embeds[0].Title)
	}
	// The thread hangs on the first message.
	if first := in.OriginalID(); first == "" || th.MessageID != first {
		t.Errorf("thread on %s, want the first message %s", th.MessageID, first)
	}
}

// inThread posts a message in a thread ("" for the fake's channel) and
// waits for the bot's reply.
func inThread(t *testing.T, srv *discordtest.Server, thread, text string, mention bool) *discordtest.Reply {
	t.Helper()
	spec := discordtest.MessageSpec{Content: text, Channel: thread, MentionBot: mention}
	if mention {
		spec.Content = "<@" + srv.BotUserID + "> " + text
	}
	msg, err := srv.SendMessage(spec)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := msg.Wait(ctxFor(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// startThread runs /brief thread:true and returns the thread.
func startThread(t *testing.T, srv *discordtest.Server) discordtest.Thread {
	t.Helper()
	runCommand(t, srv, "brief", discordtest.Where{}, discordtest.Bool("thread", true))
	th, err := srv.WaitThread(ctxFor(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	// The bot greets the thread before anyone asks.
	if _, err := srv.WaitRequest(ctxFor(t, 10*time.Second), func(r *discordtest.Request) bool {
		return r.Route == discordtest.RouteChannelMessages && r.Path == "/api/v9/channels/"+th.ID+"/messages"
	}); err != nil {
		t.Fatalf("no greeting in the thread: %v", err)
	}
	return th
}

// TestE2EBriefThread: /brief thread:true starts a thread on the briefing;
// there, with the MESSAGE_CONTENT intent, every message is a question
// about the article, and follow-ups are answered against the previous
// question and answer.
func TestE2EBriefThread(t *testing.T) {
	h := startBot(t, harnessOptions{env: map[string]string{"ARTICLEBOT_MESSAGE_CONTENT": "true"}})
	srv := h.srv
	th := startThread(t, srv)
	if th.ParentID != srv.ChannelID || th.Name != "Brief: Article" || th.AutoArchiveDuration != threadArchiveMinutes || th.ID != th.MessageID {
		t.Errorf("thread %+v", th)
	}

	steps := []struct {
		ask, title string
		want       []string
	}{
		{"who is the Finnish Defense Minister?", "who is the Finnish Defense Minister?", []string{"**Anni Hakkanen**", "sentence 9"}},
		{"what did she say?", "what did Anni Hakkanen say?", []string{"The United States is essential for lasting security in Ukraine.", "sentence 9"}},
		{"how many military planners are working?", "how many military planners are working?", []string{"**200 military planners**", "sentence 5"}},
		{"where are they working?", "where are the military planners working?", []string{"**Ukraine**", "sentence 5"}},
	}
	for _, s := range steps {
		rep := inThread(t, srv, th.ID, s.ask, false)
		if len(rep.Embeds) == 0 || rep.Embeds[0].Title != s.title {
			t.Errorf("%q read as %q, want %q", s.ask, titleOf(rep), s.title)
		}
		for _, w := range s.want {
			if !strings.Contains(rep.Text(), w) {
				t.Errorf("%q: reply lacks %q:\n%s", s.ask, w, rep.Text())
			}
		}
	}

	// Other bots, and the channel outside the thread, are not asked.
	fromBot, err := srv.SendMessage(discordtest.MessageSpec{Content: "what did she say?", Channel: th.ID, Author: discordtest.User{ID: "777", Bot: true}})
	if err != nil {
		t.Fatal(err)
	}
	outside, err := srv.SendMessage(discordtest.MessageSpec{Content: "what did she say?"})
	if err != nil {
		t.Fatal(err)
	}
	inThread(t, srv, th.ID, "how many troops could the force have?", false) // answered after them
	for _, m := range []*discordtest.Message{fromBot, outside} {
		if repliedTo(srv, m.ID) {
			t.Errorf("answered message %s", m.ID)
		}
	}
}

func titleOf(r *discordtest.Reply) string {
	if len(r.Embeds) == 0 {
		return r.Content
	}
	return r.Embeds[0].Title
}

// repliedTo reports whether the bot replied to a message.
func repliedTo(srv *discordtest.Server, id string) bool {
	for _, r := range srv.Requests() {
		if r.Route != discordtest.RouteChannelMessages {
			continue
		}
		var body struct {
			Ref *discordgo.MessageReference `json:"message_reference"`
		}
		if r.Decode(&body) == nil && body.Ref != nil && body.Ref.MessageID == id {
			return true
		}
	}
	return false
}

// TestE2EThreadWithoutMessageContent: without the privileged intent,
// Discord blanks the messages in the thread that do not mention the bot;
// it answers the mentions, with the thread's article and follow-ups, and
// its greeting says to mention it.
func TestE2EThreadWithoutMessageContent(t *testing.T) {
	h := startBot(t, harnessOptions{})
	srv := h.srv
	th := startThread(t, srv)
	for _, r := range srv.Requests() {
		if r.Path == "/api/v9/channels/"+th.ID+"/messages" && !strings.Contains(string(r.Body), "Mention me") {
			t.Errorf("greeting %s", r.Body)
		}
	}
	unread, err := srv.SendMessage(discordtest.MessageSpec{Content: "who is John Healey?", Channel: th.ID})
	if err != nil {
		t.Fatal(err)
	}
	rep := inThread(t, srv, th.ID, "who said we must be ready for when peace comes?", true)
	if !strings.Contains(rep.Text(), "**John Healey**") {
		t.Errorf("mention in the thread:\n%s", rep.Text())
	}
	rep = inThread(t, srv, th.ID, "when did he say it?", true)
	if got := titleOf(rep); !strings.HasPrefix(got, "when did John Healey say") {
		t.Errorf("follow-up read as %q", got)
	}
	if repliedTo(srv, unread.ID) {
		t.Error("answered a message whose content Discord hid")
	}
}

// TestE2EBriefThreadRefused: where a thread cannot be started (a private
// briefing, a DM, a guild the bot is not installed in), the briefing
// says so and no thread is started.
func TestE2EBriefThreadRefused(t *testing.T) {
	h := startBot(t, harnessOptions{})
	for _, c := range []struct {
		name string
		w    discordtest.Where
		opts []discordtest.Option
		want string
	}{
		{"private", discordtest.Where{}, []discordtest.Option{discordtest.Bool("private", true)}, msgThreadPrivate},
		{"DM", discordtest.Where{DM: true}, nil, msgThreadNoGuild},
		{"user install", discordtest.Where{UserInstall: true}, nil, msgThreadNotHere},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, rep := runCommand(t, h.srv, "brief", c.w, append(c.opts, discordtest.Bool("thread", true))...)
			if rep.Content != c.want || !strings.Contains(rep.Text(), "Who's who") {
				t.Errorf("content %q, want %q", rep.Content, c.want)
			}
		})
	}
	if n := len(h.srv.Threads()); n != 0 {
		t.Errorf("%d threads", n)
	}
}

// teammate posts the questions Ask articlebot is used on.
var teammate = discordtest.User{ID: "400000000000000009", Name: "teammate"}

// askAbout uses Ask articlebot on a message over the gateway, and returns
// the interaction's response and the bot's reply to the message.
func askAbout(t *testing.T, srv *discordtest.Server, question *discordtest.Message) (ack, reply *discordtest.Reply) {
	t.Helper()
	in, err := srv.SendMessageCommand(askMessageName, question, discordtest.Where{})
	if err != nil {
		t.Fatal(err)
	}
	if ack, err = in.Wait(ctxFor(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	if reply, err = question.Wait(ctxFor(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	return ack, reply
}

// TestE2EAskMessageCommand: Ask articlebot on someone's message answers
// its text as a reply to it in the channel (the interaction's own response
// only tells the asker); in a thread, as a follow-up there; and where the
// app is only the user's install, as the public response, with a link to
// the question.
func TestE2EAskMessageCommand(t *testing.T) {
	h := startBot(t, harnessOptions{})
	srv := h.srv
	question, err := srv.SendMessage(discordtest.MessageSpec{Content: troopsQuestion, Author: teammate})
	if err != nil {
		t.Fatal(err)
	}
	ack, rep := askAbout(t, srv, question)
	if !ack.Ephemeral() || ack.Content != msgReplying {
		t.Errorf("acknowledgement %+v", ack)
	}
	if !strings.Contains(rep.Text(), "**10,000 to 30,000 troops**") || rep.Ephemeral() || rep.Reference.ChannelID != srv.ChannelID {
		t.Errorf("reply %+v:\n%s", rep.Reference, rep.Text())
	}

	t.Run("user install", func(t *testing.T) {
		in, err := srv.SendMessageCommand(askMessageName, question, discordtest.Where{UserInstall: true})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := in.Wait(ctxFor(t, 10*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		link := fmt.Sprintf("https://discord.com/channels/%s/%s/%s", srv.GuildID, srv.ChannelID, question.ID)
		if rep.Ephemeral() || rep.Content != "Answering "+link || !strings.Contains(rep.Text(), "10,000 to 30,000") {
			t.Errorf("user-install answer %+v:\n%s", rep, rep.Text())
		}
	})

	t.Run("no text", func(t *testing.T) {
		empty, err := srv.SendMessage(discordtest.MessageSpec{Content: "<@" + srv.BotUserID + ">", MentionBot: true})
		if err != nil {
			t.Fatal(err)
		}
		// The bot answers the bare mention with help; the message command
		// finds no question in it.
		if _, err := empty.Wait(ctxFor(t, 10*time.Second)); err != nil {
			t.Fatal(err)
		}
		in, err := srv.SendMessageCommand(askMessageName, empty, discordtest.Where{})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := in.Wait(ctxFor(t, 10*time.Second))
		if err != nil || !rep.Ephemeral() || rep.Content != msgNoText {
			t.Errorf("no text: %+v %v", rep, err)
		}
	})

	t.Run("in a thread", func(t *testing.T) {
		th := startThread(t, srv)
		first := inThread(t, srv, th.ID, "who is the Finnish Defense Minister?", true)
		if !strings.Contains(first.Text(), "Anni Hakkanen") {
			t.Fatalf("first answer:\n%s", first.Text())
		}
		q, err := srv.SendMessage(discordtest.MessageSpec{Content: "what did she say?", Channel: th.ID})
		if err != nil {
			t.Fatal(err)
		}
		_, rep := askAbout(t, srv, q)
		if titleOf(rep) != "what did Anni Hakkanen say?" || rep.Reference.ChannelID != th.ID {
			t.Errorf("in the thread: %q in %+v", titleOf(rep), rep.Reference)
		}
	})
}
