//go:build unix

package bot_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus/corpustest"
)

// longQuestions asks a question of every kind about a long sentence of
// corpustest.LongSentence.
var longQuestions = []struct{ kind, text string }{
	{"who-said", `Who said "more are expected soon"?`},
	{"what-said", "What did the ministry say about the border?"},
	{"who-is", "Who is the council?"},
	{"who", "Who sent the troops to the border?"},
	{"how-many", "How many troops were sent to the border?"},
	{"when", "When were the tanks sent?"},
	{"where", "Where were the ships sent?"},
	{"which", "Which council sent the officers?"},
	{"why", "Why were the planners sent?"},
	{"what", "What was sent to the border?"},
	{"how", "How were the troops sent?"},
	{"yes-no", "Were tanks sent to the border?"},
}

// loadLong loads an article of one sentence of words words, as a file.
func loadLong(tb testing.TB, words int) *bot.Loaded {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "long.txt")
	if err := os.WriteFile(path, []byte(corpustest.LongSentence(words)), 0o644); err != nil {
		tb.Fatal(err)
	}
	l, err := bot.Load(context.Background(), bot.LoadOptions{Corpus: path})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { l.Close() })
	return l
}

// BenchmarkLongSentence: load an article of one 100,000-word sentence,
// and answer a question of every kind about it (goal: each under 1 s).
func BenchmarkLongSentence(b *testing.B) {
	const words = 100_000
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			loadLong(b, words)
		}
	})
	l := loadLong(b, words)
	for _, q := range longQuestions {
		b.Run(q.kind, func(b *testing.B) {
			for b.Loop() {
				if _, err := l.Ask(context.Background(), bot.Question{Text: q.text}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLongSentenceIsLinear: loading a sentence and answering questions of
// every kind about it take time in proportion to its length: eight times
// the words take well under the 64 times a step quadratic in them would.
// The time is the process's CPU time, not the wall clock's, so that other
// processes on a busy machine do not count (no other test of this package
// runs beside it). (The figures for 100,000 words are
// BenchmarkLongSentence's.)
func TestLongSentenceIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("loads sentences of 25,000 words")
	}
	const small, factor = 3_000, 8
	// minTime is the least CPU time of three runs of f.
	minTime := func(f func()) time.Duration {
		best := time.Duration(1<<63 - 1)
		for range 3 {
			start := cpuTime(t)
			f()
			best = min(best, cpuTime(t)-start)
		}
		return best
	}
	for _, step := range append([]struct{ kind, text string }{{"load", ""}}, longQuestions...) {
		t.Run(step.kind, func(t *testing.T) {
			var times [2]time.Duration
			for i, words := range []int{small, small * factor} {
				var l *bot.Loaded
				if step.text != "" {
					l = loadLong(t, words)
				}
				times[i] = minTime(func() {
					if step.text == "" {
						loadLong(t, words)
						return
					}
					if _, err := l.Ask(context.Background(), bot.Question{Text: step.text}); err != nil {
						t.Fatal(err)
					}
				})
			}
			// Linear is 8; a quadratic step shows as 64. Allow for the
			// fixed costs, the caches and the race detector, whose
			// costs grow a little faster than the work.
			if ratio := float64(times[1]) / float64(max(times[0], time.Microsecond)); ratio > 3*factor {
				t.Errorf("%d words took %v, %d words %v: %.0f times, want about %d (linear)", small, times[0], small*factor, times[1], ratio, factor)
			}
		})
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
