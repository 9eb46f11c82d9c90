package discord

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

const testBotID = "100"

func TestShouldAnswer(t *testing.T) {
	user := &discordgo.User{ID: "7"}
	tests := []struct {
		name string
		m    *discordgo.Message
		want bool
	}{
		{"mention in a channel", &discordgo.Message{GuildID: "g", Author: user, Content: "<@100> hi", Mentions: []*discordgo.User{{ID: testBotID}}}, true},
		{"nickname mention in content only", &discordgo.Message{GuildID: "g", Author: user, Content: "<@!100> hi"}, true},
		{"DM", &discordgo.Message{Author: user, Content: "how many troops?"}, true},
		{"channel chatter", &discordgo.Message{GuildID: "g", Author: user, Content: "hello all"}, false},
		{"other user mentioned", &discordgo.Message{GuildID: "g", Author: user, Content: "<@55> hi", Mentions: []*discordgo.User{{ID: "55"}}}, false},
		{"own message", &discordgo.Message{Author: &discordgo.User{ID: testBotID, Bot: true}, Content: "<@100>"}, false},
		{"another bot", &discordgo.Message{Author: &discordgo.User{ID: "8", Bot: true}, Content: "<@100> hi", Mentions: []*discordgo.User{{ID: testBotID}}}, false},
		{"webhook", &discordgo.Message{GuildID: "g", WebhookID: "w", Author: user, Content: "<@100> hi"}, false},
		{"no author", &discordgo.Message{Content: "<@100>"}, false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shouldAnswer(tt.m, testBotID); got != tt.want {
				t.Errorf("shouldAnswer = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStripMentions(t *testing.T) {
	for in, want := range map[string]string{
		"<@100> how many troops?":        "how many troops?",
		"<@!100>, how many troops?":      "how many troops?",
		"how many troops <@100>":         "how many troops",
		"<@100>":                         "",
		"  <@100>  \n ":                  "",
		"<@100> ask <@55> about <@100>?": "ask <@55> about ?",
	} {
		if got := stripMentions(in, testBotID); got != want {
			t.Errorf("stripMentions(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHandleMessage(t *testing.T) {
	user := &discordgo.User{ID: "7"}
	tests := []struct {
		name     string
		content  string
		wantText string
		wantQ    string
	}{
		{"question", "<@100> how many troops?", "10,000 to 30,000", "how many troops?"},
		{"only a mention", "<@100>", "Ask me a question", ""},
		{"mentions in the question are not echoed live", "<@100> did @everyone see <@&5>?", "10,000", "did @everyone see <@&5>?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &stubEngine{}
			a := newApp(e, discardLogger(), 1e9, 1e9)
			rec := newRecorder()
			m := &discordgo.Message{ID: "900", ChannelID: "c1", GuildID: "g1", Author: user, Content: tt.content, Mentions: []*discordgo.User{{ID: testBotID}}}
			a.handleMessage(context.Background(), rec, testBotID, m)
			calls := rec.all()
			if len(calls) != 1 || calls[0].Method != "send" || calls[0].ChannelID != "c1" {
				t.Fatalf("calls = %+v", calls)
			}
			send := calls[0].Message
			if send.Reference == nil || send.Reference.MessageID != "900" || send.Reference.ChannelID != "c1" {
				t.Errorf("reference = %+v", send.Reference)
			}
			if am := send.AllowedMentions; am == nil || am.Parse == nil || len(am.Parse) != 0 || am.RepliedUser {
				t.Errorf("allowed mentions = %+v", am)
			}
			if send.Flags != 0 {
				t.Errorf("flags = %v on a channel message", send.Flags)
			}
			text := send.Content + embedText(send.Embeds)
			if !strings.Contains(text, tt.wantText) {
				t.Errorf("reply %q lacks %q", text, tt.wantText)
			}
			for _, bad := range []string{"@everyone", "<@&5>"} {
				if strings.Contains(text, bad) {
					t.Errorf("reply holds live %q", bad)
				}
			}
			if q := e.lastAsked(); q.Text != tt.wantQ {
				t.Errorf("asked %q, want %q", q.Text, tt.wantQ)
			}
			checkLimits(t, send)
		})
	}
}

func TestHandleMessageIgnoresBots(t *testing.T) {
	e := &stubEngine{}
	a := newApp(e, discardLogger(), 1e9, 1e9)
	rec := newRecorder()
	a.handleMessage(context.Background(), rec, testBotID, &discordgo.Message{
		ID: "1", ChannelID: "c", Author: &discordgo.User{ID: "8", Bot: true}, Content: "how many?",
	})
	if calls := rec.all(); len(calls) != 0 {
		t.Errorf("answered a bot: %+v", calls)
	}
}
