package cache

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/corpustest"
)

// testArticles are the built-in article, generated ones and the
// articles of the question sets.
func testArticles(tb testing.TB) []*corpus.Article {
	tb.Helper()
	c, err := corpus.Default()
	if err != nil {
		tb.Fatal(err)
	}
	arts := c.Articles
	news, _, err := corpus.Load(context.Background(), "../../bot/testdata/news/articles")
	if err != nil {
		tb.Fatal(err)
	}
	arts = append(arts, news.Articles...)
	g := corpustest.New(1)
	for i := range 3 {
		a, err := corpus.Parse(context.Background(), corpustest.Name(i), []byte(g.Article(i)))
		if err != nil {
			tb.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

// TestRecordRoundTrip: a record reads back equal, nil slices nil and
// empty ones empty, with or without an interner.
func TestRecordRoundTrip(t *testing.T) {
	in := NewInterner()
	for _, a := range testArticles(t) {
		t.Run(a.ID, func(t *testing.T) {
			want := &Record{Article: a, Analysis: []byte{1, 2, 3}, Fingerprint: "fp"}
			for _, in := range []*Interner{nil, in} {
				got, err := decode(encode(want), in)
				if err != nil {
					t.Fatal(err)
				}
				// The reader names the article.
				got.Article.ID, got.Article.Source = a.ID, a.Source
				for i := range got.Article.Sentences {
					got.Article.Sentences[i].Article = a.Sentences[i].Article
					// Tags are not kept: they are for the analysis of a
					// just-parsed article, which the record holds.
					if got.Article.Sentences[i].Tags != nil {
						t.Fatalf("sentence %d read back with tags", i+1)
					}
					got.Article.Sentences[i].Tags = a.Sentences[i].Tags
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("record differs:\n got %+v\nwant %+v", got.Article, want.Article)
				}
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, a := range testArticles(f)[:2] {
		f.Add(encode(&Record{Article: a}))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := decode(data, nil)
		if err != nil {
			return
		}
		for _, s := range r.Article.Sentences {
			for _, fc := range s.Facts {
				_ = fc.Text // every span was checked against its sentence
			}
		}
	})
}

func TestCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "articles.db")
	c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	arts := testArticles(t)
	k1, k2 := KeyOf([]byte("one")), KeyOf([]byte("two"))
	if err := c.Update(map[Key]*Record{k1: {Article: arts[0]}, k2: {Article: arts[1]}}, nil); err != nil {
		t.Fatal(err)
	}
	if r, err := c.Get(k1, nil); err != nil || r == nil || r.Article.Title != arts[0].Title {
		t.Fatalf("Get(k1) = %v, %v", r, err)
	}
	if cat := c.Stubs(); len(cat) != 2 || cat[k1] == nil || *cat[k1] != (Stub{Title: arts[0].Title, Untitled: arts[0].Untitled, Sentences: len(arts[0].Sentences)}) {
		t.Fatalf("Stubs() = %+v", cat)
	}
	// Keep prunes the rest.
	if err := c.Update(nil, map[Key]bool{k2: true}); err != nil {
		t.Fatal(err)
	}
	if r, _ := c.Get(k1, nil); r != nil {
		t.Error("a record not kept is still there")
	}
	if cat := c.Stubs(); cat[k1] != nil || cat[k2] == nil {
		t.Errorf("stubs after keeping k2: %+v", cat)
	}
	if n := c.Len(); n != 1 {
		t.Errorf("Len = %d, want 1", n)
	}
	// Another process (here: another handle) waits, then gives up.
	if _, err := Open(path); err == nil {
		t.Error("a second Open of a cache in use succeeded")
	}
	c.Close()

	// Another program's cache is emptied.
	c, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if err := setVersion(path, "0/other"); err != nil {
		t.Fatal(err)
	}
	c, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := c.Len(); n != 0 {
		t.Errorf("a cache of another version kept %d records", n)
	}
	c.Close()

	// A file that is not a cache is refused and kept.
	other := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(other, []byte("keep me, I am not a database, really not at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(other); err == nil {
		t.Error("Open of a text file succeeded")
	}
	if b, _ := os.ReadFile(other); string(b) != "keep me, I am not a database, really not at all" {
		t.Error("a file that is not a cache was changed")
	}
}

// TestCompactAndDamage: records no longer used are dropped from the data
// file once they outweigh the live ones, what is live reads back after a
// reopen, and a record whose bytes are damaged reads as none.
func TestCompactAndDamage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "articles.db")
	c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := testArticles(t)[0]
	big := make([]byte, compactOver/2)
	keys := make([]Key, 6)
	for i := range keys {
		keys[i] = KeyOf([]byte{byte(i)})
		if err := c.Update(map[Key]*Record{keys[i]: {Article: a, Analysis: big}}, map[Key]bool{keys[i]: true}); err != nil {
			t.Fatal(err)
		}
	}
	if c.size > 4*int64(len(big)) {
		t.Errorf("data file of %d bytes holds one record of %d: not compacted", c.size, len(big))
	}
	c.Close()
	files, _ := filepath.Glob(filepath.Join(dir, "articles.db.*.data"))
	if len(files) != 1 {
		t.Errorf("data files %v, want one", files)
	}
	c, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	last := keys[len(keys)-1]
	if r, err := c.Get(last, nil); err != nil || r == nil || len(r.Analysis) != len(big) {
		t.Fatalf("Get after reopen = %v, %v", r, err)
	}
	p := c.cat[last]
	if _, err := c.data.WriteAt([]byte{0xff, 0xfe}, p.off+p.len/2); err != nil {
		t.Fatal(err)
	}
	if r, err := c.Get(last, nil); err != nil || r != nil {
		t.Errorf("a damaged record read back: %v, %v", r != nil, err)
	}
}
