package corpus

import (
	"context"
	"testing"
)

func TestParseUntitled(t *testing.T) {
	tests := []struct {
		name, file, data string
		untitled         bool
	}{
		{"title line", "x", "Shares hit by warning\n\nShares fell 16%.\n", false},
		{"markdown heading", "x.md", "# Big news\n\nIt happened today.\n", false},
		{"no title line", "some-article", "First paragraph here. Second sentence.\nAnother paragraph.\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(context.Background(), tt.file, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if a.Untitled != tt.untitled {
				t.Errorf("Untitled = %v, want %v (title %q)", a.Untitled, tt.untitled, a.Title)
			}
		})
	}
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !c.Articles[0].Untitled {
		t.Errorf("the built-in article has no title line, but Untitled is false (title %q)", c.Articles[0].Title)
	}
}
