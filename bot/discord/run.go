// Package discord is articlebot's Discord face, on discordgo: slash
// commands, buttons, mentions and DMs, answered by the engine in package
// bot. It holds no answering logic: one command table drives registration,
// dispatch and tests; handlers turn a request into a message; one
// dispatcher does the I/O within Discord's deadlines.
package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// How long shutdown waits. Discord gives a deferred interaction 15
// minutes, but a stopping process has seconds (systemd and Docker send
// SIGKILL 10 s after SIGTERM by default), so running handlers get
// shutdownGrace to send their answers; then they are cancelled and get
// cancelGrace to return (they check their context often), and Run returns
// whether or not they have. discordgo's Close sends the close frame, then
// sleeps a second before closing the socket, so an idle stop takes about a
// second; closeGrace leaves it room, and a Close stuck behind discordgo's
// reconnect loop (which holds the session's lock while it dials) is left
// behind. Returning before Close ends would leave it logging through
// discordgo's package-wide Logger while a new Run (in tests) replaces it.
const (
	shutdownGrace = 10 * time.Second
	cancelGrace   = time.Second
	closeGrace    = 2 * time.Second
)

// Intents are the gateway intents the bot asks for: guilds, guild messages
// and DMs (mentions carry their content without a privileged intent), plus
// the privileged MESSAGE_CONTENT when enabled.
func (c Config) Intents() discordgo.Intent {
	in := discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if c.MessageContent {
		in |= discordgo.IntentsMessageContent
	}
	return in
}

// Run connects to Discord, registers the slash commands (one bulk
// overwrite, in cfg.GuildID when set, else globally) and answers
// interactions, mentions and DMs with engine until ctx is done; then it
// closes the gateway, waits briefly for running handlers, and returns nil.
//
// With cfg.ShardCount set, the process is one shard of the bot: it
// identifies as shard cfg.ShardID, and only shard 0 registers the
// commands.
func Run(ctx context.Context, cfg Config, engine Engine, logger *slog.Logger, opts ...Option) error {
	cfg, err := cfg.normalize()
	if err != nil {
		return err
	}
	if engine == nil {
		return errors.New("discord: no engine")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	log := logger.With(slog.String("component", "discord"))

	setEndpoints(cfg.BaseURL)
	useDiscordgoLogger(discordgoLogger(log, cfg.Token))

	s, err := discordgo.New("Bot " + cfg.Token)
	if err != nil {
		return redactError(fmt.Errorf("discord: new session: %w", err), cfg.Token)
	}
	s.LogLevel = discordgoLevel(cfg.LogLevel)
	s.Client = httpClient()
	s.Identify.Intents = cfg.Intents()
	s.StateEnabled = false // the bot needs no guild cache; READY is still kept
	s.ShouldReconnectVoiceOnSessionError = false
	if cfg.ShardCount > 0 {
		s.ShardID, s.ShardCount = cfg.ShardID, cfg.ShardCount
		log = log.With(slog.Int("shard_id", cfg.ShardID))
	}

	a := newApp(engine, log, cfg.DeferAfter, cfg.HandlerTimeout)
	a.configure(cfg, transportGateway, opts)
	a.discuss.everyMessage = cfg.MessageContent
	// Handlers get a context that outlives ctx by the shutdown grace, so
	// answers under way are still sent.
	work, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	a.register(work, s)

	log.Info("connecting", slog.Any("config", cfg), slog.Int("intents", int(cfg.Intents())))
	if err := open(ctx, s); err != nil {
		if ctx.Err() != nil {
			a.shutdown(s, stopWork, log)
			return nil // asked to stop while connecting
		}
		return redactError(fmt.Errorf("discord: open gateway: %w", err), cfg.Token)
	}
	appID, user := readyIDs(s)
	if cfg.ShardID == 0 {
		if err := a.registerCommands(ctx, s, appID, cfg.GuildID, user); err != nil {
			a.shutdown(s, stopWork, log)
			if ctx.Err() != nil {
				return nil // asked to stop while registering
			}
			return redactError(err, cfg.Token)
		}
	} else {
		// The commands are the application's, not a shard's: shard 0
		// registers them for all.
		log.Info("ready; shard 0 registers the commands", slog.String("app_id", appID), slog.String("user", user), slog.Int("shard_count", cfg.ShardCount))
	}

	<-ctx.Done()
	log.Info("shutting down")
	a.shutdown(s, stopWork, log)
	return nil
}

// registerCommands makes the command table the application's commands,
// in guildID or ("") globally: one bulk overwrite.
func (a *app) registerCommands(ctx context.Context, s *discordgo.Session, appID, guildID, user string) error {
	defs := definitions(a.table)
	if _, err := s.ApplicationCommandBulkOverwrite(appID, guildID, defs, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("discord: register commands: %w", err)
	}
	scope := "global"
	if guildID != "" {
		scope = "guild"
	}
	a.log.Info("ready", slog.String("app_id", appID), slog.String("user", user),
		slog.Int("commands", len(defs)), slog.String("scope", scope), slog.String("guild_id", guildID))
	return nil
}

// open connects the session to the gateway, or gives up when ctx ends:
// discordgo's Open takes no context, and waits for a slow or unreachable
// gateway for as long as its dialer does.
func open(ctx context.Context, s *discordgo.Session) error {
	done := make(chan error, 1)
	go func() { done <- s.Open() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// httpClient is discordgo's client with connections kept for reuse: a
// burst of interactions is answered over pooled connections, not a new
// one per response.
func httpClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = 256
	tr.MaxIdleConnsPerHost = 128
	return &http.Client{Timeout: 20 * time.Second, Transport: tr}
}

// register adds the gateway event handlers. discordgo runs each in its own
// goroutine; each is tracked, so shutdown can wait for it.
func (a *app) register(work context.Context, s *discordgo.Session) {
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		if ic.Interaction == nil || !a.inflight.start() {
			return
		}
		defer a.inflight.done()
		a.handleInteraction(work, s, ic.Interaction)
	})
	s.AddHandler(func(s *discordgo.Session, mc *discordgo.MessageCreate) {
		if mc.Message == nil || !a.inflight.start() {
			return
		}
		defer a.inflight.done()
		a.handleMessage(work, s, botUserID(s), mc.Message)
	})
	s.AddHandler(func(s *discordgo.Session, r *discordgo.Ready) {
		a.log.Info("gateway session started", slog.Int("guilds", len(r.Guilds)))
	})
	s.AddHandler(func(s *discordgo.Session, r *discordgo.Resumed) {
		a.log.Info("gateway session resumed")
	})
	s.AddHandler(func(s *discordgo.Session, d *discordgo.Disconnect) {
		a.log.Debug("gateway disconnected")
	})
	var connects atomic.Int64
	s.AddHandler(func(s *discordgo.Session, c *discordgo.Connect) {
		if connects.Add(1) > 1 {
			a.metrics.Reconnect()
		}
	})
	s.AddHandler(func(s *discordgo.Session, rl *discordgo.RateLimit) {
		a.log.Warn("rate limited", slog.String("url", redactURL(rl.URL)), slog.Duration("retry_after", rl.RetryAfter))
	})
}

