// Package question takes a question apart: what kind of answer it wants
// (its wh-word and the noun it asks about), and which of its words a
// sentence that answers it should hold. It is the first stage of
// answering; every later stage reads the Question it returns.
//
// Everything here is closed-class English grammar (wh-words, auxiliaries,
// prepositions) read off the part-of-speech tags; no rule knows an
// article.
package question

import (
	"strings"

	"github.com/articlebot/articlebot/bot/doc"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/articlebot/articlebot/corpus/lexicon"
	"github.com/articlebot/articlebot/corpus/pos"
	"github.com/articlebot/articlebot/corpus/text"
)

// Wh is the form of a question: its wh-word, with "how" split by what
// follows it.
type Wh uint8

// The forms of question.
const (
	Other   Wh = iota // no wh-word and no leading auxiliary ("name the …")
	Who               // who, whom
	Whose             // whose
	What              // what
	Which             // which
	When              // when
	Where             // where
	Why               // why
	How               // how (the manner)
	HowMany           // how many
	HowMuch           // how much
	HowLong           // how long, how soon
	HowFar            // how far
	HowOld            // how old
	HowAdj            // how big, how fast, … : a measure
	YesNo             // is / does / can … ?
	NumWh
)

var whNames = [NumWh]string{"other", "who", "whose", "what", "which", "when", "where", "why", "how",
	"how_many", "how_much", "how_long", "how_far", "how_old", "how_adj", "yes_no"}

func (w Wh) String() string {
	if w < NumWh {
		return whNames[w]
	}
	return "wh?"
}

// Kind is the kind of answer a question wants, as the engine reports it.
type Kind string

// The question kinds.
const (
	KindWhoSaid  Kind = "who_said"  // who said "…"? / who remarked that …?
	KindWhatSaid Kind = "what_said" // what did X say about …?
	KindWhoIs    Kind = "who_is"    // who is X? / who is the Finnish minister?
	KindWho      Kind = "who"       // who did …?
	KindHowMany  Kind = "how_many"  // how many / how much / what percentage
	KindWhen     Kind = "when"
	KindWhere    Kind = "where"
	KindWhich    Kind = "which"
	KindWhy      Kind = "why"
	KindWhat     Kind = "what"
	KindHow      Kind = "how" // how did they …? (the manner)
	KindYesNo    Kind = "yes_no"
	KindOther    Kind = "other"
)

// Term is one content word of a question: a word an answering sentence
// should hold.
type Term struct {
	Word  string // lower case, without a possessive
	Stem  string
	Tag   pos.Tag
	Name  bool // a name: capitalised, or tagged a proper noun
	Focus bool // part of the noun the question asks about
	Verb  bool // the question's main verb
	// Quoted: inside the question's quotation marks.
	Quoted bool
	// Related holds the stems of the words that stand for this one (its
	// synonyms, derived forms and other forms: text.Related), with how
	// strongly each does, below 1.
	Related map[string]float64
}

// Question is a question taken apart.
type Question struct {
	Raw   string     // the question as given (cleaned)
	Words []doc.Word // its words, tagged
	Wh    Wh         // its form
	Kind  Kind       // what the engine reports
	Terms []Term     // its content words, each once
	Focus []string   // stems of the noun phrase it asks about ("which university" -> univers), head last
	// FocusWord is the head of the focus as written ("university").
	FocusWord string
	// FocusClass is what WordNet says the focus noun is (a person, an
	// organization, a time period …): what a question about a noun never
	// seen in training asks for.
	FocusClass lexicon.Class
	// Verb is the stem of its main verb, if any ("who leads the party" -> lead).
	Verb string
	// Copula: the main verb is a form of "be" ("who is X", "what was the cause").
	Copula bool
	// Subject: the wh-phrase is the subject of its verb ("who scored",
	// "what fault tore"), not its object ("who did they meet").
	Subject bool
	// Speech: the main verb is a verb of saying ("who warned that …").
	Speech bool
	// Quoted holds the words the question puts in quotation marks.
	Quoted string
	// Future and Past: the question's tense, when it shows one.
	Future, Past bool
	// Plural: it asks for several ("which founding members", "who are
	// the five companies").
	Plural bool
	// Names: it names someone or something ("who is Mark Milley").
	Names bool
}

