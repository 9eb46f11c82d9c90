package doc_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/bot/internal/newstest"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/corpustest"
)

// TestEncodeDecode: the compact form gives back every word as analysis
// made it, and the same statistics.
func TestEncodeDecode(t *testing.T) {
	tg := newstest.Tagger(t)
	arts := newstest.Articles(t, "../testdata/news/articles")
	long, err := corpus.Parse(context.Background(), "long", []byte(corpustest.LongSentence(2000)))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range append(arts, long) {
		t.Run(a.ID, func(t *testing.T) {
			want, err := doc.Analyse(context.Background(), tg, a)
			if err != nil {
				t.Fatal(err)
			}
			got, err := doc.Decode(a, doc.Encode(want))
			if err != nil {
				t.Fatal(err)
			}
			for i := range want.Sentences {
				if !reflect.DeepEqual(got.Sentences[i], want.Sentences[i]) {
					t.Fatalf("sentence %d differs:\n got %+v\nwant %+v", i+1, got.Sentences[i], want.Sentences[i])
				}
			}
			for _, w := range want.Sentences[0].Words {
				if got.DF(w.Stem) != want.DF(w.Stem) || got.IDF(w.Stem) != want.IDF(w.Stem) {
					t.Errorf("DF(%q) = %d, want %d", w.Stem, got.DF(w.Stem), want.DF(w.Stem))
				}
			}
		})
	}
}

// TestDecodeRefusesAnotherArticle: a compact form is only read against
// the text it was made from.
func TestDecodeRefusesAnotherArticle(t *testing.T) {
	tg := newstest.Tagger(t)
	arts := newstest.Articles(t, "../testdata/news/articles")
	d, err := doc.Analyse(context.Background(), tg, arts[0])
	if err != nil {
		t.Fatal(err)
	}
	enc := doc.Encode(d)
	for name, data := range map[string][]byte{
		"other-article": enc,
		"truncated":     enc[:len(enc)/2],
		"empty":         nil,
		"trailing":      append(append([]byte{}, enc...), 1),
	} {
		t.Run(name, func(t *testing.T) {
			target := arts[0]
			if name == "other-article" {
				target = arts[1]
			}
			if _, err := doc.Decode(target, data); !errors.Is(err, doc.ErrEncoding) {
				t.Errorf("Decode = %v, want ErrEncoding", err)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	tg := newstest.Tagger(f)
	c, err := corpus.Default()
	if err != nil {
		f.Fatal(err)
	}
	a := c.Articles[0]
	d, err := doc.Analyse(context.Background(), tg, a)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(doc.Encode(d))
	f.Add([]byte{1, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := doc.Decode(a, data)
		if err != nil {
			return
		}
		for _, s := range got.Sentences {
			for _, w := range s.Words {
				if w.Text != s.Text[w.Start:w.End] {
					t.Fatalf("word %q is not its span", w.Text)
				}
			}
		}
	})
}
