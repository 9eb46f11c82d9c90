package live

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus/web"
)

func openShared(t *testing.T, dir string, disk bool, every time.Duration) *Engine {
	t.Helper()
	return openWith(t, dir, disk, Options{Shared: true, CheckEvery: every, Fetch: web.Options{AllowPrivate: true}})
}

// TestSharedFolderSeesOtherWriters: two engines on one folder, as two
// replicas of the bot; what one adds or removes, the other answers from
// at its next question. An engine not told the folder is shared keeps
// the corpus it loaded. On disk, each has a state folder of its own.
func TestSharedFolderSeesOtherWriters(t *testing.T) { forEachMode(t, testSharedFolderSeesOtherWriters) }

func testSharedFolderSeesOtherWriters(t *testing.T, disk bool) {
	ctx := context.Background()
	dir := t.TempDir()
	a := openShared(t, dir, disk, time.Nanosecond)
	b := openShared(t, dir, disk, time.Nanosecond)
	private := openWith(t, dir, disk, Options{})

	id, text, answer := budget(3)
	if _, err := a.Add(ctx, "", []byte(text)); err != nil {
		t.Fatal(err)
	}
	ans, err := b.Ask(ctx, bot.Question{Text: "How much is the budget?"})
	if err != nil || ans.Text != answer {
		t.Fatalf("the other replica answered %v, %v; want %q", ans, err, answer)
	}
	if _, ok := b.Article(id); !ok {
		t.Error("the other replica does not list the new article")
	}
	if n := len(private.Articles()); n != 0 {
		t.Errorf("an engine that does not share the folder reloaded it: %d articles", n)
	}

	// The change came from b's side this time, by another writer.
	if _, err := b.Remove(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Article(id); ok {
		t.Error("a removed article is still listed by the other replica")
	}

	// A file put there by hand, and edited in place, is seen too.
	path := filepath.Join(dir, "by-hand.txt")
	_, text2, answer2 := budget(4)
	if err := os.WriteFile(path, []byte(text2), 0o644); err != nil {
		t.Fatal(err)
	}
	if ans, err := a.Ask(ctx, bot.Question{Text: "How much is the budget?"}); err != nil || ans.Text != answer2 {
		t.Fatalf("after a file was written by hand: %v, %v", ans, err)
	}
	_, text5, answer5 := budget(15) // a longer text: the size changes, whatever the clock's grain
	if err := os.WriteFile(path, []byte(text5), 0o644); err != nil {
		t.Fatal(err)
	}
	if ans, err := a.Ask(ctx, bot.Question{Text: "How much is the budget?"}); err != nil || ans.Text != answer5 {
		t.Fatalf("after an edit in place: %v, %v", ans, err)
	}
}

// TestSharedFolderLooksAtMostEveryCheckEvery: within CheckEvery of a look,
// a change is not seen yet (the look is what a question pays for).
func TestSharedFolderLooksAtMostEveryCheckEvery(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := openShared(t, dir, false, time.Hour)
	b := open(t, dir)
	if n := len(a.Articles()); n != 0 { // the first look
		t.Fatalf("%d articles", n)
	}
	_, text, _ := budget(1)
	if _, err := b.Add(ctx, "", []byte(text)); err != nil {
		t.Fatal(err)
	}
	if n := len(a.Articles()); n != 0 {
		t.Errorf("looked again within CheckEvery: %d articles", n)
	}
	a.checked.Store(0) // as if the hour had passed
	if n := len(a.Articles()); n != 1 {
		t.Errorf("after CheckEvery: %d articles, want 1", n)
	}
}

// BenchmarkFolderPrint: the look at a shared folder of 100 articles that
// a question pays for at most once every CheckEvery.
func BenchmarkFolderPrint(b *testing.B) {
	dir := b.TempDir()
	for n := 1; n <= 100; n++ {
		id, text, _ := budget(n)
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := folderPrint(dir); err != nil {
			b.Fatal(err)
		}
	}
}
