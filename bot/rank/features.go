package rank

import (
	"math"
	"sort"
	"strings"

	"github.com/articlebot/articlebot/bot/candidate"
	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/bot/question"
	"github.com/articlebot/articlebot/bot/retrieve"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/lexicon"
	"github.com/articlebot/articlebot/corpus/pos"
)

// The feature templates. Most are conjoined with the question's form (its
// wh-word), since what makes a good answer to "when" is not what makes one
// to "who".
const (
	tBias            tmpl = iota // wh
	tKindType                    // question kind x candidate type
	tWhType                      // wh x candidate type
	tFocusType                   // the question's focus word x candidate type
	tFocusTag                    // focus word x the candidate head's part of speech
	tWhHeadTag                   // wh x the candidate head's part of speech
	tCoverage                    // wh: the sentence's weighted share of question words
	tCoverageSq                  // wh: its square
	tPrevCov                     // wh: the share the sentence before adds
	tRank                        // wh x the sentence's retrieval rank
	tBestGap                     // wh: how far the sentence's coverage is below the best
	tOverlap                     // wh x share of the candidate's words that are question words
	tAllQuestion                 // wh: every word of the candidate is in the question
	tNear                        // wh x window: question weight matched within the window
	tDist                        // wh x distance to the nearest matched question word
	tLeft                        // wh x the closed-class word or tag before the candidate
	tRight                       // wh x the closed-class word or tag after it
	tVerbSide                    // subject question? x the candidate before or after the matched verb
	tSpeech                      // wh x a speech verb next to the candidate
	tInQuote                     // wh: the candidate is inside quotation marks
	tLen                         // wh x length bucket
	tCaps                        // wh x share of capitalised words bucket
	tFocusIn                     // wh: the candidate holds the focus noun
	tFocusHead                   // wh: the candidate's head is the focus noun
	tElsewhere                   // wh: the answer is named in another sentence
	tCue                         // wh x clause cue
	tFact                        // wh x fact kind it came from
	tSentStart                   // wh: the candidate opens its sentence
	tApposition                  // wh: the candidate stands between commas after a name
	tTypeCount                   // kind x type x how many candidates share the type (1 / more)
	tFocusDF                     // wh: the focus noun is in the sentence
	tNameNear                    // wh: a question name is within the window
	tVerbDist                    // subject? x distance to the matched verb bucket
	tVerbType                    // the question's main verb x candidate type
	tKindLeft                    // kind x the word before the candidate
	tKindRight                   // kind x the word after it
	tSideShare                   // subject? x wh x share of matched question weight left of the candidate
	tKindSpeech                  // kind x a speech verb next to the candidate
	tKindDist                    // kind x distance to the nearest matched question word
	tNextVerbMatched             // wh: the word after the candidate is the matched main verb (its subject)
	tPrevVerbMatched             // wh: the candidate follows the matched verb, at most a preposition or article between (its object)
	tInside                      // kind x how many candidates of its sentence contain it
	tHolds                       // kind x a type of candidate it contains
	tAdjacent                    // kind x side: a question word right next to it (within two words)
	tKindLen                     // kind x length bucket
	tTypeDist                    // kind x type x distance to the nearest question word
	tTypeRank                    // kind x type x sentence rank
	tTypeLeft                    // kind x type x the word before
	tTypeRight                   // kind x type x the word after
	tTypeOverlap                 // kind x type x overlap with the question
	tNumShape                    // kind x how a number is written: digits, a number word, in a hyphenated word, followed by "of"
	tFocusNext                   // kind x side: the question\'s focus noun right after (or before) the candidate
	tExact                       // wh: the sentence\'s weighted share of question words, word for word
	tProx                        // kind: soft nearness to the question\'s words
	tProxRank                    // kind x main type: its nearness rank among like candidates
	tGlobalRank                  // kind x main type: its rank among like candidates of every sentence
	tSentTypes                   // kind x main type: how many like candidates its sentence has
	tFocusClass                  // a class of the focus noun x candidate type
	tNamedType                   // kind x the question names someone x candidate type
	tPluralType                  // kind x the question asks for several x candidate type
	tHeadClass                   // kind x a WordNet class of the candidate\'s head noun (person, organization, time period …)
	tHeadPlace                   // kind x the candidate names a known place (country, state, city)
	tPairs                       // wh: the share of the question\'s word pairs the sentence holds together
	tTypeCov                     // kind x type x the sentence\'s coverage, in quarters
	numTemplates
)

