package followup

import (
	"slices"
	"sync"
	"testing"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus/facts"
)

var (
	resolverOnce sync.Once
	resolver     *Resolver
	resolverErr  error
)

func testResolver(tb testing.TB) *Resolver {
	tb.Helper()
	resolverOnce.Do(func() { resolver, resolverErr = New() })
	if resolverErr != nil {
		tb.Fatal(resolverErr)
	}
	return resolver
}

// answer builds an engine answer of a kind with its facts.
func answer(kind bot.Kind, text string, fs ...facts.Fact) *bot.Answer {
	return &bot.Answer{Kind: kind, Text: text, Facts: fs}
}

func personFact(name, role string) facts.Fact {
	return facts.Fact{Kind: facts.KindPerson, Text: name, Value: name, Role: role}
}

func quoteFact(words, speaker string) facts.Fact {
	return facts.Fact{Kind: facts.KindQuote, Text: words, Value: speaker, Speaker: speaker}
}

func quantityFact(text, counted string) facts.Fact {
	return facts.Fact{Kind: facts.KindQuantity, Text: text, Role: counted}
}

func placeFact(name string) facts.Fact {
	return facts.Fact{Kind: facts.KindPlace, Text: name, Value: name}
}

func orgFact(name string) facts.Fact {
	return facts.Fact{Kind: facts.KindOrg, Text: name, Value: name}
}

