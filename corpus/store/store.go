// Package store keeps a corpus folder as a store of article files: it adds
// an article (validated, given a safe unique name, refused when its text is
// already there) and removes one, so that corpus.Load of the folder always
// finds whole articles.
//
// A write goes to a hidden temporary file in the folder, is synced, and is
// then linked to its final name, which fails rather than replaces a file
// that appeared meanwhile, and the folder is synced: a crash at any point
// leaves every article that was there before, and either the whole new one
// or none (plus, at worst, a hidden temporary file, which Load ignores and
// Open clears once stale). Adds and removes are serialised within a
// process by a mutex and between processes sharing the folder by a lock
// file, so the duplicate check and the choice of name see every other
// writer's result.
package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/corpus"
)

// Limits on what is added.
const (
	// MaxTextBytes is the largest article text added (issue 10: "at most
	// 1 MiB of text"); a long-form feature of 10,000 words is about 60 KB.
	MaxTextBytes = 1 << 20
	// MinSentences is the fewest sentences an article may have: a news
	// brief has three or more; one or two lines are a note, a caption or
	// a failed extraction, not an article to answer questions about.
	MinSentences = 3
	// MaxSentences is the most: four times the ~500 sentences of a
	// 10,000-word feature. More is a book or a log, which would slow every
	// rebuild of the index for everyone.
	MaxSentences = 2000
	// MaxNameBytes bounds an article's name (its file name without
	// ".txt", and its ID): IDs are shown in Discord's autocomplete, whose
	// choice names hold 100 characters, next to the title.
	MaxNameBytes = 64
)

// staleTemp is the age after which a temporary file is taken for the
// remains of a crashed write and removed by Open: a write lasts
// milliseconds.
const staleTemp = time.Hour

// lockName is the lock file that serialises writers of one folder; it is
// hidden, so never read as an article.
const lockName = ".articlebot.lock"

// Faults in what is added or removed: each comes as a *corpus.InputError
// whose Kind is one of these (or corpus.ErrEmpty, ErrBinary, ErrNotUTF8).
var (
	ErrTooLarge     = fmt.Errorf("article text is larger than %d bytes", MaxTextBytes)
	ErrTooShort     = fmt.Errorf("article has fewer than %d sentences", MinSentences)
	ErrTooLong      = fmt.Errorf("article has more than %d sentences", MaxSentences)
	ErrDuplicate    = errors.New("article is already in the corpus")
	ErrBadName      = errors.New("article name is not usable")
	ErrNameTaken    = errors.New("article name is taken")
	ErrNotFound     = errors.New("no such article")
	errNoFolder     = errors.New("corpus is not a folder")
	errLinkConflict = errors.New("name taken while writing")
)

// Store is a corpus folder. It is safe for concurrent use, and several
// Stores (in one process or several) may share a folder.
type Store struct {
	dir string
	sem chan struct{} // one writer of this Store at a time; the lock file serialises processes

	// beforeLink, when set, is called with the temporary file's path once
	// it is written and synced, before it is given its name: the point a
	// test kills the process at.
	beforeLink func(tmp string)
}

// Entry is an article file of the store.
type Entry struct {
	ID        string // the article's ID, as corpus.Load gives it
	Title     string
	Path      string
	Sentences int
}

// Open returns the store of the folder dir, which must exist. It removes
// temporary files left by writes that crashed long ago.
func Open(dir string) (*Store, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("store: open %s: %w: articles are added to a folder of them", dir, errNoFolder)
	}
	s := &Store{dir: filepath.Clean(dir), sem: make(chan struct{}, 1)}
	s.clearStaleTemps()
	return s, nil
}

// Dir is the store's folder.
func (s *Store) Dir() string { return s.dir }

// Add validates text and writes it as a new article. name, when set, is
// the article's name (refused when taken or unsafe); when empty, the name
// is made from the article's title line. An article whose words are
// already in the folder is refused with ErrDuplicate, naming the article
// that holds them.
func (s *Store) Add(ctx context.Context, name string, text []byte) (Entry, error) {
	data, err := checkText(text)
	if err != nil {
		return Entry{}, err
	}
	title, body := corpus.SplitTitle(string(data))
	want := ""
	if name != "" {
		if want, err = checkName(name); err != nil {
			return Entry{}, err
		}
	} else if want = slug(title); want == "" {
		return Entry{}, &corpus.InputError{Kind: ErrBadName,
			Msg: "The article has no title line to name it by: give it a name."}
	}
	key := fingerprint(body)

	unlock, err := s.lock(ctx)
	if err != nil {
		return Entry{}, err
	}
	defer unlock()
	for {
		entries, err := s.scan(ctx)
		if err != nil {
			return Entry{}, err
		}
		taken := map[string]bool{}
		for _, e := range entries {
			if e.key == key {
				return Entry{}, &corpus.InputError{Kind: ErrDuplicate,
					Msg: fmt.Sprintf("That article is already in the corpus, as %s (%s).", e.ID, filepath.Base(e.Path))}
			}
			taken[e.ID] = true
			taken[e.base] = true
		}
		id := want
		if taken[id] {
			if name != "" {
				return Entry{}, &corpus.InputError{Kind: ErrNameTaken,
					Msg: fmt.Sprintf("An article named %s is already in the corpus: choose another name.", id)}
			}
			id = unique(want, taken)
		}
		a, err := corpus.Parse(ctx, id, data)
		if err != nil {
			return Entry{}, textError(err)
		}
		if err := checkSentences(len(a.Sentences)); err != nil {
			return Entry{}, err
		}
		path, err := s.write(id, data)
		if errors.Is(err, errLinkConflict) {
			continue // a writer that takes no lock made the file: choose again
		}
		if err != nil {
			return Entry{}, err
		}
		return Entry{ID: id, Title: a.Title, Path: path, Sentences: len(a.Sentences)}, nil
	}
}

