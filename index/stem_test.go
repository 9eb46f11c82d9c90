package index

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/articlebot/articlebot/corpus/text"
)

// textAnalyzerOf is the index's text analyzer.
func textAnalyzerOf(tb testing.TB) analysis.Analyzer {
	tb.Helper()
	m, err := newMapping()
	if err != nil {
		tb.Fatal(err)
	}
	a := m.AnalyzerNamed(textAnalyzer)
	if a == nil {
		tb.Fatal("no text analyzer")
	}
	return a
}

// indexStem is a word's stem as the index sees it, or "" when the index
// drops it (a stop word) or reads it as more than one word.
func indexStem(a analysis.Analyzer, w string) string {
	toks := a.Analyze([]byte(w))
	if len(toks) != 1 || toks[0].Start != 0 || toks[0].End != len(w) {
		return ""
	}
	return string(toks[0].Term)
}

// plainWord reports a word of letters, perhaps with a possessive: the
// words on which the index's tokenizer and answering's agree, so that only
// the stemmers are compared.
func plainWord(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// TestStemMatchesAnswering: a word's stem through the index's analyzer is
// its stem through answering's (text.Stem), for words whose stems Bleve's
// Porter stemmer made differently and for every plain word of the test
// articles.
func TestStemMatchesAnswering(t *testing.T) {
	a := textAnalyzerOf(t)
	check := func(t *testing.T, w string) bool {
		t.Helper()
		got := indexStem(a, w)
		if got == "" {
			return true // a stop word: answering drops it too
		}
		if want := text.Stem(text.Lower(w)); got != want {
			t.Errorf("%q: index stem %q, answering stem %q", w, got, want)
			return false
		}
		return true
	}
	for _, w := range []string{
		// Porter and Porter2 disagree on these.
		"generously", "weekly", "fairly", "dying", "lying", "news", "sky", "skies", "ugly",
		"happily", "cried", "agreed", "feed", "proceed", "exceed", "succeed", "arsenal",
		// The folding text.Stem adds.
		"organise", "organises", "organised", "organising", "organisation", "defence", "defence's",
		"criticised", "Realise", "RECOGNISES",
		// Possessives, curly and straight.
		"Healey's", "Healey’s", "ministers",
	} {
		check(t, w)
	}
	files, err := filepath.Glob(filepath.Join("..", "bot", "testdata", "eval", "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	files = append(files, filepath.Join("..", "corpus", "article.txt"))
	words, bad := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tok := range text.Tokenize(string(data)) {
			if !tok.Word || !plainWord(tok.Text) || tok.Text == "US" {
				continue // "US" is the country to the index, a pronoun to Stem
			}
			words++
			if !check(t, tok.Text) {
				bad++
			}
		}
	}
	t.Logf("%d words of %d articles, %d stemmed apart", words, len(files), bad)
}

// FuzzStemMatchesAnswering: for any word of letters, the index's stem is
// answering's.
func FuzzStemMatchesAnswering(f *testing.F) {
	for _, w := range []string{"organisation", "generously", "defence", "Straße", "naïve", "Healey's"} {
		f.Add(w)
	}
	a := textAnalyzerOf(f)
	f.Fuzz(func(t *testing.T, w string) {
		if !plainWord(w) || w == "US" {
			return
		}
		if got := indexStem(a, w); got != "" && got != text.Stem(text.Lower(w)) {
			t.Fatalf("%q: index stem %q, answering stem %q", w, got, text.Stem(text.Lower(w)))
		}
	})
}
