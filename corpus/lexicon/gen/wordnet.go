package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The parts of speech of WordNet's database files; satellite adjectives
// ("s") are read as adjectives.
const posLetters = "nvar"

var posFiles = map[byte]string{'n': "noun", 'v': "verb", 'a': "adj", 'r': "adv"}

// ref names one synset: its part of speech and byte offset in data.<pos>.
type ref struct {
	pos byte
	off int
}

// pointer is one relation of a synset. src and dst are the word numbers
// of a lexical pointer (1-based), 0 for a semantic pointer between whole
// synsets.
type pointer struct {
	sym      string
	to       ref
	src, dst int
}

type synset struct {
	ref   ref
	lex   int      // lexicographer file number (lexnames(5WN))
	words []string // as written, underscores made spaces, markers removed
	ptrs  []pointer
}

// wordnet is the part of the WordNet database the generator reads.
type wordnet struct {
	synsets map[ref]*synset
	index   map[byte]map[string][]int    // pos -> lemma -> offsets, most frequent sense first
	counts  map[byte]map[string][]int    // pos -> lemma -> tag count of each sense, in sense order
	exc     map[byte]map[string][]string // pos -> inflected form -> base forms
	license string                       // the licence block at the head of data.noun
	lower   map[string]bool              // lemmas WordNet writes in lower case somewhere
	pertain map[ref][]string             // noun synset -> adjectives that pertain to it
}

