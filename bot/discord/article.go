package discord

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/live"
	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/store"
	"github.com/articlebot/articlebot/corpus/web"
	"github.com/bwmarrin/discordgo"
)

// /article add and /article remove change the corpus while the bot
// answers: through a Library, which validates, writes the folder
// atomically and swaps in the new index (bot/live), so that questions
// meanwhile see the corpus before or after, never half of it.

// Library is what /article add and /article remove need of the corpus;
// *live.Engine satisfies it.
type Library interface {
	Add(ctx context.Context, name string, text []byte) (live.Added, error)
	AddURL(ctx context.Context, raw, name string) (live.Added, error)
	Remove(ctx context.Context, id string) (bot.ArticleInfo, error)
}

// changePermissions are the permissions that let a member add and remove
// articles (issue 10: Manage Server; Administrator holds every
// permission). The command's default_member_permissions hides it from
// others, and the handler checks again: a server's admins can change who
// may use a command.
const changePermissions = discordgo.PermissionManageGuild

// manageServer is changePermissions as the command's definition takes it.
var manageServer int64 = changePermissions

// discordCDN are the hosts Discord serves attachments from.
var discordCDN = []string{"cdn.discordapp.com", "media.discordapp.net"}

// attachmentHosts are the hosts attachments may be downloaded from:
// Discord's CDN, and the API root's host when it is not Discord's (a
// proxy, or the fake Discord of the tests, serves attachments too).
func attachmentHosts(baseURL string) map[string]bool {
	hosts := map[string]bool{}
	for _, h := range discordCDN {
		hosts[h] = true
	}
	if u, err := url.Parse(baseURL); err == nil && u.Host != "" && baseURL != DefaultBaseURL {
		hosts[u.Host] = true
	}
	return hosts
}

// Messages of /article.
const (
	msgFixedCorpus  = "The articles I answer from can't be changed here: I was started on the built-in article or on a single file. Whoever runs me can set ARTICLEBOT_CORPUS to a folder of articles."
	msgNeedsManage  = "Only members with the Manage Server permission can add or remove articles."
	msgNotInServer  = "Articles can be added and removed only in a server I'm installed in."
	msgFileOrURL    = "Attach a .txt or .md file (file:), or give a link to the article (url:)."
	msgNotBoth      = "Give a file or a link, not both."
	msgNoAttachment = "I can't find that attachment. Please attach the file again."
)

// articleCommand is /article with its subcommands add and remove.
func (a *app) articleCommand() command {
	remove := articleOption()
	remove.Required = true
	remove.Description = "The article to remove (type to search)"
	return command{
		def: &discordgo.ApplicationCommand{
			Name:                     "article",
			Description:              "Add or remove an article (needs Manage Server)",
			DefaultMemberPermissions: &manageServer,
			// In servers that installed the bot only: a user's own install
			// of the app must not change the corpus every server shares.
			Contexts:         &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
			IntegrationTypes: &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall},
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type:        discordgo.ApplicationCommandOptionSubCommand,
					Name:        "add",
					Description: "Add an article from a .txt or .md file, or from a link",
					Options: []*discordgo.ApplicationCommandOption{
						{Type: discordgo.ApplicationCommandOptionAttachment, Name: "file", Description: "The article as a .txt or .md file (a title line, a blank line, the text)"},
						{Type: discordgo.ApplicationCommandOptionString, Name: "url", Description: "A link to the article's web page", MaxLength: web.MaxURLBytes},
						{Type: discordgo.ApplicationCommandOptionString, Name: "name", Description: "Its name and ID (default: the file's name, or the page's title)", MaxLength: store.MaxNameBytes},
					},
				},
				{
					Type:        discordgo.ApplicationCommandOptionSubCommand,
					Name:        "remove",
					Description: "Remove an article",
					Options:     []*discordgo.ApplicationCommandOption{remove},
				},
			},
		},
		run:          a.article,
		autocomplete: a.completeArticle,
	}
}

// article answers /article add and /article remove.
func (a *app) article(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	switch {
	case !r.Member || !r.GuildInstalled:
		return notice(msgNotInServer), nil
	case r.Permissions&(changePermissions|discordgo.PermissionAdministrator) == 0:
		return notice(msgNeedsManage), nil
	case a.library == nil:
		return notice(msgFixedCorpus), nil
	}
	switch r.Sub {
	case "add":
		return a.addArticle(ctx, r)
	case "remove":
		return a.removeArticle(ctx, r)
	}
	return notice(msgUnknown), nil
}

