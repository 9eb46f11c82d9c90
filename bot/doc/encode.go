package doc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/pos"
	"github.com/articlebot/articlebot/corpus/text"
)

// The compact form of an analysed article (Encode, Decode): what loading
// keeps of every article, and what a warm start reads instead of tagging
// and stemming again. A word is its byte range in the sentence, its tag,
// three flags and the number of its stem in the article's table of
// stems, about five bytes, against some ninety for a Word; Decode makes
// the Words again, sharing the sentence's text and one string of stems.
//
//	version byte
//	stems:     count, then each as length and bytes
//	sentences: count, then for each its word count and, per word,
//	           start - previous end, length, tag, flags, stem number + 1 (0: none)
const encodingVersion = 1

// Word flags in the compact form.
const (
	flagWord = 1 << iota
	flagCap
	flagStop
)

// ErrEncoding is a compact form that does not fit the article given to
// Decode, or is damaged.
var ErrEncoding = errors.New("doc: analysis does not fit its article")

// Encode returns the compact form of a.
func Encode(a *Article) []byte {
	ids := map[string]int{}
	var stems []string
	for _, s := range a.Sentences {
		for _, w := range s.Words {
			if _, ok := ids[w.Stem]; w.Stem != "" && !ok {
				ids[w.Stem] = len(stems)
				stems = append(stems, w.Stem)
			}
		}
	}
	buf := make([]byte, 0, 64+8*len(stems)+6*len(a.Sentences)*20)
	buf = append(buf, encodingVersion)
	buf = binary.AppendUvarint(buf, uint64(len(stems)))
	for _, st := range stems {
		buf = binary.AppendUvarint(buf, uint64(len(st)))
		buf = append(buf, st...)
	}
	buf = binary.AppendUvarint(buf, uint64(len(a.Sentences)))
	for _, s := range a.Sentences {
		buf = binary.AppendUvarint(buf, uint64(len(s.Words)))
		end := 0
		for _, w := range s.Words {
			buf = binary.AppendUvarint(buf, uint64(w.Start-end))
			buf = binary.AppendUvarint(buf, uint64(w.End-w.Start))
			var flags byte
			if w.Word {
				flags |= flagWord
			}
			if w.Cap {
				flags |= flagCap
			}
			if w.Stop {
				flags |= flagStop
			}
			buf = append(buf, byte(w.Tag), flags)
			id := 0
			if w.Stem != "" {
				id = ids[w.Stem] + 1
			}
			buf = binary.AppendUvarint(buf, uint64(id))
			end = w.End
		}
	}
	return buf
}

// decoder reads the compact form.
type decoder struct {
	buf []byte
	err error
}

func (d *decoder) uvarint() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.buf)
	if n <= 0 || v > uint64(len(d.buf))<<8+1<<20 {
		d.err = ErrEncoding
		return 0
	}
	d.buf = d.buf[n:]
	return int(v)
}

func (d *decoder) byte() byte {
	if d.err != nil || len(d.buf) == 0 {
		d.err = ErrEncoding
		return 0
	}
	b := d.buf[0]
	d.buf = d.buf[1:]
	return b
}

// Decode makes the analysed article of a from its compact form (Encode of
// an analysis of the same text). A form that does not fit a's sentences
// is an error wrapping ErrEncoding: analyse a again.
func Decode(a *corpus.Article, data []byte) (*Article, error) {
	d := &decoder{buf: data}
	if d.byte() != encodingVersion {
		return nil, fmt.Errorf("%w: %s: version", ErrEncoding, a.ID)
	}
	n := d.uvarint()
	if n > len(d.buf) {
		return nil, fmt.Errorf("%w: %s: stems", ErrEncoding, a.ID)
	}
	// One string holds every stem; each stem is a slice of it.
	var all strings.Builder
	lens := make([]int, n)
	rest := d.buf
	for i := range lens {
		l := d.uvarint()
		if d.err != nil || l > len(d.buf) {
			return nil, fmt.Errorf("%w: %s: stems", ErrEncoding, a.ID)
		}
		lens[i] = l
		d.buf = d.buf[l:]
	}
	all.Grow(len(rest) - len(d.buf))
	d.buf = rest
	for _, l := range lens {
		d.uvarint()
		all.Write(d.buf[:l])
		d.buf = d.buf[l:]
	}
	joined := all.String()
	stems := make([]string, n)
	off := 0
	for i, l := range lens {
		stems[i] = joined[off : off+l]
		off += l
	}
	if d.uvarint() != len(a.Sentences) || d.err != nil {
		return nil, fmt.Errorf("%w: %s: sentence count", ErrEncoding, a.ID)
	}
	out := &Article{Article: a, Sentences: make([]*Sentence, len(a.Sentences))}
	sents := make([]Sentence, len(a.Sentences))
	for i := range a.Sentences {
		cs := &a.Sentences[i]
		nw := d.uvarint()
		if d.err != nil || nw > len(d.buf) {
			return nil, fmt.Errorf("%w: %s: sentence %d", ErrEncoding, a.ID, i+1)
		}
		words := make([]Word, nw)
		end := 0
		for j := range words {
			start := end + d.uvarint()
			end = start + d.uvarint()
			tag, flags := pos.Tag(d.byte()), d.byte()
			id := d.uvarint()
			if d.err != nil || end > len(cs.Text) || start > end || id > len(stems) || tag >= pos.Tag(pos.NumTags) {
				return nil, fmt.Errorf("%w: %s: sentence %d", ErrEncoding, a.ID, i+1)
			}
			t := cs.Text[start:end]
			w := Word{Token: text.Token{Text: t, Lower: text.Lower(t), Start: start, End: end, Word: flags&flagWord != 0},
				Tag: tag, Cap: flags&flagCap != 0, Stop: flags&flagStop != 0}
			if id > 0 {
				w.Stem = stems[id-1]
			}
			words[j] = w
		}
		sents[i] = Sentence{Sentence: cs, Words: words, Pos: i}
		out.Sentences[i] = &sents[i]
	}
	if len(d.buf) != 0 {
		return nil, fmt.Errorf("%w: %s: trailing bytes", ErrEncoding, a.ID)
	}
	out.count()
	return out, nil
}
