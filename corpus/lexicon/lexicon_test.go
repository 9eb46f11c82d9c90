package lexicon

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"
)

func TestLemma(t *testing.T) {
	l := Default()
	tests := []struct {
		word string
		pos  POS
		want string
	}{
		{"went", Verb, "go"},
		{"went", AnyPOS, "go"},
		{"children", Noun, "child"},
		{"children", AnyPOS, "child"},
		{"fled", Verb, "flee"},
		{"held", AnyPOS, "hold"},
		{"sought", AnyPOS, "seek"},
		{"troops", Noun, "troops"}, // a lemma of its own: "soldiers collectively"
		{"ministers", Noun, "minister"},
		{"announced", Verb, "announce"},
		{"warned", Verb, "warn"},
		{"elections", Noun, "election"},
		{"injuries", Noun, "injury"},
		{"taking", Verb, "take"},
		{"bigger", Adj, "big"},
		{"Went", AnyPOS, "go"},
		{"mice", AnyPOS, "mouse"},
		{"xyzzyq", AnyPOS, "xyzzyq"},
		{"", AnyPOS, ""},
	}
	for _, tt := range tests {
		t.Run(tt.word+"/"+string(rune(tt.pos)), func(t *testing.T) {
			if got := l.Lemma(tt.word, tt.pos); got != tt.want {
				t.Errorf("Lemma(%q, %q) = %q, want %q", tt.word, tt.pos, got, tt.want)
			}
		})
	}
}

func TestForms(t *testing.T) {
	l := Default()
	tests := []struct {
		lemma string
		pos   POS
		want  []string
	}{
		{"sell", Verb, []string{"sold"}},
		{"go", Verb, []string{"gone", "went"}},
		{"child", Noun, []string{"children"}},
		{"walk", Verb, nil},
		{"sell", AnyPOS, nil},
	}
	for _, tt := range tests {
		if got := l.Forms(tt.lemma, tt.pos); !slices.Equal(got, tt.want) {
			t.Errorf("Forms(%q, %q) = %q, want %q", tt.lemma, tt.pos, got, tt.want)
		}
	}
}

func TestIrregularPast(t *testing.T) {
	l := Default()
	for w, want := range map[string]bool{
		"went": true, "held": true, "sought": true, "fled": true, "told": true, "sold": true, "met": true,
		"is": false, "was": false, "has": false, "did": false, "dying": false, // present forms, auxiliaries
		"ground": false,              // mostly a noun
		"walked": false, "go": false, // regular, or a base form
	} {
		if got := l.IrregularPast(w); got != want {
			t.Errorf("IrregularPast(%q) = %v, want %v", w, got, want)
		}
	}
}

func relatedWords(rs []Related) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Word
	}
	return out
}

func TestSynonyms(t *testing.T) {
	l := Default()
	tests := []struct {
		word    string
		want    []string // each must be among the related words
		notWant []string
	}{
		{"lead", []string{"leader", "direct"}, nil},
		{"leader", []string{"lead"}, nil},
		{"elect", []string{"election"}, nil},
		{"elected", []string{"election"}, nil},
		{"injured", []string{"injury", "wounded"}, nil},
		{"happen", []string{"occur", "take place"}, nil},
		{"happened", []string{"occur"}, nil},
		{"take place", []string{"happen", "occur"}, nil},
		{"said", []string{"state", "tell"}, []string{"aforesaid"}}, // the verb, not the adjective
		{"announce", []string{"announcer"}, nil},
		{"children", []string{"kid"}, []string{"nipper"}}, // untagged, rare synonyms are left out
		{"rise", []string{"go up", "climb"}, nil},
		{"crowded", []string{"packed"}, nil},
		{"troops", []string{"soldiery"}, nil},
		{"xyzzyq", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			rs := l.Synonyms(tt.word)
			got := relatedWords(rs)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("Synonyms(%q) = %q: no %q", tt.word, got, w)
				}
			}
			for _, w := range tt.notWant {
				if slices.Contains(got, w) {
					t.Errorf("Synonyms(%q) = %q: has %q", tt.word, got, w)
				}
			}
			if len(rs) > MaxSynonyms {
				t.Errorf("Synonyms(%q): %d words, more than %d", tt.word, len(rs), MaxSynonyms)
			}
			for i, r := range rs {
				if r.Weight() <= 0 || r.Weight() >= 1 {
					t.Errorf("Synonyms(%q): %q weighs %v, want in (0,1)", tt.word, r.Word, r.Weight())
				}
				if i > 0 && r.Weight() > rs[i-1].Weight() {
					t.Errorf("Synonyms(%q): %q (%v) after %q (%v): not strongest first", tt.word, r.Word, r.Weight(), rs[i-1].Word, rs[i-1].Weight())
				}
				if r.Word == strings.ToLower(tt.word) {
					t.Errorf("Synonyms(%q) holds the word itself", tt.word)
				}
			}
		})
	}
}

