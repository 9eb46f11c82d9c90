package golden

import (
	"path/filepath"
	"testing"
)

func TestFirstDiff(t *testing.T) {
	tests := []struct{ want, got, diff string }{
		{"a\nb\n", "a\nb\n", ""},
		{"a\nb\n", "a\nc\n", "line 2\n want: b\n  got: c"},
		{"a\n", "a\nextra", "line 2\n want: \n  got: extra"},
	}
	for _, tt := range tests {
		if d := FirstDiff(tt.want, tt.got); d != tt.diff {
			t.Errorf("FirstDiff(%q, %q) = %q, want %q", tt.want, tt.got, d, tt.diff)
		}
	}
}

func TestCheckMissingFile(t *testing.T) {
	ft := &fakeT{TB: t}
	func() {
		defer func() { recover() }()
		Check(ft, filepath.Join(t.TempDir(), "none.golden"), "x")
	}()
	if !ft.failed && !*update {
		t.Error("a missing golden file did not fail the test")
	}
}

// fakeT records a failure instead of failing the real test.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()                           {}
func (f *fakeT) Fatalf(format string, args ...any) { f.failed = true; panic("fatal") }
func (f *fakeT) Errorf(format string, args ...any) { f.failed = true }
