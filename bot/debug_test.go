package bot

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/index"
)

func TestDebugQ(t *testing.T) {
	q := os.Getenv("Q")
	if q == "" {
		t.Skip()
	}
	c, _, _ := corpus.Load(context.Background(), os.Getenv("A"))
	ix, _ := index.Open(context.Background(), c, index.Options{})
	e := New(c, ix)
	p := parseQuestion(q, "")
	fmt.Printf("kind=%s focus=%v terms=%v money=%v\n", p.kind, p.focus, p.terms, p.wantMoney)
	cands, _ := e.candidates(context.Background(), &p, "")
	for i, cd := range cands {
		if i == 4 {
			break
		}
		f := e.fromSentence(&p, cd)
		ans := ""
		b := 0.0
		if f != nil {
			ans, b = f.text, f.bonus
		}
		fmt.Printf("  %.2f %d [%s %.2f] %.80s\n", cd.cov, cd.a.sent.Index, ans, b, cd.a.sent.Text)
	}
}
