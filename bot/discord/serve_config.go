package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
)

// DefaultAddr is where serve listens when --addr is not given.
const DefaultAddr = ":8080"

// ServeConfig configures the HTTP interactions endpoint (articlebot
// serve). The token is optional: with it (and AppID) serve registers the
// commands at start; without it, Discord's interaction tokens are all
// the follow-ups need.
type ServeConfig struct {
	Config
	Addr      string            // --addr: where to listen; "" means DefaultAddr
	PublicKey ed25519.PublicKey // DISCORD_PUBLIC_KEY: the application's public key, in hex in the environment; required
	AppID     string            // DISCORD_APPLICATION_ID: required with DISCORD_TOKEN, to register the commands
}

// ServeConfigFromEnv reads serve's configuration through getenv; addr is
// the --addr flag ("" for the default).
func ServeConfigFromEnv(getenv func(string) string, addr string) (ServeConfig, error) {
	cfg, errs := readConfig(getenv)
	sc := ServeConfig{Config: cfg, Addr: strings.TrimSpace(addr), AppID: strings.TrimSpace(getenv("DISCORD_APPLICATION_ID"))}
	if v := strings.TrimSpace(getenv("DISCORD_PUBLIC_KEY")); v != "" {
		key, err := hex.DecodeString(v)
		if err != nil || len(key) != ed25519.PublicKeySize {
			errs = append(errs, fmt.Errorf("DISCORD_PUBLIC_KEY: want the application's public key, %d hex digits (General Information in the developer portal)", 2*ed25519.PublicKeySize))
		} else {
			sc.PublicKey = key
		}
	}
	if err := errors.Join(errs...); err != nil {
		return sc, fmt.Errorf("discord: config: %w", err)
	}
	return sc.normalize()
}

// normalize fills defaults and validates.
func (c ServeConfig) normalize() (ServeConfig, error) {
	var errs []error
	c.Config, errs = c.Config.check(false)
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	if len(c.PublicKey) != ed25519.PublicKeySize {
		errs = append(errs, errors.New("DISCORD_PUBLIC_KEY is not set: copy the application's public key from General Information in the developer portal"))
	}
	if c.AppID != "" && !isSnowflake(c.AppID) {
		errs = append(errs, fmt.Errorf("DISCORD_APPLICATION_ID=%q: want a numeric ID", c.AppID))
	}
	if c.Token != "" && c.AppID == "" {
		errs = append(errs, errors.New("DISCORD_APPLICATION_ID is not set: serve registers the commands when DISCORD_TOKEN is set, and needs the application's ID for that"))
	}
	if c.ShardCount > 0 {
		errs = append(errs, errors.New("DISCORD_SHARD_ID and DISCORD_SHARD_COUNT are for run (the gateway); serve's replicas share the work behind a load balancer"))
	}
	if err := errors.Join(errs...); err != nil {
		return c, fmt.Errorf("discord: config: %w", err)
	}
	return c, nil
}

// String shows the configuration without the token.
func (c ServeConfig) String() string {
	return fmt.Sprintf("discord.ServeConfig{%s Addr:%q PublicKey:%x AppID:%q}", c.Config, c.Addr, []byte(c.PublicKey), c.AppID)
}

// GoString is String, so %#v cannot show the token either.
func (c ServeConfig) GoString() string { return c.String() }

// Format prints String for every verb.
func (c ServeConfig) Format(f fmt.State, verb rune) { _, _ = fmt.Fprint(f, c.String()) }

// LogValue logs the configuration without the token.
func (c ServeConfig) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Any("common", c.Config),
		slog.String("addr", c.Addr),
		slog.String("public_key", hex.EncodeToString(c.PublicKey)),
		slog.String("app_id", c.AppID),
	)
}
