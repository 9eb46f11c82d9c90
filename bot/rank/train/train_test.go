package train_test

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/articlebot/articlebot/bot/decide"
	"github.com/articlebot/articlebot/bot/rank"
	"github.com/articlebot/articlebot/bot/rank/train"
)

// toy builds questions whose right candidate has feature 1 (and noise),
// the others features 2 or 3 (and noise).
func toy(n int) *train.Data {
	r := rand.New(rand.NewPCG(3, 4))
	d := train.NewData()
	for i := 0; i < n; i++ {
		var scored []rank.Scored
		var gold []bool
		for c := 0; c < 4; c++ {
			key := uint64(2 + r.IntN(2))
			if c == i%4 {
				key = 1
			}
			scored = append(scored, rank.Scored{Feats: []rank.Feat{{Key: key, Val: 1}, {Key: 100 + uint64(r.IntN(5)), Val: 1}}})
			gold = append(gold, c == i%4)
		}
		d.Add(scored, gold, 1)
	}
	return d
}

func TestFitLearnsTheRightFeature(t *testing.T) {
	d := toy(300)
	opt := train.Defaults
	opt.MinCount = 1
	w, err := train.Fit(context.Background(), d, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	m := w.Model(nil)
	if !(m[1] > m[2] && m[1] > m[3]) {
		t.Fatalf("weights %v: feature 1 should weigh most", m)
	}
	again, err := train.Fit(context.Background(), toy(300), nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, again.Model(nil)) {
		t.Fatal("the same data gave different weights")
	}
	// Only examples 0..9: a feature seen in fewer than MinCount of them
	// learns nothing.
	opt.MinCount = 1000
	none, err := train.Fit(context.Background(), d, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(none.Model(nil)) != 0 {
		t.Errorf("weights for features rarer than MinCount: %v", none.Model(nil))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := train.Fit(ctx, d, nil, train.Defaults); err == nil {
		t.Error("a cancelled fit did not stop")
	}
}

func TestFitDecision(t *testing.T) {
	var ds []train.Decision
	for i := 0; i < 200; i++ {
		switch i % 4 {
		case 0, 1: // answerable, the best candidate right
			ds = append(ds, train.Decision{Feats: []decide.Feature{{Name: "bias", Val: 1}, {Name: "good", Val: 1}}, Right: true, Answerable: true})
		case 2: // answerable, the best candidate wrong
			ds = append(ds, train.Decision{Feats: []decide.Feature{{Name: "bias", Val: 1}, {Name: "good", Val: 0.5}}, Answerable: true})
		case 3: // the article has no answer
			ds = append(ds, train.Decision{Feats: []decide.Feature{{Name: "bias", Val: 1}, {Name: "absent", Val: 1}}})
		}
	}
	m, err := train.FitDecision(context.Background(), ds, 1)
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := m.Answer(ds[0].Feats); !ok {
		t.Error("a right candidate went unanswered")
	}
	if ok, _ := m.Answer(ds[3].Feats); ok {
		t.Error("an unanswerable question was answered")
	}
}
