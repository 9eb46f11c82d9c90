package bot

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
	"github.com/articlebot/articlebot/index"
)

// Searcher finds the sentences that match a query: what the engine needs
// of an index.
type Searcher interface {
	Search(ctx context.Context, q index.Query) ([]index.Hit, error)
}

// Engine answers questions about a corpus. It is safe for concurrent use.
type Engine struct {
	corpus   *corpus.Corpus
	idx      Searcher
	lx       *lexicon
	articles map[string]*articleData
}

// articleData is an article with its sentences analysed for matching.
type articleData struct {
	art   *corpus.Article
	sents []*analysed
	names map[string]bool // stems of the words that name people, places and bodies
	// nameStems are the stems of names the article writes only with a
	// capital, at least once not first in a sentence.
	nameStems map[string]bool
	// roles and intros hold, per person (as in art.People), the analysed
	// roles and the analysed text that introduces them: their roles, the
	// sentence that first names them and the one before it.
	roles  [][]*analysed
	intros []*analysed
}

// checkEvery is how many sentences New analyses between looks at its
// context: a few milliseconds of work, so a cancelled load stops at once.
const checkEvery = 256

// New returns an engine over c, finding sentences with idx. Analysing a
// large corpus takes seconds; New stops with ctx's error when ctx ends.
func New(ctx context.Context, c *corpus.Corpus, idx Searcher) (*Engine, error) {
	if c == nil || idx == nil {
		return nil, errors.New("bot: new engine: no corpus or no index")
	}
	e := &Engine{corpus: c, idx: idx, lx: newLexicon(), articles: map[string]*articleData{}}
	for _, a := range c.Articles {
		d, err := e.analyseArticle(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("bot: new engine: article %s: %w", clip(a.ID, 60), err)
		}
		e.articles[a.ID] = d
	}
	return e, nil
}

// analyseArticle analyses an article's sentences, names and people for
// answering.
func (e *Engine) analyseArticle(ctx context.Context, a *corpus.Article) (*articleData, error) {
	d := &articleData{art: a, names: map[string]bool{}}
	for i := range a.Sentences {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		d.sents = append(d.sents, e.lx.analyse(&a.Sentences[i]))
		for _, f := range a.Sentences[i].Facts {
			if f.Kind != facts.KindPerson && f.Kind != facts.KindPlace && f.Kind != facts.KindOrg {
				continue
			}
			for _, t := range text.Tokenize(f.Text + " " + f.Value) {
				if t.Word && t.IsCap() {
					d.names[text.Base(t.Bare())] = true
				}
			}
		}
	}
	d.nameStems = nameStems(d)
	for _, person := range a.People {
		var rs []*analysed
		for _, role := range person.Roles {
			rs = append(rs, e.lx.analyse(&corpus.Sentence{Text: role}))
		}
		d.roles = append(d.roles, rs)
		d.intros = append(d.intros, e.lx.analyse(&corpus.Sentence{Text: introduction(a, person)}))
	}
	return d, nil
}

// nameStems finds the stems of an article's names that it writes only
// with a capital, and at least once not first in a sentence.
func nameStems(d *articleData) map[string]bool {
	lower, midCap := map[string]bool{}, map[string]bool{}
	for _, a := range d.sents {
		for _, w := range a.words {
			if !w.tok.IsCap() {
				lower[w.stem] = true
			} else if w.cap {
				midCap[w.stem] = true
			}
		}
	}
	out := map[string]bool{}
	for st := range midCap {
		if d.names[st] && !lower[st] {
			out[st] = true
		}
	}
	return out
}

// introduction is the text that introduces a person: their roles, the
// sentence that first names them and, in the same paragraph, the one before
// it ("It was a similar story at Northgate in Kent. Spokesman Alan Jones
// said …").
func introduction(a *corpus.Article, person facts.Person) string {
	t := strings.Join(person.Roles, "; ") + "."
	if len(person.Sentences) == 0 {
		return t
	}
	first := person.Sentences[0]
	s, ok := a.Sentence(first)
	if !ok {
		return t
	}
	t += " " + s.Text
	if prev, ok := a.Sentence(first - 1); ok && prev.Paragraph == s.Paragraph {
		t += " " + prev.Text
	}
	return t
}

// Articles lists the articles the engine knows, in load order.
func (e *Engine) Articles() []ArticleInfo {
	out := make([]ArticleInfo, 0, len(e.corpus.Articles))
	for _, a := range e.corpus.Articles {
		out = append(out, info(a))
	}
	return out
}

// Article describes the article with the given ID.
func (e *Engine) Article(id string) (ArticleInfo, bool) {
	a := e.corpus.Article(id)
	if a == nil {
		return ArticleInfo{}, false
	}
	return info(a), true
}