// contractions are expanded before parsing, with the misspellings of them
// that users type.
var contractions = strings.NewReplacer(
	"who's ", "who is ", "whos ", "who is ", "what's ", "what is ", "whats ", "what is ",
	"when's ", "when is ", "where's ", "where is ", "how's ", "how is ", "why's ", "why is ",
	"whats", "what is", "wheres ", "where is ",
	"isn't", "is not", "wasnt", "was not", "wasn't", "was not", "aren't", "are not",
	"weren't", "were not", "doesn't", "does not", "doesnt", "does not", "didn't", "did not",
	"didnt", "did not", "don't", "do not", "dont", "do not", "won't", "will not",
	"can't", "can not", "cannot", "can not", "couldn't", "could not", "hasn't", "has not",
	"haven't", "have not", "hadn't", "had not", "wouldn't", "would not", "shouldn't", "should not",
)

// Parse takes a question apart, tagging it with tg.
func Parse(tg *pos.Tagger, raw string) *Question {
	q := &Question{Raw: raw}
	norm := strings.NewReplacer("’", "'", "‘", "'").Replace(raw)
	norm = strings.TrimSpace(contractions.Replace(caseFold(norm) + " "))
	q.Quoted = quotedPart(raw)
	s := doc.AnalyseSentence(tg, &corpus.Sentence{Text: norm})
	q.Words = s.Words
	q.parse()
	return q
}

// caseFold lower-cases the question words and auxiliaries that open a
// question, so that contractions are found whatever the case ("What's").
func caseFold(s string) string {
	i := strings.IndexAny(s, " '")
	if i < 0 {
		return s
	}
	first := strings.ToLower(s[:i])
	if isWhWord(first) || isAux(first) {
		return first + s[i:]
	}
	return s
}

// quotedPart returns the words a question quotes, if any.
func quotedPart(s string) string {
	for _, pair := range [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}, {"'", "'"}} {
		i := strings.Index(s, pair[0])
		if i < 0 {
			continue
		}
		rest := s[i+len(pair[0]):]
		j := strings.LastIndex(rest, pair[1])
		if j > 3 {
			return rest[:j]
		}
	}
	return ""
}

func isWhWord(w string) bool {
	switch w {
	case "who", "whom", "whose", "what", "which", "when", "where", "why", "how":
		return true
	}
	return false
}

// isAux reports an auxiliary or modal verb.
func isAux(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "am",
		"do", "does", "did", "has", "have", "had",
		"will", "would", "can", "could", "should", "shall", "may", "might", "must":
		return true
	}
	return false
}

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "am":
		return true
	}
	return false
}

func isDo(w string) bool { return w == "do" || w == "does" || w == "did" }

// whForms are the wh-words and the forms they give.
var whForms = map[string]Wh{
	"who": Who, "whom": Who, "whose": Whose, "what": What, "which": Which,
	"when": When, "where": Where, "why": Why, "how": How,
}

// howForms are the words after "how" that make another form of it.
var howForms = map[string]Wh{
	"many": HowMany, "much": HowMuch, "long": HowLong, "soon": HowLong,
	"far": HowFar, "old": HowOld, "come": Why,
}

// noise are words that carry a question's form, not its content.
var noise = map[string]bool{
	"name": true, "according": true, "exactly": true, "article": true, "story": true,
	"happen": true, "happened": true, "kind": true, "sort": true, "type": true,
	"really": true, "actually": true, "specifically": true, "mention": true, "mentioned": true,
}

