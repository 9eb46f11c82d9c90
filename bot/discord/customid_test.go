package discord

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

func TestCustomIDs(t *testing.T) {
	key := newKey()
	if !validKey(key) {
		t.Fatalf("newKey() = %q, which validKey refuses", key)
	}
	mb := moreButton{key: key, page: 12}
	if got, err := parseMore(mb.customID()); err != nil || got != mb {
		t.Errorf("parseMore(%q) = %+v, %v", mb.customID(), got, err)
	}
	for _, bad := range []string{"", "more:", "more::1", "more:" + key, "more:" + key + ":", "more:" + key + ":0",
		"more:" + key + ":x", "more:" + key + ":-1", "more:" + key + ":+1", "more:" + key + ":01", "more:" + key + ":1:2",
		"more:" + key + ":9999999", "more:" + strings.ToUpper(key) + ":1", "more:" + key[1:] + ":1", "ctx:a:1"} {
		if b, err := parseMore(bad); !errors.Is(err, errExpired) {
			t.Errorf("parseMore(%q) = %+v, %v; want errExpired", bad, b, err)
		}
	}
	cb := contextButton{article: "bbc:pol-001", sentence: 7}
	cid, ok := cb.customID()
	if !ok || cid != "ctx:bbc:pol-001:7" {
		t.Fatalf("customID = %q %v", cid, ok)
	}
	if got, err := parseContext(cid); err != nil || got != cb {
		t.Errorf("parseContext(%q) = %+v, %v", cid, got, err)
	}
	if _, ok := (contextButton{article: strings.Repeat("a", 95), sentence: 1}).customID(); ok {
		t.Error("customID made an ID over 100 characters")
	}
	for _, bad := range []string{"ctx:", "ctx::3", "ctx:a:", "ctx:a:-1", "ctx:a:007", "ctx:a: 7", "more:a:1"} {
		if b, err := parseContext(bad); !errors.Is(err, errExpired) {
			t.Errorf("parseContext(%q) = %+v, %v; want errExpired", bad, b, err)
		}
	}
}

// FuzzParseCustomID: whatever a client sends, the parsers refuse it or
// read exactly what the bot would have written.
func FuzzParseCustomID(f *testing.F) {
	f.Add("more:abcdefghijklmnop:2")
	f.Add("ctx:article:5")
	f.Add("more:abcdefghijklmnop:3074457345618258604")
	f.Fuzz(func(t *testing.T, id string) {
		if b, err := parseMore(id); err == nil {
			if b.customID() != id || b.page < 1 || !validKey(b.key) {
				t.Fatalf("parseMore(%q) = %+v, which writes %q", id, b, b.customID())
			}
		} else if !errors.Is(err, errExpired) {
			t.Fatalf("parseMore(%q): %v is not errExpired", id, err)
		}
		if b, err := parseContext(id); err == nil {
			if got, ok := b.customID(); (ok || len(id) <= maxCustomID) && got != id || b.sentence < 1 {
				t.Fatalf("parseContext(%q) = %+v, which writes %q", id, b, got)
			}
		} else if !errors.Is(err, errExpired) {
			t.Fatalf("parseContext(%q): %v is not errExpired", id, err)
		}
	})
}

