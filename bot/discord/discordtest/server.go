// Package discordtest is a fake Discord for tests: the REST routes and the
// gateway websocket that github.com/bwmarrin/discordgo v0.29.0 uses, served
// on loopback by an httptest server.
//
// Point a bot at Server.URL (as its API base, DISCORD_BASE_URL) and token
// Server.Token. The fake records every REST request, lets a test dispatch
// interactions and messages over the gateway and wait for the bot's reply,
// drop the gateway connection, ask for a reconnect or invalidate the
// session, and make a REST route answer 429 once.
//
// It keeps Discord's rules that a bot can break: an interaction must be
// acknowledged once, within 3 seconds; a webhook edit needs an acknowledged
// interaction; bot routes need the "Bot <token>" authorization.
package discordtest

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Routes of the fake, as http.ServeMux patterns. RateLimitOnce and
// Request.Route use them.
const (
	RouteGateway             = "GET /api/v9/gateway"
	RouteGatewayBot          = "GET /api/v9/gateway/bot"
	RouteCurrentUser         = "GET /api/v9/users/@me"
	RouteGlobalCommands      = "PUT /api/v9/applications/{app}/commands"
	RouteGuildCommands       = "PUT /api/v9/applications/{app}/guilds/{guild}/commands"
	RouteInteractionCallback = "POST /api/v9/interactions/{id}/{token}/callback"
	RouteEditOriginal        = "PATCH /api/v9/webhooks/{app}/{token}/messages/@original"
	RouteDeleteOriginal      = "DELETE /api/v9/webhooks/{app}/{token}/messages/@original"
	RouteFollowup            = "POST /api/v9/webhooks/{app}/{token}"
	RouteChannelMessages     = "POST /api/v9/channels/{channel}/messages"
	RouteGetOriginal         = "GET /api/v9/webhooks/{app}/{token}/messages/@original"
	RouteStartThread         = "POST /api/v9/channels/{channel}/messages/{message}/threads"
)

// InteractionDeadline is how long Discord waits for an interaction's first
// response; the fake refuses later ones with "Unknown interaction". The
// fake counts it from when it delivered the interaction to the bot.
const InteractionDeadline = 3 * time.Second

// Options configure a Server. The zero value is fine.
type Options struct {
	Token     string // the bot token the fake accepts; default "fake-token.abc.123"
	AppID     string // application (and bot user) ID; default "100000000000000001"
	GuildID   string // the guild interactions and messages come from; default "200000000000000002"
	ChannelID string // their channel; default "300000000000000003"
	// HeartbeatInterval is sent in HELLO; default 1 s, so tests exercise
	// heartbeats.
	HeartbeatInterval time.Duration
}

// Request is one REST request the fake received.
type Request struct {
	Method string
	Path   string
	Query  string
	Route  string // the Route* pattern it matched; "" when none
	Header http.Header
	Body   []byte
	Status int // the status the fake answered
	At     time.Time
	// Interaction, for RouteEndpointResponse, is the ID of the
	// interaction the bot answered.
	Interaction string
}

// Decode unmarshals the request body into v.
func (r *Request) Decode(v any) error {
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("discordtest: decode %s %s: %w", r.Method, r.Path, err)
	}
	return nil
}

// OK reports whether the fake answered 2xx.
func (r *Request) OK() bool { return r.Status >= 200 && r.Status < 300 }

func (r *Request) String() string {
	return fmt.Sprintf("%s %s -> %d %s", r.Method, r.Path, r.Status, r.Body)
}

