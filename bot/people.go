package bot

// Answers about people and their roles: who is, what did they say.

import (
	"context"
	"math"
	"strings"

	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/text"
)

// personByRole answers "who is the Finnish defence minister" and "who runs
// the film market" from the roles the article gives people, and "who is
// Tom Hale" with that person's role.
func (e *Engine) personByRole(ctx context.Context, p *parsed, cands []*cand) *found {
	if len(p.terms) == 0 {
		return nil
	}
	articles := map[string]*articleData{}
	var order []*articleData
	for _, c := range cands {
		if articles[c.d.art.ID] == nil {
			articles[c.d.art.ID] = c.d
			order = append(order, c.d)
		}
	}
	// "Who is Tom Hale?": the question is a name.
	if p.kind == KindWhoIs {
		for _, d := range order {
			for _, person := range d.art.People {
				if len(person.Roles) == 0 || !namesPerson(p, person.Name) || !onlyName(p, person.Name) {
					continue // "who is Quinn's deputy" is not "who is Quinn"
				}
				role := longest(person.Roles)
				c := e.sentenceWith(d, role, person.Sentences)
				if c == nil {
					continue
				}
				return &found{text: role, c: c, bonus: 1, facts: personFacts(c, person.Name)}
			}
		}
	}
	var best *found
	bestCov := 0.0
	for _, d := range order {
		if ctx.Err() != nil {
			return nil
		}
		w := e.termWeights(ctx, p, d)
		var introduced []int
		for pi, person := range d.art.People {
			if namesPerson(p, person.Name) {
				continue
			}
			roleCov := 0.0
			for ri, role := range person.Roles {
				cov, _ := e.lx.coverage(p.terms, w, d.roles[pi][ri])
				roleCov = math.Max(roleCov, cov)
				if cov < minRoleCoverage || cov <= bestCov {
					continue
				}
				c := e.sentenceWith(d, role, person.Sentences)
				if c == nil {
					continue
				}
				bestCov = cov
				best = &found{text: person.Name, c: c, bonus: 1, facts: personFacts(c, person.Name)}
			}
			if roleCov > 0 && len(person.Sentences) > 0 {
				introduced = append(introduced, pi)
			}
		}
		if best != nil {
			continue
		}
		// "Who speaks for Northgate?": the role ("Spokesman") with the
		// sentence that introduces the person and the one before it
		// ("It was a similar story at Northgate in Kent."). The role must
		// answer part of the question itself.
		for _, pi := range introduced {
			person := d.art.People[pi]
			first := person.Sentences[0]
			cov, _ := e.lx.coverage(p.terms, w, d.intros[pi])
			if cov >= minRoleCoverage && cov > bestCov {
				c := &cand{a: d.sents[first-1], d: d, cov: cov, score: cov}
				bestCov = cov
				best = &found{text: person.Name, c: c, bonus: 0.5, facts: personFacts(c, person.Name)}
			}
		}
	}
	return best
}

// inName reports whether a lower-case word is one of a name's words.
func inName(w, name string) bool {
	for _, t := range text.Tokenize(name) {
		if t.Word && t.Bare() == w {
			return true
		}
	}
	return false
}

// onlyName reports whether the question's words are all the person's
// name: "who is Mara Quinn", not "who is Mara Quinn's deputy".
func onlyName(p *parsed, name string) bool {
	for _, t := range p.terms {
		if !inName(t.word, name) {
			return false
		}
	}
	return true
}

// namesPerson reports whether the question names the person: their full
// name, or their surname.
func namesPerson(p *parsed, name string) bool {
	toks := text.Tokenize(name)
	if len(toks) == 0 {
		return false
	}
	sur := text.StripPossessive(toks[len(toks)-1].Lower)
	for _, t := range p.toks {
		if t.Word && t.Bare() == sur {
			return true
		}
	}
	return false
}

func longest(ss []string) string {
	best := ""
	for _, s := range ss {
		if len(s) > len(best) {
			best = s
		}
	}
	return best
}

// sentenceWith returns the first of the sentences (1-based numbers) that
// holds the text, as a candidate.
func (e *Engine) sentenceWith(d *articleData, s string, nums []int) *cand {
	for _, n := range nums {
		if n >= 1 && n <= len(d.sents) && strings.Contains(d.sents[n-1].sent.Text, s) {
			return &cand{a: d.sents[n-1], d: d, cov: 1, score: 1}
		}
	}
	for _, a := range d.sents {
		if strings.Contains(a.sent.Text, s) {
			return &cand{a: a, d: d, cov: 1, score: 1}
		}
	}
	return nil
}

func personFacts(c *cand, name string) []facts.Fact {
	var out []facts.Fact
	for _, f := range c.a.sent.Facts {
		if f.Kind == facts.KindPerson && f.Value == name {
			out = append(out, f)
		}
	}
	return out
}

// whatSaid answers "what did X say about Y": the words of X's quote that
// best match Y.
func (e *Engine) whatSaid(p *parsed, cands []*cand) *found {
	var best *found
	for _, c := range cands {
		for _, f := range c.a.sent.Facts {
			if f.Kind != facts.KindQuote || f.Speaker == "" || !namesPerson(p, f.Speaker) {
				continue
			}
			// Rank by the question's other words ("about peace"), not
			// by the speaker's name, which the quote may not repeat.
			score, topic := 0.0, 0
			for _, t := range p.terms {
				if inName(t.word, f.Speaker) || t.stem == "say" {
					continue
				}
				topic++
				m, _ := e.lx.matchTerm(t, c.a)
				score += m
			}
			if topic > 0 && score == 0 {
				continue // nothing they said is about that
			}
			if best == nil || score > best.bonus {
				best = &found{text: f.Text, c: c, facts: []facts.Fact{f}, bonus: score}
			}
		}
	}
	return best
}
