package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/text"
)

// Updater brings an index up to date with a corpus given one article at
// a time, so that a loader can index the articles it has while it makes
// the next ones. On disk, an index of this schema version is updated in
// place: only the documents of articles that are new or whose fingerprint
// changed are written, and those of articles not given are deleted at
// Finish. Any other index (another schema, damaged, none) is built in a
// temporary folder next to Options.Dir and renamed into place at Finish.
// In memory, everything is built.
//
// The documents of a batch go with the list of the articles they change
// (pendingKey), and Finish writes the manifest and clears the lists, so
// an update cut short (a crash) is finished by the next one. An Updater
// is for one goroutine.
type Updater struct {
	ctx      context.Context
	opts     Options
	analyzer analysis.Analyzer
	th       Thesaurus
	w        *writer
	dir      string // the index folder; "" in memory
	tmp      string // the temporary folder of a build on disk
	have     manifest
	want     manifest
	batchIDs manifest // the articles the current batch changes
	pending  int      // pending lists written
	built    bool     // a new index, not an update
	indexed  int
}

// NewUpdater opens (or starts building) the index opts says.
func NewUpdater(ctx context.Context, opts Options) (*Updater, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("index: open: %w", err)
	}
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	a := m.AnalyzerNamed(textAnalyzer)
	if a == nil {
		return nil, fmt.Errorf("index: open: analyzer %s missing", textAnalyzer)
	}
	th := opts.Thesaurus
	if th == nil {
		th = ThesaurusFunc(text.Related)
	}
	u := &Updater{ctx: ctx, opts: opts, analyzer: a, th: th, have: manifest{}, want: manifest{}, batchIDs: manifest{}}
	var bi bleve.Index
	path := ""
	if opts.Dir != "" {
		u.dir = filepath.Clean(opts.Dir)
		var have manifest
		bi, have, err = reuse(u.dir)
		if err != nil {
			return nil, err
		}
		if bi != nil {
			u.have = have
		} else {
			if err := checkReplaceable(u.dir); err != nil {
				return nil, err
			}
			parent := filepath.Dir(u.dir)
			if err := os.MkdirAll(parent, 0o755); err != nil {
				return nil, fmt.Errorf("index: create %s: %w", parent, err)
			}
			if u.tmp, err = os.MkdirTemp(parent, "."+filepath.Base(u.dir)+".tmp-*"); err != nil {
				return nil, fmt.Errorf("index: temporary folder for %s: %w", u.dir, err)
			}
			path = filepath.Join(u.tmp, "new")
		}
	}
	if bi == nil {
		u.built = true
		if bi, err = bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil); err != nil {
			u.removeTmp()
			return nil, fmt.Errorf("index: create %s: %w", where(path), err)
		}
	}
	u.w = &writer{ctx: ctx, bi: bi, b: bi.NewBatch(), where: where(path)}
	if path == "" && u.dir != "" {
		u.w.where = u.dir
	}
	if !u.built {
		u.w.beforeFlush = u.listPending
	}
	return u, nil
}

// pendingKey is the key of the list of articles batch n of an update
// changes.
func pendingKey(n int) []byte { return []byte(keyPending + strconv.Itoa(n)) }

// listPending adds to a batch of an update the list of the articles it
// changes.
func (u *Updater) listPending(b *bleve.Batch) {
	b.SetInternal(pendingKey(u.pending), u.batchIDs.encode())
	u.pending++
	u.batchIDs = manifest{}
}

// Has reports whether the index holds article id as it is, by its
// fingerprint and sentence count, and if so keeps it. When it does not,
// the caller must Put the article.
func (u *Updater) Has(id, fingerprint string, sentences int) bool {
	e := entry{Fingerprint: fingerprint, Sentences: sentences}
	if h, ok := u.have[id]; !ok || h != e {
		return false
	}
	u.want[id] = e
	return true
}

