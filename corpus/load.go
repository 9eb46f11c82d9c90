package corpus

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/parallel"
)

// MaxArticleBytes is the largest article file read.
const MaxArticleBytes = 4 << 20

//go:embed article.txt
var defaultArticle []byte

// Default returns the corpus of the built-in article, embedded in the binary.
func Default() (*Corpus, error) {
	a, err := Parse(context.Background(), "article", defaultArticle)
	if err != nil {
		return nil, fmt.Errorf("corpus: built-in article: %w", err)
	}
	a.Source = "built-in"
	return New([]*Article{a}), nil
}

// FileError is a fault in one article file.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Faults an article can have.
var (
	ErrEmpty    = errors.New("article is empty")
	ErrTooLarge = fmt.Errorf("article is larger than %d bytes", MaxArticleBytes)
	ErrBinary   = errors.New("article is binary, not text")
	ErrNotUTF8  = errors.New("article is not UTF-8 text")
	// ErrNoArticles: a folder holds no article file at all (which, unlike
	// files that all fail to load, is a corpus that is merely empty).
	ErrNoArticles = errors.New("no .txt or .md article")
)

// Load reads the articles at path: one .txt or .md file, or every such file
// in a folder and its subfolders, in name order (see Files), parsing them
// on all cores. A file that cannot be read or parsed is skipped and
// reported in problems (each a *FileError); err is set only when nothing
// could be loaded at all.
func Load(ctx context.Context, path string) (c *Corpus, problems []error, err error) {
	files, problems, err := Files(path)
	if err != nil {
		return nil, nil, err
	}
	type result struct {
		a   *Article
		err error
	}
	results := parallel.Map(ctx, len(files), runtime.GOMAXPROCS(0), func(i int) result {
		a, err := loadFile(ctx, files[i])
		return result{a, err}
	})
	if err := ctx.Err(); err != nil {
		return nil, problems, fmt.Errorf("corpus: load %s: %w", path, err)
	}
	var articles []*Article
	for _, r := range results {
		if r.err != nil {
			problems = append(problems, r.err)
			continue
		}
		articles = append(articles, r.a)
	}
	if len(articles) == 0 {
		if len(problems) > 0 {
			return nil, problems, fmt.Errorf("corpus: no article could be loaded from %s: %w", path, errors.Join(problems...))
		}
		return nil, nil, fmt.Errorf("corpus: %w in %s", ErrNoArticles, path)
	}
	return New(articles), problems, nil
}

// loadFile reads and parses one article file. Its errors are *FileError.
func loadFile(ctx context.Context, path string) (*Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	a, err := Parse(ctx, NameOf(path), data)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	a.Source = path
	return a, nil
}

// IsArticleFile reports whether a file's name makes it an article to Load:
// a .txt, .md or .markdown extension.
func IsArticleFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt", ".md", ".markdown":
		return true
	}
	return false
}

// Files lists the article files at path as Load reads them: path itself
// when it is a file, else every article file (IsArticleFile) in the folder
// and its subfolders, in name order. Hidden files and folders (names
// starting with ".") are not articles: they are where writers keep
// temporary files (corpus/store writes ".name.*.tmp" before naming it) and
// tools keep their state (.git). Unreadable subfolders are skipped and
// reported in problems.
func Files(path string) (files []string, problems []error, err error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("corpus: load %s: %w", path, err)
	}
	if !info.IsDir() {
		return []string{path}, nil, nil
	}
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, &FileError{Path: p, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && IsArticleFile(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("corpus: list %s: %w", path, err)
	}
	sort.Strings(files)
	return files, problems, nil
}

// ReadFile reads an article file, refusing one larger than
// MaxArticleBytes. Its errors are *FileError.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxArticleBytes+1))
	if err != nil {
		return nil, &FileError{Path: path, Err: fmt.Errorf("read: %w", err)}
	}
	if len(data) > MaxArticleBytes {
		return nil, &FileError{Path: path, Err: ErrTooLarge}
	}
	return data, nil
}

