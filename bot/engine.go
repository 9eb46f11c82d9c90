package bot

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"unicode"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/bot/rank"
	"github.com/articlebot/articlebot/bot/retrieve"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/pos"
	"github.com/articlebot/articlebot/corpus/text"
	"github.com/articlebot/articlebot/index"
)

// Searcher finds the sentences that match a query: what the engine needs
// of an index.
type Searcher = retrieve.Searcher

// Engine answers questions about a corpus. It is safe for concurrent use.
//
// A question reads the few articles its sentences come from, so the
// engine decodes an article's words (and, loaded from an index folder,
// reads its sentences and facts back) when a question reads it, and keeps
// the most recently read decoded. Over a corpus in memory it keeps every
// article's analysis in doc's compact form (about five bytes a word).
type Engine struct {
	lib      *library
	idx      Searcher
	tagger   *pos.Tagger
	model    *rank.Model
	analyses map[string][]byte // article ID -> doc.Encode of its analysis
	decoded  *docCache
	scanAll  func() *retrieve.Scan // every sentence, for a small corpus
	scanUpTo int
}

// Option configures an Engine.
type Option func(*Engine)

// WithModel answers with the given ranking model instead of the built-in
// one (the trainer uses it to evaluate a model it has just learned).
func WithModel(m *rank.Model) Option { return func(e *Engine) { e.model = m } }

// WithScanUpTo reads every sentence, instead of searching the index, when
// the corpus (or the article asked about) has at most n sentences.
func WithScanUpTo(n int) Option { return func(e *Engine) { e.scanUpTo = n } }

// WithAnalyses gives the engine the analyses of articles it would
// otherwise make (doc.Encode of doc.Analyse, by article ID), as a loader
// kept them; an analysis that does not fit its article is made again.
func WithAnalyses(m map[string][]byte) Option { return func(e *Engine) { e.analyses = m } }

// defaultScanUpTo is the largest corpus read whole rather than searched:
// matching 2,000 sentences against a question costs about what one index
// search does (measured with BenchmarkAsk), and misses nothing.
const defaultScanUpTo = 2000

// New returns an engine over c, finding sentences with idx. It analyses
// every article (tags its words) that WithAnalyses did not give, on all
// cores, checking ctx between articles.
func New(ctx context.Context, c *corpus.Corpus, idx Searcher, opts ...Option) (*Engine, error) {
	return newEngine(ctx, libraryOf(c), idx, opts...)
}

// newEngine returns an engine over the articles of lib.
func newEngine(ctx context.Context, lib *library, idx Searcher, opts ...Option) (*Engine, error) {
	tg, err := pos.New()
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	e := &Engine{lib: lib, idx: idx, tagger: tg, scanUpTo: defaultScanUpTo}
	for _, o := range opts {
		o(e)
	}
	if e.model == nil {
		m, err := builtinModel()
		if err != nil {
			return nil, err
		}
		e.model = m
	}
	given := e.analyses
	e.analyses = map[string][]byte{}
	e.decoded = newDocCache(maxDecoded)
	if c := lib.corpus; c != nil {
		// In memory: every article's analysis is kept here.
		var todo []*corpus.Article
		for _, a := range c.Articles {
			if b, ok := given[a.ID]; ok {
				e.analyses[a.ID] = b
			} else {
				todo = append(todo, a)
			}
		}
		if err := e.analyse(ctx, todo); err != nil {
			return nil, err
		}
	}
	e.scanAll = sync.OnceValue(func() *retrieve.Scan {
		docs := make([]*doc.Article, 0, len(lib.infos))
		for _, in := range lib.infos {
			if d := e.doc(in.ID); d != nil {
				docs = append(docs, d)
			}
		}
		return retrieve.NewScan(docs)
	})
	return e, nil
}

