package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/articlebot/articlebot/bot/discord"
	"github.com/articlebot/articlebot/bot/discord/metrics"
	"github.com/articlebot/articlebot/bot/live"
	"github.com/articlebot/articlebot/corpus/web"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// What run and serve share: the engine (over a corpus folder, one that
// /article add and remove change and that other processes may change
// too), and the metrics server.

// botEngine opens the engine the bot answers with, and the options that
// go with it. A folder is opened live: /article add and remove change it,
// and changes other processes make (another replica, a shard, articlebot
// add) are seen; with --index, its index is kept on disk and updated in
// place. A single file or the built-in article is fixed.
func botEngine(ctx context.Context, o *options, getenv func(string) string, log *slog.Logger) (discord.Engine, []discord.Option, func(), error) {
	if o.corpus != "" {
		if info, err := os.Stat(o.corpus); err == nil && info.IsDir() {
			allow, err := envBool(getenv, "ARTICLEBOT_ALLOW_PRIVATE_URLS")
			if err != nil {
				return nil, nil, nil, err
			}
			e, err := live.Open(ctx, o.corpus, live.Options{Fetch: web.Options{AllowPrivate: allow}, Log: log, Shared: true, Dir: o.index})
			if err != nil {
				return nil, nil, nil, err
			}
			return e, []discord.Option{discord.WithLibrary(e)}, func() { e.Close() }, nil
		}
	}
	e, closeIndex, err := openEngine(ctx, o, log)
	if err != nil {
		return nil, nil, nil, err
	}
	return e, nil, closeIndex, nil
}

// metricsServer serves /metrics and /healthz on ARTICLEBOT_METRICS_ADDR,
// when it is set, and returns the options that count into it and a
// function that stops it.
func metricsServer(getenv func(string) string, e discord.Engine, log *slog.Logger) ([]discord.Option, func(), error) {
	addr := strings.TrimSpace(getenv("ARTICLEBOT_METRICS_ADDR"))
	if addr == "" {
		return nil, func() {}, nil
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m, err := metrics.New(reg, func() (int, int) {
		as := e.Articles()
		n := 0
		for _, a := range as {
			n += a.Sentences
		}
		return len(as), n
	})
	if err != nil {
		return nil, nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("ARTICLEBOT_METRICS_ADDR=%q: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           metrics.Handler(reg, health(e)),
		ReadHeaderTimeout: 5 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	go srv.Serve(ln)
	log.Info("serving metrics", "addr", ln.Addr().String(), "paths", "/metrics /healthz")
	return []discord.Option{discord.WithMetrics(m)}, func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}

// health is healthy while the engine answers: a live engine is not once
// closed.
func health(e discord.Engine) func() error {
	return func() error {
		if le, ok := e.(*live.Engine); ok {
			b, done := le.Current()
			defer done()
			if b == nil {
				return errors.New("the corpus is closed")
			}
		}
		return nil
	}
}

// runBot opens the engine and the metrics server and runs start (the
// gateway's Run, or Serve) until ctx ends.
func runBot(ctx context.Context, o *options, getenv func(string) string, stderr io.Writer,
	start func(ctx context.Context, e discord.Engine, log *slog.Logger, opts ...discord.Option) error) error {
	log := newLogger(stderr, getenv, slog.LevelInfo)
	e, opts, closeEngine, err := botEngine(ctx, o, getenv, log)
	if err != nil {
		return err
	}
	defer closeEngine()
	mopts, stopMetrics, err := metricsServer(getenv, e, log)
	if err != nil {
		return err
	}
	defer stopMetrics()
	return start(ctx, e, log, append(opts, mopts...)...)
}

// runServe answers Discord's interaction webhooks over HTTP until ctx ends.
func runServe(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	var addr string
	o, _, err := parseFlags("serve", args, stderr, getenv, func(fs *flag.FlagSet) {
		fs.StringVar(&addr, "addr", discord.DefaultAddr, "where to listen")
	})
	if err != nil {
		return err
	}
	cfg, err := discord.ServeConfigFromEnv(getenv, addr)
	if err != nil {
		return err
	}
	return runBot(ctx, o, getenv, stderr, func(ctx context.Context, e discord.Engine, log *slog.Logger, opts ...discord.Option) error {
		return discord.Serve(ctx, cfg, e, log, opts...)
	})
}
