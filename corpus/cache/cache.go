// Package cache keeps on disk what loading computes for each article (its
// sentences, facts and people, and the analysis and index fingerprint the
// layers above compute), keyed by the SHA-256 of the article file's
// bytes, so that a start reads an unchanged article back instead of
// extracting it again, and a changed or added article is the only one
// redone.
//
// The records are appended to a data file and read back with plain reads
// (not mapped: a question reads a few records, and mapped pages around
// them would count as the process's memory). Where each record is, with
// the stub a start needs of it, is kept in one catalog in a bbolt
// database (go.etcd.io/bbolt, the B+tree store Bleve's own index uses for
// its root): a change appends and syncs its records, then commits the new
// catalog in one transaction, written to the side and committed with a
// single page write, so a crash leaves the cache as it was before the
// change or after it, never half of it (bytes appended and not yet in the
// catalog are unused). When records no longer used take more room than
// those used, the live ones are copied to a new data file, which the same
// kind of transaction puts in place. A second process waits for the file
// lock, a short while, and gives up with an error that says so. Records
// carry the version of the code that made them (the format's and the
// program's build), and a cache of any other version is emptied before
// use: the facts of an article are only as good as the rules that found
// them.
package cache

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/articlebot/articlebot/corpus"
)

// formatVersion changes whenever the record's layout does (encode.go).
const formatVersion = "4"

// lockTimeout is how long Open waits for another process that holds the
// cache: as long as the index waits (index.Open).
const lockTimeout = 2 * time.Second

// compactOver is the least room records no longer used may take before
// the data file is compacted (when they also outweigh the live ones).
const compactOver = 1 << 20

var (
	bucketMeta = []byte("meta")
	keyVersion = []byte("version")
	keyData    = []byte("data")    // the data file's name
	keyCatalog = []byte("catalog") // see encodeCatalog
	crcTable   = crc32.MakeTable(crc32.Castagnoli)
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

// Stub is what a start needs of an article before a question reads it:
// its record without sentences, facts or analysis.
type Stub struct {
	Title       string
	Untitled    bool
	Sentences   int // how many
	Fingerprint string
}

// StubOf is the stub of a record.
func StubOf(r *Record) *Stub {
	return &Stub{Title: r.Article.Title, Untitled: r.Article.Untitled, Sentences: len(r.Article.Sentences), Fingerprint: r.Fingerprint}
}

// place is a record's place in the data file, with its stub.
type place struct {
	stub     *Stub
	off, len int64 // of the record's bytes, which a CRC-32C follows
}

// Cache is an open cache. It is safe for concurrent use.
type Cache struct {
	db      *bolt.DB
	dir     string
	version string

	mu   sync.RWMutex
	cat  map[Key]place
	data *os.File // the data file, named in meta
	name string
	size int64 // the data file's length
}

// Open opens the cache at path (and its data file beside it), creating
// it when missing and emptying it when it was written by another version
// of the program. A file that is not a cache is an error, and is left
// alone.
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
	c := &Cache{db: db, dir: filepath.Dir(path), version: version}
	if err := c.load(filepath.Base(path)); err != nil {
		db.Close()
		return nil, fmt.Errorf("cache: open %s: %w", path, err)
	}
	return c, nil
}

// load reads the catalog and opens the data file; a cache of another
// version (or none, or a damaged one) is emptied, on a new data file.
func (c *Cache) load(base string) error {
	var name string
	var cat map[Key]place
	current := false
	_ = c.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || !bytes.Equal(meta.Get(keyVersion), []byte(c.version)) {
			return nil
		}
		name = string(meta.Get(keyData))
		var err error
		cat, err = decodeCatalog(meta.Get(keyCatalog))
		current = err == nil && name != "" && filepath.Base(name) == name
		return nil
	})
	if current {
		f, err := os.OpenFile(filepath.Join(c.dir, name), os.O_RDWR, 0o644)
		if err == nil {
			info, err := f.Stat()
			if err == nil {
				c.cat, c.data, c.name, c.size = cat, f, name, info.Size()
				return nil
			}
			f.Close()
		}
	}
	// Start again, on a data file of a name not used before.
	name = base + "." + strconv.FormatInt(time.Now().UnixNano(), 36) + ".data"
	f, err := os.OpenFile(filepath.Join(c.dir, name), os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	old := ""
	err = c.db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		old = string(meta.Get(keyData))
		if err := meta.Put(keyVersion, []byte(c.version)); err != nil {
			return err
		}
		if err := meta.Put(keyCatalog, encodeCatalog(nil)); err != nil {
			return err
		}
		return meta.Put(keyData, []byte(name))
	})
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if old != "" && old != name && filepath.Base(old) == old {
		os.Remove(filepath.Join(c.dir, old))
	}
	c.cat, c.data, c.name, c.size = map[Key]place{}, f, name, 0
	return nil
}