func info(a *corpus.Article) ArticleInfo {
	return ArticleInfo{ID: a.ID, Title: a.Title, Sentences: len(a.Sentences), Source: a.Source}
}

func (e *Engine) cite(s *corpus.Sentence) Citation {
	title := s.Article
	if a := e.corpus.Article(s.Article); a != nil {
		title = a.Title
	}
	return Citation{Article: s.Article, Title: title, Index: s.Index, Text: s.Text}
}

// checkArticle returns a UserError when id names no article.
func (e *Engine) checkArticle(id string) error {
	if id != "" && e.corpus.Article(id) == nil {
		return &UserError{Msg: fmt.Sprintf("There is no article %q. Known articles: %s.", clip(id, 60), e.articleList())}
	}
	return nil
}

func (e *Engine) articleList() string {
	var ids []string
	for i, a := range e.corpus.Articles {
		if i == 10 {
			ids = append(ids, fmt.Sprintf("and %d more", len(e.corpus.Articles)-10))
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
		return nil, fmt.Errorf("bot: context of %s:%d: %w", clip(article, 60), n, err)
	}
	a := e.corpus.Article(article)
	if a == nil {
		return nil, e.checkArticle(article)
	}
	para := a.ParagraphOf(n)
	if para == nil {
		return nil, &UserError{Msg: fmt.Sprintf("Article %q has no sentence %d (it has %d).", article, n, len(a.Sentences))}
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
	for _, a := range e.corpus.Articles {
		if article != "" && a.ID != article {
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
	for _, a := range e.corpus.Articles {
		if article == "" || a.ID == article {
			out = append(out, a.People...)
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
	hits, err := e.idx.Search(ctx, index.Query{Text: q, Article: article, Limit: limit, Highlight: true})
	if err != nil {
		return nil, fmt.Errorf("bot: search %q: %w", clip(q, 80), err)
	}
	out := make([]Match, 0, len(hits))
	for _, h := range hits {
		s := e.sentence(h.Article, h.Sentence)
		if s == nil {
			continue
		}
		out = append(out, Match{Citation: e.cite(s.sent), Spans: h.Spans, Score: h.Score})
	}
	return out, nil
}

func (e *Engine) sentence(article string, n int) *analysed {
	d := e.articles[article]
	if d == nil || n < 1 || n > len(d.sents) {
		return nil
	}
	return d.sents[n-1]
}

// derived reports a word of the article built on a verb's stem: "leads"
// meets "leader", "directs" meets "director".
func (d *articleData) derived(stem string) bool {
	if len(stem) < 4 {
		return false
	}
	for _, a := range d.sents {
		for _, w := range a.words {
			if strings.HasPrefix(w.stem, stem) {
				return true
			}
		}
	}
	return false
}

// termWeights weighs a question's terms for one article: a term the
// article holds by its inverse document frequency, one it never uses by
// half the average, so that a paraphrased question is not sunk by its own
// wording while a question about something absent still scores low. Each
// term reads every sentence of the article, so ctx is checked per term;
// when it ends the weights are incomplete and the caller reports ctx.Err().
func (e *Engine) termWeights(ctx context.Context, q *parsed, d *articleData) []float64 {
	w := make([]float64, len(q.terms))
	known := make([]bool, len(q.terms))
	sum, n := 0.0, 0
	for i, t := range q.terms {
		if ctx.Err() != nil {
			break
		}
		idf, df := e.lx.idf(t, d.sents)
		w[i] = idf
		if df > 0 {
			known[i] = true
			sum += idf
			n++
		}
	}
	avg := 1.0
	if n > 0 {
		avg = sum / float64(n)
	}
	for i, t := range q.terms {
		if !known[i] {
			w[i] = 0.5 * avg
		} else if t.verb && baseForm(t.word) && !e.isName(t, d) {
			// The question's main verb ("will | lead") carries its
			// predicate. A plural or a name after "will" is a noun.
			w[i] *= 2
		}
	}
	return w
}

// pronounCoverage is the share of a question's weight held by words that a
// sentence starting with a pronoun lacks and the sentence before it has:
// names nearly in full, other words by half.
func (e *Engine) pronounCoverage(q *parsed, w []float64, a, prev *analysed, d *articleData) float64 {
	var total, got float64
	for i, t := range q.terms {
		total += w[i]
		if m, _ := e.lx.matchTerm(t, a); m > 0 {
			continue
		}
		share := 0.5 // "It was bought by …": what "it" is
		if e.isName(t, d) {
			share = 0.9
		}
		if m, _ := e.lx.matchTerm(t, prev); m > 0 {
			got += share * w[i] * m
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// baseForm reports a word that can be a verb's bare form, as after "will"
// or "to": not a plural, a past form or an -ing form ("down to | timing").
func baseForm(w string) bool {
	return !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing")
}

// tenseFit is +1 when a sentence speaks of the time the question asks
// about (the future: "will", "set to", "next"; the past: "took", "was"),
// -1 when it speaks of the other, 0 when either says nothing.
func tenseFit(tense byte, a *analysed) float64 {
	if tense == 0 {
		return 0
	}
	var future, past bool
	for i, w := range a.words {
		switch w.tok.Lower {
		case "will", "next", "upcoming", "plans", "expected":
			future = true
		case "set", "going":
			future = future || i+1 < len(a.words) && a.words[i+1].tok.Lower == "to"
		case "took", "was", "were", "had", "did", "last", "ago":
			past = true
		}
	}
	switch {
	case future == past:
		return 0
	case future == (tense == 'f'):
		return 1
	}
	return -1
}

// cand is a sentence that may answer a question, with how well it matches.
type cand struct {
	a     *analysed
	d     *articleData
	cov   float64 // weighted share of the question's words it holds
	pos   []int   // positions of the matched words
	score float64

	all []int // allPos, once computed
}

// allPos returns every position of a word the question matched, not only
// the first of each ("the launch price of £99 … the US price of $149"), in
// sentence order. It is computed once per candidate: the extractors ask for
// it once per fact, and a long sentence has many.
func (c *cand) allPos() []int {
	if c.all != nil {
		return c.all
	}
	stems := make(map[string]bool, len(c.pos))
	for _, p := range c.pos {
		stems[c.a.words[p].stem] = true
	}
	c.all = []int{}
	for i, w := range c.a.words {
		if stems[w.stem] {
			c.all = append(c.all, i)
		}
	}
	return c.all
}

// matchedBetween returns the positions of allPos whose words end at or
// after byte from and start at or before byte to: the matched words near a
// span, found without reading the rest of a long sentence.
func (c *cand) matchedBetween(from, to int) []int {
	all := c.allPos()
	i := sort.Search(len(all), func(i int) bool { return c.a.words[all[i]].tok.End >= from })
	j := i
	for j < len(all) && c.a.words[all[j]].tok.Start <= to {
		j++
	}
	return all[i:j]
}

// hasStem reports whether the sentence holds any of the stems.
func (c *cand) hasStem(stems []string) bool {
	for _, st := range stems {
		if c.a.stems[st] {
			return true
		}
	}
	return false
}

// candidateLimit is how many sentences the index returns for a question:
// the engine ranks these, and More pages through no others.
const candidateLimit = 40

// candidates finds and ranks the sentences that may answer q.
func (e *Engine) candidates(ctx context.Context, q *parsed, article string) ([]*cand, error) {
	var words []string
	for _, t := range q.terms {
		words = append(words, t.word)
	}
	if len(words) == 0 {
		return nil, nil
	}
	hits, err := e.idx.Search(ctx, index.Query{Text: strings.Join(words, " "), Article: article, Limit: candidateLimit})
	if err != nil {
		return nil, fmt.Errorf("bot: find sentences: %w", err)
	}
	idf := map[string][]float64{}
	var out []*cand
	top := 0.0
	for _, h := range hits {
		top = math.Max(top, h.Score)
	}
	for _, h := range hits {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("bot: rank sentences: %w", err)
		}
		a := e.sentence(h.Article, h.Sentence)
		if a == nil {
			continue
		}
		d := e.articles[h.Article]
		w, ok := idf[h.Article]
		if !ok {
			w = e.termWeights(ctx, q, d)
			idf[h.Article] = w
		}
		cov, pos := e.lx.coverage(q.terms, w, a)
		if startsWithPronoun(a) && a.sent.Index > 1 {
			// "It took $42.8m at the weekend": the names "It" stands for
			// count as the sentence's own.
			cov += e.pronounCoverage(q, w, a, d.sents[a.sent.Index-2], d)
		}
		// The index's own ranking (BM25) only breaks near-ties.
		score := cov + 0.1*tenseFit(q.tense, a) + 0.002*h.Score/math.Max(top, 1e-9)
		out = append(out, &cand{a: a, d: d, cov: cov, pos: pos, score: score})
	}
	// Ties go to the earlier sentence, so that the same question always
	// gets the same answer whatever order the index returns equal hits in.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		if out[i].d.art.ID != out[j].d.art.ID {
			return out[i].d.art.ID < out[j].d.art.ID
		}
		return out[i].a.sent.Index < out[j].a.sent.Index
	})
	return out, nil
}
