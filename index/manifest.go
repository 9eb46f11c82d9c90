package index

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"

	"github.com/articlebot/articlebot/corpus"
)

// manifest is what an index on disk holds, article by article: kept in
// the index (keyManifest), written in the same batch as the documents it
// describes, so that a later Open knows which articles changed and
// updates only those.
type manifest map[string]entry

// entry is one article of a manifest.
type entry struct {
	Fingerprint string // Fingerprint of the article's documents
	Sentences   int    // its documents are docID(ID, 1..Sentences)
}

// Fingerprint identifies what the index holds of an article (every
// sentence's text and speakers), whatever its ID: two articles with the
// same fingerprint index the same documents. A loader that keeps it (see
// corpus/cache) gives it back in Options.Fingerprints, and Open need not
// compute it again.
func Fingerprint(a *corpus.Article) string {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	put := func(s string) {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	putList := func(tag string, l []string) {
		put(tag)
		put(strconv.Itoa(len(l)))
		for _, s := range l {
			put(s)
		}
	}
	put(strconv.Itoa(len(a.Sentences)))
	for i := range a.Sentences {
		d := toDocument("", &a.Sentences[i])
		put(d.Text)
		putList("speaker", d.Speaker)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// encode writes m as bytes: for each article its ID, fingerprint and
// sentence count.
func (m manifest) encode() []byte {
	var buf []byte
	str := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	buf = binary.AppendUvarint(buf, uint64(len(m)))
	for id, e := range m {
		str(id)
		str(e.Fingerprint)
		buf = binary.AppendUvarint(buf, uint64(e.Sentences))
	}
	return buf
}

// decodeManifest reads what encode wrote; ok is false for anything else.
func decodeManifest(buf []byte) (m manifest, ok bool) {
	num := func() (int, bool) {
		v, n := binary.Uvarint(buf)
		if n <= 0 || v > uint64(len(buf))<<20 {
			return 0, false
		}
		buf = buf[n:]
		return int(v), true
	}
	str := func() (string, bool) {
		l, ok := num()
		if !ok || l > len(buf) {
			return "", false
		}
		s := string(buf[:l])
		buf = buf[l:]
		return s, true
	}
	n, ok := num()
	if !ok || n > len(buf) {
		return nil, false
	}
	m = make(manifest, n)
	for range n {
		id, ok1 := str()
		fp, ok2 := str()
		c, ok3 := num()
		if !ok1 || !ok2 || !ok3 {
			return nil, false
		}
		m[id] = entry{Fingerprint: fp, Sentences: c}
	}
	return m, len(buf) == 0
}
