package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// The HTTP transport: Discord POSTs each interaction to the bot's
// Interactions Endpoint URL instead of sending it over a gateway
// connection, and takes the HTTP response as its first response. The same
// dispatcher answers it as it answers the gateway's: a session whose
// InteractionRespond writes the HTTP response, and whose follow-ups (the
// edit of a deferred answer) go to Discord's webhook routes with the
// interaction's token. It holds no state but the engine's, so replicas
// behind a load balancer serve one bot.

// Limits of the endpoint.
const (
	// maxInteractionBytes bounds a request body (issue 10: 1 MiB): an
	// interaction with its resolved users, members and attachments is a
	// few KB.
	maxInteractionBytes = 1 << 20
	// maxSignatureAge is how far a request's X-Signature-Timestamp may be
	// from now (issue 10: 5 minutes), either way: a captured request
	// replayed later is refused.
	maxSignatureAge = 5 * time.Minute
	// maxTokenBytes bounds an interaction token (Discord's are about 200
	// characters); it becomes a path segment of the follow-up's URL.
	maxTokenBytes = 500
)

// HTTP server timeouts: Discord's request is small and its answer is due
// within 3 s; these only bound a slow or stalled client.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 10 * time.Second
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
)

// Why a request was refused.
var (
	errUnsigned     = errors.New("no X-Signature-Ed25519 or X-Signature-Timestamp header")
	errBadSignature = errors.New("signature does not verify")
	errBadTimestamp = errors.New("X-Signature-Timestamp is not a Unix time")
	errStale        = fmt.Errorf("X-Signature-Timestamp more than %s from now", maxSignatureAge)
)

// Handler answers Discord's interaction webhooks (POST / or
// /interactions). Make one with NewHandler; Close it when done.
type Handler struct {
	app      *app
	cfg      ServeConfig
	log      *slog.Logger
	now      func() time.Time
	rest     *discordgo.Session // follow-ups, and registering commands
	work     context.Context    // handlers' context: it outlives each request, for follow-ups
	stopWork context.CancelFunc
}

// NewHandler is the endpoint's handler, answering with engine.
func NewHandler(cfg ServeConfig, engine Engine, logger *slog.Logger, opts ...Option) (*Handler, error) {
	cfg, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	if engine == nil {
		return nil, errors.New("discord: no engine")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	log := logger.With(slog.String("component", "discord"), slog.String("transport", transportHTTP))
	setEndpoints(cfg.BaseURL)
	useDiscordgoLogger(discordgoLogger(log, cfg.Token))
	auth := ""
	if cfg.Token != "" {
		auth = "Bot " + cfg.Token
	}
	rest, err := discordgo.New(auth)
	if err != nil {
		return nil, redactError(fmt.Errorf("discord: new session: %w", err), cfg.Token)
	}
	rest.LogLevel = discordgoLevel(cfg.LogLevel)
	rest.Client = httpClient()
	a := newApp(engine, log, cfg.DeferAfter, cfg.HandlerTimeout)
	a.configure(cfg.Config, transportHTTP, opts)
	work, stopWork := context.WithCancel(context.Background())
	return &Handler{app: a, cfg: cfg, log: log, now: time.Now, rest: rest, work: work, stopWork: stopWork}, nil
}

// Close waits up to shutdownGrace for answers under way (deferred ones
// still editing), then cancels them.
func (h *Handler) Close() {
	h.app.drain(h.stopWork, h.log)
	h.stopWork()
}

// ServeHTTP answers one POSTed interaction.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" && r.URL.Path != "/interactions" {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "interactions are POSTed", http.StatusMethodNotAllowed)
		return
	}
	log := h.log.With(slog.String("remote", r.RemoteAddr))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxInteractionBytes))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		log.Info("request refused", slog.String("reason", "body over 1 MiB"))
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	case err != nil:
		log.Info("request refused", slog.String("reason", "reading the body"), slog.Any("error", err))
		http.Error(w, "unreadable request body", http.StatusBadRequest)
		return
	}
	if err := h.verify(r.Header, body); err != nil {
		log.Info("request refused", slog.String("reason", err.Error()))
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	i, err := decodeInteraction(body)
	if err != nil {
		log.Info("request refused", slog.String("reason", err.Error()))
		http.Error(w, "not an interaction", http.StatusBadRequest)
		return
	}
	if i.Type == discordgo.InteractionPing {
		log.Debug("ping answered")
		_ = writeResponse(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	h.dispatch(w, r, i, log)
}

// verify checks the request's Ed25519 signature, over the timestamp and
// the body, with the application's public key, and that the timestamp is
// recent.
func (h *Handler) verify(header http.Header, body []byte) error {
	sig, ts := header.Get("X-Signature-Ed25519"), header.Get("X-Signature-Timestamp")
	if sig == "" || ts == "" {
		return errUnsigned
	}
	raw, err := hex.DecodeString(sig)
	if err != nil || len(raw) != ed25519.SignatureSize {
		return errBadSignature
	}
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errBadTimestamp
	}
	msg := make([]byte, 0, len(ts)+len(body))
	msg = append(append(msg, ts...), body...)
	if !ed25519.Verify(h.cfg.PublicKey, msg, raw) {
		return errBadSignature
	}
	if age := h.now().Sub(time.Unix(secs, 0)); age > maxSignatureAge || age < -maxSignatureAge {
		return errStale
	}
	return nil
}

// decodeInteraction reads an interaction Discord POSTed: a PING, or a
// command, autocomplete or component interaction with the fields every one
// has. It is the parser of what arrives over HTTP (FuzzDecodeInteraction).
func decodeInteraction(body []byte) (*discordgo.Interaction, error) {
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		return nil, fmt.Errorf("not an interaction: %w", err)
	}
	switch i.Type {
	case discordgo.InteractionPing:
		return &i, nil
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete, discordgo.InteractionMessageComponent:
	default:
		return nil, fmt.Errorf("interaction of type %d, which the bot does not answer", int(i.Type))
	}
	switch {
	case !isSnowflake(i.ID):
		return nil, errors.New("interaction without an ID")
	case !isSnowflake(i.AppID):
		return nil, errors.New("interaction without an application ID")
	case !validToken(i.Token):
		return nil, errors.New("interaction without a usable token")
	case i.Data == nil:
		return nil, errors.New("interaction without data")
	}
	return &i, nil
}

