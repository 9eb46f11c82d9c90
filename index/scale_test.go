package index_test

// The scale benchmarks: articlebot's whole load path (bot.Load: files,
// facts, analysis, this index, the cache) and its questions on generated
// corpora of 1,000 and 10,000 articles, each beside plain Bleve on the
// same sentences in the same run (Bleve's English analyzer, BM25, the
// question's words as a match query, the same batch size), so that the
// README can give both and their ratio:
//
//	go test ./index -run XXX -bench Scale -benchtime 1x -timeout 60m
//
// cold builds everything into an empty folder, warm starts again from it,
// ask is a question on a warm start; rss runs the start and 40 questions
// in a child process and reports its peak resident memory and CPU time
// (the machine is shared: CPU time varies less than wall time). This file is
// in package index because it is the one allowed to import Bleve.

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/corpustest"
)

// plainBatch is plain Bleve's batch size: the index's own (index.go).
const plainBatch = 1000

// childEnv names the mode of a child process of BenchmarkScale/…/rss.
const childEnv = "ARTICLEBOT_SCALE_CHILD"

func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode != "" {
		err := child(mode)
		if path := os.Getenv(childEnv + "_HEAP"); path != "" && err == nil {
			err = writeHeap(path)
		}
		var kb string
		if err == nil {
			kb, err = peakRSS()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(kb)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// scaleCorpus is a folder of n generated articles and a file of their
// sentences, one a line, made once for the benchmark run.
type scaleCorpus struct {
	dir       string // the articles
	sentences string // their sentences as articlebot splits them
}

func makeScaleCorpus(b *testing.B, n int) scaleCorpus {
	b.Helper()
	root := b.TempDir()
	dir, err := corpustest.WriteFolder(filepath.Join(root, "articles"), n)
	if err != nil {
		b.Fatal(err)
	}
	c, _, err := corpus.Load(context.Background(), dir)
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, a := range c.Articles {
		for _, s := range a.Sentences {
			sb.WriteString(s.Text)
			sb.WriteByte('\n')
		}
	}
	sc := scaleCorpus{dir: dir, sentences: filepath.Join(root, "sentences.txt")}
	if err := os.WriteFile(sc.sentences, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d articles, %d sentences", len(c.Articles), c.SentenceCount())
	// Write the files out now: a cold build's syncs would otherwise wait
	// for the disk to take them too (18-19 s against 10.5 s measured).
	syscall.Sync()
	return sc
}

func readSentences(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out, sc.Err()
}

// plainBuild indexes sentences with plain Bleve at path.
func plainBuild(path string, sentences []string) (bleve.Index, error) {
	// One text field with Bleve's defaults for it (stored, term vectors)
	// and nothing dynamic: the default dynamic mapping would also try
	// every sentence as a date.
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	m.DefaultAnalyzer = en.AnalyzerName
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("text", text)
	m.DefaultMapping = doc
	bi, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, err
	}
	batch := bi.NewBatch()
	for i, s := range sentences {
		if err := batch.Index(strconv.Itoa(i), map[string]string{"text": s}); err != nil {
			return nil, err
		}
		if batch.Size() >= plainBatch {
			if err := bi.Batch(batch); err != nil {
				return nil, err
			}
			batch.Reset()
		}
	}
	return bi, bi.Batch(batch)
}

// plainAsk searches plain Bleve for a question's words, as many hits as
// articlebot's retrieval takes.
func plainAsk(bi bleve.Index, question string) error {
	q := query.NewMatchQuery(question)
	q.SetField("text")
	_, err := bi.SearchInContext(context.Background(), bleve.NewSearchRequestOptions(q, 40, 0, false))
	return err
}

// questionsPerOp is how many questions one op of ask asks (each of
// corpustest.Questions ten times), so that one op averages them.
const questionsPerOp = 40

// reportPerQuestion reports the time of one question of an ask op.
func reportPerQuestion(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*questionsPerOp)/1e6, "ms/question")
}

