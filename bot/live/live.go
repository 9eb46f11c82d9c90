// Package live answers questions about a corpus folder that changes while
// it answers: articles are added (from text or from a link) and removed at
// runtime, and every question sees the corpus as it was before a change or
// as it is after it, never half of it.
//
// Each state of the folder is a snapshot: the corpus, its index and the
// engine over them. In memory (the default), the next snapshot is built
// off to the side and then swapped in atomically; a snapshot counts the
// questions using it, and the one swapped out closes its index when the
// last of them is done. On disk (Options.Dir), the index and what loading
// computes are kept from one snapshot to the next: a change extracts the
// changed files while questions are answered, then stops questions while
// it closes the index and opens it again, updated in place.
package live

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/store"
	"github.com/articlebot/articlebot/corpus/web"
	"github.com/articlebot/articlebot/index"
)

// Options configure an Engine.
type Options struct {
	Fetch web.Options  // how AddURL fetches pages
	Log   *slog.Logger // nil: discard

	// Dir, when set, keeps the folder's search index and what loading
	// computes in Dir (bot.LoadOptions.Dir): a start reads back the
	// articles unchanged since the last instead of extracting them, and a
	// change extracts only the files that changed and updates the index
	// in place instead of building it anew (at 10,000 articles, a change
	// costs what a warm start does, not what a cold build does). Only one
	// process may use a Dir: replicas need one each. Questions wait while
	// a change swaps the index, not while it extracts.
	Dir string

	// Shared says that other processes change the folder too (a second
	// replica of the bot, a shard, articlebot add): before it answers,
	// the engine looks at the folder's listing (each article file's
	// name, size and modification time) and reloads the folder when it
	// differs from the one its corpus was loaded from, at most once
	// every CheckEvery.
	Shared bool
	// CheckEvery is the least time between two looks at a shared
	// folder; 0 means DefaultCheckEvery.
	CheckEvery time.Duration
}

// DefaultCheckEvery is how stale a shared folder may be seen: a change
// made by another process shows in answers within a second, and the look
// (a listing and a stat per file, BenchmarkFolderPrint: about 0.5 ms for
// 100 articles) is then paid at most once a second, not by every question.
const DefaultCheckEvery = time.Second

// Engine is a bot.Engine over a corpus folder that can change. It is safe
// for concurrent use: changes are made one at a time, and questions never
// wait for one in memory; on disk (Options.Dir) they wait only while it
// swaps the index, not while it extracts.
type Engine struct {
	store  *store.Store
	opts   Options
	log    *slog.Logger
	memory *bot.Memory // in memory: the articles made so far, reused by the next snapshot
	cur    atomic.Pointer[snapshot]
	sem    chan struct{} // one change at a time, in order
	closed bool          // by Close; guarded by sem
	// gate is held shared by each question while it uses a snapshot, and
	// alone by a change on disk while it closes the current snapshot and
	// opens the next: the two are the same files.
	gate sync.RWMutex
	// checked is when the shared folder was last looked at (Unix ns).
	checked atomic.Int64
}

// snapshot is one state of the corpus, answerable on its own.
type snapshot struct {
	engine    *bot.Engine
	loaded    *bot.Loaded // nil for an empty folder
	close     func() error
	extracted int // articles extracted to build it (the others were reused)
	log       *slog.Logger
	// files is the folder's listing when it was loaded (folderPrint).
	files string
	// refs is 1 while the snapshot is current, plus one for each question
	// using it; at 0 it is retired and its index closed.
	refs atomic.Int64
}

// Added describes an article just added.
type Added struct {
	bot.ArticleInfo
	URL       string    // the page it came from, after redirects; "" for text
	Published time.Time // when the page says it was published; zero if unknown
}

// ErrClosed is returned by an Engine after Close.
var ErrClosed = errors.New("live: engine closed")

