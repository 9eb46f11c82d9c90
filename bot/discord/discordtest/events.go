package discordtest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// interaction is the fake's record of one interaction it dispatched.
// Guarded by Server.mu.
type interaction struct {
	id, token string
	channelID string    // where it happened
	original  string    // the ID of the message its response made, once it has one
	delivered time.Time // when its INTERACTION_CREATE was written to the bot's gateway connection
	acked     time.Time // when its first response arrived
	ackType   int
	late      bool // a response came after the deadline
	// responded, for one POSTed to the bot's endpoint, is closed once the
	// bot's HTTP response is recorded; nil over the gateway.
	responded chan struct{}
}

// deliver records that the interaction's event reached the bot's
// connection at t (the first time, if it is replayed on a resume).
func (s *Server) deliver(in *interaction, t time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if in.delivered.IsZero() {
		in.delivered = t
	}
}

// age is how long ago, at now, the interaction was delivered; 0 before
// the fake has noted its delivery (the bot can answer before the write
// that delivered it returns). Call with s.mu held.
func (in *interaction) age(now time.Time) time.Duration {
	if in.delivered.IsZero() {
		return 0
	}
	return max(now.Sub(in.delivered), 0)
}

// Option is one option of a slash command as a user filled it in.
type Option struct {
	Name    string
	Type    discordgo.ApplicationCommandOptionType
	Value   any
	Focused bool     // the option being typed, for autocomplete
	Options []Option // a subcommand's options
	file    *File    // an attachment's file
}

