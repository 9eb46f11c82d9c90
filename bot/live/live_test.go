package live

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus/store"
	"github.com/articlebot/articlebot/corpus/web"
)

// budget is article n: its council's budget is £(n+10)m, and its town's
// name (Town<n>ville) is in no other article.
func budget(n int) (id, text, answer string) {
	id = fmt.Sprintf("town%dville-budget", n)
	answer = fmt.Sprintf("£%dm", n+10)
	text = fmt.Sprintf("Town%dville budget\n\n"+
		"The council of Town%dville approved a budget of %s on Tuesday. "+
		"Mayor Ada Cole said the vote was close. Work on the new library starts in %d weeks.\n", n, n, answer, n+2)
	return id, text, answer
}

// modes are the two ways an Engine keeps its index, in memory and on
// disk (Options.Dir): the tests of changes run in both.
var modes = []struct {
	name string
	disk bool
}{{"memory", false}, {"disk", true}}

// forEachMode runs test in each mode, as subtests.
func forEachMode(t *testing.T, test func(t *testing.T, disk bool)) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) { test(t, m.disk) })
	}
}

func open(t *testing.T, dir string) *Engine {
	t.Helper()
	return openWith(t, dir, false, Options{Fetch: web.Options{AllowPrivate: true, Timeout: time.Minute}})
}

