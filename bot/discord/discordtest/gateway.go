package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opResume         = 6
	opReconnect      = 7
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatACK   = 11
)

// GatewayStats counts what happened on the fake's gateway.
type GatewayStats struct {
	Connections int   // websocket connections accepted
	Identifies  int   // IDENTIFY (op 2) received
	Resumes     int   // successful RESUMEs (op 6)
	Heartbeats  int   // heartbeats (op 1) received and ACKed
	Connected   bool  // a session is attached to a live connection
	Intents     int64 // the intents of the last IDENTIFY
	Dispatched  int   // dispatches sent, replays included
	Shard       []int // the shard of the last IDENTIFY ([id, count]); nil when it named none
}

// gateway is the fake's gateway state, guarded by Server.mu.
type gateway struct {
	sessions   map[string]*session
	live       *session // the session new events go to: the last identified or resumed
	conns      map[*conn]struct{}
	stats      GatewayStats
	failResume int // RESUMEs to refuse with op 9
}

// session is a gateway session: its sequence and the events sent in it, so
// a RESUME can replay what a dropped connection missed.
type session struct {
	id     string
	sendMu sync.Mutex // held while a dispatch is numbered and written, so frames go out in sequence order

	// Guarded by Server.mu.
	seq     int64
	history []frame
	conn    *conn
	intents int64
}

type frame struct {
	seq     int64
	data    []byte
	written func(time.Time) // called after each write of the frame to the bot; may be nil
}

// wrote tells the frame's watcher it was written at t.
func (f frame) wrote(t time.Time) {
	if f.written != nil {
		f.written(t)
	}
}

// conn is one websocket connection to the bot.
type conn struct {
	ws  *websocket.Conn
	wmu sync.Mutex
}

func (c *conn) write(b []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteMessage(websocket.TextMessage, b)
}

func (c *conn) writeJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.write(b)
}

type payload struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s"`
	T  *string         `json:"t"`
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &conn{ws: ws}
	s.mu.Lock()
	s.gw.conns[c] = struct{}{}
	s.gw.stats.Connections++
	s.notify()
	s.mu.Unlock()
	defer func() {
		ws.Close()
		s.detach(c)
	}()

	// discordgo asks for zlib ("accept-encoding: zlib", compress: true) but
	// reads plain text frames too; the fake sends only those.
	hello, _ := json.Marshal(map[string]any{"heartbeat_interval": s.heartbeat.Milliseconds()})
	if err := c.writeJSON(payload{Op: opHello, D: hello}); err != nil {
		return
	}
	for {
		_, msg, err := ws.ReadMessage()
		if err != nil {
			return
		}
		var p payload
		if err := json.Unmarshal(msg, &p); err != nil {
			_ = ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4002, "Decode error"), time.Now().Add(time.Second))
			return
		}
		switch p.Op {
		case opHeartbeat:
			s.mu.Lock()
			s.gw.stats.Heartbeats++
			s.notify()
			s.mu.Unlock()
			if err := c.writeJSON(payload{Op: opHeartbeatACK}); err != nil {
				return
			}
		case opIdentify:
			if !s.identify(c, p.D) {
				return
			}
		case opResume:
			if !s.resume(c, p.D) {
				return
			}
		default:
			// Presence updates, member requests, voice: not modelled.
		}
	}
}

// detach forgets a closed connection.
func (s *Server) detach(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.gw.conns, c)
	for _, sess := range s.gw.sessions {
		if sess.conn == c {
			sess.conn = nil
		}
	}
	s.gw.stats.Connected = s.gw.live != nil && s.gw.live.conn != nil
	s.notify()
}

func (s *Server) authFail(c *conn) {
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."), time.Now().Add(time.Second))
}

// identify starts a new session on c and sends READY.
func (s *Server) identify(c *conn, d json.RawMessage) bool {
	var id struct {
		Token   string `json:"token"`
		Intents int64  `json:"intents"`
		Shard   []int  `json:"shard"`
	}
	if err := json.Unmarshal(d, &id); err != nil || id.Token != "Bot "+s.Token {
		s.authFail(c)
		return false
	}
	sess := &session{id: randomToken(), intents: id.Intents}
	sess.sendMu.Lock()
	defer sess.sendMu.Unlock()
	s.mu.Lock()
	for _, old := range s.gw.sessions {
		if old.conn == c {
			old.conn = nil
		}
	}
	s.gw.sessions[sess.id] = sess
	s.gw.live = sess
	sess.conn = c
	s.gw.stats.Identifies++
	s.gw.stats.Intents = id.Intents
	s.gw.stats.Shard = id.Shard
	s.mu.Unlock()
	shard := []int{0, 1}
	if len(id.Shard) == 2 {
		shard = id.Shard
	}

	ready := map[string]any{
		"v":                  9,
		"session_id":         sess.id,
		"resume_gateway_url": s.gatewayURL(),
		"user":               s.botUser(),
		"application":        map[string]any{"id": s.AppID, "flags": 0},
		"guilds":             []any{map[string]any{"id": s.GuildID, "unavailable": true}},
		"private_channels":   []any{},
		"shard":              shard,
	}
	err := s.sendLocked(sess, "READY", ready, nil)

	s.mu.Lock()
	s.gw.stats.Connected = sess.conn != nil
	s.notify()
	s.mu.Unlock()
	return err == nil
}