func whName(x uint64) string   { return question.Wh(x).String() }
func typeName(x uint64) string { return candidate.TypeName(int(x)) }
func tagName(x uint64) string  { return pos.Tag(x).String() }
func boolName(x uint64) string {
	if x != 0 {
		return "yes"
	}
	return "no"
}

var kinds = []question.Kind{question.KindWhoSaid, question.KindWhatSaid, question.KindWhoIs, question.KindWho,
	question.KindHowMany, question.KindWhen, question.KindWhere, question.KindWhich, question.KindWhy,
	question.KindWhat, question.KindHow, question.KindYesNo, question.KindOther}

func kindID(k question.Kind) uint64 {
	for i, x := range kinds {
		if x == k {
			return uint64(i)
		}
	}
	return uint64(len(kinds))
}

func kindName(x uint64) string {
	if int(x) < len(kinds) {
		return string(kinds[x])
	}
	return "?"
}

var templates = [numTemplates]tmplInfo{
	tBias:            {"bias", whName, nil},
	tKindType:        {"kind×type", kindName, typeName},
	tWhType:          {"wh×type", whName, typeName},
	tFocusType:       {"focus×type", nil, typeName},
	tFocusTag:        {"focus×headtag", nil, tagName},
	tWhHeadTag:       {"wh×headtag", whName, tagName},
	tCoverage:        {"coverage", whName, nil},
	tCoverageSq:      {"coverage²", whName, nil},
	tPrevCov:         {"prev-coverage", whName, nil},
	tRank:            {"rank", whName, num},
	tBestGap:         {"below-best", whName, nil},
	tOverlap:         {"overlap", whName, num},
	tAllQuestion:     {"all-question-words", whName, nil},
	tNear:            {"near", whName, num},
	tDist:            {"dist", whName, num},
	tLeft:            {"left", whName, contextName},
	tRight:           {"right", whName, contextName},
	tVerbSide:        {"verb-side", boolName, num},
	tSpeech:          {"speech-verb", whName, num},
	tInQuote:         {"in-quote", whName, nil},
	tLen:             {"len", whName, num},
	tCaps:            {"caps", whName, num},
	tFocusIn:         {"focus-in", whName, nil},
	tFocusHead:       {"focus-head", whName, nil},
	tElsewhere:       {"elsewhere", whName, nil},
	tCue:             {"cue", whName, cueName},
	tFact:            {"fact", whName, num},
	tSentStart:       {"sentence-start", whName, nil},
	tApposition:      {"apposition", whName, nil},
	tTypeCount:       {"type-count", kindTypeName, num},
	tFocusDF:         {"focus-in-sentence", whName, nil},
	tNameNear:        {"name-near", whName, nil},
	tVerbDist:        {"verb-dist", boolName, num},
	tVerbType:        {"verb×type", nil, typeName},
	tKindLeft:        {"kind×left", kindName, contextName},
	tKindRight:       {"kind×right", kindName, contextName},
	tSideShare:       {"left-share", sideName, num},
	tKindSpeech:      {"kind×speech-verb", kindName, num},
	tKindDist:        {"kind×dist", kindName, num},
	tNextVerbMatched: {"subject-of-verb", whName, nil},
	tPrevVerbMatched: {"object-of-verb", whName, nil},
	tInside:          {"inside", kindName, num},
	tHolds:           {"holds", kindName, typeName},
	tAdjacent:        {"adjacent-match", kindName, num},
	tKindLen:         {"kind×len", kindName, num},
	tTypeDist:        {"kind×type×dist", kindTypeName, num},
	tTypeRank:        {"kind×type×rank", kindTypeName, num},
	tTypeLeft:        {"kind×type×left", kindTypeName, contextName},
	tTypeRight:       {"kind×type×right", kindTypeName, contextName},
	tTypeOverlap:     {"kind×type×overlap", kindTypeName, num},
	tNumShape:        {"number-shape", kindName, num},
	tFocusNext:       {"focus-next", kindName, num},
	tExact:           {"exact-coverage", whName, nil},
	tProx:            {"nearness", kindName, nil},
	tProxRank:        {"nearness-rank", kindMainTypeName, num},
	tGlobalRank:      {"global-rank", kindMainTypeName, num},
	tSentTypes:       {"sentence-type-count", kindMainTypeName, num},
	tFocusClass:      {"focus-class×type", className, typeName},
	tNamedType:       {"named×type", kindName, typeName},
	tPluralType:      {"plural×type", kindName, typeName},
	tHeadClass:       {"head-class", kindName, className},
	tHeadPlace:       {"known-place", kindName, num},
	tPairs:           {"pairs", whName, nil},
	tTypeCov:         {"kind×type×coverage", kindTypeName, num},
}

