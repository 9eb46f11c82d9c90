package discord

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot/discord/discordtest"
	"github.com/articlebot/articlebot/bot/live"
	"github.com/articlebot/articlebot/corpus/web"
)

var _ Library = (*live.Engine)(nil)
var _ Engine = (*live.Engine)(nil)

// liveEngine is the engine `articlebot run` builds over a corpus folder:
// here a fresh folder holding the built-in article.
func liveEngine(t *testing.T, dir string) *live.Engine {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
		text, err := os.ReadFile("../../corpus/article.txt")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "article.txt"), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e, err := live.Open(context.Background(), dir, live.Options{
		Fetch:  web.Options{AllowPrivate: true, Timeout: time.Minute},
		Shared: true, CheckEvery: time.Nanosecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// newsSite serves corpus/web's test pages (news pages written for the
// project, with their menus and captions) at /news/<name>.
func newsSite(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.StripPrefix("/news/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := os.ReadFile(filepath.Join("..", "..", "corpus", "web", "testdata", "pages", filepath.Base(r.URL.Path)+".html"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
	})))
	t.Cleanup(srv.Close)
	return srv
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sendCommand is runCommand's reply.
func sendCommand(t *testing.T, srv *discordtest.Server, name string, w discordtest.Where, opts ...discordtest.Option) *discordtest.Reply {
	t.Helper()
	_, rep := runCommand(t, srv, name, w, opts...)
	return rep
}

var (
	admin  = discordtest.Where{User: discordtest.User{ID: "400000000000000010", Name: "editor"}, Permissions: discordtest.PermissionsManager}
	member = discordtest.Where{User: discordtest.User{ID: "400000000000000011", Name: "reader"}}
)

func add(opts ...discordtest.Option) discordtest.Option {
	return discordtest.Subcommand("add", opts...)
}

// TestE2EArticleAddAndRemove: through the fake Discord, a member with
// Manage Server adds an article by attachment and one by link and asks
// about each; a member without it is refused; a duplicate is named;
// removing takes the article out of the answers.
func TestE2EArticleAddAndRemove(t *testing.T) {
	e := liveEngine(t, "")
	h := startBot(t, harnessOptions{engine: e, opts: []Option{WithLibrary(e)}, env: map[string]string{"ARTICLEBOT_ALLOW_PRIVATE_URLS": "true"}})
	bridge := discordtest.File{Name: "harbour-bridge.txt", Data: readTestdata(t, "articles/harbour-bridge.txt")}

	t.Run("refused without Manage Server", func(t *testing.T) {
		rep := sendCommand(t, h.srv, "article", member, add(discordtest.Attachment("file", bridge)))
		if !rep.Ephemeral() || !strings.Contains(rep.Text(), "Manage Server") {
			t.Errorf("a member without the permission got: %s", rep.Text())
		}
		if _, ok := e.Article("harbour-bridge"); ok {
			t.Error("the article was added all the same")
		}
	})
	t.Run("refused in a DM", func(t *testing.T) {
		rep := sendCommand(t, h.srv, "article", discordtest.Where{DM: true}, add(discordtest.Attachment("file", bridge)))
		if rep.Content != msgNotInServer {
			t.Errorf("DM: %s", rep.Text())
		}
	})
	t.Run("refused to a user install", func(t *testing.T) {
		w := admin
		w.UserInstall = true
		rep := sendCommand(t, h.srv, "article", w, add(discordtest.Attachment("file", bridge)))
		if rep.Content != msgNotInServer {
			t.Errorf("user install: %s", rep.Text())
		}
		if _, ok := e.Article("harbour-bridge"); ok {
			t.Error("the article was added all the same")
		}
	})

	t.Run("by attachment", func(t *testing.T) {
		rep := sendCommand(t, h.srv, "article", admin, add(discordtest.Attachment("file", bridge)))
		text := rep.Text()
		for _, want := range []string{"Added: Harbour bridge to close for repairs", "`harbour-bridge`", "6 sentences", "/summary article:harbour-bridge", "/brief article:harbour-bridge", "/ask article:harbour-bridge"} {
			if !strings.Contains(text, want) {
				t.Errorf("reply lacks %q:\n%s", want, text)
			}
		}
		if rep.Ephemeral() {
			t.Error("the channel did not see the article added")
		}
		rep = ask(t, h.srv, "How much will the repairs cost?", discordtest.String("article", "harbour-bridge"))
		if !strings.Contains(rep.Text(), "£12m") || !strings.Contains(rep.Text(), "Harbour bridge to close for repairs · sentence 2") {
			t.Errorf("asked about the new article:\n%s", rep.Text())
		}
	})

	t.Run("the same text again", func(t *testing.T) {
		again := bridge
		again.Name = "copy.md"
		rep := sendCommand(t, h.srv, "article", admin, add(discordtest.Attachment("file", again)))
		if !rep.Ephemeral() || !strings.Contains(rep.Text(), "already in the corpus, as harbour-bridge") {
			t.Errorf("duplicate: %s", rep.Text())
		}
	})

	t.Run("bad files", func(t *testing.T) {
		for _, tt := range []struct {
			file discordtest.File
			want string
		}{
			{discordtest.File{Name: "scan.pdf", Data: []byte("%PDF-1.4")}, "Only .txt and .md files"},
			{discordtest.File{Name: "notes.txt", Data: []byte("Too short.")}, "at least 3"},
			{discordtest.File{Name: "latin1.txt", Data: []byte("Caf\xe9 owners say the new rules are unfair. They met on Monday. A vote is due.")}, "UTF-8"},
			{discordtest.File{Name: "huge.txt", Data: []byte(strings.Repeat("A sentence of news. ", 60000))}, "larger than 1 MiB"},
		} {
			rep := sendCommand(t, h.srv, "article", admin, add(discordtest.Attachment("file", tt.file)))
			if !rep.Ephemeral() || !strings.Contains(rep.Text(), tt.want) {
				t.Errorf("%s: %s", tt.file.Name, rep.Text())
			}
		}
		rep := sendCommand(t, h.srv, "article", admin, add())
		if !strings.Contains(rep.Text(), "Attach a .txt or .md file") {
			t.Errorf("neither file nor link: %s", rep.Text())
		}
	})

	site := newsSite(t)
	const councilID = "council-approves-40m-housing-plan-for-northgate"
	t.Run("by link", func(t *testing.T) {
		rep := sendCommand(t, h.srv, "article", admin, add(discordtest.String("url", site.URL+"/news/council-vote")))
		text := rep.Text()
		for _, want := range []string{"Added: Council approves £40m housing plan for Northgate", "`" + councilID + "`", "published 5 March 2024", "/summary article:" + councilID} {
			if !strings.Contains(text, want) {
				t.Errorf("reply lacks %q:\n%s", want, text)
			}
		}
		rep = ask(t, h.srv, "How many homes will be built?", discordtest.String("article", councilID))
		if !strings.Contains(rep.Text(), "600 homes") {
			t.Errorf("asked about the page:\n%s", rep.Text())
		}
		rep = sendCommand(t, h.srv, "article", admin, add(discordtest.String("url", site.URL+"/news/missing")))
		if !rep.Ephemeral() || !strings.Contains(rep.Text(), "404") {
			t.Errorf("a missing page: %s", rep.Text())
		}
	})

	t.Run("remove", func(t *testing.T) {
		in, err := h.srv.SendAutocomplete("article", admin, discordtest.Subcommand("remove", discordtest.Focused("article", "harb")))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := in.Wait(ctxFor(t, 10*time.Second))
		if err != nil || len(rep.Choices) != 1 || rep.Choices[0].Value != "harbour-bridge" {
			t.Errorf("autocomplete: %+v %v", rep, err)
		}
		rep = sendCommand(t, h.srv, "article", member, discordtest.Subcommand("remove", discordtest.String("article", "harbour-bridge")))
		if !strings.Contains(rep.Text(), "Manage Server") {
			t.Errorf("a member removed: %s", rep.Text())
		}
		rep = sendCommand(t, h.srv, "article", admin, discordtest.Subcommand("remove", discordtest.String("article", "harbour-bridge")))
		if !strings.Contains(rep.Text(), "Removed: Harbour bridge to close for repairs") || !strings.Contains(rep.Text(), "6 sentences") {
			t.Errorf("remove: %s", rep.Text())
		}
		rep = ask(t, h.srv, "How much will the repairs cost?", discordtest.String("article", "harbour-bridge"))
		if !strings.Contains(rep.Text(), "I don't know an article called") {
			t.Errorf("asked about a removed article:\n%s", rep.Text())
		}
		rep = sendCommand(t, h.srv, "articles", member)
		if text := rep.Text(); strings.Contains(text, "Harbour") || !strings.Contains(text, "Council approves") || !strings.Contains(text, "Articles I know (2)") {
			t.Errorf("/articles after the changes:\n%s", text)
		}
	})
}