// Open loads the corpus folder dir (which may be empty) and returns the
// engine over it.
func Open(ctx context.Context, dir string, opts Options) (*Engine, error) {
	st, err := store.Open(dir)
	if err != nil {
		return nil, err
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	e := &Engine{store: st, opts: opts, log: log, sem: make(chan struct{}, 1)}
	if opts.Dir == "" {
		e.memory = bot.NewMemory()
	}
	if _, err := e.change(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// Dir is the corpus folder.
func (e *Engine) Dir() string { return e.store.Dir() }

// change loads the folder as it is now and makes it the current
// snapshot; the caller holds sem. On an error the current snapshot stays,
// except on disk, where it was closed: the folder is then loaded once
// more, and if that fails too the engine is closed.
func (e *Engine) change(ctx context.Context) (*snapshot, error) {
	// The listing is taken before the files are read: a change made
	// while they are read makes the next look reload again, never miss.
	files, err := folderPrint(e.store.Dir())
	if err != nil {
		return nil, err
	}
	if e.opts.Dir == "" {
		// The articles of files that did not change since the last
		// snapshot are not extracted again (e.memory); the index is
		// built anew, off to the side, while the current one answers.
		s, err := e.build(ctx, files, e.memory, 0)
		if err != nil {
			return nil, err
		}
		e.swap(s)
		return s, nil
	}
	mem, prepared := bot.NewMemory(), 0
	if old := e.cur.Load(); old != nil && old.loaded != nil {
		if prepared, err = old.loaded.Prepare(ctx, e.store.Dir(), mem); err != nil {
			return nil, err
		}
	}
	e.gate.Lock()
	defer e.gate.Unlock()
	old := e.cur.Swap(nil)
	if old == nil {
		// Opening: nothing is lost if ctx ends.
		s, err := e.build(ctx, files, mem, prepared)
		if err == nil {
			e.cur.Store(s)
		}
		return s, err
	}
	old.release() // the last reference: no question holds it (gate)
	// The current snapshot is gone: finish even if ctx ends now.
	ctx = context.WithoutCancel(ctx)
	s, err := e.build(ctx, files, mem, prepared)
	if err != nil {
		var again error
		if s, again = e.build(ctx, files, nil, 0); again != nil {
			e.closed = true
			e.log.Error("the corpus on disk could not be opened again; the engine is closed", "dir", e.opts.Dir, "error", again)
			return nil, err
		}
		e.cur.Store(s)
		return nil, err
	}
	e.cur.Store(s)
	return s, nil
}

// build loads the folder and indexes it: a new snapshot, not yet current.
// mem holds the articles already made (prepared of them extracted for
// this snapshot).
func (e *Engine) build(ctx context.Context, files string, mem *bot.Memory, prepared int) (*snapshot, error) {
	l, err := bot.Load(ctx, bot.LoadOptions{Corpus: e.store.Dir(), Dir: e.opts.Dir, Memory: mem})
	s := &snapshot{log: e.log, files: files, extracted: prepared}
	switch {
	case errors.Is(err, corpus.ErrNoArticles):
		c := corpus.New(nil)
		ix, err := index.Open(ctx, c, index.Options{})
		if err != nil {
			return nil, err
		}
		if s.engine, err = bot.New(ctx, c, ix); err != nil {
			ix.Close()
			return nil, err
		}
		s.close = ix.Close
	case err != nil:
		return nil, err
	default:
		for _, p := range l.Problems {
			e.log.Warn("article skipped", "problem", p.Error())
		}
		s.engine, s.loaded, s.close = l.Engine, l, l.Close
		s.extracted += l.Extracted
		e.log.Debug("corpus loaded", "articles", len(s.engine.Articles()), "extracted", s.extracted)
	}
	s.refs.Store(1)
	return s, nil
}

// release drops one reference; the last closes the index.
func (s *snapshot) release() {
	if s.refs.Add(-1) == 0 {
		if err := s.close(); err != nil {
			s.log.Warn("closing a retired index", "error", err)
		}
	}
}

// acquire returns the current snapshot with a reference taken, and the
// gate held shared, or nil after Close (the gate not held).
func (e *Engine) acquire() *snapshot {
	e.gate.RLock()
	for {
		s := e.cur.Load()
		if s == nil {
			e.gate.RUnlock()
			return nil
		}
		// A snapshot at 0 was swapped out and retired meanwhile: the
		// current one is already another; look again.
		if n := s.refs.Load(); n > 0 && s.refs.CompareAndSwap(n, n+1) {
			return s
		}
	}
}

// swap makes s current and retires the snapshot it replaces.
func (e *Engine) swap(s *snapshot) {
	if old := e.cur.Swap(s); old != nil {
		old.release()
	}
}

// Current returns the engine of the corpus as it is now, and a function
// to call when done with it: until then, its index stays open, whatever
// changes are made meanwhile. After Close it returns nil.
func (e *Engine) Current() (*bot.Engine, func()) {
	s := e.acquire()
	if s == nil {
		return nil, func() {}
	}
	var once sync.Once
	return s.engine, func() {
		once.Do(func() {
			s.release()
			e.gate.RUnlock()
		})
	}
}

// lock waits for the changes before this one, or for ctx to end.
func (e *Engine) lock(ctx context.Context) (func(), error) {
	select {
	case e.sem <- struct{}{}:
		return func() { <-e.sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Add validates text as an article, writes it into the folder (named
// name, or after its title when name is empty) and swaps in the corpus
// that holds it. Faults in the text or name come as bot.UserError.
func (e *Engine) Add(ctx context.Context, name string, text []byte) (Added, error) {
	unlock, err := e.lock(ctx)
	if err != nil {
		return Added{}, err
	}
	defer unlock()
	if e.closed {
		return Added{}, ErrClosed
	}
	ent, err := e.store.Add(ctx, name, text)
	if err != nil {
		return Added{}, userError(err)
	}
	// The file is written: finish the change even if ctx ends now.
	s, err := e.change(context.WithoutCancel(ctx))
	if err != nil {
		// Keep the folder as the engine knows it: take the article out.
		if _, rerr := e.store.Remove(context.WithoutCancel(ctx), ent.ID); rerr != nil {
			e.log.Error("article written but not indexed, and not removed", "path", ent.Path, "error", rerr)
		} else if e.opts.Dir != "" && !e.closed {
			// On disk, the snapshot loaded again after the failure may
			// hold the article: load the folder without it.
			if _, rerr := e.change(context.WithoutCancel(ctx)); rerr != nil {
				e.log.Error("article removed after a failed add, but the corpus without it did not load", "path", ent.Path, "error", rerr)
			}
		}
		return Added{}, fmt.Errorf("live: add %s: %w", ent.ID, err)
	}
	e.log.Info("article added", "article", ent.ID, "sentences", ent.Sentences)
	for _, info := range s.engine.Articles() {
		if info.Source == ent.Path {
			return Added{ArticleInfo: info}, nil
		}
	}
	return Added{}, fmt.Errorf("live: add %s: written to %s but not loaded", ent.ID, ent.Path)
}

// AddURL fetches the article at the link raw and adds it as Add does.
func (e *Engine) AddURL(ctx context.Context, raw, name string) (Added, error) {
	p, err := web.Fetch(ctx, raw, e.opts.Fetch)
	if err != nil {
		return Added{}, userError(err)
	}
	a, err := e.Add(ctx, name, []byte(p.Text()))
	a.URL, a.Published = p.URL, p.Published
	return a, err
}

// Remove deletes the article with the given ID from the folder and swaps
// in the corpus without it. It returns what the article was.
func (e *Engine) Remove(ctx context.Context, id string) (bot.ArticleInfo, error) {
	unlock, err := e.lock(ctx)
	if err != nil {
		return bot.ArticleInfo{}, err
	}
	defer unlock()
	if e.closed {
		return bot.ArticleInfo{}, ErrClosed
	}
	ent, err := e.store.Remove(ctx, id)
	if err != nil {
		return bot.ArticleInfo{}, userError(err)
	}
	// The file is gone: finish the change even if ctx ends now.
	if _, err := e.change(context.WithoutCancel(ctx)); err != nil {
		return bot.ArticleInfo{}, fmt.Errorf("live: removed %s, but the corpus without it did not load: %w", ent.Path, err)
	}
	e.log.Info("article removed", "article", ent.ID, "path", ent.Path)
	return bot.ArticleInfo{ID: ent.ID, Title: ent.Title, Sentences: ent.Sentences, Source: ent.Path}, nil
}

// Reload swaps in the corpus as the folder holds it now: after another
// process (a second replica, articlebot add) changed it.
func (e *Engine) Reload(ctx context.Context) error {
	unlock, err := e.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if e.closed {
		return ErrClosed
	}
	_, err = e.change(ctx)
	return err
}

// Close retires the current snapshot; its index closes once the questions
// still using it are done.
func (e *Engine) Close() error {
	unlock, _ := e.lock(context.Background())
	defer unlock()
	e.closed = true
	if old := e.cur.Swap(nil); old != nil {
		old.release()
	}
	return nil
}

// refusal is a fault of the user's (a *corpus.InputError) as the bot
// layer shows it: a *bot.UserError with the same message, the original
// kept for errors.Is.
type refusal struct {
	user  *bot.UserError
	cause error
}

func (r *refusal) Error() string   { return r.user.Msg }
func (r *refusal) Unwrap() []error { return []error{r.user, r.cause} }

func userError(err error) error {
	var ie *corpus.InputError
	if errors.As(err, &ie) {
		return &refusal{user: &bot.UserError{Msg: ie.Msg}, cause: err}
	}
	return err
}

// The engine's questions, each answered by the current snapshot (what the
// Discord face and the CLI call; the same methods as *bot.Engine). On a
// shared folder each first looks for changes made by other processes.

// Ask answers a question; see bot.Engine.Ask.
func (e *Engine) Ask(ctx context.Context, q bot.Question) (*bot.Answer, error) {
	return withCurrent(ctx, e, func(b *bot.Engine) (*bot.Answer, error) { return b.Ask(ctx, q) })
}

// More returns further supporting sentences; see bot.Engine.More.
func (e *Engine) More(ctx context.Context, q bot.Question, offset, limit int) ([]bot.Citation, error) {
	return withCurrent(ctx, e, func(b *bot.Engine) ([]bot.Citation, error) { return b.More(ctx, q, offset, limit) })
}

// Search finds sentences; see bot.Engine.Search.
func (e *Engine) Search(ctx context.Context, query, article string, limit int) ([]bot.Match, error) {
	return withCurrent(ctx, e, func(b *bot.Engine) ([]bot.Match, error) { return b.Search(ctx, query, article, limit) })
}

// Facts lists an article's facts; see bot.Engine.Facts.
func (e *Engine) Facts(ctx context.Context, article string, kinds ...facts.Kind) ([]facts.Fact, error) {
	return withCurrent(ctx, e, func(b *bot.Engine) ([]facts.Fact, error) { return b.Facts(ctx, article, kinds...) })
}

// Context returns the paragraph around a sentence; see bot.Engine.Context.
func (e *Engine) Context(ctx context.Context, article string, sentence int) ([]bot.Citation, error) {
	return withCurrent(ctx, e, func(b *bot.Engine) ([]bot.Citation, error) { return b.Context(ctx, article, sentence) })
}

// withCurrent calls f with the current snapshot, held while f runs, once
// it has looked for other processes' changes; ErrClosed once closed.
func withCurrent[T any](ctx context.Context, e *Engine, f func(*bot.Engine) (T, error)) (T, error) {
	e.refresh(ctx)
	b, done := e.Current()
	defer done()
	if b == nil {
		var zero T
		return zero, ErrClosed
	}
	return f(b)
}

// Articles lists the articles; see bot.Engine.Articles.
func (e *Engine) Articles() []bot.ArticleInfo {
	e.refresh(context.Background())
	b, done := e.Current()
	defer done()
	if b == nil {
		return nil
	}
	return b.Articles()
}

// Article describes one article; see bot.Engine.Article.
func (e *Engine) Article(id string) (bot.ArticleInfo, bool) {
	e.refresh(context.Background())
	b, done := e.Current()
	defer done()
	if b == nil {
		return bot.ArticleInfo{}, false
	}
	return b.Article(id)
}

// Summary summarises one article; see bot.Engine.Summary.
func (e *Engine) Summary(ctx context.Context, r bot.SummaryRequest) (*bot.Summary, error) {
	return withCurrent(ctx, e, func(b *bot.Engine) (*bot.Summary, error) { return b.Summary(ctx, r) })
}

// Brief builds a briefing on one article; see bot.Engine.Brief.
func (e *Engine) Brief(ctx context.Context, r bot.BriefRequest) (*bot.Brief, error) {
	return withCurrent(ctx, e, func(b *bot.Engine) (*bot.Brief, error) { return b.Brief(ctx, r) })
}