func (a *app) addArticle(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	file, link, name := r.String("file"), strings.TrimSpace(r.String("url")), strings.TrimSpace(r.String("name"))
	var added live.Added
	var err error
	switch {
	case file != "" && link != "":
		return notice(msgNotBoth), nil
	case link != "":
		added, err = a.library.AddURL(ctx, link, name)
	case file != "":
		var text []byte
		var fileName string
		if fileName, text, err = a.attachment(ctx, r, file); err != nil {
			return nil, err
		}
		if name == "" {
			name = fileName
		}
		added, err = a.library.Add(ctx, name, text)
	default:
		return notice(msgFileOrURL), nil
	}
	if err != nil {
		return nil, fmt.Errorf("add article: %w", err)
	}
	a.metrics.Added()
	return renderAdded(added), nil
}

// attachment downloads the attached file with the ID id and returns its
// name (the file's, without its extension) and its text. The file must be
// a .txt or .md file of at most store.MaxTextBytes; the store checks that
// it is UTF-8 text.
func (a *app) attachment(ctx context.Context, r *request, id string) (string, []byte, error) {
	att := r.Attachments[id]
	if att == nil {
		return "", nil, &bot.UserError{Msg: msgNoAttachment}
	}
	shown := truncate(escape(oneLine(att.Filename)), 100)
	if !corpus.IsArticleFile(att.Filename) {
		return "", nil, &bot.UserError{Msg: fmt.Sprintf("Only .txt and .md files can be added; “%s” is neither.", shown)}
	}
	if att.Size > store.MaxTextBytes {
		return "", nil, &bot.UserError{Msg: fmt.Sprintf("“%s” is larger than %d MiB, the most an article may be.", shown, store.MaxTextBytes>>20)}
	}
	u, err := url.Parse(att.URL)
	if err != nil || !a.attachmentHosts[u.Host] {
		return "", nil, fmt.Errorf("attachment %s at %q: not on Discord's CDN", att.ID, att.URL)
	}
	text, err := web.Download(ctx, att.URL, store.MaxTextBytes, a.fetch)
	var ie *corpus.InputError
	if errors.As(err, &ie) {
		return "", nil, &bot.UserError{Msg: ie.Msg}
	}
	if err != nil {
		return "", nil, fmt.Errorf("download attachment %s: %w", att.ID, err)
	}
	return corpus.NameOf(att.Filename), text, nil
}

func (a *app) removeArticle(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	id, err := a.resolveArticle(r.String("article"))
	if err != nil {
		return nil, err
	}
	info, err := a.library.Remove(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("remove article %s: %w", id, err)
	}
	a.metrics.Removed()
	return renderRemoved(info), nil
}

// renderAdded names the article added, its title and sentences, and
// offers the commands that use it.
func renderAdded(ad live.Added) *discordgo.InteractionResponseData {
	title := oneLine(ad.Title)
	if title == "" {
		title = ad.ID
	}
	e := &discordgo.MessageEmbed{Title: truncate("Added: "+escape(title), maxEmbedTitle), Color: colorAnswer}
	e.Description = fmt.Sprintf("%s is now article `%s`, %d sentences.", bold(title), ad.ID, ad.Sentences)
	if ad.URL != "" {
		e.Description += "\nFrom " + escape(ad.URL)
		if !ad.Published.IsZero() {
			e.Description += ", published " + ad.Published.Format("2 January 2006")
		}
		e.Description += "."
	}
	e.Description = truncate(e.Description, maxEmbedDescription)
	e.Fields = []*discordgo.MessageEmbedField{
		{Name: "Ask about it", Value: "`/ask article:" + ad.ID + " question:…`"},
		{Name: "Summary", Value: "`/summary article:" + ad.ID + "`", Inline: true},
		{Name: "Briefing", Value: "`/brief article:" + ad.ID + "`", Inline: true},
	}
	return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}}
}

// renderRemoved says which article was removed.
func renderRemoved(info bot.ArticleInfo) *discordgo.InteractionResponseData {
	title := oneLine(info.Title)
	if title == "" {
		title = info.ID
	}
	e := &discordgo.MessageEmbed{
		Title:       truncate("Removed: "+escape(title), maxEmbedTitle),
		Color:       colorInfo,
		Description: fmt.Sprintf("Article `%s` (%d sentences) is no longer in the corpus.", info.ID, info.Sentences),
	}
	return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}}
}
