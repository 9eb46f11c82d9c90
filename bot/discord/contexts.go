package discord

import "github.com/bwmarrin/discordgo"

// Where commands can be used: every command works in servers, in DMs with
// the bot and, where a user has installed the app for themselves, in any
// DM or group DM (Discord's interaction contexts 0, 1, 2 and integration
// types 0, guild install, and 1, user install).
var (
	everyContext = []discordgo.InteractionContextType{
		discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM, discordgo.InteractionContextPrivateChannel,
	}
	everyInstall = []discordgo.ApplicationIntegrationType{
		discordgo.ApplicationIntegrationGuildInstall, discordgo.ApplicationIntegrationUserInstall,
	}
)

// reachEverywhere sets the contexts and integration types of every
// command that does not set its own (/article is for servers that
// installed the bot only), so that none is left to Discord's defaults
// (guild install only).
func reachEverywhere(table []command) []command {
	for _, c := range table {
		if c.def.Contexts == nil {
			contexts := append([]discordgo.InteractionContextType(nil), everyContext...)
			c.def.Contexts = &contexts
		}
		if c.def.IntegrationTypes == nil {
			installs := append([]discordgo.ApplicationIntegrationType(nil), everyInstall...)
			c.def.IntegrationTypes = &installs
		}
	}
	return table
}

// readPlace reads where an interaction happened and what the bot may do
// there. The bot is installed in the interaction's guild when the guild
// install authorised it there (Discord's authorizing_integration_owners
// maps integration type 0 to that guild's ID); a user install alone lets
// the bot answer the interaction but not post or start threads.
func readPlace(r *request, i *discordgo.Interaction) {
	r.AppID = i.AppID
	r.Context = i.Context
	r.AppPermissions = i.AppPermissions
	r.GuildInstalled = i.GuildID != "" && i.AuthorizingIntegrationOwners[discordgo.ApplicationIntegrationGuildInstall] == i.GuildID
}
