package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, file, data string
		wantTitle        string
		wantSentences    int
		wantParagraphs   int
		wantErr          error
	}{
		{"title line", "bbc-x", "Shares hit by warning\n\nShares fell 16%. Analysts were surprised.\n\nThe firm said sales were weak.\n", "Shares hit by warning", 3, 2, nil},
		{"no title: lines are paragraphs", "some-article", "First paragraph here. Second sentence.\nAnother paragraph.\n", "Some article", 3, 2, nil},
		{"markdown heading", "note.md", "# Big news\n\nIt happened today.\n", "Big news", 1, 1, nil},
		{"markdown links and bold", "note.md", "# News\n\n**Mayor Ann Lee** said [the plan](https://example.com/x) works. It does.\n", "News", 2, 1, nil},
		{"crlf", "x", "Title\r\n\r\nOne. Two.\r\n", "Title", 2, 1, nil},
		{"wire dateline", "x", "Storm hits\n\nATLANTA (AP) — A storm hit. It rained.\n", "Storm hits", 2, 1, nil},
		{"bom", "x", "\uFEFFTitle\n\nBody text.\n", "Title", 1, 1, nil},
		{"empty", "x", "", "", 0, 0, ErrEmpty},
		{"whitespace", "x", " \n\t\n ", "", 0, 0, ErrEmpty},
		{"binary", "x", "abc\x00def", "", 0, 0, ErrBinary},
		{"latin-1", "x", "caf\xe9 society", "", 0, 0, ErrNotUTF8},
		{"only a title", "x", "Headline\n\n", "", 1, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(context.Background(), tt.file, []byte(tt.data))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantTitle != "" && a.Title != tt.wantTitle {
				t.Errorf("title %q, want %q", a.Title, tt.wantTitle)
			}
			if len(a.Sentences) != tt.wantSentences || len(a.Paragraphs) != tt.wantParagraphs {
				t.Errorf("%d sentences in %d paragraphs, want %d in %d", len(a.Sentences), len(a.Paragraphs), tt.wantSentences, tt.wantParagraphs)
			}
			if len(a.Sentences) > 0 && strings.Contains(a.Sentences[0].Text, "(AP)") {
				t.Errorf("dateline kept: %q", a.Sentences[0].Text)
			}
			for i, s := range a.Sentences {
				if s.Index != i+1 || s.Article != a.ID || s.Paragraph < 1 {
					t.Errorf("sentence %d: %+v", i, s)
				}
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	_, err := Parse(context.Background(), "x", []byte(strings.Repeat("a", MaxArticleBytes+1)))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v", err)
	}
}

func TestDefault(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 || c.SentenceCount() < 10 {
		t.Fatalf("default corpus: %d articles, %d sentences", len(c.Articles), c.SentenceCount())
	}
}

// TestLoadFolderReportsBadFiles: one bad file does not stop the others.
func TestLoadFolderReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", "Good news\n\nAll is well. Very well.\n")
	write("also.md", "# Also\n\nMore news here.\n")
	write("empty.txt", "")
	write("binary.txt", "\x00\x01\x02")
	write("latin1.txt", "caf\xe9")
	write("ignored.json", "{}")
	c, problems, err := Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 2 {
		t.Fatalf("%d articles loaded, want 2", len(c.Articles))
	}
	if len(problems) != 3 {
		t.Fatalf("problems %v, want 3", problems)
	}
	for _, p := range problems {
		var fe *FileError
		if !errors.As(p, &fe) || !strings.Contains(p.Error(), dir) {
			t.Errorf("problem %v does not name its file", p)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := Load(context.Background(), filepath.Join(dir, "missing")); err == nil {
		t.Error("missing path: no error")
	}
	if _, _, err := Load(context.Background(), dir); err == nil || !strings.Contains(err.Error(), "no .txt or .md") {
		t.Errorf("empty folder: %v", err)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("\x00"), 0o644)
	if _, _, err := Load(context.Background(), bad); err == nil || !strings.Contains(err.Error(), "bad.txt") {
		t.Errorf("bad file: %v", err)
	}
}

func TestDuplicateIDs(t *testing.T) {
	a1, _ := Parse(context.Background(), "x", []byte("One. Two."))
	a2, _ := Parse(context.Background(), "x", []byte("Three."))
	c := New([]*Article{a1, a2})
	if c.Articles[1].ID != "x-2" || c.Articles[1].Sentences[0].Article != "x-2" {
		t.Fatalf("second id %q", c.Articles[1].ID)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("Title\n\nBody. More body.")
	f.Add("# T\n\n- a\n- b")
	f.Add("\xff")
	f.Fuzz(func(t *testing.T, data string) {
		a, err := Parse(context.Background(), "fuzz", []byte(data))
		if err != nil {
			return
		}
		for i, s := range a.Sentences {
			if s.Index != i+1 {
				t.Fatalf("index %d at %d", s.Index, i)
			}
			for _, f := range s.Facts {
				if f.Start >= 0 && (f.End > len(s.Text) || f.Start > f.End) {
					t.Fatalf("fact span %d..%d outside %q", f.Start, f.End, s.Text)
				}
			}
		}
	})
}

// TestLoadSkipsHiddenFiles: a writer's temporary file (".x.txt.tmp",
// ".x.txt") and a tool's hidden folder are never articles, however named.
func TestLoadSkipsHiddenFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Good news\n\nAll is well. Very well.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".half.txt"), []byte("Half writ"), 0o644)
	os.WriteFile(filepath.Join(dir, ".good.123.tmp"), []byte("Good news\n\nAll is"), 0o644)
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "notes.md"), []byte("# Notes\n\nNot an article.\n"), 0o644)
	c, problems, err := Load(context.Background(), dir)
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	if len(c.Articles) != 1 || c.Articles[0].ID != "good" {
		t.Fatalf("loaded %d articles, want only good.txt", len(c.Articles))
	}
	// A hidden folder named on purpose is still read.
	hidden := filepath.Join(dir, ".git")
	if c, _, err := Load(context.Background(), hidden); err != nil || len(c.Articles) != 1 {
		t.Fatalf("load %s itself: %v", hidden, err)
	}
}

