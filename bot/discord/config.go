package discord

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultBaseURL is the root of Discord's API; discordgo appends "api/v9/".
const DefaultBaseURL = "https://discord.com/"

// Defaults of the interaction timing.
const (
	// DefaultDeferAfter: a handler quicker than this is answered directly;
	// a slower one is deferred first (Discord's deadline is 3 s).
	DefaultDeferAfter = 1500 * time.Millisecond
	// DefaultHandlerTimeout bounds one handler.
	DefaultHandlerTimeout = 30 * time.Second
)

// Config is the Discord face's configuration. Its String and LogValue
// methods never show the token.
type Config struct {
	Token          string     // DISCORD_TOKEN, without "Bot "; required
	GuildID        string     // DISCORD_GUILD_ID: register commands in this guild; "" registers them globally
	BaseURL        string     // DISCORD_BASE_URL: the API root; "" means DefaultBaseURL
	MessageContent bool       // ARTICLEBOT_MESSAGE_CONTENT: request the privileged MESSAGE_CONTENT intent
	LogLevel       slog.Level // ARTICLEBOT_LOG_LEVEL: debug, info (default), warn or error

	DeferAfter     time.Duration // 0 means DefaultDeferAfter
	HandlerTimeout time.Duration // 0 means DefaultHandlerTimeout

	Rate             Rate // ARTICLEBOT_RATE: the per-user cooldown; the zero Rate means DefaultRate
	AllowPrivateURLs bool // ARTICLEBOT_ALLOW_PRIVATE_URLS: links and attachments may be on loopback and private addresses
	// DISCORD_SHARD_ID and DISCORD_SHARD_COUNT: this process is shard
	// ShardID of ShardCount; ShardCount 0 means one process for all.
	ShardID, ShardCount int
}

// maxShards bounds DISCORD_SHARD_COUNT: Discord asks for a shard per
// 2,500 guilds, so 10,000 shards serve 25 million guilds.
const maxShards = 10000

// ConfigFromEnv reads the configuration from environment variables through
// getenv (os.Getenv, or a map's lookup in tests) and validates it.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	cfg, errs := readConfig(getenv)
	if err := errors.Join(errs...); err != nil {
		return cfg, fmt.Errorf("discord: config: %w", err)
	}
	return cfg.normalize()
}

// readConfig reads the settings of run and serve, unchecked but for
// their syntax.
func readConfig(getenv func(string) string) (Config, []error) {
	cfg := Config{
		Token:   strings.TrimSpace(getenv("DISCORD_TOKEN")),
		GuildID: strings.TrimSpace(getenv("DISCORD_GUILD_ID")),
		BaseURL: strings.TrimSpace(getenv("DISCORD_BASE_URL")),
	}
	var errs []error
	if v := strings.TrimSpace(getenv("ARTICLEBOT_MESSAGE_CONTENT")); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("ARTICLEBOT_MESSAGE_CONTENT=%q: want true or false", v))
		}
		cfg.MessageContent = b
	}
	if v := strings.TrimSpace(getenv("ARTICLEBOT_LOG_LEVEL")); v != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(v)); err != nil {
			errs = append(errs, fmt.Errorf("ARTICLEBOT_LOG_LEVEL=%q: want debug, info, warn or error", v))
		}
	}
	errs = append(errs, cfg.readShared(getenv)...)
	return cfg, errs
}

// readShared reads the settings run and serve share beyond the Discord
// connection: the cooldown, private links, shards.
func (c *Config) readShared(getenv func(string) string) []error {
	var errs []error
	if v := strings.TrimSpace(getenv("ARTICLEBOT_RATE")); v != "" {
		r, err := ParseRate(v)
		if err != nil {
			errs = append(errs, err)
		}
		c.Rate = r
	}
	if v := strings.TrimSpace(getenv("ARTICLEBOT_ALLOW_PRIVATE_URLS")); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("ARTICLEBOT_ALLOW_PRIVATE_URLS=%q: want true or false", v))
		}
		c.AllowPrivateURLs = b
	}
	id, count := strings.TrimSpace(getenv("DISCORD_SHARD_ID")), strings.TrimSpace(getenv("DISCORD_SHARD_COUNT"))
	switch {
	case id == "" && count == "":
	case id == "" || count == "":
		errs = append(errs, errors.New("DISCORD_SHARD_ID and DISCORD_SHARD_COUNT go together: set both, or neither"))
	default:
		n, err := strconv.Atoi(count)
		if err != nil || n < 1 || n > maxShards {
			errs = append(errs, fmt.Errorf("DISCORD_SHARD_COUNT=%q: want a number of shards from 1 to %d", count, maxShards))
			break
		}
		i, err := strconv.Atoi(id)
		if err != nil || i < 0 || i >= n {
			errs = append(errs, fmt.Errorf("DISCORD_SHARD_ID=%q: want 0 to %d (shards are numbered from 0, below DISCORD_SHARD_COUNT=%d)", id, n-1, n))
			break
		}
		c.ShardID, c.ShardCount = i, n
	}
	return errs
}

