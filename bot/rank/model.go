package rank

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/bot/candidate"
)

// modelHeader opens a model file; the number is the feature version, which
// changes whenever a feature's meaning does, so that an old file is
// refused rather than misread.
const modelHeader = "articlebot-rank-model"

// FeatureVersion is the version of the features this code computes.
const FeatureVersion = 1

// Model is a linear model: a weight for each feature.
type Model struct {
	Weights map[uint64]float32
	// Names holds the features' names, for people reading the file.
	Names map[uint64]string
	// Decide holds the weights of the answer decision (package decide),
	// by feature name.
	Decide map[string]float64
	// About says what the model was trained on.
	About []string
}

// Score is the model's score of a feature vector.
func (m *Model) Score(fs []Feat) float64 {
	var s float64
	for _, f := range fs {
		s += float64(m.Weights[f.Key] * f.Val)
	}
	return s
}

// Scored is a candidate with its features and score.
type Scored struct {
	*candidate.Candidate
	Score float64 // the model's score
	Prob  float64 // its share of the question's candidates (softmax), 0..1
	Feats []Feat
	// Order is the candidate's place as generated, which breaks ties.
	Order int
	// NType is how many of Feats (the first) describe the candidate's
	// type against the question's; TypeFit is their score: how well the
	// model thinks a candidate of its type answers this question.
	NType   int
	TypeFit float64
}

// Featurize computes every candidate's features; with names set, it also
// names the features it has not named before.
func Featurize(x *Context, cands []candidate.Candidate, names Names) []Scored {
	out := make([]Scored, len(cands))
	b := &builder{names: names}
	for i := range cands {
		b.feats = b.feats[:0]
		x.features(b, &cands[i])
		out[i] = Scored{Candidate: &cands[i], Feats: append([]Feat(nil), b.feats...), Order: i, NType: b.nType}
	}
	return out
}

// Rank scores the candidates with m and sorts them best first. Equal
// scores keep the order they were generated in (sentence rank, then
// position), so the same question always gets the same answer.
func Rank(m *Model, scored []Scored) []Scored {
	if len(scored) == 0 {
		return scored
	}
	maxS := math.Inf(-1)
	for i := range scored {
		scored[i].Score = m.Score(scored[i].Feats)
		scored[i].TypeFit = m.Score(scored[i].Feats[:scored[i].NType])
		maxS = math.Max(maxS, scored[i].Score)
	}
	var z float64
	for i := range scored {
		z += math.Exp(scored[i].Score - maxS)
	}
	for i := range scored {
		scored[i].Prob = math.Exp(scored[i].Score-maxS) / z
	}
	sort.Slice(scored, func(i, j int) bool {
		if scored[i].Score != scored[j].Score {
			return scored[i].Score > scored[j].Score
		}
		return scored[i].Order < scored[j].Order
	})
	return scored
}

// Write writes the model in its text form: a header, the lines of About
// as comments, then one feature a line (key, weight, name), in key order,
// so that the same model always gives the same bytes.
func (m *Model) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s %d\n", modelHeader, FeatureVersion)
	for _, a := range m.About {
		fmt.Fprintf(bw, "# %s\n", a)
	}
	keys := make([]uint64, 0, len(m.Weights))
	for k, v := range m.Weights {
		if v != 0 {
			keys = append(keys, k)
		}
	}
	names := make([]string, 0, len(m.Decide))
	for n := range m.Decide {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(bw, "decide\t%s\t%s\n", strconv.FormatFloat(m.Decide[n], 'g', 6, 64), n)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		fmt.Fprintf(bw, "%016x\t%s\t%s\n", k, strconv.FormatFloat(float64(m.Weights[k]), 'g', 6, 32), m.Names[k])
	}
	return bw.Flush()
}

// Read reads a model written by Write.
func Read(data []byte) (*Model, error) { return read(data, true) }

// ReadWeights reads a model written by Write without its features'
// names (Names stays empty): what answering needs, since the names are
// for people reading the file and --explain names the features as it
// computes them. The built-in model's 55,000 names would be 4 MB of a
// process's memory and a third of reading it.
func ReadWeights(data []byte) (*Model, error) { return read(data, false) }

func read(data []byte, withNames bool) (*Model, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	if !sc.Scan() {
		return nil, fmt.Errorf("rank: model: empty")
	}
	var version int
	if _, err := fmt.Sscanf(sc.Text(), modelHeader+" %d", &version); err != nil {
		return nil, fmt.Errorf("rank: model: bad header %q", clip(sc.Text()))
	}
	if version != FeatureVersion {
		return nil, fmt.Errorf("rank: model has feature version %d, this code computes %d: retrain it (go run ./cmd/train)", version, FeatureVersion)
	}
	m := &Model{Weights: make(map[uint64]float32, bytes.Count(data, []byte{'\n'})), Names: map[uint64]string{}, Decide: map[string]float64{}}
	line := 1
	for sc.Scan() {
		line++
		l := sc.Text()
		if strings.HasPrefix(l, "# ") {
			m.About = append(m.About, l[2:])
			continue
		}
		parts := strings.SplitN(l, "\t", 3)
		if parts[0] == "decide" && len(parts) == 3 {
			v, err := strconv.ParseFloat(parts[1], 64)
			if err != nil {
				return nil, fmt.Errorf("rank: model line %d: weight: %w", line, err)
			}
			m.Decide[parts[2]] = v
			continue
		}
		if len(parts) < 2 {
			return nil, fmt.Errorf("rank: model line %d: want key, weight, name", line)
		}
		k, err := strconv.ParseUint(parts[0], 16, 64)
		if err != nil {
			return nil, fmt.Errorf("rank: model line %d: key: %w", line, err)
		}
		v, err := strconv.ParseFloat(parts[1], 32)
		if err != nil {
			return nil, fmt.Errorf("rank: model line %d: weight: %w", line, err)
		}
		m.Weights[k] = float32(v)
		if len(parts) == 3 && withNames {
			m.Names[k] = parts[2]
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("rank: model: %w", err)
	}
	return m, nil
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