// validToken reports whether an interaction token can go into a webhook
// URL's path as it is: Discord's are base64url text with dots.
func validToken(t string) bool {
	if t == "" || len(t) > maxTokenBytes {
		return false
	}
	for _, c := range []byte(t) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// dispatch runs the interaction through the dispatcher, and writes its
// first response as the HTTP response.
func (h *Handler) dispatch(w http.ResponseWriter, r *http.Request, i *discordgo.Interaction, log *slog.Logger) {
	if !h.app.inflight.start() {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	resp := &httpResponder{session: h.rest, first: make(chan *discordgo.InteractionResponse), written: make(chan error, 1), gone: make(chan struct{})}
	defer close(resp.gone)
	done := make(chan struct{})
	go func() {
		defer h.app.inflight.done()
		defer close(done)
		h.app.handleInteraction(h.work, resp, i)
	}()
	select {
	case first := <-resp.first:
		resp.written <- writeResponse(w, first)
	case <-done:
		log.Error("interaction got no response", slog.String("interaction_id", i.ID))
		http.Error(w, "no response", http.StatusInternalServerError)
	case <-r.Context().Done():
		log.Warn("client went away before the response", slog.String("interaction_id", i.ID))
	}
}

// writeResponse writes an interaction response as the HTTP response and
// flushes it, so that Discord has it before any follow-up.
func writeResponse(w http.ResponseWriter, resp *discordgo.InteractionResponse) error {
	b, err := json.Marshal(resp)
	if err != nil {
		http.Error(w, "response not encodable", http.StatusInternalServerError)
		return fmt.Errorf("encode response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write response: %w", err)
	}
	if err := http.NewResponseController(w).Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return fmt.Errorf("flush response: %w", err)
	}
	return nil
}

// errGone: the HTTP request ended before the response was written.
var errGone = errors.New("discord: the HTTP request ended before its response")

// httpResponder is the session the dispatcher answers an HTTP interaction
// through: the first InteractionRespond is the HTTP response; the
// follow-ups are the REST session's webhook calls.
type httpResponder struct {
	session
	once    sync.Once
	first   chan *discordgo.InteractionResponse
	written chan error    // the outcome of writing the first response
	gone    chan struct{} // closed when ServeHTTP returns
}

func (h *httpResponder) InteractionRespond(i *discordgo.Interaction, r *discordgo.InteractionResponse, _ ...discordgo.RequestOption) error {
	used := true
	h.once.Do(func() { used = false })
	if used {
		return errors.New("discord: interaction already answered in the HTTP response")
	}
	select {
	case h.first <- r:
	case <-h.gone:
		return errGone
	}
	select {
	case err := <-h.written:
		return err
	case <-h.gone:
		// ServeHTTP returns as soon as it has written the response,
		// after handing on the outcome: when both are ready, the
		// outcome is the answer.
		select {
		case err := <-h.written:
			return err
		default:
			return errGone
		}
	}
}

// Serve answers Discord's interaction webhooks on cfg.Addr with engine
// until ctx is done; then it stops taking requests, lets answers under way
// finish (as Run does) and returns nil. With cfg.Token set it first
// registers the commands (one bulk overwrite).
func Serve(ctx context.Context, cfg ServeConfig, engine Engine, logger *slog.Logger, opts ...Option) error {
	h, err := NewHandler(cfg, engine, logger, opts...)
	if err != nil {
		return err
	}
	cfg = h.cfg
	if cfg.Token != "" {
		if err := h.app.registerCommands(ctx, h.rest, cfg.AppID, cfg.GuildID, ""); err != nil {
			h.Close()
			if ctx.Err() != nil {
				return nil
			}
			return redactError(err, cfg.Token)
		}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		h.Close()
		return fmt.Errorf("discord: serve: %w", err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(h.log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	h.log.Info("serving interactions", slog.String("addr", ln.Addr().String()), slog.Any("config", cfg))
	select {
	case <-ctx.Done():
	case err := <-served:
		h.Close()
		return fmt.Errorf("discord: serve: %w", err)
	}
	h.log.Info("shutting down")
	stop, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(stop); err != nil {
		h.log.Warn("requests still open at shutdown", slog.Any("error", err))
	}
	h.Close()
	return nil
}
