package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestModelReproduces retrains the model on the committed training sets
// and checks the file is the one embedded in the binary, byte for byte:
// the weights anyone can rerun `go run ./cmd/train` to get.
func TestModelReproduces(t *testing.T) {
	out := filepath.Join(t.TempDir(), "model.txt")
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"-data", "../../bot/testdata/train", "-out", out}, &stdout, io.Discard); err != nil {
		t.Fatal(err)
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
