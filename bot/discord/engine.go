package discord

import (
	"context"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus/facts"
)

// Engine is what the Discord face needs of the answering engine; *bot.Engine
// satisfies it. All answering happens behind it: the Discord code only turns
// interactions into calls and results into messages.
type Engine interface {
	Ask(ctx context.Context, q bot.Question) (*bot.Answer, error)
	More(ctx context.Context, q bot.Question, offset, limit int) ([]bot.Citation, error)
	Search(ctx context.Context, query, article string, limit int) ([]bot.Match, error)
	Facts(ctx context.Context, article string, kinds ...facts.Kind) ([]facts.Fact, error)
	Context(ctx context.Context, article string, sentence int) ([]bot.Citation, error)
	Summary(ctx context.Context, r bot.SummaryRequest) (*bot.Summary, error)
	Brief(ctx context.Context, r bot.BriefRequest) (*bot.Brief, error)
	Articles() []bot.ArticleInfo
	Article(id string) (bot.ArticleInfo, bool)
}
