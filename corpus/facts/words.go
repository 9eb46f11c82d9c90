package facts

import (
	"github.com/articlebot/articlebot/corpus/lexicon"
	"github.com/articlebot/articlebot/corpus/pos"
	"github.com/articlebot/articlebot/corpus/text"
)

// What a word is, asked of the lexicon (WordNet and the given-name
// lists) rather than of hand lists: every rule below holds for any
// English word, not only those of the articles the rules were tried on.

// common reports a word WordNet writes in lower case: "speculation",
// "naturally", "cathedral", but not "Clark" or "Boeing".
func common(w string) bool { return lexicon.Default().Common(w) }

// givenName reports a first name ("Kate", "Tim", "Jordan"), with whose it
// is: 'f', 'm', or 0 for either.
func givenName(w string) (gender byte, ok bool) {
	sex, ok := lexicon.Default().GivenName(text.StripPossessive(w))
	switch sex {
	case lexicon.Female:
		return 'f', ok
	case lexicon.Male:
		return 'm', ok
	}
	return 0, ok
}

// nounClasses returns the WordNet classes of a common noun, and its
// supersense; ok is false when the word is no common noun.
func nounClasses(w string) (lexicon.Class, lexicon.Lexname, bool) {
	lx := lexicon.Default()
	if !lx.Common(w) || !lx.Has(lx.Lemma(w, lexicon.Noun), lexicon.Noun) {
		return 0, 0, false
	}
	ss, _ := lx.Supersense(w, lexicon.Noun)
	return lx.Classes(w), ss, true
}

// personNoun reports a common noun for a person: a role ("minister",
// "spokeswoman") or any other noun WordNet files under noun.person
// ("official", "analyst", "resident", "actor").
func personNoun(w string) bool {
	if roleNouns[w] {
		return true
	}
	c, ss, ok := nounClasses(w)
	return ok && ss == lexicon.NounPerson && c.Has(lexicon.ClassPerson)
}

// bodyNoun reports a common noun for an organisation or a group that can
// speak as one: "ministry", "police", "council", "government".
func bodyNoun(w string) bool {
	if orgWords[w] {
		return true
	}
	c, ss, ok := nounClasses(w)
	return ok && ss == lexicon.NounGroup && (c.Has(lexicon.ClassOrganization) || c.Has(lexicon.ClassSocialGroup))
}

// thingKind says what a capitalised run whose head is the common noun w
// names, when it is no person: a place ("Zone", "Creek", "Pole",
// "Cathedral", "Amphitheatre"), an organisation ("Division", "Council",
// a plural of people or animals: "Brothers", "Lions"), or "" for
// anything else (an event, a product, a work: "Hurricane", "Record",
// "Biology").
func thingKind(w string) Kind {
	c, ss, ok := nounClasses(w)
	if !ok {
		return ""
	}
	switch {
	case ss == lexicon.NounGroup && (c.Has(lexicon.ClassOrganization) || c.Has(lexicon.ClassSocialGroup)):
		return KindOrg
	case c.Has(lexicon.ClassStructure), c.Has(lexicon.ClassLocation), ss == lexicon.NounLocation, ss == lexicon.NounObject: // "creek", "hill", "pole"
		return KindPlace
	case plural(w) && (ss == lexicon.NounPerson || ss == lexicon.NounAnimal):
		return KindOrg
	}
	return ""
}

// siteOrBody reports a common noun for a building, a place or an
// organisation ("Pavilion", "Garden", "Council"): what ends the name of
// one even after a first name ("Cynthia Woods Mitchell Pavilion"). Other
// common nouns can be surnames after a first name ("Kate Lamb", "Emma
// Stone", "Rachel Reeves").
func siteOrBody(w string) bool {
	if _, named := lexicon.Default().Place(w); named {
		return false // "Japan": a place's own name, not a kind of site
	}
	c, ss, ok := nounClasses(w)
	return ok && (ss == lexicon.NounArtifact && c.Has(lexicon.ClassStructure) || ss == lexicon.NounLocation ||
		ss == lexicon.NounGroup && (c.Has(lexicon.ClassOrganization) || c.Has(lexicon.ClassSocialGroup)))
}

// thingHead reports a common word that ends the names of things but
// seldom a surname: a building, place or body (siteOrBody), a word that
// is no noun ("Live"), or a noun of a field, an act, an event, a state, a
// time or a message ("Robotics", "Drive", "Fire", "Health", "Stage",
// "Record"). Surnames that are common nouns are of other kinds: things
// ("Trump", "Stone"), plants ("Bush"), colours ("Brown"), animals
// ("Lamb"), people ("Baker").
func thingHead(w string) bool {
	_, ss, ok := nounClasses(w)
	if !ok {
		return common(w)
	}
	switch ss {
	case lexicon.NounCognition, lexicon.NounCommunication, lexicon.NounEvent, lexicon.NounAct,
		lexicon.NounState, lexicon.NounTime, lexicon.NounPhenomenon, lexicon.NounProcess:
		return true
	}
	return siteOrBody(w)
}

// lemmaKind says what a name WordNet has as a lemma names: a body ("White
// House", "United Nations": noun.group), a place ("North Pole",
// "Atlantic": noun.location, or a named natural object), or "" (a
// person, a thing, or no lemma).
func lemmaKind(name string) Kind {
	lx := lexicon.Default()
	if !lx.Has(name, lexicon.Noun) {
		return ""
	}
	ss, _ := lx.Supersense(name, lexicon.Noun)
	c := lx.Classes(name)
	switch {
	case ss == lexicon.NounGroup && (c.Has(lexicon.ClassOrganization) || c.Has(lexicon.ClassSocialGroup)):
		return KindOrg
	case ss == lexicon.NounLocation, ss == lexicon.NounObject && !lx.Common(name):
		return KindPlace
	}
	return ""
}

// facility reports a noun for a building or site that names a place even
// where a body runs it ("Trafford Centre", "Royal Infirmary"): a
// structure, or a point or area WordNet files under noun.location
// ("centre"), not a body ("Council") nor a word for companies.
func facility(w string) bool {
	c, ss, ok := nounClasses(w)
	return ok && !bodyNoun(w) && !orgWords[w] && (c.Has(lexicon.ClassStructure) || ss == lexicon.NounLocation)
}

// loneNameKind says what a lone capitalised word names when no one was
// introduced by it: what WordNet files it as when it knows the name (a
// body for noun.group, a place for noun.location; nothing for a person,
// a language or a creed: "Muslim", "Fahrenheit", "Sanskrit"), else a body
// ("Acme said", "Boeing").
func loneNameKind(w string) Kind {
	ss, ok := lexicon.Default().Supersense(w, lexicon.Noun)
	switch {
	case !ok:
		return KindOrg
	case ss == lexicon.NounGroup:
		return KindOrg
	case ss == lexicon.NounLocation:
		return KindPlace
	}
	return ""
}

// timeNoun reports a noun for a stretch of time or a dated event that
// "since" and "during" can take: "interval", "recession", "war".
func timeNoun(w string) bool {
	c, ss, ok := nounClasses(w)
	return ok && (ss == lexicon.NounTime || c.Has(lexicon.ClassTimePeriod))
}

// plural reports a noun written in the plural: its WordNet base form is
// not itself ("brothers" -> "brother", "lions" -> "lion").
func plural(w string) bool {
	lx := lexicon.Default()
	b := lx.Lemma(w, lexicon.Noun)
	return b != w && lx.Has(b, lexicon.Noun)
}

// properTag reports the tagger's proper-noun tags.
func properTag(t pos.Tag) bool { return t.Proper() }
