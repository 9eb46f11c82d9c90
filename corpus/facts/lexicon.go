package facts

import (
	"strings"

	"github.com/articlebot/articlebot/corpus/lexicon"
	"github.com/articlebot/articlebot/corpus/text"
)

// The word lists below are general English closed classes: titles,
// roles, speech verbs, number words, months, weekdays. None names anything
// from a particular article. Places and their adjectives come from the
// lexicon's tables (see PlaceOf).

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(words, "|") {
		if w = strings.TrimSpace(w); w != "" {
			m[w] = true
		}
	}
	return m
}

// honorifics stand directly before a name.
var honorifics = set("mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|rev|reverend|mr.|mrs.|ms.|dr.|prof.|st.")

// titleAbbrevs are titles written short with a period, which a name
// follows: "Gov. Brian Kemp", "Sen. Ann Lee". They are roles.
var titleAbbrevs = set("gov|sen|rep|gen|lt|col|capt|sgt|maj|adm|cmdr|supt|det|insp|atty|pres|cpl|pvt|gov.|sen.|rep.|gen.|lt.|col.|capt.|sgt.")

// shortHonorifics always start a name: "on Tuesday | Mr Ebbers".
var shortHonorifics = set("mr|mrs|ms|miss|dr|sir|dame|mr.|mrs.|ms.|dr.")

var maleHonorifics = set("mr|mr.|sir|lord")
var femaleHonorifics = set("mrs|ms|miss|dame|lady|mrs.|ms.")

// roleNouns are words that name a position or job.
var roleNouns = set(`gov|sen|rep|gen|lt|col|capt|sgt|maj|adm|cmdr|supt|det|insp|atty|cpl|pvt|minister|secretary|president|vice-president|chairman|chairwoman|chair|chief|executive|director|
spokesman|spokeswoman|spokesperson|analyst|editor|leader|head|governor|mayor|senator|chancellor|premier|
general|ambassador|official|founder|co-founder|manager|actor|actress|star|singer|commissioner|prosecutor|
judge|lawyer|attorney|economist|professor|researcher|scientist|expert|adviser|advisor|correspondent|reporter|
captain|coach|king|queen|prince|princess|pope|bishop|archbishop|mp|mep|congressman|congresswoman|representative|
officer|commander|admiral|colonel|lieutenant|sergeant|deputy|envoy|diplomat|owner|boss|president-elect|
producer|writer|author|novelist|musician|guitarist|drummer|rapper|comedian|presenter|host|broadcaster|
economist|strategist|consultant|partner|investor|trader|banker|founder|ceo|cfo|coo|cto|teacher|doctor|nurse|
surgeon|campaigner|activist|candidate|councillor|chairperson|principal|dean|rector|inspector|superintendent|
detective|constable|sheriff|trustee|organiser|organizer|curator|architect|engineer|designer|developer|
player|striker|midfielder|defender|goalkeeper|batsman|bowler|driver|rider|champion|athlete|
member|speaker|whip|negotiator|mediator|regulator|auditor|treasurer|controller|administrator|
secretary-general|director-general|chief-executive|manager|boss|head`)

// speechVerbs introduce what someone said, in the past or present tense.
var speechVerbs = set(`said|says|say|told|tells|stated|states|added|adds|remarked|remarks|warned|warns|
explained|explains|noted|notes|insisted|insists|argued|argues|claimed|claims|announced|announces|
stressed|stresses|emphasised|emphasized|emphasises|emphasizes|continued|continues|asked|asks|replied|
replies|admitted|admits|acknowledged|acknowledges|conceded|concedes|predicted|predicts|believes|believed|
suggested|suggests|urged|urges|declared|declares|wrote|writes|commented|comments|observed|observes|
mentioned|mentions|reckons|reckoned|thinks|thought|described|describes|called|calls|welcomed|welcomes|
confirmed|confirms|revealed|reveals|denied|denies|pointed|points|recalled|recalls|
estimated|estimates|forecast|forecasts|cautioned|cautions|complained|complains|accused|accuses|
dismissed|dismisses|blamed|blames|questioned|questions|hopes|hoped|feels|felt|predicts|maintained|
maintains|countered|counters|promised|promises|vowed|vows|pledged|pledges|expected|expects|boasted|boasts`)

// IsSpeechVerb reports a verb that introduces what someone said ("said",
// "warned", "believes").
func IsSpeechVerb(w string) bool { return speechVerbs[w] }

// IsNumberWord reports an English number word ("two", "dozens",
// "million").
func IsNumberWord(w string) bool {
	_, ok := numberWords[w]
	return ok
}

var pronouns = set("he|she|they|it|we|i")

