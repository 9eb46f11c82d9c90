package text

import "strings"

// synonymGroups are sets of general English words and phrases that news
// writers and readers use for one another. The index expands queries with
// them and answering matches question words to sentence words with them.
const synonymGroups = `troops|soldiers|forces|personnel
defense|defence
united states|us|u.s.|usa|america|american|americans
britain|uk|u.k.|united kingdom|british
percent|per cent|percentage|%
shops|stores|retailers|shopping|shoppers
boss|chief executive|chief|head|chairman|leader|director|president
cash|money|funding|funds|investment
film|movie|films|movies
firm|company|business
cut|reduce|lower|drop|fall|dip|decrease|shrink
rise|raise|increase|go up|grow|boost
buy|purchase
sell|retail
price|cost|prices|costs|priced|sale|retail for
forecast|forecasts|expected|predicted|estimated|anticipated|expect|predict
fast|rapid|quick|quickly|rapidly
slump|drop|decline|fall|dip|slide
completely|absolutely|totally|entirely|utterly
rammed|mobbed|packed|crowded|heaving|busy
vital|essential|key|crucial
start|begin|launch
end|finish|close|shut|wrap up
meeting|talks|summit
country|nation
say|said|remark|state|stress|claim|warn|argue|add|note
plan|proposal|plans|proposals
phone|mobile|handset
car|vehicle
app|application|program
sales|takings|revenue|turnover
worker|employee|staff
kid|child|children
mum|mother
dad|father
doctor|physician
weekly|week|a week
monthly|month|a month
yearly|annual|year
daily|day|a day
election|vote|poll
job|post|role|position
minister|minster
profit|profits|earnings
deploy|send
lead|led|head|chair
run|manage|head|direct|director|runs
speak|spokesman|spokeswoman|spokesperson
edit|editor
own|owner|owned
founded|founder
tsunami|disaster
ticket|tickets|admission
online|internet|web
delayed|pushed back|postponed|put back
lib dem|liberal democrat|liberal democrats
tory|tories|conservative|conservatives`

// Synonyms returns the synonym groups, each a list of lower-case words or
// phrases.
func Synonyms() [][]string {
	var groups [][]string
	for _, line := range strings.Split(synonymGroups, "\n") {
		var g []string
		for _, w := range strings.Split(line, "|") {
			if w = strings.TrimSpace(w); w != "" {
				g = append(g, w)
			}
		}
		if len(g) > 1 {
			groups = append(groups, g)
		}
	}
	return groups
}

// irregular maps irregular verb forms to the stem of their base form.
var irregular = map[string]string{
	"led": "lead", "ran": "run", "said": "say", "says": "say", "told": "tell", "sold": "sell",
	"bought": "buy", "went": "go", "gone": "go", "came": "come", "took": "take", "taken": "take",
	"gave": "give", "given": "give", "made": "make", "saw": "see", "seen": "see", "met": "meet",
	"held": "hold", "grew": "grow", "grown": "grow", "rose": "rise", "risen": "rise", "fell": "fall",
	"fallen": "fall", "won": "win", "lost": "lose", "sent": "send", "spent": "spend", "began": "begin",
	"begun": "begin", "thought": "think", "brought": "bring", "built": "build", "paid": "pay",
	"kept": "keep", "left": "leave", "felt": "feel", "found": "find", "wrote": "write",
	"written": "write", "spoke": "speak", "spoken": "speak", "chose": "choose", "chosen": "choose",
	"knew": "know", "known": "know", "struck": "strike", "shut": "shut", "set": "set", "cut": "cut",
	"hit": "hit", "put": "put", "quit": "quit", "drove": "drive", "driven": "drive", "flew": "fly",
	"flown": "fly", "fought": "fight", "caught": "catch", "taught": "teach", "sought": "seek",
	"mice": "mouse", "men": "man", "women": "woman", "children": "child", "people": "person",
	"feet": "foot", "teeth": "tooth", "better": "good", "best": "good", "worse": "bad", "worst": "bad",
}

// Base returns the stem of a word's base form: Stem with irregular verbs
// and plurals first mapped to their base ("led" -> "lead").
func Base(w string) string {
	if b, ok := irregular[w]; ok {
		return Stem(b)
	}
	return Stem(w)
}

// IsIrregularVerb reports an irregular past form of a verb ("met", "sold").
func IsIrregularVerb(w string) bool {
	_, ok := irregular[w]
	switch w {
	case "mice", "men", "women", "children", "people", "feet", "teeth", "better", "best", "worse", "worst":
		return false
	}
	return ok
}