// String is a string option.
func String(name, value string) Option {
	return Option{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// Bool is a boolean option.
func Bool(name string, value bool) Option {
	return Option{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: value}
}

// Int is an integer option.
func Int(name string, value int) Option {
	return Option{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: value}
}

// Focused is a string option being typed, for autocomplete.
func Focused(name, value string) Option {
	return Option{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value, Focused: true}
}

// Subcommand is a subcommand (such as add of /article add) with its
// options.
func Subcommand(name string, opts ...Option) Option {
	return Option{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}
}

// File is a file a user attaches to a command.
type File struct {
	Name        string // its file name, such as "story.txt"
	ContentType string // "" means one from the name's extension
	Data        []byte
}

// Attachment is an attachment option: Discord uploads the file to its CDN
// (here, the fake's /attachments/ route), puts it in the interaction's
// data.resolved.attachments, and gives the option its ID as value.
func Attachment(name string, f File) Option {
	return Option{Name: name, Type: discordgo.ApplicationCommandOptionAttachment, file: &f}
}

// User is who acts in an event. The zero value is an ordinary user.
type User struct {
	ID   string // default "400000000000000004"
	Name string // default "reader"
	Bot  bool
}

func (u User) json() map[string]any {
	return map[string]any{
		"id": or(u.ID, "400000000000000004"), "username": or(u.Name, "reader"),
		"discriminator": "0", "global_name": or(u.Name, "reader"), "bot": u.Bot,
	}
}

// Interaction is an interaction the fake dispatched.
type Interaction struct {
	ID    string
	Token string
	srv   *Server
}

// Where says where an event happens: in the fake's guild channel (the zero
// value) or in a DM.
type Where struct {
	DM   bool
	User User
	// UserInstall: the app is in the guild only as the user's own install
	// (authorizing_integration_owners holds the user, not the guild).
	UserInstall bool
	// Permissions are the member's permissions in the channel, as the
	// decimal string Discord sends; "" means PermissionsMember.
	Permissions string
}

// Member permissions as Discord computes them for a channel:
// PermissionsMember is an ordinary member's (view, send, read history,
// embed, attach, react, use commands, …); PermissionsManager adds Manage
// Server (1<<5).
const (
	PermissionsMember  = "2248473465835073"
	PermissionsManager = "2248473465835105"
)

// SendCommand dispatches a slash command interaction (type 2).
func (s *Server) SendCommand(name string, w Where, opts ...Option) (*Interaction, error) {
	return s.sendCommand(s.overGateway, name, w, opts...)
}

// SendAutocomplete dispatches an autocomplete interaction (type 4); one of
// opts should be Focused.
func (s *Server) SendAutocomplete(name string, w Where, opts ...Option) (*Interaction, error) {
	return s.sendAutocomplete(s.overGateway, name, w, opts...)
}

// SendButton dispatches a button click (type 3) on a message of the bot's
// with the given flags (discordgo.MessageFlagsEphemeral for an ephemeral
// one).
func (s *Server) SendButton(customID string, flags discordgo.MessageFlags, w Where) (*Interaction, error) {
	return s.sendButton(s.overGateway, customID, flags, w)
}

// sender delivers an interaction to the bot: over the gateway, or to its
// interactions endpoint.
type sender func(in *interaction, payload map[string]any) error

// overGateway dispatches an INTERACTION_CREATE.
func (s *Server) overGateway(in *interaction, p map[string]any) error {
	return s.dispatch("INTERACTION_CREATE", p, func(t time.Time) { s.deliver(in, t) })
}

func (s *Server) sendCommand(send sender, name string, w Where, opts ...Option) (*Interaction, error) {
	return s.sendInteraction(send, discordgo.InteractionApplicationCommand, s.commandData(name, opts), nil, w)
}

func (s *Server) sendAutocomplete(send sender, name string, w Where, opts ...Option) (*Interaction, error) {
	return s.sendInteraction(send, discordgo.InteractionApplicationCommandAutocomplete, s.commandData(name, opts), nil, w)
}

func (s *Server) sendButton(send sender, customID string, flags discordgo.MessageFlags, w Where) (*Interaction, error) {
	s.mu.Lock()
	msgID := s.newID()
	s.mu.Unlock()
	msg := map[string]any{
		"id": msgID, "channel_id": s.ChannelID, "author": s.botUser(), "content": "",
		"flags": int(flags), "type": 0, "embeds": []any{}, "components": []any{},
		"timestamp": time.Now().UTC().Format(time.RFC3339),
	}
	data := map[string]any{"custom_id": customID, "component_type": int(discordgo.ButtonComponent)}
	return s.sendInteraction(send, discordgo.InteractionMessageComponent, data, msg, w)
}

func (s *Server) commandData(name string, opts []Option) map[string]any {
	s.mu.Lock()
	id := s.commands[name]
	s.mu.Unlock()
	if id == "" {
		id = "0"
	}
	data := map[string]any{"id": id, "name": name, "type": int(discordgo.ChatApplicationCommand)}
	attachments := map[string]any{}
	data["options"] = s.optionsData(opts, attachments)
	if len(attachments) > 0 {
		data["resolved"] = map[string]any{"attachments": attachments}
	}
	return data
}

// optionsData is options as Discord sends them; attachments are uploaded
// to the fake's CDN and added to attachments, by ID.
func (s *Server) optionsData(opts []Option, attachments map[string]any) []map[string]any {
	os := make([]map[string]any, 0, len(opts))
	for _, o := range opts {
		m := map[string]any{"name": o.Name, "type": int(o.Type)}
		switch {
		case o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup:
			m["options"] = s.optionsData(o.Options, attachments)
		case o.file != nil:
			att := s.upload(*o.file)
			attachments[att["id"].(string)] = att
			m["value"] = att["id"]
		default:
			m["value"] = o.Value
		}
		if o.Focused {
			m["focused"] = true
		}
		os = append(os, m)
	}
	return os
}

// sendInteraction dispatches an INTERACTION_CREATE shaped as Discord sends
// it (permissions as strings, member in a guild, user in a DM).
func (s *Server) sendInteraction(send sender, typ discordgo.InteractionType, data, msg map[string]any, w Where) (*Interaction, error) {
	return s.sendInteractionIn(send, typ, data, msg, w, "")
}

// sendInteractionIn is sendInteraction in a channel of the guild (a
// thread); "" for the fake's channel.
func (s *Server) sendInteractionIn(send sender, typ discordgo.InteractionType, data, msg map[string]any, w Where, channelID string) (*Interaction, error) {
	switch {
	case w.DM:
		channelID = DMChannelID
	case channelID == "":
		channelID = s.ChannelID
	}
	s.mu.Lock()
	in := &interaction{id: s.newID(), token: "aW50ZXJhY3Rpb246" + randomToken(), channelID: channelID}
	s.interactions[in.id] = in
	s.byToken[in.token] = in
	s.mu.Unlock()

	p := map[string]any{
		"id": in.id, "application_id": s.AppID, "type": int(typ), "data": data,
		"channel_id": channelID, "token": in.token, "version": 1,
		"app_permissions": "2248473465835073", "locale": "en-US",
		"entitlements": []any{}, "authorizing_integration_owners": map[string]any{"0": s.GuildID},
	}
	if msg != nil {
		p["message"] = msg
	}
	if w.DM {
		p["user"] = w.User.json()
		p["context"] = 1
		p["authorizing_integration_owners"] = map[string]any{"0": "0"} // guild install, in the bot's DM
	} else {
		if w.UserInstall {
			p["authorizing_integration_owners"] = map[string]any{"1": w.User.json()["id"]}
		}
		p["guild_id"] = s.GuildID
		p["guild_locale"] = "en-US"
		p["context"] = 0
		p["member"] = map[string]any{
			"user": w.User.json(), "roles": []any{}, "joined_at": "2024-01-02T03:04:05.000000+00:00",
			"permissions": or(w.Permissions, PermissionsMember), "deaf": false, "mute": false, "flags": 0,
		}
	}
	if err := send(in, p); err != nil {
		return nil, err
	}
	return &Interaction{ID: in.id, Token: in.token, srv: s}, nil
}

// Ack reports when the interaction was first answered: how long after the
// fake delivered it to the bot's gateway connection (its own delivery, not
// the start of a test or of a burst), and with which callback type; ok is
// false before that. late is true when the bot answered after Discord's
// deadline, counted the same way.
func (i *Interaction) Ack() (latency time.Duration, typ int, late, ok bool) {
	i.srv.mu.Lock()
	defer i.srv.mu.Unlock()
	in := i.srv.interactions[i.ID]
	if in.acked.IsZero() {
		return 0, 0, in.late, false
	}
	return in.age(in.acked), in.ackType, in.late, true
}

// Wait waits for the bot's visible answer: the callback message (types 4, 7,
// 8), or after a deferral (type 5) the edit of the original response or a
// followup message.
func (i *Interaction) Wait(ctx context.Context) (*Reply, error) {
	s := i.srv
	cb, err := s.WaitRequest(ctx, func(r *Request) bool {
		return r.OK() && (r.Route == RouteInteractionCallback && strings.Contains(r.Path, "/"+i.ID+"/") ||
			r.Route == RouteEndpointResponse && r.Interaction == i.ID)
	})
	if err != nil {
		_, _, late, _ := i.Ack()
		return nil, fmt.Errorf("interaction %s: no callback (late: %v): %w", i.ID, late, err)
	}
	rep, err := decodeReply(cb)
	if err != nil {
		return nil, err
	}
	if rep.Type != int(discordgo.InteractionResponseDeferredChannelMessageWithSource) &&
		rep.Type != int(discordgo.InteractionResponseDeferredMessageUpdate) {
		return rep, nil
	}
	typ, deferFlags := rep.Type, rep.Flags
	edit, err := s.WaitRequest(ctx, func(r *Request) bool {
		return (r.Route == RouteEditOriginal || r.Route == RouteFollowup) && r.OK() &&
			strings.Contains(r.Path, "/"+i.Token)
	})
	if err != nil {
		return nil, fmt.Errorf("interaction %s: deferred, never edited: %w", i.ID, err)
	}
	rep, err = decodeReply(edit)
	if err != nil {
		return nil, err
	}
	rep.Type, rep.Deferred = typ, true
	if edit.Route == RouteEditOriginal {
		// The original response is ephemeral or not from its deferral on,
		// whatever the edit says.
		rep.Flags |= deferFlags & discordgo.MessageFlagsEphemeral
	}
	return rep, nil
}

// Message is a message the fake dispatched.
type Message struct {
	ID        string
	ChannelID string
	srv       *Server
}

// MessageSpec describes a message a user posts.
type MessageSpec struct {
	Content    string
	DM         bool // in a DM channel with the bot, rather than the guild channel
	Author     User
	MentionBot bool   // the message mentions the bot (put <@BotUserID> in Content too)
	Channel    string // a thread of the guild to post in; "" for the fake's channel
}

// PostMessage posts a message that no gateway connection is shown, as
// for a bot that answers over HTTP only: a message command can then be
// used on it.
func (s *Server) PostMessage(m MessageSpec) (*Message, error) {
	msg, _, err := s.post(m)
	return msg, err
}

// post records a message a user posts.
func (s *Server) post(m MessageSpec) (*Message, int64, error) {
	channel := s.ChannelID
	switch {
	case m.DM:
		channel = DMChannelID
	case m.Channel != "":
		channel = m.Channel
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var intents int64
	if s.gw.live != nil {
		intents = s.gw.live.intents
	}
	if !s.knownChannel(channel) {
		return nil, 0, fmt.Errorf("discordtest: no channel %s", channel)
	}
	id := s.newID()
	s.remember(&message{id: id, channelID: channel, author: m.Author.json(), content: m.Content})
	return &Message{ID: id, ChannelID: channel, srv: s}, intents, nil
}

// SendMessage posts a message and dispatches its MESSAGE_CREATE. Without
// the MESSAGE_CONTENT intent, Discord blanks the content of guild messages
// that do not mention the bot; so does the fake.
func (s *Server) SendMessage(m MessageSpec) (*Message, error) {
	msg, intents, err := s.post(m)
	if err != nil {
		return nil, err
	}
	id, channel := msg.ID, msg.ChannelID
	content := m.Content
	if !m.DM && !m.MentionBot && intents&int64(discordgo.IntentsMessageContent) == 0 {
		content = ""
	}
	mentions := []any{}
	if m.MentionBot {
		mentions = append(mentions, s.botUser())
	}
	p := map[string]any{
		"id": id, "channel_id": channel, "author": m.Author.json(), "content": content,
		"timestamp": time.Now().UTC().Format(time.RFC3339), "tts": false,
		"mention_everyone": false, "mentions": mentions, "mention_roles": []any{},
		"attachments": []any{}, "embeds": []any{}, "pinned": false, "type": 0,
	}
	if !m.DM {
		p["guild_id"] = s.GuildID
		p["member"] = map[string]any{"roles": []any{}, "joined_at": "2024-01-02T03:04:05.000000+00:00"}
	}
	if err := s.Dispatch("MESSAGE_CREATE", p); err != nil {
		return nil, err
	}
	return msg, nil
}

// Wait waits for the bot's reply to the message: a message posted in its
// channel that references it.
func (m *Message) Wait(ctx context.Context) (*Reply, error) {
	var rep *Reply
	_, err := m.srv.WaitRequest(ctx, func(r *Request) bool {
		if r.Route != RouteChannelMessages || !r.OK() || r.Path != "/api/v9/channels/"+m.ChannelID+"/messages" {
			return false
		}
		got, err := decodeReply(r)
		if err != nil || got.Reference == nil || got.Reference.MessageID != m.ID {
			return false
		}
		rep = got
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("message %s: no reply: %w", m.ID, err)
	}
	return rep, nil
}

// ErrNoSession is returned when the fake has no gateway session to send on.
var ErrNoSession = errors.New("discordtest: no gateway session")
