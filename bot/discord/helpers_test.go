package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/discord/discordtest"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/bwmarrin/discordgo"
)

// stubEngine is an Engine for handler tests: each method calls its func
// field when set, else answers from a tiny built-in article.
type stubEngine struct {
	ask      func(ctx context.Context, q bot.Question) (*bot.Answer, error)
	more     func(ctx context.Context, q bot.Question, offset, limit int) ([]bot.Citation, error)
	search   func(ctx context.Context, query, article string, limit int) ([]bot.Match, error)
	factsFn  func(ctx context.Context, article string, kinds ...facts.Kind) ([]facts.Fact, error)
	contextF func(ctx context.Context, article string, n int) ([]bot.Citation, error)
	articles []bot.ArticleInfo

	mu    sync.Mutex
	asked []bot.Question
}

var _ Engine = (*stubEngine)(nil)
var _ Engine = (*bot.Engine)(nil)

var stubCitations = []bot.Citation{
	{Article: "article", Title: "Troops for Ukraine", Index: 5, Text: "The force could have 10,000 to 30,000 troops."},
	{Article: "article", Title: "Troops for Ukraine", Index: 6, Text: "Healey said planning continues."},
	{Article: "article", Title: "Troops for Ukraine", Index: 7, Text: "Another sentence."},
	{Article: "article", Title: "Troops for Ukraine", Index: 8, Text: "Yet another sentence."},
}

func (e *stubEngine) Ask(ctx context.Context, q bot.Question) (*bot.Answer, error) {
	e.mu.Lock()
	e.asked = append(e.asked, q)
	e.mu.Unlock()
	if e.ask != nil {
		return e.ask(ctx, q)
	}
	return &bot.Answer{
		Question: q.Text, Kind: bot.KindHowMany, Text: "10,000 to 30,000", Confidence: 0.8,
		Sentences: stubCitations[:1],
		Facts:     []facts.Fact{{Kind: facts.KindQuantity, Text: "10,000 to 30,000", Role: "troops", Sentence: 5}},
	}, nil
}

func (e *stubEngine) lastAsked() bot.Question {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.asked) == 0 {
		return bot.Question{}
	}
	return e.asked[len(e.asked)-1]
}

func (e *stubEngine) More(ctx context.Context, q bot.Question, offset, limit int) ([]bot.Citation, error) {
	if e.more != nil {
		return e.more(ctx, q, offset, limit)
	}
	if offset >= len(stubCitations) {
		return nil, nil
	}
	return stubCitations[offset:min(len(stubCitations), offset+limit)], nil
}

func (e *stubEngine) Search(ctx context.Context, query, article string, limit int) ([]bot.Match, error) {
	if e.search != nil {
		return e.search(ctx, query, article, limit)
	}
	return []bot.Match{{Citation: stubCitations[0], Spans: [][2]int{{38, 44}}, Score: 1}}, nil
}

func (e *stubEngine) Facts(ctx context.Context, article string, kinds ...facts.Kind) ([]facts.Fact, error) {
	if e.factsFn != nil {
		return e.factsFn(ctx, article, kinds...)
	}
	return []facts.Fact{
		{Kind: facts.KindPerson, Text: "John Healey", Value: "John Healey", Role: "Britain's Defense Minister", Sentence: 1},
		{Kind: facts.KindQuote, Text: "We must be ready for when peace comes", Speaker: "John Healey", Sentence: 6},
	}, nil
}

func (e *stubEngine) Context(ctx context.Context, article string, n int) ([]bot.Citation, error) {
	if e.contextF != nil {
		return e.contextF(ctx, article, n)
	}
	return stubCitations[:3], nil
}

func (e *stubEngine) Articles() []bot.ArticleInfo {
	if e.articles != nil {
		return e.articles
	}
	return []bot.ArticleInfo{{ID: "article", Title: "Troops for Ukraine", Sentences: 20, Source: "built-in"}}
}

func (e *stubEngine) Article(id string) (bot.ArticleInfo, bool) {
	for _, a := range e.Articles() {
		if a.ID == id {
			return a, true
		}
	}
	return bot.ArticleInfo{}, false
}

// recorder is a session that records what the dispatcher sends.
type recorder struct {
	mu    sync.Mutex
	calls []recorded
	sent  chan recorded // every call, as it happens
	fail  error         // returned by every call when set
}

