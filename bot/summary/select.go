package summary

import "sort"

// Selection rules.
const (
	// duplicateShare: two sentences are near-duplicates when they share
	// more than this share of the shorter one's content words ("no two
	// sentences sharing most of their words").
	duplicateShare = 0.5
	// minWords: shorter sentences are captions, credits and fragments
	// ("Nailed it!", "Watch the video »"), not summary sentences, unless
	// nothing longer is left.
	minWords = 6
)

// candidate is a sentence with its rank score and whether it may be chosen
// on its own.
type candidate struct {
	*node
	score  float64
	leans  bool // cannot stand alone: needs the sentence before it
	allow  bool // may be chosen (a topic summary: it is about the topic)
	picked bool
}

// choose picks k sentences, best score first: never a near-duplicate of a
// sentence already picked, never a sentence that leans on one before it
// unless that one is picked too. When strict rules leave fewer than k, it
// takes a leaning sentence together with the sentence it leans on, then
// short sentences. It returns the picks in article order.
func choose(cands []*candidate, k int) []*candidate {
	order := make([]*candidate, len(cands))
	copy(order, cands)
	sort.SliceStable(order, func(i, j int) bool { return order[i].score > order[j].score })
	byIndex := map[int]*candidate{}
	for _, c := range cands {
		byIndex[c.index] = c
	}
	var picked []*candidate
	pick := func(c *candidate) {
		c.picked = true
		picked = append(picked, c)
	}
	fits := func(c *candidate, short bool) bool {
		return c.allow && !c.picked && (short || c.words >= minWords) && !duplicates(c, picked)
	}
	for _, relax := range []int{0, 1, 2} {
		for len(picked) < k {
			var next *candidate
			for _, c := range order {
				if !fits(c, relax == 2) {
					continue
				}
				prev := byIndex[c.index-1]
				if !c.leans || prev == nil || prev.picked {
					next = c
					break
				}
				// Relaxed: the sentence it leans on comes with it, when
				// there is room for both and that one is no duplicate.
				if relax >= 1 && len(picked)+2 <= k && !prev.picked && !duplicates(prev, picked) {
					pick(prev)
					next = c
					break
				}
			}
			if next == nil {
				break
			}
			pick(next)
		}
	}
	sort.Slice(picked, func(i, j int) bool { return picked[i].index < picked[j].index })
	return picked
}

// duplicates reports whether c shares most of its words with a picked
// sentence.
func duplicates(c *candidate, picked []*candidate) bool {
	for _, p := range picked {
		if nearDuplicate(c.node, p.node) {
			return true
		}
	}
	return false
}

func nearDuplicate(a, b *node) bool {
	small, large := a.stems, b.stems
	if len(large) < len(small) {
		small, large = large, small
	}
	if len(small) == 0 {
		return false
	}
	shared := 0
	for id := range small {
		if large[id] {
			shared++
		}
	}
	return float64(shared) > duplicateShare*float64(len(small))
}