// parse fills in everything from q.Words.
func (q *Question) parse() {
	ws := q.Words
	// The wh-word: the first in the question, however far in ("in what
	// year", "according to whom", "the meeting was where").
	wi := -1
	for i, w := range ws {
		if w.Word && isWhWord(w.Lower) {
			wi = i
			break
		}
	}
	next := func(i int) int { // the index of the next word after i, or len
		for j := i + 1; j < len(ws); j++ {
			if ws[j].Word {
				return j
			}
		}
		return len(ws)
	}
	lower := func(i int) string {
		if i < 0 || i >= len(ws) {
			return ""
		}
		return ws[i].Lower
	}
	after := 0 // where the question's body starts
	switch {
	case wi < 0:
		first := next(-1)
		if isAux(lower(first)) {
			q.Wh = YesNo
		}
	default:
		after = next(wi)
		q.Wh = whForms[lower(wi)]
		if q.Wh == How {
			n := lower(after)
			if w, ok := howForms[n]; ok {
				q.Wh = w
			} else if t := tagAt(ws, after); (t.Adj() || t.Adv()) && !isAux(n) {
				q.Wh = HowAdj // "how big", "how fast"
			}
			if q.Wh != How {
				after = next(after) // past "many", "old", "come" …
			}
		}
	}
	// The focus: the noun phrase right after what/which/how many/how
	// much/whose ("which university", "how many troops", "what percentage
	// of"), or, after "what is the", the noun there ("what is the cause
	// of").
	focusAt := -1
	switch q.Wh {
	case What, Which, HowMany, HowMuch, Whose:
		focusAt = after
	}
	i := after
	if (q.Wh == What || q.Wh == Which) && isBe(lower(after)) {
		// "what is the name of the report", "what was the cause": a
		// determiner, then the noun.
		j := next(after)
		if t := tagAt(ws, j); t == pos.DT || t == pos.PRPS {
			focusAt = next(j)
		} else {
			focusAt = -1
		}
	}
	var focusEnd int
	if focusAt >= 0 {
		focusEnd = q.nounPhrase(focusAt)
		if focusEnd > focusAt {
			// "the name of the report": the noun after "name of".
			if h := ws[focusEnd-1].Lower; (h == "name" || h == "title" || h == "number" || h == "amount" || h == "type" || h == "kind") && lower(focusEnd) == "of" {
				j := next(focusEnd)
				if t := tagAt(ws, j); t == pos.DT || t == pos.PRPS {
					j = next(j)
				}
				if e := q.nounPhrase(j); e > j {
					focusAt, focusEnd = j, e
				}
			}
			for k := focusAt; k < focusEnd; k++ {
				if ws[k].Word && !ws[k].Stop {
					q.Focus = append(q.Focus, ws[k].Stem)
				}
			}
			if len(q.Focus) > 0 {
				q.FocusWord = text.StripPossessive(ws[focusEnd-1].Lower)
				lx := lexicon.Default()
				q.FocusClass = lx.Classes(lx.Lemma(q.FocusWord, lexicon.Noun))
			}
			if after == focusAt {
				i = focusEnd
				// "what percentage of voters backed": the "of" phrase
				// belongs to the wh-phrase.
				if lower(i) == "of" {
					if e := q.nounPhrase(nextDet(ws, next(i))); e > next(i) {
						i = e
					}
				}
			}
		}
	}
	// The main verb, and whether the wh-phrase is its subject: "who
	// scored", "which firm bought" have the verb straight after the
	// wh-phrase; "who did they meet" has "did" and then a subject.
	if q.Wh != YesNo && q.Wh != Other && i < len(ws) {
		v := lower(i)
		switch {
		case isDo(v) || (isAux(v) && !isBe(v)):
			// "what did X say", "who has the company hired": the main verb comes later.
			q.Subject = false
			if isBe(v) {
				q.Copula = true
			}
		case isBe(v):
			q.Copula = true
			// "who was arrested", "what is expected to": passive or
			// predicate; the wh-phrase is the subject.
			q.Subject = true
		case ws[i].Tag.Verb() || ws[i].Tag == pos.MD:
			q.Subject = true
		}
	}
	// After "did" and its subject ("what did the minister stress"), the
	// next word is the main verb, however the tagger read it.
	if i < len(ws) && isDo(lower(i)) {
		j := next(i)
		for j < len(ws) && ws[j].Word && (ws[j].Tag.Noun() || ws[j].Tag == pos.DT || ws[j].Tag.Adj() || ws[j].Tag == pos.PRPS ||
			ws[j].Tag == pos.PRP || ws[j].Tag == pos.CD || ws[j].Tag == pos.IN && ws[j].Lower != "to" && j+1 < len(ws) && ws[j+1].Tag != pos.VB) {
			j++
		}
		switch {
		case j > next(i) && j < len(ws) && ws[j].Word && !isAux(ws[j].Lower) && ws[j].Tag != pos.IN && ws[j].Tag != pos.TO:
			ws[j].Tag = pos.VB
		case j-1 > next(i) && (j == len(ws) || !ws[j].Word) && ws[j-1].Tag == pos.NN && !ws[j-1].IsCap():
			// "what did Healey stress?", "when did the quake in Sichuan
			// occur?": the run took the verb in; its last, lower-case
			// word is the verb.
			ws[j-1].Tag = pos.VB
		}
	}
	// The main verb: the first verb that is no auxiliary, else the last
	// auxiliary ("how many troops could the force have").
	lastAux := -1
	verbAt := -1
	for k := max(i, 0); k < len(ws); k++ {
		w := ws[k]
		if !w.Word || isWhWord(w.Lower) || !w.Tag.Verb() {
			continue
		}
		if isAux(w.Lower) {
			if k > i {
				lastAux = k
			}
			continue
		}
		verbAt = k
		break
	}
	if verbAt < 0 && lastAux >= 0 && !isBe(ws[lastAux].Lower) {
		verbAt = lastAux
	}
	if verbAt >= 0 {
		w := ws[verbAt]
		q.Verb = w.Stem
		if speechVerb(w.Lower) {
			q.Speech = true
		}
		q.Copula = false
	}
	if lead := leadIn(ws, wi); lead == "according" {
		q.Speech = true // "according to whom did …"
	}
	for _, w := range ws {
		switch w.Lower {
		case "will", "next", "upcoming", "plan", "plans", "planned":
			q.Future = true
		case "did", "was", "were", "had":
			q.Past = true
		}
	}
	q.terms(focusAt, focusEnd)
	for _, t := range q.Terms {
		if t.Name {
			q.Names = true
		}
	}
	if focusEnd > 0 && focusEnd <= len(ws) && len(q.Focus) > 0 {
		if tg := ws[focusEnd-1].Tag; tg == pos.NNS || tg == pos.NNPS {
			q.Plural = true
		}
	}
	if after < len(ws) && (lower(after) == "are" || lower(after) == "were") && (q.Wh == Who || q.Wh == What || q.Wh == Which) {
		q.Plural = true
	}
	q.Kind = q.kind()
}

