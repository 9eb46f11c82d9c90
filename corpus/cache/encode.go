package cache

import (
	"encoding/binary"
	"errors"
	"sync"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
)

// The record of one article, as bytes:
//
//	strings:    count, then each as length and bytes (every title, kind,
//	            value, role, speaker, name and fact text not in its sentence)
//	title:      string number, untitled flag
//	paragraphs: count, then each as its sentence count and 0-based positions
//	sentences:  count, the count of their facts, then for each its
//	            paragraph, index, text, and facts:
//	            count, then kind, start+1, end+1, text (0: the sentence's
//	            own bytes start..end; else string number + 1), value,
//	            role, speaker, sentence
//	people:     count, then name, roles, sentences
//	analysis:   length and bytes
//	fingerprint: string number
//
// Numbers are unsigned varints; strings in sentences are references to
// the table, so a name said forty times is stored once.

// errRecord is a record that cannot be read: a damaged database.
var errRecord = errors.New("cache: damaged record")

type encoder struct {
	buf []byte
	ids map[string]int
	tab []string
}

func (e *encoder) num(n int) { e.buf = binary.AppendUvarint(e.buf, uint64(n)) }

// length writes the length of a slice so that a nil one reads back nil:
// 0 for nil, else the length + 1 (JSON tells null from []).
func (e *encoder) length(isNil bool, n int) {
	if isNil {
		e.num(0)
		return
	}
	e.num(n + 1)
}

func (e *encoder) str(s string) {
	id, ok := e.ids[s]
	if !ok {
		id = len(e.tab)
		e.ids[s] = id
		e.tab = append(e.tab, s)
	}
	e.num(id)
}

// encode returns the bytes of r.
func encode(r *Record) []byte {
	e := &encoder{ids: map[string]int{}}
	a := r.Article
	e.str(a.Title)
	e.num(boolNum(a.Untitled))
	e.length(a.Paragraphs == nil, len(a.Paragraphs))
	for _, p := range a.Paragraphs {
		e.length(p == nil, len(p))
		for _, i := range p {
			e.num(i)
		}
	}
	e.length(a.Sentences == nil, len(a.Sentences))
	total := 0
	for i := range a.Sentences {
		total += len(a.Sentences[i].Facts)
	}
	e.num(total)
	for i := range a.Sentences {
		s := &a.Sentences[i]
		e.num(s.Paragraph)
		e.num(s.Index)
		e.num(len(s.Text))
		e.buf = append(e.buf, s.Text...)
		e.length(s.Facts == nil, len(s.Facts))
		for _, f := range s.Facts {
			e.str(string(f.Kind))
			e.num(f.Start + 1)
			e.num(f.End + 1)
			if f.Start >= 0 && f.Start <= f.End && f.End <= len(s.Text) && s.Text[f.Start:f.End] == f.Text {
				e.num(0)
			} else {
				id, ok := e.ids[f.Text]
				if !ok {
					id = len(e.tab)
					e.ids[f.Text] = id
					e.tab = append(e.tab, f.Text)
				}
				e.num(id + 1)
			}
			e.str(f.Value)
			e.str(f.Role)
			e.str(f.Speaker)
			e.num(f.Sentence)
		}
	}
	e.length(a.People == nil, len(a.People))
	for _, p := range a.People {
		e.str(p.Name)
		e.length(p.Roles == nil, len(p.Roles))
		for _, r := range p.Roles {
			e.str(r)
		}
		e.length(p.Sentences == nil, len(p.Sentences))
		for _, n := range p.Sentences {
			e.num(n)
		}
	}
	e.num(len(r.Analysis))
	e.buf = append(e.buf, r.Analysis...)
	e.str(r.Fingerprint)

	body := e.buf
	e.buf = make([]byte, 0, len(body)+16*len(e.tab))
	e.num(len(e.tab))
	for _, s := range e.tab {
		e.num(len(s))
		e.buf = append(e.buf, s...)
	}
	return append(e.buf, body...)
}

