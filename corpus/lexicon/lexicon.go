// Package lexicon holds read-only English word tables generated from data:
// base forms, related words, supersenses and noun classes from WordNet 3.0,
// and countries, their aliases, demonyms and capitals from the
// world-countries data set joined with WordNet's named places, and English
// given names from the Moby Word II lists.
//
// The tables are embedded (data/, with the sources' licences beside them)
// and loaded once, on first use, by Default. They are generated, not
// edited: with Debian's wordnet-base installed (apt-get install
// wordnet-base, which puts the database under /usr/share/wordnet) and npm
// on the path,
//
//	go generate ./corpus/lexicon
//
// rewrites data/ from the sources (see gen/); running it again on the same
// sources writes the same bytes.
package lexicon

//go:generate go run ./gen -wordnet /usr/share/wordnet -out data

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

//go:embed data/wordnet.txt.gz
var wordnetGz []byte

//go:embed data/places.txt.gz
var placesGz []byte

// Lexicon is a set of loaded tables. It is read-only and safe for
// concurrent use.
type Lexicon struct {
	words     map[string]wordEntry
	exc       [numPOS]map[string]string   // inflected form -> "base|base"
	forms     [numPOS]map[string][]string // base -> its irregular forms
	past      map[string]bool             // irregular past forms of verbs
	places    map[string]Place
	names     map[string]Sex // given names, lower case
	countries []Country
	byCode    map[string]int
}

// wordEntry is one word's line of the word table, parsed on use.
type wordEntry struct {
	pos string // "v38,n7:1": parts of speech, lexicographer files, classes
	rel string // "take:1,leader:d": related words and their kinds
	// proper: WordNet writes the word only with capitals, as a name.
	proper bool
}

// defaultLexicon loads the embedded tables once. The data is part of the
// program, checked by the package's tests, so a failure to parse it is a
// build defect, not a run-time condition: it panics, as
// regexp.MustCompile does on a constant.
var defaultLexicon = sync.OnceValue(func() *Lexicon {
	l, err := Load(wordnetGz, placesGz)
	if err != nil {
		panic(fmt.Sprintf("lexicon: embedded data: %v", err))
	}
	return l
})

// Default returns the lexicon of the embedded tables, loading it on the
// first call.
func Default() *Lexicon { return defaultLexicon() }

// Load parses gzip-compressed tables in the format gen writes.
func Load(wordnet, places []byte) (*Lexicon, error) {
	l := &Lexicon{past: map[string]bool{}, places: map[string]Place{}, names: map[string]Sex{}, byCode: map[string]int{}}
	for i := range l.exc {
		l.exc[i] = map[string]string{}
		l.forms[i] = map[string][]string{}
	}
	w, err := gunzip(wordnet)
	if err != nil {
		return nil, fmt.Errorf("lexicon: word table: %w", err)
	}
	if err := l.parseWords(w); err != nil {
		return nil, fmt.Errorf("lexicon: word table: %w", err)
	}
	p, err := gunzip(places)
	if err != nil {
		return nil, fmt.Errorf("lexicon: places: %w", err)
	}
	if err := l.parsePlaces(p); err != nil {
		return nil, fmt.Errorf("lexicon: places: %w", err)
	}
	return l, nil
}

func gunzip(b []byte) (string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	var out strings.Builder
	out.Grow(4 * len(b))
	if _, err := io.Copy(&out, zr); err != nil {
		return "", err
	}
	return out.String(), zr.Close()
}

// lines calls f with each line of s that is not a comment, and the
// section ("@words") it is in.
func lines(s string, f func(section, line string, n int) error) error {
	section := ""
	n := 0
	for len(s) > 0 {
		n++
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '@':
			section = line
		default:
			if err := f(section, line, n); err != nil {
				return fmt.Errorf("line %d: %w", n, err)
			}
		}
	}
	return nil
}

func (l *Lexicon) parseWords(s string) error {
	// About 145,000 words: sized up front, the map is built without
	// growing (see BenchmarkLoad).
	l.words = make(map[string]wordEntry, strings.Count(s, "\n"))
	return lines(s, func(section, line string, _ int) error {
		switch section {
		case "@exceptions":
			f := strings.Split(line, "\t")
			if len(f) != 4 || len(f[1]) != 1 {
				return fmt.Errorf("exception %q", line)
			}
			pi := posIndex(POS(f[1][0]))
			if pi < 0 {
				return fmt.Errorf("exception %q: part of speech", line)
			}
			l.exc[pi][f[0]] = f[2]
			for b := range strings.SplitSeq(f[2], "|") {
				l.forms[pi][b] = append(l.forms[pi][b], f[0])
			}
			if f[3] == "p" {
				l.past[f[0]] = true
			}
		case "@words":
			key, rest, ok := strings.Cut(line, "\t")
			pos, rel, ok2 := strings.Cut(rest, "\t")
			if !ok || !ok2 || key == "" || pos == "" {
				return fmt.Errorf("word %q", line)
			}
			rel, flags, _ := strings.Cut(rel, "\t")
			if flags != "" && flags != "p" {
				return fmt.Errorf("word %q: flags", line)
			}
			l.words[key] = wordEntry{pos: pos, rel: rel, proper: flags == "p"}
		default:
			return fmt.Errorf("outside a section: %q", line)
		}
		return nil
	})
}
