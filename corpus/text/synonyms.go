package text

import "strings"

// synonymGroups are sets of general English words and phrases that news
// writers and readers use for one another: spelling variants, British and
// American words, short and long names of countries and bodies, irregular
// forms a stemmer cannot join, and plain synonyms. The index expands
// queries with them and answering matches question words to sentence words
// with them. Variants that Stem already joins (-ise and -ize, defence and
// defense, week and weekly) are not listed: the index stems with Stem too.
// No word stands in two groups, and nothing here is a name or a figure
// from any one article.
const synonymGroups = `troops|soldiers
offence|offense
licence|license
programme|program
centre|center
colour|color
labour|labor
favour|favor
US|U.S.|USA|United States|America|American|Americans
UK|U.K.|Britain|British|United Kingdom|Great Britain
EU|European Union
UN|United Nations
percent|per cent|percentage
shops|stores|shopping
boss|chief executive|chief|CEO|chairman|head
cash|money|funding|funds
film|movie
firm|company
purchase|buy|bought
sell|sold|retail
price|cost|priced
rise|raise|increase|go up|grow|grew|grown|boost|climb
fall|fell|fallen|drop|decline|dip|slump|slide|decrease
cut|reduce|lower|shrink
start|begin|began|begun|launch
finish|end|wrap up|close|shut
talks|negotiations
government|govt
say|says|said|remark|argue
tell|told
win|won
lose|lost
pay|paid
meet|met|meeting|summit
lead|led|leader
hold|held|take place|took place|host|hosted
spend|spent
build|built
speak|spoke|spoken|spokesman|spokeswoman|spokesperson
children|child|kids|kid
mother|mum|mom
father|dad
doctor|physician
worker|employee|staff
phone|handset|mobile phone|cellphone
car|vehicle
lorry|truck
petrol|gasoline
holiday|vacation
motorway|highway
railway|railroad
football|soccer
TV|television
online|internet|web
app|application
profit|profits|earnings
revenue|turnover|takings|sales
vital|essential|key|crucial
deploy|send|sent
run|manage|direct|director
edit|editor
own|owner|owned
founded|founder
yearly|annual|year
daily|day|a day
election|vote|poll
job|post|role|position
ticket|admission
delayed|pushed back|postponed|put back
forecast|expected|predicted|estimated|anticipated
fast|rapid|quick|quickly|rapidly
completely|absolutely|totally|entirely|utterly
crowded|packed|mobbed|rammed|heaving
country|nation
plan|proposal
governor|gov
senator|sen
colonel|col
captain|capt
sergeant|sgt
lieutenant|lt
attorney|atty
professor|prof
participate|take part|took part|taking part`

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
	// "co-wrote" and "co-written" meet at "co-write".
	if i := strings.IndexByte(w, '-'); i > 0 && i < len(w)-1 {
		if b, ok := irregular[w[i+1:]]; ok {
			return Stem(w[:i+1] + b)
		}
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