func className(x uint64) string { return lexicon.Class(1 << x).String() }

func kindMainTypeName(x uint64) string { return kindName(x/100) + " " + typeName(x%100) }

// kindType packs a question kind and a candidate type bit into one argument.
func kindType(kind uint64, t int) uint64 { return kind<<8 | uint64(t) }

// sideName names tSideShare's first argument: subject or object
// question, and the wh-word.
func sideName(x uint64) string {
	s := "object "
	if x >= 100 {
		s = "subject "
	}
	return s + whName(x%100)
}

// cueName names a clause's cue; "+cue" when the candidate starts with it.
func cueName(x uint64) string {
	s := ""
	if x >= 500 {
		s, x = "+cue ", x-500
	}
	if int(x) > len(contextWords) {
		return s + "other"
	}
	return s + contextName(x)
}

func kindTypeName(x uint64) string { return kindName(x>>8) + " " + typeName(x&0xff) }

// contextWords are the closed-class words whose presence next to a
// candidate is a feature of its own; any other neighbour is described by
// its part of speech.
var contextWords = []string{
	"in", "on", "at", "by", "from", "to", "for", "of", "with", "since", "after", "before", "during",
	"than", "about", "as", "into", "near", "over", "under", "between", "until", "within", "because",
	"said", "says", "told", "and", "or", "but", "the", "a", "is", "was", "are", "were", "that", "which",
	"who", "when", "where", "called", "named", "known", "like", "including", "such", "so", "while",
	"through", "via", "per", "around", "nearly", "almost", "some", "more", "less", "up", "down", "be",
	",", ".", "(", ")", ":", ";", "\"", "“", "”", "-", "—", "'s",
}

// contextCode numbers the word or tag next to a candidate: 1..n for the
// context words, 1000+tag otherwise, 0 at the sentence's edge.
func contextCode(w *doc.Word) uint64 {
	for i, c := range contextWords {
		if w.Lower == c {
			return uint64(i + 1)
		}
	}
	return 1000 + uint64(w.Tag)
}

func contextName(x uint64) string {
	switch {
	case x == 0:
		return "<edge>"
	case x >= 1000:
		return pos.Tag(x - 1000).String()
	case int(x) <= len(contextWords):
		return contextWords[x-1]
	}
	return "?"
}

// Context is what the features of one question's candidates share.
type Context struct {
	Q    *question.Question
	Hits []retrieve.Hit
	// best is the highest coverage among the hits.
	best float64
	// typeCounts counts the candidates of each type.
	typeCounts [candidate.NumTypes]int
	// inside[i] counts the candidates of the same sentence that hold
	// candidate i's span; holds[i] is the union of the types of those it
	// holds.
	inside []int
	holds  []candidate.Type
	// prox[i] is candidate i's soft nearness to the question's words;
	// proxRank[i] its place among its sentence's candidates of the same
	// main type, 0 the nearest.
	prox     []float64
	proxRank []int
	// globalRank[i] is candidate i's nearness rank among all the
	// question's candidates of its main type (nearness times its
	// sentence's coverage); sentTypes[i] counts its sentence's candidates
	// of its main type.
	globalRank []int
	sentTypes  []int
	index      map[*candidate.Candidate]int
	sents      map[*retrieve.Hit]*sentInfo
}

