package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/articlebot/articlebot/corpus"
)

// article is a distinct three-sentence article about town n.
func article(n int) string {
	return fmt.Sprintf("Council backs %d homes in town %d\n\n"+
		"The council of town %d approved a plan for %d new homes on Monday. "+
		"Mayor Ann Lee said the vote was close.\n\nBuilding starts in %d weeks.\n", n*10, n, n, n*10, n+2)
}

func openStore(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// load is corpus.Load of dir, failing on any problem: the folder must be
// whole.
func load(t *testing.T, dir string) *corpus.Corpus {
	t.Helper()
	c, problems, err := corpus.Load(context.Background(), dir)
	if errors.Is(err, corpus.ErrNoArticles) && len(problems) == 0 {
		return corpus.New(nil)
	}
	if err != nil || len(problems) > 0 {
		t.Fatalf("load %s: %v %v", dir, err, problems)
	}
	return c
}

func ids(c *corpus.Corpus) []string {
	var out []string
	for _, a := range c.Articles {
		out = append(out, a.ID)
	}
	sort.Strings(out)
	return out
}

func TestAdd(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "existing.md"), []byte(article(1)), 0o644)
	s := openStore(t, dir)
	tests := []struct {
		name, give, text string
		wantID, wantErr  string
		wantKind         error
	}{
		{"name from title", "", article(2), "council-backs-20-homes-in-town-2", "", nil},
		{"name given", "My Story", article(3), "my-story", "", nil},
		{"derived name taken gets a suffix", "", "Existing\n\n" + strings.SplitN(article(4), "\n\n", 2)[1], "existing-2", "", nil},
		{"crlf and bom", "crlf", "\uFEFF" + strings.ReplaceAll(article(5), "\n", "\r\n"), "crlf", "", nil},
		{"same text again", "", article(2), "", "already in the corpus, as council-backs-20-homes-in-town-2", ErrDuplicate},
		{"same words, other case and spacing", "again", strings.ToUpper(strings.ReplaceAll(article(3), " ", "  ")), "", "as my-story", ErrDuplicate},
		{"same body under another title", "", "Another headline\n\n" + strings.SplitN(article(1), "\n\n", 2)[1], "", "as existing", ErrDuplicate},
		{"given name taken", "existing", article(6), "", "already in the corpus", ErrNameTaken},
		{"empty", "x", " \n\n ", "", "empty", corpus.ErrEmpty},
		{"binary", "x", "a\x00b. c. d.", "", "not text", corpus.ErrBinary},
		{"latin-1", "x", "caf\xe9. One. Two.", "", "UTF-8", corpus.ErrNotUTF8},
		{"too large", "x", strings.Repeat("Word. ", MaxTextBytes/6+1), "", "too long", ErrTooLarge},
		{"too few sentences", "x", "Headline\n\nOne sentence only.\n", "", "at least 3", ErrTooShort},
		{"too many sentences", "x", strings.Repeat("It rained. ", MaxSentences+1), "", "at most 2000", ErrTooLong},
		{"no title, no name", "", "one sentence here. and two. and three.\n", "", "give it a name", ErrBadName},
		{"path in name", "../etc/passwd", article(7), "", `must not hold "/"`, ErrBadName},
		{"dot dot", "..", article(7), "", `".."`, ErrBadName},
		{"hidden name", ".secret", article(7), "", `start with "."`, ErrBadName},
		{"backslash", `a\b`, article(7), "", `"\"`, ErrBadName},
		{"control", "a\x01b", article(7), "", "control", ErrBadName},
		{"no letters", "---", article(7), "", "no letters", ErrBadName},
		{"too long a name", strings.Repeat("n", MaxNameBytes+1), article(7), "", "longer than", ErrBadName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := s.Add(ctx, tt.give, []byte(tt.text))
			if tt.wantErr != "" {
				if !errors.Is(err, tt.wantKind) || !corpus.IsInputError(err) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %v saying %q", err, tt.wantKind, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if e.ID != tt.wantID || e.Path != filepath.Join(dir, tt.wantID+".txt") || e.Sentences != 3 {
				t.Fatalf("entry %+v, want ID %s with 3 sentences", e, tt.wantID)
			}
			data, _ := os.ReadFile(e.Path)
			if strings.ContainsAny(string(data), "\r\uFEFF") || !strings.HasSuffix(string(data), ".\n") {
				t.Errorf("file not normalised: %q", data)
			}
			a := load(t, dir).Article(e.ID)
			if a == nil || a.Title != e.Title || len(a.Sentences) != e.Sentences {
				t.Errorf("Load reads %+v differently from the entry %+v", a, e)
			}
		})
	}
	if got := ids(load(t, dir)); strings.Join(got, " ") != "council-backs-20-homes-in-town-2 crlf existing existing-2 my-story" {
		t.Errorf("folder holds %v", got)
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

func TestSlug(t *testing.T) {
	long := strings.Repeat("word ", 30)
	for in, want := range map[string]string{
		"Storm hits Atlanta: 4 dead":    "storm-hits-atlanta-4-dead",
		"Zürich’s new mayor":            "zürichs-new-mayor",
		long:                            strings.TrimSuffix(strings.Repeat("word-", 13), "-"),
		long + "x":                      strings.TrimSuffix(strings.Repeat("word-", 13), "-"),
		"ab " + strings.Repeat("c", 70): "ab-" + strings.Repeat("c", MaxNameBytes-3),
		strings.Repeat("ü", 40):         strings.Repeat("ü", 32),
		"!!!":                           "",
		"../../etc":                     "etc",
		"CON":                           "con",
		"a" + strings.Repeat("-", 90):   "a",
		strings.Repeat("x", 200) + " y": strings.Repeat("x", MaxNameBytes),
	} {
		got := slug(in)
		if got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
		if len(got) > MaxNameBytes || strings.ContainsAny(got, `/\.`) {
			t.Errorf("slug(%q) = %q is not a safe name", in, got)
		}
	}
	taken := map[string]bool{"a": true, "a-2": true}
	if got := unique("a", taken); got != "a-3" {
		t.Errorf("unique = %q", got)
	}
	if got := unique(strings.Repeat("x", MaxNameBytes), map[string]bool{}); len(got) > MaxNameBytes || !strings.HasSuffix(got, "-2") {
		t.Errorf("unique of a full-length name = %q", got)
	}
}

func TestRemove(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(article(1)), 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "a.md"), []byte(article(2)), 0o644)
	s := openStore(t, dir)
	// Load calls the second "a" a-2; Remove finds it by that ID.
	e, err := s.Remove(ctx, "a-2")
	if err != nil {
		t.Fatal(err)
	}
	if e.Path != filepath.Join(dir, "sub", "a.md") || e.Title != "Council backs 20 homes in town 2" || e.Sentences != 3 {
		t.Errorf("removed %+v", e)
	}
	if got := ids(load(t, dir)); len(got) != 1 || got[0] != "a" {
		t.Errorf("left %v", got)
	}
	if _, err := s.Remove(ctx, "a-2"); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `no article "a-2"`) {
		t.Errorf("second remove: %v", err)
	}
	if _, err := s.Add(ctx, "", []byte(article(2))); err != nil {
		t.Errorf("re-adding a removed article: %v", err)
	}
}

func TestOpenRefusesAFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "one.txt")
	os.WriteFile(f, []byte(article(1)), 0o644)
	if _, err := Open(f); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Fatalf("Open(file) = %v", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Fatal("Open(missing) succeeded")
	}
}

func TestOpenClearsStaleTemps(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".x.123.tmp")
	fresh := filepath.Join(dir, ".y.456.tmp")
	os.WriteFile(stale, []byte("half"), 0o644)
	os.WriteFile(fresh, []byte("half"), 0o644)
	old := time.Now().Add(-2 * staleTemp)
	os.Chtimes(stale, old, old)
	openStore(t, dir)
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary file kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a live write's temporary file removed")
	}
}

// TestConcurrentAddRemove: writers on two Stores of one folder (as two
// processes would be) add and remove at once; nothing is lost or
// doubled, and every add of one text but one is refused as a duplicate.
func TestConcurrentAddRemove(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	stores := []*Store{openStore(t, dir), openStore(t, dir)}
	const writers, each = 6, 4
	var wg sync.WaitGroup
	var mu sync.Mutex
	kept := map[string]bool{}
	dupOK, dupRefused := 0, 0
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := stores[w%2]
			for i := range each {
				n := 100 + w*each + i
				e, err := s.Add(ctx, "", []byte(article(n)))
				if err != nil {
					t.Error(err)
					return
				}
				if i%2 == 1 { // remove every second one again
					if _, err := s.Remove(ctx, e.ID); err != nil {
						t.Error(err)
						return
					}
					continue
				}
				mu.Lock()
				kept[e.ID] = true
				mu.Unlock()
			}
			// Everyone adds the same text once: one wins.
			_, err := s.Add(ctx, "", []byte(article(1)))
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				dupOK++
			case errors.Is(err, ErrDuplicate):
				dupRefused++
			default:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if dupOK != 1 || dupRefused != writers-1 {
		t.Errorf("same text added %d times, refused %d times", dupOK, dupRefused)
	}
	kept["council-backs-10-homes-in-town-1"] = true
	got := ids(load(t, dir))
	if len(got) != len(kept) {
		t.Fatalf("folder holds %d articles, want %d: %v", len(got), len(kept), got)
	}
	for _, id := range got {
		if !kept[id] {
			t.Errorf("unexpected article %s", id)
		}
	}
}

