package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// handleInteraction is the one dispatcher: it routes an interaction to its
// handler and does all the I/O. It answers directly when the handler is
// quicker than deferAfter, else defers (within Discord's 3 s) and edits the
// deferred response when the handler is done. Panics and errors become a
// short ephemeral message; the detail goes to the log.
func (a *app) handleInteraction(ctx context.Context, s session, i *discordgo.Interaction) {
	start := time.Now()
	r := newRequest(i)
	a.withoutToken(r)
	log := a.log.With(
		slog.String("interaction_id", i.ID),
		slog.String("guild_id", i.GuildID),
		slog.String("command", r.Name),
		slog.String("user_id", r.UserID),
	)
	// Handlers' panics are recovered in call; this catches the dispatcher's
	// own, so that nothing can take the bot down (discordgo recovers none).
	defer func() {
		if p := recover(); p != nil {
			log.Error("dispatcher panicked", slog.Any("panic", p), slog.String("stack", string(debug.Stack())))
		}
	}()
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		a.autocomplete(ctx, s, i, r, log, start)
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
		a.respond(ctx, s, i, r, log, start)
	default:
		log.Debug("interaction ignored", slog.Int("type", int(i.Type)))
	}
}

// route finds the handler for a request, or nil.
func (a *app) route(r *request) handlerFunc {
	switch r.Type {
	case discordgo.InteractionApplicationCommand:
		if c, ok := a.commands[r.Name]; ok {
			return c.run
		}
	case discordgo.InteractionApplicationCommandAutocomplete:
		if c, ok := a.commands[r.Name]; ok {
			return c.autocomplete
		}
	case discordgo.InteractionMessageComponent:
		if h, ok := a.components[r.Name]; ok && len(r.CustomID) <= maxCustomID {
			return h
		}
		return a.expiredButton
	}
	return nil
}

func (a *app) autocomplete(ctx context.Context, s session, i *discordgo.Interaction, r *request, log *slog.Logger, start time.Time) {
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	if h := a.route(r); h != nil {
		hctx, cancel := context.WithTimeout(ctx, a.deferAfter)
		data, err := call(hctx, h, r)
		cancel()
		if err != nil {
			log.Error("autocomplete failed", slog.Any("error", err))
		} else if data != nil {
			choices = append(choices, data.Choices...)
		}
	} else {
		log.Warn("autocomplete for unknown command")
	}
	if len(choices) > maxChoices {
		choices = choices[:maxChoices]
	}
	err := s.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}, discordgo.WithContext(ctx))
	latency := time.Since(start)
	if err != nil {
		log.Error("autocomplete response failed", slog.Int64("latency_ms", latency.Milliseconds()), slog.Any("error", err))
		return
	}
	log.Debug("autocomplete answered", slog.Int("choices", len(choices)), slog.Int64("latency_ms", latency.Milliseconds()))
}

type result struct {
	data *discordgo.InteractionResponseData
	err  error
}

func (a *app) respond(ctx context.Context, s session, i *discordgo.Interaction, r *request, log *slog.Logger, start time.Time) {
	h := a.route(r)
	if h == nil {
		log.Warn("no handler for interaction", slog.String("custom_id", r.CustomID))
		h = func(context.Context, *request) (*discordgo.InteractionResponseData, error) {
			return notice(msgUnknown), nil
		}
	}
	h = a.cool(r, h, log)

	hctx, cancel := context.WithTimeout(ctx, a.timeout)
	defer cancel()
	wait := deferWait(i.ID, a.deferAfter, start)
	held := a.tryWorker()
	if !held {
		// Every worker is busy (a burst): the handler will wait its turn,
		// so it cannot answer in time; defer now, while the 3 s are
		// still ample, rather than after deferAfter, when the burst is
		// using the CPU that acknowledging needs.
		wait = 0
	}
	done := make(chan result, 1)
	go func() {
		data, err := a.work(hctx, h, r, held)
		done <- result{data, err}
	}()

	deadline := start.Add(wait) // deferWait measures from start
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	var res result
	answered, deferred := false, false
	select {
	case res = <-done:
		answered = true
		// When both are ready select takes either: an answer that came
		// after the deadline is as late as the timer, so that which the
		// scheduler saw first decides nothing.
		deferred = !time.Now().Before(deadline)
	case <-timer.C:
		deferred = true
	}
	if deferred {
		a.metrics.Deferred()
		var flags discordgo.MessageFlags
		if r.Ephemeral {
			flags = discordgo.MessageFlagsEphemeral
		}
		err := s.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Flags: flags, AllowedMentions: noMentions()},
		}, discordgo.WithContext(ctx))
		if err != nil {
			// Nothing can be sent for this interaction any more.
			log.Error("defer failed", slog.Int64("latency_ms", time.Since(start).Milliseconds()), slog.Any("error", err))
			return
		}
		if !answered {
			res = <-done
		}
	}

	data, outcome := a.message(res, r, log)
	var err error
	switch {
	case !deferred:
		err = s.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: data,
		}, discordgo.WithContext(ctx))
	case data.Flags&discordgo.MessageFlagsEphemeral != 0 && !r.Ephemeral:
		// The deferral showed "thinking…" to everyone; an ephemeral message
		// cannot replace it, so remove it and follow up for the asker only.
		if derr := s.InteractionResponseDelete(i, discordgo.WithContext(ctx)); derr != nil {
			log.Warn("deleting deferred response failed", slog.Any("error", derr))
		}
		_, err = s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
			Content:         data.Content,
			Embeds:          data.Embeds,
			Components:      data.Components,
			AllowedMentions: data.AllowedMentions,
			Flags:           discordgo.MessageFlagsEphemeral,
		}, discordgo.WithContext(ctx))
	default:
		content, embeds, components := data.Content, data.Embeds, data.Components
		if embeds == nil {
			embeds = []*discordgo.MessageEmbed{}
		}
		if components == nil {
			components = []discordgo.MessageComponent{}
		}
		_, err = s.InteractionResponseEdit(i, &discordgo.WebhookEdit{
			Content:         &content,
			Embeds:          &embeds,
			Components:      &components,
			AllowedMentions: data.AllowedMentions,
		}, discordgo.WithContext(ctx))
	}
	latency := time.Since(start)
	a.metrics.Answer(a.transport, latency)
	attrs := []any{slog.Int64("latency_ms", latency.Milliseconds()), slog.Bool("deferred", deferred), slog.String("outcome", outcome)}
	if err != nil {
		log.Error("sending response failed", append(attrs, slog.Any("error", err))...)
		return
	}
	log.Info("interaction answered", attrs...)
	if outcome == "answered" {
		a.runSequel(ctx, s, i, r, log)
	}
}

