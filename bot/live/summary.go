package live

import (
	"context"

	"github.com/articlebot/articlebot/bot"
)

// Summary summarises one article; see bot.Engine.Summary.
func (e *Engine) Summary(ctx context.Context, r bot.SummaryRequest) (*bot.Summary, error) {
	return withCurrent(e, func(b *bot.Engine) (*bot.Summary, error) { return b.Summary(ctx, r) })
}

// Brief builds a team briefing on one article; see bot.Engine.Brief.
func (e *Engine) Brief(ctx context.Context, r bot.BriefRequest) (*bot.Brief, error) {
	return withCurrent(e, func(b *bot.Engine) (*bot.Brief, error) { return b.Brief(ctx, r) })
}

// withCurrent calls f with the current snapshot, held while f runs.
func withCurrent[T any](e *Engine, f func(*bot.Engine) (T, error)) (T, error) {
	b, done := e.Current()
	defer done()
	if b == nil {
		var zero T
		return zero, ErrClosed
	}
	return f(b)
}
