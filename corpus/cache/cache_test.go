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
	if cat, err := c.Stubs(); err != nil || len(cat) != 2 || cat[k1] == nil || *cat[k1] != (Stub{Title: arts[0].Title, Untitled: arts[0].Untitled, Sentences: len(arts[0].Sentences)}) {
		t.Fatalf("Stubs() = %+v, %v", cat, err)
	}
	// Keep prunes the rest.
	if err := c.Update(nil, map[Key]bool{k2: true}); err != nil {
		t.Fatal(err)
	}
	if r, _ := c.Get(k1, nil); r != nil {
		t.Error("a record not kept is still there")
	}
	if cat, _ := c.Stubs(); cat[k1] != nil || cat[k2] == nil {
		t.Errorf("stubs after keeping k2: %+v", cat)
	}
	if n, _ := c.Len(); n != 1 {
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
	if n, _ := c.Len(); n != 0 {
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