// Server is a fake Discord. Its methods are safe for concurrent use.
type Server struct {
	// URL is the API base to give the bot (DISCORD_BASE_URL), with a
	// trailing slash: discordgo appends "api/v9/".
	URL       string
	Token     string
	AppID     string
	BotUserID string
	GuildID   string
	ChannelID string
	// PublicKey is the application's public key (DISCORD_PUBLIC_KEY, in
	// hex): the fake signs what it POSTs to a bot's interactions
	// endpoint with the private half, as Discord does.
	PublicKey ed25519.PublicKey

	key       ed25519.PrivateKey
	heartbeat time.Duration
	hs        *httptest.Server

	mu           sync.Mutex
	changed      chan struct{} // closed and replaced whenever anything is recorded
	requests     []*Request
	rateLimits   map[string][]time.Duration // route -> pending 429s
	interactions map[string]*interaction    // by id
	byToken      map[string]*interaction
	commands     map[string]string // command name -> registered ID
	messages     map[string]*message
	channels     map[string]channel
	threads      []Thread
	files        map[string]File // attachments on the CDN, by ID
	gw           gateway
	lastID       uint64
}

// New starts a fake Discord and stops it when the test ends.
func New(tb testing.TB, opts Options) *Server {
	tb.Helper()
	s := &Server{
		Token:        or(opts.Token, "fake-token.abc.123"),
		AppID:        or(opts.AppID, "100000000000000001"),
		GuildID:      or(opts.GuildID, "200000000000000002"),
		ChannelID:    or(opts.ChannelID, "300000000000000003"),
		heartbeat:    opts.HeartbeatInterval,
		changed:      make(chan struct{}),
		rateLimits:   map[string][]time.Duration{},
		interactions: map[string]*interaction{},
		byToken:      map[string]*interaction{},
		commands:     map[string]string{},
		messages:     map[string]*message{},
		files:        map[string]File{},
	}
	s.BotUserID = s.AppID
	s.channels = map[string]channel{s.ChannelID: {kind: channelGuildText}, DMChannelID: {kind: channelDM}}
	var err error
	if s.PublicKey, s.key, err = ed25519.GenerateKey(rand.Reader); err != nil {
		tb.Fatalf("discordtest: key: %v", err)
	}
	if s.heartbeat <= 0 {
		s.heartbeat = time.Second
	}
	s.gw.sessions = map[string]*session{}
	s.gw.conns = map[*conn]struct{}{}

	mux := http.NewServeMux()
	s.handle(mux, RouteGateway, s.getGateway)
	s.handle(mux, RouteGatewayBot, s.getGatewayBot)
	s.handle(mux, RouteCurrentUser, s.getCurrentUser)
	s.handle(mux, RouteGlobalCommands, s.putCommands)
	s.handle(mux, RouteGuildCommands, s.putCommands)
	s.handle(mux, RouteInteractionCallback, s.postCallback)
	s.handle(mux, RouteEditOriginal, s.patchOriginal)
	s.handle(mux, RouteDeleteOriginal, s.deleteOriginal)
	s.handle(mux, RouteFollowup, s.postFollowup)
	s.handle(mux, RouteChannelMessages, s.postChannelMessage)
	s.handle(mux, RouteGetOriginal, s.getOriginal)
	s.handle(mux, RouteStartThread, s.startThread)
	s.handle(mux, "/api/", func(r *http.Request, _ []byte) (int, any) {
		return http.StatusNotFound, apiError(0, "404: Not Found")
	})
	mux.HandleFunc(RouteAttachment, s.serveAttachment)
	mux.HandleFunc("GET /gateway/", s.serveGateway)
	mux.HandleFunc("GET /gateway", s.serveGateway)

	s.hs = httptest.NewServer(mux)
	s.URL = s.hs.URL + "/"
	tb.Cleanup(s.Close)
	return s
}