func TestLoadEmptyFolder(t *testing.T) {
	_, problems, err := Load(context.Background(), t.TempDir())
	if !errors.Is(err, ErrNoArticles) || len(problems) > 0 {
		t.Fatalf("err %v, problems %v; want ErrNoArticles alone", err, problems)
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct{ in, title, body string }{
		{"Title\n\nBody.", "Title", "\nBody."},
		{"\uFEFFTitle\r\n\r\nBody.", "Title", "\nBody."},
		{"Not a title.\n\nBody.", "", "Not a title.\n\nBody."},
		{"One line only", "", "One line only"},
		{"# Heading\nBody.", "Heading", "Body."},
	}
	for _, tt := range tests {
		title, body := SplitTitle(tt.in)
		if title != tt.title || body != tt.body {
			t.Errorf("SplitTitle(%q) = %q, %q; want %q, %q", tt.in, title, body, tt.title, tt.body)
		}
	}
}

func TestIDFromName(t *testing.T) {
	for in, want := range map[string]string{
		"BBC Pol 001": "bbc-pol-001", "Zürich_news": "zürich-news", "../x": "x", "": "article", "a/b": "ab",
	} {
		if got := IDFromName(in); got != want {
			t.Errorf("IDFromName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInputError(t *testing.T) {
	cause := errors.New("deep cause")
	err := error(&InputError{Kind: ErrEmpty, Msg: "The file is empty.", Err: cause})
	wrapped := fmt.Errorf("add: %w", err)
	if !IsInputError(wrapped) || !errors.Is(wrapped, ErrEmpty) || !errors.Is(wrapped, cause) {
		t.Fatalf("%v: kind or cause lost", wrapped)
	}
	if err.Error() != "The file is empty." {
		t.Errorf("message %q shows more than Msg", err.Error())
	}
	if IsInputError(cause) || IsInputError(nil) {
		t.Error("a plain error is not the user's fault")
	}
}

// TestEndedContext: parsing and loading stop on an ended context with an
// error that wraps it, and lose nothing else: the same call with a live
// context works.
func TestEndedContext(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title\n\nOne sentence. Another one."), 0o644); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(cancelled, "x", []byte("One. Two.")); !errors.Is(err, context.Canceled) {
		t.Errorf("Parse: %v, want context.Canceled", err)
	}
	if _, _, err := Load(cancelled, dir); !errors.Is(err, context.Canceled) {
		t.Errorf("Load: %v, want context.Canceled", err)
	}
	if c, _, err := Load(context.Background(), dir); err != nil || len(c.Articles) != 1 {
		t.Errorf("Load after: %v", err)
	}
}

func TestStripDateline(t *testing.T) {
	tests := []struct {
		para, want string
	}{
		{"ATLANTA (AP) — A storm hit.", "A storm hit."},
		{"BAGHDAD, Iraq (CNN) -- Two car bombs exploded.", "Two car bombs exploded."},
		{"(CNN)As extreme weather spread, lightning rose.", "As extreme weather spread, lightning rose."},
		{"(Reuters) - Shares fell.", "Shares fell."},
		{"DUBAI, United Arab Emirates — The carrier ordered jets.", "The carrier ordered jets."},
		{"SYDNEY, March 2 - Qantas has placed an order.", "Qantas has placed an order."},
		{"LONDON, Jan. 5 (Reuters) - The pound rose.", "The pound rose."},
		{"WEST PALM BEACH, Fla./WASHINGTON (Reuters) - The White House said so.", "The White House said so."},
		{"GREEN BAY, Wis. -- Here we go again.", "Here we go again."},
		{"TRENTON — Gov. Chris Christie spoke.", "Gov. Chris Christie spoke."},
		// Not datelines: sentences that start with capitals or a dash.
		{"US service members were killed in a crash.", ""},
		{"NASA said on Monday it would fly.", ""},
		{"I — like many — was surprised.", ""},
		{"A man was arrested - police said.", ""},
		{"(This story has been corrected.) Prices rose.", ""},
		{"ATLANTA (AP) —", ""}, // nothing after it: left alone
	}
	for _, tt := range tests {
		t.Run(tt.para, func(t *testing.T) {
			got, cut := stripDateline(tt.para)
			want := tt.want
			if want == "" {
				want = tt.para
			}
			if got != want || cut != (tt.want != "") {
				t.Errorf("stripDateline = %q, %v; want %q", got, cut, want)
			}
		})
	}
	t.Run("after a subtitle", func(t *testing.T) {
		a, err := Parse(context.Background(), "x", []byte("Bombs kill 16\n\nEmbassy official: zone not breached\n\nBAGHDAD, Iraq (CNN) -- Two car bombs killed 16 people.\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Sentences[len(a.Sentences)-1].Text; got != "Two car bombs killed 16 people." {
			t.Errorf("last sentence %q", got)
		}
	})
}
