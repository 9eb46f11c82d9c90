package discord

import (
	"errors"
	"time"

	"github.com/articlebot/articlebot/bot/discord/metrics"
	"github.com/articlebot/articlebot/corpus/web"
)

// Option gives Run or Serve more than the engine: a corpus that can be
// changed, metrics to count into.
type Option func(*app)

// WithLibrary lets /article add and /article remove change the corpus
// through l (a *live.Engine over a corpus folder). Without it they answer
// that the corpus cannot be changed.
func WithLibrary(l Library) Option { return func(a *app) { a.library = l } }

// WithMetrics counts what the bot does into m.
func WithMetrics(m *metrics.Metrics) Option { return func(a *app) { a.metrics = m } }

// withClock makes the cooldown read the time from now (tests).
func withClock(now func() time.Time) Option {
	return func(a *app) {
		if a.cooldown != nil {
			a.cooldown.now = now
		}
	}
}

// extras is the part of the app the options and the configuration set,
// beyond what newApp makes.
type extras struct {
	library   Library
	metrics   *metrics.Metrics
	cooldown  *cooldown // nil: no cooldown
	transport string    // transportGateway or transportHTTP
	posts     bool      // the bot has a token to post messages with (run; serve with DISCORD_TOKEN)
	// fetch is how attachments are downloaded; attachmentHosts are the
	// hosts they may come from (Discord's CDN, or a stand-in for Discord).
	fetch           web.Options
	attachmentHosts map[string]bool
}

// How the bot hears from Discord: Run's gateway connection, or Serve's
// HTTP endpoint (the latency metric's label).
const (
	transportGateway = "gateway"
	transportHTTP    = "http"
)

// configure sets what cfg and opts say, after newApp.
func (a *app) configure(cfg Config, transport string, opts []Option) {
	a.transport = transport
	a.posts = cfg.Token != ""
	a.cooldown = newCooldown(cfg.rate(), time.Now)
	a.fetch = web.Options{AllowPrivate: cfg.AllowPrivateURLs}
	a.attachmentHosts = attachmentHosts(cfg.BaseURL)
	for _, o := range opts {
		o(a)
	}
}

// seesMessages reports whether Discord shows the bot the messages
// posted in channels and threads: over the gateway only.
func (a *app) seesMessages() bool { return a.transport == transportGateway }

// countError counts a handler's failure: a panic, a timeout or an
// internal error (a refusal of bad input is no failure).
func (a *app) countError(err error, outcome string) {
	switch {
	case errors.Is(err, errPanic):
		a.metrics.Panic()
	case outcome == "timeout" || outcome == "internal_error":
		a.metrics.HandlerError(outcome)
	}
}