// TestE2EArticleFixedCorpus: over the built-in article (no library), the
// corpus cannot be changed, and the bot says so.
func TestE2EArticleFixedCorpus(t *testing.T) {
	h := startBot(t, harnessOptions{})
	rep := sendCommand(t, h.srv, "article", admin, add(discordtest.String("url", "https://example.com/story")))
	if !rep.Ephemeral() || !strings.Contains(rep.Text(), "can't be changed here") {
		t.Errorf("fixed corpus: %s", rep.Text())
	}
}

// TestE2ECooldown: with ARTICLEBOT_RATE=5/10s and the clock standing
// still, the sixth question in 10 s (a button press counts as one) gets a
// private message saying when to ask again, and another user is not
// held up.
func TestE2ECooldown(t *testing.T) {
	clock := &fakeClock{t: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	h := startBot(t, harnessOptions{env: map[string]string{"ARTICLEBOT_RATE": "5/10s"}, opts: []Option{withClock(clock.now)}})
	var more string
	for i := 1; i <= 4; i++ {
		rep := ask(t, h.srv, troopsQuestion)
		if !strings.Contains(rep.Text(), "10,000 to 30,000") {
			t.Fatalf("question %d: %s", i, rep.Text())
		}
		more, _ = rep.CustomID("more:")
	}
	in, err := h.srv.SendButton(more, 0, discordtest.Where{})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := in.Wait(ctxFor(t, 10*time.Second)); err != nil || strings.Contains(rep.Text(), "asking quickly") {
		t.Fatalf("fifth (a button): %v %v", rep, err)
	}
	rep := ask(t, h.srv, troopsQuestion)
	if !rep.Ephemeral() || !strings.Contains(rep.Text(), "You can ask again in 2 seconds.") {
		t.Errorf("sixth question: %s", rep.Text())
	}
	other := sendCommand(t, h.srv, "ask", member, discordtest.String("question", troopsQuestion))
	if !strings.Contains(other.Text(), "10,000 to 30,000") {
		t.Errorf("another user: %s", other.Text())
	}
	clock.advance(2 * time.Second)
	if rep := ask(t, h.srv, troopsQuestion); !strings.Contains(rep.Text(), "10,000 to 30,000") {
		t.Errorf("after the wait: %s", rep.Text())
	}
}
