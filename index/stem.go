package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/articlebot/articlebot/corpus/text"
)

// stemFilterName names the text analyzer's stemmer: text.Stem, the stemmer
// answering uses (Porter2, with British -ise and "defence" folded), so that
// a question's word and an indexed word always meet at one stem. Bleve's
// own "porter" filter (Porter 1) and even its snowball English filter
// (without the folding) part words that answering joins.
const stemFilterName = "articlebot_stem"

// stemFilter is the token filter that stems with text.Stem. It
// remembers the stems of the terms it has met (a corpus repeats its
// words): Bleve analyses documents on several goroutines, so the memory
// has a lock.
type stemFilter struct {
	mu    sync.Mutex
	stems map[string]string
}

// maxStems bounds a stemFilter's memory: news English uses some tens of
// thousands of distinct words, a few megabytes of them.
const maxStems = 1 << 17

// Filter replaces each token's term with its stem. Terms arrive lower-cased
// and without a possessive; text.Lower makes a curly apostrophe straight,
// as answering's tokenizer does.
func (f *stemFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		f.mu.Lock()
		st, ok := f.stems[string(t.Term)]
		f.mu.Unlock()
		if !ok {
			term := string(t.Term)
			st = text.Stem(text.Lower(term))
			f.mu.Lock()
			if len(f.stems) < maxStems {
				f.stems[term] = st
			}
			f.mu.Unlock()
		}
		t.Term = append(t.Term[:0], st...)
	}
	return in
}

// Bleve finds the token filters of a mapping by name in its process-wide
// registry, also when it reopens an index on disk from the mapping stored
// in it; the registry is filled by init functions, as Bleve's own filters
// do, because it has no lock. This is the only way to give Bleve a token
// filter of our own.
func init() {
	err := registry.RegisterTokenFilter(stemFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return &stemFilter{stems: map[string]string{}}, nil
	})
	if err != nil {
		panic(err)
	}
}
