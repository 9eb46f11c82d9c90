package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot/discord/discordtest"
	"github.com/bwmarrin/discordgo"
)

// replica is one `articlebot serve` under test: its handler behind an
// httptest server, reached by the fake Discord as its endpoint.
type replica struct {
	h   *Handler
	hs  *httptest.Server
	ep  *discordtest.Endpoint
	log *syncBuffer
}

type serveOptions struct {
	engine     Engine // nil: the real engine
	deferAfter time.Duration
	env        map[string]string
	opts       []Option
}

// startServe makes a replica answering the fake Discord srv. When the
// test ends it closes it and checks every message it sent.
func startServe(t *testing.T, srv *discordtest.Server, o serveOptions) *replica {
	t.Helper()
	vars := map[string]string{
		"DISCORD_PUBLIC_KEY":   hex.EncodeToString(srv.PublicKey),
		"DISCORD_BASE_URL":     srv.URL,
		"ARTICLEBOT_LOG_LEVEL": "debug",
		"ARTICLEBOT_RATE":      "off",
		// The fake's CDN is on loopback.
		"ARTICLEBOT_ALLOW_PRIVATE_URLS": "true",
	}
	for k, v := range o.env {
		vars[k] = v
	}
	cfg, err := ServeConfigFromEnv(env(vars), "")
	if err != nil {
		t.Fatal(err)
	}
	cfg.DeferAfter = o.deferAfter
	engine := o.engine
	if engine == nil {
		engine = realEngine(t)
	}
	log, logs := testLogger(slog.LevelDebug)
	h, err := NewHandler(cfg, engine, log, o.opts...)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(h)
	rp := &replica{h: h, hs: hs, ep: srv.Endpoint(hs.URL + "/interactions"), log: logs}
	t.Cleanup(func() {
		hs.Close()
		h.Close()
		checkEveryMessage(t, srv.Requests())
		if t.Failed() {
			t.Logf("replica log:\n%s", tail(logs.String(), 40))
		}
	})
	return rp
}