// orgWords mark a capitalised run as an organisation wherever they stand
// in it: the words English company and party names are made with
// ("Inc", "Holdings", "Securities", "Airways"; "Democrats", "Tories")
// and the words for institutions whose commonest WordNet sense is another
// ("Bank", "Foundation", "Trust", "Authority", "Fund", "Force",
// "Chamber", "Festival"). Other
// bodies ("Council", "Ministry", "University") are WordNet's: see
// bodyNoun and orgName.
var orgWords = set(`inc|ltd|plc|llc|corp|corporation|co|company|companies|group|holdings|partners|capital|securities|
technologies|systems|labs|laboratories|industries|airlines|airways|motors|studios|pictures|entertainment|
records|media|news|times|post|press|journal|magazine|
bank|service|services|office|foundation|trust|authority|network|fund|assembly|force|forces|unit|exchange|
chamber|chambers|festival|
democrats|conservatives|republicans|tories|labour|greens`)

// placeWords end the name of a place: the kinds of street, land and
// water ("Regent Street", "Marin County", "Walnut Creek" is WordNet's).
var placeWords = set(`street|road|avenue|square|city|county|state|province|region|river|
island|islands|mountains|valley|bay|sea|ocean|lake|park|bridge|district|borough|village|town|coast|peninsula|
kingdom|republic|states`)

// notNames are capitalised words that begin sentences or headings but name
// nothing: determiners, pronouns, prepositions, conjunctions, numerals
// and other function words (closed classes). Whether any other word that
// starts a sentence is a name, nameAtStart decides.
var notNames = set(`the|a|an|this|that|these|those|there|here|it|its|he|she|they|we|i|you|his|her|their|our|my|your|
in|on|at|by|for|from|to|of|with|without|after|before|during|since|until|while|when|where|why|how|what|which|who|
but|and|or|so|yet|if|although|though|because|as|also|meanwhile|however|therefore|moreover|despite|apart|given|
some|many|most|more|other|others|all|both|each|every|any|no|not|one|two|three|four|five|six|seven|eight|nine|ten|
over|under|about|around|now|then|today|yesterday|tomorrow|last|next|first|second|third|further|still|according|
everyone|nobody|somebody|someone|everybody|nothing|something|everything|
let|please|thanks|yes|we're|it's|i'm|i've|we've|that's|there's|they're|what's|he's|she's`)

var weekdays = set("monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend")

var months = set("january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")

// holidays are named times of year.
var holidays = set("christmas|easter|new year|new year's|ramadan|eid|diwali|hanukkah|thanksgiving|halloween|boxing day|christmas day|christmas eve|new year's eve|new year's day|lent|advent|passover")

// eras are named periods that follow "since", "during", "after", "before".
var eras = set("cold war|first world war|second world war|world war i|world war ii|great depression|financial crisis|pandemic|war|recession|crisis|election|general election|referendum|olympics|world cup")

// numberWords maps English number words to their values.
var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
	"million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12, "half": 0.5,
	"a dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6,
	"billions": 2e9, "score": 20, "scores": 40, "couple": 2, "pair": 2, "tenth": 0.1,
	"quarter": 0.25, "third": 1.0 / 3, "thirds": 2.0 / 3, "fifth": 0.2, "handful": 5,
}

// scaleWords multiply the number before them.
var scaleWords = set("hundred|thousand|million|billion|trillion|m|bn|k|mn|tn")

// ApproximatorLen returns how many of the last words of before (lower
// case, in order) make an approximator that belongs to the number after
// them ("more than", "at least", "about"), or 0.
func ApproximatorLen(before []string) int {
	for n := min(4, len(before)); n > 0; n-- {
		if approximators[strings.Join(before[len(before)-n:], " ")] {
			return n
		}
	}
	return 0
}

// approximators stand before a number and belong to it.
var approximators = set(`about|around|approximately|nearly|almost|over|under|roughly|some|up to|more than|less than|
fewer than|at least|at most|as many as|as much as|as few as|in excess of|just over|just under|well over|
an estimated|estimated|upwards of|close to|no more than|no fewer than|no less than|only|just|barely|
a further|another|an extra|a total of|a record|a mere|almost exactly`)

// unitWords follow a number and say what it measures ("13 weeks").
var timeUnits = set("second|seconds|minute|minutes|hour|hours|day|days|week|weeks|month|months|year|years|decade|decades|century|centuries")

// PlaceOf returns the canonical place a lower-case name or adjective
// stands for ("dutch", "the netherlands", "holland": "Netherlands"), or "".
// The names are the lexicon's: countries, their aliases, demonyms and
// capitals from the countries data set, and WordNet's named places.
func PlaceOf(lower string) string {
	if p, ok := lexicon.Default().Place(lower); ok {
		return p.Name
	}
	return ""
}

// placeIn returns the place the tokens toks[from:to] name, if the
// sentence lets them be read as one: a name that is also a common word
// or a given name ("Turkey", "Jordan", "Chad") is a place only after a
// preposition of place or inside the sentence, where its capital letter
// says it is a name; at the start of a sentence it may be the word or
// the person ("Jordan said", "Turkey prices rose").
func placeIn(toks []text.Token, from, to int, lower string) (lexicon.Place, bool) {
	p, ok := lexicon.Default().Place(lower)
	if !ok {
		return p, false
	}
	if p.Ambiguous() && from == firstWordIndex(toks) && !afterPlacePrep(toks, from) {
		return p, false
	}
	return p, true
}