// sentInfo is what the features of one sentence's candidates share.
type sentInfo struct {
	quoted   []bool // quoted[i]: word i stands inside quotation marks
	hasFocus bool   // the sentence holds the question's focus noun
	verb     int    // where it holds the question's main verb, or -1
	total    float64
}

func newSentInfo(q *question.Question, h *retrieve.Hit) *sentInfo {
	ws := h.Sent.Words
	si := &sentInfo{quoted: make([]bool, len(ws)), verb: -1}
	in := false
	for j, w := range ws {
		si.quoted[j] = in
		switch w.Text {
		case "“":
			in = true
		case "”":
			in = false
		case "\"":
			in = !in
		}
	}
	if ft := q.FocusTerm(); ft != nil {
		for _, w := range ws {
			if w.Stem == ft.Stem {
				si.hasFocus = true
				break
			}
		}
	}
	for ti, t := range q.Terms {
		if t.Verb && h.Matches[ti].Pos >= 0 {
			si.verb = h.Matches[ti].Pos
		}
	}
	for _, w := range h.Weights {
		si.total += w
	}
	return si
}

// proximity is how near span sp stands to the question's words that its
// sentence holds: each matched word's weight and strength over one plus
// its distance, as a share of all the question's weight.
func proximity(h *retrieve.Hit, sp doc.Span, total float64) float64 {
	if total == 0 {
		return 0
	}
	var got float64
	for ti, m := range h.Matches {
		if m.Pos < 0 || m.Pos >= sp.Start && m.Pos < sp.End {
			continue
		}
		got += h.Weights[ti] * m.Strength / float64(1+distance(m.Pos, sp))
	}
	return got / total
}

// mainType is the first of a candidate's types, for comparing like with like.
func mainType(t candidate.Type) int {
	for i := 0; i < candidate.NumTypes; i++ {
		if t&(1<<i) != 0 {
			return i
		}
	}
	return candidate.NumTypes
}

// NewContext prepares the features of q's candidates.
func NewContext(q *question.Question, hits []retrieve.Hit, cands []candidate.Candidate) *Context {
	c := &Context{Q: q, Hits: hits}
	for _, h := range hits {
		c.best = math.Max(c.best, h.Coverage)
	}
	for _, cd := range cands {
		for i := 0; i < candidate.NumTypes; i++ {
			if cd.Type&(1<<i) != 0 {
				c.typeCounts[i]++
			}
		}
	}
	c.inside = make([]int, len(cands))
	c.holds = make([]candidate.Type, len(cands))
	c.prox = make([]float64, len(cands))
	c.proxRank = make([]int, len(cands))
	c.globalRank = make([]int, len(cands))
	c.sentTypes = make([]int, len(cands))
	c.index = make(map[*candidate.Candidate]int, len(cands))
	c.sents = map[*retrieve.Hit]*sentInfo{}
	// Candidates come sentence by sentence: compare within each run. A
	// candidate is at most candidate.MaxSpan words long, so only those
	// starting within that many words of each other can nest, and the
	// comparison stays linear in the sentence's length.
	for from := 0; from < len(cands); {
		to := from
		for to < len(cands) && cands[to].Hit == cands[from].Hit {
			to++
		}
		si := newSentInfo(q, cands[from].Hit)
		c.sents[cands[from].Hit] = si
		byStart := map[int][]int{}
		for i := from; i < to; i++ {
			c.index[&cands[i]] = i
			if !cands[i].Elsewhere {
				byStart[cands[i].Span.Start] = append(byStart[cands[i].Span.Start], i)
			}
			c.prox[i] = proximity(cands[i].Hit, cands[i].Span, si.total)
		}
		for i := from; i < to; i++ {
			if cands[i].Elsewhere {
				continue
			}
			a := cands[i].Span
			for st := a.Start - candidate.MaxSpan; st <= a.End; st++ {
				for _, j := range byStart[st] {
					b := cands[j].Span
					if i == j || b == a {
						continue
					}
					if b.Start <= a.Start && a.End <= b.End {
						c.inside[i]++
					}
					if a.Start <= b.Start && b.End <= a.End {
						c.holds[i] |= cands[j].Type
					}
				}
			}
		}
		// Nearness ranks among candidates of the same main type.
		best := map[int][]int{}
		for i := from; i < to; i++ {
			mt := mainType(cands[i].Type)
			best[mt] = append(best[mt], i)
		}
		for _, group := range best {
			for _, i := range group {
				c.sentTypes[i] = len(group)
			}
			rankWithin(group, func(i int) float64 { return c.prox[i] }, c.proxRank)
		}
		from = to
	}
	// Across sentences: nearness weighed by the sentence's match.
	byType := map[int][]int{}
	for i := range cands {
		mt := mainType(cands[i].Type)
		byType[mt] = append(byType[mt], i)
	}
	for _, group := range byType {
		rankWithin(group, func(i int) float64 { return c.prox[i] * cands[i].Hit.Coverage }, c.globalRank)
	}
	return c
}

