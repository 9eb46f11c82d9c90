package main

import (
	"context"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot/discord/discordtest"
)

// started runs the whole program in-process with args, and returns its
// log and a function that stops it and checks it returned nil.
func started(t *testing.T, args []string, vars map[string]string) (*syncWriter, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncWriter{b: &strings.Builder{}}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"articlebot"}, args...), env(vars), strings.NewReader(""), io.Discard, log)
	}()
	stop := func() {
		t.Helper()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("returned %v after the signal, want nil\n%s", err, log.String())
			}
		case <-time.After(20 * time.Second):
			t.Error("did not return after the signal")
		}
	}
	return log, stop
}

// logged waits for a log line matching re and returns its first group.
func logged(t *testing.T, log *syncWriter, re string) string {
	t.Helper()
	rx := regexp.MustCompile(re)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := rx.FindStringSubmatch(log.String()); m != nil {
			return m[1]
		}
	}
	t.Fatalf("never logged %s:\n%s", re, log.String())
	return ""
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// corpusFolder is a corpus folder holding the built-in article.
func corpusFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	text, err := os.ReadFile("../../corpus/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), text, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

const bridgeText = "Harbour bridge to close for repairs\n\nThe Kingsport harbour bridge will close for eight weeks from 3 June while engineers replace its cables. " +
	"The repairs will cost £12m, paid for by a grant. About 40,000 vehicles cross the bridge each day.\n"

// TestServeAgainstFakeDiscord starts `articlebot serve` as a deployment
// would (a corpus folder, metrics), and the fake Discord POSTs to it: a
// PING, a question, an article added by an admin, a question about it.
func TestServeAgainstFakeDiscord(t *testing.T) {
	dir := corpusFolder(t)
	t.Chdir(t.TempDir())
	srv := discordtest.New(t, discordtest.Options{})
	log, stop := started(t, []string{"serve", "--addr", "127.0.0.1:0", "--corpus", dir}, map[string]string{
		"DISCORD_PUBLIC_KEY":            hex.EncodeToString(srv.PublicKey),
		"DISCORD_BASE_URL":              srv.URL,
		"ARTICLEBOT_METRICS_ADDR":       "127.0.0.1:0",
		"ARTICLEBOT_ALLOW_PRIVATE_URLS": "true",
	})
	defer stop()
	addr := logged(t, log, `msg="serving interactions" [^\n]*? addr=(\S+)`)
	metricsAddr := logged(t, log, `msg="serving metrics" addr=(\S+)`)
	ep := srv.Endpoint("http://" + addr + "/")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	if status, body, err := ep.Ping(ctx); err != nil || status != 200 || !strings.Contains(string(body), `"type":1`) {
		t.Fatalf("PING: %d %s %v", status, body, err)
	}
	if code, _ := get(t, "http://"+addr+"/"); code != http.StatusMethodNotAllowed {
		t.Errorf("GET /: %d", code)
	}
	reply := func(in *discordtest.Interaction, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		rep, err := in.Wait(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return rep.Text()
	}
	if txt := reply(ep.SendCommand("ask", discordtest.Where{}, discordtest.String("question", "How many troops could the force have?"))); !strings.Contains(txt, "10,000 to 30,000") {
		t.Errorf("/ask: %s", txt)
	}
	admin := discordtest.Where{User: discordtest.User{ID: "400000000000000010"}, Permissions: discordtest.PermissionsManager}
	file := discordtest.Attachment("file", discordtest.File{Name: "harbour-bridge.txt", Data: []byte(bridgeText)})
	if txt := reply(ep.SendCommand("article", admin, discordtest.Subcommand("add", file))); !strings.Contains(txt, "Added: Harbour bridge to close for repairs") {
		t.Errorf("/article add: %s", txt)
	}
	if _, err := os.Stat(filepath.Join(dir, "harbour-bridge.txt")); err != nil {
		t.Errorf("not written to the corpus folder: %v", err)
	}
	if txt := reply(ep.SendCommand("ask", discordtest.Where{}, discordtest.String("question", "How much will the repairs cost?"), discordtest.String("article", "harbour-bridge"))); !strings.Contains(txt, "£12m") {
		t.Errorf("/ask about it: %s", txt)
	}
	if code, body := get(t, "http://"+metricsAddr+"/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	_, body := get(t, "http://"+metricsAddr+"/metrics")
	for _, want := range []string{"articlebot_articles 2", "articlebot_articles_added_total 1", `articlebot_questions_total{kind="how_many",outcome="answered"} 2`, "go_goroutines", "process_resident_memory_bytes"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// TestRunOnAFolder: `articlebot run` over a corpus folder lets an admin
// add an article through the gateway, and sees one that `articlebot add`
// wrote meanwhile; with --index, its index is kept there.
func TestRunOnAFolder(t *testing.T) {
	for _, tt := range []struct {
		name  string
		index bool
	}{{"in-memory", false}, {"index-on-disk", true}} {
		t.Run(tt.name, func(t *testing.T) { testRunOnAFolder(t, tt.index) })
	}
}

func testRunOnAFolder(t *testing.T, onDisk bool) {
	dir := corpusFolder(t)
	t.Chdir(t.TempDir())
	srv := discordtest.New(t, discordtest.Options{})
	args := []string{"run", "--corpus", dir}
	state := filepath.Join(t.TempDir(), "state")
	if onDisk {
		args = append(args, "--index", state)
	}
	_, stop := started(t, args, map[string]string{
		"DISCORD_TOKEN": srv.Token, "DISCORD_BASE_URL": srv.URL, "DISCORD_GUILD_ID": srv.GuildID,
		"ARTICLEBOT_ALLOW_PRIVATE_URLS": "true",
	})
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := srv.WaitCommands(ctx); err != nil {
		t.Fatal(err)
	}
	admin := discordtest.Where{User: discordtest.User{ID: "400000000000000010"}, Permissions: discordtest.PermissionsManager}
	in, err := srv.SendCommand("article", admin, discordtest.Subcommand("add", discordtest.Attachment("file", discordtest.File{Name: "bridge.md", Data: []byte(bridgeText)})))
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := in.Wait(ctx); err != nil || !strings.Contains(rep.Text(), "Added: Harbour bridge") {
		t.Fatalf("/article add: %v %v", rep, err)
	}
	page := filepath.Join(t.TempDir(), "vote.txt")
	os.WriteFile(page, []byte("Council vote\n\nThe council voted 7 to 2 for the plan on Tuesday. Work starts in May. The mayor welcomed it.\n"), 0o644)
	var out strings.Builder
	if err := run(ctx, []string{"articlebot", "add", "--corpus", dir, page}, env(nil), strings.NewReader(""), &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	in, err = srv.SendCommand("articles", discordtest.Where{})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := in.Wait(ctx); err != nil || !strings.Contains(rep.Text(), "Articles I know (3)") || !strings.Contains(rep.Text(), "Council vote") {
		t.Errorf("/articles after articlebot add: %v %v", rep.Text(), err)
	}
	for _, name := range []string{"index", "articles.db"} {
		if _, err := os.Stat(filepath.Join(state, name)); (err == nil) != onDisk {
			t.Errorf("%s in the --index folder: %v (index on disk: %v)", name, err, onDisk)
		}
	}
}

func TestServeConfigErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tt := range []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{}, "DISCORD_PUBLIC_KEY is not set"},
		{map[string]string{"DISCORD_PUBLIC_KEY": "abc"}, "64 hex digits"},
		{map[string]string{"DISCORD_PUBLIC_KEY": strings.Repeat("ab", 32), "DISCORD_TOKEN": "t"}, "DISCORD_APPLICATION_ID is not set"},
		{map[string]string{"DISCORD_PUBLIC_KEY": strings.Repeat("ab", 32), "ARTICLEBOT_RATE": "lots"}, "ARTICLEBOT_RATE"},
		{map[string]string{"DISCORD_PUBLIC_KEY": strings.Repeat("ab", 32), "DISCORD_SHARD_ID": "0", "DISCORD_SHARD_COUNT": "2"}, "for run"},
	} {
		err := run(context.Background(), []string{"articlebot", "serve"}, env(tt.vars), strings.NewReader(""), io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: %v, want %q", tt.vars, err, tt.want)
		}
	}
}
