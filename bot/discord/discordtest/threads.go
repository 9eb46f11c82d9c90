package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// The fake keeps the messages and channels it has seen, so that it can
// answer the routes that read them: the original response of an
// interaction (GET …/messages/@original), starting a thread from a
// message (POST /channels/{channel.id}/messages/{message.id}/threads, as
// Discord's openapi.json describes create_thread_from_message), messages
// posted in threads, and message commands (type 3) whose interaction data
// resolves the target message.

// Channel types (Discord's ChannelTypes).
const (
	channelGuildText    = 0
	channelDM           = 1
	channelPublicThread = 11
)

// DMChannelID is the fake's DM channel between the user and the bot.
const DMChannelID = "500000000000000005"

// channel is a channel the fake knows. Guarded by Server.mu.
type channel struct {
	kind   int
	parent string // a thread's channel
}

// message is a message the fake knows. Guarded by Server.mu.
type message struct {
	id, channelID string
	author        map[string]any
	content       string
	flags         int
	thread        string // the thread started from it, if any
}

func (m *message) json() map[string]any {
	return map[string]any{
		"id": m.id, "channel_id": m.channelID, "author": m.author, "content": m.content,
		"timestamp": time.Now().UTC().Format(time.RFC3339), "edited_timestamp": nil, "tts": false,
		"mention_everyone": false, "mentions": []any{}, "mention_roles": []any{}, "attachments": []any{},
		"embeds": []any{}, "pinned": false, "type": 0, "flags": m.flags,
	}
}

// Thread is a thread the bot started.
type Thread struct {
	ID                  string
	ParentID            string // the channel it was started in
	MessageID           string // the message it was started from (the same ID, as Discord makes it)
	Name                string
	AutoArchiveDuration int
}

// remember records a message. Call with s.mu held.
func (s *Server) remember(m *message) {
	s.messages[m.id] = m
}

// knownChannel reports whether the fake has the channel. Call with s.mu held.
func (s *Server) knownChannel(id string) bool {
	_, ok := s.channels[id]
	return ok
}

// recordOriginal remembers the message an interaction's callback (or its
// edit) made, with the content and flags it carried. Call with s.mu held.
func (s *Server) recordOriginal(in *interaction, data json.RawMessage) {
	var d struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
	}
	_ = json.Unmarshal(data, &d)
	if in.original == "" {
		in.original = s.newID()
		s.remember(&message{id: in.original, channelID: in.channelID, author: s.botUser(), flags: d.Flags})
	}
	m := s.messages[in.original]
	m.content = d.Content
	m.flags |= d.Flags & int(discordgo.MessageFlagsEphemeral)
}