// The cases come from the kinds of article the engine is tested on (the
// built-in one on troops for Ukraine, business, courts, science, sport);
// each rule has cases from more than one.
var resolveCases = []struct {
	name  string
	prev  Turn
	next  string
	want  string
	rules []Rule
}{
	// Pronouns for a person: the answer when it is one, else the person the
	// previous question named.
	{"she is the answer", Turn{"Who is the Finnish Defense Minister?", answer(bot.KindWhoIs, "Anni Hakkanen", personFact("Anni Hakkanen", "Finnish Defense Minister"))},
		"what did she say?", "what did Anni Hakkanen say?", []Rule{RulePronoun}},
	{"he is the question's subject", Turn{"Who is John Healey?", answer(bot.KindWhoIs, "Britain’s Defense Minister", personFact("John Healey", "Britain’s Defense Minister"), placeFact("Britain"))},
		"what did he ask for?", "what did John Healey ask for?", []Rule{RulePronoun}},
	{"he is the speaker of a quote", Turn{`who said "we must be ready for when peace comes"?`, answer(bot.KindWhoSaid, "John Healey", quoteFact("We must be ready for when peace comes", "John Healey"))},
		"when did he say it?", "when did John Healey say it?", []Rule{RulePronoun}},
	{"his, possessive", Turn{"Who is the chairman of EMI Music?", answer(bot.KindWhoIs, "Alain Levy", personFact("Alain Levy", "chairman and chief executive of EMI Music"))},
		"what is his view of the industry?", "what is Alain Levy's view of the industry?", []Rule{RulePronoun}},
	{"her before a noun is possessive", Turn{"Who chaired the inquiry?", answer(bot.KindWho, "Judith Moore", personFact("Judith Moore", "judge"))},
		"what was her ruling?", "what was Judith Moore's ruling?", []Rule{RulePronoun}},
	{"her as an object", Turn{"Who chaired the inquiry?", answer(bot.KindWho, "Judith Moore", personFact("Judith Moore", "judge"))},
		"who appointed her?", "who appointed Judith Moore?", []Rule{RulePronoun}},
	{"a name answer without a fact", Turn{"Who scored the winning goal?", answer(bot.KindWho, "Tage Thompson")},
		"how did he score it?", "how did Tage Thompson score the winning goal?", []Rule{RulePronoun, RulePronoun}},
	{"a place answer is no person", Turn{"Who will lead the meeting?", answer(bot.KindWho, "Britain and Germany", placeFact("Britain"), placeFact("Germany"))},
		"what did he say?", "what did he say?", nil},

	// "it": the thing the previous question was about.
	{"it is the question's subject", Turn{"Where did the meeting take place?", answer(bot.KindWhere, "NATO’s headquarters in Brussels", orgFact("NATO"), placeFact("Brussels"))},
		"who will lead it?", "who will lead the meeting?", []Rule{RulePronoun}},
	{"it is the answer to which X", Turn{"Which company issued the profit warning?", answer(bot.KindWhich, "EMI", orgFact("EMI"))},
		"how much did its shares fall?", "how much did EMI's shares fall?", []Rule{RulePronoun}},
	{"expletive it stays", Turn{"Where did the meeting take place?", answer(bot.KindWhere, "Brussels", placeFact("Brussels"))},
		"is it true that Germany will lead?", "is it true that Germany will lead?", nil},
	{"it at the start is capitalised", Turn{"What did the probe find on the comet?", answer(bot.KindWhat, "organic molecules")},
		"it found them where?", "The probe found the organic molecules where?", []Rule{RulePronoun, RulePronoun}},

	// "they" and "them": a list the answer gives, what a count counted, a
	// plural noun phrase.
	{"they are the answer's list", Turn{"Which countries stressed that U.S. support is key?", answer(bot.KindWhich, "the Netherlands, Sweden, and Finland", placeFact("Netherlands"), placeFact("Sweden"), placeFact("Finland"))},
		"what did they say?", "what did the Netherlands, Sweden, and Finland say?", []Rule{RulePronoun}},
	{"they are what was counted", Turn{"How many military planners are working?", answer(bot.KindHowMany, "200 military planners", quantityFact("200 military planners", "military planners"))},
		"where are they working?", "where are the military planners working?", []Rule{RulePronoun}},
	{"their, possessive plural", Turn{"How many jobs will the plant cut?", answer(bot.KindHowMany, "1,200 jobs", quantityFact("1,200 jobs", "jobs"))},
		"when will their losses begin?", "when will the jobs' losses begin?", []Rule{RulePronoun}},
	{"they are the answer's plural noun", Turn{"Who did Healey ask?", answer(bot.KindWho, "military leaders from about 30 countries", quantityFact("about 30 countries", "countries"))},
		"what did they agree?", "what did the military leaders agree?", []Rule{RulePronoun}},
	{"they with an antecedent in the message stay", Turn{"Who did Healey ask?", answer(bot.KindWho, "military leaders")},
		"how many troops could be sent and where would they go?", "how many troops could be sent and where would they go?", nil},

	// "how many of them".
	{"how many of them, elliptical", Turn{"Who did Healey ask?", answer(bot.KindWho, "military leaders from about 30 countries")},
		"and how many of them?", "how many military leaders did Healey ask?", []Rule{RuleEllipsis, RuleOfThem}},
	{"how many of them, in a question", Turn{"Which countries stressed that U.S. support is key?", answer(bot.KindWhich, "the Netherlands, Sweden, and Finland", placeFact("Netherlands"))},
		"how many of them sent troops?", "how many countries sent troops?", []Rule{RuleOfThem}},

	// Ellipsis: a bare wh-phrase takes the previous question's rest.
	{"where after when", Turn{"When did the meeting take place?", answer(bot.KindWhen, "Thursday")},
		"where?", "where did the meeting take place?", []Rule{RuleEllipsis}},
	{"and why, object wh-phrase", Turn{"How many troops could the force have?", answer(bot.KindHowMany, "10,000 to 30,000 troops", quantityFact("10,000 to 30,000 troops", "troops"))},
		"and why?", "why could the force have 10,000 to 30,000 troops?", []Rule{RuleEllipsis}},
	{"when, subject wh-phrase with a modal", Turn{"Who will lead the meeting?", answer(bot.KindWho, "Britain and Germany", placeFact("Britain"), placeFact("Germany"))},
		"and when?", "when will Britain and Germany lead the meeting?", []Rule{RuleEllipsis}},
	{"why, subject wh-phrase takes do", Turn{"Who asked military leaders to continue plans?", answer(bot.KindWho, "John Healey", personFact("John Healey", ""))},
		"why?", "why did John Healey ask military leaders to continue plans?", []Rule{RuleEllipsis}},
	{"where exactly, copula", Turn{"Who is Alain Levy?", answer(bot.KindWhoIs, "chairman of EMI Music")},
		"where exactly?", "where is Alain Levy?", []Rule{RuleEllipsis}},
	{"why after a yes/no question", Turn{"Is Russia gearing up for a new attack?", answer(bot.KindYesNo, "")},
		"why?", "why is Russia gearing up for a new attack?", []Rule{RuleEllipsis}},
	{"how many, bare", Turn{"Who did Healey ask?", answer(bot.KindWho, "military leaders from about 30 countries")},
		"how many?", "how many military leaders did Healey ask?", []Rule{RuleEllipsis}},
	{"ellipsis after no answer keeps the noun", Turn{"Which firm bought the stake?", &bot.Answer{Kind: bot.KindWhich, NoAnswer: true}},
		"when?", "when did the firm buy the stake?", []Rule{RuleEllipsis}},

	// Messages that stand alone.
	{"a new question", Turn{"Who is the Finnish Defense Minister?", answer(bot.KindWhoIs, "Anni Hakkanen", personFact("Anni Hakkanen", ""))},
		"How many troops could the force have?", "How many troops could the force have?", nil},
	{"a pronoun in a quote stays", Turn{"Who is the Finnish Defense Minister?", answer(bot.KindWhoIs, "Anni Hakkanen", personFact("Anni Hakkanen", ""))},
		`who said "they must be ready"?`, `who said "they must be ready"?`, nil},
	{"the referent is already named", Turn{"Who is the Finnish Defense Minister?", answer(bot.KindWhoIs, "Anni Hakkanen", personFact("Anni Hakkanen", ""))},
		"what did Anni Hakkanen say about her?", "what did Anni Hakkanen say about her?", nil},
	{"first and second person stay", Turn{"Who is the Finnish Defense Minister?", answer(bot.KindWhoIs, "Anni Hakkanen", personFact("Anni Hakkanen", ""))},
		"what should we ask you next?", "what should we ask you next?", nil},
	{"why not is no ellipsis", Turn{"When did the meeting take place?", answer(bot.KindWhen, "Thursday")},
		"why not?", "why not?", nil},
	{"no previous question", Turn{"", nil}, "what did she say?", "what did she say?", nil},
	{"nothing to count", Turn{"When did the meeting take place?", answer(bot.KindWhen, "Thursday")},
		"how many?", "how many?", nil},
}

