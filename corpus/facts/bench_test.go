package facts

import (
	"fmt"
	"strings"
	"testing"
)

// longSentence returns one sentence of about words words made of clauses
// in the shapes news uses (titled people with distinct names, bodies,
// quotes, numbers, times, pronouns), joined by commas and semicolons, so
// that every rule runs many times in it.
func longSentence(words int) string {
	var b strings.Builder
	for i, n := 0, 0; n < words; i++ {
		// A distinct surname for each clause: "Kovbaq", "Kovbar", …
		name := fmt.Sprintf("Kov%c%c%c", 'a'+rune(i/676%26), 'a'+rune(i/26%26), 'a'+rune(i%26))
		clause := fmt.Sprintf("Mayor Ann %s of Harbour Bank, an analyst at the council, said 30 troops arrived since March and “we will stay,” she added; the ministry said hundreds remain, ", name)
		b.WriteString(clause)
		n += strings.Count(clause, " ")
	}
	b.WriteString("officials said.")
	return b.String()
}

// BenchmarkExtractLongSentence: extraction of one sentence of 1,000,
// 10,000 and 100,000 words (goal: linear in the sentence's length: the
// time per word stays the same).
func BenchmarkExtractLongSentence(b *testing.B) {
	for _, words := range []int{1000, 10000, 100000} {
		s := longSentence(words)
		b.Run(fmt.Sprintf("%dwords", words), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				Extract([]string{s})
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
		})
	}
}