// Put gives the index article a, whose Fingerprint is fp: its documents
// are written unless the index holds them already.
func (u *Updater) Put(a *corpus.Article, fp string) error {
	if u.Has(a.ID, fp, len(a.Sentences)) {
		return nil
	}
	e := entry{Fingerprint: fp, Sentences: len(a.Sentences)}
	old := u.have[a.ID].Sentences
	u.batchIDs[a.ID] = entry{Sentences: max(old, e.Sentences)}
	if err := u.w.article(a); err != nil {
		return err
	}
	for n := len(a.Sentences) + 1; n <= old; n++ {
		if err := u.w.delete(docID(a.ID, n)); err != nil {
			return err
		}
	}
	u.want[a.ID] = e
	u.indexed++
	return nil
}

// Finish deletes the documents of the articles the index holds that were
// not given, writes what it holds, and returns the index, ready to
// search. On an error the index is closed (and a build's folder gone).
func (u *Updater) Finish() (*Index, error) {
	ix, err := u.finish()
	if err != nil {
		u.Abort()
		return nil, err
	}
	return ix, nil
}

func (u *Updater) finish() (*Index, error) {
	removed := 0
	for id, h := range u.have {
		if _, ok := u.want[id]; ok {
			continue
		}
		u.batchIDs[id] = entry{Sentences: h.Sentences}
		for n := 1; n <= h.Sentences; n++ {
			if err := u.w.delete(docID(id, n)); err != nil {
				return nil, err
			}
		}
		removed++
	}
	if u.built || u.indexed > 0 || removed > 0 {
		// The manifest (and the version) go in the last batch: an index
		// that has them is complete.
		if u.w.changed {
			// The documents first, with their pending list.
			if err := u.w.flush(); err != nil {
				return nil, err
			}
		}
		b := u.w.b
		b.SetInternal([]byte(keySchema), []byte(schemaVersion))
		b.SetInternal([]byte(keyManifest), u.want.encode())
		for n := range u.pending {
			b.DeleteInternal(pendingKey(n))
		}
		if err := u.w.flush(); err != nil {
			return nil, err
		}
	}
	bi := u.w.bi
	if u.tmp != "" {
		u.w.bi = nil
		if err := bi.Close(); err != nil {
			return nil, fmt.Errorf("index: close new index of %s: %w", u.dir, err)
		}
		if err := u.moveIntoPlace(); err != nil {
			return nil, err
		}
		var err error
		if bi, err = openDisk(u.dir); err != nil {
			return nil, fmt.Errorf("index: open %s: %w", u.dir, err)
		}
	}
	return &Index{bi: bi, analyzer: u.analyzer, th: u.th, rebuilt: u.built, indexed: u.indexed, removed: removed}, nil
}

// moveIntoPlace renames a build into the index folder, moving the old
// index aside first, so that a crash or a cancelled build never leaves a
// half-built index where a good one is looked for.
func (u *Updater) moveIntoPlace() error {
	defer u.removeTmp()
	fresh := filepath.Join(u.tmp, "new")
	old := filepath.Join(u.tmp, "old")
	hadOld := false
	if err := os.Rename(u.dir, old); err == nil {
		hadOld = true
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("index: move old index %s aside: %w", u.dir, err)
	}
	if err := os.Rename(fresh, u.dir); err != nil {
		if hadOld {
			_ = os.Rename(old, u.dir)
		}
		return fmt.Errorf("index: move new index into %s: %w", u.dir, err)
	}
	return nil
}

func (u *Updater) removeTmp() {
	if u.tmp != "" {
		os.RemoveAll(u.tmp)
		u.tmp = ""
	}
}

// Abort closes the index without finishing: an update's batches written
// so far stay listed as pending, and a build is thrown away.
func (u *Updater) Abort() {
	if u.w != nil && u.w.bi != nil {
		u.w.bi.Close()
		u.w.bi = nil
	}
	u.removeTmp()
}