// Remove deletes the article with the given ID and returns what it was.
func (s *Store) Remove(ctx context.Context, id string) (Entry, error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return Entry{}, err
	}
	defer unlock()
	entries, err := s.scan(ctx)
	if err != nil {
		return Entry{}, err
	}
	for _, e := range entries {
		if e.ID != id {
			continue
		}
		out := Entry{ID: e.ID, Path: e.Path, Title: corpus.NameOf(e.Path)}
		if a, err := corpus.Parse(ctx, e.base, e.data); err == nil {
			out.Title, out.Sentences = a.Title, len(a.Sentences)
		}
		if err := os.Remove(e.Path); err != nil {
			return Entry{}, fmt.Errorf("store: remove %s: %w", e.Path, err)
		}
		if err := syncDir(filepath.Dir(e.Path)); err != nil {
			return Entry{}, err
		}
		return out, nil
	}
	return Entry{}, &corpus.InputError{Kind: ErrNotFound,
		Msg: fmt.Sprintf("There is no article %q in the corpus.", clipName(id))}
}

// checkText validates an article's text and returns it as it is written:
// no byte-order mark, "\n" line endings, one final newline.
func checkText(text []byte) ([]byte, error) {
	if len(text) > MaxTextBytes {
		return nil, &corpus.InputError{Kind: ErrTooLarge,
			Msg: fmt.Sprintf("The article is too long: %s of text, at most %s.", size(len(text)), size(MaxTextBytes))}
	}
	t := strings.TrimPrefix(string(text), "\uFEFF")
	t = strings.ReplaceAll(t, "\r\n", "\n")
	t = strings.ReplaceAll(t, "\r", "\n")
	t = strings.TrimSpace(t)
	switch {
	case strings.IndexByte(t, 0) >= 0:
		return nil, textError(corpus.ErrBinary)
	case !utf8.ValidString(t):
		return nil, textError(corpus.ErrNotUTF8)
	case t == "":
		return nil, textError(corpus.ErrEmpty)
	}
	return []byte(t + "\n"), nil
}

// textError turns a fault corpus.Parse finds into one for the user.
func textError(err error) error {
	msg := "The article could not be read: " + err.Error() + "."
	switch {
	case errors.Is(err, corpus.ErrEmpty):
		msg = "The article is empty."
	case errors.Is(err, corpus.ErrBinary):
		msg = "The article is not text (it holds NUL bytes): send a .txt or .md file."
	case errors.Is(err, corpus.ErrNotUTF8):
		msg = "The article is not UTF-8 text: save it as UTF-8 and send it again."
	}
	return &corpus.InputError{Kind: err, Msg: msg}
}

func checkSentences(n int) error {
	switch {
	case n < MinSentences:
		return &corpus.InputError{Kind: ErrTooShort,
			Msg: fmt.Sprintf("The article has %d sentence(s); an article needs at least %d.", n, MinSentences)}
	case n > MaxSentences:
		return &corpus.InputError{Kind: ErrTooLong,
			Msg: fmt.Sprintf("The article has %d sentences; at most %d are taken.", n, MaxSentences)}
	}
	return nil
}

// checkName validates a name a user chose and returns the ID it gives.
func checkName(name string) (string, error) {
	bad := func(why string) error {
		return &corpus.InputError{Kind: ErrBadName, Msg: fmt.Sprintf("The name %q %s.", clipName(name), why)}
	}
	switch {
	case !utf8.ValidString(name):
		return "", bad("is not UTF-8")
	case strings.ContainsAny(name, `/\`) || strings.Contains(name, ".."):
		return "", bad(`must not hold "/", "\" or ".."`)
	case strings.HasPrefix(name, "."):
		return "", bad(`must not start with "."`)
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return "", bad("must not hold control characters")
	case len(name) > MaxNameBytes:
		return "", bad(fmt.Sprintf("is longer than %d bytes", MaxNameBytes))
	}
	id := slug(name)
	if id == "" {
		return "", bad("has no letters or digits")
	}
	return id, nil
}

// slug makes a file name (and article ID) from a title or name: the
// corpus's own ID rule, cut at a word to MaxNameBytes. "" when it has no
// letters or digits.
func slug(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return ""
	}
	id := corpus.IDFromName(s)
	if len(id) <= MaxNameBytes {
		return id
	}
	cut := id[:MaxNameBytes]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	// End at a whole word unless that would lose more than half.
	if i := strings.LastIndexByte(cut, '-'); id[len(cut)] != '-' && i > MaxNameBytes/2 {
		cut = cut[:i]
	}
	return strings.Trim(cut, "-")
}

