package rank

import (
	"bytes"
	"context"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot/candidate"
	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/bot/internal/newstest"
	"github.com/articlebot/articlebot/bot/question"
	"github.com/articlebot/articlebot/bot/retrieve"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/lexicon"
	"github.com/articlebot/articlebot/corpus/pos"
	"github.com/articlebot/articlebot/corpus/text"
)

// article is the text the feature tests read: names, numbers, quotes.
const article = `Port strike

Dockworkers at Kelbridge walked out on Tuesday, union leader Mara Voss said. About 1,200 staff joined the strike, which the harbour authority called "regrettable". Voss said the union wants a 6% rise. The authority's chief, Ilse Brandt, said talks would resume in March.
`

// featurize carries a question through the stages before ranking.
func featurize(t *testing.T, question_ string, names Names) ([]Scored, *question.Question) {
	t.Helper()
	tg := newstest.Tagger(t)
	a, err := corpus.Parse(context.Background(), "port", []byte(article))
	if err != nil {
		t.Fatal(err)
	}
	d, err := doc.Analyse(context.Background(), tg, a)
	if err != nil {
		t.Fatal(err)
	}
	scan := retrieve.NewScan([]*doc.Article{d})
	q := question.Parse(tg, question_)
	hits, err := retrieve.Sentences(context.Background(), scan, scan, q, "", retrieve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cands := candidate.Generate(hits, candidate.MaxSentences)
	return Featurize(NewContext(q, hits, cands), cands, names), q
}

// TestNoArticleWordInFeatures: no feature names a word of the article,
// only the question's own words (its focus noun, its verb) and the closed
// vocabulary of the templates (types, tags, kinds, closed-class words).
func TestNoArticleWordInFeatures(t *testing.T) {
	allowed := map[string]bool{}
	for _, ti := range templates {
		for _, w := range strings.FieldsFunc(ti.name, func(r rune) bool { return r == '×' || r == '-' || r == ' ' }) {
			allowed[w] = true
		}
	}
	for i := 0; i < candidate.NumTypes; i++ {
		allowed[candidate.TypeName(i)] = true
	}
	for _, k := range kinds {
		allowed[string(k)] = true
	}
	for w := question.Wh(0); w < question.NumWh; w++ {
		allowed[w.String()] = true
	}
	for tg := 0; tg < pos.NumTags; tg++ {
		allowed[strings.ToLower(pos.Tag(tg).String())] = true
	}
	for _, c := range contextWords {
		allowed[c] = true
	}
	for c := 0; c < 32; c++ {
		for _, n := range strings.Split(lexicon.Class(1<<c).String(), "|") {
			allowed[n] = true
		}
	}
	for _, extra := range []string{"<edge>", "yes", "no", "?"} {
		allowed[extra] = true
	}
	articleWords := map[string]bool{}
	for _, tok := range text.Tokenize(article) {
		if tok.Word {
			articleWords[text.Lower(tok.Bare())] = true
		}
	}
	for _, qs := range []string{"Who leads the union?", "How many staff joined the strike?", "When will talks resume?", "What did the authority call the strike?", "Which chief said talks would resume?"} {
		names := Names{}
		scored, q := featurize(t, qs, names)
		if len(scored) == 0 {
			t.Fatalf("%q: no candidates", qs)
		}
		qwords := map[string]bool{q.FocusWord: true, q.Verb: true}
		for _, tm := range q.Terms {
			qwords[tm.Word] = true
			qwords[tm.Stem] = true
		}
		for _, s := range scored {
			for _, f := range s.Feats {
				name, ok := names[f.Key]
				if !ok {
					t.Fatalf("feature %x has no name", f.Key)
				}
				for _, w := range strings.Fields(strings.ToLower(name)) {
					if _, err := strconv.Atoi(w); err == nil || allowed[w] || qwords[w] {
						continue
					}
					if articleWords[w] {
						t.Errorf("%q: feature %q names the article's word %q", qs, name, w)
					}
				}
			}
		}
	}
}

func TestRankOrdersAndNormalises(t *testing.T) {
	scored, _ := featurize(t, "How many staff joined the strike?", nil)
	m := &Model{Weights: map[uint64]float32{}}
	for i, s := range scored {
		for _, f := range s.Feats {
			m.Weights[f.Key] += float32(i%7) * 0.01
		}
	}
	ranked := Rank(m, append([]Scored(nil), scored...))
	var sum float64
	for i, s := range ranked {
		sum += s.Prob
		if i > 0 && (s.Score > ranked[i-1].Score || s.Score == ranked[i-1].Score && s.Order < ranked[i-1].Order) {
			t.Fatalf("not sorted at %d", i)
		}
	}
	if sum < 0.999 || sum > 1.001 {
		t.Errorf("probabilities sum to %v", sum)
	}
	again := Rank(m, append([]Scored(nil), scored...))
	for i := range ranked {
		if ranked[i].Order != again[i].Order {
			t.Fatal("the same model ranks the same candidates differently")
		}
	}
}

func TestModelFile(t *testing.T) {
	m := &Model{
		Weights: map[uint64]float32{1: 0.5, 0xdeadbeef: -1.25, 7: 0},
		Names:   map[uint64]string{1: "bias who", 0xdeadbeef: "wh×type when year"},
		Decide:  map[string]float64{"none bias": -2, "threshold": 0.1},
		About:   []string{"a test model"},
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := back.Write(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Fatalf("write, read, write differ:\n%s\n%s", buf.String(), again.String())
	}
	if len(back.Weights) != 2 || back.Decide["none bias"] != -2 || back.About[0] != "a test model" {
		t.Errorf("read back %+v", back)
	}
	weights, err := ReadWeights(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(weights.Weights, back.Weights) || !reflect.DeepEqual(weights.Decide, back.Decide) || len(weights.Names) != 0 {
		t.Errorf("ReadWeights read %+v, want %+v without names", weights, back)
	}
	for name, data := range map[string]string{
		"empty":         "",
		"other header":  "not a model 1\n",
		"other version": modelHeader + " 999\n",
		"short line":    modelHeader + " " + strconv.Itoa(FeatureVersion) + "\n00ff\n",
		"bad key":       modelHeader + " " + strconv.Itoa(FeatureVersion) + "\nzz\t1\tx\n",
		"bad weight":    modelHeader + " " + strconv.Itoa(FeatureVersion) + "\n00ff\tx\tx\n",
	} {
		if _, err := Read([]byte(data)); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
}

// FuzzRead: no model file, however broken, panics the reader.
func FuzzRead(f *testing.F) {
	f.Add([]byte(modelHeader + " 1\n# x\n00ff\t1\tname\ndecide\t0.5\tbias\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Read(data)
	})
}
