// Package cache keeps on disk what loading computes for each article (its
// sentences, facts and people, and the analysis and index fingerprint the
// layers above compute), keyed by the SHA-256 of the article file's
// bytes, so that a start reads an unchanged article back instead of
// extracting it again, and a changed or added article is the only one
// redone.
//
// The cache is one bbolt database (go.etcd.io/bbolt, the B+tree store
// Bleve's own index uses for its root): every change is one transaction,
// written to the side and committed with a single page write, so a crash
// leaves the cache as it was before the change or after it, never half of
// it; a second process waits for the file lock, a short while, and gives
// up with an error that says so. Records carry the version of the code
// that made them (the format's and the program's build), and a cache of
// any other version is emptied before use: the facts of an article are
// only as good as the rules that found them.
package cache

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/articlebot/articlebot/corpus"
)

// formatVersion changes whenever the record's layout does (encode.go).
const formatVersion = "3"

// lockTimeout is how long Open waits for another process that holds the
// cache: as long as the index waits (index.Open).
const lockTimeout = 2 * time.Second

var (
	bucketMeta     = []byte("meta")
	bucketArticles = []byte("articles")
	bucketStubs    = []byte("stubs")
	keyCatalog     = []byte("catalog")
	keyVersion     = []byte("version")
)

// ErrInUse is returned by Open when another process holds the cache.
var ErrInUse = errors.New("cache: in use by another process")

// Key identifies an article's text: the SHA-256 of its file's bytes.
type Key [sha256.Size]byte

// KeyOf returns the key of an article file's bytes.
func KeyOf(data []byte) Key { return sha256.Sum256(data) }

// Record is what loading computed for one article.
type Record struct {
	// Article is the parsed article with its facts. Its ID, title (when
	// untitled) and source depend on the file, not its text: the reader
	// sets them (corpus.Article.SetName).
	Article *corpus.Article
	// Analysis is the answering engine's analysis of the article's words,
	// in the engine's own compact form; nil when there is none.
	Analysis []byte
	// Fingerprint identifies what the search index holds of the article.
	Fingerprint string
}

// Cache is an open cache. It is safe for concurrent use.
type Cache struct {
	db      *bolt.DB
	version string
}

// Open opens the cache at path, creating it when missing and emptying it
// when it was written by another version of the program. A file that is
// not a cache is an error, and is left alone.
func Open(path string) (*Cache, error) {
	version, err := programVersion()
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: lockTimeout})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("%w: %s", ErrInUse, path)
	}
	if err != nil {
		return nil, fmt.Errorf("cache: open %s: %w", path, err)
	}
	c := &Cache{db: db, version: version}
	// A cache of this version needs no write (and no sync) to open.
	current := false
	_ = db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		current = meta != nil && bytes.Equal(meta.Get(keyVersion), []byte(version)) &&
			tx.Bucket(bucketArticles) != nil && tx.Bucket(bucketStubs) != nil
		return nil
	})
	if current {
		return c, nil
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		for _, name := range [][]byte{bucketArticles, bucketStubs} {
			if tx.Bucket(name) != nil {
				if err := tx.DeleteBucket(name); err != nil {
					return err
				}
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		return meta.Put(keyVersion, []byte(version))
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("cache: open %s: %w", path, err)
	}
	return c, nil
}

// Close closes the cache.
func (c *Cache) Close() error {
	if err := c.db.Close(); err != nil {
		return fmt.Errorf("cache: close: %w", err)
	}
	return nil
}

// Get returns the record of the article with key k, or nil when the cache
// has none (or a damaged one, which is as good as none). Strings are
// shared through in, which may be nil.
func (c *Cache) Get(k Key, in *Interner) (*Record, error) {
	var r *Record
	err := c.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketArticles)
		if b == nil {
			return nil
		}
		data := b.Get(k[:])
		if data == nil {
			return nil
		}
		rec, err := decode(data, in)
		if err == nil {
			r = rec
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cache: get: %w", err)
	}
	return r, nil
}

// Stub is what a start needs of an article before a question reads it:
// its record without sentences, facts or analysis.
type Stub struct {
	Title       string
	Untitled    bool
	Sentences   int // how many
	Fingerprint string
}

