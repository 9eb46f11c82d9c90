package discord

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Rate is how many questions one user may ask in a period: a token bucket
// that holds N questions and refills at N per Per, so a burst of N is
// answered at once and then one question every Per/N.
type Rate struct {
	N   int
	Per time.Duration
}

// DefaultRate is the cooldown when ARTICLEBOT_RATE is unset (issue 10: "5
// per 10 s"): a person reading answers asks far more slowly; a script or
// a held-down key does not.
var DefaultRate = Rate{N: 5, Per: 10 * time.Second}

// Unlimited turns the cooldown off (ARTICLEBOT_RATE=off).
var Unlimited = Rate{N: -1}

// Bounds of a rate a setting may ask for.
const (
	maxRateN   = 10000
	minRatePer = time.Second
	maxRatePer = 24 * time.Hour
)

// ParseRate reads ARTICLEBOT_RATE: "N/PERIOD" with a Go duration ("5/10s",
// "30/1m", "1/s"), or "off".
func ParseRate(s string) (Rate, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "off") {
		return Unlimited, nil
	}
	bad := func(why string) (Rate, error) {
		return Rate{}, fmt.Errorf("ARTICLEBOT_RATE=%q: %s; want questions/period such as 5/10s, or off", s, why)
	}
	ns, per, ok := strings.Cut(s, "/")
	if !ok {
		return bad("no /")
	}
	n, err := strconv.Atoi(strings.TrimSpace(ns))
	if err != nil || n < 1 || n > maxRateN {
		return bad(fmt.Sprintf("the number of questions must be 1 to %d", maxRateN))
	}
	per = strings.TrimSpace(per)
	if per != "" && (per[0] < '0' || per[0] > '9') {
		per = "1" + per // "1/s" is one a second
	}
	d, err := time.ParseDuration(per)
	if err != nil || d < minRatePer || d > maxRatePer {
		return bad(fmt.Sprintf("the period must be a duration from %s to %s", minRatePer, maxRatePer))
	}
	return Rate{N: n, Per: d}, nil
}

func (r Rate) String() string {
	if r.N < 0 {
		return "off"
	}
	return fmt.Sprintf("%d/%s", r.N, r.Per)
}

// maxCooldownUsers bounds the buckets kept: the least recently active
// user's is forgotten first, and a forgotten user comes back with a full
// bucket (generous, never wrongly refused). 10,000 users asking within
// one period is far past a team's server; the buckets take about 1 MB.
const maxCooldownUsers = 10000

// cooldown is the per-user token bucket. Safe for concurrent use.
type cooldown struct {
	rate  Rate
	now   func() time.Time
	mu    sync.Mutex // makes a user's read and write of their bucket one step
	users *lru[string, bucket]
}

type bucket struct {
	tokens float64
	at     time.Time // when tokens was counted
}

// newCooldown is a cooldown at rate r, reading the time from now; nil for
// Unlimited.
func newCooldown(r Rate, now func() time.Time) *cooldown {
	if r.N <= 0 || r.Per <= 0 {
		return nil
	}
	return &cooldown{rate: r, now: now, users: newLRU[string, bucket](maxCooldownUsers)}
}

// take spends one of user's questions. When none is left it spends
// nothing and returns false and how long until one is.
func (c *cooldown) take(user string) (bool, time.Duration) {
	if c == nil || user == "" {
		return true, 0
	}
	now := c.now()
	perToken := c.rate.Per / time.Duration(c.rate.N)
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.users.Get(user)
	if !ok {
		b = bucket{tokens: float64(c.rate.N), at: now}
	}
	if elapsed := now.Sub(b.at); elapsed > 0 {
		b.tokens = math.Min(float64(c.rate.N), b.tokens+float64(elapsed)/float64(perToken))
		b.at = now
	}
	if b.tokens < 1 {
		c.users.Put(user, b)
		return false, time.Duration((1 - b.tokens) * float64(perToken))
	}
	b.tokens--
	c.users.Put(user, b)
	return true, 0
}

// cooldownMessage tells a user when they may ask again: in whole seconds,
// rounded up, so that asking then is never refused.
func cooldownMessage(wait time.Duration) string {
	secs := max(1, int(math.Ceil(wait.Seconds())))
	unit := "seconds"
	if secs == 1 {
		unit = "second"
	}
	return fmt.Sprintf("You're asking quickly: please wait a moment. You can ask again in %d %s.", secs, unit)
}

// cool returns h, or, when the asker has used up their questions for now,
// a handler that says when they may ask again.
func (a *app) cool(r *request, h handlerFunc, log *slog.Logger) handlerFunc {
	ok, wait := a.cooldown.take(r.UserID)
	if ok {
		return h
	}
	a.metrics.Cooldown()
	log.Info("cooldown", slog.Duration("wait", wait))
	return func(context.Context, *request) (*discordgo.InteractionResponseData, error) {
		return notice(cooldownMessage(wait)), nil
	}
}
