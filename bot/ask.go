package bot

import (
	"context"
	_ "embed"
	"fmt"
	"math"
	"strings"

	"github.com/articlebot/articlebot/bot/candidate"
	"github.com/articlebot/articlebot/bot/decide"
	"github.com/articlebot/articlebot/bot/question"
	"github.com/articlebot/articlebot/bot/rank"
	"github.com/articlebot/articlebot/bot/retrieve"
	"github.com/articlebot/articlebot/corpus/facts"
)

// modelFile is the ranking model, trained by `go run ./cmd/train`.
//
//go:embed model.txt
var modelFile []byte

func builtinModel() (*rank.Model, error) {
	m, err := rank.ReadWeights(modelFile)
	if err != nil {
		return nil, fmt.Errorf("bot: built-in model: %w", err)
	}
	return m, nil
}

// Analysis is a question carried through the stages of answering up to
// the ranking: what the trainer learns from, and what Ask ranks and
// decides on.
type Analysis struct {
	Q      *question.Question
	Hits   []retrieve.Hit
	Scored []rank.Scored // the candidates with their features
	// Names names the features, when Analyse was asked to.
	Names rank.Names
}

// Analyse parses a question, retrieves its sentences and proposes and
// describes their candidates. With names set, it names the features it
// has not named before there (and in Analysis.Names).
func (e *Engine) Analyse(ctx context.Context, q Question, names rank.Names) (*Analysis, error) {
	qt, err := cleanInput(q.Text, "question")
	if err != nil {
		return nil, err
	}
	if err := e.checkArticle(q.Article); err != nil {
		return nil, err
	}
	pq := question.Parse(e.tagger, qt)
	if q.Kind != "" && pq.Kind != q.Kind {
		// A command that asks one kind of question with the user's words
		// ("/who-said the plan would fail").
		if prefix := kindPrefix[q.Kind]; prefix != "" {
			pq = question.Parse(e.tagger, prefix+qt)
		}
		pq.Kind = q.Kind
	}
	hits, err := retrieve.Sentences(ctx, e.searcher(q.Article), docs{e}, pq, q.Article, retrieve.Options{})
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	cands := candidate.Generate(hits, candidate.MaxSentences)
	x := rank.NewContext(pq, hits, cands)
	return &Analysis{Q: pq, Hits: hits, Scored: rank.Featurize(x, cands, names), Names: names}, nil
}

// Shown is the answer the user would read if candidate s won (see shown).
func (an *Analysis) Shown(s *rank.Scored) string { return shown(an.Q, s.Candidate) }

// kindPrefix turns a forced kind's words into a question of that kind.
var kindPrefix = map[Kind]string{
	KindWhoSaid: "Who said ",
	KindHowMany: "How many ",
}

// supportSentences is how many sentences an answer cites.
const supportSentences = 3

// seeAlsoShare is how much of the best sentence's match with the question
// another sentence needs to be shown beside the answer: a sentence that
// holds under half of what the best does is seldom about the same thing.
const seeAlsoShare = 0.5

// Ask answers a question from the articles. When they don't say, the
// answer has NoAnswer set and the closest sentences.
func (e *Engine) Ask(ctx context.Context, q Question) (*Answer, error) {
	var names rank.Names
	if q.Explain {
		names = rank.Names{}
	}
	an, err := e.Analyse(ctx, q, names)
	if err != nil {
		return nil, err
	}
	return e.Answer(q, an, e.model), nil
}