// send POSTs a command to a replica and waits for its visible answer.
func (rp *replica) send(t *testing.T, name string, w discordtest.Where, opts ...discordtest.Option) *discordtest.Reply {
	t.Helper()
	in, err := rp.ep.SendCommand(name, w, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return waitReply(t, in)
}

// askAbout posts a teammate's question (seen by no gateway), uses Ask
// articlebot on it through the replica, and waits for the response.
func (rp *replica) askAbout(t *testing.T, srv *discordtest.Server) (*discordtest.Message, *discordtest.Reply) {
	t.Helper()
	question, err := srv.PostMessage(discordtest.MessageSpec{Content: troopsQuestion, Author: teammate})
	if err != nil {
		t.Fatal(err)
	}
	in, err := rp.ep.SendMessageCommand(askMessageName, question, discordtest.Where{})
	if err != nil {
		t.Fatal(err)
	}
	return question, waitReply(t, in)
}

func waitReply(t *testing.T, in *discordtest.Interaction) *discordtest.Reply {
	t.Helper()
	rep, err := in.Wait(ctxFor(t, 30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if lat, _, late, ok := in.Ack(); !ok || late || lat > discordtest.InteractionDeadline {
		t.Errorf("answered after %v (late %v, answered %v)", lat, late, ok)
	}
	return rep
}

// TestServeEveryCommand: signed requests for every command of the table,
// and for autocomplete and both buttons, are answered over HTTP as the
// gateway answers them.
func TestServeEveryCommand(t *testing.T) {
	srv := discordtest.New(t, discordtest.Options{})
	e := liveEngine(t, "")
	rp := startServe(t, srv, serveOptions{engine: e, opts: []Option{WithLibrary(e)}})

	status, body, err := rp.ep.Ping(ctxFor(t, 10*time.Second))
	if err != nil || status != 200 || strings.TrimSpace(string(body)) != `{"type":1}` {
		t.Errorf("PING: %d %s %v", status, body, err)
	}

	bridge := discordtest.File{Name: "harbour-bridge.txt", Data: readTestdata(t, "articles/harbour-bridge.txt")}
	var more, context string
	covered := map[string]bool{}
	tests := []struct {
		command string
		where   discordtest.Where
		opts    []discordtest.Option
		want    []string
		check   func(t *testing.T, rep *discordtest.Reply)
	}{
		{"ask", discordtest.Where{}, []discordtest.Option{discordtest.String("question", troopsQuestion)},
			[]string{"10,000 to 30,000", "sentence 13"},
			func(t *testing.T, rep *discordtest.Reply) {
				more, _ = rep.CustomID("more:")
				context, _ = rep.CustomID("ctx:")
			}},
		{"who-said", discordtest.Where{}, []discordtest.Option{discordtest.String("quote", "we must be ready for when peace comes")}, []string{"John Healey"}, nil},
		{"how-many", discordtest.Where{}, []discordtest.Option{discordtest.String("what", "military planners")}, []string{"200"}, nil},
		{"facts", discordtest.Where{}, []discordtest.Option{discordtest.String("kind", "people")}, []string{"Anni Hakkanen"}, nil},
		{"search", discordtest.Where{}, []discordtest.Option{discordtest.String("query", "Brussels")}, []string{"**Brussels**"}, nil},
		{"summary", discordtest.Where{}, nil, []string{"Summary: Article", "John Healey, asked military leaders", "[1]"}, nil},
		// serve sees no thread's messages: a briefing gets no thread, and
		// says why.
		{"brief", discordtest.Where{}, []discordtest.Option{discordtest.Bool("thread", true)}, []string{msgThreadGateway, "Who's who", "**10,000 to 30,000 troops**"},
			func(t *testing.T, rep *discordtest.Reply) {
				if n := len(srv.Threads()); n != 0 {
					t.Errorf("%d threads started over HTTP", n)
				}
			}},
		{"article", admin, []discordtest.Option{add(discordtest.Attachment("file", bridge))}, []string{"Added: Harbour bridge to close for repairs", "/summary article:harbour-bridge"}, nil},
		{"articles", discordtest.Where{}, nil, []string{"Articles I know (2)", "Harbour bridge"}, nil},
		{"article", admin, []discordtest.Option{discordtest.Subcommand("remove", discordtest.String("article", "harbour-bridge"))}, []string{"Removed: Harbour bridge"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			covered[tt.command] = true
			rep := rp.send(t, tt.command, tt.where, tt.opts...)
			for _, want := range tt.want {
				if !strings.Contains(rep.Text(), want) {
					t.Errorf("reply lacks %q:\n%s", want, rep.Text())
				}
			}
			if tt.check != nil {
				tt.check(t, rep)
			}
		})
	}
	// Without a token to post a reply with, Ask articlebot answers in its
	// response, public, with a link to the question.
	t.Run(askMessageName, func(t *testing.T) {
		covered[askMessageName] = true
		question, rep := rp.askAbout(t, srv)
		link := messageLink(srv.GuildID, srv.ChannelID, question.ID)
		if rep.Ephemeral() || rep.Content != "Answering "+link || !strings.Contains(rep.Text(), "10,000 to 30,000") {
			t.Errorf("answer %+v:\n%s", rep, rep.Text())
		}
	})
	// A command added to the table later is answered too, with its
	// required options filled in, and without an error.
	for _, c := range rp.h.app.table {
		if covered[c.def.Name] {
			continue
		}
		t.Run(c.def.Name+"/generic", func(t *testing.T) {
			var opts []discordtest.Option
			for _, o := range c.def.Options {
				if o.Required && o.Type == discordgo.ApplicationCommandOptionString {
					opts = append(opts, discordtest.String(o.Name, "troops"))
				}
			}
			rep := rp.send(t, c.def.Name, discordtest.Where{}, opts...)
			if txt := rep.Text(); strings.Contains(txt, msgSomethingWent) || strings.Contains(txt, msgUnknown) || txt == "" {
				t.Errorf("/%s over HTTP: %q", c.def.Name, txt)
			}
		})
	}

	t.Run("autocomplete", func(t *testing.T) {
		in, err := rp.ep.SendAutocomplete("ask", discordtest.Where{}, discordtest.String("question", "q"), discordtest.Focused("article", "art"))
		if err != nil {
			t.Fatal(err)
		}
		rep := waitReply(t, in)
		if rep.Type != int(discordgo.InteractionApplicationCommandAutocompleteResult) || len(rep.Choices) != 1 || rep.Choices[0].Value != "article" {
			t.Errorf("autocomplete: type %d, %+v", rep.Type, rep.Choices)
		}
	})
	t.Run("buttons", func(t *testing.T) {
		if more == "" || context == "" {
			t.Fatalf("no buttons: %q %q", more, context)
		}
		for id, want := range map[string]string{more: "More for:", context: "Context:"} {
			in, err := rp.ep.SendButton(id, 0, discordtest.Where{})
			if err != nil {
				t.Fatal(err)
			}
			rep := waitReply(t, in)
			if !rep.Ephemeral() || !strings.Contains(rep.Text(), want) {
				t.Errorf("%s: %s", id, rep.Text())
			}
		}
	})
}

// TestServeAskMessageReplies: given the bot's token, serve answers Ask
// articlebot as the gateway does: a reply to the question in its channel,
// posted with the token, and a note to the asker.
func TestServeAskMessageReplies(t *testing.T) {
	srv := discordtest.New(t, discordtest.Options{})
	rp := startServe(t, srv, serveOptions{env: map[string]string{"DISCORD_TOKEN": srv.Token, "DISCORD_APPLICATION_ID": srv.AppID}})
	question, ack := rp.askAbout(t, srv)
	if !ack.Ephemeral() || ack.Content != msgReplying {
		t.Errorf("acknowledgement %+v", ack)
	}
	rep, err := question.Wait(ctxFor(t, 30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rep.Text(), "**10,000 to 30,000 troops**") || rep.Ephemeral() || rep.Request.Header.Get("Authorization") != "Bot "+srv.Token {
		t.Errorf("reply through %s:\n%s", rep.Request, rep.Text())
	}
}

// TestServeDeferred: an answer slower than the defer threshold is deferred
// in the HTTP response (type 5) and completed through the webhook.
func TestServeDeferred(t *testing.T) {
	srv := discordtest.New(t, discordtest.Options{})
	rp := startServe(t, srv, serveOptions{deferAfter: time.Nanosecond})
	in, err := rp.ep.SendCommand("ask", discordtest.Where{}, discordtest.String("question", troopsQuestion))
	if err != nil {
		t.Fatal(err)
	}
	rep := waitReply(t, in)
	if !rep.Deferred || rep.Type != int(discordgo.InteractionResponseDeferredChannelMessageWithSource) {
		t.Errorf("type %d, deferred %v", rep.Type, rep.Deferred)
	}
	if !strings.Contains(rep.Text(), "10,000 to 30,000") || rep.Request.Route != discordtest.RouteEditOriginal {
		t.Errorf("completed through %s with:\n%s", rep.Request.Route, rep.Text())
	}
}

// signer signs requests as Discord does, with a key of its own.
type signer struct {
	pub  ed25519.PublicKey
	priv ed25519.PrivateKey
}

func newSigner(t *testing.T) signer {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return signer{pub, priv}
}

func (s signer) sign(ts string, body []byte) string {
	return hex.EncodeToString(ed25519.Sign(s.priv, append([]byte(ts), body...)))
}

// TestServeRefuses: forged, stale, unsigned, oversized and malformed
// requests are refused before anything is answered.
func TestServeRefuses(t *testing.T) {
	key, other := newSigner(t), newSigner(t)
	now := time.Unix(1_740_000_000, 0)
	// Never deferred, however busy the machine: the answer is the body.
	cfg := ServeConfig{PublicKey: key.pub, Config: Config{Rate: Unlimited, DeferAfter: 20 * time.Second}}
	eng := &stubEngine{}
	h, err := NewHandler(cfg, eng, discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	h.now = func() time.Time { return now }

	// An ID made now: the dispatcher reads its age from it.
	id := strconv.FormatUint(uint64(time.Now().UnixMilli()-discordEpoch)<<22, 10)
	ask := []byte(`{"id":"` + id + `","application_id":"100000000000000001","type":2,"token":"aW50ZXJhY3Rpb246abc","version":1,` +
		`"data":{"id":"1","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"How many troops?"}]},` +
		`"member":{"user":{"id":"5"},"permissions":"2248473465835073"},"guild_id":"3","channel_id":"4"}`)
	ts := strconv.FormatInt(now.Unix(), 10)
	at := func(d time.Duration) string { return strconv.FormatInt(now.Add(d).Unix(), 10) }
	big := append(append([]byte(nil), ask[:len(ask)-1]...), []byte(`,"pad":"`+strings.Repeat("x", maxInteractionBytes)+`"}`)...)
	type req struct {
		method, path, ts, sig string
		body                  []byte
	}
	tests := []struct {
		name string
		req  req
		want int
	}{
		{"signed", req{"POST", "/", ts, key.sign(ts, ask), ask}, 200},
		{"signed, at /interactions", req{"POST", "/interactions", ts, key.sign(ts, ask), ask}, 200},
		{"signed 4 minutes ago", req{"POST", "/", at(-4 * time.Minute), key.sign(at(-4*time.Minute), ask), ask}, 200},
		{"forged: another key", req{"POST", "/", ts, other.sign(ts, ask), ask}, 401},
		{"forged: body changed", req{"POST", "/", ts, key.sign(ts, ask), bytes.Replace(ask, []byte("troops"), []byte("tanks!"), 1)}, 401},
		{"forged: timestamp changed", req{"POST", "/", at(time.Second), key.sign(ts, ask), ask}, 401},
		{"stale: 6 minutes old", req{"POST", "/", at(-6 * time.Minute), key.sign(at(-6*time.Minute), ask), ask}, 401},
		{"from the future", req{"POST", "/", at(6 * time.Minute), key.sign(at(6*time.Minute), ask), ask}, 401},
		{"unsigned", req{"POST", "/", "", "", ask}, 401},
		{"no timestamp", req{"POST", "/", "", key.sign("", ask), ask}, 401},
		{"signature not hex", req{"POST", "/", ts, "zz" + key.sign(ts, ask)[2:], ask}, 401},
		{"signature too short", req{"POST", "/", ts, key.sign(ts, ask)[:64], ask}, 401},
		{"timestamp not a number", req{"POST", "/", "yesterday", key.sign("yesterday", ask), ask}, 401},
		{"oversized", req{"POST", "/", ts, key.sign(ts, big), big}, 413},
		{"malformed JSON", req{"POST", "/", ts, key.sign(ts, []byte(`{"type":2,`)), []byte(`{"type":2,`)}, 400},
		{"not an object", req{"POST", "/", ts, key.sign(ts, []byte(`[1,2]`)), []byte(`[1,2]`)}, 400},
		{"a modal submit", req{"POST", "/", ts, key.sign(ts, []byte(`{"id":"1","application_id":"2","type":5,"token":"t","data":{}}`)), []byte(`{"id":"1","application_id":"2","type":5,"token":"t","data":{}}`)}, 400},
		{"no token", req{"POST", "/", ts, key.sign(ts, bytes.Replace(ask, []byte(`"aW50ZXJhY3Rpb246abc"`), []byte(`""`), 1)), bytes.Replace(ask, []byte(`"aW50ZXJhY3Rpb246abc"`), []byte(`""`), 1)}, 400},
		{"GET", req{"GET", "/", ts, key.sign(ts, nil), nil}, 405},
		{"another path", req{"POST", "/admin", ts, key.sign(ts, ask), ask}, 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := eng.askedCount()
			r := httptest.NewRequest(tt.req.method, tt.req.path, bytes.NewReader(tt.req.body))
			if tt.req.ts != "" {
				r.Header.Set("X-Signature-Timestamp", tt.req.ts)
			}
			if tt.req.sig != "" {
				r.Header.Set("X-Signature-Ed25519", tt.req.sig)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tt.want {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.want, w.Body)
			}
			asked := eng.askedCount() > before
			if tt.want != 200 && asked {
				t.Error("a refused request reached the engine")
			}
			if tt.want == 200 {
				var resp struct {
					Type discordgo.InteractionResponseType `json:"type"`
				}
				if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil || resp.Type != discordgo.InteractionResponseChannelMessageWithSource || !asked {
					t.Errorf("answer %s (%v), asked %v", w.Body, err, asked)
				}
			}
		})
	}
}

// FuzzDecodeInteraction: whatever arrives signed, decoding it and turning
// it into a request never panics, and what it accepts has what a reply
// needs.
func FuzzDecodeInteraction(f *testing.F) {
	for _, seed := range []string{
		`{"id":"1577265208462671875","application_id":"100000000000000001","type":2,"token":"abc","data":{"name":"ask","options":[{"name":"question","type":3,"value":"How many?"}]},"member":{"user":{"id":"5"},"permissions":"32"}}`,
		`{"id":"1","application_id":"2","type":2,"token":"t","data":{"name":"article","options":[{"name":"add","type":1,"options":[{"name":"file","type":11,"value":"9"}]}],"resolved":{"attachments":{"9":{"id":"9","filename":"a.txt","size":3,"url":"https://cdn.discordapp.com/a.txt"}}}}}`,
		`{"id":"1","application_id":"2","type":3,"token":"t","data":{"custom_id":"more:abc:1","component_type":2},"user":{"id":"7"}}`,
		`{"id":"1","application_id":"2","type":4,"token":"t","data":{"name":"ask","options":[{"name":"article","type":3,"value":"ar","focused":true}]}}`,
		`{"type":1}`,
		`{"type":2,"data":null}`,
		`{"member":{"permissions":"not a number"}}`,
		`[]`, `null`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		i, err := decodeInteraction(body)
		if err != nil {
			return
		}
		if i.Type == discordgo.InteractionPing {
			return
		}
		if !isSnowflake(i.ID) || !isSnowflake(i.AppID) || !validToken(i.Token) || i.Data == nil {
			t.Fatalf("accepted %+v", i)
		}
		r := newRequest(i)
		if r.Type != i.Type || r.Options == nil {
			t.Fatalf("request %+v", r)
		}
	})
}

func (e *stubEngine) askedCount() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.asked)
}

// TestServeReplicas: two replicas of serve on one corpus folder, with
// Discord's requests going to one and then the other, as a load balancer
// sends them: an article added through one is answered from by the
// other, and removed through the other, is gone from the first.
func TestServeReplicas(t *testing.T) {
	srv := discordtest.New(t, discordtest.Options{})
	dir := liveEngine(t, "").Dir() // a folder holding the built-in article
	ea, eb := liveEngine(t, dir), liveEngine(t, dir)
	a := startServe(t, srv, serveOptions{engine: ea, opts: []Option{WithLibrary(ea)}})
	b := startServe(t, srv, serveOptions{engine: eb, opts: []Option{WithLibrary(eb)}})
	replicas := []*replica{a, b}

	bridge := discordtest.File{Name: "harbour-bridge.txt", Data: readTestdata(t, "articles/harbour-bridge.txt")}
	if rep := a.send(t, "article", admin, add(discordtest.Attachment("file", bridge))); !strings.Contains(rep.Text(), "Added: Harbour bridge") {
		t.Fatalf("add through A: %s", rep.Text())
	}
	for n := range 4 {
		rp := replicas[(n+1)%2] // B, A, B, A
		rep := rp.send(t, "ask", discordtest.Where{}, discordtest.String("question", "How much will the repairs cost?"), discordtest.String("article", "harbour-bridge"))
		if !strings.Contains(rep.Text(), "£12m") {
			t.Errorf("question %d, replica %s: %s", n, map[*replica]string{a: "A", b: "B"}[rp], rep.Text())
		}
		rep = rp.send(t, "ask", discordtest.Where{}, discordtest.String("question", troopsQuestion))
		if !strings.Contains(rep.Text(), "10,000 to 30,000") {
			t.Errorf("the first article, question %d: %s", n, rep.Text())
		}
	}
	if rep := b.send(t, "article", admin, discordtest.Subcommand("remove", discordtest.String("article", "harbour-bridge"))); !strings.Contains(rep.Text(), "Removed: Harbour bridge") {
		t.Fatalf("remove through B: %s", rep.Text())
	}
	in, err := a.ep.SendAutocomplete("ask", discordtest.Where{}, discordtest.Focused("article", "harb"))
	if err != nil {
		t.Fatal(err)
	}
	if rep := waitReply(t, in); len(rep.Choices) != 0 {
		t.Errorf("A still offers the removed article: %+v", rep.Choices[0])
	}
	if rep := a.send(t, "articles", discordtest.Where{}); !strings.Contains(rep.Text(), "Articles I know (1)") {
		t.Errorf("A lists: %s", rep.Text())
	}
}

// TestServeRegistersCommands: with a token and the application's ID,
// Serve registers the command table (one bulk overwrite) before it
// listens, and returns nil when its context ends.
func TestServeRegistersCommands(t *testing.T) {
	srv := discordtest.New(t, discordtest.Options{})
	cfg, err := ServeConfigFromEnv(env(map[string]string{
		"DISCORD_PUBLIC_KEY": hex.EncodeToString(srv.PublicKey), "DISCORD_BASE_URL": srv.URL,
		"DISCORD_TOKEN": srv.Token, "DISCORD_APPLICATION_ID": srv.AppID, "DISCORD_GUILD_ID": srv.GuildID,
	}), "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, cfg, realEngine(t), discardLogger()) }()
	req, err := srv.WaitCommands(ctxFor(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if req.Route != discordtest.RouteGuildCommands || req.Header.Get("Authorization") != "Bot "+srv.Token {
		t.Errorf("registered through %s", req)
	}
	cmds, _ := srv.Commands()
	if len(cmds) != len(newApp(&stubEngine{}, discardLogger(), 1e9, 1e9).table) {
		t.Errorf("%d commands registered", len(cmds))
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Error("Serve did not return")
	}
}

// TestHTTPResponderReportsTheWrite: the first response's outcome is
// what InteractionRespond returns even when ServeHTTP has already
// returned by the time it looks (both ready at once; this once answered
// "the request ended" for a response that had been written).
func TestHTTPResponderReportsTheWrite(t *testing.T) {
	for range 2000 {
		resp := &httpResponder{first: make(chan *discordgo.InteractionResponse), written: make(chan error, 1), gone: make(chan struct{})}
		go func() {
			<-resp.first
			resp.written <- nil
			close(resp.gone)
		}()
		if err := resp.InteractionRespond(&discordgo.Interaction{}, &discordgo.InteractionResponse{}); err != nil {
			t.Fatalf("a written response reported as %v", err)
		}
	}
	resp := &httpResponder{first: make(chan *discordgo.InteractionResponse), written: make(chan error, 1), gone: make(chan struct{})}
	close(resp.gone)
	if err := resp.InteractionRespond(&discordgo.Interaction{}, &discordgo.InteractionResponse{}); !errors.Is(err, errGone) {
		t.Errorf("after the request ended: %v, want errGone", err)
	}
}
