package facts

import (
	"strings"

	"github.com/articlebot/articlebot/corpus/text"
)

// What the extractor remembers of an article as it reads it: the people
// and the organisations named so far, indexed by the words later
// mentions call them by, so that each mention is resolved in time that
// does not grow with the number named before it.

// people holds the people met so far.
type people struct {
	list      []*Person
	byName    map[string]*Person   // lower-case full name
	bySurname map[string][]*Person // surname (surnameOf)
	byFirst   map[string][]*Person // lower-case first word of names of two or more words
}

func newPeople() *people {
	return &people{byName: map[string]*Person{}, bySurname: map[string][]*Person{}, byFirst: map[string][]*Person{}}
}

// find returns the person a name is of: one of that full name, or of
// that surname and a first name that agrees (sameFirstName).
func (ps *people) find(name string) *Person {
	if p, ok := ps.byName[strings.ToLower(name)]; ok {
		return p
	}
	for _, q := range ps.bySurname[surnameOf(text.Tokenize(name))] {
		if sameFirstName(q.Name, name) {
			return q
		}
	}
	return nil
}

// named returns the person whose full name is name, or nil.
func (ps *people) named(name string) *Person { return ps.byName[strings.ToLower(name)] }

// byFirstName returns the one person named before whose first name is
// name, or nil when none or several have it.
func (ps *people) byFirstName(name string) *Person {
	if qs := ps.byFirst[strings.ToLower(name)]; len(qs) == 1 {
		return qs[0]
	}
	return nil
}

// add records a new person.
func (ps *people) add(p *Person) {
	ps.list = append(ps.list, p)
	ps.index(p, true)
}

// rename gives a person a longer name ("Rachel Reeves" after "Reeves").
func (ps *people) rename(p *Person, name string) {
	delete(ps.byName, strings.ToLower(p.Name))
	p.Name = name
	ps.index(p, false)
}

// index files a person under their name's words; a new person is in no
// list yet, so only a renamed one is looked for first.
func (ps *people) index(p *Person, fresh bool) {
	ps.byName[strings.ToLower(p.Name)] = p
	toks := text.Tokenize(p.Name)
	if s := surnameOf(toks); s != "" && (fresh || !containsPerson(ps.bySurname[s], p)) {
		ps.bySurname[s] = append(ps.bySurname[s], p)
	}
	if words := nameWords(toks, 0, len(toks)); len(words) > 1 && (fresh || !containsPerson(ps.byFirst[words[0]], p)) {
		ps.byFirst[words[0]] = append(ps.byFirst[words[0]], p)
	}
}

func containsPerson(list []*Person, p *Person) bool {
	for _, q := range list {
		if q == p {
			return true
		}
	}
	return false
}

// bodies holds the organisations named so far, outside quotes.
type bodies struct {
	count  map[string]int
	byWord map[string][]string // lower-case word of a name -> names, in the order first named
	first  map[string]string   // lower-case first word of a name of two or more words -> the first such name
	main   string              // the one named most often; of two named as often, the first
}

func newBodies() *bodies {
	return &bodies{count: map[string]int{}, byWord: map[string][]string{}, first: map[string]string{}}
}

// add counts a mention of an organisation.
func (bs *bodies) add(name string) {
	if bs.count[name] == 0 {
		toks := text.Tokenize(name)
		words := nameWords(toks, 0, len(toks))
		for _, w := range words {
			if len(bs.byWord[w]) == 0 || bs.byWord[w][len(bs.byWord[w])-1] != name {
				bs.byWord[w] = append(bs.byWord[w], name)
			}
		}
		if len(words) > 1 {
			if _, ok := bs.first[words[0]]; !ok {
				bs.first[words[0]] = name
			}
		}
	}
	bs.count[name]++
	if bs.count[name] > bs.count[bs.main] {
		bs.main = name
	}
}

// named reports an organisation of that name.
func (bs *bodies) named(name string) bool { return bs.count[name] > 0 }

// startingWith returns the organisation whose name's first word is w
// ("Harbour Bank" for "harbour"), or "".
func (bs *bodies) startingWith(w string) string { return bs.first[w] }

// withWord returns the organisation named most often whose name holds
// the word ("Ministry of Health" for "ministry"), or "".
func (bs *bodies) withWord(w string) string {
	best, n := "", 0
	for _, name := range bs.byWord[w] {
		if c := bs.count[name]; c > n {
			best, n = name, c
		}
	}
	return best
}
