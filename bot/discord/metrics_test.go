package discord

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot/discord/discordtest"
	"github.com/articlebot/articlebot/bot/discord/metrics"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// TestMetricsAfterQuestions scrapes /metrics after some questions, an
// add, a remove and a cooldown, and checks the counters. (Deferrals
// depend on the machine's speed, so they are counted in the metrics
// package's own test.)
func TestMetricsAfterQuestions(t *testing.T) {
	srv := discordtest.New(t, discordtest.Options{})
	e := liveEngine(t, "")
	reg := prometheus.NewRegistry()
	m, err := metrics.New(reg, func() (int, int) {
		n := 0
		as := e.Articles()
		for _, a := range as {
			n += a.Sentences
		}
		return len(as), n
	})
	if err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{t: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	rp := startServe(t, srv, serveOptions{engine: e, env: map[string]string{"ARTICLEBOT_RATE": "5/10s"},
		opts: []Option{WithLibrary(e), WithMetrics(m), withClock(clock.now)}})
	scrape := httptest.NewServer(metrics.Handler(reg, nil))
	defer scrape.Close()

	bridge := discordtest.File{Name: "harbour-bridge.txt", Data: readTestdata(t, "articles/harbour-bridge.txt")}
	rp.send(t, "article", admin, add(discordtest.Attachment("file", bridge)))
	rp.send(t, "ask", discordtest.Where{}, discordtest.String("question", troopsQuestion))
	rp.send(t, "ask", discordtest.Where{}, discordtest.String("question", "How many tanks were sent?"))
	rp.send(t, "how-many", discordtest.Where{}, discordtest.String("what", "military planners"))
	rp.send(t, "who-said", discordtest.Where{}, discordtest.String("quote", "we must be ready for when peace comes"))
	rp.send(t, "articles", discordtest.Where{})
	if rep := rp.send(t, "ask", discordtest.Where{}, discordtest.String("question", troopsQuestion)); !strings.Contains(rep.Text(), "asking quickly") {
		t.Fatalf("the sixth question of the default user was answered: %s", rep.Text())
	}
	rp.send(t, "article", admin, discordtest.Subcommand("remove", discordtest.String("article", "harbour-bridge")))

	want := `
# HELP articlebot_questions_total Questions answered by the engine, by kind of question and by outcome (answered, or the article doesn't say).
# TYPE articlebot_questions_total counter
articlebot_questions_total{kind="how_many",outcome="answered"} 2
articlebot_questions_total{kind="how_many",outcome="doesnt_say"} 1
articlebot_questions_total{kind="who_said",outcome="answered"} 1
# HELP articlebot_articles_added_total Articles added with /article add.
# TYPE articlebot_articles_added_total counter
articlebot_articles_added_total 1
# HELP articlebot_articles_removed_total Articles removed with /article remove.
# TYPE articlebot_articles_removed_total counter
articlebot_articles_removed_total 1
# HELP articlebot_cooldowns_total Commands, button presses and messages refused by the per-user cooldown.
# TYPE articlebot_cooldowns_total counter
articlebot_cooldowns_total 1
# HELP articlebot_articles Articles loaded.
# TYPE articlebot_articles gauge
articlebot_articles 1
# HELP articlebot_sentences Sentences loaded, in all articles.
# TYPE articlebot_sentences gauge
articlebot_sentences 20
`
	names := []string{"articlebot_questions_total", "articlebot_articles_added_total", "articlebot_articles_removed_total",
		"articlebot_cooldowns_total", "articlebot_articles", "articlebot_sentences"}
	if err := testutil.ScrapeAndCompare(scrape.URL+"/metrics", strings.NewReader(want), names...); err != nil {
		t.Error(err)
	}
	// Every interaction's latency was observed: 8 over HTTP. The last is
	// observed just after its response was written, so it may still be on
	// its way when the test reads its reply: look until it is there.
	count := regexp.MustCompile(`(?m)^articlebot_answer_seconds_count\{transport="http"\} (\d+)$`)
	var got [][]byte
	var body []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		resp, err := http.Get(scrape.URL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if got = count.FindSubmatch(body); got != nil && string(got[1]) == "8" {
			break
		}
	}
	if got == nil || string(got[1]) != "8" {
		t.Errorf("answer_seconds_count: %q\n%s", got, body)
	}
}

// TestMetricsGatewayReconnects: a dropped gateway connection, resumed,
// counts one reconnect; the first connection none. The gateway's answers
// are timed under transport "gateway".
func TestMetricsGatewayReconnects(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := metrics.New(reg, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := startBot(t, harnessOptions{opts: []Option{WithMetrics(m)}})
	ask(t, h.srv, troopsQuestion)
	reconnects := func() string {
		mfs, _ := reg.Gather()
		for _, mf := range mfs {
			if mf.GetName() == "articlebot_gateway_reconnects_total" {
				return strconv.FormatFloat(mf.GetMetric()[0].GetCounter().GetValue(), 'f', -1, 64)
			}
		}
		return "missing"
	}
	if got := reconnects(); got != "0" {
		t.Errorf("reconnects before any drop: %s", got)
	}
	h.srv.DropGateway()
	ask(t, h.srv, troopsQuestion) // replayed on the resumed connection
	// discordgo emits its Connect event as it resumes; wait for it to be
	// counted.
	for deadline := time.Now().Add(10 * time.Second); reconnects() != "1" && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if got := reconnects(); got != "1" {
		t.Errorf("reconnects after one drop: %s", got)
	}
	want := "\n# HELP articlebot_questions_total Questions answered by the engine, by kind of question and by outcome (answered, or the article doesn't say).\n" +
		"# TYPE articlebot_questions_total counter\narticlebot_questions_total{kind=\"how_many\",outcome=\"answered\"} 2\n"
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "articlebot_questions_total"); err != nil {
		t.Error(err)
	}
	if n := testutil.CollectAndCount(reg, "articlebot_answer_seconds"); n != 1 {
		t.Errorf("%d latency series, want the gateway's only", n)
	}
}

// TestMetricsDiscussion: over the gateway, /summary, /brief thread:true,
// a thread's messages, a mention and Ask articlebot each spend one of the
// asker's questions and are timed, by how they came; the sixth in 10 s,
// in the thread or as a mention, is refused with the wait, and the
// refusal loses nothing: the thread's next follow-up still reads against
// its last answer.
func TestMetricsDiscussion(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := metrics.New(reg, nil)
	if err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{t: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	h := startBot(t, harnessOptions{env: map[string]string{"ARTICLEBOT_RATE": "5/10s", "ARTICLEBOT_MESSAGE_CONTENT": "true"},
		opts: []Option{WithMetrics(m), withClock(clock.now)}})
	srv := h.srv
	mention := func(text string) *discordtest.Reply { return inThread(t, srv, "", text, true) }

	runCommand(t, srv, "summary", discordtest.Where{})
	th := startThread(t, srv)
	if rep := inThread(t, srv, th.ID, "who is the Finnish Defense Minister?", false); !strings.Contains(rep.Text(), "Anni Hakkanen") {
		t.Fatalf("in the thread: %s", rep.Text())
	}
	if rep := mention("how many military planners are working?"); !strings.Contains(rep.Text(), "200 military planners") {
		t.Fatalf("mention: %s", rep.Text())
	}
	question, err := srv.SendMessage(discordtest.MessageSpec{Content: troopsQuestion, Author: teammate})
	if err != nil {
		t.Fatal(err)
	}
	if ack, _ := askAbout(t, srv, question); ack.Content != msgReplying {
		t.Fatalf("Ask articlebot: %+v", ack)
	}

	const refused = "You can ask again in 2 seconds."
	if rep := inThread(t, srv, th.ID, "what did she say?", false); !strings.Contains(rep.Text(), refused) {
		t.Errorf("sixth, in the thread: %s", rep.Text())
	}
	if rep := mention("who said we must be ready for when peace comes?"); !strings.Contains(rep.Text(), refused) {
		t.Errorf("seventh, a mention: %s", rep.Text())
	}
	clock.advance(2 * time.Second)
	if rep := inThread(t, srv, th.ID, "what did she say?", false); titleOf(rep) != "what did Anni Hakkanen say?" {
		t.Errorf("after the wait, read as %q", titleOf(rep))
	}

	want := "\n# HELP articlebot_cooldowns_total Commands, button presses and messages refused by the per-user cooldown.\n" +
		"# TYPE articlebot_cooldowns_total counter\narticlebot_cooldowns_total 2\n"
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "articlebot_cooldowns_total"); err != nil {
		t.Error(err)
	}
	// An answer is timed once it is sent: the last one may be seen
	// before it is counted.
	timed := func() string {
		counts := map[string]uint64{}
		mfs, _ := reg.Gather()
		for _, mf := range mfs {
			if mf.GetName() == "articlebot_answer_seconds" {
				for _, s := range mf.GetMetric() {
					counts[s.GetLabel()[0].GetValue()] = s.GetHistogram().GetSampleCount()
				}
			}
		}
		return fmt.Sprint(counts)
	}
	const wantTimed = "map[gateway:3 mention:2 thread:3]"
	for deadline := time.Now().Add(10 * time.Second); timed() != wantTimed && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if got := timed(); got != wantTimed {
		t.Errorf("answers timed by transport: %s, want %s", got, wantTimed)
	}
}
