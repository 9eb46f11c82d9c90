package discord

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// TestSetEndpoints: after setEndpoints, every API endpoint, string or
// function, points at the new base. The ones this package's code path uses
// are all here.
func TestSetEndpoints(t *testing.T) {
	t.Cleanup(func() { setEndpoints(DefaultBaseURL) })
	const base = "http://127.0.0.1:1234/"
	setEndpoints(base)
	strs := map[string]string{
		"EndpointDiscord": discordgo.EndpointDiscord, "EndpointAPI": discordgo.EndpointAPI,
		"EndpointGuilds": discordgo.EndpointGuilds, "EndpointChannels": discordgo.EndpointChannels,
		"EndpointUsers": discordgo.EndpointUsers, "EndpointGateway": discordgo.EndpointGateway,
		"EndpointGatewayBot": discordgo.EndpointGatewayBot, "EndpointWebhooks": discordgo.EndpointWebhooks,
		"EndpointStickers": discordgo.EndpointStickers, "EndpointStageInstances": discordgo.EndpointStageInstances,
		"EndpointSKUs": discordgo.EndpointSKUs, "EndpointVoice": discordgo.EndpointVoice,
		"EndpointVoiceRegions": discordgo.EndpointVoiceRegions, "EndpointNitroStickersPacks": discordgo.EndpointNitroStickersPacks,
		"EndpointGuildCreate": discordgo.EndpointGuildCreate, "EndpointApplications": discordgo.EndpointApplications,
		"EndpointOAuth2": discordgo.EndpointOAuth2, "EndpointOAuth2Applications": discordgo.EndpointOAuth2Applications,
		"EndpointOauth2": discordgo.EndpointOauth2, "EndpointOauth2Applications": discordgo.EndpointOauth2Applications,
		// Functions this package calls through discordgo.
		"EndpointApplicationGlobalCommands":  discordgo.EndpointApplicationGlobalCommands("1"),
		"EndpointApplicationGuildCommands":   discordgo.EndpointApplicationGuildCommands("1", "2"),
		"EndpointInteractionResponse":        discordgo.EndpointInteractionResponse("1", "t"),
		"EndpointInteractionResponseActions": discordgo.EndpointInteractionResponseActions("1", "t"),
		"EndpointWebhookMessage":             discordgo.EndpointWebhookMessage("1", "t", "@original"),
		"EndpointWebhookToken":               discordgo.EndpointWebhookToken("1", "t"),
		"EndpointFollowupMessage":            discordgo.EndpointFollowupMessage("1", "t"),
		"EndpointChannelMessages":            discordgo.EndpointChannelMessages("3"),
		"EndpointUser":                       discordgo.EndpointUser("@me"),
		"EndpointGuildMember":                discordgo.EndpointGuildMember("1", "2"),
		"EndpointOAuth2Application":          discordgo.EndpointOAuth2Application("1"),
	}
	for name, v := range strs {
		if !strings.HasPrefix(v, base+"api/v9/") && v != base {
			t.Errorf("%s = %q, want it under %s", name, v, base)
		}
	}
	if discordgo.EndpointGateway != base+"api/v9/gateway" {
		t.Errorf("EndpointGateway = %q", discordgo.EndpointGateway)
	}
	if got := discordgo.EndpointInteractionResponse("9", "tok"); got != base+"api/v9/interactions/9/tok/callback" {
		t.Errorf("EndpointInteractionResponse = %q", got)
	}
	// The CDN and status page are other hosts; they stay.
	if !strings.HasPrefix(discordgo.EndpointCDN, "https://cdn.discordapp.com/") {
		t.Errorf("EndpointCDN = %q", discordgo.EndpointCDN)
	}
	// Back to Discord: identical to discordgo's own values at load.
	setEndpoints(DefaultBaseURL)
	if discordgo.EndpointAPI != "https://discord.com/api/v9/" || discordgo.EndpointGatewayBot != "https://discord.com/api/v9/gateway/bot" {
		t.Errorf("reset: API %q, gateway bot %q", discordgo.EndpointAPI, discordgo.EndpointGatewayBot)
	}
}