// openWith opens an engine on dir with o, and, on disk, a state folder
// of its own.
func openWith(t *testing.T, dir string, disk bool, o Options) *Engine {
	t.Helper()
	if disk {
		o.Dir = filepath.Join(t.TempDir(), "state")
	}
	e, err := Open(context.Background(), dir, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// checkWhole asks every article a snapshot lists about itself: a listed
// article that its index or engine did not hold whole would not answer.
func checkWhole(ctx context.Context, b *bot.Engine, answers map[string]string) error {
	for _, a := range b.Articles() {
		want, ok := answers[a.ID]
		if !ok {
			return fmt.Errorf("unknown article %s listed", a.ID)
		}
		if a.Sentences != 3 {
			return fmt.Errorf("%s listed with %d sentences", a.ID, a.Sentences)
		}
		ans, err := b.Ask(ctx, bot.Question{Text: "How much is the budget?", Article: a.ID})
		if err != nil {
			return fmt.Errorf("ask %s: %w", a.ID, err)
		}
		if ans.Text != want || len(ans.Sentences) == 0 || ans.Sentences[0].Article != a.ID {
			return fmt.Errorf("ask %s: %q from %v, want %q", a.ID, ans.Text, ans.Sentences, want)
		}
		town := strings.TrimSuffix(a.ID, "-budget")
		hits, err := b.Search(ctx, town, "", 5)
		if err != nil || len(hits) == 0 || hits[0].Article != a.ID {
			return fmt.Errorf("search %s: %v %v", town, hits, err)
		}
	}
	return nil
}

func TestAddRemove(t *testing.T) { forEachMode(t, testAddRemove) }

func testAddRemove(t *testing.T, disk bool) {
	ctx := context.Background()
	dir := t.TempDir()
	e := openWith(t, dir, disk, Options{}) // an empty folder is an empty corpus
	if n := len(e.Articles()); n != 0 {
		t.Fatalf("%d articles in an empty folder", n)
	}
	id, text, answer := budget(1)
	a, err := e.Add(ctx, "", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != id || a.Title != "Town1ville budget" || a.Sentences != 3 || a.Source != filepath.Join(dir, id+".txt") {
		t.Errorf("added %+v", a)
	}
	ans, err := e.Ask(ctx, bot.Question{Text: "How much is the budget?"})
	if err != nil || ans.Text != answer {
		t.Errorf("after add: %v %v", ans, err)
	}
	_, err = e.Add(ctx, "again", []byte(text))
	if !bot.IsUserError(err) || !errors.Is(err, store.ErrDuplicate) || !strings.Contains(err.Error(), "as "+id) {
		t.Errorf("duplicate: %v", err)
	}
	if _, err := e.Add(ctx, "x", []byte("Too short.")); !bot.IsUserError(err) || !errors.Is(err, store.ErrTooShort) {
		t.Errorf("short: %v", err)
	}
	r, err := e.Remove(ctx, id)
	if err != nil || r.ID != id || r.Title != "Town1ville budget" {
		t.Fatalf("remove: %+v %v", r, err)
	}
	if _, ok := e.Article(id); ok {
		t.Error("removed article still known")
	}
	if _, err := e.Remove(ctx, id); !bot.IsUserError(err) || !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second remove: %v", err)
	}
}

func TestAddURL(t *testing.T) {
	_, text, answer := budget(7)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/news/town7ville" {
			http.NotFound(w, r)
			return
		}
		title, body, _ := strings.Cut(text, "\n\n")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><title>%s | Town News</title><meta property="article:published_time" content="2024-05-01T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article><h1>%s</h1><p>%s</p>
<p>The library will have space for 40,000 books and a children's room, the council said in a statement on Tuesday.</p></article>
<footer><p>© Town News. All rights reserved.</p></footer></body></html>`, title, title, body)
	}))
	defer srv.Close()
	ctx := context.Background()
	e := open(t, t.TempDir())
	a, err := e.AddURL(ctx, srv.URL+"/news/town7ville", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "town7ville-budget" || a.URL != srv.URL+"/news/town7ville" || a.Published.Format(time.RFC3339) != "2024-05-01T08:00:00Z" || a.Sentences != 4 {
		t.Errorf("added %+v", a)
	}
	if ans, err := e.Ask(ctx, bot.Question{Text: "How much is the budget?"}); err != nil || ans.Text != answer {
		t.Errorf("ask: %v %v", ans, err)
	}
	if _, err := e.AddURL(ctx, srv.URL+"/missing", ""); !bot.IsUserError(err) || !errors.Is(err, web.ErrHTTPStatus) {
		t.Errorf("404: %v", err)
	}
	e2, _ := Open(ctx, t.TempDir(), Options{}) // the default: private addresses refused
	defer e2.Close()
	if _, err := e2.AddURL(ctx, srv.URL+"/news/town7ville", ""); !bot.IsUserError(err) || !errors.Is(err, web.ErrPrivateAddress) {
		t.Errorf("private address allowed: %v", err)
	}
}

// TestRetiredIndexClosesAfterLastQuestion: a question holding the old
// corpus keeps its index open across a change; the index closes when it
// lets go.
func TestRetiredIndexClosesAfterLastQuestion(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	_, text, _ := budget(1)
	os.WriteFile(filepath.Join(dir, "one.txt"), []byte(text), 0o644)
	e := open(t, dir)
	old, done := e.Current()
	_, text2, _ := budget(2)
	if _, err := e.Add(ctx, "", []byte(text2)); err != nil {
		t.Fatal(err)
	}
	if got := len(old.Articles()); got != 1 {
		t.Fatalf("the held snapshot changed: %d articles", got)
	}
	if _, err := old.Search(ctx, "budget", "", 5); err != nil {
		t.Fatalf("old index closed while in use: %v", err)
	}
	done()
	done() // a second call is harmless
	if _, err := old.Search(ctx, "budget", "", 5); err == nil {
		t.Error("old index still open after its last question")
	}
	if got := len(e.Articles()); got != 2 {
		t.Errorf("current corpus has %d articles", got)
	}
}

// TestQuestionsDuringChanges: readers ask in a loop while two writers add
// and remove articles; every snapshot a reader gets is whole (each article
// it lists answers from its own sentences and is found by search), and the
// article that is never removed is always there.
func TestQuestionsDuringChanges(t *testing.T) { forEachMode(t, testQuestionsDuringChanges) }

func testQuestionsDuringChanges(t *testing.T, disk bool) {
	ctx := context.Background()
	dir := t.TempDir()
	answers := map[string]string{}
	const keep = 0
	for n := range 9 {
		id, _, answer := budget(n)
		answers[id] = answer
	}
	keepID, keepText, _ := budget(keep)
	os.WriteFile(filepath.Join(dir, keepID+".txt"), []byte(keepText), 0o644)
	e := openWith(t, dir, disk, Options{})

	var stop atomic.Bool
	var readers, writers sync.WaitGroup
	var asked atomic.Int64
	for range 2 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for !stop.Load() {
				b, done := e.Current()
				err := checkWhole(ctx, b, answers)
				if _, ok := b.Article(keepID); !ok {
					err = errors.New("the kept article is missing")
				}
				done()
				if err != nil {
					t.Error(err)
					return
				}
				asked.Add(1)
			}
		}()
	}
	for w := range 2 {
		writers.Add(1)
		go func() {
			defer writers.Done()
			for round := range 3 {
				for i := 1 + w*4; i <= 4+w*4; i++ { // writer 0: 1-4, writer 1: 5-8
					_, text, _ := budget(i)
					if _, err := e.Add(ctx, "", []byte(text)); err != nil {
						t.Errorf("round %d add %d: %v", round, i, err)
						return
					}
				}
				for i := 1 + w*4; i <= 4+w*4; i++ {
					id, _, _ := budget(i)
					if i%2 == 0 && round == 2 {
						continue // the last round leaves the even ones
					}
					if _, err := e.Remove(ctx, id); err != nil {
						t.Errorf("round %d remove %s: %v", round, id, err)
						return
					}
				}
			}
		}()
	}
	writers.Wait()
	// Let the readers see the final corpus at least once.
	for seen := asked.Load(); asked.Load() < seen+2 && !t.Failed(); {
		time.Sleep(time.Millisecond)
	}
	stop.Store(true)
	readers.Wait()
	var got []string
	for _, a := range e.Articles() {
		got = append(got, a.ID)
	}
	want := "town0ville-budget town2ville-budget town4ville-budget town6ville-budget town8ville-budget"
	if strings.Join(got, " ") != want {
		t.Errorf("final corpus %v, want %s", got, want)
	}
	b, done := e.Current()
	defer done()
	if err := checkWhole(ctx, b, answers); err != nil {
		t.Error(err)
	}
	if asked.Load() == 0 {
		t.Error("no question was asked during the changes")
	}
}

func TestClosed(t *testing.T) {
	e := open(t, t.TempDir())
	e.Close()
	if _, err := e.Ask(context.Background(), bot.Question{Text: "Who?"}); !errors.Is(err, ErrClosed) {
		t.Errorf("Ask after Close: %v", err)
	}
	if _, err := e.Add(context.Background(), "", nil); !errors.Is(err, ErrClosed) {
		t.Errorf("Add after Close: %v", err)
	}
	if b, done := e.Current(); b != nil {
		done()
		t.Error("Current after Close")
	}
}

// TestChangeExtractsOnlyTheChangedArticle: a snapshot after an add
// extracts the added article alone, one after a remove none; the others
// are the articles the snapshot before made.
func TestChangeExtractsOnlyTheChangedArticle(t *testing.T) {
	forEachMode(t, testChangeExtractsOnlyTheChangedArticle)
}

func testChangeExtractsOnlyTheChangedArticle(t *testing.T, disk bool) {
	ctx := context.Background()
	dir := t.TempDir()
	for n := range 5 {
		id, text, _ := budget(n)
		os.WriteFile(filepath.Join(dir, id+".txt"), []byte(text), 0o644)
	}
	e := openWith(t, dir, disk, Options{})
	if got := e.cur.Load().extracted; got != 5 {
		t.Errorf("opening extracted %d articles, want 5", got)
	}
	_, text, answer := budget(7)
	if _, err := e.Add(ctx, "", []byte(text)); err != nil {
		t.Fatal(err)
	}
	if got := e.cur.Load().extracted; got != 1 {
		t.Errorf("an add extracted %d articles, want 1", got)
	}
	if _, err := e.Remove(ctx, "town1ville-budget"); err != nil {
		t.Fatal(err)
	}
	if got := e.cur.Load().extracted; got != 0 {
		t.Errorf("a remove extracted %d articles, want 0", got)
	}
	a, err := e.Ask(ctx, bot.Question{Text: "What budget did the council of Town7ville approve?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, answer) {
		t.Errorf("answer %q, want it to hold %q", a.Text, answer)
	}
}

// TestDiskUpdatesInPlace: on disk, the first start builds the index, a
// change writes only the documents of the article it adds or removes and
// extracts only an added one, and a start after a close extracts nothing
// and answers as an engine in memory does.
func TestDiskUpdatesInPlace(t *testing.T) {
	ctx := context.Background()
	dir, state := t.TempDir(), filepath.Join(t.TempDir(), "state")
	answers := map[string]string{}
	for n := range 5 {
		id, text, answer := budget(n)
		answers[id] = answer
		os.WriteFile(filepath.Join(dir, id+".txt"), []byte(text), 0o644)
	}
	e, err := Open(ctx, dir, Options{Dir: state})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { e.Close() }()
	check := func(step string, rebuilt bool, indexed, removed, extracted int) {
		t.Helper()
		s := e.cur.Load()
		i, r := s.loaded.Index.Updated()
		if got := s.loaded.Index.Rebuilt(); got != rebuilt || i != indexed || r != removed || s.extracted != extracted {
			t.Errorf("%s: rebuilt %v, %d articles indexed, %d removed, %d extracted; want %v, %d, %d, %d",
				step, got, i, r, s.extracted, rebuilt, indexed, removed, extracted)
		}
	}
	check("first start", true, 5, 0, 5)
	id, text, answer := budget(7)
	answers[id] = answer
	if _, err := e.Add(ctx, "", []byte(text)); err != nil {
		t.Fatal(err)
	}
	check("add", false, 1, 0, 1)
	if _, err := e.Remove(ctx, "town1ville-budget"); err != nil {
		t.Fatal(err)
	}
	check("remove", false, 0, 1, 0)

	if _, err := Open(ctx, dir, Options{Dir: state}); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("a second engine on a state folder in use: %v, want an error that says so", err)
	}
	e.Close()
	if e, err = Open(ctx, dir, Options{Dir: state}); err != nil {
		t.Fatal(err)
	}
	check("start again", false, 0, 0, 0)
	b, done := e.Current()
	defer done()
	if err := checkWhole(ctx, b, answers); err != nil {
		t.Error(err)
	}
	mem := open(t, dir)
	for _, a := range b.Articles() {
		q := bot.Question{Text: "What did the mayor say?", Article: a.ID}
		got, err1 := b.Ask(ctx, q)
		want, err2 := mem.Ask(ctx, q)
		if err1 != nil || err2 != nil || fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
			t.Errorf("%s: on disk %+v (%v), in memory %+v (%v)", a.ID, got, err1, want, err2)
		}
	}
}

// TestDiskChangeWaitsForQuestions: on disk, a change closes the index it
// replaces, so it waits for the questions holding it; they answer
// meanwhile, and the index closes once they let go.
func TestDiskChangeWaitsForQuestions(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	_, text, _ := budget(1)
	os.WriteFile(filepath.Join(dir, "one.txt"), []byte(text), 0o644)
	e := openWith(t, dir, true, Options{})
	old, done := e.Current()
	added := make(chan error, 1)
	_, text2, answer2 := budget(2)
	go func() {
		_, err := e.Add(ctx, "", []byte(text2))
		added <- err
	}()
	// However long the question holds the corpus, the change waits. The
	// question holds it longer than the index and the cache wait for a
	// lock (2 s): a change that did not wait would by then have failed
	// to open them, or been made. (A change that waits is never early.)
	const hold = 3 * time.Second
	for end := time.Now().Add(hold); time.Now().Before(end); {
		if _, err := old.Search(ctx, "budget", "", 5); err != nil {
			t.Fatalf("the index was closed under a question: %v", err)
		}
		select {
		case err := <-added:
			t.Fatalf("the change was made while a question held the corpus (%v)", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	done()
	if err := <-added; err != nil {
		t.Fatal(err)
	}
	if _, err := old.Search(ctx, "budget", "", 5); err == nil {
		t.Error("the replaced index is still open")
	}
	if ans, err := e.Ask(ctx, bot.Question{Text: "How much is the budget?", Article: "town2ville-budget"}); err != nil || ans.Text != answer2 {
		t.Errorf("after the change: %v, %v", ans, err)
	}
}