// resume reattaches a session to c, replays the events it missed and sends
// RESUMED; an unknown session gets op 9 (not resumable).
func (s *Server) resume(c *conn, d json.RawMessage) bool {
	var rp struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(d, &rp); err != nil || rp.Token != "Bot "+s.Token {
		s.authFail(c)
		return false
	}
	s.mu.Lock()
	sess := s.gw.sessions[rp.SessionID]
	refuse := sess == nil || s.gw.failResume > 0
	if refuse && s.gw.failResume > 0 {
		s.gw.failResume--
	}
	s.mu.Unlock()
	if refuse {
		f, _ := json.Marshal(payload{Op: opInvalidSession, D: json.RawMessage("false")})
		return c.write(f) == nil
	}

	sess.sendMu.Lock()
	defer sess.sendMu.Unlock()
	s.mu.Lock()
	sess.conn = c
	s.gw.live = sess
	var missed []frame
	for _, f := range sess.history {
		if f.seq > rp.Seq {
			missed = append(missed, f)
		}
	}
	s.gw.stats.Resumes++
	s.gw.stats.Dispatched += len(missed)
	s.mu.Unlock()

	for _, f := range missed {
		if err := c.write(f.data); err != nil {
			return false
		}
		f.wrote(time.Now())
	}
	err := s.sendLocked(sess, "RESUMED", map[string]any{}, nil)
	s.mu.Lock()
	s.gw.stats.Connected = sess.conn != nil
	s.notify()
	s.mu.Unlock()
	return err == nil
}

// Dispatch sends an event (op 0) with the next sequence number on the live
// session. When its connection is down the event waits in the session's
// history and is replayed on RESUME, as Discord does.
func (s *Server) Dispatch(event string, data any) error {
	return s.dispatch(event, data, nil)
}

// dispatch is Dispatch, calling written (when not nil) once the event is
// written to the bot's connection.
func (s *Server) dispatch(event string, data any, written func(time.Time)) error {
	s.mu.Lock()
	sess := s.gw.live
	s.mu.Unlock()
	if sess == nil {
		return fmt.Errorf("discordtest: dispatch %s: %w (has the bot identified?)", event, ErrNoSession)
	}
	sess.sendMu.Lock()
	defer sess.sendMu.Unlock()
	return s.sendLocked(sess, event, data, written)
}

// sendLocked numbers and sends one dispatch. Call with sess.sendMu held.
func (s *Server) sendLocked(sess *session, event string, data any, written func(time.Time)) error {
	d, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("discordtest: dispatch %s: %w", event, err)
	}
	s.mu.Lock()
	sess.seq++
	seq := sess.seq
	f, _ := json.Marshal(payload{Op: opDispatch, D: d, S: &seq, T: &event})
	fr := frame{seq: seq, data: f, written: written}
	sess.history = append(sess.history, fr)
	c := sess.conn
	s.gw.stats.Dispatched++
	s.mu.Unlock()
	if c == nil {
		return nil // replayed on resume
	}
	if err := c.write(f); err != nil {
		// The connection is going away; the event stays in the history.
		return nil
	}
	fr.wrote(time.Now())
	return nil
}

// DropGateway cuts every gateway connection without a close frame, as a
// network failure would, and reports how many there were. Sessions survive
// and can be resumed.
func (s *Server) DropGateway() int {
	s.mu.Lock()
	conns := make([]*conn, 0, len(s.gw.conns))
	for c := range s.gw.conns {
		conns = append(conns, c)
	}
	for _, sess := range s.gw.sessions {
		sess.conn = nil
	}
	s.gw.stats.Connected = false
	s.notify()
	s.mu.Unlock()
	for _, c := range conns {
		_ = c.ws.UnderlyingConn().Close()
	}
	return len(conns)
}

// SendReconnect sends op 7 (reconnect) on every live connection: the bot
// should close, reconnect and resume.
func (s *Server) SendReconnect() error {
	return s.sendOp(payload{Op: opReconnect})
}

// InvalidateSession sends op 9 (invalid session, not resumable) on every
// live connection: the bot should identify again.
func (s *Server) InvalidateSession() error {
	return s.sendOp(payload{Op: opInvalidSession, D: json.RawMessage("false")})
}

// FailNextResume makes the next RESUME fail with op 9, so the bot must
// identify again.
func (s *Server) FailNextResume() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gw.failResume++
}

func (s *Server) sendOp(p payload) error {
	s.mu.Lock()
	conns := make([]*conn, 0, len(s.gw.conns))
	for c := range s.gw.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	if len(conns) == 0 {
		return errors.New("discordtest: no gateway connection")
	}
	for _, c := range conns {
		if err := c.writeJSON(p); err != nil {
			return fmt.Errorf("discordtest: send op %d: %w", p.Op, err)
		}
	}
	return nil
}

// Stats returns the gateway counters.
func (s *Server) Stats() GatewayStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gw.stats
}

// WaitGateway waits until cond holds for the gateway counters.
func (s *Server) WaitGateway(ctx context.Context, cond func(GatewayStats) bool) (GatewayStats, error) {
	var st GatewayStats
	err := s.waitFor(ctx, func() bool {
		st = s.gw.stats
		return cond(st)
	})
	return st, err
}

// WaitReady waits until the bot has a gateway session on a live connection.
func (s *Server) WaitReady(ctx context.Context) error {
	_, err := s.WaitGateway(ctx, func(st GatewayStats) bool { return st.Connected })
	return err
}
