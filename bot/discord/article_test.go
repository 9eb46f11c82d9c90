package discord

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// TestArticleCommandDefinition: /article is hidden from members without
// Manage Server, offered in servers only, and its subcommands' options
// keep Discord's rules.
func TestArticleCommandDefinition(t *testing.T) {
	a := newApp(&stubEngine{}, discardLogger(), 1e9, 1e9)
	c, ok := a.commands["article"]
	if !ok {
		t.Fatal("no /article")
	}
	b, err := json.Marshal(c.def)
	if err != nil {
		t.Fatal(err)
	}
	var def map[string]any
	json.Unmarshal(b, &def)
	// Discord documents default_member_permissions as a string of the
	// permission bits.
	if def["default_member_permissions"] != "32" {
		t.Errorf("default_member_permissions = %v, want \"32\" (Manage Server)", def["default_member_permissions"])
	}
	if ctxs, _ := def["contexts"].([]any); len(ctxs) != 1 || ctxs[0] != float64(discordgo.InteractionContextGuild) {
		t.Errorf("contexts = %v, want guilds only", def["contexts"])
	}
	if its, _ := def["integration_types"].([]any); len(its) != 1 || its[0] != float64(discordgo.ApplicationIntegrationGuildInstall) {
		t.Errorf("integration_types = %v, want the guild install only", def["integration_types"])
	}
	subs := map[string]*discordgo.ApplicationCommandOption{}
	for _, o := range c.def.Options {
		if o.Type != discordgo.ApplicationCommandOptionSubCommand {
			t.Errorf("option %s is not a subcommand", o.Name)
		}
		subs[o.Name] = o
		if n := runes(o.Description); n < 1 || n > maxDescription {
			t.Errorf("%s: description of %d characters", o.Name, n)
		}
		optional := false
		for _, so := range o.Options {
			if !nameRE.MatchString(so.Name) || runes(so.Description) < 1 || runes(so.Description) > maxDescription {
				t.Errorf("%s %s: bad name or description", o.Name, so.Name)
			}
			if so.Required && optional {
				t.Errorf("%s: required %s after an optional option", o.Name, so.Name)
			}
			optional = optional || !so.Required
		}
	}
	if subs["add"] == nil || subs["remove"] == nil {
		t.Fatalf("subcommands %v", subs)
	}
	if r := subs["remove"].Options[0]; r.Name != "article" || !r.Required || !r.Autocomplete {
		t.Errorf("remove's article option: %+v", r)
	}
	var kinds []string
	for _, o := range subs["add"].Options {
		kinds = append(kinds, o.Name+":"+o.Type.String())
	}
	if got := strings.Join(kinds, " "); got != "file:Attachment url:String name:String" {
		t.Errorf("add's options: %s", got)
	}
}

// TestArticlePermissions: the handler checks the member's permissions
// again, whatever Discord let through.
func TestArticlePermissions(t *testing.T) {
	a := newApp(&stubEngine{}, discardLogger(), 1e9, 1e9)
	for _, tt := range []struct {
		name      string
		member    bool
		installed bool // the bot is installed in the server, not only as the member's user app
		perms     int64
		want      string
	}{
		{"a DM", false, false, 0, msgNotInServer},
		{"a user install", true, false, discordgo.PermissionAdministrator, msgNotInServer},
		{"a member", true, true, discordgo.PermissionSendMessages | discordgo.PermissionViewChannel, msgNeedsManage},
		{"Manage Server", true, true, discordgo.PermissionManageGuild, msgFixedCorpus},
		{"Administrator", true, true, discordgo.PermissionAdministrator, msgFixedCorpus},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data, err := a.article(t.Context(), &request{Name: "article", Sub: "add", Member: tt.member, GuildInstalled: tt.installed, Permissions: tt.perms})
			if err != nil || data.Content != tt.want || data.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("got %+v, %v; want %q", data, err, tt.want)
			}
		})
	}
}