func readWordNet(dir string) (*wordnet, error) {
	wn := &wordnet{
		synsets: map[ref]*synset{},
		index:   map[byte]map[string][]int{},
		counts:  map[byte]map[string][]int{},
		exc:     map[byte]map[string][]string{},
		lower:   map[string]bool{},
		pertain: map[ref][]string{},
	}
	for i := 0; i < len(posLetters); i++ {
		pos := posLetters[i]
		if err := wn.readData(filepath.Join(dir, "data."+posFiles[pos]), pos); err != nil {
			return nil, err
		}
		if err := wn.readIndex(filepath.Join(dir, "index."+posFiles[pos]), pos); err != nil {
			return nil, err
		}
		if err := wn.readExc(filepath.Join(dir, posFiles[pos]+".exc"), pos); err != nil {
			return nil, err
		}
	}
	if err := wn.readCounts(filepath.Join(dir, "cntlist.rev")); err != nil {
		return nil, err
	}
	for _, s := range wn.synsets {
		for _, w := range s.words {
			if w == strings.ToLower(w) {
				wn.lower[w] = true
			}
		}
		if s.ref.pos == 'a' {
			for _, p := range s.ptrs {
				if p.sym == `\` && p.to.pos == 'n' && p.src > 0 && p.src <= len(s.words) {
					wn.pertain[p.to] = append(wn.pertain[p.to], s.words[p.src-1])
				}
			}
		}
	}
	return wn, nil
}

// eachLine calls f with every line of path that is not part of the
// licence header (lines starting with two spaces).
func eachLine(path string, f func(line string) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue
		}
		if err := f(line); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// readData reads data.<pos>: one synset a line (wndb(5WN)).
func (wn *wordnet) readData(path string, pos byte) error {
	if pos == 'n' {
		lic, err := licenseHeader(path)
		if err != nil {
			return err
		}
		wn.license = lic
	}
	return eachLine(path, func(line string) error {
		s, err := parseDataLine(line)
		if err != nil {
			return err
		}
		s.ref.pos = pos
		wn.synsets[s.ref] = s
		return nil
	})
}

// parseDataLine parses one line of a data file (its part of speech aside).
func parseDataLine(line string) (*synset, error) {
	if i := strings.Index(line, " | "); i >= 0 {
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) < 4 {
		return nil, fmt.Errorf("short data line")
	}
	off, err := strconv.Atoi(f[0])
	if err != nil {
		return nil, fmt.Errorf("offset: %w", err)
	}
	lex, err := strconv.Atoi(f[1])
	if err != nil {
		return nil, fmt.Errorf("lex file: %w", err)
	}
	wcnt, err := strconv.ParseInt(f[3], 16, 32)
	if err != nil {
		return nil, fmt.Errorf("word count: %w", err)
	}
	s := &synset{ref: ref{off: off}, lex: lex}
	i := 4
	for k := 0; k < int(wcnt); k++ {
		if i+1 >= len(f) {
			return nil, fmt.Errorf("words cut short")
		}
		w := f[i]
		if j := strings.IndexByte(w, '('); j > 0 { // "big(a)": adjective position markers
			w = w[:j]
		}
		s.words = append(s.words, strings.ReplaceAll(w, "_", " "))
		i += 2
	}
	if i >= len(f) {
		return nil, fmt.Errorf("no pointer count")
	}
	pcnt, err := strconv.Atoi(f[i])
	if err != nil {
		return nil, fmt.Errorf("pointer count: %w", err)
	}
	i++
	for k := 0; k < pcnt; k++ {
		if i+3 >= len(f) {
			return nil, fmt.Errorf("pointers cut short")
		}
		to, err := strconv.Atoi(f[i+1])
		if err != nil {
			return nil, fmt.Errorf("pointer offset: %w", err)
		}
		p := f[i+2][0]
		if p == 's' {
			p = 'a'
		}
		sd := f[i+3]
		src, err1 := strconv.ParseInt(sd[:2], 16, 32)
		dst, err2 := strconv.ParseInt(sd[2:], 16, 32)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("pointer words %q", sd)
		}
		s.ptrs = append(s.ptrs, pointer{sym: f[i], to: ref{pos: p, off: to}, src: int(src), dst: int(dst)})
		i += 4
	}
	return s, nil
}

// licenseHeader returns WordNet's licence as data.noun's header holds it.
func licenseHeader(path string) (string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	var b strings.Builder
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "  ") {
			break
		}
		// "  1 This software and database ...": drop the line number.
		f := strings.SplitN(strings.TrimSpace(line), " ", 2)
		if len(f) == 2 {
			b.WriteString(strings.TrimRight(f[1], " "))
		}
		b.WriteByte('\n')
	}
	return b.String(), sc.Err()
}

// readIndex reads index.<pos>: lemma, pointer kinds, and the synsets of
// its senses in order of frequency.
func (wn *wordnet) readIndex(path string, pos byte) error {
	m := map[string][]int{}
	wn.index[pos] = m
	return eachLine(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) < 6 {
			return fmt.Errorf("short index line")
		}
		pcnt, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("pointer count: %w", err)
		}
		i := 4 + pcnt + 2 // sense_cnt and tagsense_cnt
		if i > len(f) {
			return fmt.Errorf("index line cut short")
		}
		var offs []int
		for _, o := range f[i:] {
			off, err := strconv.Atoi(o)
			if err != nil {
				return fmt.Errorf("offset: %w", err)
			}
			offs = append(offs, off)
		}
		m[strings.ReplaceAll(f[0], "_", " ")] = offs
		return nil
	})
}

// readExc reads <pos>.exc: an inflected form and its base forms.
func (wn *wordnet) readExc(path string, pos byte) error {
	m := map[string][]string{}
	wn.exc[pos] = m
	return eachLine(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) < 2 {
			return fmt.Errorf("short exception line")
		}
		w := strings.ReplaceAll(f[0], "_", " ")
		for _, b := range f[1:] {
			m[w] = append(m[w], strings.ReplaceAll(b, "_", " "))
		}
		return nil
	})
}

// readCounts reads cntlist.rev: "lemma%ss_type:... sense_number tag_cnt",
// how often each sense was tagged in the semantic concordances.
func (wn *wordnet) readCounts(path string) error {
	for i := 0; i < len(posLetters); i++ {
		wn.counts[posLetters[i]] = map[string][]int{}
	}
	return eachLine(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) != 3 {
			return fmt.Errorf("count line %q", line)
		}
		pct := strings.IndexByte(f[0], '%')
		if pct < 0 || pct+1 >= len(f[0]) {
			return fmt.Errorf("sense key %q", f[0])
		}
		lemma := strings.ReplaceAll(f[0][:pct], "_", " ")
		pos := "nvaras"[f[0][pct+1]-'1']
		if pos == 's' {
			pos = 'a'
		}
		n, err1 := strconv.Atoi(f[1])
		c, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || n < 1 {
			return fmt.Errorf("count line %q", line)
		}
		cs := wn.counts[pos][lemma]
		for len(cs) < n {
			cs = append(cs, 0)
		}
		cs[n-1] += c
		wn.counts[pos][lemma] = cs
		return nil
	})
}

// senseCounts returns the tag count of each sense of lemma, in sense
// order, zero where none was tagged.
func (wn *wordnet) senseCounts(pos byte, lemma string) []int {
	n := len(wn.index[pos][lemma])
	out := make([]int, n)
	copy(out, wn.counts[pos][lemma])
	return out
}

// hypernymClosure returns s and every synset above it by hypernym and
// instance-hypernym pointers.
func (wn *wordnet) hypernymClosure(r ref) map[ref]bool {
	seen := map[ref]bool{}
	stack := []ref{r}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		s := wn.synsets[x]
		if s == nil {
			continue
		}
		for _, p := range s.ptrs {
			if p.sym == "@" || p.sym == "@i" {
				stack = append(stack, p.to)
			}
		}
	}
	return seen
}

// sense returns the n-th (1-based) sense of a noun lemma.
func (wn *wordnet) sense(pos byte, lemma string, n int) (ref, error) {
	offs := wn.index[pos][lemma]
	if n < 1 || n > len(offs) {
		return ref{}, fmt.Errorf("wordnet has no sense %d of %s.%c", n, lemma, pos)
	}
	return ref{pos: pos, off: offs[n-1]}, nil
}

// tagged reports a lemma with a sense the concordances tagged.
func (wn *wordnet) tagged(lemma string) bool {
	for i := 0; i < len(posLetters); i++ {
		if sum(wn.counts[posLetters[i]][lemma]) > 0 {
			return true
		}
	}
	return false
}
