package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/discord/discordtest"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/index"
	"github.com/bwmarrin/discordgo"
)

// End-to-end tests: the same Run as `articlebot run`, over the real engine
// and the built-in article, against the fake Discord on loopback, reached
// through DISCORD_BASE_URL.

const troopsQuestion = "How many troops could the force have?"

// realEngine is the engine `articlebot run` builds over the built-in
// article.
func realEngine(t *testing.T) *bot.Engine {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(context.Background(), c, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	e, err := bot.New(context.Background(), c, ix)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

type harness struct {
	t    *testing.T
	srv  *discordtest.Server
	logs *syncBuffer
	stop context.CancelFunc
	done chan error
	once sync.Once
}

type harnessOptions struct {
	global     bool          // register commands globally, not in the guild
	deferAfter time.Duration // 0: the default
	engine     Engine        // nil: the real engine
	env        map[string]string
	opts       []Option
}

// startBot runs the bot against a fresh fake Discord and waits until it has
// registered its commands. When the test ends it stops the bot, checks Run
// returned nil, and checks every message the bot sent allowed no mentions
// and that the token never reached the log.
func startBot(t *testing.T, o harnessOptions) *harness {
	t.Helper()
	srv := discordtest.New(t, discordtest.Options{})
	vars := map[string]string{
		"DISCORD_TOKEN":        srv.Token,
		"DISCORD_BASE_URL":     srv.URL,
		"DISCORD_GUILD_ID":     srv.GuildID,
		"ARTICLEBOT_LOG_LEVEL": "debug",
		// Most tests ask many questions as one user; the cooldown's own
		// tests set a rate.
		"ARTICLEBOT_RATE": "off",
	}
	if o.global {
		delete(vars, "DISCORD_GUILD_ID")
	}
	for k, v := range o.env {
		vars[k] = v
	}
	cfg, err := ConfigFromEnv(env(vars))
	if err != nil {
		t.Fatal(err)
	}
	cfg.DeferAfter = o.deferAfter
	var engine Engine = o.engine
	if engine == nil {
		engine = realEngine(t)
	}
	log, logs := testLogger(cfg.LogLevel)
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{t: t, srv: srv, logs: logs, stop: cancel, done: make(chan error, 1)}
	go func() { h.done <- Run(ctx, cfg, engine, log, o.opts...) }()
	t.Cleanup(func() {
		h.shutdown()
		if strings.Contains(logs.String(), srv.Token) {
			t.Error("the token reached the log")
		}
		checkEveryMessage(t, srv.Requests())
		if t.Failed() {
			t.Logf("bot log:\n%s", tail(logs.String(), 60))
		}
	})

	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if _, err := srv.WaitCommands(wctx); err != nil {
		select {
		case err := <-h.done:
			h.done <- err
			t.Fatalf("Run returned early: %v", err)
		default:
		}
		t.Fatalf("commands never registered: %v", err)
	}
	return h
}

// shutdown cancels Run's context and waits for it to return nil.
func (h *harness) shutdown() {
	h.t.Helper()
	h.once.Do(func() {
		h.stop()
		select {
		case err := <-h.done:
			if err != nil {
				h.t.Errorf("Run returned %v on shutdown, want nil", err)
			}
		case <-time.After(15 * time.Second):
			h.t.Error("Run did not return within 15 s of cancel")
		}
	})
}

func tail(s string, lines int) string {
	ls := strings.Split(s, "\n")
	return strings.Join(ls[max(0, len(ls)-lines):], "\n")
}

// ctxFor is a bounded context for one wait, so a failing test fails fast.
func ctxFor(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// checkEveryMessage checks every request that sent or changed a message
// allowed no mentions ("allowed_mentions":{"parse":[]}) and was accepted.
func checkEveryMessage(t *testing.T, reqs []*discordtest.Request) {
	t.Helper()
	for _, r := range reqs {
		var body map[string]json.RawMessage
		switch r.Route {
		case discordtest.RouteInteractionCallback, discordtest.RouteEndpointResponse:
			var cb struct {
				Type int                        `json:"type"`
				Data map[string]json.RawMessage `json:"data"`
			}
			if err := r.Decode(&cb); err != nil {
				t.Error(err)
				continue
			}
			if cb.Type == int(discordgo.InteractionApplicationCommandAutocompleteResult) {
				if c := cb.Data["content"]; len(c) > 0 && string(c) != `""` {
					t.Errorf("%s: autocomplete with content", r.Path)
				}
				continue // choices, not a message
			}
			body = cb.Data
		case discordtest.RouteEditOriginal, discordtest.RouteFollowup, discordtest.RouteChannelMessages:
			if err := r.Decode(&body); err != nil {
				t.Error(err)
				continue
			}
		default:
			continue
		}
		if r.Status >= 400 && r.Status != 429 {
			t.Errorf("Discord refused %s", r)
		}
		var am struct {
			Parse *[]string `json:"parse"`
		}
		raw := body["allowed_mentions"]
		if err := json.Unmarshal(raw, &am); err != nil || am.Parse == nil || len(*am.Parse) != 0 {
			t.Errorf("%s %s: allowed_mentions = %s, want {\"parse\":[]}", r.Method, r.Path, raw)
		}
	}
}

func TestE2ERegistersCommands(t *testing.T) {
	for _, global := range []bool{false, true} {
		t.Run(map[bool]string{false: "guild", true: "global"}[global], func(t *testing.T) {
			h := startBot(t, harnessOptions{global: global})
			cmds, overwrites := h.srv.Commands()
			if overwrites != 1 {
				t.Errorf("%d bulk overwrites, want 1", overwrites)
			}
			var names []string
			for _, c := range cmds {
				names = append(names, c["name"].(string))
			}
			if got := strings.Join(names, "|"); got != "ask|who-said|how-many|facts|search|summary|brief|"+askMessageName+"|articles|article" {
				t.Errorf("registered %q", got)
			}
			want := discordtest.RouteGuildCommands
			if global {
				want = discordtest.RouteGlobalCommands
			}
			for _, r := range h.srv.Requests() {
				if (r.Route == discordtest.RouteGuildCommands || r.Route == discordtest.RouteGlobalCommands) && r.Route != want {
					t.Errorf("registered through %s, want %s", r.Route, want)
				}
			}
			if st := h.srv.Stats(); st.Intents != int64(discordgo.IntentsGuilds|discordgo.IntentsGuildMessages|discordgo.IntentsDirectMessages) {
				t.Errorf("identified with intents %b", st.Intents)
			}
		})
	}
}

func TestE2EMessageContentIntent(t *testing.T) {
	h := startBot(t, harnessOptions{env: map[string]string{"ARTICLEBOT_MESSAGE_CONTENT": "true"}})
	if st := h.srv.Stats(); st.Intents&int64(discordgo.IntentsMessageContent) == 0 {
		t.Errorf("intents %b lack MESSAGE_CONTENT", st.Intents)
	}
}

// ask sends /ask and returns the bot's reply.
func ask(t *testing.T, srv *discordtest.Server, question string, more ...discordtest.Option) *discordtest.Reply {
	t.Helper()
	_, rep := runCommand(t, srv, "ask", discordtest.Where{}, append([]discordtest.Option{discordtest.String("question", question)}, more...)...)
	return rep
}

func TestE2EAskAndButtons(t *testing.T) {
	h := startBot(t, harnessOptions{})
	rep := ask(t, h.srv, troopsQuestion)
	text := rep.Text()
	for _, want := range []string{"10,000 to 30,000", "Some estimates suggest that a force of 10,000 to 30,000 troops could be set up.", "sentence 13"} {
		if !strings.Contains(text, want) {
			t.Errorf("answer lacks %q:\n%s", want, text)
		}
	}
	if rep.Type != int(discordgo.InteractionResponseChannelMessageWithSource) || rep.Ephemeral() {
		t.Errorf("answer type %d, ephemeral %v; want a public direct answer", rep.Type, rep.Ephemeral())
	}

	t.Run("More", func(t *testing.T) {
		id, ok := rep.CustomID("more:")
		if !ok {
			t.Fatalf("no More button: %v", rep.CustomIDs())
		}
		in, err := h.srv.SendButton(id, 0, discordtest.Where{})
		if err != nil {
			t.Fatal(err)
		}
		more, err := in.Wait(ctxFor(t, 10*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if !more.Ephemeral() || len(more.Embeds) == 0 || len(more.Embeds[0].Fields) == 0 {
			t.Fatalf("More = %+v", more)
		}
		if strings.Contains(more.Text(), "sentence 13") {
			t.Errorf("More repeats the cited sentence:\n%s", more.Text())
		}
	})

	t.Run("Context", func(t *testing.T) {
		id, ok := rep.CustomID("ctx:")
		if !ok || id != "ctx:article:13" {
			t.Fatalf("Context button %q in %v", id, rep.CustomIDs())
		}
		in, err := h.srv.SendButton(id, 0, discordtest.Where{})
		if err != nil {
			t.Fatal(err)
		}
		c, err := in.Wait(ctxFor(t, 10*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(c.Text(), "**Some estimates suggest that a force of 10,000 to 30,000 troops could be set up.**") {
			t.Errorf("context lacks the sentence in bold:\n%s", c.Text())
		}
	})

	t.Run("private", func(t *testing.T) {
		rep := ask(t, h.srv, troopsQuestion, discordtest.Bool("private", true))
		if !rep.Ephemeral() || !strings.Contains(rep.Text(), "10,000 to 30,000") {
			t.Errorf("private answer: ephemeral %v\n%s", rep.Ephemeral(), rep.Text())
		}
	})

	t.Run("who-said and how-many", func(t *testing.T) {
		in, err := h.srv.SendCommand("who-said", discordtest.Where{}, discordtest.String("quote", "We must be ready for when peace comes"))
		if err != nil {
			t.Fatal(err)
		}
		r, err := in.Wait(ctxFor(t, 10*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(r.Text(), "Healey") {
			t.Errorf("who-said:\n%s", r.Text())
		}
		in, err = h.srv.SendCommand("how-many", discordtest.Where{}, discordtest.String("what", "military planners"))
		if err != nil {
			t.Fatal(err)
		}
		r, err = in.Wait(ctxFor(t, 10*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(r.Text(), "200") {
			t.Errorf("how-many:\n%s", r.Text())
		}
	})

	t.Run("facts search articles", func(t *testing.T) {
		for _, c := range []struct {
			name string
			opts []discordtest.Option
			want string
		}{
			{"facts", []discordtest.Option{discordtest.String("kind", "people")}, "John Healey"},
			{"search", []discordtest.Option{discordtest.String("query", "troops")}, "**troops**"},
			{"articles", nil, "id: article"},
		} {
			in, err := h.srv.SendCommand(c.name, discordtest.Where{}, c.opts...)
			if err != nil {
				t.Fatal(err)
			}
			r, err := in.Wait(ctxFor(t, 10*time.Second))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(r.Text(), c.want) {
				t.Errorf("/%s lacks %q:\n%s", c.name, c.want, r.Text())
			}
		}
	})

	t.Run("empty question", func(t *testing.T) {
		rep := ask(t, h.srv, "   ")
		if !rep.Ephemeral() || !strings.HasPrefix(rep.Content, "Please type a question") {
			t.Errorf("empty question: %+v", rep)
		}
	})

	t.Run("in a DM", func(t *testing.T) {
		in, err := h.srv.SendCommand("ask", discordtest.Where{DM: true}, discordtest.String("question", troopsQuestion))
		if err != nil {
			t.Fatal(err)
		}
		r, err := in.Wait(ctxFor(t, 10*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(r.Text(), "10,000 to 30,000") {
			t.Errorf("DM /ask:\n%s", r.Text())
		}
	})
}

func TestE2EDeferred(t *testing.T) {
	h := startBot(t, harnessOptions{deferAfter: time.Nanosecond})
	for _, private := range []bool{false, true} {
		rep := ask(t, h.srv, troopsQuestion, discordtest.Bool("private", private))
		if !rep.Deferred || rep.Request.Route != discordtest.RouteEditOriginal {
			t.Errorf("private %v: want a deferral then an edit, got type %d via %s", private, rep.Type, rep.Request.Route)
		}
		if !strings.Contains(rep.Text(), "10,000 to 30,000") {
			t.Errorf("edited answer:\n%s", rep.Text())
		}
	}
	// The deferral itself carried the ephemeral flag for the private one.
	var flags []int
	for _, r := range h.srv.Requests() {
		if r.Route == discordtest.RouteInteractionCallback {
			var cb struct {
				Type int `json:"type"`
				Data struct {
					Flags int `json:"flags"`
				} `json:"data"`
			}
			_ = r.Decode(&cb)
			if cb.Type == 5 {
				flags = append(flags, cb.Data.Flags)
			}
		}
	}
	if fmt.Sprint(flags) != "[0 64]" {
		t.Errorf("deferral flags %v, want [0 64]", flags)
	}
}

func TestE2EAutocomplete(t *testing.T) {
	h := startBot(t, harnessOptions{})
	for _, cmd := range []string{"ask", "facts", "search"} {
		in, err := h.srv.SendAutocomplete(cmd, discordtest.Where{}, discordtest.Focused("article", "art"))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := in.Wait(ctxFor(t, 10*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Type != int(discordgo.InteractionApplicationCommandAutocompleteResult) || len(rep.Choices) != 1 || rep.Choices[0].Value != "article" {
			t.Errorf("/%s autocomplete: type %d, choices %+v", cmd, rep.Type, rep.Choices)
		}
	}
}

func TestE2EMentionsAndDMs(t *testing.T) {
	h := startBot(t, harnessOptions{})
	srv := h.srv
	mention := "<@" + srv.BotUserID + ">"

	// Another bot's mention, and channel chatter, come first: neither may
	// be answered.
	fromBot, err := srv.SendMessage(discordtest.MessageSpec{Content: mention + " " + troopsQuestion, MentionBot: true, Author: discordtest.User{ID: "777", Bot: true}})
	if err != nil {
		t.Fatal(err)
	}
	chatter, err := srv.SendMessage(discordtest.MessageSpec{Content: "how many troops, anyone?"})
	if err != nil {
		t.Fatal(err)
	}

	for _, m := range []discordtest.MessageSpec{
		{Content: mention + " how many troops could the force have?", MentionBot: true},
		{Content: troopsQuestion, DM: true},
	} {
		msg, err := srv.SendMessage(m)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := msg.Wait(ctxFor(t, 10*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(rep.Text(), "10,000 to 30,000") {
			t.Errorf("reply (DM %v):\n%s", m.DM, rep.Text())
		}
		if rep.Reference.ChannelID != msg.ChannelID {
			t.Errorf("reply references %+v", rep.Reference)
		}
		if strings.Contains(rep.Text(), mention) {
			t.Errorf("reply echoes the mention:\n%s", rep.Text())
		}
	}
	for _, r := range srv.Requests() {
		if r.Route != discordtest.RouteChannelMessages {
			continue
		}
		var body struct {
			Ref *discordgo.MessageReference `json:"message_reference"`
		}
		_ = r.Decode(&body)
		if body.Ref != nil && (body.Ref.MessageID == fromBot.ID || body.Ref.MessageID == chatter.ID) {
			t.Errorf("answered message %s, which was not for the bot", body.Ref.MessageID)
		}
	}
}

// TestE2EResume: after the gateway connection drops, the bot resumes its
// session, gets the events it missed and answers them; after op 7 it
// reconnects and resumes; when the resume is refused it identifies again.
func TestE2EResume(t *testing.T) {
	h := startBot(t, harnessOptions{})
	srv := h.srv
	ask(t, srv, troopsQuestion)

	t.Run("drop", func(t *testing.T) {
		if n := srv.DropGateway(); n != 1 {
			t.Fatalf("dropped %d connections", n)
		}
		// Sent while the bot is away: replayed on resume.
		rep := ask(t, srv, troopsQuestion)
		if !strings.Contains(rep.Text(), "10,000 to 30,000") {
			t.Errorf("after the drop:\n%s", rep.Text())
		}
		if st := srv.Stats(); st.Resumes != 1 || st.Identifies != 1 {
			t.Errorf("resumes %d, identifies %d; want 1, 1", st.Resumes, st.Identifies)
		}
	})

	t.Run("op7 reconnect", func(t *testing.T) {
		if err := srv.SendReconnect(); err != nil {
			t.Fatal(err)
		}
		if _, err := srv.WaitGateway(ctxFor(t, 10*time.Second), func(st discordtest.GatewayStats) bool {
			return st.Resumes == 2 && st.Connected
		}); err != nil {
			t.Fatalf("no resume after op 7: %v (%+v)", err, srv.Stats())
		}
		ask(t, srv, troopsQuestion)
	})

	t.Run("resume refused", func(t *testing.T) {
		srv.FailNextResume()
		srv.DropGateway()
		if _, err := srv.WaitGateway(ctxFor(t, 10*time.Second), func(st discordtest.GatewayStats) bool {
			return st.Identifies == 2 && st.Connected
		}); err != nil {
			t.Fatalf("no new session after op 9: %v (%+v)", err, srv.Stats())
		}
		ask(t, srv, troopsQuestion)
	})

	t.Run("invalid session", func(t *testing.T) {
		if err := srv.InvalidateSession(); err != nil {
			t.Fatal(err)
		}
		if _, err := srv.WaitGateway(ctxFor(t, 10*time.Second), func(st discordtest.GatewayStats) bool {
			return st.Identifies == 3 && st.Connected
		}); err != nil {
			t.Fatalf("no identify after op 9: %v (%+v)", err, srv.Stats())
		}
		ask(t, srv, troopsQuestion)
	})

	// Registration happened once, at start: reconnects do not repeat it.
	if _, n := srv.Commands(); n != 1 {
		t.Errorf("%d bulk overwrites", n)
	}
}

// TestE2ERateLimit: a 429 with Retry-After is waited out and the reply
// still arrives.
func TestE2ERateLimit(t *testing.T) {
	h := startBot(t, harnessOptions{})
	srv := h.srv

	t.Run("channel message", func(t *testing.T) {
		const wait = 600 * time.Millisecond
		srv.RateLimitOnce(discordtest.RouteChannelMessages, wait)
		msg, err := srv.SendMessage(discordtest.MessageSpec{Content: "<@" + srv.BotUserID + "> " + troopsQuestion, MentionBot: true})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := msg.Wait(ctxFor(t, 10*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(rep.Text(), "10,000 to 30,000") {
			t.Errorf("reply:\n%s", rep.Text())
		}
		var limited *discordtest.Request
		for _, r := range srv.Requests() {
			if r.Route == discordtest.RouteChannelMessages && r.Status == 429 {
				limited = r
			}
		}
		if limited == nil {
			t.Fatal("no 429 recorded")
		}
		if gap := rep.Request.At.Sub(limited.At); gap < wait {
			t.Errorf("retried after %v, before Retry-After %v", gap, wait)
		}
	})

	t.Run("interaction callback", func(t *testing.T) {
		srv.RateLimitOnce(discordtest.RouteInteractionCallback, 300*time.Millisecond)
		rep := ask(t, srv, troopsQuestion) // checks the ack came inside 3 s
		if !strings.Contains(rep.Text(), "10,000 to 30,000") {
			t.Errorf("reply:\n%s", rep.Text())
		}
	})
}

// TestE2EConcurrentInteractions: 200 interactions dispatched at once are all
// answered, each acknowledged inside Discord's 3 s of its own delivery (as
// the fake counts it: from when it wrote that interaction to the bot's
// connection, not from the start of the burst).
func TestE2EConcurrentInteractions(t *testing.T) {
	h := startBot(t, harnessOptions{})
	srv := h.srv
	questions := []string{
		troopsQuestion,
		"Who is John Healey?",
		"Where is NATO's headquarters?",
		"How many military planners are working?",
		"Who said the United States is essential?",
	}
	const n = 200
	ins := make([]*discordtest.Interaction, n)
	for i := range n {
		in, err := srv.SendCommand("ask", discordtest.Where{}, discordtest.String("question", questions[i%len(questions)]))
		if err != nil {
			t.Fatal(err)
		}
		ins[i] = in
	}
	// Wait for the replies one by one: the fake times each acknowledgement
	// itself, and 200 waiters at once would only take CPU from the bot.
	ctx := ctxFor(t, 30*time.Second)
	for i, in := range ins {
		rep, err := in.Wait(ctx)
		if err != nil {
			t.Fatalf("interaction %d: %v", i, err)
		}
		lat, _, late, _ := in.Ack()
		if late || lat > discordtest.InteractionDeadline {
			t.Errorf("interaction %d acknowledged %v after its delivery", i, lat)
		}
		if len(rep.Embeds) == 0 && rep.Content == "" {
			t.Errorf("interaction %d: empty reply", i)
		}
	}
	var worst time.Duration
	for _, in := range ins {
		if lat, _, _, _ := in.Ack(); lat > worst {
			worst = lat
		}
	}
	t.Logf("slowest acknowledgement of %d: %v", n, worst)
}

// panicky is the real engine, except that one question makes it panic and
// another makes it fail.
type panicky struct{ *bot.Engine }

func (p panicky) Ask(ctx context.Context, q bot.Question) (*bot.Answer, error) {
	switch q.Text {
	case "panic please":
		panic("engine blew up")
	case "fail please":
		return nil, fmt.Errorf("index: search: %w", context.Canceled)
	}
	return p.Engine.Ask(ctx, q)
}

// TestE2EHandlerPanicKeepsTheBotUp: a panic or an error in a handler gives
// the user a short ephemeral message, is logged, and the bot keeps
// answering.
func TestE2EHandlerPanicKeepsTheBotUp(t *testing.T) {
	h := startBot(t, harnessOptions{engine: panicky{realEngine(t)}})
	for _, q := range []string{"panic please", "fail please"} {
		rep := ask(t, h.srv, q)
		if !rep.Ephemeral() || rep.Content != msgSomethingWent {
			t.Errorf("%q: %+v", q, rep)
		}
	}
	rep := ask(t, h.srv, troopsQuestion)
	if !strings.Contains(rep.Text(), "10,000 to 30,000") {
		t.Errorf("after the panic:\n%s", rep.Text())
	}
	logs := h.logs.String()
	for _, want := range []string{"engine blew up", `"interaction_id"`, `"command":"ask"`, `"latency_ms"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %s", want)
		}
	}
}

// TestE2EForgedButtons: a dozen forged button clicks at once each get the
// short ephemeral "expired" reply; afterwards the bot still answers /ask
// inside Discord's deadline, and stops within 5 s. (A forged More page once
// held a worker for ever and kept the process from stopping.)
func TestE2EForgedButtons(t *testing.T) {
	h := startBot(t, harnessOptions{})
	rep := ask(t, h.srv, troopsQuestion)
	moreID, ok := rep.CustomID("more:")
	if !ok {
		t.Fatalf("no More button: %v", rep.CustomIDs())
	}
	forged := discordtest.ForgedCustomIDs(moreID)
	ins := make([]*discordtest.Interaction, len(forged))
	for i, id := range forged {
		in, err := h.srv.SendButton(id, discordgo.MessageFlagsEphemeral, discordtest.Where{})
		if err != nil {
			t.Fatal(err)
		}
		ins[i] = in
	}
	for i, in := range ins {
		got, err := in.Wait(ctxFor(t, 10*time.Second))
		if err != nil {
			t.Fatalf("%q: %v", forged[i], err)
		}
		if got.Content != msgExpired || !got.Ephemeral() {
			t.Errorf("%q: answered %q (ephemeral %v), want the ephemeral %q", forged[i], got.Text(), got.Ephemeral(), msgExpired)
		}
	}
	if rep := ask(t, h.srv, troopsQuestion); !strings.Contains(rep.Text(), "10,000 to 30,000") {
		t.Errorf("after the forged clicks:\n%s", rep.Text())
	}
	start := time.Now()
	h.shutdown()
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("shutdown took %v, want under 5 s", d)
	}
	t.Logf("shutdown took %v", time.Since(start))
}

// TestE2EShutdown: cancelling Run's context closes the gateway and Run
// returns nil.
func TestE2EShutdown(t *testing.T) {
	h := startBot(t, harnessOptions{})
	ask(t, h.srv, troopsQuestion)
	start := time.Now()
	h.shutdown()
	if _, err := h.srv.WaitGateway(ctxFor(t, 5*time.Second), func(st discordtest.GatewayStats) bool { return !st.Connected }); err != nil {
		t.Errorf("gateway still connected after Run returned: %v", err)
	}
	t.Logf("shutdown took %v", time.Since(start))
}

// TestRunRefusesBadConfig: Run checks its configuration before connecting.
func TestRunRefusesBadConfig(t *testing.T) {
	err := Run(context.Background(), Config{}, &stubEngine{}, slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
		t.Errorf("Run(no token) = %v", err)
	}
}

// TestRunFailsFast: a wrong token or an unreachable Discord is an error
// from Run, at once, without the token in it.
func TestRunFailsFast(t *testing.T) {
	srv := discordtest.New(t, discordtest.Options{})
	for name, vars := range map[string]map[string]string{
		"wrong token": {"DISCORD_TOKEN": "wrong.token.value", "DISCORD_BASE_URL": srv.URL},
		"unreachable": {"DISCORD_TOKEN": "some.token.value", "DISCORD_BASE_URL": "http://127.0.0.1:1/"},
	} {
		t.Run(name, func(t *testing.T) {
			cfg, err := ConfigFromEnv(env(vars))
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- Run(context.Background(), cfg, &stubEngine{}, slog.New(slog.DiscardHandler)) }()
			select {
			case err := <-done:
				if err == nil {
					t.Fatal("Run = nil")
				}
				if strings.Contains(err.Error(), vars["DISCORD_TOKEN"]) {
					t.Errorf("error shows the token: %v", err)
				}
				t.Logf("Run = %v", err)
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not fail within 10 s")
			}
		})
	}
}