// normalize fills defaults and validates.
func (c Config) normalize() (Config, error) {
	c, errs := c.check(true)
	if err := errors.Join(errs...); err != nil {
		return c, fmt.Errorf("discord: config: %w", err)
	}
	return c, nil
}

// check fills defaults and lists what is wrong; the token is required
// when needToken (run needs it; serve only to register commands).
func (c Config) check(needToken bool) (Config, []error) {
	var errs []error
	c.Token = strings.TrimSpace(c.Token)
	if t, ok := strings.CutPrefix(c.Token, "Bot "); ok {
		c.Token = strings.TrimSpace(t)
	}
	if c.Token == "" && needToken {
		errs = append(errs, errors.New("DISCORD_TOKEN is not set"))
	} else if strings.ContainsAny(c.Token, " \t\r\n") {
		errs = append(errs, errors.New("DISCORD_TOKEN holds whitespace"))
	}
	if c.GuildID != "" && !isSnowflake(c.GuildID) {
		errs = append(errs, fmt.Errorf("DISCORD_GUILD_ID=%q: want a numeric ID", c.GuildID))
	}
	base, err := normalizeBaseURL(c.BaseURL)
	if err != nil {
		errs = append(errs, err)
	}
	c.BaseURL = base
	if c.DeferAfter <= 0 {
		c.DeferAfter = DefaultDeferAfter
	}
	if c.HandlerTimeout <= 0 {
		c.HandlerTimeout = DefaultHandlerTimeout
	}
	return c, errs
}

func isSnowflake(s string) bool {
	if len(s) == 0 || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// normalizeBaseURL checks an API root and gives it a trailing slash.
func normalizeBaseURL(s string) (string, error) {
	if s == "" {
		return DefaultBaseURL, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("DISCORD_BASE_URL=%q: want an http(s) URL such as %s", s, DefaultBaseURL)
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}

// redacted is how the token shows in logs and printouts.
func (c Config) redactedToken() string {
	if c.Token == "" {
		return "(unset)"
	}
	return "[redacted]"
}

// String shows the configuration without the token.
func (c Config) String() string {
	return fmt.Sprintf("discord.Config{Token:%s GuildID:%q BaseURL:%q MessageContent:%t LogLevel:%s DeferAfter:%s HandlerTimeout:%s Rate:%s AllowPrivateURLs:%t Shard:%d/%d}",
		c.redactedToken(), c.GuildID, c.BaseURL, c.MessageContent, c.LogLevel, c.DeferAfter, c.HandlerTimeout, c.rate(), c.AllowPrivateURLs, c.ShardID, c.ShardCount)
}

// GoString is String, so %#v cannot show the token either.
func (c Config) GoString() string { return c.String() }

// Format prints String for every verb (%d, %x, %+v …), never the fields.
func (c Config) Format(f fmt.State, verb rune) { _, _ = io.WriteString(f, c.String()) }

// LogValue logs the configuration without the token.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("token", c.redactedToken()),
		slog.String("guild_id", c.GuildID),
		slog.String("base_url", c.BaseURL),
		slog.Bool("message_content", c.MessageContent),
		slog.String("log_level", c.LogLevel.String()),
		slog.String("rate", c.rate().String()),
		slog.Bool("allow_private_urls", c.AllowPrivateURLs),
		slog.Int("shard_id", c.ShardID),
		slog.Int("shard_count", c.ShardCount),
	)
}

// rate is the cooldown in force.
func (c Config) rate() Rate {
	if c.Rate == (Rate{}) {
		return DefaultRate
	}
	return c.Rate
}