// maxDecoded is how many analysed articles the engine keeps decoded: a
// question reads at most retrieve.DefaultLimit (40) articles, so this
// holds those of the last six or so, about 13 MB of news articles.
// Measured at 10,000 articles (BenchmarkScale, four questions in turn,
// 160 articles): 128 decoded every article again each question, 2.7 MB
// of garbage a question, and a higher peak RSS (113 MiB) than holding
// 256 (99 MiB, 9.0 ms a question against 11.2).
const maxDecoded = 256

// analyse analyses the articles, one worker a core, keeping their compact
// forms, and the decoded ones too while they fit in the cache.
func (e *Engine) analyse(ctx context.Context, arts []*corpus.Article) error {
	if len(arts) == 0 {
		return nil
	}
	workers := min(runtime.GOMAXPROCS(0), len(arts))
	next := make(chan *corpus.Article)
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			an := doc.NewAnalyser(e.tagger)
			for a := range next {
				d, err := an.Article(ctx, a)
				mu.Lock()
				if err != nil {
					firstErr = cmp.Or(firstErr, err)
				} else {
					e.analyses[a.ID] = doc.Encode(d)
				}
				mu.Unlock()
				if err == nil {
					e.decoded.put(a.ID, d)
				}
			}
		}()
	}
	for _, a := range arts {
		if ctx.Err() != nil {
			break
		}
		next <- a
	}
	close(next)
	wg.Wait()
	if err := cmp.Or(firstErr, ctx.Err()); err != nil {
		return fmt.Errorf("bot: %w", err)
	}
	return nil
}

// doc returns the analysed article with the given ID (decoding it, or
// analysing it again when its compact form does not fit), or nil.
func (e *Engine) doc(id string) *doc.Article {
	if d := e.decoded.get(id); d != nil {
		return d
	}
	a, an, err := e.lib.article(id)
	if err != nil || a == nil {
		return nil
	}
	if an == nil {
		an = e.analyses[id]
	}
	d, err := doc.Decode(a, an)
	if err != nil {
		d, err = doc.Analyse(context.Background(), e.tagger, a)
		if err != nil {
			return nil
		}
	}
	e.decoded.put(id, d)
	return d
}

// article returns the article with the given ID with its sentences and
// facts, or nil.
func (e *Engine) article(id string) (*corpus.Article, error) {
	if d := e.decoded.get(id); d != nil {
		return d.Article, nil
	}
	a, _, err := e.lib.article(id)
	return a, err
}

// docs adapts the engine to retrieve.Articles.
type docs struct{ e *Engine }

func (d docs) Article(id string) *doc.Article { return d.e.doc(id) }

// searcher is what finds the sentences of a question about article (""
// for all): a scan when that is small, else the index.
func (e *Engine) searcher(article string) Searcher {
	n := e.lib.sentences
	if article != "" {
		if in, ok := e.lib.info(article); ok {
			n = in.Sentences
		}
	}
	if n > e.scanUpTo && e.idx != nil {
		return e.idx
	}
	if article != "" && e.lib.sentences > e.scanUpTo {
		// One article of a large corpus: scan it alone.
		if d := e.doc(article); d != nil {
			return retrieve.NewScan([]*doc.Article{d})
		}
	}
	return e.scanAll()
}

// Articles lists the articles the engine knows, in load order.
func (e *Engine) Articles() []ArticleInfo {
	return append([]ArticleInfo(nil), e.lib.infos...)
}

// Article describes the article with the given ID.
func (e *Engine) Article(id string) (ArticleInfo, bool) {
	return e.lib.info(id)
}

func (e *Engine) cite(s *corpus.Sentence) Citation {
	title := s.Article
	if in, ok := e.lib.info(s.Article); ok {
		title = in.Title
	}
	return Citation{Article: s.Article, Title: title, Index: s.Index, Text: s.Text}
}

// checkArticle returns a UserError when id names no article.
func (e *Engine) checkArticle(id string) error {
	if _, ok := e.lib.info(id); id != "" && !ok {
		return &UserError{Msg: fmt.Sprintf("There is no article %q. Known articles: %s.", clip(id, 60), e.articleList())}
	}
	return nil
}

