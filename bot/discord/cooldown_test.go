package discord

import (
	"strings"
	"testing"
	"time"
)

func TestParseRate(t *testing.T) {
	tests := []struct {
		in   string
		want Rate
		err  string
	}{
		{"5/10s", Rate{5, 10 * time.Second}, ""},
		{" 30 / 1m ", Rate{30, time.Minute}, ""},
		{"1/s", Rate{1, time.Second}, ""},
		{"OFF", Unlimited, ""},
		{"5", Rate{}, "no /"},
		{"0/10s", Rate{}, "1 to 10000"},
		{"-1/10s", Rate{}, "1 to 10000"},
		{"five/10s", Rate{}, "1 to 10000"},
		{"5/10", Rate{}, "a duration from 1s to 24h0m0s"},
		{"5/10ms", Rate{}, "a duration from 1s"},
		{"5/48h", Rate{}, "a duration from 1s"},
		{"", Rate{}, "no /"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseRate(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "ARTICLEBOT_RATE") {
					t.Fatalf("ParseRate(%q) = %v, %v; want an error saying %q", tt.in, got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseRate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestCooldown(t *testing.T) {
	clock := &fakeClock{t: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	c := newCooldown(DefaultRate, clock.now)
	for i := 1; i <= 5; i++ {
		if ok, _ := c.take("ada"); !ok {
			t.Fatalf("question %d refused", i)
		}
	}
	ok, wait := c.take("ada")
	if ok || wait != 2*time.Second {
		t.Fatalf("sixth question: %v, wait %v; want refused, 2s", ok, wait)
	}
	if ok, _ := c.take("grace"); !ok {
		t.Error("another user was refused")
	}
	clock.advance(time.Second)
	if ok, wait := c.take("ada"); ok || wait != time.Second {
		t.Errorf("a second later: %v, wait %v", ok, wait)
	}
	clock.advance(time.Second)
	if ok, _ := c.take("ada"); !ok {
		t.Error("refused when the wait was over")
	}
	if ok, _ := c.take("ada"); ok {
		t.Error("two questions from one refilled token")
	}
	clock.advance(time.Hour) // the bucket fills up to 5, no more
	for i := 1; i <= 5; i++ {
		if ok, _ := c.take("ada"); !ok {
			t.Fatalf("after an hour, question %d refused", i)
		}
	}
	if ok, _ := c.take("ada"); ok {
		t.Error("the bucket filled past its size")
	}
	if newCooldown(Unlimited, clock.now) != nil {
		t.Error("Unlimited made a cooldown")
	}
	var off *cooldown
	if ok, _ := off.take("ada"); !ok {
		t.Error("a nil cooldown refused")
	}
}

func TestCooldownMemoryIsBounded(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	c := newCooldown(Rate{N: 1, Per: time.Hour}, clock.now)
	for i := range maxCooldownUsers + 500 {
		c.take("user" + itoa(i))
	}
	if n := c.users.Len(); n != maxCooldownUsers {
		t.Errorf("%d buckets kept, want %d", n, maxCooldownUsers)
	}
}

func TestCooldownMessage(t *testing.T) {
	for wait, want := range map[time.Duration]string{
		2 * time.Second:         "in 2 seconds.",
		1500 * time.Millisecond: "in 2 seconds.",
		time.Millisecond:        "in 1 second.",
	} {
		if got := cooldownMessage(wait); !strings.HasSuffix(got, want) {
			t.Errorf("cooldownMessage(%v) = %q, want …%q", wait, got, want)
		}
	}
}