// TestForgedButtons: a button the bot did not make (or no longer
// remembers), however it is mangled, gets the short ephemeral "expired"
// message at once and never reaches the engine's More or Context.
func TestForgedButtons(t *testing.T) {
	e := &stubEngine{}
	var reached []string
	e.more = func(_ context.Context, q bot.Question, offset, limit int) ([]bot.Citation, error) {
		reached = append(reached, "more")
		return stubCitations[:1], nil
	}
	e.contextF = func(_ context.Context, article string, n int) ([]bot.Citation, error) {
		reached = append(reached, "context")
		return stubCitations[:1], nil
	}
	a := newApp(e, discardLogger(), time.Second, 5*time.Second)
	// A real answer, so that its key is known and only the page is forged.
	calls := dispatch(t, a, commandInteraction("ask", strOpt("question", "How many troops?")))
	var key string
	for _, id := range customIDs(calls[0].Response.Data.Components) {
		if b, err := parseMore(id); err == nil {
			key = b.key
		}
	}
	if key == "" {
		t.Fatal("the answer has no More button")
	}
	other := newKey()
	for _, tt := range []struct{ name, id string }{
		{"huge page", "more:" + key + ":3074457345618258604"},
		{"page past int64", "more:" + key + ":99999999999999999999999"},
		{"page never offered", "more:" + key + ":2"},
		{"negative page", "more:" + key + ":-1"},
		{"zero page", "more:" + key + ":0"},
		{"non-numeric page", "more:" + key + ":two"},
		{"empty page", "more:" + key + ":"},
		{"no page", "more:" + key},
		{"empty key", "more::1"},
		{"unknown key", "more:" + other + ":1"},
		{"malformed key", "more:GONE:1"},
		{"extra part", "more:" + key + ":1:1"},
		{"empty", ""},
		{"prefix only", "more"},
		{"unknown kind", "vote:1"},
		{"huge sentence", "ctx:article:3074457345618258604"},
		{"sentence past the article", "ctx:article:21"},
		{"negative sentence", "ctx:article:-3"},
		{"zero sentence", "ctx:article:0"},
		{"non-numeric sentence", "ctx:article:x"},
		{"empty sentence", "ctx:article:"},
		{"empty article", "ctx::3"},
		{"unknown article", "ctx:nosuch:1"},
		{"path in article", "ctx:../../etc/passwd:1"},
		{"101 characters", "ctx:" + strings.Repeat("a", 95) + ":1"},
		{"far too long", "more:" + key + ":1" + strings.Repeat("0", 400)},
		{"control characters", "ctx:arti\x00cle:1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			reached = nil
			calls := dispatch(t, a, buttonInteraction(tt.id))
			if len(calls) != 1 || calls[0].Method != "respond" || calls[0].Response.Type != discordgo.InteractionResponseChannelMessageWithSource {
				t.Fatalf("sent %+v, want one direct answer", calls)
			}
			content, embeds, flags, _ := messageOf(t, calls[0])
			if content != msgExpired || len(embeds) != 0 || flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("answered %q (%d embeds, flags %d), want the ephemeral %q", content, len(embeds), flags, msgExpired)
			}
			if len(reached) > 0 {
				t.Errorf("reached the engine's %v", reached)
			}
		})
	}
	// The buttons the bot made still work.
	for _, id := range []string{"more:" + key + ":1", "ctx:article:20"} {
		calls := dispatch(t, a, buttonInteraction(id))
		if content, _, _, _ := messageOf(t, calls[0]); content == msgExpired {
			t.Errorf("%s: expired", id)
		}
	}
}

// TestMoreFromTheMessage: a More button no process remembers (another
// replica made the answer, or this one has restarted since) is answered
// from the message it is on: the question is the answer's title, the
// sentences already shown its citation fields. A page past what the engine
// can return, or a message with no answer on it, is expired.
func TestMoreFromTheMessage(t *testing.T) {
	e := &stubEngine{}
	var gotQ string
	var gotOffset int
	e.more = func(_ context.Context, q bot.Question, offset, limit int) ([]bot.Citation, error) {
		gotQ, gotOffset = q.Text, offset
		return stubCitations[:1], nil
	}
	a := newApp(e, discardLogger(), time.Second, 5*time.Second)
	answer := renderAnswer(&bot.Answer{Question: `How many *troops* "here"?`, Text: "200", Sentences: stubCitations[:2]}, newKey())
	key := newKey() // no process knows it
	for _, tt := range []struct {
		name   string
		id     string
		msg    *discordgo.Message
		offset int // -1: expired
	}{
		{"the answer's message", "more:" + key + ":1", &discordgo.Message{Embeds: answer.Embeds}, 2},
		{"a later page, from a More message", "more:" + key + ":2", &discordgo.Message{Embeds: renderMore(`How many *troops* "here"?`, stubCitations[:1], "x").Embeds}, answerSentences + morePage},
		{"a page past the engine's sentences", "more:" + key + ":" + strconv.Itoa(maxMorePages+1), &discordgo.Message{Embeds: answer.Embeds}, -1},
		{"no message", "more:" + key + ":1", nil, -1},
		{"a message with no answer", "more:" + key + ":1", &discordgo.Message{Content: "hello"}, -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			gotQ, gotOffset = "", -1
			i := buttonInteraction(tt.id)
			i.Message = tt.msg
			calls := dispatch(t, a, i)
			content, _, _, _ := messageOf(t, calls[0])
			if tt.offset < 0 {
				if content != msgExpired || gotQ != "" {
					t.Fatalf("answered %q (engine asked %q), want expired", content, gotQ)
				}
				return
			}
			if gotQ != `How many *troops* "here"?` || gotOffset != tt.offset {
				t.Fatalf("engine asked %q from %d, want the question from %d", gotQ, gotOffset, tt.offset)
			}
		})
	}
}