// Answer ranks an analysed question's candidates with m and decides on
// its answer.
func (e *Engine) Answer(q Question, an *Analysis, m *rank.Model) *Answer {
	an.Scored = rank.Rank(m, an.Scored)
	ans := &Answer{Question: q.Text, Kind: an.Q.Kind, Sentences: []Citation{}, Facts: []facts.Fact{}}
	fs := decide.Features(an.Q, an.Hits, an.Scored)
	ok, p := decide.Model(m.Decide).Answer(fs)
	if len(an.Scored) == 0 {
		ok = false
	}
	if q.Explain {
		ans.Explain = e.explain(an, m, fs, p)
	}
	if !ok {
		ans.NoAnswer = true
		ans.Confidence = round2(1 - p)
		for _, h := range an.Hits {
			if len(ans.Sentences) == supportSentences {
				break
			}
			ans.Sentences = append(ans.Sentences, e.cite(h.Sent.Sentence))
		}
		return ans
	}
	top := an.Scored[0]
	ans.Text = shown(an.Q, top.Candidate)
	ans.Confidence = round2(p)
	ans.Sentences = append(ans.Sentences, e.cite(top.Hit.Sent.Sentence))
	best := 0.0
	for _, h := range an.Hits {
		best = math.Max(best, h.Coverage)
	}
	for _, h := range an.Hits {
		if len(ans.Sentences) == supportSentences {
			break
		}
		if h.Sent != top.Hit.Sent && h.Coverage >= seeAlsoShare*best {
			ans.Sentences = append(ans.Sentences, e.cite(h.Sent.Sentence))
		}
	}
	if top.Fact != nil {
		ans.Facts = append(ans.Facts, *top.Fact)
	}
	for _, f := range top.Hit.Sent.Facts {
		if top.Fact != nil && f == *top.Fact {
			continue
		}
		if f.Start >= 0 && strings.Contains(ans.Text, f.Text) {
			ans.Facts = append(ans.Facts, f)
		}
	}
	return ans
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// maxCountedGap is how many words (adjectives, nouns) may stand between a
// number and the noun it counts for shown to join them ("10,000 to
// 30,000 troops", "200 military planners").
const maxCountedGap = 2

// numeric are the candidate types that are numbers.
const numeric = candidate.Number | candidate.Quantity | candidate.Money | candidate.Percent | candidate.Duration

// shown is the answer as the user reads it: the candidate's span, and for
// a number the words that qualify it in the sentence. A number keeps its
// approximator ("more than 800", "at least four", "up to 4 inches": the
// bare number would claim more than the article does), and a bare count
// what it counts, when the sentence names that right after it and the
// question asks how many of it ("how many troops": "10,000 to 30,000
// troops"). The text is still one span of the same sentence.
func shown(q *question.Question, c *candidate.Candidate) string {
	if c.Elsewhere || c.Type&numeric == 0 {
		return c.Text
	}
	ws := c.Hit.Sent.Words
	sp := c.Span
	var before []string
	for k := max(0, sp.Start-4); k < sp.Start; k++ {
		before = append(before, ws[k].Lower)
	}
	sp.Start -= facts.ApproximatorLen(before)
	if ft := q.FocusTerm(); ft != nil && q.Kind == KindHowMany && c.Type&candidate.Number != 0 {
		for k := sp.End; k < len(ws) && k <= sp.End+maxCountedGap; k++ {
			w := &ws[k]
			if !w.Word || !(w.Tag.Noun() || w.Tag.Adj()) {
				break
			}
			if ft.Holds(w.Stem) > 0 {
				sp.End = k + 1
				break
			}
		}
	}
	return c.Hit.Sent.SpanText(sp)
}

// explainCandidates is how many candidates --explain lists.
const explainCandidates = 10

func (e *Engine) explain(an *Analysis, m *rank.Model, fs []decide.Feature, p float64) *Explanation {
	ex := &Explanation{AnswerProb: round2(p)}
	for i, s := range an.Scored {
		if i == explainCandidates {
			break
		}
		c := ExplainedCandidate{Text: s.Text, Type: s.Type.String(), Sentence: e.cite(s.Hit.Sent.Sentence),
			Score: math.Round(s.Score*1000) / 1000, Prob: round2(s.Prob)}
		for _, f := range s.Feats {
			w := m.Weights[f.Key]
			if w == 0 {
				continue
			}
			c.Features = append(c.Features, ExplainedFeature{Name: an.Names[f.Key], Value: float64(f.Val), Weight: float64(w)})
		}
		ex.Candidates = append(ex.Candidates, c)
	}
	dm := decide.Model(m.Decide)
	ex.NoneProb = round2(dm.ProbNone(fs))
	for _, f := range fs {
		ex.Decision = append(ex.Decision, ExplainedDecision{Name: f.Name, Value: f.Val,
			NoneWeight: dm[decide.NoneName(f.Name)], RightWeight: dm[decide.RightName(f.Name)]})
	}
	return ex
}

// More returns the sentences that match a question after the first
// offset, for a user who wants to read further.
func (e *Engine) More(ctx context.Context, q Question, offset, limit int) ([]Citation, error) {
	if offset < 0 {
		return nil, &UserError{Msg: "That page does not exist."}
	}
	an, err := e.Analyse(ctx, q, nil)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = supportSentences
	}
	var out []Citation
	for i := offset; i < len(an.Hits) && len(out) < limit; i++ {
		out = append(out, e.cite(an.Hits[i].Sent.Sentence))
	}
	return out, nil
}
