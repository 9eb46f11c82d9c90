package index

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
)

func TestSearchFindsBestSentence(t *testing.T) {
	c := newsCorpus()
	ix := openIndex(t, c, Options{})
	tests := []struct {
		name  string
		q     Query
		first string // "article/n" of the expected first hit
	}{
		{"plain-words", Query{Text: "petrol prices"}, "business/4"},
		{"question", Query{Text: "How many troops could the force have?"}, "politics/5"},
		{"number-kept-whole", Query{Text: "10,000"}, "politics/5"},
		{"stemming", Query{Text: "consoles selling"}, "tech/2"},
		{"possessive", Query{Text: "Britain's defence secretary"}, "politics/1"},
		{"curly-apostrophe", Query{Text: "Britain’s"}, "politics/1"},
		{"case-insensitive", Query{Text: "PETROL"}, "business/4"},
		{"speaker-of-a-quote", Query{Text: "what did Healey say"}, "politics/3"},
		{"phrase-boost", Query{Text: "sales", Phrases: []string{"slump in sales"}}, "business/6"},
		{"phrase-only", Query{Phrases: []string{"guard of honour"}}, "sport/3"},
		{"one-word-phrase", Query{Phrases: []string{"the petrol"}}, "business/4"},
		{"article-filter", Query{Text: "said", Article: "business"}, "business/3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := mustSearch(t, ix, tt.q)
			if len(hits) == 0 {
				t.Fatalf("no hits, want %s first", tt.first)
			}
			if got := docID(hits[0].Article, hits[0].Sentence); got != tt.first {
				t.Errorf("first hit %s %q, want %s", got, sentenceText(t, c, hits[0]), tt.first)
			}
			for i := 1; i < len(hits); i++ {
				if hits[i].Score > hits[i-1].Score {
					t.Errorf("hits not sorted by score: %v > %v", hits[i].Score, hits[i-1].Score)
				}
			}
		})
	}
}

func TestSearchPhraseNeedsOrder(t *testing.T) {
	c := corpus.New([]*corpus.Article{article("a",
		"Sales fell as the slump hit shops.",
		"The slump in sales hit shops.",
	)})
	ix := openIndex(t, c, Options{})
	without := mustSearch(t, ix, Query{Text: "slump sales"})
	with := mustSearch(t, ix, Query{Text: "slump sales", Phrases: []string{"slump in sales"}})
	if len(with) != 2 || with[0].Sentence != 2 {
		t.Fatalf("with the phrase: %+v, want sentence 2 first", with)
	}
	if len(without) != 2 || with[0].Score <= without[rankOf(without, "a", 2)].Score {
		t.Errorf("the phrase did not raise the score: %+v vs %+v", with, without)
	}
}

func TestSearchArticleFilter(t *testing.T) {
	c := corpus.New([]*corpus.Article{
		article("one", "The bank raised interest rates.", "Rates were last raised in May."),
		article("two two", "The bank cut interest rates.", "The bank said rates would stay low."),
		article("three:3", "Interest in the match was high."),
		article("one/nested", "The bank closed its branches."),
	})
	ix := openIndex(t, c, Options{})
	tests := []struct {
		article string
		want    []string
	}{
		{"", []string{"one/1", "one/2", "two two/1", "two two/2", "three:3/1", "one/nested/1"}},
		{"one", []string{"one/1", "one/2"}},
		{"two two", []string{"two two/1", "two two/2"}},
		{"three:3", []string{"three:3/1"}},
		{"one/nested", []string{"one/nested/1"}},
		{"ONE", nil},
		{"missing", nil},
		{"on", nil},
	}
	for _, tt := range tests {
		t.Run("article="+tt.article, func(t *testing.T) {
			hits := mustSearch(t, ix, Query{Text: "bank interest rates", Article: tt.article, Limit: 100})
			got := map[string]bool{}
			for _, h := range hits {
				got[docID(h.Article, h.Sentence)] = true
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("missing %s in %v", w, got)
				}
			}
		})
	}
	t.Run("filter-does-not-change-scores", func(t *testing.T) {
		all := mustSearch(t, ix, Query{Text: "bank interest rates", Limit: 100})
		one := mustSearch(t, ix, Query{Text: "bank interest rates", Article: "one", Limit: 100})
		for _, h := range one {
			i := rankOf(all, h.Article, h.Sentence)
			if i < 0 || fmt.Sprintf("%.9f", all[i].Score) != fmt.Sprintf("%.9f", h.Score) {
				t.Errorf("%s/%d: score %v filtered, %+v unfiltered", h.Article, h.Sentence, h.Score, all)
			}
		}
	})
}