// Parse reads one article from its text. A first line followed by a blank
// line, short and not ending like a sentence, is the title; otherwise the
// title is made from name. Paragraphs are blank-line-separated blocks when
// the text has any, else lines. An article of MaxArticleBytes takes about a
// second; when ctx ends Parse stops with ctx's error.
func Parse(ctx context.Context, name string, data []byte) (*Article, error) {
	if len(data) > MaxArticleBytes {
		return nil, ErrTooLarge
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, ErrBinary
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return nil, fmt.Errorf("%w (invalid byte at offset %d)", ErrNotUTF8, off)
	}
	if strings.TrimSpace(string(data)) == "" {
		return nil, ErrEmpty
	}
	title, body := SplitTitle(string(data))
	a := &Article{Title: title, Untitled: title == ""}
	a.SetName(name)
	var texts []string
	var paras []int
	datelined := false
	for p, para := range paragraphs(body) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if !datelined && p < maxDatelineParagraph {
			var cut bool
			if para, cut = stripDateline(para); cut {
				datelined = true
			}
		}
		var idx []int
		for _, s := range Sentences(para) {
			idx = append(idx, len(a.Sentences))
			a.Sentences = append(a.Sentences, Sentence{
				Article:   a.ID,
				Paragraph: p + 1,
				Index:     len(a.Sentences) + 1,
				Text:      s,
			})
			texts = append(texts, s)
			paras = append(paras, p+1)
		}
		a.Paragraphs = append(a.Paragraphs, idx)
	}
	if len(a.Sentences) == 0 {
		return nil, ErrEmpty
	}
	ex, err := facts.ExtractParagraphs(ctx, texts, paras)
	if err != nil {
		return nil, err
	}
	for i := range a.Sentences {
		a.Sentences[i].Facts = ex.Sentences[i]
		a.Sentences[i].Tags = ex.Tags[i]
	}
	a.People = ex.People
	return a, nil
}

// SetName gives an article the ID that name makes, in its sentences too,
// and, when its text has no title line, the title that name makes: what
// Parse does with its name, for an article read back from elsewhere
// (corpus/cache keeps articles by their text, not their file's name).
func (a *Article) SetName(name string) {
	a.SetID(IDFromName(name))
	if a.Untitled {
		a.Title = titleFromName(name)
	}
}

// SplitTitle takes the title line off the top of an article's text when
// there is one (title is "" when there is not), as Parse reads it: a
// byte-order mark is dropped and line endings become "\n" first.
func SplitTitle(text string) (title, body string) {
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.TrimLeft(text, "\n \t")
	first, rest, ok := strings.Cut(text, "\n")
	if !ok {
		return "", text
	}
	line := strings.TrimSpace(first)
	if strings.HasPrefix(line, "#") {
		return strings.TrimSpace(strings.TrimLeft(line, "#")), rest
	}
	if !strings.HasPrefix(rest, "\n") && !strings.HasPrefix(strings.TrimLeft(rest, " \t"), "\n") {
		return "", text
	}
	if strings.TrimSpace(rest) == "" || utf8.RuneCountInString(line) > MaxTitleRunes {
		return "", text
	}
	if r, _ := utf8.DecodeLastRuneInString(line); r == '.' || r == ',' || r == ';' || r == ':' {
		return "", text
	}
	return line, rest
}

// paragraphs splits body into paragraphs: blank-line-separated blocks (their
// lines joined) when there are blank lines, else one paragraph a line.
// Markdown headings and list markers are dropped.
func paragraphs(body string) []string {
	var out []string
	if strings.Contains(strings.TrimSpace(body), "\n\n") || blankLine(body) {
		for _, block := range splitBlocks(body) {
			var lines []string
			for _, l := range strings.Split(block, "\n") {
				if l = cleanLine(l); l != "" {
					lines = append(lines, l)
				}
			}
			if len(lines) > 0 {
				out = append(out, strings.Join(lines, " "))
			}
		}
		return out
	}
	for _, l := range strings.Split(body, "\n") {
		if l = cleanLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func blankLine(s string) bool {
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if strings.TrimSpace(l) == "" {
			return true
		}
	}
	return false
}

func splitBlocks(s string) []string {
	var blocks []string
	var cur []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, strings.Join(cur, "\n"))
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		blocks = append(blocks, strings.Join(cur, "\n"))
	}
	return blocks
}

