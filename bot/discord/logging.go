package discord

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bwmarrin/discordgo"
)

// discordgoLogFunc is the shape of discordgo.Logger.
type discordgoLogFunc = func(msgL, caller int, format string, a ...any)

// discordgo logs through one package-wide function, discordgo.Logger, for
// every session in the process, and a session can outlive the Run that made
// it (discordgo's reconnect loop survives Close). So Logger is set once, to
// forwardDiscordgo, and each Run swaps, atomically, where that forwards to.
// This is the one package-level state here, and discordgo forces it.
var (
	discordgoSink     atomic.Pointer[discordgoLogFunc]
	discordgoSinkOnce sync.Once
)

// useDiscordgoLogger sends discordgo's log lines, from now on, to f.
func useDiscordgoLogger(f discordgoLogFunc) {
	discordgoSink.Store(&f)
	discordgoSinkOnce.Do(func() { discordgo.Logger = forwardDiscordgo })
}

// forwardDiscordgo is discordgo.Logger: it passes a line to the current
// logger, one call deeper.
func forwardDiscordgo(msgL, caller int, format string, a ...any) {
	if f := discordgoSink.Load(); f != nil {
		(*f)(msgL, caller+1, format, a...)
	}
}

// discordgoLogger routes discordgo's log lines to slog, with the token
// (which discordgo prints in its debug dump of IDENTIFY) cut out.
// useDiscordgoLogger takes it. (A session left from an earlier Run in the
// same process logs here too, with its own token not cut out: only at
// slog.LevelDebug-4, and only in tests, which run many bots in one
// process.)
func discordgoLogger(log *slog.Logger, token string) discordgoLogFunc {
	log = log.With(slog.String("source", "discordgo"))
	return func(msgL, caller int, format string, a ...any) {
		level := slogLevel(msgL)
		ctx := context.Background()
		if !log.Enabled(ctx, level) {
			return
		}
		msg := strings.TrimSpace(fmt.Sprintf(format, a...))
		msg = redact(msg, token)
		attrs := []any{}
		if pc, _, _, ok := runtime.Caller(caller + 1); ok {
			if fn := runtime.FuncForPC(pc); fn != nil {
				name := fn.Name()
				attrs = append(attrs, slog.String("func", name[strings.LastIndexByte(name, '.')+1:]))
			}
		}
		log.Log(ctx, level, msg, attrs...)
	}
}

// redact cuts every occurrence of secret out of s.
func redact(s, secret string) string {
	if secret == "" {
		return s
	}
	return strings.ReplaceAll(s, secret, "[redacted]")
}

// slogLevel maps a discordgo level to slog's. discordgo's "informational"
// lines ("called" on every function) are debugging detail.
func slogLevel(msgL int) slog.Level {
	switch msgL {
	case discordgo.LogError:
		return slog.LevelError
	case discordgo.LogWarning:
		return slog.LevelWarn
	case discordgo.LogInformational:
		return slog.LevelDebug
	default:
		return slog.LevelDebug - 4
	}
}

// discordgoLevel is the discordgo Session.LogLevel that lets through what
// level shows.
func discordgoLevel(level slog.Level) int {
	switch {
	case level <= slog.LevelDebug-4:
		return discordgo.LogDebug
	case level <= slog.LevelDebug:
		return discordgo.LogInformational
	case level <= slog.LevelWarn:
		return discordgo.LogWarning
	default:
		return discordgo.LogError
	}
}

// redactedError hides a secret in an error's message while keeping the
// error chain for errors.Is and errors.As.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

func redactError(err error, secret string) error {
	if err == nil || secret == "" || !strings.Contains(err.Error(), secret) {
		return err
	}
	return &redactedError{msg: redact(err.Error(), secret), err: err}
}
