// Command train learns articlebot's ranking model and answer decision
// from the question sets, and measures them by article-grouped
// cross-validation: each fold's questions are answered by a model trained
// without that fold's articles.
//
//	go run ./cmd/train                 # train on everything, write bot/model.txt
//	go run ./cmd/train -cv 5           # also print the cross-validated figures
//	go run ./cmd/train -data ../shared/eval -squad 20000
//
// The same data and options always give the same bytes.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"math"
	"os"
	"os/signal"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/candidate"
	"github.com/articlebot/articlebot/bot/decide"
	"github.com/articlebot/articlebot/bot/eval"
	"github.com/articlebot/articlebot/bot/rank"
	"github.com/articlebot/articlebot/bot/rank/train"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

// config is what a run does.
type config struct {
	data       string
	out        string
	squad      int
	folds      int
	newsWeight float64
	opt        train.Options
	verbose    bool
	inSample   bool
	// bags is how many models, each from its own order of the
	// examples, are averaged into one.
	bags  int
	swaps bool
	// squadNones: the decision learns from SQuAD 2.0's unanswerable paragraphs too.
	squadNones bool
	// dropPrefixes names the feature families left out (-drop).
	dropPrefixes []string
	swapWeight   float64
	// decideNewsOnly trains the answer decision on the news sets alone.
	decideNewsOnly bool
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg := config{opt: train.Defaults}
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.data, "data", "bot/testdata/train", "folder of the training sets (the layout of ../shared/eval)")
	fs.StringVar(&cfg.out, "out", "bot/model.txt", "where to write the model; empty: do not write")
	fs.IntVar(&cfg.squad, "squad", -1, "at most this many questions from "+squadAll+" (0: none; -1: all the file holds)")
	drop := fs.String("drop", "", "leave out the features whose names start with these comma-separated prefixes (ablation)")
	packFrom := fs.String("pack", "", "copy the training sets from this folder (../shared/eval) into -data (all of SQuAD but squad-train's paragraphs) and stop")
	fs.IntVar(&cfg.folds, "cv", 0, "cross-validate with this many article-grouped folds first (0: don't)")
	fs.Float64Var(&cfg.newsWeight, "news-weight", defaultNewsWeight, "weight of a news question against a SQuAD one")
	fs.IntVar(&cfg.opt.Epochs, "epochs", cfg.opt.Epochs, "training passes")
	fs.Float64Var(&cfg.opt.Rate, "rate", cfg.opt.Rate, "AdaGrad learning rate")
	fs.Float64Var(&cfg.opt.L2, "l2", cfg.opt.L2, "L2 regularisation")
	fs.IntVar(&cfg.opt.MinCount, "min-count", cfg.opt.MinCount, "drop features seen in fewer training questions")
	fs.BoolVar(&cfg.opt.Average, "average", cfg.opt.Average, "average the weights over every step")
	fs.BoolVar(&cfg.verbose, "v", false, "list the held-out misses")
	fs.IntVar(&cfg.bags, "bags", 1, "average this many models trained in different orders")
	fs.BoolVar(&cfg.squadNones, "squad-nones", false, "train the decision on the SQuAD 2.0 paragraphs with unanswerable questions too")
	fs.BoolVar(&cfg.swaps, "swaps", false, "train the decision on unanswerable questions made by swapping a name of an answerable one")
	fs.Float64Var(&cfg.swapWeight, "swap-weight", 0.5, "weight of a swapped question against a real one")
	fs.BoolVar(&cfg.decideNewsOnly, "decide-news", false, "train the answer decision on the news sets only")
	fs.BoolVar(&cfg.inSample, "in-sample", false, "with -cv: also answer each fold with the model trained on everything (the in-sample figure)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *drop != "" {
		prefixes := strings.Split(*drop, ",")
		cfg.dropPrefixes = prefixes
	}
	if *packFrom != "" {
		return pack(*packFrom, cfg.data)
	}
	if cfg.squad < 0 {
		cfg.squad = math.MaxInt
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	m, err := trainAll(ctx, cfg, stdout, log)
	if err != nil {
		return err
	}
	if cfg.out == "" {
		return nil
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	return os.WriteFile(cfg.out, buf.Bytes(), 0o644)
}

// Defaults of the command, chosen by cross-validation (see the README's
// "How it answers"): a news question weighs 6 SQuAD ones (held-out news
// answer_acc 0.721, 0.733, 0.736, 0.745, 0.740, 0.736 at weights 2, 3, 5,
// 6, 8, 12; SQuAD F1 falls slowly from 50.9 to 49.1).
const defaultNewsWeight = 6

// item is one question of a set, analysed.
type item struct {
	set  *set
	q    eval.Question
	an   *bot.Analysis
	gold []bool
	ex   int // its example in the training data
	fold int
	keep bool // kept for decisions and figures (report sets)
	// synthetic: made by swapped, for the decision only, never scored.
	synthetic bool
}

// trainAll loads the sets, analyses every question, cross-validates when
// asked and trains the final model.
func trainAll(ctx context.Context, cfg config, stdout io.Writer, log *slog.Logger) (*rank.Model, error) {
	start := time.Now()
	var sets []*set
	skip := map[string]bool{}
	for _, sp := range specs {
		s, err := loadSet(ctx, cfg.data, sp)
		if err != nil {
			return nil, err
		}
		for _, q := range s.qs {
			skip[q.Article] = true
		}
		sets = append(sets, s)
	}
	if cfg.squad > 0 {
		s, err := loadSquadAll(ctx, cfg.data, cfg.squad, skip)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	log.Info("sets loaded", "sets", len(sets), "elapsed", time.Since(start).Round(time.Millisecond))

	// Unanswerable questions made from answerable ones, for the decision.
	var swaps []*set
	if cfg.swaps {
		for _, s := range sets {
			if !s.report {
				continue
			}
			sw := *s
			sw.qs = swapped(s)
			sw.synthetic = true
			swaps = append(swaps, &sw)
		}
	}
	data := train.NewData()
	names := rank.Names{}
	var items []*item
	for _, s := range append(sets, swaps...) {
		w := 1.0
		if s.news {
			w = cfg.newsWeight
		}
		// The paragraphs of the other SQuAD sets that have an
		// unanswerable question teach the decision too (SQuAD 2.0's).
		unanswerable := map[string]bool{}
		if cfg.squadNones && !s.report {
			for _, q := range s.qs {
				if len(q.Answers) == 0 {
					unanswerable[q.Article] = true
				}
			}
		}
		err := analyse(ctx, s, names, func(it *item) {
			it.ex = data.Add(it.an.Scored, it.gold, w)
			it.fold = fold(group(s.name, it.q), max(cfg.folds, 1))
			it.keep = s.report || unanswerable[it.q.Article]
			it.synthetic = s.synthetic || !s.report && it.keep
			if !it.keep {
				it.an = nil // training data only: let the features go
			}
			items = append(items, it)
		})
		if err != nil {
			return nil, err
		}
	}
	oracle := map[string][2]int{}
	for _, it := range items {
		if !it.keep || it.synthetic || len(it.q.Answers) == 0 {
			continue
		}
		o := oracle[it.set.name]
		o[1]++
		for _, g := range it.gold {
			if g {
				o[0]++
				break
			}
		}
		oracle[it.set.name] = o
	}
	for _, s := range sets {
		if o, ok := oracle[s.name]; ok {
			log.Info("candidate recall", "set", s.name, "answerable", o[1], "with a right candidate", o[0], "share", fmt.Sprintf("%.3f", float64(o[0])/float64(o[1])))
		}
	}
	if len(cfg.dropPrefixes) > 0 {
		cfg.opt.Drop = func(k uint64) bool {
			for _, p := range cfg.dropPrefixes {
				if strings.HasPrefix(names[k], p) {
					return true
				}
			}
			return false
		}
	}
	log.Info("questions analysed", "questions", len(items), "features", len(names), "elapsed", time.Since(start).Round(time.Millisecond))

	if cfg.folds > 1 {
		if err := crossValidate(ctx, cfg, data, items, names, stdout, log); err != nil {
			return nil, err
		}
	}
	m, err := fit(ctx, cfg, data, items, names, func(*item) bool { return true })
	if err != nil {
		return nil, err
	}
	var counts []string
	for _, s := range sets {
		counts = append(counts, fmt.Sprintf("%s %d", s.name, len(s.qs)))
	}
	m.About = []string{
		"trained by `go run ./cmd/train` (bot/rank/train): softmax over each question's candidates, AdaGrad",
		fmt.Sprintf("data: %s", strings.Join(counts, ", ")),
		fmt.Sprintf("options: epochs %d, rate %g, l2 %g, min count %d, seed %d, news weight %g", cfg.opt.Epochs, cfg.opt.Rate, cfg.opt.L2, cfg.opt.MinCount, cfg.opt.Seed, cfg.newsWeight),
	}
	log.Info("trained", "weights", len(m.Weights), "elapsed", time.Since(start).Round(time.Millisecond))
	return m, nil
}

// analyse carries every question of a set through the pipeline, on all
// cores, and hands each to add in the set's order as soon as it and those
// before it are done (so that add can let an analysis go before the set
// ends: all of SQuAD's at once would take gigabytes); it adds the names
// of the features it meets to all.
func analyse(ctx context.Context, s *set, all rank.Names, add func(*item)) error {
	type result struct {
		i   int
		it  *item
		err error
	}
	workers := runtime.GOMAXPROCS(0)
	next := make(chan int)
	results := make(chan result, workers)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			names := rank.Names{} // this worker's, so that each feature is named once a worker
			defer func() {
				mu.Lock()
				for k, n := range names {
					all[k] = n
				}
				mu.Unlock()
			}()
			for i := range next {
				q := s.qs[i]
				an, err := s.engine.Analyse(ctx, bot.Question{Text: q.Question, Article: q.Article}, names)
				if err != nil && bot.IsUserError(err) {
					an, err = &bot.Analysis{}, nil
				}
				if err != nil {
					results <- result{i: i, err: err}
					continue
				}
				it := &item{set: s, q: q, an: an}
				it.gold = labels(q, an, s.news && lenientNews)
				an.Names = nil
				results <- result{i: i, it: it}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range s.qs {
			if ctx.Err() != nil {
				return
			}
			next <- i
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	// Results arrive a little out of order (a worker on a slow question
	// lets the others run ahead):
	// hold them until their turn.
	waiting := map[int]*item{}
	turn := 0
	var firstErr error
	for r := range results {
		if r.err != nil {
			if firstErr == nil {
				firstErr = r.err
			}
			continue
		}
		waiting[r.i] = r.it
		for it, ok := waiting[turn]; ok; it, ok = waiting[turn] {
			delete(waiting, turn)
			if firstErr == nil {
				add(it)
			}
			turn++
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return firstErr
}

// lenientNews labels a news question's candidates by score.py's rule
// alone (an answer holding the gold answer and not much longer is right),
// the rule news answers are judged by; SQuAD's by exact match first.
const lenientNews = true

// labels marks the right candidates: those that are exactly a gold answer
// (SQuAD's normalisation) when any is, unless lenient; else those right by
// score.py's rule.
func labels(q eval.Question, an *bot.Analysis, lenient bool) []bool {
	gold := make([]bool, len(an.Scored))
	if len(q.Answers) == 0 {
		return gold
	}
	exact := lenient
	if !lenient {
		for i, s := range an.Scored {
			if em, _ := eval.SQuAD(q, s.Text); em == 1 {
				gold[i] = true
				exact = true
			}
		}
		if exact {
			return gold
		}
	}
	for i := range an.Scored {
		text := an.Scored[i].Text
		if lenient {
			text = an.Shown(&an.Scored[i])
		}
		gold[i] = eval.Matches(q.Answers, text)
	}
	return gold
}

func fold(g string, k int) int {
	h := fnv.New32a()
	h.Write([]byte(g))
	return int(h.Sum32() % uint32(k))
}

// fit trains the ranking weights on the items in, then the decision on
// the report items among them. (Decisions made by models trained without
// each question, cross-fitted, measured worse: SQuAD F1 44.3 against 50.6
// held out, news the same.)
func fit(ctx context.Context, cfg config, data *train.Data, items []*item, names map[uint64]string, in func(*item) bool) (*rank.Model, error) {
	m, err := fitRank(ctx, cfg, data, items, names, in)
	if err != nil {
		return nil, err
	}
	var ds []train.Decision
	for _, it := range items {
		if !in(it) || !it.keep || !it.set.news && cfg.decideNewsOnly {
			continue
		}
		ds = append(ds, decision(it, m, cfg))
	}
	dm, err := train.FitDecision(ctx, ds, cfg.opt.Seed)
	if err != nil {
		return nil, err
	}
	m.Decide = dm
	return m, nil
}

// fitRank trains the ranking weights on the items in.
func fitRank(ctx context.Context, cfg config, data *train.Data, items []*item, names map[uint64]string, in func(*item) bool) (*rank.Model, error) {
	var use []int
	for _, it := range items {
		if in(it) {
			use = append(use, it.ex)
		}
	}
	weights := map[uint64]float32{}
	for k := 0; k < max(cfg.bags, 1); k++ {
		opt := cfg.opt
		opt.Seed += uint64(k)
		w, err := train.Fit(ctx, data, use, opt)
		if err != nil {
			return nil, err
		}
		for key, v := range w.Model(names) {
			weights[key] += v / float32(max(cfg.bags, 1))
		}
	}
	m := &rank.Model{Weights: weights, Names: map[uint64]string{}}
	for k := range m.Weights {
		m.Names[k] = names[k]
	}
	return m, nil
}

// decision is an item's input to the answer decision under model m.
func decision(it *item, m *rank.Model, cfg config) train.Decision {
	scored := rank.Rank(m, it.an.Scored)
	d := train.Decision{Feats: decide.Features(it.an.Q, it.an.Hits, scored), Answerable: len(it.q.Answers) > 0, Weight: 1}
	if it.set.news {
		d.Weight = cfg.newsWeight
	}
	if it.synthetic {
		d.Weight *= cfg.swapWeight
	}
	if len(scored) > 0 && len(it.q.Answers) > 0 {
		d.Right = eval.Matches(it.q.Answers, scored[0].Text)
	}
	return d
}

// crossValidate trains a model for each fold without it and answers the
// fold's questions with it, then prints the figures of each report set.
func crossValidate(ctx context.Context, cfg config, data *train.Data, items []*item, names map[uint64]string, stdout io.Writer, log *slog.Logger) error {
	scores := map[string]*eval.Score{}
	confusion := map[string]int{}
	topRight := map[string][2]int{}
	pns := map[string][]float64{}
	var margins [][2]float64
	var misses []string
	var all *rank.Model
	if cfg.inSample {
		var err error
		if all, err = fit(ctx, cfg, data, items, names, func(*item) bool { return true }); err != nil {
			return err
		}
	}
	for f := 0; f < cfg.folds; f++ {
		m := all
		if m == nil {
			var err error
			if m, err = fit(ctx, cfg, data, items, names, func(it *item) bool { return it.fold != f }); err != nil {
				return err
			}
		}
		for _, it := range items {
			if it.fold != f || !it.keep || it.synthetic {
				continue
			}
			sc := scores[it.set.name]
			if sc == nil {
				sc = &eval.Score{}
				scores[it.set.name] = sc
			}
			ans, ranked := answerOf(it, m)
			var sents []string
			for _, c := range ans.Sentences {
				sents = append(sents, c.Text)
			}
			text := ans.Text
			if ans.NoAnswer {
				text = ""
			}
			sc.Add(it.q, text, sents)
			if len(it.q.Answers) > 0 {
				top := ""
				if len(ranked) > 0 {
					top = it.an.Shown(&ranked[0])
				}
				k := "squad"
				if it.set.news {
					k = "news"
				}
				r := topRight[k]
				r[1]++
				if eval.Right(it.q, top) {
					r[0]++
				}
				topRight[k] = r
			}
			if it.set.news && len(ranked) > 0 {
				dm := decide.Model(m.Decide)
				fs := decide.Features(it.an.Q, it.an.Hits, ranked)
				pn := dm.ProbNone(fs)
				k := "answerable"
				if len(it.q.Answers) == 0 {
					k = "none"
				}
				pns[k] = append(pns[k], pn)
				g := 0.0
				if len(it.q.Answers) == 0 {
					g = -1
				} else if eval.Right(it.q, withUnitText(ans, ranked)) {
					g = 1
				}
				margins = append(margins, [2]float64{decide.Margin(pn, dm.ProbRight(fs)), g})
			}
			if it.set.news {
				switch {
				case len(it.q.Answers) == 0 && text == "":
					confusion["none, not answered"]++
				case len(it.q.Answers) == 0:
					confusion["none, answered"]++
				case text == "" && it.gold != nil && anyTrue(it.gold):
					confusion["answerable, not answered (a right candidate existed)"]++
				case text == "":
					confusion["answerable, not answered (no right candidate)"]++
				case eval.Right(it.q, text):
					confusion["answered right"]++
				case len(sents) > 0 && eval.SameSentence(it.q.Support, sents[0]):
					confusion["answered wrong, from the right sentence"]++
					// How the best right candidate of that sentence stands
					// to the answer given.
					rel := "no right candidate there"
					for i := range ranked {
						c := &ranked[i]
						if c.Hit != ranked[0].Hit || !eval.Matches(it.q.Answers, it.an.Shown(c)) {
							continue
						}
						a, b := ranked[0].Span, c.Span
						switch {
						case b.Start <= a.Start && a.End <= b.End:
							rel = "right one holds the answer given"
						case a.Start <= b.Start && b.End <= a.End:
							rel = "answer given holds the right one"
						case a.Start < b.End && b.Start < a.End:
							rel = "overlapping"
						case mainTypeOf(c.Type) == mainTypeOf(ranked[0].Type):
							rel = "apart, same type"
						default:
							rel = "apart, other type"
						}
						break
					}
					confusion["  right sentence: "+rel]++
					if cfg.verbose && rel == "apart, other type" {
						for i := range ranked {
							c := &ranked[i]
							if c.Hit == ranked[0].Hit && eval.Matches(it.q.Answers, it.an.Shown(c)) {
								misses = append(misses, fmt.Sprintf("TYPE [%s] %q got %q [%s] want %q [%s]", it.an.Q.Kind, it.q.Question, ranked[0].Text, ranked[0].Type, c.Text, c.Type))
								break
							}
						}
					}
				default:
					confusion["answered wrong, from another sentence"]++
				}
			}
			if cfg.verbose && !eval.Right(it.q, text) && it.set.news {
				r := -1
				for i, sc := range ranked {
					if eval.Matches(it.q.Answers, sc.Text) {
						r = i
						break
					}
				}
				top := ""
				if len(ranked) > 0 && text == "" {
					top = " top=" + ranked[0].Text
				}
				same := ""
				if len(sents) > 0 && eval.SameSentence(it.q.Support, sents[0]) {
					same = " SAME"
				}
				miss := fmt.Sprintf("MISS%s %s [%s/%s] %q gold=%q got=%q%s goldrank=%d/%d", same, it.q.ID, it.q.Kind, it.an.Q.Kind, it.q.Question, it.q.Answers, text, top, r, len(ranked))
				if r >= 0 {
					miss += fmt.Sprintf(" gold=%q [%s]", ranked[r].Text, ranked[r].Type)
				}
				misses = append(misses, miss)
			}
		}
		log.Info("fold done", "fold", f)
	}
	var names2 []string
	for n := range scores {
		names2 = append(names2, n)
	}
	sort.Slice(names2, func(i, j int) bool { return order(names2[i]) < order(names2[j]) })
	news := eval.Score{}
	if cfg.inSample {
		fmt.Fprintln(stdout, "in-sample (trained on everything):")
	} else {
		fmt.Fprintf(stdout, "%d-fold cross-validation, grouped by article:\n", cfg.folds)
	}
	for _, n := range names2 {
		fmt.Fprintf(stdout, "  %-12s %s\n", n, scores[n])
		if n != "squad-train" {
			news.Merge(*scores[n])
		}
	}
	fmt.Fprintf(stdout, "  %-12s %s\n", "news (all 5)", news)
	if len(pns["none"]) > 0 && len(pns["answerable"]) > 0 {
		// The share of (none, answerable) pairs the none model orders right: its AUC.
		good := 0.0
		for _, a := range pns["none"] {
			for _, b := range pns["answerable"] {
				switch {
				case a > b:
					good++
				case a == b:
					good += 0.5
				}
			}
		}
		fmt.Fprintf(stdout, "  decision: AUC of P(no answer) on news, none against answerable: %.3f\n", good/float64(len(pns["none"])*len(pns["answerable"])))
	}
	if len(margins) > 0 {
		sort.Slice(margins, func(i, j int) bool { return margins[i][0] > margins[j][0] })
		base := 0.0
		for _, m := range margins {
			if m[1] < 0 {
				base++
			}
		}
		best, run := base, base
		for _, m := range margins {
			run += m[1]
			best = max(best, run)
		}
		fmt.Fprintf(stdout, "  decision: with the best threshold for these held-out questions, news answer_acc would be %.3f\n", best/float64(len(margins)))
	}
	for _, k := range []string{"news", "squad"} {
		r := topRight[k]
		fmt.Fprintf(stdout, "  ranking: the best candidate is right for %.3f of the answerable %s questions (%d)\n", float64(r[0])/float64(max(r[1], 1)), k, r[1])
	}
	var cs []string
	for k := range confusion {
		cs = append(cs, k)
	}
	sort.Strings(cs)
	for _, k := range cs {
		fmt.Fprintf(stdout, "    %-55s %d\n", k, confusion[k])
	}
	for _, m := range misses {
		fmt.Fprintln(stdout, m)
	}
	return nil
}

func order(name string) int {
	for i, s := range specs {
		if s.name == name {
			return i
		}
	}
	return len(specs)
}

// answerOf answers an item with model m, as Ask would, and returns its
// candidates as m ranks them.
func answerOf(it *item, m *rank.Model) (*bot.Answer, []rank.Scored) {
	an := *it.an
	an.Scored = append([]rank.Scored(nil), it.an.Scored...)
	ans := it.set.engine.Answer(bot.Question{Text: it.q.Question, Article: it.q.Article}, &an, m)
	return ans, an.Scored
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// withUnitText is the answer's text as the user sees it when answered:
// the top candidate as Answer shows it.
func withUnitText(ans *bot.Answer, ranked []rank.Scored) string {
	if !ans.NoAnswer {
		return ans.Text
	}
	if len(ranked) == 0 {
		return ""
	}
	return ranked[0].Text
}

func mainTypeOf(t candidate.Type) int {
	for i := 0; i < candidate.NumTypes; i++ {
		if t&(1<<i) != 0 {
			return i
		}
	}
	return -1
}
