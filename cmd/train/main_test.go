package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// trainingData is the committed training-set folder, from this package.
const trainingData = "../../bot/testdata/train"

// TestModelReproduces reruns the documented command, `go run ./cmd/train`,
// on the committed training sets and checks it writes the model embedded
// in the binary, byte for byte. It runs the command as its own process,
// built as a user builds it: under -race the same training takes minutes
// (TestTrainingIsDeterministic covers the trainer's goroutines under the
// race detector).
func TestModelReproduces(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to rerun the trainer: %v", err)
	}
	out := filepath.Join(t.TempDir(), "model.txt")
	cmd := exec.CommandContext(t.Context(), goTool, "run", ".", "-data", trainingData, "-out", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run ./cmd/train: %v\n%s", err, lastLines(stderr.String(), 20))
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../bot/model.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("retraining gives another model (%d bytes, committed %d): run `go run ./cmd/train` and commit bot/model.txt", len(got), len(want))
	}
}

// TestTrainingIsDeterministic trains twice in this process on the news
// and squad-train sets alone (no SQuAD sample, one pass: small enough for
// the race detector) and checks both runs write the same model.
func TestTrainingIsDeterministic(t *testing.T) {
	args := []string{"-data", trainingData, "-squad", "0", "-epochs", "1"}
	var models [2][]byte
	for i := range models {
		out := filepath.Join(t.TempDir(), "model.txt")
		if err := run(context.Background(), append(args, "-out", out), io.Discard, io.Discard); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) == 0 {
			t.Fatal("empty model")
		}
		models[i] = b
	}
	if !bytes.Equal(models[0], models[1]) {
		t.Fatalf("two trainings on the same data differ (%d and %d bytes)", len(models[0]), len(models[1]))
	}
}

// lastLines is the end of a command's output, for a failure message.
func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}