// getOriginal answers GET …/messages/@original: the interaction's
// response as a message.
func (s *Server) getOriginal(r *http.Request, _ []byte) (int, any) {
	in, status, resp := s.webhookInteraction(r)
	if in == nil {
		return status, resp
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[in.original]
	if m == nil {
		return http.StatusNotFound, apiError(10008, "Unknown Message")
	}
	out := m.json()
	out["type"] = 20 // CHAT_INPUT_COMMAND
	return http.StatusOK, out
}

// Thread auto-archive durations Discord accepts, in minutes.
var archiveDurations = map[int]bool{60: true, 1440: true, 4320: true, 10080: true}

// startThread answers create_thread_from_message: a public thread with the
// message's ID, in a guild text channel, once per message, never on an
// ephemeral message. It dispatches THREAD_CREATE.
func (s *Server) startThread(r *http.Request, body []byte) (int, any) {
	var req struct {
		Name                *string `json:"name"`
		AutoArchiveDuration *int    `json:"auto_archive_duration"`
		RateLimitPerUser    *int    `json:"rate_limit_per_user"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error())
	}
	switch {
	case req.Name == nil || len([]rune(*req.Name)) < 1 || len([]rune(*req.Name)) > 100:
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: name must be 1 to 100 characters")
	case req.AutoArchiveDuration != nil && !archiveDurations[*req.AutoArchiveDuration]:
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: auto_archive_duration")
	case req.RateLimitPerUser != nil && (*req.RateLimitPerUser < 0 || *req.RateLimitPerUser > 21600):
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: rate_limit_per_user")
	}
	chID, msgID := r.PathValue("channel"), r.PathValue("message")
	s.mu.Lock()
	ch, ok := s.channels[chID]
	m := s.messages[msgID]
	switch {
	case !ok:
		s.mu.Unlock()
		return http.StatusNotFound, apiError(10003, "Unknown Channel")
	case ch.kind != channelGuildText:
		s.mu.Unlock()
		return http.StatusBadRequest, apiError(50024, "Cannot execute action on this channel type")
	case m == nil || m.channelID != chID || m.flags&int(discordgo.MessageFlagsEphemeral) != 0:
		s.mu.Unlock()
		return http.StatusNotFound, apiError(10008, "Unknown Message")
	case m.thread != "":
		s.mu.Unlock()
		return http.StatusBadRequest, apiError(160004, "A thread has already been created for this message")
	}
	archive := 4320 // Discord's default
	if req.AutoArchiveDuration != nil {
		archive = *req.AutoArchiveDuration
	}
	m.thread = msgID
	s.channels[msgID] = channel{kind: channelPublicThread, parent: chID}
	s.threads = append(s.threads, Thread{ID: msgID, ParentID: chID, MessageID: msgID, Name: *req.Name, AutoArchiveDuration: archive})
	s.mu.Unlock()

	th := map[string]any{
		"id": msgID, "type": channelPublicThread, "guild_id": s.GuildID, "parent_id": chID, "owner_id": s.BotUserID,
		"name": *req.Name, "last_message_id": nil, "rate_limit_per_user": 0, "flags": 0,
		"message_count": 0, "member_count": 1, "total_message_sent": 0,
		"thread_metadata": map[string]any{
			"archived": false, "auto_archive_duration": archive, "locked": false,
			"archive_timestamp": time.Now().UTC().Format(time.RFC3339),
		},
		"member": map[string]any{"id": msgID, "user_id": s.BotUserID, "join_timestamp": time.Now().UTC().Format(time.RFC3339), "flags": 1},
	}
	created := map[string]any{"newly_created": true}
	for k, v := range th {
		created[k] = v
	}
	if err := s.Dispatch("THREAD_CREATE", created); err != nil {
		return http.StatusInternalServerError, apiError(0, err.Error())
	}
	return http.StatusCreated, th
}

// Threads returns the threads the bot started, in order.
func (s *Server) Threads() []Thread {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Thread(nil), s.threads...)
}

// WaitThread waits for the bot's first thread.
func (s *Server) WaitThread(ctx context.Context) (Thread, error) {
	var th Thread
	err := s.waitFor(ctx, func() bool {
		if len(s.threads) == 0 {
			return false
		}
		th = s.threads[0]
		return true
	})
	return th, err
}

// SendMessageCommand dispatches a message command (an application command
// of type 3) used on target: its data names the message by target_id and
// resolves it in resolved.messages, content included (Discord sends the
// target's content without the MESSAGE_CONTENT intent).
func (s *Server) SendMessageCommand(name string, target *Message, w Where) (*Interaction, error) {
	return s.sendMessageCommand(s.overGateway, name, target, w)
}

func (s *Server) sendMessageCommand(send sender, name string, target *Message, w Where) (*Interaction, error) {
	s.mu.Lock()
	id := s.commands[name]
	m := s.messages[target.ID]
	s.mu.Unlock()
	if m == nil {
		return nil, fmt.Errorf("discordtest: no message %s", target.ID)
	}
	if id == "" {
		id = "0"
	}
	data := map[string]any{
		"id": id, "name": name, "type": int(discordgo.MessageApplicationCommand), "target_id": m.id,
		"resolved": map[string]any{"messages": map[string]any{m.id: m.json()}},
	}
	return s.sendInteractionIn(send, discordgo.InteractionApplicationCommand, data, nil, w, m.channelID)
}

// Followups returns the follow-up messages the bot sent for the
// interaction, in order.
func (i *Interaction) Followups() []*Reply {
	var out []*Reply
	for _, r := range i.srv.Requests() {
		if r.Route == RouteFollowup && r.OK() && strings.HasSuffix(r.Path, "/"+i.Token) {
			if rep, err := decodeReply(r); err == nil {
				out = append(out, rep)
			}
		}
	}
	return out
}

// OriginalID is the ID of the message the interaction's response made, or
// "" before it has one.
func (i *Interaction) OriginalID() string {
	i.srv.mu.Lock()
	defer i.srv.mu.Unlock()
	return i.srv.interactions[i.ID].original
}
