package facts

import (
	"strings"
	"testing"
)

// The tests in this file pin extraction on text written for them, in the
// shapes of several kinds of news (courts, sport, markets, arts, science,
// local news, wire copy), none taken from the question sets: the rules
// must hold for any article.

// factsOf extracts the facts of an article given as sentences and
// returns them all.
func factsOf(t *testing.T, sentences ...string) []Fact {
	t.Helper()
	var out []Fact
	for _, fs := range Extract(sentences).Sentences {
		out = append(out, fs...)
	}
	return out
}

// hasFact reports a fact of a kind whose text (or, for quotes, speaker)
// is text.
func hasFact(fs []Fact, k Kind, text string) bool {
	for _, f := range fs {
		if f.Kind == k && (f.Text == text || k == KindQuote && f.Speaker == text) {
			return true
		}
	}
	return false
}

// TestSentenceOpeningWordsAreNoNames: a common word that opens a sentence
// is capitalised only because it opens it. It is no organisation, person
// or place, whatever its part of speech.
func TestSentenceOpeningWordsAreNoNames(t *testing.T) {
	tests := []struct {
		genre, sentence, word string
	}{
		{"courts", "Prosecutors told the jury the defendant had lied.", "Prosecutors"},
		{"courts", "Sentencing was adjourned until next month.", "Sentencing"},
		{"courts", "Jurors deliberated for six hours before the verdict.", "Jurors"},
		{"sport", "Naturally, the manager defended his players.", "Naturally"},
		{"sport", "Injuries have hit the squad hard this season.", "Injuries"},
		{"sport", "Visiting fans were kept behind after the final whistle.", "Visiting"},
		{"markets", "Speculation grew that the lender would cut rates.", "Speculation"},
		{"markets", "Shares in the retailer fell 4% in early trading.", "Shares"},
		{"markets", "Investors sold bonds as inflation rose.", "Investors"},
		{"markets", "Analysts had expected a smaller loss.", "Analysts"},
		{"arts", "Critics praised the production's staging.", "Critics"},
		{"arts", "Tickets for the opening night sold out in an hour.", "Tickets"},
		{"science", "Isolation leaves island birds open to new diseases.", "Isolation"},
		{"science", "Avian flu has spread to three more farms.", "Avian"},
		{"science", "Researchers measured the ice sheet from orbit.", "Researchers"},
		{"local", "Residents complained about the smell from the plant.", "Residents"},
		{"local", "Repairs will close the bridge for a week.", "Repairs"},
		{"wire", "Officials said the storm had weakened overnight.", "Officials"},
		{"wire", "Hundreds of homes were left without power.", "Hundreds"},
		{"wire", "Ironically, the flood defences had just been repaired.", "Ironically"},
	}
	for _, tt := range tests {
		t.Run(tt.genre+"/"+tt.word, func(t *testing.T) {
			for _, f := range factsOf(t, tt.sentence) {
				if f.Text == tt.word && (f.Kind == KindOrg || f.Kind == KindPerson || f.Kind == KindPlace) {
					t.Errorf("%q is a %s fact: %+v", tt.word, f.Kind, f)
				}
			}
		})
	}
	// The same words inside a sentence, and names that open one, are
	// still names.
	names := []struct {
		sentence string
		kind     Kind
		text     string
	}{
		{"Boeing said it would deliver the jets next year.", KindOrg, "Boeing"},
		{"Kowalczyk scored twice before half-time.", KindOrg, "Kowalczyk"}, // a lone unknown name: a body until someone introduces it
		{"China said it would answer the tariffs.", KindPlace, "China"},
		{"Judge Helen Marsh adjourned the hearing.", KindPerson, "Helen Marsh"},
		{"Grace Okafor, the club's captain, lifted the cup.", KindPerson, "Grace Okafor"},
	}
	for _, tt := range names {
		t.Run(tt.text, func(t *testing.T) {
			if fs := factsOf(t, tt.sentence); !hasFact(fs, tt.kind, tt.text) {
				t.Errorf("no %s %q in %+v", tt.kind, tt.text, fs)
			}
		})
	}
	t.Run("a word the article capitalises elsewhere", func(t *testing.T) {
		fs := factsOf(t, "Shares in Harbour Bank rose.", "Harbour said profits would double.")
		if !hasFact(fs, KindOrg, "Harbour") {
			t.Errorf("no organisation Harbour in %+v", fs)
		}
	})
}

