package discord

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// dispatch runs one interaction through the dispatcher with a recorder and
// returns what it sent.
func dispatch(t *testing.T, a *app, i *discordgo.Interaction) []recorded {
	t.Helper()
	rec := newRecorder()
	done := make(chan struct{})
	go func() {
		defer close(done)
		a.handleInteraction(context.Background(), rec, i)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("dispatcher did not return")
	}
	calls := rec.all()
	for _, c := range calls {
		if c.Method == "delete" || (c.Response != nil && c.Response.Type == discordgo.InteractionApplicationCommandAutocompleteResult) {
			continue
		}
		_, _, _, am := messageOf(t, c)
		if am == nil || am.Parse == nil || len(am.Parse) != 0 {
			t.Errorf("%s: allowed mentions %+v, want parse:[]", c.Method, am)
		}
	}
	return calls
}

func TestDispatch(t *testing.T) {
	slow := func(d time.Duration) func(ctx context.Context, q bot.Question) (*bot.Answer, error) {
		return func(ctx context.Context, q bot.Question) (*bot.Answer, error) {
			select {
			case <-time.After(d):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			return (&stubEngine{}).Ask(ctx, q)
		}
	}
	tests := []struct {
		name    string
		ask     func(ctx context.Context, q bot.Question) (*bot.Answer, error)
		in      *discordgo.Interaction
		timeout time.Duration
		// wantMethods lists the calls in order, with the callback type for responds.
		wantMethods []string
		wantText    string // in the final message
		wantFlags   discordgo.MessageFlags
		wantLog     string
	}{
		{
			name:        "fast answer is direct",
			in:          commandInteraction("ask", strOpt("question", "How many troops?")),
			wantMethods: []string{"respond:4"},
			wantText:    "10,000 to 30,000",
		},
		{
			name:        "private answer is ephemeral",
			in:          commandInteraction("ask", strOpt("question", "How many troops?"), boolOpt("private", true)),
			wantMethods: []string{"respond:4"},
			wantText:    "10,000 to 30,000",
			wantFlags:   discordgo.MessageFlagsEphemeral,
		},
		{
			name:        "slow answer is deferred then edited",
			ask:         slow(150 * time.Millisecond),
			in:          commandInteraction("ask", strOpt("question", "How many troops?")),
			wantMethods: []string{"respond:5", "edit"},
			wantText:    "10,000 to 30,000",
		},
		{
			name:        "slow private answer defers ephemerally",
			ask:         slow(150 * time.Millisecond),
			in:          commandInteraction("ask", strOpt("question", "How many troops?"), boolOpt("private", true)),
			wantMethods: []string{"respond:5", "edit"},
			wantText:    "10,000 to 30,000",
			wantFlags:   discordgo.MessageFlagsEphemeral,
		},
		{
			name: "panic becomes a short ephemeral message",
			ask: func(context.Context, bot.Question) (*bot.Answer, error) {
				panic("index exploded")
			},
			in:          commandInteraction("ask", strOpt("question", "q")),
			wantMethods: []string{"respond:4"},
			wantText:    msgSomethingWent,
			wantFlags:   discordgo.MessageFlagsEphemeral,
			wantLog:     "index exploded",
		},
		{
			name: "internal error is logged, not shown",
			ask: func(context.Context, bot.Question) (*bot.Answer, error) {
				return nil, errors.New("disk on fire /var/secret")
			},
			in:          commandInteraction("ask", strOpt("question", "q")),
			wantMethods: []string{"respond:4"},
			wantText:    msgSomethingWent,
			wantFlags:   discordgo.MessageFlagsEphemeral,
			wantLog:     "disk on fire",
		},
		{
			name: "user error is shown, escaped",
			ask: func(context.Context, bot.Question) (*bot.Answer, error) {
				return nil, &bot.UserError{Msg: "That question is too *long*."}
			},
			in:          commandInteraction("ask", strOpt("question", "q")),
			wantMethods: []string{"respond:4"},
			wantText:    `That question is too \*long\*.`,
			wantFlags:   discordgo.MessageFlagsEphemeral,
		},
		{
			name: "slow error after a public deferral goes to the asker only",
			ask: func(ctx context.Context, q bot.Question) (*bot.Answer, error) {
				time.Sleep(150 * time.Millisecond)
				return nil, errors.New("boom")
			},
			in:          commandInteraction("ask", strOpt("question", "q")),
			wantMethods: []string{"respond:5", "delete", "followup"},
			wantText:    msgSomethingWent,
			wantFlags:   discordgo.MessageFlagsEphemeral,
		},
		{
			name:        "handler timeout",
			ask:         slow(time.Hour),
			timeout:     200 * time.Millisecond,
			in:          commandInteraction("ask", strOpt("question", "q"), boolOpt("private", true)),
			wantMethods: []string{"respond:5", "edit"},
			wantText:    msgTooSlow,
			wantFlags:   discordgo.MessageFlagsEphemeral,
		},
		{
			name:        "unknown command",
			in:          commandInteraction("no-such-command"),
			wantMethods: []string{"respond:4"},
			wantText:    msgUnknown,
			wantFlags:   discordgo.MessageFlagsEphemeral,
		},
		{
			name:        "unknown article",
			in:          commandInteraction("ask", strOpt("question", "q"), strOpt("article", "nope*")),
			wantMethods: []string{"respond:4"},
			wantText:    `I don't know an article called “nope\*”`,
			wantFlags:   discordgo.MessageFlagsEphemeral,
		},
		{
			name:        "context button",
			in:          buttonInteraction("ctx:article:2"),
			wantMethods: []string{"respond:4"},
			wantText:    "Healey said planning continues.",
			wantFlags:   discordgo.MessageFlagsEphemeral,
		},
		{
			name:        "expired more button",
			in:          buttonInteraction("more:gone:1"),
			wantMethods: []string{"respond:4"},
			wantText:    msgExpired,
			wantFlags:   discordgo.MessageFlagsEphemeral,
		},
		{
			name:        "unknown button",
			in:          buttonInteraction("vote:1"),
			wantMethods: []string{"respond:4"},
			wantText:    msgExpired,
			wantFlags:   discordgo.MessageFlagsEphemeral,
		},
		{
			name:        "facts of one kind",
			in:          commandInteraction("facts", strOpt("kind", "quotes")),
			wantMethods: []string{"respond:4"},
			wantText:    "We must be ready",
		},
		{
			name:        "search",
			in:          commandInteraction("search", strOpt("query", "troops")),
			wantMethods: []string{"respond:4"},
			wantText:    "**troops**",
		},
		{
			name:        "articles",
			in:          commandInteraction("articles"),
			wantMethods: []string{"respond:4"},
			wantText:    "Troops for Ukraine",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, logs := testLogger(-8)
			timeout := tt.timeout
			if timeout == 0 {
				timeout = 5 * time.Second
			}
			a := newApp(&stubEngine{ask: tt.ask}, log, 50*time.Millisecond, timeout)
			calls := dispatch(t, a, tt.in)
			var got []string
			for _, c := range calls {
				m := c.Method
				if c.Response != nil {
					m += ":" + itoa(int(c.Response.Type))
				}
				got = append(got, m)
			}
			if strings.Join(got, " ") != strings.Join(tt.wantMethods, " ") {
				t.Fatalf("calls = %v, want %v", got, tt.wantMethods)
			}
			last := calls[len(calls)-1]
			content, embeds, flags, _ := messageOf(t, last)
			if text := content + "\n" + embedText(embeds); !strings.Contains(text, tt.wantText) {
				t.Errorf("message = %q, want it to hold %q", text, tt.wantText)
			}
			if last.Method != "edit" && flags != tt.wantFlags {
				t.Errorf("flags = %v, want %v", flags, tt.wantFlags)
			}
			if first := calls[0]; first.Response != nil && first.Response.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource {
				if wantEph := tt.wantFlags != 0 && last.Method == "edit"; (first.Response.Data.Flags&discordgo.MessageFlagsEphemeral != 0) != wantEph {
					t.Errorf("deferral flags = %v", first.Response.Data.Flags)
				}
			}
			out := logs.String()
			for _, attr := range []string{`"interaction_id":"1"`, `"guild_id":"3"`, `"latency_ms"`, `"command":`} {
				if !strings.Contains(out, attr) {
					t.Errorf("log lacks %s:\n%s", attr, out)
				}
			}
			if tt.wantLog != "" && !strings.Contains(out, tt.wantLog) {
				t.Errorf("log lacks %q:\n%s", tt.wantLog, out)
			}
			if strings.Contains(content, "disk on fire") || strings.Contains(content, "exploded") {
				t.Errorf("internal detail shown to the user: %q", content)
			}
		})
	}
}

