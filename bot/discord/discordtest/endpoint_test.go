package discordtest

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestEndpointSignsAndRecords: what the fake POSTs verifies with its
// public key, carries Discord's shape (attachments resolved, the member's
// permissions as a string, subcommands nested), and the bot's response is
// recorded as the interaction's first; a webhook edit then works.
func TestEndpointSignsAndRecords(t *testing.T) {
	s := New(t, Options{})
	var got map[string]any
	bot := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		sig, _ := hex.DecodeString(r.Header.Get("X-Signature-Ed25519"))
		if !ed25519.Verify(s.PublicKey, append([]byte(r.Header.Get("X-Signature-Timestamp")), body...), sig) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		json.Unmarshal(body, &got)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"type":5}`))
	}))
	defer bot.Close()
	ep := s.Endpoint(bot.URL)
	if status, _, err := ep.Ping(context.Background()); err != nil || status != 200 {
		t.Fatalf("ping: %d %v", status, err)
	}
	in, err := ep.SendCommand("article", Where{Permissions: PermissionsManager},
		Subcommand("add", Attachment("file", File{Name: "story.md", Data: []byte("# Title\n\nText.")})))
	if err != nil {
		t.Fatal(err)
	}
	if _, typ, late, ok := in.Ack(); !ok || late || typ != 5 {
		t.Errorf("ack: type %d, late %v, ok %v", typ, late, ok)
	}
	if perms := got["member"].(map[string]any)["permissions"]; perms != PermissionsManager {
		t.Errorf("permissions %v", perms)
	}
	data := got["data"].(map[string]any)
	sub := data["options"].([]any)[0].(map[string]any)
	file := sub["options"].([]any)[0].(map[string]any)
	att := data["resolved"].(map[string]any)["attachments"].(map[string]any)[file["value"].(string)].(map[string]any)
	if sub["name"] != "add" || att["filename"] != "story.md" || att["size"] != float64(14) || att["content_type"] != "text/markdown; charset=utf-8" {
		t.Errorf("payload %v / %v", sub, att)
	}
	resp, err := http.Get(att["url"].(string))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != "# Title\n\nText." {
		t.Errorf("CDN served %q", b)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	edit := map[string]any{"content": "done", "allowed_mentions": map[string]any{"parse": []any{}}}
	if code, _, _ := do(t, s, "PATCH", "/api/v9/webhooks/"+s.AppID+"/"+in.Token+"/messages/@original", "", edit); code != 200 {
		t.Errorf("edit after the HTTP response: %d", code)
	}
	rep, err := in.Wait(ctx)
	if err != nil || !rep.Deferred || rep.Content != "done" {
		t.Errorf("Wait = %+v, %v", rep, err)
	}
}
