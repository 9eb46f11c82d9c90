package discord

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot/discord/discordtest"
)

func TestShardConfig(t *testing.T) {
	tests := []struct {
		id, count string
		wantID    int
		wantCount int
		err       string
	}{
		{"", "", 0, 0, ""},
		{"0", "1", 0, 1, ""},
		{"3", "4", 3, 4, ""},
		{"4", "4", 0, 0, "DISCORD_SHARD_ID=\"4\": want 0 to 3"},
		{"-1", "4", 0, 0, "DISCORD_SHARD_ID"},
		{"one", "4", 0, 0, "DISCORD_SHARD_ID"},
		{"0", "0", 0, 0, "DISCORD_SHARD_COUNT=\"0\""},
		{"0", "many", 0, 0, "DISCORD_SHARD_COUNT"},
		{"1", "", 0, 0, "go together"},
		{"", "2", 0, 0, "go together"},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.count, func(t *testing.T) {
			cfg, err := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": "t", "DISCORD_SHARD_ID": tt.id, "DISCORD_SHARD_COUNT": tt.count}))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || cfg.ShardID != tt.wantID || cfg.ShardCount != tt.wantCount {
				t.Fatalf("shard %d/%d, %v", cfg.ShardID, cfg.ShardCount, err)
			}
		})
	}
}

func TestSharedSettings(t *testing.T) {
	cfg, err := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": "t", "ARTICLEBOT_RATE": "3/1m", "ARTICLEBOT_ALLOW_PRIVATE_URLS": "true"}))
	if err != nil || cfg.Rate != (Rate{3, time.Minute}) || !cfg.AllowPrivateURLs {
		t.Fatalf("%v %v", cfg, err)
	}
	if cfg, _ := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": "t"})); cfg.rate() != DefaultRate {
		t.Errorf("unset rate is %v, want %v", cfg.rate(), DefaultRate)
	}
	for k, v := range map[string]string{"ARTICLEBOT_RATE": "fast", "ARTICLEBOT_ALLOW_PRIVATE_URLS": "sometimes"} {
		if _, err := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": "t", k: v})); err == nil || !strings.Contains(err.Error(), k) {
			t.Errorf("%s=%s: %v", k, v, err)
		}
	}
}

// TestE2EShards: shard 1 of 2 identifies as such, registers no commands
// (shard 0 does), and answers what its connection brings.
func TestE2EShards(t *testing.T) {
	for _, shard := range []int{0, 1} {
		t.Run(itoa(shard), func(t *testing.T) {
			srv := discordtest.New(t, discordtest.Options{})
			cfg, err := ConfigFromEnv(env(map[string]string{
				"DISCORD_TOKEN": srv.Token, "DISCORD_BASE_URL": srv.URL, "DISCORD_GUILD_ID": srv.GuildID,
				"DISCORD_SHARD_ID": itoa(shard), "DISCORD_SHARD_COUNT": "2", "ARTICLEBOT_RATE": "off",
			}))
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- Run(ctx, cfg, realEngine(t), discardLogger()) }()
			defer func() {
				cancel()
				if err := <-done; err != nil {
					t.Errorf("Run: %v", err)
				}
			}()
			st, err := srv.WaitGateway(ctxFor(t, 10*time.Second), func(st discordtest.GatewayStats) bool { return st.Identifies > 0 && st.Connected })
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(st.Shard, []int{shard, 2}) {
				t.Errorf("identified as shard %v, want [%d 2]", st.Shard, shard)
			}
			rep := ask(t, srv, troopsQuestion)
			if !strings.Contains(rep.Text(), "10,000 to 30,000") {
				t.Errorf("shard %d answered: %s", shard, rep.Text())
			}
			if shard == 0 {
				if _, err := srv.WaitCommands(ctxFor(t, 10*time.Second)); err != nil {
					t.Fatal(err)
				}
			}
			if _, n := srv.Commands(); n != 1-shard {
				t.Errorf("shard %d made %d bulk overwrites, want %d", shard, n, 1-shard)
			}
		})
	}
}