func TestSupersenseAndClasses(t *testing.T) {
	l := Default()
	tests := []struct {
		word    string
		pos     POS
		want    Lexname
		classes Class // each must be among the word's classes
	}{
		{"university", Noun, NounGroup, ClassSocialGroup},
		{"troops", Noun, NounGroup, ClassSocialGroup},
		{"police", Noun, NounGroup, ClassOrganization},
		{"year", Noun, NounTime, ClassTimePeriod},
		{"years", Noun, NounTime, ClassTimePeriod},
		{"week", Noun, NounTime, ClassTimePeriod},
		{"minister", Noun, NounPerson, ClassPerson},
		{"ministers", Noun, NounPerson, ClassPerson},
		{"spokesman", Noun, NounPerson, ClassPerson},
		{"Brussels", Noun, NounLocation, ClassLocation | ClassCity},
		{"dollar", Noun, NounQuantity, ClassMoney},
		{"mile", Noun, NounQuantity, ClassMeasureUnit},
		{"election", Noun, NounAct, ClassEvent},
		{"cathedral", Noun, NounArtifact, ClassStructure},
		{"airport", Noun, NounArtifact, ClassStructure},
		{"announced", Verb, VerbCommunication, 0},
		{"announced", AnyPOS, VerbCommunication, 0}, // the verb, not the adjective "announced"
		{"warned", AnyPOS, VerbCommunication, 0},
		{"said", Verb, VerbCommunication, 0},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got, ok := l.Supersense(tt.word, tt.pos)
			if !ok || got != tt.want {
				t.Errorf("Supersense(%q, %q) = %v, %v; want %v", tt.word, tt.pos, got, ok, tt.want)
			}
			if tt.classes != 0 && !l.Classes(tt.word).Has(tt.classes) {
				t.Errorf("Classes(%q) = %v, want %v among them", tt.word, l.Classes(tt.word), tt.classes)
			}
		})
	}
	if c := l.Classes("hospital"); c.Has(ClassPerson) || c.Has(ClassTimePeriod) {
		t.Errorf("Classes(hospital) = %v", c)
	}
	if _, ok := l.Supersense("xyzzyq", AnyPOS); ok {
		t.Error("Supersense of an unknown word")
	}
}

func TestPlace(t *testing.T) {
	l := Default()
	tests := []struct {
		name       string
		want       string
		kind       PlaceKind
		demonym    bool
		ambiguous  bool
		wantAbsent bool
	}{
		{name: "Dutch", want: "Netherlands", kind: PlaceCountry, demonym: true},
		{name: "Finnish", want: "Finland", kind: PlaceCountry, demonym: true},
		{name: "the Netherlands", want: "Netherlands", kind: PlaceCountry},
		{name: "Holland", want: "Netherlands", kind: PlaceCountry},
		{name: "Britain", want: "United Kingdom", kind: PlaceCountry},
		{name: "UK", want: "United Kingdom", kind: PlaceCountry},
		{name: "British", want: "United Kingdom", kind: PlaceCountry, demonym: true},
		{name: "U.S.", want: "United States", kind: PlaceCountry},
		{name: "American", want: "United States", kind: PlaceCountry, demonym: true},
		{name: "Americans", want: "United States", kind: PlaceCountry, demonym: true},
		{name: "Ukrainian", want: "Ukraine", kind: PlaceCountry, demonym: true},
		{name: "Brussels", want: "Brussels", kind: PlaceCapital},
		{name: "Amman", want: "Amman", kind: PlaceCapital},
		{name: "Ohio", want: "Ohio", kind: PlaceState},
		{name: "Scottish", want: "Scotland", demonym: true},
		{name: "Jordan", want: "Jordan", kind: PlaceCountry, ambiguous: true},
		{name: "Chad", want: "Chad", kind: PlaceCountry, ambiguous: true},
		{name: "Georgia", want: "Georgia", kind: PlaceCountry, ambiguous: true},
		{name: "China", want: "China", kind: PlaceCountry, ambiguous: true},
		{name: "Guinea", want: "Guinea", kind: PlaceCountry, ambiguous: true},
		{name: "Polish", want: "Poland", kind: PlaceCountry, demonym: true, ambiguous: true},
		{name: "France", want: "France", kind: PlaceCountry},
		{name: "the States", want: "United States", kind: PlaceCountry},
		{name: "states", wantAbsent: true},
		{name: "minister", wantAbsent: true},
		{name: "", wantAbsent: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := l.Place(tt.name)
			if tt.wantAbsent {
				if ok {
					t.Errorf("Place(%q) = %+v, want none", tt.name, p)
				}
				return
			}
			if !ok || p.Name != tt.want || (tt.kind != 0 && p.Kind != tt.kind) || p.Demonym != tt.demonym || p.Ambiguous() != tt.ambiguous {
				t.Errorf("Place(%q) = %+v, %v; want %s %v demonym %v ambiguous %v", tt.name, p, ok, tt.want, tt.kind, tt.demonym, tt.ambiguous)
			}
		})
	}
}

