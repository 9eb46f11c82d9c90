package lexicon

// Lexname is a WordNet lexicographer file: the supersense of a synset
// ("noun.person", "verb.communication").
type Lexname uint8

// lexnames are WordNet 3.0's lexicographer files, by number, as
// lexnames(5WN) lists them; the word table stores the numbers.
var lexnames = [...]string{
	"adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal",
	"noun.artifact", "noun.attribute", "noun.body", "noun.cognition",
	"noun.communication", "noun.event", "noun.feeling", "noun.food",
	"noun.group", "noun.location", "noun.motive", "noun.object",
	"noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
	"noun.process", "noun.quantity", "noun.relation", "noun.shape",
	"noun.state", "noun.substance", "noun.time", "verb.body", "verb.change",
	"verb.cognition", "verb.communication", "verb.competition",
	"verb.consumption", "verb.contact", "verb.creation", "verb.emotion",
	"verb.motion", "verb.perception", "verb.possession", "verb.social",
	"verb.stative", "verb.weather", "adj.ppl",
}

// The lexicographer files callers ask about by name (numbers from
// lexnames(5WN)).
const (
	NounTops          Lexname = 3
	NounAct           Lexname = 4
	NounAnimal        Lexname = 5
	NounArtifact      Lexname = 6
	NounAttribute     Lexname = 7
	NounBody          Lexname = 8
	NounCognition     Lexname = 9
	NounCommunication Lexname = 10
	NounEvent         Lexname = 11
	NounGroup         Lexname = 14
	NounLocation      Lexname = 15
	NounObject        Lexname = 17
	NounPerson        Lexname = 18
	NounPhenomenon    Lexname = 19
	NounPossession    Lexname = 21
	NounProcess       Lexname = 22
	NounQuantity      Lexname = 23
	NounState         Lexname = 26
	NounTime          Lexname = 28
	VerbCognition     Lexname = 31
	VerbCommunication Lexname = 32
	VerbCompetition   Lexname = 33
	VerbMotion        Lexname = 38
	VerbPossession    Lexname = 40
	VerbSocial        Lexname = 41
	VerbStative       Lexname = 42
)

// String returns the file's name, "noun.person".
func (n Lexname) String() string {
	if int(n) < len(lexnames) {
		return lexnames[n]
	}
	return "lexname(?)"
}

// Class is a set of broad classes of a noun, from the hypernyms of its
// frequent senses. It helps decide what a question asks for: "which
// university" an organization, "how many troops" a group of people,
// "what year" a time.
type Class uint32

// The classes, each the hyponyms of one WordNet synset (the generator's
// classRoots hold the synsets; the bit order is the table's).
const (
	ClassPerson       Class = 1 << iota // person.n.01
	ClassSocialGroup                    // social_group.n.01: people as a group ("troops", "council")
	ClassOrganization                   // organization.n.01
	ClassLocation                       // location.n.01
	ClassCountry                        // country.n.02: a nation's territory
	ClassCity                           // city.n.01
	ClassTimePeriod                     // time_period.n.01 ("year", "week")
	ClassTimeUnit                       // time_unit.n.01
	ClassMeasureUnit                    // unit_of_measurement.n.01 ("mile", "tonne")
	ClassQuantity                       // measure.n.02: how much or how many
	ClassMoney                          // monetary_unit.n.01 and money.n.01 ("dollar", "pound")
	ClassEvent                          // event.n.01
	ClassBodyPart                       // body_part.n.01
	ClassAnimal                         // animal.n.01
	ClassStructure                      // structure.n.01 and facility.n.01: a building or a site built for a use ("cathedral", "stadium", "airport")
)

var classNames = []string{"person", "social-group", "organization", "location", "country", "city", "time-period", "time-unit", "measure-unit", "quantity", "money", "event", "body-part", "animal", "structure"}

// Has reports whether c holds every class of x.
func (c Class) Has(x Class) bool { return x != 0 && c&x == x }

// String lists the classes: "social-group|organization".
func (c Class) String() string {
	var out []byte
	for i, n := range classNames {
		if c&(1<<i) != 0 {
			if len(out) > 0 {
				out = append(out, '|')
			}
			out = append(out, n...)
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return string(out)
}