// TestSinceNameIsNoTime: "since" and "during" take a name as a time only
// when the name is one.
func TestSinceNameIsNoTime(t *testing.T) {
	tests := []struct {
		genre, sentence string
		time            string // the time fact expected, or "" for none with "since"/"during"
	}{
		{"markets", "Profits have doubled since Rank took over the chain.", ""},
		{"sport", "The club has not lost since Kowalczyk arrived.", ""},
		{"courts", "He has been in custody since Operation Larch began.", ""},
		{"arts", "Sales have risen during Hartley's tenure as director.", ""},
		{"wire", "Power has been out since Hurricane Omar made landfall.", ""},
		{"science", "The glacier has retreated since the Little Ice Age.", ""},
		{"local", "The library has been shut since March.", "since March"},
		{"local", "The market has run every week since 1987.", "since 1987"},
		{"sport", "They have not won away since Christmas.", "since Christmas"},
		{"wire", "Two players were replaced during the interval.", "during the interval"},
		{"markets", "The index has not been this low since the financial crisis.", "since the financial crisis"},
		{"science", "Lightning has become more common since the Cold War.", "since the Cold War"},
	}
	for _, tt := range tests {
		t.Run(tt.genre+"/"+tt.sentence, func(t *testing.T) {
			var got []string
			for _, f := range factsOf(t, tt.sentence) {
				if f.Kind == KindTime && (strings.HasPrefix(f.Text, "since") || strings.HasPrefix(f.Text, "during")) {
					got = append(got, f.Text)
				}
			}
			want := []string{}
			if tt.time != "" {
				want = []string{tt.time}
			}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("times %q, want %q", got, want)
			}
		})
	}
}

// TestSaidAttributionNeedsSomeone: the speaker after ", said" is a
// person (named or described) or a body; a building, a storm or the
// words said are none.
func TestSaidAttributionNeedsSomeone(t *testing.T) {
	tests := []struct {
		genre     string
		sentences []string
		speaker   string // of the last sentence's quote; "" for no quote
	}{
		{"courts", []string{`"The evidence is overwhelming," said prosecutor Dana Whitfield.`}, "Dana Whitfield"},
		{"courts", []string{"The appeal would be heard in May, said a court spokeswoman."}, "a court spokeswoman"},
		{"sport", []string{`"We never stopped running," said the club's captain, Tomasz Brenner.`}, "Tomasz Brenner"},
		{"sport", []string{"United coach Ray Osei named an unchanged side.", `"They were brilliant," the coach said.`}, "Ray Osei"},
		{"markets", []string{"Rates will stay high for longer, said an economist at a Frankfurt bank."}, "an economist at a Frankfurt bank"},
		{"markets", []string{"Harbour Bank reported a loss.", "Costs rose faster than expected, the bank said."}, "Harbour Bank"},
		{"arts", []string{"The roof will be repaired first, said the Anglican Cathedral."}, ""},
		{"arts", []string{"Visitors were asked to leave, the gallery's director, Ines Moreau, said."}, "Ines Moreau"},
		{"science", []string{"The samples were contaminated, according to a senior researcher."}, "a senior researcher"},
		{"science", []string{"The results hold for every species tested, said the Kestrel Observatory."}, ""},
		{"local", []string{"The road will reopen on Friday, the council said."}, "the council"},
		{"local", []string{"Three people were hurt, police said."}, "police"},
		{"wire", []string{"Two people died when the bridge collapsed, the ministry said."}, "the ministry"},
		{"wire", []string{"Ferries were cancelled, said Hurricane Omar."}, ""},
		{"wire", []string{"Aid will arrive by Tuesday, said Maria Santos, a spokeswoman for the agency."}, "Maria Santos"},
		{"wire", []string{"The Port Authority said its terminals would stay shut."}, "Port Authority"},
	}
	for _, tt := range tests {
		t.Run(tt.genre+"/"+tt.sentences[len(tt.sentences)-1], func(t *testing.T) {
			ex := Extract(tt.sentences)
			got := ""
			for _, f := range ex.Sentences[len(ex.Sentences)-1] {
				if f.Kind == KindQuote {
					got = f.Speaker
				}
			}
			if got != tt.speaker {
				t.Errorf("speaker %q, want %q", got, tt.speaker)
			}
			// Whoever speaks, a person fact is always a person.
			for _, p := range ex.People {
				if strings.Contains(p.Name, "Cathedral") || strings.Contains(p.Name, "Observatory") || strings.Contains(p.Name, "Hurricane") {
					t.Errorf("person %q", p.Name)
				}
			}
		})
	}
}