// Close drops every gateway connection and stops the server.
func (s *Server) Close() {
	s.DropGateway()
	s.hs.CloseClientConnections()
	s.hs.Close()
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// discordEpoch is the start of Discord's snowflake clock, in Unix ms.
const discordEpoch = 1420070400000

// newID returns a fresh snowflake: its top bits are the time it was made,
// as Discord's are, so a bot can tell an interaction's age. Call with s.mu
// held.
func (s *Server) newID() string {
	id := uint64(time.Now().UnixMilli()-discordEpoch) << 22
	if id <= s.lastID {
		id = s.lastID + 1
	}
	s.lastID = id
	return strconv.FormatUint(id, 10)
}

func randomToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// notify wakes every waiter. Call with s.mu held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// restHandler answers a REST request with a status and a JSON body (nil for
// none).
type restHandler func(r *http.Request, body []byte) (int, any)

// handle registers h on route, recording every request and answering a
// pending 429 first.
func (s *Server) handle(mux *http.ServeMux, route string, h restHandler) {
	mux.HandleFunc(route, func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 32<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		rec := &Request{
			Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
			Header: r.Header.Clone(), Body: body, At: time.Now(),
		}
		if route != "/api/" {
			rec.Route = route
		}

		var status int
		var resp any
		s.mu.Lock()
		if pending := s.rateLimits[route]; len(pending) > 0 {
			s.rateLimits[route] = pending[1:]
			status, resp = http.StatusTooManyRequests, rateLimited(w, pending[0])
		}
		s.mu.Unlock()
		if status == 0 {
			if needsAuth(route) && r.Header.Get("Authorization") != "Bot "+s.Token {
				status, resp = http.StatusUnauthorized, apiError(0, "401: Unauthorized")
			} else {
				status, resp = h(r, body)
			}
		}
		rec.Status = status

		s.mu.Lock()
		s.requests = append(s.requests, rec)
		s.notify()
		s.mu.Unlock()

		if resp == nil {
			w.WriteHeader(status)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(resp)
	})
}

// needsAuth reports whether a route needs the bot token: GET /gateway
// needs none, and interaction callbacks and webhooks are authorised by the
// interaction token instead.
func needsAuth(route string) bool {
	return route != RouteGateway && !strings.Contains(route, "/interactions/") && !strings.Contains(route, "/webhooks/")
}

// rateLimited writes Discord's 429 headers and returns its 429 body.
func rateLimited(w http.ResponseWriter, after time.Duration) any {
	secs := after.Seconds()
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(secs))))
	w.Header().Set("X-RateLimit-Limit", "5")
	w.Header().Set("X-RateLimit-Remaining", "0")
	w.Header().Set("X-RateLimit-Reset-After", strconv.FormatFloat(secs, 'f', 3, 64))
	w.Header().Set("X-RateLimit-Scope", "user")
	w.Header().Set("X-RateLimit-Bucket", "fake-bucket")
	return map[string]any{"message": "You are being rate limited.", "retry_after": secs, "global": false}
}

func apiError(code int, msg string) any {
	return map[string]any{"code": code, "message": msg}
}

// RateLimitOnce makes the next request on route (a Route* constant) answer
// 429 Too Many Requests, with a Retry-After header, X-RateLimit headers and
// a JSON retry_after of after. Calls add up: two calls, two 429s.
func (s *Server) RateLimitOnce(route string, after time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rateLimits[route] = append(s.rateLimits[route], after)
}

// Requests returns every REST request recorded so far, in arrival order.
func (s *Server) Requests() []*Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Request(nil), s.requests...)
}

// WaitRequest waits until a recorded request satisfies match and returns
// the first that does. match sees each request once, in order.
func (s *Server) WaitRequest(ctx context.Context, match func(*Request) bool) (*Request, error) {
	var found *Request
	next := 0 // requests before next have been looked at
	err := s.waitFor(ctx, func() bool {
		for ; next < len(s.requests); next++ {
			if match(s.requests[next]) {
				found = s.requests[next]
				return true
			}
		}
		return false
	})
	return found, err
}

// waitFor waits until cond, called with s.mu held, is true.
func (s *Server) waitFor(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		s.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("discordtest: waiting: %w", ctx.Err())
		}
	}
}

func (s *Server) getGateway(r *http.Request, _ []byte) (int, any) {
	return http.StatusOK, map[string]any{"url": s.gatewayURL()}
}

