package live

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot"
)

// TestSummaryAndBrief: the live engine summarises and briefs from the
// snapshot of the moment, so an article just added can be summarised,
// and neither answers once closed.
func TestSummaryAndBrief(t *testing.T) {
	ctx := context.Background()
	e := open(t, t.TempDir())
	id, text, answer := budget(7)
	if _, err := e.Add(ctx, id, []byte(text)); err != nil {
		t.Fatal(err)
	}
	s, err := e.Summary(ctx, bot.SummaryRequest{Article: id, Sentences: 1})
	if err != nil || s.Article != id || len(s.Sentences) != 1 || !strings.Contains(s.Sentences[0].Text, answer) {
		t.Fatalf("Summary = %+v, %v", s, err)
	}
	b, err := e.Brief(ctx, bot.BriefRequest{})
	if err != nil || b.Article != id {
		t.Fatalf("Brief = %+v, %v", b, err)
	}
	e.Close()
	if _, err := e.Summary(ctx, bot.SummaryRequest{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Summary after Close: %v", err)
	}
	if _, err := e.Brief(ctx, bot.BriefRequest{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Brief after Close: %v", err)
	}
}