// TestThingsAreNoPeople: places, storms, bodies and works named with
// capitals are not people; people named with common words still are.
func TestThingsAreNoPeople(t *testing.T) {
	tests := []struct {
		genre, sentence string
		text            string
		kind            Kind // "" for no fact of the text at all
	}{
		{"science", "The expedition reached the North Pole in April.", "North Pole", KindPlace},
		{"wire", "Relief flights resumed after Hurricane Omar passed.", "Hurricane Omar", ""},
		{"wire", "The president met his Cabinet on Monday.", "Cabinet", ""},
		{"arts", "The choir sang in the Anglican Cathedral on Sunday.", "Anglican Cathedral", KindPlace},
		{"sport", "The final was played at the Riverside Stadium in front of a full house.", "Riverside Stadium", KindPlace},
		{"sport", "The Harbour Lions beat the visitors 3-1.", "Harbour Lions", KindOrg},
		{"courts", "The case went to the Supreme Court last year.", "Supreme Court", KindOrg},
		{"markets", "The Federal Reserve left rates unchanged.", "Federal Reserve", KindOrg},
		{"local", "Traffic was diverted along Mill Street and Walnut Creek.", "Walnut Creek", KindPlace},
		{"local", "Traffic was diverted along Mill Street and Walnut Creek.", "Mill Street", KindPlace},
		{"science", "The paper appeared in Marine Biology this week.", "Marine Biology", ""},
		{"arts", "The band played Black Water as an encore.", "Black Water", ""},
		// People whose surnames are common words.
		{"markets", "Investor Gordon Stone bought the stake.", "Gordon Stone", KindPerson},
		{"sport", "Midfielder Kate Lamb scored the winner.", "Kate Lamb", KindPerson},
		{"courts", "Defence lawyer Neil Brown asked for bail.", "Neil Brown", KindPerson},
		{"local", "Councillor Priya Hill opened the new library.", "Priya Hill", KindPerson},
		{"courts", "The court heard from Patrick J. Donnelly Jr., a former partner.", "Patrick J. Donnelly Jr", KindPerson},
	}
	for _, tt := range tests {
		t.Run(tt.genre+"/"+tt.text, func(t *testing.T) {
			fs := factsOf(t, tt.sentence)
			for _, f := range fs {
				if f.Text == tt.text && f.Kind != tt.kind {
					t.Errorf("%q is a %s fact, want %q: %+v", tt.text, f.Kind, tt.kind, fs)
				}
			}
			if tt.kind != "" && !hasFact(fs, tt.kind, tt.text) {
				t.Errorf("no %s %q in %+v", tt.kind, tt.text, fs)
			}
		})
	}
	t.Run("two titled names are two people", func(t *testing.T) {
		ex := Extract([]string{"Health Secretary Ann Pryce and Transport Secretary Tom Vale will visit the site."})
		var names []string
		for _, p := range ex.People {
			names = append(names, p.Name+"="+strings.Join(p.Roles, ";"))
		}
		if strings.Join(names, "|") != "Ann Pryce=Health Secretary|Tom Vale=Transport Secretary" {
			t.Errorf("people %q", names)
		}
	})
	t.Run("one surname, two first names", func(t *testing.T) {
		ex := Extract([]string{"Senator Alan Reyes met his brother, Mayor Luis Reyes.", "Reyes said the talks went well."})
		if len(ex.People) != 2 {
			t.Errorf("people %+v", ex.People)
		}
	})
	t.Run("a first name tells the pronoun", func(t *testing.T) {
		ex := Extract([]string{"Kate Lamb met Kevin Ashdown on Friday.", `"It was a good meeting," she said.`})
		if q := find(Extraction{Sentences: ex.Sentences[1:]}, KindQuote); len(q) != 1 || q[0].Speaker != "Kate Lamb" {
			t.Errorf("quote %+v", q)
		}
	})
}

// TestQuantitiesCountNouns: what a number counts is a noun phrase after
// it, never a verb, an adverb or a name.
func TestQuantitiesCountNouns(t *testing.T) {
	tests := []struct {
		genre, sentence string
		want            []string
	}{
		{"markets", "The airline bought 30 of Harbour's new jets.", []string{"30"}},
		{"wire", "Thousands fled the town but hundreds remain.", []string{"Thousands", "hundreds"}},
		{"wire", "Hundreds of Italian troops arrived on Monday.", []string{"Hundreds of Italian troops"}},
		{"sport", "The striker has scored 12 goals in 20 games.", []string{"12 goals", "20 games"}},
		{"science", "About 400 million people lack clean water.", []string{"About 400 million people"}},
		{"courts", "He was fined £5,000 and ordered to pay costs.", []string{"£5,000"}},
	}
	for _, tt := range tests {
		t.Run(tt.genre+"/"+tt.sentence, func(t *testing.T) {
			var got []string
			for _, f := range factsOf(t, tt.sentence) {
				if f.Kind == KindQuantity {
					got = append(got, f.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("quantities %q, want %q", got, tt.want)
			}
		})
	}
}
