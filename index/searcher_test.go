package index_test

import (
	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/index"
)

// The engine's view of an index is bot.Searcher; *index.Index must keep
// satisfying it.
var _ bot.Searcher = (*index.Index)(nil)