// unique returns id with the first "-N" suffix (N from 2) not taken,
// shortened so that it stays within MaxNameBytes.
func unique(id string, taken map[string]bool) string {
	for n := 2; ; n++ {
		suffix := "-" + strconv.Itoa(n)
		base := id
		if len(base)+len(suffix) > MaxNameBytes {
			base = slug(base[:MaxNameBytes-len(suffix)])
		}
		if c := base + suffix; !taken[c] {
			return c
		}
	}
}

func clipName(s string) string {
	if len(s) <= MaxNameBytes {
		return s
	}
	cut := s[:MaxNameBytes]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	return cut + "…"
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", (n+1023)/1024)
}

// fingerprint identifies an article's body by its words, whatever their
// case, spacing, punctuation or line breaks: the same story saved twice,
// from a page or a file, with or without its title line.
func fingerprint(body string) [sha256.Size]byte {
	h := sha256.New()
	word, started := false, false
	for _, r := range body {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !word && started {
				io.WriteString(h, " ")
			}
			word, started = true, true
			var b [utf8.UTFMax]byte
			h.Write(b[:utf8.EncodeRune(b[:], unicode.ToLower(r))])
			continue
		}
		word = false
	}
	var out [sha256.Size]byte
	copy(out[:], h.Sum(nil))
	return out
}

// entry is an article file found in the folder.
type entry struct {
	Entry
	base string // the ID its name gives, before corpus.New makes IDs unique
	key  [sha256.Size]byte
	data []byte
}

// scan reads every article file of the folder, as corpus.Load would find
// them, with the IDs Load would give them.
func (s *Store) scan(ctx context.Context) ([]entry, error) {
	paths, _, err := corpus.Files(s.dir)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	var out []entry
	var stubs []*corpus.Article
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("store: list %s: %w", s.dir, err)
		}
		data, err := corpus.ReadFile(p)
		if err != nil || !utf8.Valid(data) {
			continue // Load skips it too, so it holds no article and no ID
		}
		_, body := corpus.SplitTitle(string(data))
		base := corpus.IDFromName(corpus.NameOf(p))
		out = append(out, entry{Entry: Entry{Path: p}, base: base, key: fingerprint(body), data: data})
		stubs = append(stubs, &corpus.Article{ID: base})
	}
	// corpus.New gives the IDs Load gives: duplicates get "-2", "-3", ….
	for i, a := range corpus.New(stubs).Articles {
		out[i].ID = a.ID
	}
	return out, nil
}

// write puts data in the folder as id.txt, atomically: a hidden temporary
// file, synced, then hard-linked to its name (which, unlike a rename,
// never replaces a file that is there), and the folder synced.
func (s *Store) write(id string, data []byte) (string, error) {
	final := filepath.Join(s.dir, id+".txt")
	f, err := os.CreateTemp(s.dir, "."+id+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("store: write %s: %w", final, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", fmt.Errorf("store: write %s: %w", tmp, err)
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return "", fmt.Errorf("store: write %s: %w", tmp, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return "", fmt.Errorf("store: sync %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("store: write %s: %w", tmp, err)
	}
	if s.beforeLink != nil {
		s.beforeLink(tmp)
	}
	if err := os.Link(tmp, final); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", errLinkConflict
		}
		// A file system without hard links: rename, once sure the name is
		// free (the lock keeps other articlebot writers out).
		if _, serr := os.Lstat(final); serr == nil {
			return "", errLinkConflict
		}
		if err := os.Rename(tmp, final); err != nil {
			return "", fmt.Errorf("store: name %s: %w", final, err)
		}
	}
	if err := syncDir(s.dir); err != nil {
		return "", err
	}
	return final, nil
}

// syncDir makes a folder's entries (a new name, a removed one) durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("store: sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("store: sync %s: %w", dir, err)
	}
	return nil
}

// clearStaleTemps removes the temporary files of writes that crashed: a
// live write's file is younger than staleTemp.
func (s *Store) clearStaleTemps() {
	tmps, _ := filepath.Glob(filepath.Join(s.dir, ".*.tmp"))
	for _, p := range tmps {
		if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > staleTemp {
			os.Remove(p)
		}
	}
}

// lock waits for this Store's other writers and then for the folder's
// lock file, or for ctx to end.
func (s *Store) lock(ctx context.Context) (func(), error) {
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("store: lock %s: %w", s.dir, ctx.Err())
	}
	unlockFile, err := lockFile(ctx, filepath.Join(s.dir, lockName))
	if err != nil {
		<-s.sem
		return nil, fmt.Errorf("store: lock %s: %w", s.dir, err)
	}
	return func() {
		unlockFile()
		<-s.sem
	}, nil
}