func TestSearchLimit(t *testing.T) {
	c := generatedCorpus(20, 10)
	ix := openIndex(t, c, Options{})
	tests := []struct {
		limit, want int
	}{
		{0, 10},
		{-5, 10},
		{1, 1},
		{3, 3},
		{150, 150},
		{1 << 40, 200},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.limit), func(t *testing.T) {
			// Every generated sentence ends with a full stop and has a
			// subject: "the" is a stop word, so search a common verb list.
			q := strings.Join(genSubjects, " ") + " " + strings.Join(genVerbs, " ")
			hits := mustSearch(t, ix, Query{Text: q, Limit: tt.limit})
			if len(hits) != tt.want {
				t.Errorf("%d hits, want %d", len(hits), tt.want)
			}
		})
	}
}

// TestSearchQuerySyntaxIsJustWords feeds Bleve query-string syntax and
// other hostile text to Search: nothing may fail or panic, and syntax
// characters are plain text.
func TestSearchQuerySyntaxIsJustWords(t *testing.T) {
	c := corpus.New([]*corpus.Article{article("syntax",
		"The title of the report was changed by the editor.",
		"Foo and bar are placeholder names programmers use.",
		"Sales rose 10,000 units in the quarter.",
		"The US army and its soldiers left.",
	)})
	ix := openIndex(t, c, Options{})
	tests := []struct {
		name string
		text string
		want string // "" when any hits will do; "none" when there must be none; else first hit
	}{
		{"empty", "", "none"},
		{"whitespace", " \t\n\r  ", "none"},
		{"stop-words-only", "who what where when how which the of and", "none"},
		{"punctuation-only", "?!.,;:()[]{}<>\"'`~", "none"},
		{"query-string-syntax", `+foo -bar title:x /.*/ "unclosed`, ""},
		{"field-syntax", "title:report", "syntax/1"},
		{"required-and-excluded", "+title -report", "syntax/1"},
		{"regexp", "/.*/", "none"},
		{"wildcard", "rep*rt edi?or", ""},
		{"fuzzy-and-boost", "report~2 editor^10", "syntax/1"},
		{"range", "[a TO z] {1 TO 5}", "none"},
		{"unclosed-quote", `"title of the`, "syntax/1"},
		{"unclosed-paren", "(foo OR bar", "syntax/2"},
		{"boolean-words", "foo AND NOT bar OR title", ""},
		{"escapes", `\+\-\:\\ foo\:bar`, "syntax/2"},
		{"json", `{"query":{"match_all":{}}}`, "none"},
		{"match-all-star", "*", "none"},
		{"binary", "\x00\x01\x02\xff\xfe\x80 foo \xc3\x28", "syntax/2"},
		{"invalid-utf8-only", "\xff\xfe\xfd", "none"},
		{"nul-inside-word", "fo\x00o", "none"},
		{"zero-width-joiner", "sol\u200ddiers", "syntax/4"},
		{"zero-width-space", "\u200bsoldiers\u200b", "syntax/4"},
		{"rtl-marks", "\u202etitle\u202c \u200freport\u200e", "syntax/1"},
		{"bom", "\ufefftitle", "syntax/1"},
		{"combining-marks", "title\u0301", ""},
		{"emoji", "🪖 soldiers 🇺🇸", "syntax/4"},
		{"fullwidth", "ｔｉｔｌｅ", ""},
		{"number", "10,000", "syntax/3"},
		{"huge-100KB", strings.Repeat("report soldiers ", 100<<10/16), ""},
		{"huge-one-word", strings.Repeat("x", 100<<10), "none"},
		{"many-distinct-words", manyWords(5000), ""},
		{"us-lower-case", "how many us troops", "syntax/4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, q := range []Query{
				{Text: tt.text, Highlight: true},
				{Text: tt.text, Phrases: []string{tt.text}, Article: "syntax"},
			} {
				hits, err := ix.Search(context.Background(), q)
				if err != nil {
					t.Fatalf("Search: %v", err)
				}
				checkHits(t, c, hits)
				switch {
				case tt.want == "none" && len(hits) > 0:
					t.Errorf("got %+v, want no hits", hits)
				case tt.want != "" && tt.want != "none" && (len(hits) == 0 || docID(hits[0].Article, hits[0].Sentence) != tt.want):
					t.Errorf("got %+v, want %s first", hits, tt.want)
				}
			}
		})
	}
}

