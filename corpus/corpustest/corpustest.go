// Package corpustest makes corpora for tests and benchmarks: generated
// news-shaped articles, as text or as a folder of article files, from a
// fixed seed so that every run sees the same words.
package corpustest

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// Word lists of the generated articles: names with roles, places, things
// counted, changes and times, the shapes of news English.
var (
	first  = []string{"Maria", "John", "Anna", "Peter", "Laura", "Samuel", "Grace", "Omar", "Chen", "Ines"}
	last   = []string{"Lopez", "Smith", "Novak", "Okafor", "Tanaka", "Brown", "Rossi", "Haddad", "Kim", "Silva"}
	roles  = []string{"Finance Minister", "chief executive", "Health Secretary", "spokeswoman", "analyst", "mayor"}
	places = []string{"France", "Kenya", "Brazil", "Japan", "Canada", "Poland", "Egypt", "Spain"}
	nouns  = []string{"workers", "homes", "schools", "troops", "patients", "shops", "games", "voters"}
	verbs  = []string{"rise", "fall", "be cut", "double", "be delayed", "grow"}
	days   = []string{"Monday", "Tuesday", "Friday", "11 March", "June 2024", "next week"}
)

// Questions are questions of each kind about generated articles.
var Questions = []string{
	"How many schools will Maria Lopez close?",
	"Who is the Health Secretary of Kenya?",
	"When will patients in Brazil double?",
	"Who said they expect more voters?",
}

// Generator makes articles, each from the generator's own random source.
type Generator struct{ r *rand.Rand }

// New returns a generator seeded with seed.
func New(seed int64) *Generator { return &Generator{r: rand.New(rand.NewSource(seed))} }

func (g *Generator) pick(s []string) string { return s[g.r.Intn(len(s))] }

// Article returns the text of article i: a title line and 8 paragraphs of
// 3 sentences (a statement with a person, a role, a number and a place;
// a quote; a cost), 24 sentences in all.
func (g *Generator) Article(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Report %d on %s\n\n", i, g.pick(nouns))
	for p := 0; p < 8; p++ {
		name := g.pick(first) + " " + g.pick(last)
		fmt.Fprintf(&b, "%s %s %s said %d %s in %s would %s by %s. ", g.pick(places[:4]), g.pick(roles), name, 10+g.r.Intn(9000), g.pick(nouns), g.pick(places), g.pick(verbs), g.pick(days))
		fmt.Fprintf(&b, "“We expect about %d%% more %s,” %s said. ", 2+g.r.Intn(40), g.pick(nouns), strings.Fields(name)[1])
		fmt.Fprintf(&b, "Officials in %s put the cost at £%dm, up from £%dm last year.\n\n", g.pick(places), 10+g.r.Intn(500), 5+g.r.Intn(300))
	}
	return b.String()
}

// Name is the file name (without extension) of article i.
func Name(i int) string { return fmt.Sprintf("gen-%05d", i) }

// WriteFolder writes n generated articles (seed 1) into dir as
// gen-NNNNN.txt and returns dir.
func WriteFolder(dir string, n int) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	g := New(1)
	for i := 0; i < n; i++ {
		if err := os.WriteFile(filepath.Join(dir, Name(i)+".txt"), []byte(g.Article(i)), 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// LongSentence is an article of one sentence of about words words, with
// numbers of things sent: a how-many question finds many candidates in it.
func LongSentence(words int) string {
	units := []string{"troops", "planners", "ships", "tanks", "officers"}
	var b strings.Builder
	b.WriteString("A long report\n\nThe ministry said that")
	for i, n := 0, 0; n < words; i++ {
		fmt.Fprintf(&b, " %d %s were sent by the council to the border and", 2+i*7%1000, units[i%len(units)])
		n += 10
	}
	b.WriteString(" more are expected soon.\n")
	return b.String()
}
