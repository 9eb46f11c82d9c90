package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// The fake keeps Discord's rules; these tests talk to it with plain HTTP
// and a raw websocket, without discordgo.

func do(t *testing.T, s *Server, method, path, auth string, body any) (int, http.Header, map[string]any) {
	t.Helper()
	var rd bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = *bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, strings.TrimSuffix(s.URL, "/")+path, &rd)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, resp.Header, out
}

// gatewayClient connects, identifies and reads READY.
func gatewayClient(t *testing.T, s *Server) *websocket.Conn {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial(s.gatewayURL()+"/?v=9&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	var hello payload
	if err := ws.ReadJSON(&hello); err != nil || hello.Op != opHello {
		t.Fatalf("hello: %+v %v", hello, err)
	}
	if err := ws.WriteJSON(map[string]any{"op": opIdentify, "d": map[string]any{"token": "Bot " + s.Token, "intents": 513}}); err != nil {
		t.Fatal(err)
	}
	var ready payload
	if err := ws.ReadJSON(&ready); err != nil || ready.T == nil || *ready.T != "READY" || *ready.S != 1 {
		t.Fatalf("ready: %+v %v", ready, err)
	}
	return ws
}

func TestRESTRules(t *testing.T) {
	s := New(t, Options{})
	bot := "Bot " + s.Token

	if code, _, _ := do(t, s, "GET", "/api/v9/gateway/bot", "Bot wrong", nil); code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", code)
	}
	if code, _, body := do(t, s, "GET", "/api/v9/gateway", bot, nil); code != 200 || !strings.HasPrefix(body["url"].(string), "ws://") {
		t.Errorf("gateway: %d %v", code, body)
	}
	if code, _, _ := do(t, s, "GET", "/api/v9/nowhere", bot, nil); code != http.StatusNotFound {
		t.Errorf("unknown route: %d", code)
	}

	gatewayClient(t, s)
	in, err := s.SendCommand("ask", Where{}, String("question", "q"))
	if err != nil {
		t.Fatal(err)
	}
	cb := "/api/v9/interactions/" + in.ID + "/" + in.Token + "/callback"
	msg := map[string]any{"type": 4, "data": map[string]any{"content": strings.Repeat("x", 2001)}}
	if code, _, _ := do(t, s, "POST", cb, "", msg); code != http.StatusBadRequest {
		t.Errorf("2,001 characters accepted: %d", code)
	}
	s.RateLimitOnce(RouteInteractionCallback, 250*time.Millisecond)
	ok := map[string]any{"type": 4, "data": map[string]any{"content": "hi", "allowed_mentions": map[string]any{"parse": []any{}}}}
	code, h, body := do(t, s, "POST", cb, "", ok)
	if code != http.StatusTooManyRequests || h.Get("Retry-After") != "1" || body["retry_after"].(float64) != 0.25 || h.Get("X-RateLimit-Reset-After") != "0.250" {
		t.Errorf("429: %d %v %v", code, h, body)
	}
	if code, _, _ := do(t, s, "POST", cb, "", ok); code != http.StatusNoContent {
		t.Errorf("first ack: %d", code)
	}
	if code, _, body := do(t, s, "POST", cb, "", ok); code != http.StatusBadRequest || body["code"].(float64) != 40060 {
		t.Errorf("second ack: %d %v", code, body)
	}
	rep, err := in.Wait(context.Background())
	if err != nil || rep.Content != "hi" {
		t.Errorf("Wait = %+v, %v", rep, err)
	}
	if code, _, _ := do(t, s, "PATCH", "/api/v9/webhooks/"+s.AppID+"/nope/messages/@original", "", ok["data"]); code != http.StatusNotFound {
		t.Errorf("edit of an unknown interaction: %d", code)
	}
	if code, _, _ := do(t, s, "PATCH", "/api/v9/webhooks/"+s.AppID+"/"+in.Token+"/messages/@original", "", ok["data"]); code != 200 {
		t.Errorf("edit: %d", code)
	}
}

func TestGatewayResumeReplays(t *testing.T) {
	s := New(t, Options{})
	ws := gatewayClient(t, s)
	s.mu.Lock()
	sessionID := s.gw.live.id
	s.mu.Unlock()

	if _, err := s.SendMessage(MessageSpec{Content: "one", DM: true}); err != nil {
		t.Fatal(err)
	}
	var first payload
	if err := ws.ReadJSON(&first); err != nil || *first.S != 2 {
		t.Fatalf("first dispatch: %+v %v", first, err)
	}
	s.DropGateway()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := s.WaitGateway(ctx, func(st GatewayStats) bool { return !st.Connected }); err != nil {
		t.Fatal(err)
	}
	// Missed while away.
	if _, err := s.SendMessage(MessageSpec{Content: "two", DM: true}); err != nil {
		t.Fatal(err)
	}

	ws2, _, err := websocket.DefaultDialer.Dial(s.gatewayURL()+"/", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws2.Close()
	var hello payload
	_ = ws2.ReadJSON(&hello)
	if err := ws2.WriteJSON(map[string]any{"op": opResume, "d": map[string]any{"token": "Bot " + s.Token, "session_id": sessionID, "seq": 2}}); err != nil {
		t.Fatal(err)
	}
	var replay, resumed payload
	if err := ws2.ReadJSON(&replay); err != nil || *replay.T != "MESSAGE_CREATE" || *replay.S != 3 || !strings.Contains(string(replay.D), `"two"`) {
		t.Fatalf("replay: %+v %s %v", replay, replay.D, err)
	}
	if err := ws2.ReadJSON(&resumed); err != nil || *resumed.T != "RESUMED" || *resumed.S != 4 {
		t.Fatalf("resumed: %+v %v", resumed, err)
	}
	if err := ws2.WriteJSON(map[string]any{"op": opHeartbeat, "d": 4}); err != nil {
		t.Fatal(err)
	}
	var ack payload
	if err := ws2.ReadJSON(&ack); err != nil || ack.Op != opHeartbeatACK {
		t.Fatalf("heartbeat ack: %+v %v", ack, err)
	}
	if st := s.Stats(); st.Resumes != 1 || st.Identifies != 1 || !st.Connected || st.Heartbeats != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestMessageContentBlankedWithoutIntent(t *testing.T) {
	s := New(t, Options{})
	ws := gatewayClient(t, s) // intents 513: no MESSAGE_CONTENT
	if _, err := s.SendMessage(MessageSpec{Content: "secret chatter"}); err != nil {
		t.Fatal(err)
	}
	var p payload
	if err := ws.ReadJSON(&p); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(p.D), "secret chatter") {
		t.Errorf("content sent without the intent: %s", p.D)
	}
}