// Stubs returns the stubs of every record. They are kept together, in
// one value: a start reads them all, and reading them one by one would
// touch (and, mapped, keep resident) pages all over the file.
func (c *Cache) Stubs() (map[Key]*Stub, error) {
	var out map[Key]*Stub
	err := c.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = catalogOf(tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("cache: stubs: %w", err)
	}
	return out, nil
}

// catalogOf reads the stubs of a transaction's records; a damaged
// catalog reads as empty (its records are then made again).
func catalogOf(tx *bolt.Tx) (map[Key]*Stub, error) {
	b := tx.Bucket(bucketStubs)
	if b == nil {
		return nil, errors.New("no stubs bucket")
	}
	cat, err := decodeCatalog(b.Get(keyCatalog))
	if err != nil {
		return map[Key]*Stub{}, nil
	}
	return cat, nil
}

// StubOf is the stub of a record.
func StubOf(r *Record) *Stub {
	return &Stub{Title: r.Article.Title, Untitled: r.Article.Untitled, Sentences: len(r.Article.Sentences), Fingerprint: r.Fingerprint}
}

// Update stores the records of put (and their stubs) and, when keep is
// not nil, deletes every record whose key it lacks (the articles no
// longer loaded), in one transaction.
func (c *Cache) Update(put map[Key]*Record, keep map[Key]bool) error {
	err := c.db.Update(func(tx *bolt.Tx) error {
		b, stubs := tx.Bucket(bucketArticles), tx.Bucket(bucketStubs)
		if b == nil || stubs == nil {
			return errors.New("no articles bucket")
		}
		cat, err := catalogOf(tx)
		if err != nil {
			return err
		}
		for k, r := range put {
			if err := b.Put(k[:], encode(r)); err != nil {
				return err
			}
			cat[k] = StubOf(r)
		}
		if keep == nil {
			return stubs.Put(keyCatalog, encodeCatalog(cat))
		}
		var stale [][]byte
		err = b.ForEach(func(k, _ []byte) error {
			var key Key
			copy(key[:], k)
			if len(k) != len(key) || !keep[key] {
				stale = append(stale, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range stale {
			if err := b.Delete(k); err != nil {
				return err
			}
			var key Key
			copy(key[:], k)
			delete(cat, key)
		}
		return stubs.Put(keyCatalog, encodeCatalog(cat))
	})
	if err != nil {
		return fmt.Errorf("cache: update: %w", err)
	}
	return nil
}

// Len is the number of records held.
func (c *Cache) Len() (int, error) {
	n := 0
	err := c.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketArticles); b != nil {
			n = b.Stats().KeyN
		}
		return nil
	})
	return n, err
}

// programVersion names the code that makes the records: the format's
// version and the running program's Go build ID, which changes with any
// change to the program's code or data (a new extraction rule, a new word
// table). Without a build ID (not an ELF binary) it is the SHA-256 of the
// program's file.
func programVersion() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("program version: %w", err)
	}
	if id, err := goBuildID(exe); err == nil {
		return formatVersion + "/" + id, nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("program version: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("program version: %w", err)
	}
	return fmt.Sprintf("%s/sha256:%x", formatVersion, h.Sum(nil)), nil
}

// goBuildID reads the Go build ID from an ELF file's .note.go.buildid
// section: a note named "Go" of type 4 whose description is the ID.
func goBuildID(path string) (string, error) {
	f, err := elf.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return "", errors.New("no Go build ID note")
	}
	data, err := sec.Data()
	if err != nil {
		return "", err
	}
	if len(data) < 16 {
		return "", errors.New("short Go build ID note")
	}
	order := f.ByteOrder
	nameSize, descSize, typ := order.Uint32(data), order.Uint32(data[4:]), order.Uint32(data[8:])
	nameEnd := 12 + int(nameSize)
	descStart := 12 + (int(nameSize)+3)&^3
	if typ != 4 || nameEnd > len(data) || string(bytes.TrimRight(data[12:nameEnd], "\x00")) != "Go" ||
		descStart+int(descSize) > len(data) || descSize == 0 {
		return "", errors.New("malformed Go build ID note")
	}
	return string(data[descStart : descStart+int(descSize)]), nil
}