func boolNum(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Interner shares equal strings between the records it reads: the same
// names, places and roles recur across articles. It is safe for
// concurrent use.
type Interner struct {
	mu sync.Mutex
	m  map[string]string
}

// NewInterner returns an empty Interner.
func NewInterner() *Interner { return &Interner{m: map[string]string{}} }

func (in *Interner) intern(b []byte) string {
	if in == nil {
		return string(b)
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	s := string(b)
	in.m[s] = s
	return s
}

type decoder struct {
	buf []byte
	tab []string
	bad bool
}

func (d *decoder) num() int {
	v, n := binary.Uvarint(d.buf)
	if n <= 0 || v > 1<<40 {
		d.bad = true
		d.buf = nil
		return 0
	}
	d.buf = d.buf[n:]
	return int(v)
}

// count reads a count of items of at least one byte each.
func (d *decoder) count() int {
	n := d.num()
	if n > len(d.buf) {
		d.bad = true
		return 0
	}
	return n
}

// length reads what encoder.length wrote: the length, and whether the
// slice is nil.
func (d *decoder) length() (int, bool) {
	n := d.count()
	if n == 0 {
		return 0, true
	}
	return n - 1, false
}

func (d *decoder) bytes(n int) []byte {
	if n > len(d.buf) {
		d.bad = true
		return nil
	}
	b := d.buf[:n]
	d.buf = d.buf[n:]
	return b
}

func (d *decoder) str() string {
	i := d.num()
	if i >= len(d.tab) {
		d.bad = true
		return ""
	}
	return d.tab[i]
}

// decode reads a record; strings are shared through in (nil: not shared)
// and copied out of data, which may be reused after.
func decode(data []byte, in *Interner) (*Record, error) {
	d := &decoder{buf: data}
	d.tab = make([]string, d.count())
	for i := range d.tab {
		d.tab[i] = in.intern(d.bytes(d.num()))
	}
	a := &corpus.Article{}
	a.Title = d.str()
	a.Untitled = d.num() == 1
	if np, isNil := d.length(); !isNil {
		a.Paragraphs = make([][]int, np)
	}
	for p := range a.Paragraphs {
		n, isNil := d.length()
		if isNil {
			continue
		}
		idx := make([]int, n)
		for i := range idx {
			idx[i] = d.num()
		}
		a.Paragraphs[p] = idx
	}
	n, isNil := d.length()
	if !isNil {
		a.Sentences = make([]corpus.Sentence, n)
	}
	// The texts of all sentences share one string, and their facts one
	// array: two allocations an article, not two a sentence. A fact's
	// text that is its sentence's own bytes is sliced from that string.
	type span struct{ start, end int }
	type counted struct {
		n     int
		isNil bool
	}
	texts := make([]span, n)
	factCounts := make([]counted, n)
	var all []byte
	total := d.count()
	fs := make([]facts.Fact, 0, total)
	own := make([]bool, 0, total) // per fact: its text is its sentence's bytes Start..End
	for i := range n {
		s := &a.Sentences[i]
		s.Paragraph, s.Index = d.num(), d.num()
		l := d.num()
		start := len(all)
		all = append(all, d.bytes(l)...)
		texts[i] = span{start, len(all)}
		nf, isNil := d.length()
		factCounts[i] = counted{nf, isNil}
		for range nf {
			f := facts.Fact{Kind: facts.Kind(d.str())}
			f.Start, f.End = d.num()-1, d.num()-1
			t := d.num()
			switch {
			case t == 0 && (f.Start < 0 || f.Start > f.End || f.End > l):
				d.bad = true
			case t > len(d.tab):
				d.bad = true
			case t > 0:
				f.Text = d.tab[t-1]
			}
			own = append(own, t == 0)
			f.Value, f.Role, f.Speaker = d.str(), d.str(), d.str()
			f.Sentence = d.num()
			fs = append(fs, f)
		}
		if d.bad {
			return nil, errRecord
		}
	}
	if len(fs) != total {
		return nil, errRecord
	}
	joined := string(all)
	k := 0
	for i := range n {
		s := &a.Sentences[i]
		s.Text = joined[texts[i].start:texts[i].end]
		c := factCounts[i]
		if c.isNil {
			continue
		}
		s.Facts = fs[k : k+c.n : k+c.n]
		for j := range s.Facts {
			if own[k+j] {
				s.Facts[j].Text = s.Text[s.Facts[j].Start:s.Facts[j].End]
			}
		}
		k += c.n
	}
	if np, isNil := d.length(); !isNil {
		a.People = make([]facts.Person, np)
		for i := range a.People {
			p := &a.People[i]
			p.Name = d.str()
			if nr, isNil := d.length(); !isNil {
				p.Roles = make([]string, nr)
			}
			for j := range p.Roles {
				p.Roles[j] = d.str()
			}
			if ns, isNil := d.length(); !isNil {
				p.Sentences = make([]int, ns)
			}
			for j := range p.Sentences {
				p.Sentences[j] = d.num()
			}
		}
	}
	r := &Record{Article: a}
	if l := d.num(); l > 0 {
		r.Analysis = append([]byte(nil), d.bytes(l)...)
	}
	r.Fingerprint = d.str()
	if d.bad || len(d.buf) != 0 {
		return nil, errRecord
	}
	return r, nil
}

// encodeStub writes a stub: title, untitled, sentence count, fingerprint.
func encodeStub(st *Stub) []byte {
	var buf []byte
	str := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	str(st.Title)
	buf = binary.AppendUvarint(buf, uint64(boolNum(st.Untitled)))
	buf = binary.AppendUvarint(buf, uint64(st.Sentences))
	str(st.Fingerprint)
	return buf
}

func decodeStub(data []byte) (*Stub, error) {
	d := &decoder{buf: data}
	str := func() string { return string(d.bytes(d.num())) }
	st := &Stub{Title: str(), Untitled: d.num() == 1, Sentences: d.num(), Fingerprint: str()}
	if d.bad || len(d.buf) != 0 {
		return nil, errRecord
	}
	return st, nil
}

// encodeCatalog writes where the records are: their count, then each
// key, its place (offset and length) and its stub (length and bytes).
func encodeCatalog(cat map[Key]place) []byte {
	buf := binary.AppendUvarint(nil, uint64(len(cat)))
	for k, p := range cat {
		buf = append(buf, k[:]...)
		buf = binary.AppendUvarint(buf, uint64(p.off))
		buf = binary.AppendUvarint(buf, uint64(p.len))
		b := encodeStub(p.stub)
		buf = binary.AppendUvarint(buf, uint64(len(b)))
		buf = append(buf, b...)
	}
	return buf
}

func decodeCatalog(data []byte) (map[Key]place, error) {
	d := &decoder{buf: data}
	n := d.count()
	cat := make(map[Key]place, n)
	for range n {
		var k Key
		copy(k[:], d.bytes(len(k)))
		p := place{off: int64(d.num()), len: int64(d.num())}
		st, err := decodeStub(d.bytes(d.num()))
		if err != nil || d.bad {
			return nil, errRecord
		}
		p.stub = st
		cat[k] = p
	}
	if d.bad || len(d.buf) != 0 {
		return nil, errRecord
	}
	return cat, nil
}