// TestMoreButtonPages: the answer stores its question; More pages through
// the further sentences and offers a next page while there is one.
func TestMoreButtonPages(t *testing.T) {
	e := &stubEngine{}
	a := newApp(e, discardLogger(), time.Second, 5*time.Second)
	calls := dispatch(t, a, commandInteraction("ask", strOpt("question", "How many troops?")))
	more := ""
	for _, id := range customIDs(calls[0].Response.Data.Components) {
		if strings.HasPrefix(id, "more:") {
			more = id
		}
	}
	if more == "" || len(more) > maxCustomID {
		t.Fatalf("no More button: %v", customIDs(calls[0].Response.Data.Components))
	}
	// The answer showed one sentence; the stub has three more.
	calls = dispatch(t, a, buttonInteraction(more))
	data := calls[0].Response.Data
	if n := len(data.Embeds[0].Fields); n != 3 {
		t.Errorf("page 1: %d sentences, want 3", n)
	}
	if ids := customIDs(data.Components); len(ids) != 0 {
		t.Errorf("page 1 offers a next page with nothing left: %v", ids)
	}
	if data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("More answer is not ephemeral")
	}
	// Page 2 was never offered: the button is refused.
	b, err := parseMore(more)
	if err != nil {
		t.Fatal(err)
	}
	calls = dispatch(t, a, buttonInteraction(moreButton{key: b.key, page: 2}.customID()))
	if got := calls[0].Response.Data.Content; got != msgExpired {
		t.Errorf("page 2 = %q, want %q", got, msgExpired)
	}
}

