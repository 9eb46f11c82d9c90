package discordtest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// RouteEndpointResponse marks a recorded Request that is no REST call of
// the bot's but its HTTP response to an interaction the fake POSTed to the
// bot's interactions endpoint: Body is the response body, Status the
// bot's status, Interaction the interaction's ID.
const RouteEndpointResponse = "RESPONSE from the interactions endpoint"

// Endpoint is a bot's interactions endpoint (the Interactions Endpoint
// URL of the developer portal): the fake POSTs interactions to it instead
// of dispatching them over the gateway, signed with its key as Discord
// signs them (Ed25519 over the X-Signature-Timestamp header and the body,
// in X-Signature-Ed25519), and takes the HTTP response as the
// interaction's first response, within InteractionDeadline. Follow-ups go
// through the fake's webhook routes as for the gateway.
type Endpoint struct {
	URL    string
	srv    *Server
	client *http.Client
}

// Endpoint returns the bot's endpoint at u.
func (s *Server) Endpoint(u string) *Endpoint {
	return &Endpoint{URL: u, srv: s, client: &http.Client{Timeout: 2 * InteractionDeadline}}
}

// SendCommand POSTs a slash command interaction (type 2).
func (e *Endpoint) SendCommand(name string, w Where, opts ...Option) (*Interaction, error) {
	return e.srv.sendCommand(e.post, name, w, opts...)
}

// SendAutocomplete POSTs an autocomplete interaction (type 4).
func (e *Endpoint) SendAutocomplete(name string, w Where, opts ...Option) (*Interaction, error) {
	return e.srv.sendAutocomplete(e.post, name, w, opts...)
}

// SendButton POSTs a button click (type 3).
func (e *Endpoint) SendButton(customID string, flags discordgo.MessageFlags, w Where) (*Interaction, error) {
	return e.srv.sendButton(e.post, customID, flags, w)
}

// SendMessageCommand POSTs a message command used on target (see
// Server.SendMessageCommand).
func (e *Endpoint) SendMessageCommand(name string, target *Message, w Where) (*Interaction, error) {
	return e.srv.sendMessageCommand(e.post, name, target, w)
}

// Ping POSTs a PING (type 1), as Discord does when the endpoint URL is
// saved, and returns the bot's status and body.
func (e *Endpoint) Ping(ctx context.Context) (int, []byte, error) {
	body, _ := json.Marshal(map[string]any{"id": "1", "application_id": e.srv.AppID, "type": 1, "token": "ping", "version": 1})
	return e.srv.SignedPost(ctx, e.client, e.URL, body, time.Now())
}

// Sign is the X-Signature-Ed25519 header of body sent at timestamp.
func (s *Server) Sign(timestamp string, body []byte) string {
	return hex.EncodeToString(ed25519.Sign(s.key, append([]byte(timestamp), body...)))
}

// SignedPost POSTs body to u as Discord POSTs an interaction sent at t,
// and returns the status and body of the answer.
func (s *Server) SignedPost(ctx context.Context, c *http.Client, u string, body []byte, t time.Time) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	ts := strconv.FormatInt(t.Unix(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", s.Sign(ts, body))
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	return resp.StatusCode, b, err
}

// post delivers an interaction to the endpoint and records the answer as
// its first response.
func (e *Endpoint) post(in *interaction, p map[string]any) error {
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	s := e.srv
	s.mu.Lock()
	in.responded = make(chan struct{})
	s.mu.Unlock()
	defer close(in.responded)
	sent := time.Now()
	s.deliver(in, sent)
	ctx, cancel := context.WithTimeout(context.Background(), 2*InteractionDeadline)
	defer cancel()
	status, resp, err := s.SignedPost(ctx, e.client, e.URL, body, sent)
	now := time.Now()
	if err != nil {
		return fmt.Errorf("discordtest: POST interaction to %s: %w", e.URL, err)
	}
	path := e.URL
	if u, err := url.Parse(e.URL); err == nil {
		path = u.Path
	}
	rec := &Request{Method: http.MethodPost, Path: path, Route: RouteEndpointResponse, Body: resp, Status: status, At: now, Interaction: in.id}
	var cb struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, rec)
	s.notify()
	switch {
	case status != http.StatusOK:
		return fmt.Errorf("discordtest: the endpoint answered %d: %s", status, resp)
	case json.Unmarshal(resp, &cb) != nil:
		return fmt.Errorf("discordtest: the endpoint answered no JSON: %s", resp)
	case checkCallback(cb.Type, cb.Data) != nil:
		return fmt.Errorf("discordtest: the endpoint answered an invalid response: %v: %s", checkCallback(cb.Type, cb.Data), resp)
	case in.age(now) > InteractionDeadline:
		in.late = true
		return fmt.Errorf("discordtest: the endpoint answered after %v", in.age(now))
	}
	s.acknowledge(in, now, cb.Type, cb.Data)
	return nil
}