func TestCountry(t *testing.T) {
	l := Default()
	c, ok := l.Country("nl")
	if !ok || c.Name != "Netherlands" || !slices.Contains(c.Capitals, "Amsterdam") || !slices.Contains(c.Demonyms, "Dutch") || !slices.Contains(c.Aliases, "holland") {
		t.Errorf("Country(nl) = %+v, %v", c, ok)
	}
	if _, ok := l.Country("zz"); ok {
		t.Error("Country(zz) found")
	}
	cs := l.Countries()
	if cs[0].Code == "" || len(cs) < 240 {
		t.Errorf("%d countries", len(cs))
	}
	for _, c := range cs {
		if strings.ContainsAny(c.Name, "(),") {
			continue // "Cocos (Keeling) Islands": not plain words, not a key
		}
		if _, ok := l.Place(c.Name); !ok {
			t.Errorf("Place(%q) of country %s not found", c.Name, c.Code)
		}
	}
}

func TestCommonAndFrequency(t *testing.T) {
	l := Default()
	tests := []struct {
		word    string
		common  bool
		minFreq int // Frequency at least this
		maxFreq int // and at most this
	}{
		{"speculation", true, 1, 100},
		{"Naturally", true, 1, 100},
		{"amphitheatre", true, 0, 0}, // a common word WordNet's concordances never tagged
		{"outbreaks", true, 1, 100},  // through its base form
		{"house", true, 100, 1000},
		{"Clark", false, 0, 0}, // only a name
		{"kennedy", false, 0, 0},
		{"xyzzyq", false, 0, 0},
	}
	for _, tt := range tests {
		if got := l.Common(tt.word); got != tt.common {
			t.Errorf("Common(%q) = %v, want %v", tt.word, got, tt.common)
		}
		if f := l.Frequency(tt.word); f < tt.minFreq || f > tt.maxFreq {
			t.Errorf("Frequency(%q) = %d, want %d to %d", tt.word, f, tt.minFreq, tt.maxFreq)
		}
	}
}

func TestGivenName(t *testing.T) {
	l := Default()
	tests := []struct {
		word string
		sex  Sex
		ok   bool
	}{
		{"Kate", Female, true},
		{"kevin", Male, true},
		{"Ian", Male, true},
		{"Jordan", Female | Male, true},
		{"cathedral", 0, false},
		{"Speculation", 0, false},
	}
	for _, tt := range tests {
		if sex, ok := l.GivenName(tt.word); ok != tt.ok || sex != tt.sex {
			t.Errorf("GivenName(%q) = %v, %v; want %v, %v", tt.word, sex, ok, tt.sex, tt.ok)
		}
	}
}

