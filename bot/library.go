package bot

import (
	"fmt"

	"github.com/articlebot/articlebot/corpus"
)

// library is the articles an engine answers about: what each article is
// (ArticleInfo), always at hand, and its sentences, facts and analysis,
// either all in memory (a corpus given to New) or read back from where a
// loader kept them when a question wants them (Load with a folder).
type library struct {
	infos     []ArticleInfo // in load order
	byID      map[string]int
	sentences int
	corpus    *corpus.Corpus // in memory; nil when read back
	// read returns an article and its compact analysis (nil: the engine
	// has it), when the library does not hold them.
	read func(id string) (*corpus.Article, []byte, error)
}

// libraryOf is the library of a corpus in memory.
func libraryOf(c *corpus.Corpus) *library {
	l := &library{corpus: c, byID: make(map[string]int, len(c.Articles))}
	for _, a := range c.Articles {
		l.add(info(a))
	}
	return l
}

func (l *library) add(in ArticleInfo) {
	l.byID[in.ID] = len(l.infos)
	l.infos = append(l.infos, in)
	l.sentences += in.Sentences
}

func (l *library) info(id string) (ArticleInfo, bool) {
	i, ok := l.byID[id]
	if !ok {
		return ArticleInfo{}, false
	}
	return l.infos[i], true
}

// article returns the article with the given ID and, when read back, its
// compact analysis; nil when there is none.
func (l *library) article(id string) (*corpus.Article, []byte, error) {
	if l.corpus != nil {
		return l.corpus.Article(id), nil, nil
	}
	if _, ok := l.byID[id]; !ok {
		return nil, nil, nil
	}
	a, an, err := l.read(id)
	if err != nil {
		return nil, nil, fmt.Errorf("bot: read article %s: %w", id, err)
	}
	return a, an, nil
}

func info(a *corpus.Article) ArticleInfo {
	return ArticleInfo{ID: a.ID, Title: a.Title, Sentences: len(a.Sentences), Source: a.Source}
}
