package discord

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestDiscordgoLogger(t *testing.T) {
	const token = "MTIz.secret.tok"
	log, buf := testLogger(slog.LevelDebug)
	logf := discordgoLogger(log, token)
	logf(discordgo.LogDebug, 1, "Identify Packet: %#v", struct{ Token string }{"Bot " + token}) // below debug: dropped
	logf(discordgo.LogInformational, 1, "sending identify %s", "Bot "+token)
	logf(discordgo.LogError, 1, "error connecting to gateway %s", "wss://x")
	out := buf.String()
	if strings.Contains(out, "secret.tok") {
		t.Errorf("token logged:\n%s", out)
	}
	for _, want := range []string{`"level":"DEBUG","msg":"sending identify Bot [redacted]"`, `"level":"ERROR"`, `"source":"discordgo"`} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Identify Packet") {
		t.Errorf("discordgo debug dump logged at debug level:\n%s", out)
	}
}

// TestDiscordgoForwarding: discordgo.Logger, set once, sends each line to
// the logger of the latest Run, naming the function that logged it.
func TestDiscordgoForwarding(t *testing.T) {
	first, firstBuf := testLogger(slog.LevelDebug)
	useDiscordgoLogger(discordgoLogger(first, "first.token"))
	second, secondBuf := testLogger(slog.LevelDebug)
	useDiscordgoLogger(discordgoLogger(second, "second.token"))
	discordgo.Logger(discordgo.LogError, 0, "reconnect to %s failed", "wss://x") // 0: this function logs
	if firstBuf.String() != "" {
		t.Errorf("the earlier logger got %s", firstBuf)
	}
	if out := secondBuf.String(); !strings.Contains(out, "reconnect to wss://x failed") || !strings.Contains(out, `"func":"TestDiscordgoForwarding"`) {
		t.Errorf("the latest logger got %s", out)
	}
}

func TestLevels(t *testing.T) {
	for level, want := range map[slog.Level]int{
		slog.LevelDebug - 4: discordgo.LogDebug,
		slog.LevelDebug:     discordgo.LogInformational,
		slog.LevelInfo:      discordgo.LogWarning,
		slog.LevelWarn:      discordgo.LogWarning,
		slog.LevelError:     discordgo.LogError,
	} {
		if got := discordgoLevel(level); got != want {
			t.Errorf("discordgoLevel(%v) = %d, want %d", level, got, want)
		}
	}
}

func TestRedactError(t *testing.T) {
	base := errors.New("dial wss://x?token=SECRET failed")
	err := redactError(fmt.Errorf("open: %w", base), "SECRET")
	if strings.Contains(err.Error(), "SECRET") || !errors.Is(err, base) {
		t.Errorf("redactError = %v (is base: %v)", err, errors.Is(err, base))
	}
	if got := redactURL("https://discord.com/api/v9/interactions/123/tok3n/callback"); got != "https://discord.com/api/v9/interactions/123/[token]/callback" {
		t.Errorf("redactURL = %q", got)
	}
	if got := redactURL("https://discord.com/api/v9/webhooks/1/tok3n"); got != "https://discord.com/api/v9/webhooks/1/[token]" {
		t.Errorf("redactURL = %q", got)
	}
}

func TestLRU(t *testing.T) {
	c := newLRU[string, int](2)
	c.Put("a", 1)
	c.Put("b", 2)
	c.Get("a") // a is now the most recent
	c.Put("c", 3)
	if _, ok := c.Get("b"); ok {
		t.Error("b not evicted")
	}
	if v, ok := c.Get("a"); !ok || v != 1 {
		t.Errorf("a = %v %v", v, ok)
	}
	c.Put("a", 10)
	if v, _ := c.Get("a"); v != 10 || c.Len() != 2 {
		t.Errorf("a = %v, len %d", v, c.Len())
	}
}
