package main

import (
	"slices"
	"testing"
)

func TestParseDataLine(t *testing.T) {
	line := "02960687 01 a 02 Dutch 0 big(a) 0 002 \\ 08949093 n 0101 + 06958255 n 0201 | of or relating to the Netherlands"
	s, err := parseDataLine(line)
	if err != nil {
		t.Fatal(err)
	}
	if s.ref.off != 2960687 || s.lex != 1 || !slices.Equal(s.words, []string{"Dutch", "big"}) || len(s.ptrs) != 2 {
		t.Fatalf("got %+v", s)
	}
	if p := s.ptrs[1]; p.sym != "+" || p.to != (ref{'n', 6958255}) || p.src != 2 || p.dst != 1 {
		t.Errorf("pointer %+v", p)
	}
	for _, bad := range []string{"", "1 2 n", "x 01 n 01 a 0 000", "00001 01 n 05 a 0 000", "00001 01 n 01 a 0 002 @ 1 n 0000"} {
		if _, err := parseDataLine(bad); err == nil {
			t.Errorf("parseDataLine(%q): no error", bad)
		}
	}
}

func TestFrequentSenses(t *testing.T) {
	tests := []struct {
		counts []int
		want   []int
	}{
		{nil, nil},
		{[]int{0, 0}, []int{0}},
		{[]int{40, 35, 27}, []int{0, 1}},
		{[]int{40, 5}, []int{0}},
		{[]int{10, 3}, []int{0, 1}},
	}
	for _, tt := range tests {
		if got := frequentSenses(tt.counts); !slices.Equal(got, tt.want) {
			t.Errorf("frequentSenses(%v) = %v, want %v", tt.counts, got, tt.want)
		}
	}
}

func TestGoodLemma(t *testing.T) {
	for w, want := range map[string]bool{
		"take place": true, "jam-packed": true, "u.s.": true, "o'clock": true,
		"": false, "a b c d": false, "10th": false, "Paris": false, "-": false,
	} {
		if got := goodLemma(w); got != want {
			t.Errorf("goodLemma(%q) = %v, want %v", w, got, want)
		}
	}
}