func (s *Server) getGatewayBot(r *http.Request, _ []byte) (int, any) {
	return http.StatusOK, map[string]any{
		"url":    s.gatewayURL(),
		"shards": 1,
		"session_start_limit": map[string]any{
			"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1,
		},
	}
}

func (s *Server) gatewayURL() string {
	return "ws" + strings.TrimPrefix(s.hs.URL, "http") + "/gateway"
}

func (s *Server) getCurrentUser(r *http.Request, _ []byte) (int, any) {
	return http.StatusOK, s.botUser()
}

func (s *Server) botUser() map[string]any {
	return map[string]any{"id": s.BotUserID, "username": "articlebot", "discriminator": "0", "bot": true}
}

// putCommands is the bulk overwrite: it answers the commands with IDs.
func (s *Server) putCommands(r *http.Request, body []byte) (int, any) {
	if r.PathValue("app") != s.AppID {
		return http.StatusNotFound, apiError(10002, "Unknown Application")
	}
	var cmds []map[string]any
	if err := json.Unmarshal(body, &cmds); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error())
	}
	for i, c := range cmds {
		if err := checkCommand(c); err != nil {
			return http.StatusBadRequest, apiError(50035, fmt.Sprintf("Invalid Form Body: %d: %v", i, err))
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commands = map[string]string{}
	for _, c := range cmds {
		id := s.newID()
		c["id"] = id
		c["application_id"] = s.AppID
		c["version"] = id
		if g := r.PathValue("guild"); g != "" {
			c["guild_id"] = g
		}
		name, _ := c["name"].(string)
		s.commands[name] = id
	}
	return http.StatusOK, cmds
}

// Commands returns the commands of the last successful bulk overwrite, and
// how many bulk overwrites were made.
func (s *Server) Commands() (cmds []map[string]any, overwrites int) {
	for _, r := range s.Requests() {
		if (r.Route == RouteGlobalCommands || r.Route == RouteGuildCommands) && r.OK() {
			overwrites++
			cmds = nil
			_ = r.Decode(&cmds)
		}
	}
	return cmds, overwrites
}

// WaitCommands waits for the bot's first successful bulk overwrite of its
// commands and returns its request.
func (s *Server) WaitCommands(ctx context.Context) (*Request, error) {
	return s.WaitRequest(ctx, func(r *Request) bool {
		return (r.Route == RouteGlobalCommands || r.Route == RouteGuildCommands) && r.OK()
	})
}

func (s *Server) postCallback(r *http.Request, body []byte) (int, any) {
	var resp struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error())
	}
	now := time.Now() // when the acknowledgement arrived, before waiting for the lock
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[r.PathValue("id")]
	if in == nil || in.token != r.PathValue("token") {
		return http.StatusNotFound, apiError(10062, "Unknown interaction")
	}
	if in.age(now) > InteractionDeadline {
		in.late = true
		return http.StatusNotFound, apiError(10062, "Unknown interaction")
	}
	if !in.acked.IsZero() {
		return http.StatusBadRequest, apiError(40060, "Interaction has already been acknowledged.")
	}
	if err := checkCallback(resp.Type, resp.Data); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error())
	}
	s.acknowledge(in, now, resp.Type, resp.Data)
	return http.StatusNoContent, nil
}

// acknowledge records an interaction's first response, at now: a
// callback, or the bot's HTTP response to a POSTed interaction. A message
// (4) or a deferral (5) makes the interaction's original response. Call
// with s.mu held.
func (s *Server) acknowledge(in *interaction, now time.Time, typ int, data json.RawMessage) {
	in.acked, in.ackType = now, typ
	if typ == 4 || typ == 5 {
		s.recordOriginal(in, data)
	}
}

// checkCallback checks an interaction response (a callback's body, or
// the bot's HTTP response to a POSTed interaction): a known type, and a
// message within Discord's limits.
func checkCallback(typ int, data json.RawMessage) error {
	switch typ {
	case 4, 7, 8:
		return checkMessage(data)
	case 5, 6, 9:
		return nil
	}
	return errors.New("type")
}

