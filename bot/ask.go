package bot

import (
	"context"
	"fmt"
	"math"

	"github.com/articlebot/articlebot/corpus/facts"
)

// minCoverage is the least share of a question's words the answering
// sentence must hold; below it the article doesn't say.
const minCoverage = 0.5

// minRoleCoverage is the least share of a "who is the …" question's words
// a person's role must hold for the person to be the answer.
const minRoleCoverage = 0.85

// found is an answer taken from one sentence.
type found struct {
	text   string
	c      *cand
	facts  []facts.Fact
	bonus  float64 // how well the answer fits the question's type
	counts bool    // a number that counts what the question counts
}

// Ask answers a question from the articles. When they don't say, the
// answer has NoAnswer set and the closest sentences.
func (e *Engine) Ask(ctx context.Context, q Question) (*Answer, error) {
	p, cands, err := e.prepare(ctx, q)
	if err != nil {
		return nil, err
	}
	ans := &Answer{Question: q.Text, Kind: p.kind, Sentences: []Citation{}, Facts: []facts.Fact{}}
	f, err := e.extract(ctx, p, cands)
	if err != nil {
		return nil, err
	}
	if f == nil || f.text == "" {
		ans.NoAnswer = true
		for i, c := range cands {
			if i == 3 || c.cov < 0.2 {
				break
			}
			ans.Sentences = append(ans.Sentences, e.cite(c.a.sent))
		}
		if len(cands) > 0 {
			ans.Confidence = round2(1 - cands[0].cov*0.5)
		} else {
			ans.Confidence = 1
		}
		return ans, nil
	}
	ans.Text = f.text
	ans.Confidence = round2(math.Min(1, f.c.cov*0.8+math.Min(f.bonus, 0.5)*0.4))
	ans.Sentences = append(ans.Sentences, e.cite(f.c.a.sent))
	for _, c := range cands {
		if len(ans.Sentences) == 3 || c.cov < minCoverage*0.8 {
			break
		}
		if c.a != f.c.a {
			ans.Sentences = append(ans.Sentences, e.cite(c.a.sent))
		}
	}
	if f.facts != nil {
		ans.Facts = f.facts
	}
	return ans, nil
}

// More returns up to limit of the sentences that match a question, after
// the first offset, for a user who wants to read further (limit 0: 3). An
// offset past the sentences the engine ranks gives none; a negative one is
// a UserError.
func (e *Engine) More(ctx context.Context, q Question, offset, limit int) ([]Citation, error) {
	if offset < 0 {
		return nil, &UserError{Msg: fmt.Sprintf("There is no sentence before the first (asked for offset %d).", offset)}
	}
	if limit <= 0 {
		limit = 3
	}
	_, cands, err := e.prepare(ctx, q)
	if err != nil {
		return nil, err
	}
	out := []Citation{}
	if offset >= len(cands) {
		return out, nil
	}
	for _, c := range cands[offset : offset+min(limit, len(cands)-offset)] {
		out = append(out, e.cite(c.a.sent))
	}
	return out, nil
}

// prepare checks and parses a question and ranks the sentences that may
// answer it.
func (e *Engine) prepare(ctx context.Context, q Question) (*parsed, []*cand, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("bot: ask: %w", err)
	}
	qt, err := cleanInput(q.Text, "question")
	if err != nil {
		return nil, nil, err
	}
	if err := e.checkArticle(q.Article); err != nil {
		return nil, nil, err
	}
	p := parseQuestion(qt, q.Kind)
	cands, err := e.candidates(ctx, &p, q.Article)
	if err != nil {
		return nil, nil, err
	}
	return &p, cands, nil
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// extract takes the answer of the expected type from the best sentences
// of the articles that mention what the question asks about.
func (e *Engine) extract(ctx context.Context, p *parsed, cands []*cand) (*found, error) {
	cands = e.withoutAbsent(p, cands)
	if len(cands) == 0 {
		return nil, nil
	}
	f := e.extractFrom(ctx, p, cands)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("bot: extract: %w", err)
	}
	return f, nil
}

