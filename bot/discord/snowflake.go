package discord

import (
	"strconv"
	"time"
)

// discordEpoch is the start of Discord's snowflake clock, 2015-01-01 UTC.
const discordEpoch = 1420070400000

// snowflakeTime is when a Discord ID (a snowflake) was made.
func snowflakeTime(id string) (time.Time, bool) {
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.UnixMilli(int64(n>>22) + discordEpoch), true
}

// interactionTokenLife is how long Discord accepts responses to an
// interaction.
const interactionTokenLife = 15 * time.Minute

// deferWait is how long to give a handler before deferring. Discord's 3 s
// run from the interaction's creation, not from its arrival here: time
// spent on the way (a busy gateway, a slow host) is taken off deferAfter, as
// the interaction's ID records its creation time. An age outside what is
// possible (negative, or past the token's life) means the clocks disagree,
// and is ignored.
func deferWait(id string, deferAfter time.Duration, now time.Time) time.Duration {
	created, ok := snowflakeTime(id)
	if !ok {
		return deferAfter
	}
	age := now.Sub(created)
	if age <= 0 || age > interactionTokenLife {
		return deferAfter
	}
	return max(deferAfter-age, 0)
}