func TestResolve(t *testing.T) {
	r := testResolver(t)
	for _, c := range resolveCases {
		t.Run(c.name, func(t *testing.T) {
			got := r.Resolve(c.prev, c.next)
			if got.Question != c.want || !slices.Equal(got.Rules, c.rules) {
				t.Errorf("Resolve(%q, %q)\n got %q %v\nwant %q %v", c.prev.Question, c.next, got.Question, got.Rules, c.want, c.rules)
			}
			if got.Changed() != (len(c.rules) > 0) {
				t.Errorf("Changed() = %v", got.Changed())
			}
		})
	}
}

// TestResolveRefusesOversizedInput: input past the engine's bound is
// left as it is, and so is a result that would pass it.
func TestResolveRefusesOversizedInput(t *testing.T) {
	r := testResolver(t)
	long := make([]byte, bot.MaxQuestionBytes+1)
	for i := range long {
		long[i] = 'a'
	}
	prev := Turn{"Who is the minister?", answer(bot.KindWhoIs, "Anni Hakkanen", personFact("Anni Hakkanen", ""))}
	if got := r.Resolve(prev, string(long)); got.Changed() || got.Question != string(long) {
		t.Errorf("oversized message changed")
	}
	// Many pronouns, each replaced by a long name, would pass the bound.
	name := "Anni Hakkanen-Virtanen-Lindqvist-Koskinen"
	prev = Turn{"Who is the minister?", answer(bot.KindWhoIs, name, personFact(name, ""))}
	var msg []byte
	for len(msg) < bot.MaxQuestionBytes-10 {
		msg = append(msg, " she"...)
	}
	if got := r.Resolve(prev, string(msg)); got.Changed() || len(got.Question) > bot.MaxQuestionBytes {
		t.Errorf("result of %d bytes", len(got.Question))
	}
}
