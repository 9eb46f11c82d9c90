package metrics

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestCounts(t *testing.T) {
	reg := prometheus.NewPedanticRegistry()
	m, err := New(reg, func() (int, int) { return 3, 61 })
	if err != nil {
		t.Fatal(err)
	}
	m.Question("how_many", true)
	m.Question("how_many", true)
	m.Question("who_is", false)
	m.Question("", true)
	m.Deferred()
	m.HandlerError("timeout")
	m.Panic()
	m.Reconnect()
	m.Cooldown()
	m.Added()
	m.Added()
	m.Removed()
	m.Answer("http", 20*time.Millisecond)
	want := `
# HELP articlebot_questions_total Questions answered by the engine, by kind of question and by outcome (answered, or the article doesn't say).
# TYPE articlebot_questions_total counter
articlebot_questions_total{kind="how_many",outcome="answered"} 2
articlebot_questions_total{kind="other",outcome="answered"} 1
articlebot_questions_total{kind="who_is",outcome="doesnt_say"} 1
# HELP articlebot_handler_errors_total Handlers that failed, by outcome (internal_error, timeout, panic); refusals of bad input are not errors.
# TYPE articlebot_handler_errors_total counter
articlebot_handler_errors_total{outcome="panic"} 1
articlebot_handler_errors_total{outcome="timeout"} 1
# HELP articlebot_articles Articles loaded.
# TYPE articlebot_articles gauge
articlebot_articles 3
# HELP articlebot_sentences Sentences loaded, in all articles.
# TYPE articlebot_sentences gauge
articlebot_sentences 61
# HELP articlebot_articles_added_total Articles added with /article add.
# TYPE articlebot_articles_added_total counter
articlebot_articles_added_total 2
`
	names := []string{"articlebot_questions_total", "articlebot_handler_errors_total", "articlebot_articles", "articlebot_sentences", "articlebot_articles_added_total"}
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), names...); err != nil {
		t.Error(err)
	}
	for name, c := range map[string]prometheus.Collector{"deferrals": m.deferrals, "panics": m.panics, "reconnects": m.reconnects, "cooldowns": m.cooldowns, "removed": m.removed} {
		if got := testutil.ToFloat64(c); got != 1 {
			t.Errorf("%s = %v, want 1", name, got)
		}
	}
	if n := testutil.CollectAndCount(m.latency); n != 1 {
		t.Errorf("%d latency series, want 1", n)
	}
	// A second bot on the same registry is refused, not mixed in.
	if _, err := New(reg, nil); err == nil {
		t.Error("registered twice on one registry")
	}
}

func TestNilCountsNothing(t *testing.T) {
	var m *Metrics
	m.Question("who_is", true)
	m.Answer("gateway", time.Second)
	m.Deferred()
	m.HandlerError("internal_error")
	m.Panic()
	m.Reconnect()
	m.Cooldown()
	m.Added()
	m.Removed()
}

func TestHandler(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := New(reg, nil)
	if err != nil {
		t.Fatal(err)
	}
	m.Added()
	var sick error
	srv := httptest.NewServer(Handler(reg, func() error { return sick }))
	defer srv.Close()
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("healthz: %d %q", code, body)
	}
	sick = errors.New("engine closed")
	if code, body := get("/healthz"); code != 503 || !strings.Contains(body, "engine closed") {
		t.Errorf("healthz when sick: %d %q", code, body)
	}
	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, "articlebot_articles_added_total 1") {
		t.Errorf("metrics: %d %s", code, body)
	}
	if code, _ := get("/elsewhere"); code != 404 {
		t.Errorf("unknown path: %d", code)
	}
}