// verbForm reports an irregular past form of a verb ("tore", "fled",
// "sold"), from WordNet's exception lists.
func verbForm(w string) bool {
	_, ok := lexicon.Default().Irregular(w, lexicon.Verb)
	return ok && lexicon.Default().IrregularPast(w)
}

// leadIn returns the first word of a question that opens before its
// wh-word ("according" in "according to whom", "in" in "in what year").
func leadIn(ws []doc.Word, wi int) string {
	for k := 0; k < wi; k++ {
		if ws[k].Word {
			return ws[k].Lower
		}
	}
	return ""
}

// speechVerb reports a verb of saying: one that attributes a quote
// (facts' closed list), or one whose commonest sense WordNet files among
// the verbs of communication ("stressed", "warned", "announced").
func speechVerb(w string) bool {
	if facts.IsSpeechVerb(w) {
		return true
	}
	lx := lexicon.Default()
	ss, ok := lx.Supersense(lx.Lemma(w, lexicon.Verb), lexicon.Verb)
	return ok && ss == lexicon.VerbCommunication
}

// nounPhrase returns the end of the noun phrase that starts at i:
// adjectives, numbers and nouns, through the last noun.
func (q *Question) nounPhrase(i int) int {
	ws := q.Words
	end := i
	for j := i; j < len(ws); j++ {
		t := ws[j].Tag
		if !ws[j].Word {
			break
		}
		if t.Noun() {
			if j > i && verbForm(ws[j].Lower) {
				// "what fault tore in two places": a past form the
				// tagger took for a noun ends the phrase and is its verb.
				ws[j].Tag = pos.VBD
				break
			}
			end = j + 1
			continue
		}
		if t.Adj() || t == pos.CD || t == pos.VBN || t == pos.VBG && j+1 < len(ws) && ws[j+1].Tag.Noun() {
			continue
		}
		// A noun the tagger took for a verb, right after the wh-word
		// ("what fault tore" tags "fault" NN, but "what year did" tags
		// nothing wrong either; lower-case words at the start are often
		// mis-tagged): accept one word before a verb or an auxiliary.
		if j == i && (t.Verb() || t == pos.Other) && !isAux(ws[j].Lower) && j+1 < len(ws) && isAux(ws[j+1].Lower) {
			end = j + 1
		}
		break
	}
	return end
}

// nextDet skips a determiner at i.
func nextDet(ws []doc.Word, i int) int {
	if i < len(ws) && (ws[i].Tag == pos.DT || ws[i].Tag == pos.PRPS) {
		return i + 1
	}
	return i
}

func tagAt(ws []doc.Word, i int) pos.Tag {
	if i < 0 || i >= len(ws) {
		return pos.Other
	}
	return ws[i].Tag
}