// drain refuses new handlers and lets running ones send their answers
// for up to shutdownGrace, then cancels them (stopWork) and gives them
// cancelGrace to return.
func (a *app) drain(stopWork context.CancelFunc, log *slog.Logger) {
	wait, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := a.inflight.closeAndWait(wait); err != nil {
		log.Warn("handlers still running at shutdown; cancelling them", slog.Duration("waited", shutdownGrace))
		stopWork()
		wait, cancel := context.WithTimeout(context.Background(), cancelGrace)
		defer cancel()
		if err := a.inflight.closeAndWait(wait); err != nil {
			log.Error("handlers did not stop when cancelled; leaving them", slog.Duration("waited", cancelGrace))
		}
	}
}

// readyIDs reads the application ID and the bot's user name from the
// session's READY. The application ID is the bot user's ID when READY
// carries no application.
func readyIDs(s *discordgo.Session) (appID, user string) {
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.User != nil {
		appID, user = s.State.User.ID, s.State.User.Username
	}
	if s.State.Application != nil && s.State.Application.ID != "" {
		appID = s.State.Application.ID
	}
	return appID, user
}

// botUserID is the bot's user ID, from READY.
func botUserID(s *discordgo.Session) string {
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.User == nil {
		return ""
	}
	return s.State.User.ID
}

// redactURL drops the interaction or webhook token from a Discord URL: the
// path segment after interactions/<id>/ or webhooks/<app>/.
func redactURL(u string) string {
	for _, marker := range []string{"/interactions/", "/webhooks/"} {
		i := strings.Index(u, marker)
		if i < 0 {
			continue
		}
		rest := u[i+len(marker):]
		j := strings.Index(rest, "/")
		if j < 0 {
			return u
		}
		tail := rest[j+1:]
		k := strings.Index(tail, "/")
		if k < 0 {
			return u[:i+len(marker)] + rest[:j+1] + "[token]"
		}
		return u[:i+len(marker)] + rest[:j+1] + "[token]" + tail[k:]
	}
	return u
}

// shutdown closes the gateway and, meanwhile, lets running handlers send
// their answers for up to shutdownGrace before cancelling them. It returns
// within shutdownGrace+cancelGrace+closeGrace whatever discordgo and the
// handlers do.
func (a *app) shutdown(s *discordgo.Session, stopWork context.CancelFunc, log *slog.Logger) {
	closed := make(chan error, 1)
	go func() {
		// No reconnecting after this: discordgo's heartbeat reconnects
		// when a write fails, as one does once Close has closed the
		// socket. It reads the flag after taking the session's lock.
		s.Lock()
		s.ShouldReconnectOnError = false
		s.Unlock()
		closed <- s.Close()
	}()
	closeBy := time.NewTimer(closeGrace)
	defer closeBy.Stop()

	a.drain(stopWork, log)
	select {
	case err := <-closed:
		if err != nil {
			log.Warn("closing gateway", slog.Any("error", err))
		}
		log.Info("gateway closed")
	case <-closeBy.C:
		log.Warn("gateway did not close in time; leaving it", slog.Duration("waited", closeGrace))
	}
}
