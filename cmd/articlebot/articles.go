package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/store"
	"github.com/articlebot/articlebot/corpus/web"
)

// The offline twins of Discord's /article add and /article remove: they
// change the corpus folder itself (corpus/store), which every command, and
// the bot when it (re)loads, reads.

// articleFlags parses the flags of add and remove, which may come before
// or after the one argument, and opens the corpus folder.
func articleFlags(cmd, what string, args []string, getenv func(string) string, stderr io.Writer) (st *store.Store, name, arg string, err error) {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	dir := fs.String("corpus", getenv("ARTICLEBOT_CORPUS"), "corpus folder")
	if cmd == "add" {
		fs.StringVar(&name, "name", "", "article name")
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, "", "", err
			}
			return nil, "", "", &usageError{msg: err.Error()}
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 1 {
		fmt.Fprint(stderr, usage)
		return nil, "", "", &usageError{msg: fmt.Sprintf("%s takes one %s, not %d", cmd, what, len(pos))}
	}
	st, err = openStore(*dir, cmd)
	return st, name, pos[0], err
}

// openStore opens the corpus folder that add and remove change.
func openStore(dir, cmd string) (*store.Store, error) {
	if dir == "" {
		return nil, &usageError{msg: cmd + " changes a corpus folder: give --corpus DIR or set ARTICLEBOT_CORPUS (the built-in article cannot be changed)"}
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("corpus folder %s does not exist: create it (mkdir %s) or give another --corpus", dir, dir)
	case err != nil:
		return nil, err
	case !info.IsDir():
		return nil, &usageError{msg: fmt.Sprintf("%s is one article file, not a folder: %s changes a folder of articles (--corpus DIR)", dir, cmd)}
	}
	return store.Open(dir)
}

// addArticle adds a .txt/.md file or the article at a link to the corpus
// folder.
func addArticle(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	st, name, src, err := articleFlags("add", "FILE_OR_URL", args, getenv, stderr)
	if err != nil {
		return err
	}
	var text []byte
	var page *web.Page
	if isLink(src) {
		allow, err := envBool(getenv, "ARTICLEBOT_ALLOW_PRIVATE_URLS")
		if err != nil {
			return err
		}
		if page, err = web.Fetch(ctx, src, web.Options{AllowPrivate: allow}); err != nil {
			return err
		}
		text = []byte(page.Text())
	} else {
		if text, err = readArticleFile(src); err != nil {
			return err
		}
		if name == "" {
			name = corpus.NameOf(src)
		}
	}
	e, err := st.Add(ctx, name, text)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Added %q as %s (%d sentences) to %s.\n", e.Title, e.ID, e.Sentences, e.Path)
	if page != nil {
		from := "  From " + page.URL
		if !page.Published.IsZero() {
			from += ", published " + page.Published.Format("2 January 2006")
		}
		fmt.Fprintln(stdout, from+".")
	}
	c := quoteArg(st.Dir())
	fmt.Fprintf(stdout, "Ask about it:  articlebot ask --corpus %s --article %s QUESTION\n", c, e.ID)
	fmt.Fprintf(stdout, "Summary:       articlebot summary --corpus %s --article %s\n", c, e.ID)
	fmt.Fprintf(stdout, "Briefing:      articlebot brief --corpus %s --article %s\n", c, e.ID)
	return nil
}

// removeArticle deletes an article, by its ID, from the corpus folder.
func removeArticle(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	st, _, id, err := articleFlags("remove", "article ID", args, getenv, stderr)
	if err != nil {
		return err
	}
	e, err := st.Remove(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Removed %q (%s, %d sentences): deleted %s.\n", e.Title, e.ID, e.Sentences, e.Path)
	return nil
}

// isLink reports whether add's argument is a link rather than a file.
func isLink(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.Contains(l, "://")
}

// readArticleFile reads a .txt or .md file to add, refusing other files
// and reading no more than the store takes (plus one byte, so that the
// store can say it is too long).
func readArticleFile(path string) ([]byte, error) {
	if !corpus.IsArticleFile(path) {
		return nil, fmt.Errorf("%s: only .txt and .md files (or http/https links) can be added", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, store.MaxTextBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return b, nil
}

// envBool reads a true/false setting; empty is false.
func envBool(getenv func(string) string, key string) (bool, error) {
	v := strings.TrimSpace(getenv(key))
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s=%q: want true or false", key, v)
	}
	return b, nil
}

// quoteArg quotes a path for a shell command line when it needs it.
func quoteArg(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