type recorded struct {
	Method    string
	Response  *discordgo.InteractionResponse
	Edit      *discordgo.WebhookEdit
	Followup  *discordgo.WebhookParams
	ChannelID string
	Message   *discordgo.MessageSend
	At        time.Time
}

func newRecorder() *recorder { return &recorder{sent: make(chan recorded, 100)} }

func (r *recorder) add(c recorded) error {
	c.At = time.Now()
	r.mu.Lock()
	r.calls = append(r.calls, c)
	r.mu.Unlock()
	r.sent <- c
	return r.fail
}

func (r *recorder) InteractionRespond(i *discordgo.Interaction, resp *discordgo.InteractionResponse, _ ...discordgo.RequestOption) error {
	return r.add(recorded{Method: "respond", Response: resp})
}

func (r *recorder) InteractionResponseEdit(i *discordgo.Interaction, e *discordgo.WebhookEdit, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	return &discordgo.Message{}, r.add(recorded{Method: "edit", Edit: e})
}

func (r *recorder) InteractionResponseDelete(i *discordgo.Interaction, _ ...discordgo.RequestOption) error {
	return r.add(recorded{Method: "delete"})
}

func (r *recorder) FollowupMessageCreate(i *discordgo.Interaction, wait bool, p *discordgo.WebhookParams, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	return &discordgo.Message{}, r.add(recorded{Method: "followup", Followup: p})
}

func (r *recorder) ChannelMessageSendComplex(channelID string, m *discordgo.MessageSend, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	return &discordgo.Message{}, r.add(recorded{Method: "send", ChannelID: channelID, Message: m})
}

func (r *recorder) all() []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]recorded(nil), r.calls...)
}

// syncBuffer is a log sink safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testLogger logs JSON into a buffer the test can read.
func testLogger(level slog.Level) (*slog.Logger, *syncBuffer) {
	buf := &syncBuffer{}
	return slog.New(slog.NewJSONHandler(buf, &slog.HandlerOptions{Level: level})), buf
}

// checkLimits fails the test when a message breaks one of Discord's limits,
// checked by the fake Discord's own rules after a JSON round trip.
func checkLimits(t *testing.T, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	var rep discordtest.Reply
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	if err := rep.CheckLimits(); err != nil {
		t.Errorf("over Discord's limits: %v", err)
	}
}

// commandInteraction builds a slash command interaction.
func commandInteraction(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "1", AppID: "2", Token: "tok", Type: discordgo.InteractionApplicationCommand, GuildID: "3", ChannelID: "4",
		Member: &discordgo.Member{User: &discordgo.User{ID: "5"}},
		Data:   discordgo.ApplicationCommandInteractionData{Name: name, Options: opts},
	}
}

func strOpt(name, v string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: v}
}

func boolOpt(name string, v bool) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: v}
}

func buttonInteraction(customID string) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "1", AppID: "2", Token: "tok", Type: discordgo.InteractionMessageComponent, GuildID: "3", ChannelID: "4",
		Member: &discordgo.Member{User: &discordgo.User{ID: "5"}},
		Data:   discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent},
	}
}

// messageOf reads the message of a recorded call, whatever carried it.
func messageOf(t *testing.T, c recorded) (content string, embeds []*discordgo.MessageEmbed, flags discordgo.MessageFlags, am *discordgo.MessageAllowedMentions) {
	t.Helper()
	switch {
	case c.Response != nil && c.Response.Data != nil:
		d := c.Response.Data
		return d.Content, d.Embeds, d.Flags, d.AllowedMentions
	case c.Edit != nil:
		if c.Edit.Content != nil {
			content = *c.Edit.Content
		}
		if c.Edit.Embeds != nil {
			embeds = *c.Edit.Embeds
		}
		return content, embeds, 0, c.Edit.AllowedMentions
	case c.Followup != nil:
		return c.Followup.Content, c.Followup.Embeds, c.Followup.Flags, c.Followup.AllowedMentions
	case c.Message != nil:
		return c.Message.Content, c.Message.Embeds, c.Message.Flags, c.Message.AllowedMentions
	}
	t.Fatalf("call %s carries no message", c.Method)
	return
}

// embedText joins every text of some embeds.
func embedText(es []*discordgo.MessageEmbed) string {
	rep := discordtest.Reply{Embeds: es}
	return rep.Text()
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

func itoa(n int) string { return strconv.Itoa(n) }

// fakeClock is a time that moves only when a test moves it; the bot's
// handlers may read it while the test moves it.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
