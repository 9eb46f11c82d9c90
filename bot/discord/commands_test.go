package discord

import (
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// Discord's rule for chat command and option names.
var nameRE = regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)

// TestCommandTable checks the one table that drives registration and
// dispatch: every command has a handler, names and descriptions are within
// Discord's limits, autocomplete options have a handler.
func TestCommandTable(t *testing.T) {
	a := newApp(&stubEngine{}, discardLogger(), 1e9, 1e9)
	seen := map[string]bool{}
	for _, c := range a.table {
		d := c.def
		t.Run(d.Name, func(t *testing.T) {
			if c.run == nil {
				t.Error("no handler")
			}
			if seen[d.Name] {
				t.Error("defined twice")
			}
			seen[d.Name] = true
			if d.Name != "article" { // servers only: TestArticleCommandDefinition
				checkReach(t, d)
			}
			if d.Type == discordgo.MessageApplicationCommand {
				// A menu command: a name of 1-32 characters as shown, no
				// description, no options.
				if n := runes(d.Name); n < 1 || n > maxCommandName || d.Description != "" || len(d.Options) > 0 {
					t.Errorf("message command %q: description %q, %d options", d.Name, d.Description, len(d.Options))
				}
				return
			}
			if !nameRE.MatchString(d.Name) {
				t.Errorf("name %q: want 1-32 lowercase letters, digits, - or _", d.Name)
			}
			if n := runes(d.Description); n < 1 || n > maxDescription {
				t.Errorf("description: %d characters", n)
			}
			if len(d.Options) > maxOptions {
				t.Errorf("%d options", len(d.Options))
			}
			total := runes(d.Name) + runes(d.Description)
			optional := false
			for _, o := range d.Options {
				total += runes(o.Name) + runes(o.Description)
				if !nameRE.MatchString(o.Name) {
					t.Errorf("option name %q", o.Name)
				}
				if n := runes(o.Description); n < 1 || n > maxDescription {
					t.Errorf("option %s description: %d characters", o.Name, n)
				}
				if o.Required && optional {
					t.Errorf("required option %s after an optional one", o.Name)
				}
				optional = optional || !o.Required
				if o.Autocomplete && (c.autocomplete == nil || len(o.Choices) > 0) {
					t.Errorf("option %s autocompletes without a handler, or with choices", o.Name)
				}
				if len(o.Choices) > maxChoices {
					t.Errorf("option %s: %d choices", o.Name, len(o.Choices))
				}
				for _, ch := range o.Choices {
					total += runes(ch.Name)
					if n := runes(ch.Name); n < 1 || n > maxChoiceName {
						t.Errorf("choice %q", ch.Name)
					}
					if o.Name == "kind" {
						if _, ok := factKind(ch.Value.(string)); !ok {
							t.Errorf("kind choice %q maps to no fact kind", ch.Value)
						}
					}
				}
				if o.Name == "article" && !o.Autocomplete {
					t.Errorf("article option does not autocomplete")
				}
			}
			if total > 4000 {
				t.Errorf("%d characters in all; Discord allows 4,000", total)
			}
			if got := a.route(&request{Type: discordgo.InteractionApplicationCommand, Name: d.Name}); got == nil {
				t.Error("dispatch finds no handler")
			}
		})
	}
	for _, want := range []string{"ask", "who-said", "how-many", "facts", "search", "summary", "brief", "articles", askMessageName} {
		if !seen[want] {
			t.Errorf("command %s missing", want)
		}
	}
	if len(a.table) > 100 {
		t.Errorf("%d commands; Discord allows 100", len(a.table))
	}
	// The definitions serialise as Discord expects.
	b, err := json.Marshal(definitions(a.table))
	if err != nil {
		t.Fatal(err)
	}
	var back []map[string]any
	if err := json.Unmarshal(b, &back); err != nil || len(back) != len(a.table) {
		t.Fatalf("definitions do not round-trip: %v", err)
	}
}

func TestHowManyQuestion(t *testing.T) {
	for in, want := range map[string]string{
		"troops":                "how many troops",
		"How many troops?":      "How many troops?",
		"how much money":        "how much money",
		"  HOW MANY planners":   "  HOW MANY planners",
		"howitzers were there?": "how many howitzers were there?",
	} {
		if got := howManyQuestion(in); got != want {
			t.Errorf("howManyQuestion(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkReach checks a command can be used in every context (guild, DM with
// the bot, other DMs) and with both kinds of install (guild, user).
func checkReach(t *testing.T, d *discordgo.ApplicationCommand) {
	t.Helper()
	if d.Contexts == nil || fmt.Sprint(*d.Contexts) != "[0 1 2]" {
		t.Errorf("contexts %v, want [0 1 2]", d.Contexts)
	}
	if d.IntegrationTypes == nil || fmt.Sprint(*d.IntegrationTypes) != "[0 1]" {
		t.Errorf("integration_types %v, want [0 1]", d.IntegrationTypes)
	}
}
