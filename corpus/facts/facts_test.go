package facts

import (
	"context"
	"strings"
	"testing"
)

// find returns the facts of a kind in the extraction of sentences.
func find(ex Extraction, k Kind) []Fact {
	var out []Fact
	for _, fs := range ex.Sentences {
		for _, f := range fs {
			if f.Kind == k {
				out = append(out, f)
			}
		}
	}
	return out
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name      string
		sentences []string
		paras     []int
		speaker   string // speaker of the last sentence's quote
	}{
		{"said after quote, pronoun", []string{"Finance Minister Maria Lopez visited the plant on Monday.", "“We will invest,” she said."}, nil, "Maria Lopez"},
		{"stated before quote", []string{"Coach Sam Price stated, “The team is ready.”"}, nil, "Sam Price"},
		{"said then name", []string{`"We naturally asked ourselves if we should cancel," said the club's director, Tom Reid.`}, nil, "Tom Reid"},
		{"reported speech", []string{"Union leader Ann Cole warned that strikes could follow."}, nil, "Ann Cole"},
		{"apposition skipped", []string{"Paul Grant, an analyst at Acme Securities, said the market would fall."}, nil, "Paul Grant"},
		{"according to", []string{"Prices rose 4%, according to economist Lee Wong."}, nil, "Lee Wong"},
		{"role noun subject", []string{"Irons, whose film is showing, said he had wondered about it.", `"I questioned whether I should come," the British actor said.`}, nil, "Irons"},
		{"he after object", []string{"Jo Hart stressed the need for pressure on President Ivan Petrov.", "He mentioned that 200 officials are working on it."}, nil, "Jo Hart"},
		{"quote run over sentences", []string{"Mayor Rita Singh spoke on Friday.", `"The roads are open. We are proud."`, `"Nobody was hurt," she added.`}, []int{1, 2, 2}, "Rita Singh"},
		{"gender", []string{"Mr Dan Obi met Ms Kate Lamb.", `"It went well," she said.`}, nil, "Kate Lamb"},
		{"name before an apposition naming a body", []string{"Nia Cole, chairman and founder of ACME's Labs, says she is building a robot."}, nil, "Nia Cole"},
		{"sir and first name", []string{"Audit chief Sir John Bourn spoke.", `Sir John said the firm had paid 97% of the bill.`}, nil, "John Bourn"},
		{"said then name, words before", []string{"Sales could reach a record this year, said Paul Dee, president of the tracker Box Data."}, nil, "Paul Dee"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := ExtractParagraphs(context.Background(), tt.sentences, tt.paras)
			if err != nil {
				t.Fatal(err)
			}
			last := ex.Sentences[len(ex.Sentences)-1]
			got := ""
			for _, f := range last {
				if f.Kind == KindQuote {
					got = f.Speaker
				}
			}
			if !strings.HasSuffix(got, tt.speaker) {
				t.Errorf("speaker %q, want %q; facts %+v", got, tt.speaker, last)
			}
		})
	}
	t.Run("multi-sentence quote takes the later speaker", func(t *testing.T) {
		ex, err := ExtractParagraphs(context.Background(), []string{`"The decision was made.`, `"We carry on," said chief Bo Lind.`}, []int{1, 1})
		if err != nil {
			t.Fatal(err)
		}
		if q := find(Extraction{Sentences: ex.Sentences[:1]}, KindQuote); len(q) != 1 || q[0].Speaker != "Bo Lind" {
			t.Errorf("first sentence quote %+v", q)
		}
	})
}

