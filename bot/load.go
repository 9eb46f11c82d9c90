package bot

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/cache"
	"github.com/articlebot/articlebot/corpus/parallel"
	"github.com/articlebot/articlebot/corpus/pos"
	"github.com/articlebot/articlebot/index"
)

// LoadOptions say what to load and where to keep what loading computes.
type LoadOptions struct {
	// Corpus is an article file or a folder of them; "" is the built-in
	// article.
	Corpus string
	// Dir, when set, keeps the search index (Dir/index) and what loading
	// computes for each article (Dir/articles.db, see corpus/cache) on
	// disk: a later Load reads unchanged articles back, extracts and
	// analyses only new and changed ones, and updates the index in place.
	// The engine then holds only what each article is, and reads an
	// article's sentences, facts and analysis back when a question wants
	// them.
	Dir string
	// Memory, when set, keeps what this load makes in memory for the next
	// load in this process, and gives it what earlier ones made: a load
	// then extracts only the articles whose files changed (bot/live's
	// snapshots).
	Memory *Memory
	// Engine configures the engine.
	Engine []Option
}

// Memory keeps the articles loads made, by the SHA-256 of their files,
// for the next load in the same process. It is safe for concurrent use.
type Memory struct {
	mu   sync.Mutex
	recs map[cache.Key]*cache.Record
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{recs: map[cache.Key]*cache.Record{}} }

// get returns a copy of the record of key, or nil: the loader names the
// copy, and the record stays as made for the loads after.
func (m *Memory) get(k cache.Key) *cache.Record {
	m.mu.Lock()
	r := m.recs[k]
	m.mu.Unlock()
	if r == nil {
		return nil
	}
	a := *r.Article
	a.Sentences = append([]corpus.Sentence(nil), r.Article.Sentences...)
	return &cache.Record{Article: &a, Analysis: r.Analysis, Fingerprint: r.Fingerprint}
}

// put keeps a copy of a record as made, before the loader names it.
func (m *Memory) put(k cache.Key, r *cache.Record) {
	a := *r.Article
	a.Sentences = append([]corpus.Sentence(nil), r.Article.Sentences...)
	m.mu.Lock()
	m.recs[k] = &cache.Record{Article: &a, Analysis: r.Analysis, Fingerprint: r.Fingerprint}
	m.mu.Unlock()
}

// keep forgets every record whose key keep lacks.
func (m *Memory) keep(keep map[cache.Key]bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.recs {
		if !keep[k] {
			delete(m.recs, k)
		}
	}
}

// Loaded is an engine over a loaded corpus, with its index.
type Loaded struct {
	*Engine
	Index    *index.Index
	Problems []error // article files skipped (each a *corpus.FileError)
	// Extracted is how many articles were parsed and analysed, not read
	// back from Dir.
	Extracted int
	cache     *cache.Cache
	memory    *Memory
}

// Close releases the index and the folder.
func (l *Loaded) Close() error {
	err := l.Index.Close()
	if l.cache != nil {
		err = errors.Join(err, l.cache.Close())
	}
	return err
}

// The files of a LoadOptions.Dir.
const (
	indexFolder = "index"
	cacheFile   = "articles.db"
)

// Bounds of a load's pipeline.
const (
	// loadAhead is how many articles the workers may make ahead of the
	// one the index takes next: enough to keep both cores busy while the
	// index waits on a disk write, few enough to hold little memory.
	loadAhead = 128
	// cacheBatch is how many new records go in one cache transaction:
	// they are held until it commits. Measured on a cold build of 10,000
	// generated articles: 256 peaked at 187-204 MiB, 64 at 174-189 MiB
	// in the same time (9.2-9.9 s), and 32 no lower but slower.
	cacheBatch = 64
)

