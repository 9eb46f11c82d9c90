package live

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"time"

	"github.com/articlebot/articlebot/corpus"
)

// A folder shared with other processes (Options.Shared) is looked at
// before questions, and reloaded when its listing changed: a replica
// sees another's /article add at its next question, without any message
// between them. The corpus folder is all the state replicas share.

// folderPrint sums up the article files of a folder as corpus.Load finds
// them: each one's path, size and modification time. corpus/store only
// ever adds a file under a new name or deletes one, so every change it
// makes changes the listing; an edit of a file in place changes its size
// or modification time.
func folderPrint(dir string) (string, error) {
	paths, _, err := corpus.Files(dir)
	if err != nil {
		return "", fmt.Errorf("live: list %s: %w", dir, err)
	}
	h := sha256.New()
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			// Removed since it was listed: the listing is changing; mark
			// it so, and let the next look settle it.
			fmt.Fprintf(h, "%s\x00gone\x00", p)
			continue
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00", p, info.Size(), info.ModTime().UnixNano())
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// refresh reloads a shared folder that changed since the current corpus
// was loaded, at most once every CheckEvery. The question that finds the
// change waits for the reload, and so answers from the new corpus;
// questions meanwhile answer from the old one. A change of this engine's
// own under way (Add, Remove, Reload) reloads anyway, so refresh does not
// wait for it.
func (e *Engine) refresh(ctx context.Context) {
	if !e.opts.Shared {
		return
	}
	every := e.opts.CheckEvery
	if every <= 0 {
		every = DefaultCheckEvery
	}
	now := time.Now().UnixNano()
	last := e.checked.Load()
	if now-last < int64(every) || !e.checked.CompareAndSwap(last, now) {
		return // looked at lately, or another question is looking now
	}
	files, err := folderPrint(e.store.Dir())
	if err != nil {
		e.log.Warn("looking for changes to the corpus folder", "error", err)
		return
	}
	if s := e.cur.Load(); s == nil || s.files == files {
		return
	}
	select {
	case e.sem <- struct{}{}:
	default:
		return
	}
	defer func() { <-e.sem }()
	if s := e.cur.Load(); e.closed || s == nil || s.files == files {
		return // closed, or reloaded meanwhile
	}
	s, err := e.change(ctx)
	if err != nil {
		e.log.Warn("reloading the changed corpus folder failed", "error", err)
		e.checked.Store(0) // look again at the next question
		return
	}
	e.log.Info("corpus folder changed; reloaded", "articles", len(s.engine.Articles()), "extracted", s.extracted)
}
