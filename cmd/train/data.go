package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/eval"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
)

// set is one question set with its articles, ready to answer.
type set struct {
	name   string
	qs     []eval.Question
	c      *corpus.Corpus
	engine *bot.Engine
	// report: the set's held-out figures are printed; otherwise it is
	// training data only.
	report bool
	// news: a news set (weighted as such in training).
	news bool
	// synthetic: questions made by swapped, not the set's own.
	synthetic bool
}

// spec says where a set is, relative to the data folder.
type spec struct {
	name, questions, articles string
	report, news              bool
}

// specs are the training sets, as the data folder holds them (the layout
// of ../shared/eval and of testdata/train).
var specs = []spec{
	{"seed-dev", "seed-dev.jsonl", "", true, true},
	{"news-dev", "news-dev.jsonl", "articles", true, true},
	{"news-dev2", "news-dev2/questions.jsonl", "news-dev2/articles", true, true},
	{"news-dev3", "news-dev3/questions.jsonl", "news-dev3/articles", true, true},
	{"news-dev4", "news-dev4/questions.jsonl", "news-dev4/articles", true, true},
	{"squad-train", "squad-train/questions.jsonl", "squad-train/articles", true, false},
}

// squadAll is the file of every SQuAD training paragraph.
const squadAll = "squad-train-all.jsonl.gz"

// loadSet reads a set and builds an engine over its articles.
func loadSet(ctx context.Context, dir string, sp spec) (*set, error) {
	qs, err := eval.LoadQuestions(filepath.Join(dir, sp.questions))
	if err != nil {
		return nil, err
	}
	var c *corpus.Corpus
	if sp.articles == "" {
		c, err = corpus.Default()
	} else {
		c, err = loadArticles(ctx, filepath.Join(dir, sp.articles), articlesOf(qs))
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sp.name, err)
	}
	e, err := bot.New(ctx, c, nil, bot.WithScanUpTo(1<<30))
	if err != nil {
		return nil, err
	}
	return &set{name: sp.name, qs: qs, c: c, engine: e, report: sp.report, news: sp.news}, nil
}

func articlesOf(qs []eval.Question) []string {
	seen := map[string]bool{}
	var out []string
	for _, q := range qs {
		if !seen[q.Article] {
			seen[q.Article] = true
			out = append(out, q.Article)
		}
	}
	sort.Strings(out)
	return out
}

// loadArticles parses the named articles of a folder.
func loadArticles(ctx context.Context, dir string, names []string) (*corpus.Corpus, error) {
	var arts []*corpus.Article
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(filepath.Join(dir, n+".txt"))
		if err != nil {
			return nil, err
		}
		a, err := corpus.Parse(ctx, n, data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		a.ID = n
		for i := range a.Sentences {
			a.Sentences[i].Article = n
		}
		arts = append(arts, a)
	}
	return corpus.New(arts), nil
}

// squadParagraph is one line of squad-train-all.jsonl.gz.
type squadParagraph struct {
	Article   string          `json:"article"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	Questions []eval.Question `json:"questions"`
}

// loadSquadAll reads up to limit questions of every SQuAD training
// paragraph not in skip, taking whole paragraphs in file order.
func loadSquadAll(ctx context.Context, dir string, limit int, skip map[string]bool) (*set, error) {
	f, err := os.Open(filepath.Join(dir, squadAll))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", squadAll, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var arts []*corpus.Article
	var qs []eval.Question
	for sc.Scan() && len(qs) < limit {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var p squadParagraph
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("%s: %w", squadAll, err)
		}
		if skip[p.Article] {
			continue
		}
		a, err := corpus.Parse(ctx, p.Article, []byte(p.Title+"\n\n"+p.Text+"\n"))
		if err != nil {
			continue
		}
		a.ID = p.Article
		for i := range a.Sentences {
			a.Sentences[i].Article = p.Article
		}
		arts = append(arts, a)
		for _, q := range p.Questions {
			q.Article = p.Article
			qs = append(qs, q)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", squadAll, err)
	}
	c := corpus.New(arts)
	e, err := bot.New(ctx, c, nil, bot.WithScanUpTo(1<<30))
	if err != nil {
		return nil, err
	}
	return &set{name: "squad-all", qs: qs, c: c, engine: e}, nil
}

// group is what a question's cross-validation fold is drawn by: its
// article, or, for SQuAD, its Wikipedia title, whose paragraphs share
// names and facts.
func group(setName string, q eval.Question) string {
	if strings.HasPrefix(q.Article, "sqt-") {
		t := q.Article
		if i := strings.LastIndexByte(t, '-'); i > 0 {
			t = t[:i]
		}
		return "squad:" + t
	}
	return setName + ":" + q.Article
}

// swapped makes, from each answerable question of a set that names
// something its article holds, a question the article cannot answer: the
// name swapped for a name from another article of the set that this one
// never uses ("Who is the Finnish minister?" becomes "Who is the Kenyan
// minister?"), as SQuAD 2.0's unanswerable questions were written. They
// teach the answer decision that a question about someone or something
// absent has no answer, however well the rest of it matches.
func swapped(s *set) []eval.Question {
	articles := s.c.Articles
	texts := map[string]string{}
	var pool []string
	seen := map[string]bool{}
	for _, a := range articles {
		var b strings.Builder
		for _, sent := range a.Sentences {
			for _, f := range sent.Facts {
				switch f.Kind {
				case facts.KindPerson, facts.KindPlace, facts.KindOrg:
					for _, w := range strings.Fields(f.Text) {
						w = strings.Trim(w, ".,;:'’\"“”()")
						if len(w) > 2 && unicode.IsUpper([]rune(w)[0]) && !seen[w] {
							seen[w] = true
							pool = append(pool, w)
						}
					}
				}
			}
			b.WriteString(sent.Text)
			b.WriteByte(' ')
		}
		texts[a.ID] = strings.ToLower(b.String())
	}
	sort.Strings(pool)
	if len(pool) == 0 {
		return nil
	}
	var out []eval.Question
	for _, q := range s.qs {
		if len(q.Answers) == 0 {
			continue
		}
		art := q.Article
		if art == "" && len(articles) == 1 {
			art = articles[0].ID
		}
		text := texts[art]
		words := strings.Fields(q.Question)
		for i, w := range words {
			bare := strings.Trim(w, ".,;:?!'’\"“”()")
			if i == 0 || len(bare) < 3 || !unicode.IsUpper([]rune(bare)[0]) || !strings.Contains(text, strings.ToLower(bare)) {
				continue
			}
			h := fnv.New32a()
			h.Write([]byte(q.ID))
			start := int(h.Sum32() % uint32(len(pool)))
			for k := 0; k < len(pool); k++ {
				sub := pool[(start+k)%len(pool)]
				if strings.Contains(text, strings.ToLower(sub)) {
					continue
				}
				nw := append([]string(nil), words...)
				nw[i] = strings.Replace(w, bare, sub, 1)
				out = append(out, eval.Question{ID: q.ID + "-swap", Article: q.Article, Kind: "none", Question: strings.Join(nw, " ")})
				break
			}
			break
		}
	}
	return out
}