func TestAutocomplete(t *testing.T) {
	var infos []bot.ArticleInfo
	for i := range 40 {
		infos = append(infos, bot.ArticleInfo{ID: "bbc-" + itoa(i), Title: "Story " + itoa(i) + strings.Repeat(" long", 40)})
	}
	infos = append(infos, bot.ArticleInfo{ID: "article", Title: "Troops for Ukraine"}, bot.ArticleInfo{ID: strings.Repeat("x", 101), Title: "too long an ID"})
	a := newApp(&stubEngine{articles: infos}, discardLogger(), time.Second, time.Second)
	tests := []struct {
		typed string
		want  int    // choices
		first string // first choice's value
	}{
		{"", 25, "bbc-0"},
		{"ukr", 1, "article"},
		{"TROOPS", 1, "article"},
		{"bbc-3", 11, "bbc-3"},
		{"zzz", 0, ""},
		{"too long", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			i := commandInteraction("ask", strOpt("question", "q"), &discordgo.ApplicationCommandInteractionDataOption{
				Name: "article", Type: discordgo.ApplicationCommandOptionString, Value: tt.typed, Focused: true,
			})
			i.Type = discordgo.InteractionApplicationCommandAutocomplete
			calls := dispatch(t, a, i)
			if len(calls) != 1 || calls[0].Response.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
				t.Fatalf("calls = %+v", calls)
			}
			cs := calls[0].Response.Data.Choices
			if len(cs) != tt.want {
				t.Fatalf("%d choices, want %d", len(cs), tt.want)
			}
			if tt.want > 0 && cs[0].Value != tt.first {
				t.Errorf("first choice %v, want %s", cs[0].Value, tt.first)
			}
			for _, c := range cs {
				if n := runes(c.Name); n < 1 || n > maxChoiceName {
					t.Errorf("choice name %q: %d characters", c.Name, n)
				}
			}
			checkLimits(t, calls[0].Response.Data)
		})
	}
}

