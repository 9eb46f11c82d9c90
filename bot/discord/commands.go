package discord

import (
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/bwmarrin/discordgo"
)

// command is one slash command: its definition, registered with Discord,
// and its handlers. The one table of them drives registration, dispatch and
// the tests.
type command struct {
	def *discordgo.ApplicationCommand
	run handlerFunc
	// autocomplete answers the options marked Autocomplete; nil when none is.
	autocomplete handlerFunc
}

// Longest question accepted by Discord's own form; the engine reads up to
// bot.MaxQuestionBytes.
const maxQuestionLength = 500

// commandTable is every command the bot registers: slash commands, and
// the message command Ask articlebot.
func (a *app) commandTable() []command {
	return []command{
		{
			def: &discordgo.ApplicationCommand{
				Name:        "ask",
				Description: "Ask a question about the news articles",
				Options: []*discordgo.ApplicationCommandOption{
					textOption("question", "Your question, e.g. How many troops could the force have?", true),
					articleOption(),
					privateOption(),
				},
			},
			run:          a.ask,
			autocomplete: a.completeArticle,
		},
		{
			def: &discordgo.ApplicationCommand{
				Name:        "who-said",
				Description: "Who said a quote?",
				Options: []*discordgo.ApplicationCommandOption{
					textOption("quote", "Words from the quote", true),
					articleOption(),
					privateOption(),
				},
			},
			run:          a.whoSaid,
			autocomplete: a.completeArticle,
		},
		{
			def: &discordgo.ApplicationCommand{
				Name:        "how-many",
				Description: "How many of something?",
				Options: []*discordgo.ApplicationCommandOption{
					textOption("what", "What to count, e.g. troops", true),
					articleOption(),
					privateOption(),
				},
			},
			run:          a.howMany,
			autocomplete: a.completeArticle,
		},
		{
			def: &discordgo.ApplicationCommand{
				Name:        "facts",
				Description: "People, quotes, numbers, places and dates in the articles",
				Options: []*discordgo.ApplicationCommandOption{
					articleOption(),
					{
						Type:        discordgo.ApplicationCommandOptionString,
						Name:        "kind",
						Description: "Only this kind of fact",
						Choices:     factKindChoices(),
					},
				},
			},
			run:          a.facts,
			autocomplete: a.completeArticle,
		},
		{
			def: &discordgo.ApplicationCommand{
				Name:        "search",
				Description: "Find the sentences that use some words",
				Options: []*discordgo.ApplicationCommandOption{
					textOption("query", "The words to look for", true),
					articleOption(),
				},
			},
			run:          a.search,
			autocomplete: a.completeArticle,
		},
		a.summaryCommand(),
		a.briefCommand(),
		a.askMessageCommand(),
		{
			def: &discordgo.ApplicationCommand{
				Name:        "articles",
				Description: "The articles I know",
			},
			run: a.articles,
		},
		a.articleCommand(),
	}
}

func textOption(name, description string, required bool) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:        discordgo.ApplicationCommandOptionString,
		Name:        name,
		Description: description,
		Required:    required,
		MaxLength:   maxQuestionLength,
	}
}

func articleOption() *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:         discordgo.ApplicationCommandOptionString,
		Name:         "article",
		Description:  "Only this article (type to search)",
		Autocomplete: true,
		MaxLength:    maxChoiceValue,
	}
}

func privateOption() *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:        discordgo.ApplicationCommandOptionBoolean,
		Name:        "private",
		Description: "Show the answer to you only",
	}
}

// The /facts kind choices, as users see them, and the fact kind each means.
func factKindChoices() []*discordgo.ApplicationCommandOptionChoice {
	names := []string{"people", "quotes", "numbers", "places", "organizations", "dates"}
	cs := make([]*discordgo.ApplicationCommandOptionChoice, len(names))
	for i, n := range names {
		cs[i] = &discordgo.ApplicationCommandOptionChoice{Name: n, Value: n}
	}
	return cs
}

func factKind(choice string) (facts.Kind, bool) {
	switch choice {
	case "people":
		return facts.KindPerson, true
	case "quotes":
		return facts.KindQuote, true
	case "numbers":
		return facts.KindQuantity, true
	case "places":
		return facts.KindPlace, true
	case "organizations":
		return facts.KindOrg, true
	case "dates":
		return facts.KindTime, true
	}
	return "", false
}

// definitions are the commands to register, in table order.
func definitions(table []command) []*discordgo.ApplicationCommand {
	defs := make([]*discordgo.ApplicationCommand, len(table))
	for i, c := range table {
		defs[i] = c.def
	}
	return defs
}