// Load loads the corpus, its index and the engine over them. Articles are
// made (read back or extracted and analysed) on all cores while the index
// takes them, in file order, one at a time.
func Load(ctx context.Context, o LoadOptions) (*Loaded, error) {
	ixOpts := index.Options{}
	if o.Dir != "" {
		ixOpts.Dir = filepath.Join(o.Dir, indexFolder)
	}
	if o.Corpus == "" {
		c, err := corpus.Default()
		if err != nil {
			return nil, err
		}
		ix, err := index.Open(ctx, c, ixOpts)
		if err != nil {
			return nil, err
		}
		e, err := New(ctx, c, ix, o.Engine...)
		if err != nil {
			ix.Close()
			return nil, err
		}
		return &Loaded{Engine: e, Index: ix, Extracted: 1}, nil
	}
	files, problems, err := corpus.Files(o.Corpus)
	if err != nil {
		return nil, err
	}
	l := &Loaded{Problems: problems, memory: o.Memory}
	if o.Dir != "" {
		if l.cache, err = openDir(o.Dir); err != nil {
			return nil, err
		}
	}
	fail := func(err error) (*Loaded, error) {
		if l.cache != nil {
			l.cache.Close()
		}
		return nil, err
	}
	u, err := index.NewUpdater(ctx, ixOpts)
	if err != nil {
		return fail(err)
	}
	lib, analyses, err := l.take(ctx, o.Corpus, files, u)
	if err != nil {
		u.Abort()
		return fail(err)
	}
	if l.Index, err = u.Finish(); err != nil {
		return fail(err)
	}
	opts := o.Engine
	if analyses != nil {
		opts = append([]Option{WithAnalyses(analyses)}, opts...)
	}
	if l.Engine, err = newEngine(ctx, lib, l.Index, opts...); err != nil {
		l.Index.Close()
		return fail(err)
	}
	return l, nil
}

// Prepare extracts the article files of the corpus at from that l's
// cache (LoadOptions.Dir) lacks, on all cores, into m, and returns how
// many it extracted: a later Load of the same Dir given m then reads them
// from m and only indexes them. Prepare runs while l answers, so a caller
// that must close l before that Load (its index and cache are files that
// only one may hold open) stops answering only while the Load reads and
// indexes, not while it extracts. Files that fail are left to that Load
// to report. Without a Dir there is nothing to prepare.
func (l *Loaded) Prepare(ctx context.Context, from string, m *Memory) (int, error) {
	if l.cache == nil || m == nil {
		return 0, nil
	}
	files, _, err := corpus.Files(from)
	if err != nil {
		return 0, err
	}
	mk, err := newMaker()
	if err != nil {
		return 0, err
	}
	mk.stubs = l.cache.Stubs()
	mk.memory = m
	made := parallel.Map(ctx, len(files), runtime.GOMAXPROCS(0), func(i int) bool {
		return mk.make(ctx, files[i]).extracted
	})
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("bot: prepare %s: %w", from, err)
	}
	extracted := 0
	for _, x := range made {
		if x {
			extracted++
		}
	}
	return extracted, nil
}

// made is one article file as the workers made it: from the cache, its
// stub (the rest is read when wanted); else the record of its extraction
// (or, from a Memory, of an earlier one).
type made struct {
	key       cache.Key
	stub      *cache.Stub
	rec       *cache.Record
	extracted bool // rec was made now
	err       error
}

// back is where the library reads an article back from.
type back struct {
	key  cache.Key
	path string
}