// TestBusyWorkersDeferAtOnce: when every worker is answering, a new
// interaction is deferred at once, not after deferAfter (an hour here): it
// could not be answered directly in time anyway.
func TestBusyWorkersDeferAtOnce(t *testing.T) {
	release := make(chan struct{})
	e := &stubEngine{ask: func(ctx context.Context, q bot.Question) (*bot.Answer, error) {
		<-release
		return nil, errors.New("released")
	}}
	a := newApp(e, discardLogger(), time.Hour, 2*time.Hour)
	rec := newRecorder()
	var busy sync.WaitGroup
	for range workers() {
		busy.Add(1)
		go func() {
			defer busy.Done()
			a.handleInteraction(context.Background(), rec, commandInteraction("ask", strOpt("question", "q")))
		}()
	}
	// Wait until the workers are all taken.
	for deadline := time.Now().Add(30 * time.Second); len(a.slots) < cap(a.slots); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the workers never all started")
		}
	}
	busy.Add(1)
	go func() {
		defer busy.Done()
		a.handleInteraction(context.Background(), rec, commandInteraction("ask", strOpt("question", "one more")))
	}()
	select {
	case c := <-rec.sent:
		if c.Method != "respond" || c.Response.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
			t.Errorf("first call %s %+v, want a deferral", c.Method, c.Response)
		}
	case <-time.After(30 * time.Second):
		t.Error("not deferred while every worker was busy")
	}
	close(release)
	busy.Wait()
}

// TestSessionErrorsDoNotStopTheDispatcher: a failing Discord call is logged
// and the dispatcher returns.
func TestSessionErrorsDoNotStopTheDispatcher(t *testing.T) {
	log, logs := testLogger(slog.LevelDebug)
	a := newApp(&stubEngine{}, log, time.Second, time.Second)
	rec := newRecorder()
	rec.fail = errors.New("HTTP 500")
	a.handleInteraction(context.Background(), rec, commandInteraction("ask", strOpt("question", "q")))
	if !strings.Contains(logs.String(), "sending response failed") {
		t.Errorf("log:\n%s", logs)
	}
}

func TestWhoSaidAndHowManyFixTheKind(t *testing.T) {
	e := &stubEngine{}
	a := newApp(e, discardLogger(), time.Second, time.Second)
	dispatch(t, a, commandInteraction("who-said", strOpt("quote", `"We must be ready"`)))
	if q := e.lastAsked(); q.Kind != bot.KindWhoSaid || q.Text != "Who said “We must be ready”?" {
		t.Errorf("who-said asked %+v", q)
	}
	dispatch(t, a, commandInteraction("how-many", strOpt("what", "military planners"), strOpt("article", "Troops for Ukraine")))
	if q := e.lastAsked(); q.Kind != bot.KindHowMany || q.Text != "how many military planners" || q.Article != "article" {
		t.Errorf("how-many asked %+v", q)
	}
}

func TestDeferWait(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	id := func(created time.Time) string {
		return itoa(int((created.UnixMilli() - discordEpoch) << 22))
	}
	tests := []struct {
		name string
		id   string
		want time.Duration
	}{
		{"just made", id(now), 1500 * time.Millisecond},
		{"a second on the way", id(now.Add(-time.Second)), 500 * time.Millisecond},
		{"already late", id(now.Add(-4 * time.Second)), 0},
		{"from the future: clocks disagree", id(now.Add(time.Minute)), 1500 * time.Millisecond},
		{"ancient: clocks disagree", id(now.Add(-time.Hour)), 1500 * time.Millisecond},
		{"not a snowflake", "abc", 1500 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := deferWait(tt.id, 1500*time.Millisecond, now); got != tt.want {
			t.Errorf("%s: deferWait = %v, want %v", tt.name, got, tt.want)
		}
	}
	if got, _ := snowflakeTime("175928847299117063"); got.UnixMilli() != 1462015105796 {
		t.Errorf("snowflakeTime(Discord's example) = %v", got.UnixMilli())
	}
}