// terms lists the question's content words.
func (q *Question) terms(focusAt, focusEnd int) {
	seen := map[string]bool{}
	quoted := text.Lower(q.Quoted)
	for k, w := range q.Words {
		if !w.Word || w.Stop || isWhWord(w.Lower) || isAux(w.Lower) {
			continue
		}
		bare := w.Bare()
		if noise[bare] || bare == "" {
			continue
		}
		if (q.Wh == HowMany || q.Wh == HowMuch) && (bare == "many" || bare == "much") {
			continue
		}
		if seen[w.Stem] {
			continue
		}
		seen[w.Stem] = true
		t := Term{
			Word:  bare,
			Stem:  w.Stem,
			Tag:   w.Tag,
			Name:  w.Tag.Proper() || (w.Cap && !isWhWord(w.Lower)),
			Focus: k >= focusAt && k < focusEnd && focusAt >= 0,
			Verb:  w.Stem == q.Verb && w.Tag.Verb(),
		}
		if quoted != "" && strings.Contains(quoted, w.Lower) {
			t.Quoted = true
		}
		t.Related = related(bare, w.Stem)
		q.Terms = append(q.Terms, t)
	}
}

// related returns the stems of the words related to w, other than its own
// stem, each with its strongest weight.
func related(w, stem string) map[string]float64 {
	var out map[string]float64
	for _, r := range text.Related(w) {
		if strings.ContainsRune(r.Word, ' ') {
			continue // a phrase: matched by the index, not word by word
		}
		st := text.Base(r.Word)
		if st == stem {
			continue
		}
		if out == nil {
			out = map[string]float64{}
		}
		if wt := r.Kind.Weight(); wt > out[st] {
			out[st] = wt
		}
	}
	return out
}

// FocusTerm is the term that heads the question's focus, or nil.
func (q *Question) FocusTerm() *Term {
	var head *Term
	for i := range q.Terms {
		if q.Terms[i].Focus {
			head = &q.Terms[i]
		}
	}
	return head
}

// Holds reports how strongly word stem stands for term t: 1 for its own
// stem, its related words' weights, else 0.
func (t *Term) Holds(stem string) float64 {
	if stem == t.Stem {
		return 1
	}
	return t.Related[stem]
}

// countNouns are the nouns that ask for a number whatever WordNet files
// them under ("what percentage", "what share of", "what price").
var countNouns = map[string]bool{
	"percentage": true, "percent": true, "proportion": true, "share": true, "number": true,
	"amount": true, "rate": true, "total": true, "figure": true, "price": true, "cost": true,
	"sum": true, "fraction": true, "majority": true, "size": true,
}

// focusKind is the kind a what- or which-question asks by its focus
// noun's class: "what year" asks when, "what percentage" how many, "what
// city" where; "" when the class says nothing.
func focusKind(word string, c lexicon.Class) Kind {
	if countNouns[word] {
		return KindHowMany
	}
	switch {
	case c&(lexicon.ClassTimePeriod|lexicon.ClassTimeUnit) != 0:
		return KindWhen
	case c&(lexicon.ClassQuantity|lexicon.ClassMoney|lexicon.ClassMeasureUnit) != 0:
		return KindHowMany
	case c&(lexicon.ClassLocation|lexicon.ClassCountry|lexicon.ClassCity) != 0:
		return KindWhere
	}
	return ""
}

// kind names what the question wants, for the engine's report.
func (q *Question) kind() Kind {
	switch q.Wh {
	case Who, Whose:
		switch {
		case q.Speech:
			return KindWhoSaid
		case q.Copula && !q.Subject || q.Copula && q.Verb == "":
			return KindWhoIs
		}
		return KindWho
	case HowMany, HowMuch, HowFar, HowOld, HowAdj:
		return KindHowMany
	case HowLong:
		return KindHowMany
	case When:
		return KindWhen
	case Where:
		return KindWhere
	case Why:
		return KindWhy
	case How:
		return KindHow
	case Which:
		if q.Speech {
			return KindWhoSaid
		}
		if k := focusKind(q.FocusWord, q.FocusClass); k == KindWhen || k == KindHowMany {
			return k
		}
		return KindWhich
	case What:
		if q.Speech && !q.Subject {
			return KindWhatSaid
		}
		switch q.FocusWord {
		case "purpose", "reason", "aim", "goal", "point", "cause", "motive":
			return KindWhy // "what is the purpose of …"
		}
		if k := focusKind(q.FocusWord, q.FocusClass); k != "" {
			return k
		}
		return KindWhat
	case YesNo:
		return KindYesNo
	}
	return KindOther
}