func manyWords(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "w%d ", i)
	}
	return b.String() + "report"
}

// checkHits checks that hits name real sentences and that their spans lie
// within the text, sorted and apart.
func checkHits(t *testing.T, c *corpus.Corpus, hits []Hit) {
	t.Helper()
	for _, h := range hits {
		text := sentenceText(t, c, h)
		prev := 0
		for _, s := range h.Spans {
			if s[0] < prev || s[0] >= s[1] || s[1] > len(text) {
				t.Errorf("%s/%d: bad span %v (after %d) in %d bytes: %v", h.Article, h.Sentence, s, prev, len(text), h.Spans)
			}
			prev = s[1]
		}
	}
}

func TestSearchHighlight(t *testing.T) {
	c := corpus.New([]*corpus.Article{article("hl",
		"Britain’s defence chiefs said the troops would stay.",
		"Stores said sales rose 8 per cent, with shoppers buying films.",
		"The US said it told us nothing about the United States plan.",
		"Café owners in Zürich raised prices.",
	)})
	ix := openIndex(t, c, Options{})
	tests := []struct {
		name    string
		q       Query
		article string
		n       int
		want    []string // the highlighted text, in order
	}{
		{"words", Query{Text: "defence troops"}, "hl", 1, []string{"defence", "troops"}},
		{"stems-and-possessive", Query{Text: "britain troop"}, "hl", 1, []string{"Britain’s", "troops"}},
		{"related-words", Query{Text: "soldiery UK"}, "hl", 1, []string{"Britain’s", "troops"}},
		{"related-phrase", Query{Text: "percent shops movie"}, "hl", 2, []string{"Stores", "per", "cent", "shoppers", "films"}},
		{"us-not-pronoun", Query{Text: "America"}, "hl", 3, []string{"US", "United", "States"}},
		{"phrase", Query{Phrases: []string{"sales rose"}}, "hl", 2, []string{"sales", "rose"}},
		{"non-ascii", Query{Text: "café zürich"}, "hl", 4, []string{"Café", "Zürich"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			q.Highlight = true
			hits := mustSearch(t, ix, q)
			checkHits(t, c, hits)
			i := rankOf(hits, tt.article, tt.n)
			if i < 0 {
				t.Fatalf("%s/%d not found: %+v", tt.article, tt.n, hits)
			}
			text := sentenceText(t, c, hits[i])
			var got []string
			for _, s := range hits[i].Spans {
				got = append(got, text[s[0]:s[1]])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("highlighted %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("off-by-default", func(t *testing.T) {
		for _, h := range mustSearch(t, ix, Query{Text: "troops"}) {
			if h.Spans != nil {
				t.Errorf("spans without Highlight: %+v", h)
			}
		}
	})
}

// TestRelatedWords checks that a query finds sentences that use a word
// related to its words, and only through the thesaurus.
func TestRelatedWords(t *testing.T) {
	c := corpus.New([]*corpus.Article{article("syn",
		"The troops crossed the border at dawn.",
		"The colour of the flag changed.",
		"The US and its allies met in Paris.",
		"Britain sent aid.",
		"Unemployment rose to 5 per cent.",
		"Inflation was 3 percent last year.",
		"Stores reported strong sales.",
		"Three people were injured.",
		"The charity received new funding.",
		"The movie won three awards.",
		"Opposition MPs told us the plan was rushed.",
		"The United States denied the report.",
		"The accident happened on Monday.",
		"Officials said the plan was sound.",
		"The Dutch minister resigned.",
		"Sgt Ann Lee was praised.",
	)})
	on := openIndex(t, c, Options{})
	off := openIndex(t, c, Options{Thesaurus: Groups{}})
	tests := []struct {
		query   string
		want    int   // sentence the related word finds
		notWant []int // sentences it must not find
	}{
		{"soldiery", 1, nil},      // WordNet: troops, soldiery
		{"color", 2, nil},         // WordNet: colour, color
		{"America", 3, []int{11}}, // country names: the US, not the pronoun
		{"American", 3, []int{11}},
		{"United States", 3, []int{11}},
		{"U.S.", 3, []int{11}},
		{"America", 12, nil},
		{"British", 4, nil},
		{"UK", 4, nil},
		{"percent", 5, nil},  // a written variant
		{"per cent", 6, nil}, //
		{"shops", 7, nil},    // WordNet: shop, store
		{"injury", 8, nil},   // derived: injury, injure
		{"film", 10, nil},
		{"take place", 13, nil}, // a multi-word lemma: take place, happen
		{"Netherlands", 15, nil},
		{"sergeant", 16, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query+"->"+fmt.Sprint(tt.want), func(t *testing.T) {
			hits := mustSearch(t, on, Query{Text: tt.query, Limit: 20})
			if rankOf(hits, "syn", tt.want) < 0 {
				t.Errorf("%q did not find %q: %+v", tt.query, c.Articles[0].Sentences[tt.want-1].Text, hits)
			}
			for _, n := range tt.notWant {
				if rankOf(hits, "syn", n) >= 0 {
					t.Errorf("%q found %q", tt.query, c.Articles[0].Sentences[n-1].Text)
				}
			}
			if rankOf(mustSearch(t, off, Query{Text: tt.query, Limit: 20}), "syn", tt.want) >= 0 {
				t.Errorf("%q found sentence %d without related words: the test proves nothing", tt.query, tt.want)
			}
		})
	}
	t.Run("us-reads-as-the-country", func(t *testing.T) {
		for _, q := range []string{"us", "US", "Us"} {
			hits := mustSearch(t, off, Query{Text: q, Limit: 20})
			if rankOf(hits, "syn", 3) < 0 || rankOf(hits, "syn", 11) >= 0 {
				t.Errorf("%q: got %+v, want sentence 3 (the US) and not 11 (told us)", q, hits)
			}
		}
	})
	t.Run("exact-word-outranks-related-word", func(t *testing.T) {
		c := corpus.New([]*corpus.Article{article("x", "Soldiery marched.", "Troops marched.")})
		ix := openIndex(t, c, Options{})
		hits := mustSearch(t, ix, Query{Text: "troops"})
		if len(hits) != 2 || hits[0].Sentence != 2 {
			t.Errorf("got %+v, want the exact word first", hits)
		}
	})
	t.Run("pronoun-us-is-still-searchable-in-text", func(t *testing.T) {
		// Documents keep the pronoun; only queries read "us" as the country.
		hits := mustSearch(t, off, Query{Text: "told", Limit: 20})
		if rankOf(hits, "syn", 11) < 0 {
			t.Errorf("sentence 11 not found by its other words: %+v", hits)
		}
	})
}

// TestPhraseWithWordsThatHaveRelatedWords: a phrase is found by its own
// words in order, whether or not they have related words. (It began as the
// regression test for Bleve 2.6.3 finding nothing for a phrase, on a field
// with a synonym source, that mixed words with and without synonyms; the
// index has no synonym source now, and phrases are not expanded.)
func TestPhraseWithWordsThatHaveRelatedWords(t *testing.T) {
	c := corpus.New([]*corpus.Article{article("p",
		"The troops crossed the border at dawn.",
		"Soldiers crossed rivers.",
		"He bought a new mobile phone yesterday.",
		"The handset was new.",
		"Crossed troops.",
	)})
	ix := openIndex(t, c, Options{Thesaurus: Groups{{"troops", "soldiers"}, {"phone", "handset"}}})
	tests := []struct {
		phrase string
		want   []int // sentences found, in any order
	}{
		{"troops crossed", []int{1}},
		{"troops crossed the border", []int{1}},
		{"soldiers crossed", []int{2}},
		{"troops crossed a border", []int{1}}, // a stop word stands for any word
		{"troops crossed border", nil},        // but a missing one is not skipped
		{"crossed troops", []int{5}},
		{"new mobile phone", []int{3}},
		{"mobile handset", nil},
		{"handset was new", []int{4}},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			hits := mustSearch(t, ix, Query{Phrases: []string{tt.phrase}, Highlight: true})
			checkHits(t, c, hits)
			if len(hits) != len(tt.want) {
				t.Fatalf("got %+v, want sentences %v", hits, tt.want)
			}
			for _, n := range tt.want {
				if rankOf(hits, "p", n) < 0 {
					t.Errorf("sentence %d not found: %+v", n, hits)
				}
			}
		})
	}
}

// TestRelatedWordsDoNotSinkExactMatch: a rare word with many related
// words still ranks a sentence that has it above one with a common word
// only. (Bleve's synonym expansion scaled a term's score by 1/(n+1) for n
// synonyms; related words are separate, lower clauses now.)
func TestRelatedWordsDoNotSinkExactMatch(t *testing.T) {
	big := Groups{{"troops", "soldiers", "forces", "personnel", "servicemen", "army", "military", "units", "regiments"}}
	c := corpus.New([]*corpus.Article{article("coord",
		"The city council met.",
		"The city was quiet.",
		"A city bridge opened.",
		"The city market reopened.",
		"Troops left the base.",
		"The city and troops celebrated.",
	)})
	for _, tt := range []struct {
		name string
		th   Thesaurus
	}{
		{"none", Groups{}},
		{"default", nil},
		{"large-group", big},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ix := openIndex(t, c, Options{Thesaurus: tt.th})
			hits := mustSearch(t, ix, Query{Text: "troops city"})
			if len(hits) < 2 || hits[0].Sentence != 6 || hits[1].Sentence != 5 {
				t.Errorf("got %+v, want sentence 6 (both words) then 5 (the rare word)", hits)
			}
		})
	}
}

