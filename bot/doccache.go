package bot

import (
	"container/list"
	"sync"

	"github.com/articlebot/articlebot/bot/doc"
)

// docCache keeps the most recently read analysed articles decoded, up to
// a number of them. It is safe for concurrent use.
type docCache struct {
	mu    sync.Mutex
	max   int
	order *list.List // of *docEntry, most recent first
	byID  map[string]*list.Element
}

type docEntry struct {
	id string
	d  *doc.Article
}

func newDocCache(max int) *docCache {
	return &docCache{max: max, order: list.New(), byID: map[string]*list.Element{}}
}

func (c *docCache) get(id string) *doc.Article {
	c.mu.Lock()
	defer c.mu.Unlock()
	el := c.byID[id]
	if el == nil {
		return nil
	}
	c.order.MoveToFront(el)
	return el.Value.(*docEntry).d
}

func (c *docCache) put(id string, d *doc.Article) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el := c.byID[id]; el != nil {
		c.order.MoveToFront(el)
		return
	}
	c.byID[id] = c.order.PushFront(&docEntry{id: id, d: d})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byID, last.Value.(*docEntry).id)
	}
}