// Close closes the cache.
func (c *Cache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	err := c.data.Close()
	if err2 := c.db.Close(); err == nil {
		err = err2
	}
	if err != nil {
		return fmt.Errorf("cache: close: %w", err)
	}
	return nil
}

// Get returns the record of the article with key k, or nil when the cache
// has none (or a damaged one, which is as good as none). Strings are
// shared through in, which may be nil.
func (c *Cache) Get(k Key, in *Interner) (*Record, error) {
	c.mu.RLock()
	p, ok := c.cat[k]
	var buf []byte
	var err error
	if ok {
		buf = make([]byte, p.len+4)
		_, err = c.data.ReadAt(buf, p.off)
	}
	c.mu.RUnlock()
	if !ok {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cache: read %s: %w", c.name, err)
	}
	body := buf[:p.len]
	if binary.LittleEndian.Uint32(buf[p.len:]) != crc32.Checksum(body, crcTable) {
		return nil, nil
	}
	r, err := decode(body, in)
	if err != nil {
		return nil, nil
	}
	return r, nil
}

// Stubs returns the stubs of every record.
func (c *Cache) Stubs() map[Key]*Stub {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make(map[Key]*Stub, len(c.cat))
	for k, p := range c.cat {
		out[k] = p.stub
	}
	return out
}

// Len is the number of records held.
func (c *Cache) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.cat)
}

// Update stores the records of put and, when keep is not nil, forgets
// every record whose key it lacks (the articles no longer loaded): the
// records are appended to the data file and synced, then the catalog is
// committed. It compacts the data file when that is due.
func (c *Cache) Update(put map[Key]*Record, keep map[Key]bool) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	cat := make(map[Key]place, len(c.cat)+len(put))
	for k, p := range c.cat {
		if keep == nil || keep[k] {
			cat[k] = p
		}
	}
	if len(put) > 0 {
		bodies := make(map[Key][]byte, len(put))
		n := 0
		for k, r := range put {
			bodies[k] = encode(r)
			n += len(bodies[k]) + 4
		}
		buf := make([]byte, 0, n)
		off := c.size
		for k, r := range put {
			body := bodies[k]
			cat[k] = place{stub: StubOf(r), off: off + int64(len(buf)), len: int64(len(body))}
			buf = append(buf, body...)
			buf = binary.LittleEndian.AppendUint32(buf, crc32.Checksum(body, crcTable))
		}
		if _, err := c.data.WriteAt(buf, off); err != nil {
			return fmt.Errorf("cache: write %s: %w", c.name, err)
		}
		if err := c.data.Sync(); err != nil {
			return fmt.Errorf("cache: sync %s: %w", c.name, err)
		}
		c.size = off + int64(len(buf))
	}
	var live int64
	for _, p := range cat {
		live += p.len + 4
	}
	if waste := c.size - live; waste > compactOver && waste > live {
		return c.compact(cat)
	}
	if err := c.commit(cat, c.name); err != nil {
		return err
	}
	c.cat = cat
	return nil
}

// commit writes the catalog and the data file's name in one transaction.
func (c *Cache) commit(cat map[Key]place, name string) error {
	err := c.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return errors.New("no meta bucket")
		}
		if err := meta.Put(keyCatalog, encodeCatalog(cat)); err != nil {
			return err
		}
		return meta.Put(keyData, []byte(name))
	})
	if err != nil {
		return fmt.Errorf("cache: update: %w", err)
	}
	return nil
}

// compact copies the records of cat to a new data file, syncs it, and
// commits it with the catalog; the old file is then removed.
func (c *Cache) compact(cat map[Key]place) error {
	name := filepath.Base(c.db.Path()) + "." + strconv.FormatInt(time.Now().UnixNano(), 36) + ".data"
	f, err := os.OpenFile(filepath.Join(c.dir, name), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("cache: compact: %w", err)
	}
	fail := func(err error) error {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("cache: compact: %w", err)
	}
	moved := make(map[Key]place, len(cat))
	var off int64
	for k, p := range cat {
		buf := make([]byte, p.len+4)
		if _, err := c.data.ReadAt(buf, p.off); err != nil {
			return fail(err)
		}
		if _, err := f.WriteAt(buf, off); err != nil {
			return fail(err)
		}
		moved[k] = place{stub: p.stub, off: off, len: p.len}
		off += int64(len(buf))
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := c.commit(moved, name); err != nil {
		return fail(err)
	}
	old := c.data
	c.cat, c.data, c.name, c.size = moved, f, name, off
	old.Close()
	os.Remove(old.Name())
	return nil
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
