package discordtest

import (
	"net/http"
	"strings"
	"testing"
)

// TestThreadRules: starting a thread from a message keeps Discord's rules
// for create_thread_from_message, and GET @original returns the response.
func TestThreadRules(t *testing.T) {
	s := New(t, Options{})
	bot := "Bot " + s.Token
	gatewayClient(t, s)
	in, err := s.SendCommand("brief", Where{})
	if err != nil {
		t.Fatal(err)
	}
	original := "/api/v9/webhooks/" + s.AppID + "/" + in.Token + "/messages/@original"
	if code, _, _ := do(t, s, "GET", original, "", nil); code != http.StatusNotFound {
		t.Errorf("original before any response: %d", code)
	}
	cb := "/api/v9/interactions/" + in.ID + "/" + in.Token + "/callback"
	if code, _, _ := do(t, s, "POST", cb, "", map[string]any{"type": 4, "data": map[string]any{"content": "brief"}}); code != http.StatusNoContent {
		t.Fatalf("callback: %d", code)
	}
	code, _, m := do(t, s, "GET", original, "", nil)
	if code != 200 || m["content"] != "brief" || m["channel_id"] != s.ChannelID || in.OriginalID() == "" || m["id"] != in.OriginalID() {
		t.Fatalf("original: %d %v", code, m)
	}
	msgID := m["id"].(string)
	threads := "/api/v9/channels/" + s.ChannelID + "/messages/" + msgID + "/threads"
	for name, c := range map[string]struct {
		path string
		body map[string]any
		code int
	}{
		"no name":          {threads, map[string]any{"auto_archive_duration": 1440}, 400},
		"long name":        {threads, map[string]any{"name": strings.Repeat("n", 101)}, 400},
		"bad archive":      {threads, map[string]any{"name": "n", "auto_archive_duration": 30}, 400},
		"bad rate limit":   {threads, map[string]any{"name": "n", "rate_limit_per_user": 21601}, 400},
		"unknown message":  {"/api/v9/channels/" + s.ChannelID + "/messages/1/threads", map[string]any{"name": "n"}, 404},
		"unknown channel":  {"/api/v9/channels/9/messages/" + msgID + "/threads", map[string]any{"name": "n"}, 404},
		"a DM":             {"/api/v9/channels/" + DMChannelID + "/messages/" + msgID + "/threads", map[string]any{"name": "n"}, 400},
		"no authorization": {threads, map[string]any{"name": "n"}, 401},
	} {
		auth := bot
		if name == "no authorization" {
			auth = ""
		}
		if code, _, body := do(t, s, "POST", c.path, auth, c.body); code != c.code {
			t.Errorf("%s: %d %v, want %d", name, code, body, c.code)
		}
	}
	code, _, th := do(t, s, "POST", threads, bot, map[string]any{"name": "Brief: Article", "auto_archive_duration": 1440})
	if code != http.StatusCreated || th["id"] != msgID || th["type"].(float64) != 11 || th["parent_id"] != s.ChannelID {
		t.Fatalf("thread: %d %v", code, th)
	}
	if got := s.Threads(); len(got) != 1 || got[0].AutoArchiveDuration != 1440 || got[0].Name != "Brief: Article" {
		t.Errorf("Threads() = %+v", got)
	}
	if code, _, body := do(t, s, "POST", threads, bot, map[string]any{"name": "again"}); code != 400 || body["code"].(float64) != 160004 {
		t.Errorf("second thread: %d %v", code, body)
	}
	// The thread is a channel now: messages go there, threads do not.
	if code, _, _ := do(t, s, "POST", "/api/v9/channels/"+msgID+"/messages", bot, map[string]any{"content": "hi"}); code != 200 {
		t.Errorf("message in the thread: %d", code)
	}
	if code, _, _ := do(t, s, "POST", "/api/v9/channels/777/messages", bot, map[string]any{"content": "hi"}); code != 404 {
		t.Errorf("message in an unknown channel: %d", code)
	}
	if _, err := s.SendMessage(MessageSpec{Content: "in the thread", Channel: msgID}); err != nil {
		t.Errorf("user message in the thread: %v", err)
	}
}

// TestEphemeralMessagesHaveNoThreads: an ephemeral response cannot have a
// thread.
func TestEphemeralMessagesHaveNoThreads(t *testing.T) {
	s := New(t, Options{})
	gatewayClient(t, s)
	in, err := s.SendCommand("brief", Where{})
	if err != nil {
		t.Fatal(err)
	}
	do(t, s, "POST", "/api/v9/interactions/"+in.ID+"/"+in.Token+"/callback", "", map[string]any{"type": 4, "data": map[string]any{"content": "x", "flags": 64}})
	path := "/api/v9/channels/" + s.ChannelID + "/messages/" + in.OriginalID() + "/threads"
	if code, _, _ := do(t, s, "POST", path, "Bot "+s.Token, map[string]any{"name": "n"}); code != 404 {
		t.Errorf("thread on an ephemeral message: %d", code)
	}
}

// TestCommandRules: a bulk overwrite is refused when a command breaks
// Discord's rules.
func TestCommandRules(t *testing.T) {
	s := New(t, Options{})
	bot := "Bot " + s.Token
	path := "/api/v9/applications/" + s.AppID + "/commands"
	ok := map[string]any{"name": "ask", "description": "Ask", "contexts": []int{0, 1, 2}, "integration_types": []int{0, 1}}
	for name, c := range map[string]struct {
		cmd  map[string]any
		code int
	}{
		"fine":                   {ok, 200},
		"menu command":           {map[string]any{"name": "Ask articlebot", "type": 3}, 200},
		"upper case slash":       {map[string]any{"name": "Ask", "description": "x"}, 400},
		"no description":         {map[string]any{"name": "ask"}, 400},
		"menu with description":  {map[string]any{"name": "Ask articlebot", "type": 3, "description": "x"}, 400},
		"unknown context":        {map[string]any{"name": "ask", "description": "x", "contexts": []int{3}}, 400},
		"repeated install":       {map[string]any{"name": "ask", "description": "x", "integration_types": []int{0, 0}}, 400},
		"empty integration list": {map[string]any{"name": "ask", "description": "x", "integration_types": []int{}}, 400},
	} {
		if code, _, body := do(t, s, "PUT", path, bot, []any{c.cmd}); code != c.code {
			t.Errorf("%s: %d %v, want %d", name, code, body, c.code)
		}
	}
}

// TestMessageCommandData: a message command's interaction resolves its
// target message, with its content.
func TestMessageCommandData(t *testing.T) {
	s := New(t, Options{})
	ws := gatewayClient(t, s)
	m, err := s.SendMessage(MessageSpec{Content: "how many troops?"})
	if err != nil {
		t.Fatal(err)
	}
	var p payload
	if err := ws.ReadJSON(&p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SendMessageCommand("Ask articlebot", m, Where{}); err != nil {
		t.Fatal(err)
	}
	if err := ws.ReadJSON(&p); err != nil || *p.T != "INTERACTION_CREATE" {
		t.Fatalf("%+v %v", p, err)
	}
	d := string(p.D)
	for _, want := range []string{`"type":3`, `"target_id":"` + m.ID + `"`, `"content":"how many troops?"`, `"resolved":{"messages":{"` + m.ID + `"`} {
		if !strings.Contains(d, want) {
			t.Errorf("interaction lacks %s: %s", want, d)
		}
	}
}
