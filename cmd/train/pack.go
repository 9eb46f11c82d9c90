package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// pack copies the training sets from src (../shared/eval) to dst: every
// news set and squad-train whole, and every paragraph of
// squad-train-all.jsonl.gz but squad-train's own. All of SQuAD, not a
// sample: held out by article, the five news sets answered 0.748 trained
// with a 23% sample (19,760 questions) and 0.751 with all 84,891, SQuAD F1
// 49.7 and 52.5 (`go run ./cmd/train -cv 5`), training in about 90 s.
func pack(src, dst string) error {
	for _, sp := range specs {
		if err := copyFile(filepath.Join(src, sp.questions), filepath.Join(dst, sp.questions)); err != nil {
			return err
		}
		if sp.articles == "" {
			continue
		}
		qs, err := os.ReadFile(filepath.Join(src, sp.questions))
		if err != nil {
			return err
		}
		for _, a := range articleNames(qs) {
			name := a + ".txt"
			if err := copyFile(filepath.Join(src, sp.articles, name), filepath.Join(dst, sp.articles, name)); err != nil {
				return err
			}
		}
		for _, doc := range []string{"SOURCES.md"} {
			dir := filepath.Dir(filepath.Join(src, sp.questions))
			if _, err := os.Stat(filepath.Join(dir, doc)); err == nil {
				rel, _ := filepath.Rel(src, dir)
				if err := copyFile(filepath.Join(dir, doc), filepath.Join(dst, rel, doc)); err != nil {
					return err
				}
			}
		}
	}
	skip := map[string]bool{}
	sq, err := os.ReadFile(filepath.Join(src, "squad-train/questions.jsonl"))
	if err != nil {
		return err
	}
	for _, a := range articleNames(sq) {
		skip[a] = true
	}
	return copySquad(filepath.Join(src, squadAll), filepath.Join(dst, squadAll), skip)
}

// articleNames lists the articles a question file asks about.
func articleNames(questions []byte) []string {
	seen := map[string]bool{}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(questions))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var q struct {
			Article string `json:"article"`
		}
		if json.Unmarshal(sc.Bytes(), &q) == nil && q.Article != "" && !seen[q.Article] {
			seen[q.Article] = true
			out = append(out, q.Article)
		}
	}
	return out
}

// copySquad copies the SQuAD paragraphs not in skip, one a line.
func copySquad(src, dst string, skip map[string]bool) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	kept := 0
	for sc.Scan() {
		var p struct {
			Article string `json:"article"`
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		if skip[p.Article] {
			continue
		}
		if _, err := fmt.Fprintf(zw, "%s\n", sc.Bytes()); err != nil {
			return fmt.Errorf("%s: %w", dst, err)
		}
		kept++
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "kept %d SQuAD paragraphs\n", kept)
	return nil
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
