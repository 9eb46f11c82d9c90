package corpus

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	p := os.Getenv("DUMP")
	if p == "" {
		t.Skip()
	}
	c, _, err := Load(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range c.Articles {
		fmt.Println("##", a.ID, "|", a.Title)
		for _, s := range a.Sentences {
			fmt.Printf("[%d.%d] %s\n", s.Paragraph, s.Index, s.Text)
			for _, f := range s.Facts {
				fmt.Printf("      %-12s %q v=%q role=%q sp=%q\n", f.Kind, f.Text, f.Value, f.Role, f.Speaker)
			}
		}
		for _, p := range a.People {
			fmt.Printf("  PERSON %s %q %v\n", p.Name, p.Roles, p.Sentences)
		}
	}
}