// extractFrom is extract over candidates of articles that mention what
// the question asks about. When ctx ends it stops early; extract reports
// why.
func (e *Engine) extractFrom(ctx context.Context, p *parsed, cands []*cand) *found {
	if p.kind == KindWhat && p.asksRole() && p.namesSomeone(cands[0].d) {
		p.kind = KindWhoIs // "what is Virtanen's job": her role
	}
	if p.kind == KindWhoIs || p.kind == KindWho {
		if f := e.personByRole(ctx, p, cands); f != nil {
			return f
		}
		if p.kind == KindWhoIs && !p.namesSomeone(cands[0].d) {
			// "Who is the prosecution's star witness?": the article may
			// say "The prosecution's star witness is Mr Sullivan"; else
			// ("Who is the Polish Defense Minister?") no one it names has
			// that role.
			for _, c := range cands {
				if c.cov >= minRoleCoverage {
					if f := e.copulaPerson(p, c); f != nil {
						return f
					}
				}
			}
			return nil
		}
		if p.kind == KindWhoIs {
			// "Who is Nancy Rothwell?" is answered with her role or not
			// at all, never with someone else in her sentence.
			for _, c := range cands {
				if f := e.attribute(p, c); f != nil {
					return f
				}
			}
			return nil
		}
	}
	if p.kind == KindWhatSaid {
		return e.whatSaid(p, cands)
	}
	least := minCoverage
	switch {
	case p.kind == KindWhoSaid:
		// Quotes are paraphrased more than facts: a few shared words
		// with a speaker beat none.
		least = 0.25
	case p.kind == KindWhich && e.personFocus(p):
		least = 0.35
	case p.kind == KindWhich && focusKind(p.focus) != "":
		// Names of the kind asked for ("which states" -> places) need
		// fewer of the question's other words, as counted numbers do.
		least = 0.34
	case p.kind == KindHowMany && len(p.focus) > 0:
		// A number that counts what the question counts ("10,000 to
		// 30,000 troops" for "how many soldiers") needs fewer of the
		// question's other words.
		least = 0.34
	}
	var best *found
	for i, c := range cands {
		if i == 8 || ctx.Err() != nil {
			break
		}
		if c.cov < least {
			continue // ranked by score, which weighs more than coverage
		}
		if !e.namesHold(p, c) {
			continue
		}
		f := e.fromSentence(p, c)
		if f == nil || f.text == "" {
			continue
		}
		if c.cov < minCoverage && (p.kind == KindHowMany || p.kind == KindWhich) && !f.counts {
			continue
		}
		if p.kind == KindWhoSaid && p.speech != "" && p.speech != "say" && c.a.stems[p.speech] {
			f.bonus += 0.1 // "who dismissed …" meets "The Tories dismissed …"
		}
		if best == nil || c.score+f.bonus > best.c.score+best.bonus {
			best = f
		}
	}
	return best
}

// extractor takes an answer of one shape from one sentence, or nil.
type extractor func(p *parsed, c *cand) *found

// extractors lists, for each kind of question, the shapes of answer to try
// on a sentence, best first.
func (e *Engine) extractors(k Kind) []extractor {
	switch k {
	case KindWhoSaid:
		// A quote's speaker; else, below any speaker, a person who did
		// it ("Who asked military leaders …") or the clause's subject.
		return []extractor{e.speaker, penalised(e.personAgent, 0.3), penalised(e.subject, 0.15)}
	case KindHowMany:
		return []extractor{e.quantity}
	case KindWhen:
		return []extractor{e.time, e.timeNearby}
	case KindWhere:
		return []extractor{e.place}
	case KindWho, KindWhoIs:
		return []extractor{e.agent}
	case KindWhy:
		return []extractor{e.reason}
	case KindYesNo:
		return []extractor{e.yesNo}
	case KindHow:
		return []extractor{e.manner, e.tail}
	case KindWhich:
		return []extractor{e.countryOf, e.entity, e.personSpeaker, e.tail}
	}
	return []extractor{e.definition, e.named, e.attribute, e.copulaSubject, e.tail}
}

// fromSentence takes the answer of the question's kind from one sentence.
func (e *Engine) fromSentence(p *parsed, c *cand) *found {
	for _, x := range e.extractors(p.kind) {
		if f := x(p, c); f != nil {
			return f
		}
	}
	return nil
}

// penalised lowers the fit of what x finds, for a fallback shape.
func penalised(x extractor, by float64) extractor {
	return func(p *parsed, c *cand) *found {
		f := x(p, c)
		if f != nil {
			f.bonus -= by
		}
		return f
	}
}

// personAgent is agent, when the doer it finds is a person.
func (e *Engine) personAgent(p *parsed, c *cand) *found {
	if f := e.agent(p, c); f != nil && len(f.facts) > 0 && f.facts[0].Kind == facts.KindPerson {
		return f
	}
	return nil
}

// personSpeaker is the sentence's speaker, for a which-question about a
// person ("which star wasn't sure he should come").
func (e *Engine) personSpeaker(p *parsed, c *cand) *found {
	if !e.personFocus(p) {
		return nil
	}
	return e.speaker(p, c)
}
