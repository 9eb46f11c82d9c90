package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
)

func TestOpen(t *testing.T) {
	c := newsCorpus()
	tests := []struct {
		name string
		opts func(t *testing.T) Options
	}{
		{"memory", func(*testing.T) Options { return Options{} }},
		{"disk", func(t *testing.T) Options { return Options{Dir: filepath.Join(t.TempDir(), "index")} }},
		{"disk-nested-missing-parents", func(t *testing.T) Options { return Options{Dir: filepath.Join(t.TempDir(), "a", "b", "index")} }},
		{"disk-existing-empty-folder", func(t *testing.T) Options { return Options{Dir: t.TempDir()} }},
		{"no-related-words", func(*testing.T) Options { return Options{Thesaurus: Groups{}} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := openIndex(t, c, tt.opts(t))
			if !ix.Rebuilt() {
				t.Error("Rebuilt() = false on a first open")
			}
			n, err := ix.bi.DocCount()
			if err != nil {
				t.Fatal(err)
			}
			// One document a sentence.
			if want := uint64(c.SentenceCount()); n != want {
				t.Errorf("DocCount = %d, want %d", n, want)
			}
			hits := mustSearch(t, ix, Query{Text: "petrol prices"})
			if len(hits) == 0 || hits[0].Article != "business" || hits[0].Sentence != 4 {
				t.Errorf("petrol prices: got %+v, want business/4 first", hits)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		c       *corpus.Corpus
		dir     func(t *testing.T) string
		wantErr error // when set, errors.Is must hold
	}{
		{"nil-corpus", context.Background(), nil, func(*testing.T) string { return "" }, nil},
		{"cancelled-memory", cancelled, newsCorpus(), func(*testing.T) string { return "" }, context.Canceled},
		{"cancelled-disk", cancelled, newsCorpus(), func(t *testing.T) string { return filepath.Join(t.TempDir(), "ix") }, context.Canceled},
		{"dir-is-a-file", context.Background(), newsCorpus(), func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "file")
			if err := os.WriteFile(p, []byte("not an index"), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}, nil},
		{"dir-holds-other-files", context.Background(), newsCorpus(), func(t *testing.T) string {
			d := t.TempDir()
			if err := os.WriteFile(filepath.Join(d, "notes.txt"), []byte("keep me"), 0o644); err != nil {
				t.Fatal(err)
			}
			return d
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.dir(t)
			ix, err := Open(tt.ctx, tt.c, Options{Dir: dir})
			if err == nil {
				ix.Close()
				t.Fatal("Open succeeded, want an error")
			}
			if !strings.HasPrefix(err.Error(), "index: ") {
				t.Errorf("error %q does not say it comes from the index", err)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v, want one wrapping %v", err, tt.wantErr)
			}
			if tt.name == "dir-holds-other-files" {
				if b, err := os.ReadFile(filepath.Join(dir, "notes.txt")); err != nil || string(b) != "keep me" {
					t.Errorf("a folder that is not an index was touched: %q, %v", b, err)
				}
			}
			if dir != "" {
				// No temporary folder is left behind.
				entries, _ := os.ReadDir(filepath.Dir(dir))
				for _, e := range entries {
					if strings.Contains(e.Name(), ".tmp-") {
						t.Errorf("temporary folder %s left behind", e.Name())
					}
				}
			}
		})
	}
}

// TestOpenOnDisk opens an index on disk again and again, changing the
// corpus, the thesaurus or the schema in between, and checks when it is
// reused and when rebuilt.
func TestOpenOnDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ctx := context.Background()
	base := newsCorpus
	steps := []struct {
		name        string
		corpus      func() *corpus.Corpus
		opts        Options
		before      func(t *testing.T) // runs before Open
		wantRebuilt bool
		wantUpdated [2]int // articles indexed and removed
		query       string // must find wantHit first
		wantHit     string // "article/n"
	}{
		{name: "first-open-builds", corpus: base, wantRebuilt: true, wantUpdated: [2]int{4, 0}, query: "petrol", wantHit: "business/4"},
		{name: "same-corpus-reused", corpus: base, wantRebuilt: false, query: "petrol", wantHit: "business/4"},
		{name: "reused-again", corpus: base, wantRebuilt: false, query: "soldiers", wantHit: "sport/3"},
		{name: "sentence-text-changed", corpus: func() *corpus.Corpus {
			c := base()
			c.Article("business").Sentences[3].Text = "Prices of diesel rose for the third month in a row."
			return c
		}, wantUpdated: [2]int{1, 0}, query: "diesel", wantHit: "business/4"},
		{name: "changed-corpus-reused", corpus: func() *corpus.Corpus {
			c := base()
			c.Article("business").Sentences[3].Text = "Prices of diesel rose for the third month in a row."
			return c
		}, wantRebuilt: false, query: "diesel", wantHit: "business/4"},
		{name: "back-to-original", corpus: base, wantUpdated: [2]int{1, 0}, query: "petrol", wantHit: "business/4"},
		{name: "facts-changed", corpus: func() *corpus.Corpus {
			c := base()
			withFacts(c.Article("sport"), 4, facts.Fact{Kind: facts.KindQuote, Speaker: "Pat Example"})
			return c
		}, wantUpdated: [2]int{1, 0}, query: "Example", wantHit: "sport/4"},
		{name: "article-added", corpus: func() *corpus.Corpus {
			c := base()
			return corpus.New(append(c.Articles, article("extra", "A brand new zeppelin service starts today.")))
		}, wantUpdated: [2]int{2, 0}, query: "zeppelin", wantHit: "extra/1"},
		{name: "article-removed", corpus: base, wantUpdated: [2]int{0, 1}, query: "petrol", wantHit: "business/4"},
		{name: "removed-article-not-found", corpus: base, query: "zeppelin"},
		// Related words are searched at query time: another thesaurus
		// needs no rebuild.
		{name: "thesaurus-changed-reused", corpus: base, opts: Options{Thesaurus: Groups{{"petrol", "benzine"}}}, wantRebuilt: false, query: "benzine", wantHit: "business/4"},
		{name: "schema-version-changed", corpus: base, before: func(t *testing.T) {
			setInternal(t, dir, keySchema, "0")
		}, wantRebuilt: true, wantUpdated: [2]int{4, 0}, query: "petrol", wantHit: "business/4"},
		{name: "manifest-missing", corpus: base, before: func(t *testing.T) {
			setInternal(t, dir, keyManifest, "")
		}, wantRebuilt: true, wantUpdated: [2]int{4, 0}, query: "petrol", wantHit: "business/4"},
		// An update cut short: the articles it listed are redone.
		{name: "update-pending", corpus: base, before: func(t *testing.T) {
			setInternal(t, dir, string(pendingKey(0)), string(manifest{"sport": {Sentences: 9}}.encode()))
		}, wantUpdated: [2]int{1, 0}, query: "soldiers", wantHit: "sport/3"},
		{name: "index-damaged", corpus: base, before: func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte("{not json"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, wantRebuilt: true, wantUpdated: [2]int{4, 0}, query: "petrol", wantHit: "business/4"},
		{name: "reused-after-repair", corpus: base, wantRebuilt: false, query: "United States", wantHit: "tech/1"},
	}
	for _, st := range steps {
		if !t.Run(st.name, func(t *testing.T) {
			if st.before != nil {
				st.before(t)
			}
			ix, err := Open(ctx, st.corpus(), Options{Dir: dir, Thesaurus: st.opts.Thesaurus})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer ix.Close()
			if ix.Rebuilt() != st.wantRebuilt {
				t.Errorf("Rebuilt() = %v, want %v", ix.Rebuilt(), st.wantRebuilt)
			}
			if in, rm := ix.Updated(); [2]int{in, rm} != st.wantUpdated {
				t.Errorf("Updated() = %d, %d, want %v", in, rm, st.wantUpdated)
			}
			hits := mustSearch(t, ix, Query{Text: st.query})
			if st.wantHit == "" {
				if len(hits) > 0 {
					t.Errorf("%q: got %+v, want nothing", st.query, hits)
				}
			} else if len(hits) == 0 || docID(hits[0].Article, hits[0].Sentence) != st.wantHit {
				t.Errorf("%q: got %+v, want %s first", st.query, hits, st.wantHit)
			}
			entries, err := os.ReadDir(filepath.Dir(dir))
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("folder holds %v, want only the index (no temporary folders)", names)
			}
		}) {
			t.FailNow() // later steps depend on this one
		}
	}
}

// setInternal changes an internal value of the closed index at dir.
func setInternal(t *testing.T, dir, key, value string) {
	t.Helper()
	bi, err := bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer bi.Close()
	if value == "" {
		err = bi.DeleteInternal([]byte(key))
	} else {
		err = bi.SetInternal([]byte(key), []byte(value))
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestFingerprint(t *testing.T) {
	fingerprint := func(c *corpus.Corpus) string {
		var fps []string
		for _, a := range c.Articles {
			fps = append(fps, Fingerprint(a))
		}
		return strings.Join(fps, ",")
	}
	base := fingerprint(newsCorpus())
	tests := []struct {
		name   string
		change func(c *corpus.Corpus) *corpus.Corpus
		same   bool
	}{
		{"unchanged", func(c *corpus.Corpus) *corpus.Corpus { return c }, true},
		{"title-and-source-do-not-count", func(c *corpus.Corpus) *corpus.Corpus {
			c.Articles[0].Title, c.Articles[0].Source = "Another title", "elsewhere"
			return c
		}, true},
		{"text", func(c *corpus.Corpus) *corpus.Corpus {
			c.Articles[0].Sentences[0].Text += " "
			return c
		}, false},
		// The manifest holds the ID beside the fingerprint.
		{"article-id-does-not-count", func(c *corpus.Corpus) *corpus.Corpus {
			c.Articles[0].ID = "politics2"
			return c
		}, true},
		{"sentence-moved-between-articles", func(c *corpus.Corpus) *corpus.Corpus {
			a, b := c.Articles[0], c.Articles[1]
			b.Sentences = append([]corpus.Sentence{a.Sentences[len(a.Sentences)-1]}, b.Sentences...)
			a.Sentences = a.Sentences[:len(a.Sentences)-1]
			return c
		}, false},
		{"speaker", func(c *corpus.Corpus) *corpus.Corpus {
			withFacts(c.Articles[1], 1, facts.Fact{Kind: facts.KindQuote, Speaker: "Ann Other"})
			return c
		}, false},
		// Only what is indexed counts: no query reads people or places.
		{"person-does-not-count", func(c *corpus.Corpus) *corpus.Corpus {
			withFacts(c.Articles[1], 1, facts.Fact{Kind: facts.KindPerson, Value: "Ann Other"})
			return c
		}, true},
		{"place-does-not-count", func(c *corpus.Corpus) *corpus.Corpus {
			withFacts(c.Articles[1], 1, facts.Fact{Kind: facts.KindPlace, Value: "Leeds"})
			return c
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fingerprint(tt.change(newsCorpus()))
			if (got == base) != tt.same {
				t.Errorf("fingerprint equal = %v, want %v", got == base, tt.same)
			}
		})
	}
}

func TestDocID(t *testing.T) {
	tests := []struct {
		article string
		n       int
	}{
		{"article", 1},
		{"bbc-pol-001", 25},
		{"with/slash", 3},
		{"", 7},
		{"ünïcode", 12345},
	}
	for _, tt := range tests {
		t.Run(tt.article, func(t *testing.T) {
			a, n, ok := parseID(docID(tt.article, tt.n))
			if !ok || a != tt.article || n != tt.n {
				t.Errorf("parseID(docID(%q, %d)) = %q, %d, %v", tt.article, tt.n, a, n, ok)
			}
		})
	}
	for _, bad := range []string{"", "noslash", "a/", "a/x", "a/0", "a/-1", "synonym-group-1"} {
		t.Run("bad-"+bad, func(t *testing.T) {
			if _, _, ok := parseID(bad); ok {
				t.Errorf("parseID(%q) accepted", bad)
			}
		})
	}
}

// TestMappingIndexesNothingByAccident checks that only the declared fields
// of a sentence document are indexed: no dynamic fields, no "_all", and a
// value that is not a sentence document indexes nothing.
func TestMappingIndexesNothingByAccident(t *testing.T) {
	ix := openIndex(t, newsCorpus(), Options{})
	b := ix.bi.NewBatch()
	if err := b.Index("stray/1", map[string]any{"text": "zebra crossing", "secret": "zebra"}); err != nil {
		t.Fatal(err)
	}
	if err := ix.bi.Batch(b); err != nil {
		t.Fatal(err)
	}
	if hits := mustSearch(t, ix, Query{Text: "zebra"}); len(hits) != 0 {
		t.Errorf("a document that is not a sentence was indexed: %+v", hits)
	}
	fields, err := ix.bi.Fields()
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{fieldText: true, fieldArticle: true, fieldSpeaker: true}
	for _, f := range fields {
		if !allowed[f] && !strings.HasPrefix(f, "_") || f == "_all" {
			t.Errorf("unexpected indexed field %q", f)
		}
	}
}

func TestToDocument(t *testing.T) {
	s := corpus.Sentence{Text: "“Sales rose in Leeds,” Jane Doe of Acme said.", Facts: []facts.Fact{
		{Kind: facts.KindQuote, Speaker: "Jane Doe"},
		{Kind: facts.KindPerson, Value: "Jane Doe"},
		{Kind: facts.KindPerson, Value: "Jane Doe"},
		{Kind: facts.KindPlace, Value: "Leeds"},
		{Kind: facts.KindOrg, Value: "Acme"},
		{Kind: facts.KindQuantity, Value: "1"},
		{Kind: facts.KindQuote, Speaker: ""},
	}}
	d := toDocument("art", &s)
	check := func(name string, got []string, want ...string) {
		t.Helper()
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if d.Text != s.Text || d.Article != "art" {
		t.Errorf("text/article = %q/%q", d.Text, d.Article)
	}
	check("speaker", d.Speaker, "Jane Doe")
}

// TestOpenInUse opens an index on disk that is already open: Open must
// fail (after a short wait, not hang) and leave the open index alone, even
// when the corpus differs and it would otherwise be rebuilt.
func TestOpenInUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	first := openIndex(t, newsCorpus(), Options{Dir: dir})
	other := corpus.New([]*corpus.Article{article("other", "Something else entirely.")})
	for _, tt := range []struct {
		name string
		c    *corpus.Corpus
	}{
		{"same-corpus", newsCorpus()},
		{"other-corpus", other},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // each waits out the lock timeout
			ix, err := Open(context.Background(), tt.c, Options{Dir: dir})
			if err == nil {
				ix.Close()
				t.Fatal("second Open of an index in use succeeded")
			}
			if !strings.Contains(err.Error(), "in use") {
				t.Errorf("error %q does not say the index is in use", err)
			}
			if hits := mustSearch(t, first, Query{Text: "petrol"}); len(hits) == 0 {
				t.Error("the open index no longer answers")
			}
		})
	}
}