// TestTables checks that the embedded tables parse and hold sane counts.
func TestTables(t *testing.T) {
	l := Default()
	if n := len(l.words); n < 80000 || n > 160000 {
		t.Errorf("%d words, want 80,000 to 160,000 (WordNet's one-word lemmas and tagged compounds)", n)
	}
	n := 0
	for _, m := range l.exc {
		n += len(m)
	}
	if n < 5000 {
		t.Errorf("%d exceptions, want WordNet's 5,000 or more", n)
	}
	if len(l.places) < 3000 || len(l.countries) < 240 {
		t.Errorf("%d places, %d countries", len(l.places), len(l.countries))
	}
	if len(l.names) < 7000 {
		t.Errorf("%d given names, want the Moby lists' 7,000 or more", len(l.names))
	}
	if len(wordnetGz)+len(placesGz) > 2<<20 {
		t.Errorf("embedded tables are %d bytes, over 2 MiB", len(wordnetGz)+len(placesGz))
	}
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestLoadBadData(t *testing.T) {
	good := gz(t, "@exceptions\nwent\tv\tgo\tp\n@words\ngo\tv38/10\ttravel:1\n")
	places := gz(t, "@countries\nFI\tFinland\tRepublic of Finland\tHelsinki\tFinnish\tsuomi\n@places\nfinland\tFinland\tcountry\tFI\t-\n")
	if l, err := Load(good, places); err != nil || l.Lemma("went", AnyPOS) != "go" {
		t.Fatalf("Load: %v", err)
	}
	bad := map[string][2][]byte{
		"not-gzip":        {[]byte("plain"), places},
		"no-section":      {gz(t, "go\tv38\t\n"), places},
		"short-exception": {gz(t, "@exceptions\nwent\tv\n"), places},
		"bad-pos":         {gz(t, "@exceptions\nwent\tx\tgo\tp\n"), places},
		"bad-place-kind":  {good, gz(t, "@places\nfinland\tFinland\tplanet\tFI\t-\n")},
		"short-country":   {good, gz(t, "@countries\nFI\tFinland\n")},
		"bad-name-sex":    {good, gz(t, "@names\nkate\tx\n")},
		"bad-word-flags":  {gz(t, "@words\ngo\tv38/10\ttravel:1\tq\n"), places},
		"short-name":      {good, gz(t, "@names\nkate\n")},
	}
	for name, in := range bad {
		t.Run(name, func(t *testing.T) {
			if _, err := Load(in[0], in[1]); err == nil {
				t.Error("no error")
			}
		})
	}
}

// FuzzLoad feeds Load tables in the generator's format, bent: it must
// return an error or a lexicon, never panic.
func FuzzLoad(f *testing.F) {
	f.Add("@exceptions\nwent\tv\tgo\tp\n@words\ngo\tv38/10\ttravel:1,goer:d\n", "@countries\nFI\tFinland\t\t\t\t\n@places\nfinland\tFinland\tcountry\tFI\t-\n")
	f.Add("@words\nx\tn:zz\t:,::1,a:\n", "@places\nx\tX\tcity\t-\tdcg\n")
	f.Fuzz(func(t *testing.T, words, places string) {
		var wb, pb bytes.Buffer
		for _, x := range []struct {
			b *bytes.Buffer
			s string
		}{{&wb, words}, {&pb, places}} {
			zw := gzip.NewWriter(x.b)
			zw.Write([]byte(x.s))
			zw.Close()
		}
		l, err := Load(wb.Bytes(), pb.Bytes())
		if err != nil {
			return
		}
		for _, w := range []string{"go", "went", "x", "finland", "finnish"} {
			l.GivenName(w)
			l.Common(w)
			l.Frequency(w)
			l.Lemma(w, AnyPOS)
			l.Synonyms(w)
			l.Supersense(w, AnyPOS)
			l.Classes(w)
			l.Place(w)
		}
	})
}

func FuzzLookups(f *testing.F) {
	for _, s := range []string{"went", "the Netherlands", "Americans", "take place", "’s", "ßß", "\xff"} {
		f.Add(s)
	}
	l := Default()
	f.Fuzz(func(t *testing.T, s string) {
		l.Lemma(s, AnyPOS)
		l.Synonyms(s)
		l.Supersense(s, AnyPOS)
		l.Classes(s)
		l.Place(s)
	})
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(wordnetGz, placesGz); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookups(b *testing.B) {
	l := Default()
	words := []string{"went", "troops", "announced", "injured", "university", "Brussels", "xyzzyq"}
	b.Run("Lemma", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			l.Lemma(words[i%len(words)], AnyPOS)
		}
	})
	b.Run("Synonyms", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			l.Synonyms(words[i%len(words)])
		}
	})
	b.Run("Supersense", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			l.Supersense(words[i%len(words)], AnyPOS)
		}
	})
	b.Run("Place", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			l.Place(words[i%len(words)])
		}
	})
}