func BenchmarkScale(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			sc := makeScaleCorpus(b, n)
			warmDir := filepath.Join(b.TempDir(), "warm")
			plainDir := filepath.Join(b.TempDir(), "plain")
			ctx := context.Background()

			b.Run("cold", func(b *testing.B) {
				for i := 0; b.Loop(); i++ {
					l, err := bot.Load(ctx, bot.LoadOptions{Corpus: sc.dir, Dir: filepath.Join(b.TempDir(), strconv.Itoa(i))})
					if err != nil {
						b.Fatal(err)
					}
					l.Close()
				}
			})
			b.Run("plain-cold", func(b *testing.B) {
				sentences, err := readSentences(sc.sentences)
				if err != nil {
					b.Fatal(err)
				}
				for i := 0; b.Loop(); i++ {
					bi, err := plainBuild(filepath.Join(b.TempDir(), strconv.Itoa(i)), sentences)
					if err != nil {
						b.Fatal(err)
					}
					bi.Close()
				}
			})
			// The folders the warm starts read.
			l, err := bot.Load(ctx, bot.LoadOptions{Corpus: sc.dir, Dir: warmDir})
			if err != nil {
				b.Fatal(err)
			}
			l.Close()
			sentences, err := readSentences(sc.sentences)
			if err != nil {
				b.Fatal(err)
			}
			bi, err := plainBuild(plainDir, sentences)
			if err != nil {
				b.Fatal(err)
			}
			bi.Close()

			b.Run("warm", func(b *testing.B) {
				for b.Loop() {
					l, err := bot.Load(ctx, bot.LoadOptions{Corpus: sc.dir, Dir: warmDir})
					if err != nil {
						b.Fatal(err)
					}
					if l.Extracted != 0 {
						b.Fatalf("a warm start extracted %d articles", l.Extracted)
					}
					l.Close()
				}
			})
			b.Run("plain-warm", func(b *testing.B) {
				for b.Loop() {
					bi, err := bleve.Open(plainDir)
					if err != nil {
						b.Fatal(err)
					}
					bi.Close()
				}
			})
			b.Run("ask", func(b *testing.B) {
				l, err := bot.Load(ctx, bot.LoadOptions{Corpus: sc.dir, Dir: warmDir})
				if err != nil {
					b.Fatal(err)
				}
				defer l.Close()
				for _, q := range corpustest.Questions { // the word tables load on the first
					if _, err := l.Ask(ctx, bot.Question{Text: q}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportAllocs()
				for b.Loop() {
					for i := range questionsPerOp {
						if _, err := l.Ask(ctx, bot.Question{Text: corpustest.Questions[i%len(corpustest.Questions)]}); err != nil {
							b.Fatal(err)
						}
					}
				}
				reportPerQuestion(b)
			})
			b.Run("plain-ask", func(b *testing.B) {
				bi, err := bleve.Open(plainDir)
				if err != nil {
					b.Fatal(err)
				}
				defer bi.Close()
				for _, q := range corpustest.Questions {
					if err := plainAsk(bi, q); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportAllocs()
				for b.Loop() {
					for i := range questionsPerOp {
						if err := plainAsk(bi, corpustest.Questions[i%len(corpustest.Questions)]); err != nil {
							b.Fatal(err)
						}
					}
				}
				reportPerQuestion(b)
			})
			for _, mode := range []string{"cold", "plain-cold", "warm", "plain-warm"} {
				b.Run("rss-"+mode, func(b *testing.B) {
					var rss int64
					var cpu time.Duration
					for i := 0; b.Loop(); i++ {
						dir := warmDir
						switch mode {
						case "plain-warm":
							dir = plainDir
						case "cold", "plain-cold":
							dir = filepath.Join(b.TempDir(), strconv.Itoa(i))
						}
						rss, cpu = runChild(b, mode, sc, dir)
					}
					b.ReportMetric(float64(rss)/(1<<20), "MiB-peak-rss")
					b.ReportMetric(cpu.Seconds(), "cpu-s")
				})
			}
		})
	}
}

// runChild runs the test binary as a child in mode (see child) and
// returns its peak resident memory in bytes and the CPU time it took.
func runChild(b *testing.B, mode string, sc scaleCorpus, dir string) (int64, time.Duration) {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join([]string{mode, sc.dir, sc.sentences, dir}, "\n"))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("child %s: %v", mode, err)
	}
	kb, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	if err != nil {
		b.Fatalf("child %s: %q: %v", mode, out, err)
	}
	return kb << 10, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// writeHeap writes a heap profile, for a look at what a child holds
// (ARTICLEBOT_SCALE_CHILD_HEAP=file).
func writeHeap(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC()
	return pprof.WriteHeapProfile(f)
}

// peakRSS is this process's peak resident memory in kilobytes, from
// Linux's /proc (getrusage's figure would count the parent's memory: a
// child starts as a copy of it).
func peakRSS() (string, error) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSuffix(strings.TrimSpace(v), " kB"), nil
		}
	}
	return "", fmt.Errorf("no VmHWM in /proc/self/status")
}

// child starts (articlebot or plain Bleve, cold or warm) and asks 40
// questions, the work whose memory rss measures.
func child(spec string) error {
	f := strings.Split(spec, "\n")
	if len(f) != 4 {
		return fmt.Errorf("bad child spec %q", spec)
	}
	mode, articles, sentences, dir := f[0], f[1], f[2], f[3]
	ctx := context.Background()
	switch mode {
	case "cold", "warm":
		l, err := bot.Load(ctx, bot.LoadOptions{Corpus: articles, Dir: dir})
		if err != nil {
			return err
		}
		defer l.Close()
		for i := range 40 {
			if _, err := l.Ask(ctx, bot.Question{Text: corpustest.Questions[i%len(corpustest.Questions)]}); err != nil {
				return err
			}
		}
		return nil
	case "plain-cold", "plain-warm":
		var bi bleve.Index
		var err error
		if mode == "plain-cold" {
			ss, rerr := readSentences(sentences)
			if rerr != nil {
				return rerr
			}
			bi, err = plainBuild(dir, ss)
		} else {
			bi, err = bleve.Open(dir)
		}
		if err != nil {
			return err
		}
		defer bi.Close()
		for i := range 40 {
			if err := plainAsk(bi, corpustest.Questions[i%len(corpustest.Questions)]); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown child mode %q", mode)
}