// maxRank is the last nearness rank told apart: the nearest, the second,
// the third, and the rest.
const maxRank = 3

// rankWithin sets rank[i], for each i of group, to how many of the group
// have a greater value (at most maxRank), sorting once: a sentence with
// thousands of candidates costs n log n, not n squared.
func rankWithin(group []int, value func(int) float64, rank []int) {
	order := append([]int(nil), group...)
	sort.SliceStable(order, func(a, b int) bool { return value(order[a]) > value(order[b]) })
	for k, i := range order {
		if k > 0 && value(order[k-1]) == value(i) {
			rank[i] = rank[order[k-1]] // equal values share the first one's rank
			continue
		}
		rank[i] = min(k, maxRank)
	}
}

// windows are the distances, in words, within which question words near a
// candidate are counted.
var windows = [...]int{3, 8}

// Features describes candidate c of the question.
func (x *Context) features(b *builder, c *candidate.Candidate) {
	q := x.Q
	wh := uint64(q.Wh)
	h := c.Hit
	s := h.Sent
	ws := s.Words
	sp := c.Span
	kind := kindID(q.Kind)

	b.on(tBias, wh, 0)
	for i := 0; i < candidate.NumTypes; i++ {
		if c.Type&(1<<i) == 0 {
			continue
		}
		b.on(tWhType, wh, uint64(i))
		b.on(tKindType, kind, uint64(i))
		if q.FocusWord != "" {
			b.onWord(tFocusType, q.FocusWord, uint64(i))
		}
		if q.Verb != "" {
			b.onWord(tVerbType, q.Verb, uint64(i))
		}
		for c := 0; c < 32; c++ {
			if q.FocusClass&(1<<c) != 0 {
				b.on(tFocusClass, uint64(c), uint64(i))
			}
		}
		if q.Names {
			b.on(tNamedType, kind, uint64(i))
		}
		if q.Plural {
			b.on(tPluralType, kind, uint64(i))
		}
		n := x.typeCounts[i]
		b.on(tTypeCount, kindType(kind, i), uint64(min(n, 3)))
	}
	// The features so far say what the candidate is against what the
	// question asks for; the decision reads their score alone (TypeFit).
	b.nType = len(b.feats)
	si := x.sents[h]
	if i, ok := x.index[c]; ok {
		b.on(tInside, kind, uint64(min(x.inside[i], 3)))
		b.val(tProx, kind, 0, float32(x.prox[i]))
		kmt := kind*100 + uint64(min(mainType(c.Type), 99))
		b.on(tProxRank, kmt, uint64(x.proxRank[i]))
		b.on(tGlobalRank, kmt, uint64(x.globalRank[i]))
		b.on(tSentTypes, kmt, uint64(min(x.sentTypes[i], 3)))
		for t := 0; t < candidate.NumTypes; t++ {
			if x.holds[i]&(1<<t) != 0 {
				b.on(tHolds, kind, uint64(t))
			}
		}
	}
	b.on(tKindLen, kind, uint64(lenBucket(sp.End-sp.Start)))
	if c.Type&(candidate.Number|candidate.Quantity|candidate.Money|candidate.Percent) != 0 {
		first := &ws[sp.Start]
		shape := uint64(0)
		switch {
		case first.Tag == pos.CD && first.IsNumber():
			shape = 1
		case first.Tag == pos.CD:
			shape = 2 // a number word
		case strings.Contains(first.Text, "-"):
			shape = 3
		}
		if sp.End < len(ws) && ws[sp.End].Lower == "of" {
			shape += 10
		}
		b.on(tNumShape, kind, shape)
	}
	if ft := q.FocusTerm(); ft != nil {
		for k := sp.End; k < len(ws) && k < sp.End+3; k++ {
			if ft.Holds(ws[k].Stem) > 0 {
				b.on(tFocusNext, kind, 1)
				break
			}
		}
		for k := sp.Start - 1; k >= 0 && k >= sp.Start-3; k-- {
			if ft.Holds(ws[k].Stem) > 0 {
				b.on(tFocusNext, kind, 2)
				break
			}
		}
	}
	head := &ws[sp.End-1]
	b.on(tWhHeadTag, wh, uint64(head.Tag))
	// What the head noun is, by WordNet: "the patient" a person, "the
	// Afghan government" an organization, "last week" a time period.
	lx := lexicon.Default()
	if head.Tag == pos.NN || head.Tag == pos.NNS {
		cls := lx.Classes(lx.Lemma(head.Bare(), lexicon.Noun))
		for cb := 0; cb < 32; cb++ {
			if cls&(1<<cb) != 0 {
				b.on(tHeadClass, kind, uint64(cb))
			}
		}
	}
	if head.Tag.Proper() {
		if pl, ok := lx.Place(c.Text); ok {
			b.on(tHeadPlace, kind, uint64(pl.Kind))
		} else if pl, ok := lx.Place(head.Text); ok && !pl.Ambiguous() {
			b.on(tHeadPlace, kind, 10+uint64(pl.Kind))
		}
	}
	if q.FocusWord != "" {
		b.onWord(tFocusTag, q.FocusWord, uint64(head.Tag))
	}

	// The sentence.
	b.val(tCoverage, wh, 0, float32(h.Coverage))
	b.val(tCoverageSq, wh, 0, float32(h.Coverage*h.Coverage))
	b.val(tExact, wh, 0, float32(h.Exact))
	b.val(tPairs, wh, 0, float32(h.Pairs))
	b.val(tPrevCov, wh, 0, float32(h.PrevCoverage))
	b.on(tRank, wh, uint64(rankBucket(h.Rank)))
	b.val(tBestGap, wh, 0, float32(x.best-h.Coverage))

	// The candidate's own words against the question's.
	inQ, words := 0, 0
	focusIn := false
	for i := sp.Start; i < sp.End; i++ {
		w := &ws[i]
		if !w.Word || w.Stop {
			continue
		}
		words++
		for ti := range q.Terms {
			t := &q.Terms[ti]
			if retrieve.Strength(t, w) > 0 {
				inQ++
				if t.Focus {
					focusIn = true
				}
				break
			}
		}
	}
	overlapB := 0
	if words > 0 {
		share := float64(inQ) / float64(words)
		overlapB = shareBucket(share)
		b.on(tOverlap, wh, uint64(overlapB))
		if inQ == words && !c.Elsewhere {
			b.on(tAllQuestion, wh, 0)
		}
	}
	if focusIn {
		b.on(tFocusIn, wh, 0)
	}
	if ft := q.FocusTerm(); ft != nil {
		if ft.Holds(head.Stem) > 0 {
			b.on(tFocusHead, wh, 0)
		}
		if si.hasFocus {
			b.on(tFocusDF, wh, 0)
		}
	}

	// Question words near the candidate.
	var total float64
	for _, w := range h.Weights {
		total += w
	}
	nearest := math.MaxInt
	nameNear := false
	for wi, win := range windows {
		got := 0.0
		for ti, m := range h.Matches {
			if m.Pos < 0 || (m.Pos >= sp.Start && m.Pos < sp.End) {
				continue
			}
			d := distance(m.Pos, sp)
			if wi == 0 {
				nearest = min(nearest, d)
			}
			if d <= win {
				got += h.Weights[ti] * m.Strength
				if q.Terms[ti].Name {
					nameNear = true
				}
			}
		}
		if total > 0 {
			b.val(tNear, wh, uint64(win), float32(got/total))
		}
	}
	if nearest != math.MaxInt {
		b.on(tDist, wh, uint64(distBucket(nearest)))
		b.on(tKindDist, kind, uint64(distBucket(nearest)))
	} else {
		b.on(tDist, wh, 99)
		b.on(tKindDist, kind, 99)
	}
	// Which side of the candidate the question's words are on: a subject
	// question ("who scored the goals") has them after its answer, an
	// object question ("what did the firm buy") before.
	if total > 0 {
		var leftW, matched float64
		for ti, m := range h.Matches {
			if m.Pos < 0 || (m.Pos >= sp.Start && m.Pos < sp.End) {
				continue
			}
			matched += h.Weights[ti] * m.Strength
			if m.Pos < sp.Start {
				leftW += h.Weights[ti] * m.Strength
			}
		}
		if matched > 0 {
			subj := uint64(0)
			if q.Subject {
				subj = 1
			}
			b.on(tSideShare, subj*100+wh, uint64(shareBucket(leftW/matched)))
		}
	}
	if nameNear {
		b.on(tNameNear, wh, 0)
	}
	for _, m := range h.Matches {
		if m.Pos < 0 || m.Strength < 1 {
			continue
		}
		if m.Pos < sp.Start && sp.Start-m.Pos <= 2 {
			b.on(tAdjacent, kind, 1)
		}
		if m.Pos >= sp.End && m.Pos-sp.End < 2 {
			b.on(tAdjacent, kind, 2)
		}
	}

	// Where it stands.
	var left, right uint64
	if sp.Start > 0 {
		left = contextCode(&ws[sp.Start-1])
	}
	if sp.End < len(ws) {
		right = contextCode(&ws[sp.End])
	}
	b.on(tLeft, wh, left)
	b.on(tRight, wh, right)
	distB := uint64(99)
	if nearest != math.MaxInt {
		distB = uint64(distBucket(nearest))
	}
	for t := 0; t < candidate.NumTypes; t++ {
		if c.Type&(1<<t) == 0 {
			continue
		}
		kt := kindType(kind, t)
		b.on(tTypeDist, kt, distB)
		b.on(tTypeRank, kt, uint64(rankBucket(h.Rank)))
		b.on(tTypeLeft, kt, left)
		b.on(tTypeRight, kt, right)
		b.on(tTypeOverlap, kt, uint64(overlapB))
		b.on(tTypeCov, kt, uint64(min(3, int(h.Coverage*4))))
	}
	b.on(tKindLeft, kind, left)
	b.on(tKindRight, kind, right)
	if sp.Start == 0 || sp.Start == 1 && !ws[0].Word {
		b.on(tSentStart, wh, 0)
	}
	if sp.Start > 1 && ws[sp.Start-1].Text == "," && ws[sp.Start-2].Tag.Proper() && sp.End < len(ws) && ws[sp.End].Text == "," {
		b.on(tApposition, wh, 0)
	}
	subj := uint64(0)
	if q.Subject {
		subj = 1
	}
	if q.Verb != "" {
		v := si.verb
		if v >= 0 && sp.End == v {
			b.on(tNextVerbMatched, wh, 0)
		}
		if v >= 0 && sp.Start > v && sp.Start-v <= 3 {
			between := true
			for k := v + 1; k < sp.Start; k++ {
				if t := ws[k].Tag; t != pos.IN && t != pos.DT && t != pos.TO && t != pos.RP && !t.Adv() {
					between = false
				}
			}
			if between {
				b.on(tPrevVerbMatched, wh, 0)
			}
		}
		switch {
		case v < 0:
			b.on(tVerbSide, subj, 0)
		case sp.End <= v:
			b.on(tVerbSide, subj, 1)
			b.on(tVerbDist, subj, uint64(distBucket(v-sp.End+1)))
		case sp.Start > v:
			b.on(tVerbSide, subj, 2)
			b.on(tVerbDist, subj, 10+uint64(distBucket(sp.Start-v)))
		default:
			b.on(tVerbSide, subj, 3)
		}
	}
	// A speech verb right after ("Smith said") or before ("said Smith").
	if sp.End < len(ws) && isSpeech(&ws[sp.End]) || sp.End+1 < len(ws) && ws[sp.End].Text == "," && isSpeech(&ws[sp.End+1]) {
		b.on(tSpeech, wh, 1)
		b.on(tKindSpeech, kind, 1)
	}
	if sp.Start > 0 && isSpeech(&ws[sp.Start-1]) {
		b.on(tSpeech, wh, 2)
		b.on(tKindSpeech, kind, 2)
	}
	if si.quoted[sp.Start] {
		b.on(tInQuote, wh, 0)
	}
	b.on(tLen, wh, uint64(lenBucket(sp.End-sp.Start)))
	caps, n := 0, 0
	for i := sp.Start; i < sp.End; i++ {
		if ws[i].Word {
			n++
			if ws[i].IsCap() {
				caps++
			}
		}
	}
	if n > 0 {
		b.on(tCaps, wh, uint64(shareBucket(float64(caps)/float64(n))))
	}
	if c.Elsewhere {
		b.on(tElsewhere, wh, 0)
	}
	if c.Cue != "" {
		cue := uint64(0)
		for i, cw := range contextWords {
			if cw == c.Cue {
				cue = uint64(i + 1)
			}
		}
		if cue == 0 {
			cue = uint64(len(contextWords)) + 1 + hashString(c.Cue)%64
		}
		with := uint64(0)
		if ws[sp.Start].Lower == c.Cue {
			with = 500
		}
		b.on(tCue, wh, cue+with)
	}
	if c.Fact != nil {
		b.on(tFact, wh, factCode(c.Fact.Kind))
	}
}