// take makes the articles of files on all cores and gives them to the
// index in order, keeping new records in the cache as it goes, and
// returns the library of the articles loaded (and, in memory, their
// analyses).
func (l *Loaded) take(ctx context.Context, from string, files []string, u *index.Updater) (*library, map[string][]byte, error) {
	mk, err := newMaker()
	if err != nil {
		return nil, nil, err
	}
	mk.memory = l.memory
	if l.cache != nil {
		mk.stubs = l.cache.Stubs()
	}
	results := make([]chan made, len(files))
	for i := range results {
		results[i] = make(chan made, 1)
	}
	ahead := make(chan struct{}, loadAhead)
	jobs := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait()   // second: the workers are done
	defer close(stop) // first: no more jobs
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case jobs <- i:
			case <-stop:
				return
			}
		}
	}()
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] <- mk.make(ctx, files[i])
			}
		}()
	}

	lib := &library{byID: map[string]int{}}
	var analyses map[string][]byte
	var inMemory []*corpus.Article
	if l.cache == nil {
		analyses = map[string][]byte{}
	}
	backs := map[string]back{}
	keep := map[cache.Key]bool{}
	fresh := map[cache.Key]*cache.Record{}
	ids := corpus.NewIDs()
	flush := func(prune bool) error {
		if l.cache == nil || (len(fresh) == 0 && !prune) {
			return nil
		}
		var k map[cache.Key]bool
		if prune {
			k = keep
		}
		if err := l.cache.Update(fresh, k); err != nil {
			return fmt.Errorf("bot: %w", err)
		}
		clear(fresh)
		return nil
	}
	for i, path := range files {
		var m made
		select {
		case m = <-results[i]:
		case <-ctx.Done():
			return nil, nil, fmt.Errorf("corpus: load %s: %w", from, ctx.Err())
		}
		<-ahead
		if m.err != nil {
			m.err = fileError(path, m.err)
			if ctx.Err() != nil {
				return nil, nil, fmt.Errorf("corpus: load %s: %w", from, ctx.Err())
			}
			l.Problems = append(l.Problems, m.err)
			continue
		}
		id := ids.Take(corpus.IDFromName(corpus.NameOf(path)))
		keep[m.key] = true
		var in ArticleInfo
		if m.stub != nil && !u.Has(id, m.stub.Fingerprint, m.stub.Sentences) {
			// The index lacks it: its record is wanted now. One the
			// cache cannot give back (damaged) is made again.
			rec, err := readBack(l.cache, back{m.key, path}, id)
			if err != nil {
				m = mk.extract(ctx, path, m.key)
				if m.err != nil {
					l.Problems = append(l.Problems, fileError(path, m.err))
					continue
				}
			} else if err := u.Put(rec.Article, rec.Fingerprint); err != nil {
				return nil, nil, err
			}
		}
		if m.stub != nil {
			in = ArticleInfo{ID: id, Title: m.stub.Title, Sentences: m.stub.Sentences, Source: path}
			if m.stub.Untitled {
				a := &corpus.Article{Untitled: true}
				a.SetName(corpus.NameOf(path))
				in.Title = a.Title
			}
		} else {
			a := m.rec.Article
			a.SetName(corpus.NameOf(path))
			a.SetID(id)
			a.Source = path
			in = info(a)
			if err := u.Put(a, m.rec.Fingerprint); err != nil {
				return nil, nil, err
			}
			if m.extracted {
				l.Extracted++
			}
			if l.cache == nil {
				inMemory = append(inMemory, a)
				analyses[id] = m.rec.Analysis
			} else {
				fresh[m.key] = m.rec
				if len(fresh) >= cacheBatch {
					if err := flush(false); err != nil {
						return nil, nil, err
					}
				}
			}
		}
		lib.add(in)
		backs[id] = back{m.key, path}
	}
	if len(lib.infos) == 0 {
		if len(l.Problems) > 0 {
			return nil, nil, fmt.Errorf("corpus: no article could be loaded from %s: %w", from, errors.Join(l.Problems...))
		}
		return nil, nil, fmt.Errorf("corpus: %w in %s", corpus.ErrNoArticles, from)
	}
	if l.memory != nil {
		l.memory.keep(keep)
	}
	if l.cache == nil {
		lib.corpus = corpus.New(inMemory)
		return lib, analyses, nil
	}
	// Drop the records of files gone, only when there are any: a start
	// that changed nothing writes nothing.
	gone := false
	for k := range mk.stubs {
		if !keep[k] {
			gone = true
			break
		}
	}
	mk.stubs = nil // lib.read keeps mk: not the catalog's copy
	if err := flush(gone); err != nil {
		return nil, nil, err
	}
	ch := l.cache
	lib.read = func(id string) (*corpus.Article, []byte, error) {
		b, ok := backs[id]
		if !ok {
			return nil, nil, nil
		}
		rec, err := readBack(ch, b, id)
		if err != nil {
			// Damaged since the start: make it again from its file.
			m := mk.extract(context.Background(), b.path, b.key)
			if m.err != nil {
				return nil, nil, errors.Join(err, m.err)
			}
			rec = m.rec
			rec.Article.SetName(corpus.NameOf(b.path))
			rec.Article.SetID(id)
			rec.Article.Source = b.path
		}
		return rec.Article, rec.Analysis, nil
	}
	return lib, nil, nil
}