// TestKillMidWrite: a process SIGKILLed after writing an article's
// temporary file and before naming it leaves the folder whole: every
// article that was there loads, byte for byte, and the half-done one is
// nowhere (its temporary file is ignored by Load and by duplicate checks).
func TestKillMidWrite(t *testing.T) {
	if os.Getenv("STORE_TEST_CHILD_DIR") != "" {
		t.Skip("in the child")
	}
	dir := t.TempDir()
	s := openStore(t, dir)
	before, err := s.Add(context.Background(), "", []byte(article(1)))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(before.Path)

	cmd := exec.Command(os.Args[0], "-test.run=^TestKillMidWriteChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "STORE_TEST_CHILD_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	tmp := ""
	for sc.Scan() {
		if p, ok := strings.CutPrefix(sc.Text(), "written "); ok {
			tmp = p
			break
		}
	}
	if tmp == "" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the child never reached the point between write and rename")
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no deferred clean-up runs
		t.Fatal(err)
	}
	cmd.Wait()

	if _, err := os.Stat(tmp); err != nil {
		t.Fatalf("the temporary file should still be there for this test to mean anything: %v", err)
	}
	c := load(t, dir)
	if got := ids(c); len(got) != 1 || got[0] != before.ID {
		t.Fatalf("after the kill the folder loads %v, want only %s", got, before.ID)
	}
	if got, _ := os.ReadFile(before.Path); string(got) != string(want) {
		t.Error("the article that was there changed")
	}
	// The killed write never happened: the same article can be added.
	e, err := openStore(t, dir).Add(context.Background(), "", []byte(article(2)))
	if err != nil {
		t.Fatalf("adding the article the child was writing: %v", err)
	}
	if got := ids(load(t, dir)); len(got) != 2 || e.Sentences != 3 {
		t.Errorf("after re-adding: %v", got)
	}
}

// TestKillMidWriteChild is the child process of TestKillMidWrite: it adds
// an article and stops for good once its temporary file is written.
func TestKillMidWriteChild(t *testing.T) {
	dir := os.Getenv("STORE_TEST_CHILD_DIR")
	if dir == "" {
		t.Skip("run by TestKillMidWrite")
	}
	s := openStore(t, dir)
	s.beforeLink = func(tmp string) {
		fmt.Printf("written %s\n", tmp)
		os.Stdout.Sync()
		for {
			time.Sleep(time.Hour) // until killed
		}
	}
	s.Add(context.Background(), "", []byte(article(2)))
	t.Fatal("the write finished; it should have been killed first")
}

func FuzzCheckName(f *testing.F) {
	for _, s := range []string{"story", "../x", ".hidden", "a/b", "Zürich news", "\x00", strings.Repeat("a", 70)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		id, err := checkName(name)
		if err != nil {
			if !errors.Is(err, ErrBadName) {
				t.Fatalf("checkName(%q): %v is not ErrBadName", name, err)
			}
			return
		}
		if id == "" || len(id) > MaxNameBytes || strings.ContainsAny(id, `/\.`) || strings.HasPrefix(id, "-") ||
			filepath.Base(id) != id || corpus.IDFromName(id) != id {
			t.Fatalf("checkName(%q) = %q: not a safe file name that is its own ID", name, id)
		}
	})
}