func factCode(k facts.Kind) uint64 {
	for i, x := range facts.Kinds() {
		if x == k {
			return uint64(i + 1)
		}
	}
	return 0
}

func isSpeech(w *doc.Word) bool { return w.Word && facts.IsSpeechVerb(w.Lower) }

// distance is how many words lie between position p and span sp.
func distance(p int, sp doc.Span) int {
	if p < sp.Start {
		return sp.Start - p
	}
	return p - sp.End + 1
}

func rankBucket(r int) int {
	switch {
	case r < 3:
		return r
	case r < 5:
		return 3
	}
	return 4
}

func shareBucket(s float64) int {
	switch {
	case s == 0:
		return 0
	case s < 0.5:
		return 1
	case s < 1:
		return 2
	}
	return 3
}

func distBucket(d int) int {
	switch {
	case d <= 1:
		return 1
	case d <= 3:
		return 2
	case d <= 6:
		return 3
	case d <= 10:
		return 4
	}
	return 5
}

func lenBucket(n int) int {
	switch {
	case n <= 3:
		return n
	case n <= 5:
		return 4
	case n <= 9:
		return 5
	}
	return 6
}

// lowerTrim is the lower-case form without edge punctuation.
func lowerTrim(s string) string { return strings.ToLower(strings.Trim(s, " .,;:")) }
