package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot/discord/discordtest"
)

// TestRunAgainstFakeDiscord starts the whole program as `go run
// ./cmd/articlebot` does with a token configured, against the fake Discord:
// it registers its commands, answers /ask and a mention, and returns nil
// when the signal context ends.
func TestRunAgainstFakeDiscord(t *testing.T) {
	t.Chdir(t.TempDir())
	srv := discordtest.New(t, discordtest.Options{})
	getenv := env(map[string]string{
		"DISCORD_TOKEN":    srv.Token,
		"DISCORD_BASE_URL": srv.URL,
		"DISCORD_GUILD_ID": srv.GuildID,
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr strings.Builder
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"articlebot"}, getenv, strings.NewReader(""), &strings.Builder{}, &syncWriter{b: &stderr})
	}()

	wait, stop := context.WithTimeout(context.Background(), 15*time.Second)
	defer stop()
	if _, err := srv.WaitCommands(wait); err != nil {
		t.Fatalf("commands never registered: %v", err)
	}
	in, err := srv.SendCommand("ask", discordtest.Where{}, discordtest.String("question", "How many troops could the force have?"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := in.Wait(wait)
	if err != nil {
		t.Fatal(err)
	}
	if txt := rep.Text(); !strings.Contains(txt, "10,000 to 30,000") || !strings.Contains(txt, "13") {
		t.Errorf("/ask answered:\n%s", txt)
	}
	msg, err := srv.SendMessage(discordtest.MessageSpec{Content: "<@" + srv.BotUserID + "> who is the russian president?", MentionBot: true})
	if err != nil {
		t.Fatal(err)
	}
	rep, err = msg.Wait(wait)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rep.Text(), "Vladimir Putin") {
		t.Errorf("mention answered:\n%s", rep.Text())
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run returned %v after the signal, want nil", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not return after the signal")
	}
	if strings.Contains(stderr.String(), srv.Token) {
		t.Error("the token reached the log")
	}
}