// webhookInteraction finds the acknowledged interaction behind a webhook
// route. For one POSTed to the bot's endpoint, it first waits for the
// bot's HTTP response to be read: the bot may start its follow-up as soon
// as it has written the response, before the fake has read it.
func (s *Server) webhookInteraction(r *http.Request) (*interaction, int, any) {
	s.mu.Lock()
	in := s.byToken[r.PathValue("token")]
	var responded chan struct{}
	if in != nil {
		responded = in.responded
	}
	s.mu.Unlock()
	if responded != nil {
		select {
		case <-responded:
		case <-time.After(InteractionDeadline):
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	in = s.byToken[r.PathValue("token")]
	if in == nil || r.PathValue("app") != s.AppID {
		return nil, http.StatusNotFound, apiError(10015, "Unknown Webhook")
	}
	if in.acked.IsZero() {
		return nil, http.StatusNotFound, apiError(10015, "Unknown Webhook")
	}
	return in, 0, nil
}

func (s *Server) patchOriginal(r *http.Request, body []byte) (int, any) {
	in, status, resp := s.webhookInteraction(r)
	if in == nil {
		return status, resp
	}
	if err := checkMessage(body); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error())
	}
	s.mu.Lock()
	s.recordOriginal(in, body)
	m := s.messages[in.original].json()
	s.mu.Unlock()
	var edit map[string]any
	_ = json.Unmarshal(body, &edit)
	for k, v := range edit {
		if k != "allowed_mentions" {
			m[k] = v
		}
	}
	m["type"] = 20
	return http.StatusOK, m
}

func (s *Server) deleteOriginal(r *http.Request, body []byte) (int, any) {
	in, status, resp := s.webhookInteraction(r)
	if in == nil {
		return status, resp
	}
	return http.StatusNoContent, nil
}

func (s *Server) postFollowup(r *http.Request, body []byte) (int, any) {
	in, status, resp := s.webhookInteraction(r)
	if in == nil {
		return status, resp
	}
	status, msg := s.messageResponse(in.channelID, body)
	if r.URL.Query().Get("wait") != "true" && status == http.StatusOK {
		return http.StatusNoContent, nil
	}
	return status, msg
}

func (s *Server) postChannelMessage(r *http.Request, body []byte) (int, any) {
	return s.messageResponse(r.PathValue("channel"), body)
}

// messageResponse checks a message body and answers it as a created message.
func (s *Server) messageResponse(channelID string, body []byte) (int, any) {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error())
	}
	if err := checkMessage(body); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error())
	}
	if ref, ok := m["message_reference"].(map[string]any); ok {
		if id, _ := ref["message_id"].(string); id == "" {
			return http.StatusBadRequest, apiError(50035, "Invalid Form Body: message_reference.message_id is required")
		}
	}
	s.mu.Lock()
	if !s.knownChannel(channelID) {
		s.mu.Unlock()
		return http.StatusNotFound, apiError(10003, "Unknown Channel")
	}
	id := s.newID()
	content, _ := m["content"].(string)
	flags, _ := m["flags"].(float64)
	s.remember(&message{id: id, channelID: channelID, author: s.botUser(), content: content, flags: int(flags)})
	s.mu.Unlock()
	m["id"] = id
	m["channel_id"] = channelID
	m["author"] = s.botUser()
	m["timestamp"] = time.Now().UTC().Format(time.RFC3339)
	m["type"] = 0
	delete(m, "allowed_mentions")
	if ref, ok := m["message_reference"].(map[string]any); ok {
		m["type"] = 19 // reply
		m["message_reference"] = ref
	}
	return http.StatusOK, m
}

// checkMessage enforces Discord's message limits on a message body.
func checkMessage(body []byte) error {
	var m Reply
	if err := json.Unmarshal(body, &m); err != nil {
		return err
	}
	return m.CheckLimits()
}
