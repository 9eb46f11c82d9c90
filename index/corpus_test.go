package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
)

// article builds an article from its sentences, one paragraph each, with
// no facts.
func article(id string, sentences ...string) *corpus.Article {
	a := &corpus.Article{ID: id, Title: id, Source: "test"}
	for i, s := range sentences {
		a.Sentences = append(a.Sentences, corpus.Sentence{Article: id, Paragraph: i + 1, Index: i + 1, Text: s})
		a.Paragraphs = append(a.Paragraphs, []int{i})
	}
	return a
}

// withFacts adds facts to sentence n (1-based) of a.
func withFacts(a *corpus.Article, n int, fs ...facts.Fact) *corpus.Article {
	for i := range fs {
		fs[i].Sentence = n
	}
	a.Sentences[n-1].Facts = append(a.Sentences[n-1].Facts, fs...)
	return a
}

// newsCorpus is a small corpus of varied news: politics, business,
// technology, sport, and a little of everything the tests need.
func newsCorpus() *corpus.Corpus {
	pol := article("politics",
		"On Thursday, Britain's Defence Secretary asked military leaders from about 30 countries to keep plans to send troops to the region.",
		"The minister stressed the importance of putting pressure on the Kremlin to end the war.",
		"“We must be ready for when peace comes,” he said.",
		"American support is key for success, officials from the Netherlands and Sweden said.",
		"Some estimates suggest that a force of 10,000 to 30,000 troops could be set up.",
		"Opposition MPs told us the plan was rushed through parliament.",
		"The vote on the defense budget was postponed until next week.",
	)
	withFacts(pol, 3, facts.Fact{Kind: facts.KindQuote, Text: "We must be ready for when peace comes", Speaker: "John Healey"})
	withFacts(pol, 1,
		facts.Fact{Kind: facts.KindPlace, Text: "Britain", Value: "Britain"},
		facts.Fact{Kind: facts.KindTime, Text: "Thursday", Value: "Thursday"},
		facts.Fact{Kind: facts.KindQuantity, Text: "about 30 countries", Value: "30"})
	biz := article("business",
		"Shares in the music company sank by more than 16% after a profit warning.",
		"Retailers reported record takings as shoppers flocked to the sales.",
		"The chief executive said sales would be 8 per cent lower than last year.",
		"Prices of petrol rose for the third month in a row.",
		"The firm plans to cut 500 jobs and close two factories.",
		"Investors care more about the slump in sales than about the delays.",
	)
	withFacts(biz, 3, facts.Fact{Kind: facts.KindPerson, Text: "chief executive", Value: "Alain Levy", Role: "chief executive"})
	tech := article("tech",
		"The handheld console will go on sale in the US in March for $149.",
		"More than 2.8 million consoles have been sold since it first appeared in Japan.",
		"A short-range messaging application lets players chat nearby.",
		"The new movie streaming service launches online next spring.",
		"Analysts said the phone maker had been very quiet about its plans.",
	)
	sport := article("sport",
		"The home side won 3-1 in front of a crowd of 40,000 on Saturday.",
		"The manager praised his players after the football match.",
		"Soldiers formed a guard of honour before kick-off.",
		"The captain said the team would fight for the title until the end.",
		"Tickets for the final sold out within an hour.",
	)
	return corpus.New([]*corpus.Article{pol, biz, tech, sport})
}

// Word lists for generated corpora.
var (
	genSubjects = []string{"The minister", "The council", "The company", "Investors", "The coach", "Scientists", "The union", "Officials", "The bank", "Voters", "The chief executive", "Police", "The committee", "Shoppers", "Engineers", "The club", "Doctors", "Regulators", "The airline", "Farmers"}
	genVerbs    = []string{"announced", "rejected", "approved", "criticised", "welcomed", "delayed", "expanded", "cut", "reviewed", "launched", "defended", "questioned", "funded", "blocked", "backed", "reported", "raised", "lowered", "warned about", "praised"}
	genObjects  = []string{"the budget", "a new stadium", "the merger", "plans for a railway", "the interest rate", "a pay deal", "the election timetable", "a vaccine trial", "the transfer fee", "fuel prices", "the housing scheme", "a trade agreement", "the school reforms", "the broadband rollout", "the league rules", "a hospital upgrade", "the pension fund", "new safety checks", "the airport expansion", "a climate target"}
	genTails    = []string{"on Monday", "after weeks of talks", "despite strong opposition", "in a surprise move", "for the second year running", "ahead of the summer", "according to a report", "in the capital", "amid growing pressure", "at a meeting in the city"}
	genPlaces   = []string{"Leeds", "Cardiff", "Glasgow", "Dublin", "Paris", "Berlin", "Madrid", "Toronto", "Sydney", "Chicago"}
)

// generatedCorpus builds, deterministically, n articles of m sentences of
// varied news-like text.
func generatedCorpus(n, m int) *corpus.Corpus {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	articles := make([]*corpus.Article, 0, n)
	for i := range n {
		sents := make([]string, 0, m)
		for range m {
			var b strings.Builder
			fmt.Fprintf(&b, "%s %s %s %s", pick(genSubjects), pick(genVerbs), pick(genObjects), pick(genTails))
			switch r.IntN(4) {
			case 0:
				fmt.Fprintf(&b, ", costing %d,%03d pounds", 1+r.IntN(900), r.IntN(1000))
			case 1:
				fmt.Fprintf(&b, " in %s", pick(genPlaces))
			case 2:
				fmt.Fprintf(&b, ", up %d per cent", 1+r.IntN(40))
			}
			b.WriteByte('.')
			sents = append(sents, b.String())
		}
		articles = append(articles, article(fmt.Sprintf("gen-%04d", i), sents...))
	}
	return corpus.New(articles)
}

// openIndex opens an index of c and closes it when the test ends.
func openIndex(tb testing.TB, c *corpus.Corpus, opts Options) *Index {
	tb.Helper()
	ix, err := Open(context.Background(), c, opts)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() {
		if err := ix.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return ix
}

// mustSearch runs q and fails the test on error.
func mustSearch(tb testing.TB, ix *Index, q Query) []Hit {
	tb.Helper()
	hits, err := ix.Search(context.Background(), q)
	if err != nil {
		tb.Fatalf("Search(%+v): %v", q, err)
	}
	return hits
}

// sentenceText returns the text of a hit's sentence.
func sentenceText(tb testing.TB, c *corpus.Corpus, h Hit) string {
	tb.Helper()
	a := c.Article(h.Article)
	if a == nil {
		tb.Fatalf("hit in unknown article %q", h.Article)
	}
	s, ok := a.Sentence(h.Sentence)
	if !ok {
		tb.Fatalf("hit %s/%d: no such sentence", h.Article, h.Sentence)
	}
	return s.Text
}

// rankOf returns the 0-based rank of article/n in hits, or -1.
func rankOf(hits []Hit, article string, n int) int {
	for i, h := range hits {
		if h.Article == article && h.Sentence == n {
			return i
		}
	}
	return -1
}