func (e *Engine) articleList() string {
	var ids []string
	for i, a := range e.lib.infos {
		if i == 10 {
			ids = append(ids, fmt.Sprintf("and %d more", len(e.lib.infos)-10))
			break
		}
		ids = append(ids, a.ID)
	}
	return strings.Join(ids, ", ")
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8Start(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// cleanInput checks a user's text: not empty, not too long.
func cleanInput(s, what string) (string, error) {
	if len(s) > MaxQuestionBytes {
		return "", &UserError{Msg: fmt.Sprintf("That %s is too long (%d bytes; the most is %d).", what, len(s), MaxQuestionBytes)}
	}
	c := text.Clean(s)
	if strings.TrimFunc(c, func(r rune) bool { return !isWordRune(r) }) == "" {
		return "", &UserError{Msg: fmt.Sprintf("The %s is empty: type some words.", what)}
	}
	return c, nil
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Context returns the paragraph that holds sentence n of an article.
func (e *Engine) Context(ctx context.Context, article string, n int) ([]Citation, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("bot: context: %w", err)
	}
	a, err := e.article(article)
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, e.checkArticle(article)
	}
	para := a.ParagraphOf(n)
	if para == nil {
		return nil, &UserError{Msg: fmt.Sprintf("Article %q has no sentence %d (it has %d).", clip(article, 60), n, len(a.Sentences))}
	}
	out := make([]Citation, 0, len(para))
	for i := range para {
		out = append(out, e.cite(&para[i]))
	}
	return out, nil
}

// Facts returns the facts of an article (all articles when article is ""),
// only of the given kinds when any are given, in sentence order.
func (e *Engine) Facts(ctx context.Context, article string, kinds ...facts.Kind) ([]facts.Fact, error) {
	if err := e.checkArticle(article); err != nil {
		return nil, err
	}
	want := map[facts.Kind]bool{}
	for _, k := range kinds {
		want[k] = true
	}
	var out []facts.Fact
	for _, in := range e.lib.infos {
		if article != "" && in.ID != article {
			continue
		}
		a, err := e.article(in.ID)
		if err != nil {
			return nil, err
		}
		if a == nil {
			continue
		}
		for _, s := range a.Sentences {
			for _, f := range s.Facts {
				if len(want) == 0 || want[f.Kind] {
					out = append(out, f)
				}
			}
		}
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("bot: facts: %w", err)
		}
	}
	return out, nil
}

// People returns the people an article names, with their roles.
func (e *Engine) People(article string) []facts.Person {
	var out []facts.Person
	for _, in := range e.lib.infos {
		if article == "" || in.ID == article {
			if a, _ := e.article(in.ID); a != nil {
				out = append(out, a.People...)
			}
		}
	}
	return out
}

// Search finds the sentences that match a query's words, best first, with
// the matched words marked.
func (e *Engine) Search(ctx context.Context, query, article string, limit int) ([]Match, error) {
	q, err := cleanInput(query, "search")
	if err != nil {
		return nil, err
	}
	if err := e.checkArticle(article); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 5
	}
	if e.idx == nil {
		return nil, nil
	}
	hits, err := e.idx.Search(ctx, index.Query{Text: q, Article: article, Limit: limit, Highlight: true})
	if err != nil {
		return nil, fmt.Errorf("bot: search %q: %w", clip(q, 80), err)
	}
	out := make([]Match, 0, len(hits))
	for _, h := range hits {
		a, err := e.article(h.Article)
		if err != nil {
			return nil, err
		}
		if a == nil {
			continue
		}
		s, ok := a.Sentence(h.Sentence)
		if !ok {
			continue
		}
		out = append(out, Match{Citation: e.cite(&s), Spans: within(h.Spans, len(s.Text)), Score: h.Score})
	}
	return out, nil
}

// within keeps the spans that lie inside a text of n bytes (an index
// without the corpus cannot check them).
func within(spans [][2]int, n int) [][2]int {
	out := spans[:0]
	for _, sp := range spans {
		if sp[0] >= 0 && sp[0] < sp[1] && sp[1] <= n {
			out = append(out, sp)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