// fileError is err as a fault of the file at path (a *corpus.FileError).
func fileError(path string, err error) error {
	var fe *corpus.FileError
	if errors.As(err, &fe) {
		return err
	}
	return &corpus.FileError{Path: path, Err: err}
}

// readBack reads the record of an article back from the cache, named as
// the loader named it.
func readBack(ch *cache.Cache, b back, id string) (*cache.Record, error) {
	rec, err := ch.Get(b.key, nil)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	if rec == nil {
		return nil, fmt.Errorf("bot: %s: not in the cache", b.path)
	}
	rec.Article.SetName(corpus.NameOf(b.path))
	rec.Article.SetID(id)
	rec.Article.Source = b.path
	return rec, nil
}

// openDir prepares a LoadOptions.Dir and opens its cache. A folder that
// holds an index of the layout before the cache (Bleve's files at its
// top) loses those files: the index is made again inside it.
func openDir(dir string) (*cache.Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("bot: index folder %s: %w", dir, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		for _, name := range []string{"index_meta.json", "store"} {
			if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
				return nil, fmt.Errorf("bot: replace the old index in %s: %w", dir, err)
			}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("bot: index folder %s: %w", dir, err)
	}
	ch, err := cache.Open(filepath.Join(dir, cacheFile))
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	return ch, nil
}

// maker makes the article of a file: its stub, when the cache has it,
// or a record of its extraction and analysis. It is safe for concurrent
// use.
type maker struct {
	stubs  map[cache.Key]*cache.Stub // what the cache holds; read-only
	memory *Memory                   // nil: none
	pool   sync.Pool                 // of *doc.Analyser, one a worker
}

func newMaker() (*maker, error) {
	tg, err := pos.New()
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	m := &maker{}
	m.pool.New = func() any { return doc.NewAnalyser(tg) }
	return m, nil
}

func (m *maker) make(ctx context.Context, path string) made {
	if err := ctx.Err(); err != nil {
		return made{err: err}
	}
	data, err := corpus.ReadFile(path)
	if err != nil {
		return made{err: err}
	}
	key := cache.KeyOf(data)
	if st := m.stubs[key]; st != nil && st.Fingerprint != "" {
		return made{key: key, stub: st}
	}
	if m.memory != nil {
		if rec := m.memory.get(key); rec != nil {
			return made{key: key, rec: rec}
		}
	}
	return m.extractData(ctx, path, key, data)
}

// extract makes the record of a file by extracting it, whatever the
// cache holds.
func (m *maker) extract(ctx context.Context, path string, key cache.Key) made {
	data, err := corpus.ReadFile(path)
	if err != nil {
		return made{err: err}
	}
	if cache.KeyOf(data) != key {
		return made{err: errors.New("changed while loading")}
	}
	return m.extractData(ctx, path, key, data)
}

func (m *maker) extractData(ctx context.Context, path string, key cache.Key, data []byte) made {
	a, err := corpus.Parse(ctx, corpus.NameOf(path), data)
	if err != nil {
		return made{err: err}
	}
	an := m.pool.Get().(*doc.Analyser)
	d, err := an.Article(ctx, a)
	m.pool.Put(an)
	if err != nil {
		return made{err: err}
	}
	for i := range a.Sentences {
		a.Sentences[i].Tags = nil // analysed: the record keeps d's
	}
	rec := &cache.Record{Article: a, Analysis: doc.Encode(d), Fingerprint: index.Fingerprint(a)}
	if m.memory != nil {
		m.memory.put(key, rec)
	}
	return made{key: key, rec: rec, extracted: true}
}
