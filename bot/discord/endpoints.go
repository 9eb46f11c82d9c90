package discord

import "github.com/bwmarrin/discordgo"

// setEndpoints points discordgo at the API root base (with a trailing
// slash), such as "https://discord.com/" or a test server's URL.
//
// discordgo computes its endpoint strings once, when the package loads, from
// "https://discord.com/"; this recomputes every one of them the way
// endpoints.go of discordgo v0.29.0 derives it. The endpoint functions
// (EndpointChannel, EndpointInteractionResponse, …) read these strings when
// called, so they follow. The CDN and status-page endpoints are other hosts
// and stay as they are. These variables are the one piece of global state
// the Discord face writes; values are written only when they change, so
// reruns with the same base do not race with a live session's reads.
func setEndpoints(base string) {
	api := base + "api/v" + discordgo.APIVersion + "/"
	if discordgo.EndpointDiscord == base && discordgo.EndpointAPI == api {
		return
	}
	discordgo.EndpointDiscord = base
	discordgo.EndpointAPI = api
	discordgo.EndpointGuilds = api + "guilds/"
	discordgo.EndpointChannels = api + "channels/"
	discordgo.EndpointUsers = api + "users/"
	discordgo.EndpointGateway = api + "gateway"
	discordgo.EndpointGatewayBot = discordgo.EndpointGateway + "/bot"
	discordgo.EndpointWebhooks = api + "webhooks/"
	discordgo.EndpointStickers = api + "stickers/"
	discordgo.EndpointStageInstances = api + "stage-instances"
	discordgo.EndpointSKUs = api + "skus"
	discordgo.EndpointVoice = api + "/voice/"
	discordgo.EndpointVoiceRegions = discordgo.EndpointVoice + "regions"
	discordgo.EndpointNitroStickersPacks = api + "/sticker-packs"
	discordgo.EndpointGuildCreate = api + "guilds"
	discordgo.EndpointApplications = api + "applications"
	discordgo.EndpointOAuth2 = api + "oauth2/"
	discordgo.EndpointOAuth2Applications = discordgo.EndpointOAuth2 + "applications"
	discordgo.EndpointOauth2 = discordgo.EndpointOAuth2
	discordgo.EndpointOauth2Applications = discordgo.EndpointOAuth2Applications
}