func TestExpand(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := m.AnalyzerNamed(textAnalyzer)
	th := Groups{{"US", "America", "United States", "Uncle Sam"}, {"percent", "per cent"}, {"film", "movie", "films"}}
	tests := []struct {
		query          string
		terms, phrases string
	}{
		{"America", "ʊ", "united states|uncle sam"},
		{"United States", "ʊ|america", "uncle sam"},
		{"uncle sam", "ʊ|america", "united states"},
		{"per cent", "percent", ""},
		{"percent", "", "per cent"},
		{"film", "movi", ""},     // "films" analyses to "film", a term the query has
		{"the film", "movi", ""}, // a stop word alone is not looked up
		{"nothing here", "", ""}, //
		{"per, cent", "", ""},    // punctuation breaks a run
		{"US per cent", "america|percent", "united states|uncle sam"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q := cleanQuery(tt.query)
			have := map[string]bool{}
			for _, term := range analyzeTerms(a, q) {
				have[term] = true
			}
			var terms, phrases []string
			for _, x := range expand(th, a, q, have) {
				if x.term != "" {
					terms = append(terms, x.term)
				} else {
					phrases = append(phrases, x.phrase)
				}
				if x.boost <= 0 || x.boost >= 1 {
					t.Errorf("boost %v, want in (0,1): below a word of the query", x.boost)
				}
				if !have[x.of] {
					t.Errorf("%+v expands %q, not a word of the query", x, x.of)
				}
			}
			if strings.Join(terms, "|") != tt.terms || strings.Join(phrases, "|") != tt.phrases {
				t.Errorf("expand(%q) = %q %q, want %q %q", tt.query, terms, phrases, tt.terms, tt.phrases)
			}
		})
	}
	t.Run("bounded", func(t *testing.T) {
		var g []string
		for i := range 200 {
			g = append(g, "w"+strconv.Itoa(i))
		}
		have := map[string]bool{}
		for _, w := range g[:30] {
			have[w] = true
		}
		if n := len(expand(Groups{g}, a, strings.Join(g[:30], " "), have)); n > maxExpansions {
			t.Errorf("%d expansions, want at most %d", n, maxExpansions)
		}
	})
}