func TestPeopleAndRoles(t *testing.T) {
	tests := []struct {
		sentence, name, role string
	}{
		{"On Thursday, Britain’s Defense Minister, John Healey, asked leaders to meet.", "John Healey", "Britain’s Defense Minister"},
		{"Finnish Defense Minister Anni Hakkanen spoke.", "Anni Hakkanen", "Finnish Defense Minister"},
		{"Senior business manager Jon Walton said it was busy.", "Jon Walton", "Senior business manager"},
		{"David Frost, director general of the British Chambers of Commerce, warned of costs.", "David Frost", "director general of the British Chambers of Commerce"},
		{"Nintendo president Satoru Iwata said sales were strong.", "Satoru Iwata", "Nintendo president"},
		{"The Shadow Secretary of State for the Family, Theresa May, said it was late.", "Theresa May", "Shadow Secretary of State for the Family"},
		{"However Acme president Ken Sato was pleased.", "Ken Sato", "Acme president"},
		{"Georgia Gov. Brian Kemp declared an emergency.", "Brian Kemp", "Georgia Gov."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := Extract([]string{tt.sentence})
			for _, p := range ex.People {
				if p.Name == tt.name {
					for _, r := range p.Roles {
						if r == tt.role {
							return
						}
					}
					t.Fatalf("roles %q, want %q", p.Roles, tt.role)
				}
			}
			t.Fatalf("no person %q in %+v", tt.name, ex.People)
		})
	}
	t.Run("surname links to full name", func(t *testing.T) {
		ex := Extract([]string{"Chancellor Rachel Reeves spoke.", "Reeves said taxes would rise."})
		ps := find(ex, KindPerson)
		if len(ps) != 2 || ps[1].Value != "Rachel Reeves" || len(ex.People) != 1 {
			t.Fatalf("people %+v", ps)
		}
	})
	t.Run("a lone company is not a person", func(t *testing.T) {
		for _, s := range []string{"Acme said sales rose.", "Earlier, the Scottish Executive considered a range of options but agreed."} {
			if ex := Extract([]string{s}); len(ex.People) != 0 {
				t.Errorf("%q: people %+v", s, ex.People)
			}
		}
	})
	t.Run("reported words come before a trailing attribution", func(t *testing.T) {
		for _, s := range []string{
			"Sales could reach a record this year, said Paul Dee, president of Box Data.",
			"Some 45 million children will die needlessly, Oxfam says in a report.",
		} {
			q := find(Extract([]string{s}), KindQuote)
			if len(q) != 1 || !strings.HasPrefix(s, q[0].Text) {
				t.Errorf("%q: quote %+v", s, q)
			}
		}
	})
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string
	}{
		{"Leaders from about 30 countries met.", []string{"about 30 countries"}},
		{"A force of 10,000 to 30,000 troops could be set up.", []string{"10,000 to 30,000 troops"}},
		{"Over 50 countries will meet.", []string{"Over 50 countries"}},
		{"He said 200 military planners are working.", []string{"200 military planners"}},
		{"Pay is £102.80 a week.", []string{"£102.80 a week"}},
		{"Sales will fall 8-9% this year.", []string{"8-9%"}},
		{"More than 2.8 million DS consoles were sold.", []string{"More than 2.8 million DS consoles"}},
		{"Two album releases were delayed.", []string{"Two album releases"}},
		{"Tens of thousands of people marched.", []string{"Tens of thousands of people"}},
		{"They expect to spend in excess of £200m at the centre.", []string{"in excess of £200m"}},
		{"Up to 4 inches of rain may fall.", []string{"Up to 4 inches of rain"}},
		{"It grew 9.8% in 2004.", []string{"9.8%"}},
		{"He set up two schools together with his wife.", []string{"two schools"}},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			var got []string
			for _, f := range find(Extract([]string{tt.sentence}), KindQuantity) {
				got = append(got, f.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPlacesAndTimes(t *testing.T) {
	tests := []struct {
		sentence string
		kind     Kind
		text     string
		value    string
	}{
		{"Dutch Defense Minister Ruben Brekelmans spoke.", KindPlace, "Dutch", "Netherlands"},
		{"U.S. support is key.", KindPlace, "U.S.", "United States"},
		{"The meeting was in Brussels.", KindPlace, "Brussels", "Brussels"},
		{"Shares in EMI fell.", KindOrg, "EMI", "EMI"},
		{"Paul Richards, an analyst at Numis Securities, said so.", KindOrg, "Numis Securities", "Numis Securities"},
		{"On Thursday, leaders met.", KindTime, "Thursday", ""},
		{"It will launch in Europe on 11 March.", KindTime, "11 March", ""},
		{"No patient will wait by March 2006.", KindTime, "March 2006", ""},
		{"Armies have shrunk since the Cold War.", KindTime, "since the Cold War", ""},
		{"Two people died near Huntsville.", KindPlace, "Huntsville", ""},
		{"The storm hit Alabama and Tennessee.", KindPlace, "Tennessee", "Tennessee"},
		{"The centre closes at 1900 GMT.", KindTime, "1900 GMT", ""},
		{"Leave rises to nine months by 2007.", KindTime, "2007", ""},
		{"They meet again next week.", KindTime, "next week", ""},
		{"The Finnish minister spoke.", KindPlace, "Finnish", "Finland"},
		{"Britain sent aid.", KindPlace, "Britain", "United Kingdom"},
		{"Holland and Belgium agreed.", KindPlace, "Holland", "Netherlands"},
		{"Americans voted.", KindPlace, "Americans", "United States"},
		{"Troops arrived in Jordan on Monday.", KindPlace, "Jordan", "Jordan"},
		{"Aid was sent to Chad.", KindPlace, "Chad", "Chad"},
		{"Officials from Turkey and Georgia met.", KindPlace, "Georgia", "Georgia"},
		{"The talks in Amman ended.", KindPlace, "Amman", "Amman"},
		{"Leaders from Europe met.", KindPlace, "Europe", "Europe"},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			for _, f := range find(Extract([]string{tt.sentence}), tt.kind) {
				if f.Text == tt.text && (tt.value == "" || f.Value == tt.value) {
					if f.Start < 0 || tt.sentence[f.Start:f.End] != f.Text {
						t.Errorf("span %d..%d does not hold %q", f.Start, f.End, f.Text)
					}
					return
				}
			}
			t.Errorf("no %s %q (%s) in %+v", tt.kind, tt.text, tt.value, Extract([]string{tt.sentence}).Sentences[0])
		})
	}
}

// TestAmbiguousPlaceNames: a place name that is also a given name or a
// common word, at the start of a sentence with no preposition before it,
// is not taken for the place.
func TestAmbiguousPlaceNames(t *testing.T) {
	tests := []struct {
		sentence string
		text     string
		place    bool
	}{
		{"Jordan said the deal was done.", "Jordan", false},
		{"Chad scored twice.", "Chad", false},
		{"Georgia laughed.", "Georgia", false},
		{"He flew to Jordan.", "Jordan", true},
		{"Officials said Georgia would sign.", "Georgia", true}, // capitalised inside the sentence
		{"Finland said the deal was done.", "Finland", true},    // not ambiguous
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			got := false
			for _, f := range find(Extract([]string{tt.sentence}), KindPlace) {
				if f.Text == tt.text {
					got = true
				}
			}
			if got != tt.place {
				t.Errorf("%q a place: %v, want %v (%+v)", tt.text, got, tt.place, Extract([]string{tt.sentence}).Sentences[0])
			}
		})
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Mr Smith, the chief, said: “It’s 10,000 to 30,000 troops,” on 11 March 2005.")
	f.Add(`"Open. "Again," he said according to`)
	f.Add("£$€ 1,2,3 ... - — %%")
	f.Fuzz(func(t *testing.T, s string) {
		ex := Extract([]string{s, s})
		for _, fs := range ex.Sentences {
			for _, f := range fs {
				if f.Start < 0 || f.End > len(s) || f.Start > f.End {
					t.Fatalf("span %d..%d outside %q (%+v)", f.Start, f.End, s, f)
				}
			}
		}
	})
}
