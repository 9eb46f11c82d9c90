//go:build unix

package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot/discord/discordtest"
)

// stopWithin is how soon after SIGTERM the binary must have exited. It
// takes well under a second (the figures are logged); the bound is loose
// so that a busy machine does not fail the test.
const stopWithin = 5 * time.Second

// TestSIGTERMExitsZero builds the real binary and checks that SIGTERM
// stops it, with exit status 0, within stopWithin at every stage: the
// Discord bot after a dozen forged button clicks, ask waiting for its next
// question, and ask in the middle of loading a large corpus.
func TestSIGTERMExitsZero(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "articlebot")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	env := append(os.Environ(), "ARTICLEBOT_CORPUS=", "ARTICLEBOT_LOG_LEVEL=warn")

	t.Run("run after forged buttons", func(t *testing.T) {
		srv := discordtest.New(t, discordtest.Options{})
		cmd := exec.Command(bin, "run")
		cmd.Dir = dir
		// A dozen presses in a second: no cooldown for this one user.
		cmd.Env = append(env, "DISCORD_TOKEN="+srv.Token, "DISCORD_BASE_URL="+srv.URL, "DISCORD_GUILD_ID="+srv.GuildID, "ARTICLEBOT_RATE=off")
		p := start(t, cmd)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := srv.WaitCommands(ctx); err != nil {
			t.Fatalf("commands never registered: %v", err)
		}
		rep := askOver(ctx, t, srv)
		moreID, ok := rep.CustomID("more:")
		if !ok {
			t.Fatalf("no More button: %v", rep.CustomIDs())
		}
		for _, id := range discordtest.ForgedCustomIDs(moreID) {
			in, err := srv.SendButton(id, 0, discordtest.Where{})
			if err != nil {
				t.Fatal(err)
			}
			if got, err := in.Wait(ctx); err != nil || !got.Ephemeral() || !strings.Contains(got.Content, "expired") {
				t.Fatalf("%q: %+v, %v", id, got, err)
			}
		}
		askOver(ctx, t, srv)
		p.stop(t)
	})

	t.Run("ask waiting for a question", func(t *testing.T) {
		cmd := exec.Command(bin, "ask")
		cmd.Dir = dir
		cmd.Env = env
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		defer stdin.Close()
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		p := start(t, cmd)
		if _, err := io.WriteString(stdin, "How many troops could the force have?\n"); err != nil {
			t.Fatal(err)
		}
		answer, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil || !strings.Contains(answer, "10,000 to 30,000") {
			t.Fatalf("answer %q, %v", answer, err)
		}
		// The answer is out: ask is reading standard input again.
		p.stop(t)
	})

	t.Run("ask loading a large corpus", func(t *testing.T) {
		corpusDir := largeCorpus(t, 3000)
		cmd := exec.Command(bin, "ask", "--corpus", corpusDir, "How many troops could the force have?")
		cmd.Dir = dir
		cmd.Env = env
		var out strings.Builder
		cmd.Stdout = &out
		p := start(t, cmd)
		time.Sleep(300 * time.Millisecond) // into the load, which takes many seconds
		p.stop(t)
		if out.Len() > 0 {
			t.Errorf("answered before it was stopped: the load was not slow enough to test; output %q", out.String())
		}
	})
}

// process is a started binary.
type process struct {
	cmd  *exec.Cmd
	done chan error
}

func start(t *testing.T, cmd *exec.Cmd) *process {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &process{cmd: cmd, done: make(chan error, 1)}
	go func() { p.done <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill() })
	return p
}

// stop sends SIGTERM and checks the process exits 0 within stopWithin.
func (p *process) stop(t *testing.T) {
	t.Helper()
	sent := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-p.done:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("exit status %d after SIGTERM, want 0", exit.ExitCode())
		} else if err != nil {
			t.Fatal(err)
		}
		t.Logf("exited %v after SIGTERM", time.Since(sent).Round(time.Millisecond))
	case <-time.After(stopWithin):
		t.Fatalf("still running %v after SIGTERM", stopWithin)
	}
}

// askOver sends /ask and checks the bot acknowledges it inside Discord's
// deadline.
func askOver(ctx context.Context, t *testing.T, srv *discordtest.Server) *discordtest.Reply {
	t.Helper()
	in, err := srv.SendCommand("ask", discordtest.Where{}, discordtest.String("question", "How many troops could the force have?"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := in.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if lat, _, late, ok := in.Ack(); !ok || late || lat > discordtest.InteractionDeadline {
		t.Errorf("acknowledged after %v (late %v)", lat, late)
	}
	if !strings.Contains(rep.Text(), "10,000 to 30,000") {
		t.Errorf("/ask answered:\n%s", rep.Text())
	}
	return rep
}

// largeCorpus writes n copies of the built-in article, each under its own
// name: a corpus that takes many seconds to load.
func largeCorpus(t *testing.T, n int) string {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("..", "..", "corpus", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("copy-%04d.txt", i)), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
