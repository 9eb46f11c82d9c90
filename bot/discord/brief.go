package discord

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// briefCommand is /brief [article] [thread] [private].
func (a *app) briefCommand() command {
	return command{
		def: &discordgo.ApplicationCommand{
			Name:        "brief",
			Description: "A team briefing on an article: people, numbers, quotes, what's next, questions",
			Options: []*discordgo.ApplicationCommandOption{
				articleOption(),
				{
					Type:        discordgo.ApplicationCommandOptionBoolean,
					Name:        "thread",
					Description: "Start a thread on the briefing where I answer every message about the article",
				},
				privateOption(),
			},
		},
		run:          a.brief,
		autocomplete: a.completeArticle,
	}
}

func (a *app) brief(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	article, err := a.optionalArticle(r)
	if err != nil {
		return nil, err
	}
	b, err := a.engine.Brief(ctx, bot.BriefRequest{Article: article})
	if err != nil {
		return nil, fmt.Errorf("brief of %q: %w", article, err)
	}
	first := a.paged(r, responses(renderBrief(b)))
	if r.Bool("thread") {
		if why := a.threadRefusal(r); why != "" {
			first.Content = why
		} else {
			r.sequel().thread = &threadPlan{name: threadName(b.Title, b.Article), article: b.Article, title: b.Title}
		}
	}
	return first, nil
}

// Why a briefing gets no thread, for the asker.
const (
	msgThreadGateway = "I'm answering through Discord's HTTP interactions here, which don't show me a thread's messages, so I can't start a discussion thread: ask me with /ask."
	msgThreadPrivate = "A private briefing can't have a thread. Ask again without private to start one."
	msgThreadNoGuild = "Threads are only for server channels: ask me here instead."
	msgThreadNotHere = "I'm not in this server, so I can't start a thread here: ask me with /ask."
	msgThreadPerms   = "I need the Create Public Threads and Send Messages in Threads permissions in this channel to start a thread."
)

// threadRefusal says why a briefing cannot have a thread, or "" when it
// can: the bot must see the thread's messages (over the gateway: serve
// does not), and the briefing must be public, in a server channel, where
// the bot is installed (not only the asker's user install) and may start
// threads and write in them.
func (a *app) threadRefusal(r *request) string {
	const need = discordgo.PermissionCreatePublicThreads | discordgo.PermissionSendMessagesInThreads
	switch {
	case !a.seesMessages():
		return msgThreadGateway
	case r.Ephemeral:
		return msgThreadPrivate
	case r.GuildID == "":
		return msgThreadNoGuild
	case !r.GuildInstalled:
		return msgThreadNotHere
	case r.AppPermissions&need != need:
		return msgThreadPerms
	}
	return ""
}

// maxThreadName is Discord's limit on a thread's name.
const maxThreadName = 100

// threadName names a briefing's thread after its article.
func threadName(title, article string) string {
	t := oneLine(title)
	if t == "" {
		t = article
	}
	return truncate("Brief: "+t, maxThreadName)
}

// renderBrief lays out a briefing: the headline in the description, one
// field per section (continued in more fields, embeds and messages when
// long), every line with its sentence numbers.
func renderBrief(b *bot.Brief) []page {
	title := oneLine(b.Title)
	if title == "" {
		title = b.Article
	}
	l := layout{
		title:  truncate("Brief: "+escape(title), maxEmbedTitle),
		color:  colorInfo,
		footer: "Numbers in [ ] are sentences of the article · article: " + truncate(b.Article, 100),
	}
	if len(b.Headline.Sentences) > 0 {
		l.desc = []string{bold(oneLine(b.Headline.Text)) + " " + cite(b.Headline.Sentences)}
	}
	for _, s := range b.Sections {
		sec := section{name: s.Title}
		for i, it := range s.Items {
			mark := "•"
			if s.Kind == bot.SectionPrompts {
				mark = "**" + strconv.Itoa(i+1) + ".**"
			}
			sec.lines = append(sec.lines, mark+" "+briefLine(it))
		}
		if len(sec.lines) == 0 {
			sec.lines = []string{"_None in the article._"}
		}
		l.sections = append(l.sections, sec)
	}
	return l.pages()
}

// briefLine is "**Label** (Detail): text [n]", escaped.
func briefLine(it bot.BriefItem) string {
	var b strings.Builder
	if label := oneLine(it.Label); label != "" {
		b.WriteString(bold(label))
		if d := oneLine(it.Detail); d != "" {
			b.WriteString(" (" + escape(d) + ")")
		}
		b.WriteString(": ")
	}
	b.WriteString(escape(oneLine(it.Text)))
	if c := cite(it.Sentences); c != "" {
		b.WriteString(" " + c)
	}
	return b.String()
}

// cite writes sentence numbers as "[9, 10]".
func cite(ns []int) string {
	if len(ns) == 0 {
		return ""
	}
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
