package bot_test

import (
	"context"
	"errors"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/corpustest"
	"github.com/articlebot/articlebot/index"
)

// The engine's contract with its context, at its public API: an ended
// context is an error that wraps ctx.Err(), whatever stage the work is at.

// longSentenceArticle is an article of one sentence of about the given
// number of words, full of counted things, shaped like a run-on list in
// a news report.
func longSentenceArticle(tb testing.TB, words int) *corpus.Article {
	tb.Helper()
	a, err := corpus.Parse(context.Background(), "long", []byte(corpustest.LongSentence(words)))
	if err != nil {
		tb.Fatal(err)
	}
	if len(a.Sentences) != 1 {
		tb.Fatalf("%d sentences, want 1", len(a.Sentences))
	}
	return a
}

// cancelOnSearch is an index that cancels the question's context as soon
// as the engine has searched it: the question is parsed and its sentences
// found, and all the work after that must notice.
type cancelOnSearch struct {
	bot.Searcher
	cancel context.CancelFunc
}

func (s *cancelOnSearch) Search(ctx context.Context, q index.Query) ([]index.Hit, error) {
	hits, err := s.Searcher.Search(ctx, q)
	if s.cancel != nil {
		s.cancel()
	}
	return hits, err
}

// TestAskCancelledMidQuestion: a how-many question on an 8,000-word
// sentence (seconds of work before the engine read long sentences in
// linear time) whose context is cancelled once its sentences are found
// returns context.Canceled, not an answer.
func TestAskCancelledMidQuestion(t *testing.T) {
	c := corpus.New([]*corpus.Article{longSentenceArticle(t, 8000)})
	idx := &cancelOnSearch{Searcher: indexOn(t, c)}
	// Searched, not read whole: the search is where the test cancels.
	e, err := bot.New(context.Background(), c, idx, bot.WithScanUpTo(0))
	if err != nil {
		t.Fatal(err)
	}
	q := bot.Question{Text: "How many troops were sent to the border?"}

	// Uncancelled, the question has an answer: a cancellation that the
	// engine ignored would give it too.
	a, err := e.Ask(context.Background(), q)
	if err != nil || a.NoAnswer {
		t.Fatalf("uncancelled: %+v, %v", a, err)
	}

	calls := map[string]func(ctx context.Context) error{
		"ask": func(ctx context.Context) error {
			_, err := e.Ask(ctx, q)
			return err
		},
		"more": func(ctx context.Context) error {
			_, err := e.More(ctx, q, 0, 3)
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			idx.cancel = cancel
			defer func() { idx.cancel = nil }()
			if err := call(ctx); !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
		})
	}
}

// TestEngineEndedContext: every engine call given an ended context
// (cancelled, or past its deadline) stops with an error that wraps it.
func TestEngineEndedContext(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix := indexOn(t, c)
	e := engineOn(t, c)
	q := bot.Question{Text: "How many troops could the force have?"}
	calls := map[string]func(ctx context.Context) error{
		"new": func(ctx context.Context) error {
			_, err := bot.New(ctx, c, ix)
			return err
		},
		"ask": func(ctx context.Context) error {
			_, err := e.Ask(ctx, q)
			return err
		},
		"more": func(ctx context.Context) error {
			_, err := e.More(ctx, q, 3, 3)
			return err
		},
		"context": func(ctx context.Context) error {
			_, err := e.Context(ctx, "article", 13)
			return err
		},
		"search": func(ctx context.Context) error {
			_, err := e.Search(ctx, "troops", "", 3)
			return err
		},
		"facts": func(ctx context.Context) error {
			_, err := e.Facts(ctx, "")
			return err
		},
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	for name, call := range calls {
		for _, end := range []struct {
			name string
			ctx  context.Context
			want error
		}{{"cancelled", cancelled, context.Canceled}, {"timed out", expired, context.DeadlineExceeded}} {
			t.Run(name+"/"+end.name, func(t *testing.T) {
				if err := call(end.ctx); !errors.Is(err, end.want) {
					t.Fatalf("err = %v, want %v", err, end.want)
				}
			})
		}
	}
}

// countdown is a context that is cancelled once its Err has been asked a
// given number of times: it ends in the middle of long work, at the same
// point on any machine.
type countdown struct {
	context.Context
	mu   sync.Mutex
	left int
	done chan struct{}
}

func newCountdown(n int) *countdown {
	return &countdown{Context: context.Background(), left: n, done: make(chan struct{})}
}

func (c *countdown) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.left > 0 {
		c.left--
		if c.left == 0 {
			close(c.done)
		}
		return nil
	}
	return context.Canceled
}

func (c *countdown) Done() <-chan struct{} { return c.done }

// TestNewCancelledMidLoad: New over a corpus of 200 articles whose
// context ends after a few looks stops with context.Canceled rather than
// analysing the rest.
func TestNewCancelledMidLoad(t *testing.T) {
	c := generated(t, 200)
	if _, err := bot.New(newCountdown(5), c, indexOn(t, c)); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestMoreBounds: More takes any offset and limit, however large, without
// counting through them (a forged button once made it count from -9.2e18).
func TestMoreBounds(t *testing.T) {
	e := defaultEngine(t)
	ctx := context.Background()
	q := bot.Question{Text: "How many troops could the force have?"}
	all, err := e.More(ctx, q, 0, math.MaxInt)
	if err != nil || len(all) == 0 {
		t.Fatalf("more(0, max) = %d sentences, %v", len(all), err)
	}
	for _, tt := range []struct {
		name          string
		offset, limit int
		want          int
	}{
		{"past the end", math.MaxInt, 3, 0},
		{"past the end, huge limit", math.MaxInt, math.MaxInt, 0},
		{"last one", len(all) - 1, math.MaxInt, 1},
		{"default limit", 0, 0, min(3, len(all))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := e.More(ctx, q, tt.offset, tt.limit)
			if err != nil || len(got) != tt.want {
				t.Fatalf("more(%d, %d) = %d sentences, %v; want %d", tt.offset, tt.limit, len(got), err, tt.want)
			}
		})
	}
	for _, offset := range []int{-1, math.MinInt, -9223372036854775000} {
		if _, err := e.More(ctx, q, offset, 3); !bot.IsUserError(err) {
			t.Errorf("more(%d) = %v, want a UserError", offset, err)
		}
	}
}
