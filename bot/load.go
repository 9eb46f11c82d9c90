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
	Dir string
	// Engine configures the engine.
	Engine []Option
}

// Loaded is an engine over a loaded corpus, with its index.
type Loaded struct {
	*Engine
	Index    *index.Index
	Corpus   *corpus.Corpus
	Problems []error // article files skipped (each a *corpus.FileError)
	// Extracted is how many articles were parsed and analysed, not read
	// back from Dir.
	Extracted int
}

// Close releases the index.
func (l *Loaded) Close() error { return l.Index.Close() }

// The files of a LoadOptions.Dir.
const (
	indexFolder = "index"
	cacheFile   = "articles.db"
)

// Load loads the corpus, its index and the engine over them.
func Load(ctx context.Context, o LoadOptions) (*Loaded, error) {
	var ch *cache.Cache
	if o.Dir != "" {
		var err error
		if ch, err = openDir(o.Dir); err != nil {
			return nil, err
		}
		defer ch.Close()
	}
	l := &Loaded{}
	var made *madeArticles
	var err error
	if o.Corpus == "" {
		l.Corpus, err = corpus.Default()
	} else {
		made, err = newMade(ch)
		if err != nil {
			return nil, err
		}
		l.Corpus, l.Problems, err = corpus.LoadEach(ctx, o.Corpus, runtime.GOMAXPROCS(0), made.make)
	}
	if err != nil {
		return nil, err
	}
	ixOpts := index.Options{}
	if o.Dir != "" {
		ixOpts.Dir = filepath.Join(o.Dir, indexFolder)
	}
	opts := o.Engine
	if made != nil {
		ixOpts.Fingerprints, opts = made.fingerprints(), append([]Option{WithAnalyses(made.analyses())}, opts...)
		l.Extracted = len(made.fresh)
	}
	ix, err := index.Open(ctx, l.Corpus, ixOpts)
	if err != nil {
		return nil, err
	}
	l.Index = ix
	if l.Engine, err = New(ctx, l.Corpus, ix, opts...); err != nil {
		ix.Close()
		return nil, err
	}
	if made != nil {
		if err := made.save(); err != nil {
			ix.Close()
			return nil, err
		}
	}
	return l, nil
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

// madeArticles makes the articles of a load (reading them back from the
// cache or parsing and analysing them) and remembers what it made, for
// the index, the engine and the cache. It is safe for concurrent use.
type madeArticles struct {
	cache    *cache.Cache // nil: nothing kept
	interner *cache.Interner
	tagger   *pos.Tagger
	pool     sync.Pool // of *doc.Analyser, one a worker

	mu    sync.Mutex
	recs  map[*corpus.Article]*cache.Record
	keys  map[cache.Key]bool
	fresh map[cache.Key]*cache.Record
}

func newMade(ch *cache.Cache) (*madeArticles, error) {
	tg, err := pos.New()
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	m := &madeArticles{cache: ch, interner: cache.NewInterner(), tagger: tg,
		recs: map[*corpus.Article]*cache.Record{}, keys: map[cache.Key]bool{}, fresh: map[cache.Key]*cache.Record{}}
	m.pool.New = func() any { return doc.NewAnalyser(tg) }
	return m, nil
}

// make is the corpus.MakeFunc of a load.
func (m *madeArticles) make(ctx context.Context, path string, data []byte) (*corpus.Article, error) {
	key := cache.KeyOf(data)
	var rec *cache.Record
	if m.cache != nil {
		r, err := m.cache.Get(key, m.interner)
		if err != nil {
			return nil, err
		}
		rec = r
	}
	fresh := rec == nil || rec.Analysis == nil || rec.Fingerprint == ""
	if fresh {
		a, err := corpus.Parse(ctx, corpus.NameOf(path), data)
		if err != nil {
			return nil, err
		}
		an := m.pool.Get().(*doc.Analyser)
		d, err := an.Article(ctx, a)
		m.pool.Put(an)
		if err != nil {
			return nil, err
		}
		rec = &cache.Record{Article: a, Analysis: doc.Encode(d), Fingerprint: index.Fingerprint(a)}
	}
	a := rec.Article
	a.SetName(corpus.NameOf(path))
	a.Source = path
	m.mu.Lock()
	defer m.mu.Unlock()
	m.recs[a] = rec
	m.keys[key] = true
	if fresh {
		m.fresh[key] = rec
	}
	return a, nil
}

// fingerprints are the index fingerprints of the articles made, by ID
// (which corpus.New may have changed to keep IDs apart).
func (m *madeArticles) fingerprints() map[string]string {
	out := make(map[string]string, len(m.recs))
	for a, r := range m.recs {
		out[a.ID] = r.Fingerprint
	}
	return out
}

// analyses are the compact analyses of the articles made, by ID.
func (m *madeArticles) analyses() map[string][]byte {
	out := make(map[string][]byte, len(m.recs))
	for a, r := range m.recs {
		out[a.ID] = r.Analysis
	}
	return out
}

// save keeps what was made afresh in the cache and drops the records of
// articles no longer loaded, in one transaction; a load that changed
// nothing writes nothing.
func (m *madeArticles) save() error {
	if m.cache == nil {
		return nil
	}
	n, err := m.cache.Len()
	if err != nil {
		return fmt.Errorf("bot: %w", err)
	}
	if len(m.fresh) == 0 && n == len(m.keys) {
		return nil
	}
	if err := m.cache.Update(m.fresh, m.keys); err != nil {
		return fmt.Errorf("bot: %w", err)
	}
	return nil
}