// message turns a handler's result into the message to send: an error
// becomes a short ephemeral message (internal detail is logged, never
// shown), and every message is fitted to Discord's limits and allowed to
// mention no one.
func (a *app) message(res result, r *request, log *slog.Logger) (*discordgo.InteractionResponseData, string) {
	data, outcome := res.data, "answered"
	if res.err != nil {
		data, outcome = a.errorMessage(res.err, log)
		a.countError(res.err, outcome)
	}
	if data == nil {
		log.Error("handler returned no message")
		data, outcome = notice(msgSomethingWent), "internal_error"
	}
	if r.Ephemeral {
		data.Flags |= discordgo.MessageFlagsEphemeral
	}
	finish(data)
	return data, outcome
}

// errorMessage maps an error to what the user sees, and logs it.
func (a *app) errorMessage(err error, log *slog.Logger) (*discordgo.InteractionResponseData, string) {
	var ue *bot.UserError
	switch {
	case errors.As(err, &ue):
		log.Info("user error", slog.String("error", ue.Msg))
		return notice(escape(ue.Msg)), "user_error"
	case errors.Is(err, errExpired):
		log.Info("button refused", slog.String("reason", err.Error()))
		return notice(msgExpired), "expired"
	case errors.Is(err, context.DeadlineExceeded):
		log.Error("handler timed out", slog.Any("error", err))
		return notice(msgTooSlow), "timeout"
	default:
		log.Error("handler failed", slog.Any("error", err))
		return notice(msgSomethingWent), "internal_error"
	}
}

// finish fits a message to Discord's limits and forbids mentions.
func finish(data *discordgo.InteractionResponseData) {
	data.Content, data.Embeds = fitMessage(data.Content, data.Embeds)
	if data.Content == "" && len(data.Embeds) == 0 {
		data.Content = ellipsis
	}
	data.AllowedMentions = noMentions()
}

// work runs a handler once a worker slot is free (held: the caller took
// one already). Answering is CPU work; bounding how much runs at once
// (workers) keeps the Go run queue short, so the timers and I/O that
// acknowledge interactions are not starved under a burst (200 at once on
// 2 cores).
func (a *app) work(ctx context.Context, h handlerFunc, r *request, held bool) (*discordgo.InteractionResponseData, error) {
	if !held {
		select {
		case a.slots <- struct{}{}:
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for a worker: %w", ctx.Err())
		}
	}
	defer func() { <-a.slots }()
	return call(ctx, h, r)
}

// tryWorker takes a worker slot if one is free.
func (a *app) tryWorker() bool {
	select {
	case a.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

// errPanic marks a recovered panic.
var errPanic = errors.New("handler panicked")

// call runs a handler, turning a panic into an error that carries the
// stack.
func call(ctx context.Context, h handlerFunc, r *request) (data *discordgo.InteractionResponseData, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, err = nil, fmt.Errorf("%w: %v\n%s", errPanic, p, debug.Stack())
		}
	}()
	return h(ctx, r)
}

// inflight tracks running handlers so that shutdown can wait for them.
type inflight struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

// start registers a handler about to run; false once closed.
func (f *inflight) start() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return false
	}
	f.wg.Add(1)
	return true
}

func (f *inflight) done() { f.wg.Done() }

// closeAndWait refuses new handlers and waits for running ones, or for ctx.
func (f *inflight) closeAndWait(ctx context.Context) error {
	f.mu.Lock()
	f.closed = true
	f.mu.Unlock()
	idle := make(chan struct{})
	go func() {
		f.wg.Wait()
		close(idle)
	}()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