// cleanLine trims a line and drops Markdown heading and list markers.
func cleanLine(l string) string {
	l = strings.TrimSpace(l)
	l = strings.TrimLeft(l, "#>")
	for _, m := range []string{"- ", "* ", "+ "} {
		l = strings.TrimPrefix(l, m)
	}
	// The expressions cost more than the rest of parsing: run them only
	// on a line that may hold what they match.
	if strings.Contains(l, "](") {
		l = markdownLinks.ReplaceAllString(l, "$1")
	}
	if strings.Contains(l, "**") || strings.Contains(l, "__") {
		l = markdownEmphasis.ReplaceAllString(l, "$2")
	}
	return strings.TrimFunc(l, func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' })
}

// dateline matches a wire story's opening, which is no part of its first
// sentence: a place in capitals, perhaps with its region, a second place
// or the date, and an agency, then a dash ("ATLANTA (AP) — ", "BAGHDAD,
// Iraq (CNN) -- ", "SYDNEY, March 2 - ", "WEST PALM BEACH,
// Fla./WASHINGTON (Reuters) - ", "GREEN BAY, Wis. -- "); or an agency
// alone ("(CNN)", "(Reuters) - ").
var dateline = regexp.MustCompile(`^\s*(?:` +
	`[A-Z][A-Z.'’&-]{2,}(?:[ /][A-Z][A-Z.'’&-]+){0,3}` + // ATLANTA, WEST PALM BEACH
	`(?:,\s*[A-Z][A-Za-z.'’-]*(?:\s[A-Z][A-Za-z.'’-]*){0,3})?` + // , Iraq / , United Arab Emirates / , Wis.
	`(?:/[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3})?` + // /WASHINGTON
	`(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?` + // , March 2
	`\s*(?:\([A-Z][A-Za-z.&]*(?:\s[A-Z][A-Za-z.&]*){0,2}\))?` + // (AP)
	`\s*(?:--?|[—–])\s*` +
	`|\([A-Z][A-Za-z.&]*(?:\s[A-Z][A-Za-z.&]*){0,2}\)\s*(?:(?:--?|[—–])\s*)?` + // (CNN)
	`)`)

// maxDatelineParagraph is how far into an article a dateline is looked
// for: the first paragraph, or the one after a headline's subtitle
// ("Embassy official: …" before "BAGHDAD, Iraq (CNN) -- …").
const maxDatelineParagraph = 3

// stripDateline takes a wire dateline off the start of a paragraph
// (see dateline), reporting whether there was one. A paragraph that is
// only a dateline is left as it is.
func stripDateline(para string) (string, bool) {
	loc := dateline.FindStringIndex(para)
	if loc == nil || strings.TrimSpace(para[loc[1]:]) == "" {
		return para, false
	}
	return para[loc[1]:], true
}

// Markdown that articles saved from the web carry: links keep their text,
// bold and italic markers go.
var (
	markdownLinks    = regexp.MustCompile(`!?\[([^\]]*)\]\([^)\s]*\)`)
	markdownEmphasis = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
)

// MaxTitleRunes is the longest first line taken for a title: a headline
// is at most about 100 characters (news sites cut them near 70 for search
// results); a longer first line is the first paragraph.
const MaxTitleRunes = 150

// NameOf is the name an article file gives its article: its base name
// without the extension.
func NameOf(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// IDFromName makes an article ID from a name: its letters and digits in
// lower case, each space, ".", "_" or "-" as "-", nothing else, and no "-"
// at either end; "article" when nothing is left. Load gives each file the
// ID of its NameOf.
func IDFromName(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case r == '-' || r == '_' || r == ' ' || r == '.':
			b.WriteByte('-')
		}
	}
	id := strings.Trim(b.String(), "-")
	if id == "" {
		return "article"
	}
	return id
}

func titleFromName(name string) string {
	t := strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	if t == "" {
		return "Article"
	}
	r, size := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[size:]
}
