package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/articlebot/articlebot/bot"
)

// summaryFlags are the flags only the summary command takes.
type summaryFlags struct {
	length    string
	sentences int
	topic     string
}

func (f *summaryFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.length, "length", "", "short, medium or long")
	fs.IntVar(&f.sentences, "sentences", 0, "number of sentences")
	fs.StringVar(&f.topic, "topic", "", "focus on the sentences about this")
}

// summarise prints a summary of one article as Markdown, or as JSON.
func summarise(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var sf summaryFlags
	o, rest, e, closeIndex, err := offline(ctx, "summary", args, getenv, stderr, sf.register)
	if err != nil {
		return err
	}
	defer closeIndex()
	if len(rest) > 0 {
		return &usageError{msg: fmt.Sprintf("summary takes no arguments (got %q); give a topic with --topic", strings.Join(rest, " "))}
	}
	if sf.length != "" && sf.sentences != 0 {
		return &usageError{msg: "give --length or --sentences, not both"}
	}
	if sf.length == "" && sf.sentences == 0 {
		sf.length = string(bot.LengthShort)
	}
	s, err := e.Summary(ctx, bot.SummaryRequest{Article: o.article, Length: bot.Length(sf.length), Sentences: sf.sentences, Topic: sf.topic})
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	if o.json {
		return writeJSON(w, s)
	}
	what := fmt.Sprintf("%d of %d sentences", len(s.Sentences), s.Of)
	if s.Length != "" {
		what = capitalise(string(s.Length)) + " summary, " + what
	}
	if s.Topic != "" {
		what += fmt.Sprintf(", about “%s”", s.Topic)
	}
	fmt.Fprintf(w, "# Summary: %s (%s)\n\n%s.\n\n", s.Title, s.Article, what)
	for _, c := range s.Sentences {
		fmt.Fprintf(w, "- %s [%d]\n", c.Text, c.Index)
	}
	return nil
}

// briefing prints a team briefing on one article as Markdown, or as JSON.
func briefing(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	o, rest, e, closeIndex, err := offline(ctx, "brief", args, getenv, stderr)
	if err != nil {
		return err
	}
	defer closeIndex()
	if len(rest) > 0 {
		return &usageError{msg: fmt.Sprintf("brief takes no arguments (got %q)", strings.Join(rest, " "))}
	}
	b, err := e.Brief(ctx, bot.BriefRequest{Article: o.article})
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	if o.json {
		return writeJSON(w, b)
	}
	printBrief(w, b)
	return nil
}

// printBrief writes a briefing as Markdown: a heading, the headline when
// it is the lead sentence, and a section a heading; discussion prompts
// are numbered.
func printBrief(w io.Writer, b *bot.Brief) {
	fmt.Fprintf(w, "# Brief: %s (%s)\n", b.Title, b.Article)
	if len(b.Headline.Sentences) > 0 {
		fmt.Fprintf(w, "\n**%s** %s\n", b.Headline.Text, cite(b.Headline.Sentences))
	}
	for _, s := range b.Sections {
		fmt.Fprintf(w, "\n## %s\n", s.Title)
		if len(s.Items) == 0 {
			fmt.Fprintln(w, "_None in the article._")
		}
		for i, it := range s.Items {
			mark := "-"
			if s.Kind == bot.SectionPrompts {
				mark = fmt.Sprintf("%d.", i+1)
			}
			fmt.Fprintf(w, "%s %s%s %s\n", mark, itemLead(it), it.Text, cite(it.Sentences))
		}
	}
}

// itemLead is an item's label and detail in Markdown: "**John Healey**
// (Britain’s Defense Minister): ".
func itemLead(it bot.BriefItem) string {
	if it.Label == "" {
		return ""
	}
	lead := "**" + it.Label + "**"
	if it.Detail != "" {
		lead += " (" + it.Detail + ")"
	}
	return lead + ": "
}

// cite writes sentence numbers as "[9, 10]".
func cite(ns []int) string {
	if len(ns) == 0 {
		return ""
	}
	return "[" + joinInts(ns) + "]"
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// writeJSON writes v as one line of JSON.
func writeJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}