func TestCleanQuery(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"plain words", "plain words"},
		{"tab\tnew\nline", "tab new line"},
		{"sol\u200ddiers", "soldiers"},
		{"\u202eevil\u202c", "evil"},
		{"bad\xffbyte", "bad byte"},
		{"nul\x00byte", "nul byte"},
		{"us troops", "US troops"},
		{"Us and us and US", "US and US and US"},
		{"bus user campus usa", "bus user campus usa"},
		{"u.s. US-led", "u.s. US-led"},
		{"(us)", "(US)"},
		{strings.Repeat("é", maxQueryBytes), strings.Repeat("é", maxQueryBytes/2)},
		{strings.Repeat("a", maxQueryBytes+10), strings.Repeat("a", maxQueryBytes)},
	}
	for _, tt := range tests {
		name := tt.in
		if len(name) > 20 {
			name = name[:20]
		}
		t.Run(name, func(t *testing.T) {
			got := cleanQuery(tt.in)
			if got != tt.want {
				t.Errorf("cleanQuery(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) || len(got) > maxQueryBytes {
				t.Errorf("cleanQuery(%q) = %q: invalid or too long", tt.in, got)
			}
		})
	}
}

func TestSearchConcurrent(t *testing.T) {
	c := newsCorpus()
	ix := openIndex(t, c, Options{})
	queries := []Query{
		{Text: "troops", Highlight: true},
		{Text: "petrol prices", Article: "business"},
		{Text: "what did Healey say", Phrases: []string{"ready for when peace"}},
		{Text: "soldiers football", Limit: 3, Highlight: true},
	}
	want := make([][]Hit, len(queries))
	for i, q := range queries {
		want[i] = mustSearch(t, ix, q)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				k := (g + i) % len(queries)
				hits, err := ix.Search(context.Background(), queries[k])
				if err != nil {
					t.Error(err)
					return
				}
				if fmt.Sprint(hits) != fmt.Sprint(want[k]) {
					t.Errorf("query %d: got %v, want %v", k, hits, want[k])
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestSearchErrors(t *testing.T) {
	t.Run("nil-index", func(t *testing.T) {
		var ix *Index
		if _, err := ix.Search(context.Background(), Query{Text: "x"}); err == nil {
			t.Error("no error from a nil index")
		}
		if err := ix.Close(); err != nil {
			t.Errorf("Close of a nil index: %v", err)
		}
	})
	t.Run("closed", func(t *testing.T) {
		ix, err := Open(context.Background(), newsCorpus(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
		if err := ix.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
		_, err = ix.Search(context.Background(), Query{Text: "troops"})
		if err == nil || !strings.HasPrefix(err.Error(), `index: search "troops": `) {
			t.Errorf("Search on a closed index: %v", err)
		}
	})
	t.Run("cancelled-context", func(t *testing.T) {
		ix := openIndex(t, generatedCorpus(50, 25), Options{})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		// Bleve checks the context as it collects; either way, no panic
		// and no hits from a failed search.
		hits, err := ix.Search(ctx, Query{Text: strings.Join(genVerbs, " ")})
		if err != nil && hits != nil {
			t.Errorf("hits %v with error %v", hits, err)
		}
	})
	t.Run("empty-corpus", func(t *testing.T) {
		ix := openIndex(t, corpus.New(nil), Options{})
		if hits := mustSearch(t, ix, Query{Text: "anything"}); len(hits) != 0 {
			t.Errorf("hits in an empty corpus: %v", hits)
		}
	})
	t.Run("odd-corpus", func(t *testing.T) {
		// Built by hand: corpus.New does not take nil articles.
		c := &corpus.Corpus{Articles: []*corpus.Article{
			nil,
			{ID: "empty"},
			article("blank", "", "   ", "\x00\xff"),
			withFacts(article("facts", "Plain text."), 1, facts.Fact{}, facts.Fact{Kind: facts.KindQuote}),
		}}
		ix := openIndex(t, c, Options{})
		if hits := mustSearch(t, ix, Query{Text: "plain"}); len(hits) != 1 {
			t.Errorf("got %v, want facts/1", hits)
		}
	})
}

// FuzzSearch checks that no input makes Search fail or panic, and that
// every hit is a real sentence with good spans.
func FuzzSearch(f *testing.F) {
	c := newsCorpus()
	ix, err := Open(context.Background(), c, Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { ix.Close() })
	for _, s := range []string{
		"", "troops", `+foo -bar title:x /.*/ "unclosed`, "how many soldiers", "per cent",
		"sol\u200ddiers", "\xff\xfe", "US troops", "*", "~", "\\", `"`, "10,000", "what did Healey say",
	} {
		f.Add(s, s, "", 0, true)
		f.Add(s, "", "politics", 3, false)
	}
	f.Fuzz(func(t *testing.T, text, phrase, article string, limit int, highlight bool) {
		q := Query{Text: text, Article: article, Limit: limit % 50, Highlight: highlight}
		if phrase != "" {
			q.Phrases = []string{phrase, text}
		}
		hits, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("Search(%+v): %v", q, err)
		}
		checkHits(t, c, hits)
		for _, h := range hits {
			if article != "" && h.Article != article {
				t.Errorf("hit in %q with filter %q", h.Article, article)
			}
		}
	})
}
