package discord

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    Config
		wantErr string
	}{
		{
			name: "minimal",
			env:  map[string]string{"DISCORD_TOKEN": "abc.def"},
			want: Config{Token: "abc.def", BaseURL: DefaultBaseURL},
		},
		{
			name: "everything",
			env: map[string]string{
				"DISCORD_TOKEN": " Bot abc.def ", "DISCORD_GUILD_ID": "123456789012345678",
				"DISCORD_BASE_URL": "http://127.0.0.1:8080", "ARTICLEBOT_MESSAGE_CONTENT": "true",
				"ARTICLEBOT_LOG_LEVEL": "DEBUG",
			},
			want: Config{Token: "abc.def", GuildID: "123456789012345678", BaseURL: "http://127.0.0.1:8080/", MessageContent: true, LogLevel: slog.LevelDebug},
		},
		{name: "no token", env: map[string]string{}, wantErr: "DISCORD_TOKEN is not set"},
		{name: "bad guild", env: map[string]string{"DISCORD_TOKEN": "tok.en-123", "DISCORD_GUILD_ID": "my guild"}, wantErr: "DISCORD_GUILD_ID"},
		{name: "bad base", env: map[string]string{"DISCORD_TOKEN": "tok.en-123", "DISCORD_BASE_URL": "discord.com"}, wantErr: "DISCORD_BASE_URL"},
		{name: "bad base scheme", env: map[string]string{"DISCORD_TOKEN": "tok.en-123", "DISCORD_BASE_URL": "ftp://x/"}, wantErr: "DISCORD_BASE_URL"},
		{name: "bad bool", env: map[string]string{"DISCORD_TOKEN": "tok.en-123", "ARTICLEBOT_MESSAGE_CONTENT": "yes please"}, wantErr: "ARTICLEBOT_MESSAGE_CONTENT"},
		{name: "bad level", env: map[string]string{"DISCORD_TOKEN": "tok.en-123", "ARTICLEBOT_LOG_LEVEL": "loud"}, wantErr: "ARTICLEBOT_LOG_LEVEL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ConfigFromEnv(env(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				if tok := tt.env["DISCORD_TOKEN"]; tok != "" && strings.Contains(err.Error(), tok) {
					t.Errorf("error shows the token: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.DeferAfter, tt.want.HandlerTimeout = DefaultDeferAfter, DefaultHandlerTimeout
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if got.Token != tt.want.Token {
				t.Errorf("token %q, want %q", got.Token, tt.want.Token)
			}
		})
	}
}

func TestIntents(t *testing.T) {
	base, _ := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": "t"}))
	with, _ := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": "tok.en-123", "ARTICLEBOT_MESSAGE_CONTENT": "true"}))
	if base.Intents() != 1<<0|1<<9|1<<12 {
		t.Errorf("intents = %b, want guilds, guild messages, direct messages", base.Intents())
	}
	if with.Intents() != base.Intents()|1<<15 {
		t.Errorf("intents with message content = %b", with.Intents())
	}
}

// TestConfigNeverShowsTheToken: every way of printing or logging a Config
// hides the token.
func TestConfigNeverShowsTheToken(t *testing.T) {
	const secret = "MTIzNDU2Nzg5.secret.token"
	cfg, err := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": secret}))
	if err != nil {
		t.Fatal(err)
	}
	var outs []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		outs = append(outs, fmt.Sprintf(verb, cfg), fmt.Sprintf(verb, &cfg))
	}
	log, buf := testLogger(slog.LevelDebug)
	log.Info("config", "cfg", cfg)
	log.Info("config", slog.Any("cfg", &cfg))
	text := slog.New(slog.NewTextHandler(buf, nil))
	text.Info("config", "cfg", cfg)
	outs = append(outs, buf.String())
	b, _ := json.Marshal(cfg.LogValue().Resolve().Group())
	outs = append(outs, string(b))
	for _, out := range outs {
		if strings.Contains(out, secret) || strings.Contains(out, "secret.token") {
			t.Errorf("token shown: %s", out)
		}
	}
	if !strings.Contains(cfg.String(), "[redacted]") {
		t.Errorf("String() = %s", cfg)
	}
}
