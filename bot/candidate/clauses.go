package candidate

import (
	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/corpus/pos"
)

// clauseCues are the closed-class words that open a clause giving a
// reason, a purpose, a means, a time or what was said; a clause candidate
// runs from the cue to the end of its clause.
var clauseCues = map[string]bool{
	"because": true, "since": true, "as": true, "so": true, "to": true, "by": true,
	"after": true, "before": true, "through": true, "amid": true, "following": true,
	"due": true, "thanks": true, "that": true, "for": true, "with": true, "while": true,
	"when": true, "if": true, "unless": true, "until": true, "despite": true,
}

// clauses proposes, after each cue, the clause it opens, with the cue and
// without it ("to strengthen its position", "strengthen its position").
func (g *gen) clauses() {
	ws := g.s.Words
	for i, w := range ws {
		if !w.Word || !clauseCues[w.Lower] {
			continue
		}
		// "to" opens a purpose only before a verb; "that" a clause only
		// after a verb ("said that", "warned that").
		if w.Lower == "to" && (i+1 >= len(ws) || ws[i+1].Tag != pos.VB) {
			continue
		}
		if w.Lower == "that" && (i == 0 || !ws[i-1].Tag.Verb()) {
			continue
		}
		from := i + 1
		// Two-word cues: "because of", "due to", "thanks to", "so that", "in order to".
		if from < len(ws) {
			switch ws[from].Lower {
			case "of", "to", "that":
				if w.Lower == "because" || w.Lower == "due" || w.Lower == "thanks" || w.Lower == "so" {
					from++
				}
			}
		}
		end := clauseEnd(ws, from)
		if end-from < 2 {
			continue
		}
		start := i
		if i > 1 && ws[i-1].Lower == "order" && ws[i-2].Lower == "in" {
			start = i - 2
		}
		c := len(g.out)
		g.add(doc.Span{Start: start, End: end}, Clause, nil)
		g.add(doc.Span{Start: from, End: end}, Clause, nil)
		for k := c; k < len(g.out); k++ {
			g.out[k].Cue = w.Lower
		}
	}
}

// clauseEnd is where a clause that starts at from ends: at a comma,
// semicolon, colon, dash, closing quote or the sentence's end, and at most
// maxClause words on.
func clauseEnd(ws []doc.Word, from int) int {
	j := from
	for j < len(ws) && j-from < maxClause {
		switch ws[j].Text {
		case ",", ";", ":", ".", "!", "?", "—", "–", "”", "\"", "(", ")":
			return j
		}
		if ws[j].Text == "-" && j > from && !ws[j-1].Word {
			return j
		}
		j++
	}
	return j
}

// quotes proposes the quoted words of a sentence that the facts did not
// hold as a quote: "what did she call the plan" -> "a disaster".
func (g *gen) quotes() {
	ws := g.s.Words
	open := -1
	for i, w := range ws {
		switch w.Text {
		case "“":
			open = i
		case "”":
			if open >= 0 && i-open > 1 && i-open <= maxClause {
				g.add(doc.Span{Start: open + 1, End: i}, Quote, nil)
			}
			open = -1
		case "\"":
			if open < 0 {
				open = i
			} else {
				if i-open > 1 && i-open <= maxClause {
					g.add(doc.Span{Start: open + 1, End: i}, Quote, nil)
				}
				open = -1
			}
		}
	}
}
