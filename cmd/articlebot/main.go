// Command articlebot answers questions about news articles: in a Discord
// channel (articlebot run over the gateway, articlebot serve as an HTTP
// interactions endpoint), or offline at the command line (ask, chat,
// facts, summary, brief); add and remove change a corpus folder. With no
// command it runs the Discord bot when a token is
// configured, else the offline chat on the built-in article.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/discord"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args, os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "articlebot:", err)
		}
		os.Exit(exitCode(err))
	}
}

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func exitCode(err error) int {
	var u *usageError
	if errors.As(err, &u) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

const usage = `articlebot answers questions about news articles, with the article's own words.

Usage:
  articlebot                      the Discord bot if DISCORD_TOKEN is set, else the offline chat
  articlebot run                  the Discord bot over the gateway (needs DISCORD_TOKEN; see .env.example)
  articlebot serve [--addr :8080] the Discord bot as an HTTP interactions endpoint (needs DISCORD_PUBLIC_KEY)
  articlebot ask [flags] QUESTION answer one question (no QUESTION: one a line from standard input)
  articlebot chat [flags]         ask one question after another
  articlebot facts [flags]        every fact extracted, by kind, with its sentence number
  articlebot summary [flags]      a summary of one article in its own sentences, as Markdown
  articlebot brief [flags]        a team briefing on one article, as Markdown
  articlebot eval [flags] SET.jsonl [ARTICLES_DIR]
                                  answer a question set (../shared/eval's format) and score it
  articlebot add FILE_OR_URL [--corpus DIR] [--name NAME]
                                  add a .txt/.md article, or the article at an http(s) link, to a corpus folder
  articlebot remove ID [--corpus DIR]
                                  remove an article from a corpus folder

Flags of add and remove:
  --corpus DIR    the corpus folder to change (default: $ARTICLEBOT_CORPUS; not the built-in article)
  --name NAME     add: the article's name and ID (default: the file's name, or a link's title)
  Links are read from public addresses only, unless ARTICLEBOT_ALLOW_PRIVATE_URLS=true.

Flags of ask, chat, facts, summary, brief, run and serve:
  --corpus PATH   a .txt/.md article or a folder of them (default: $ARTICLEBOT_CORPUS, else the built-in article)
  --index DIR     keep the search index on disk in DIR, reused across runs (default: $ARTICLEBOT_INDEX)
  --article ID    ask about one article of the corpus only (summary, brief: default the most recently
                  added, which is the last loaded: the last file by name of a folder)
  --json          ask, facts, summary, brief: print JSON (ask: one object a line)
  --explain       ask: the candidates considered, with their features and scores

Flags of serve:
  --addr ADDR     where to listen for Discord's POSTs (default :8080); put TLS in front (see the README)

run and serve on a corpus folder change it with /article add and /article remove, and see changes that
other processes make; with --index each change updates the index in place (one process a DIR).
ARTICLEBOT_METRICS_ADDR serves /metrics and /healthz; ARTICLEBOT_RATE sets the per-user cooldown
(default 5/10s); DISCORD_SHARD_ID and DISCORD_SHARD_COUNT make run one shard.

Flags of summary:
  --length L      short, medium or long: about 3, 5 or 8 sentences (default short)
  --sentences N   N sentences, 1 to 20, instead of --length
  --topic TEXT    only the sentences about TEXT
`

// run is the whole program, with the world passed in so that tests can run
// it in-process. A command stopped by ctx (SIGINT, SIGTERM) is a clean
// stop, not a failure.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := ""
	if len(args) > 1 {
		cmd = args[1]
		args = args[2:]
	} else {
		args = nil
	}
	switch cmd {
	case "", "run", "serve", "ask", "chat", "facts", "add", "remove", "summary", "brief", "eval":
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return &usageError{msg: fmt.Sprintf("unknown command %q", cmd)}
	}
	getenv, err := withDotEnv(getenv, ".env")
	if err != nil {
		return err
	}
	err = runCommand(ctx, cmd, args, getenv, stdin, stdout, stderr)
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return nil
	}
	return err
}

// runCommand runs one command.
func runCommand(ctx context.Context, cmd string, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	switch cmd {
	case "run":
		return runDiscord(ctx, args, getenv, stderr)
	case "serve":
		return runServe(ctx, args, getenv, stderr)
	case "ask":
		return ask(ctx, args, getenv, stdin, stdout, stderr)
	case "chat":
		return chat(ctx, args, getenv, stdin, stdout, stderr)
	case "facts":
		return listFacts(ctx, args, getenv, stdout, stderr)
	case "add":
		return addArticle(ctx, args, getenv, stdout, stderr)
	case "remove":
		return removeArticle(ctx, args, getenv, stdout, stderr)
	case "eval":
		return evaluate(ctx, args, getenv, stdout, stderr)
	case "summary":
		return summarise(ctx, args, getenv, stdout, stderr)
	case "brief":
		return briefing(ctx, args, getenv, stdout, stderr)
	}
	if strings.TrimSpace(getenv("DISCORD_TOKEN")) != "" {
		return runDiscord(ctx, nil, getenv, stderr)
	}
	fmt.Fprintln(stderr, "No DISCORD_TOKEN is set, so articlebot answers here, offline, about the built-in article.")
	fmt.Fprintln(stderr, "To connect it to Discord, put DISCORD_TOKEN in the environment or in .env (see .env.example and the README).")
	return chat(ctx, nil, getenv, stdin, stdout, stderr)
}

// options are the flags the commands share.
type options struct {
	corpus, index, article string
	json, explain          bool
}

// parseFlags parses the shared flags and those the extra functions
// register.
func parseFlags(name string, args []string, stderr io.Writer, getenv func(string) string, extra ...func(*flag.FlagSet)) (*options, []string, error) {
	o := &options{}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	fs.StringVar(&o.corpus, "corpus", getenv("ARTICLEBOT_CORPUS"), "article file or folder")
	fs.StringVar(&o.index, "index", getenv("ARTICLEBOT_INDEX"), "index folder")
	fs.StringVar(&o.article, "article", "", "article ID")
	fs.BoolVar(&o.json, "json", false, "print JSON")
	fs.BoolVar(&o.explain, "explain", false, "ask: list the candidates considered, with their features and scores")
	for _, register := range extra {
		register(fs)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, nil, err
		}
		return nil, nil, &usageError{msg: err.Error()}
	}
	return o, fs.Args(), nil
}

// newLogger logs to w at the level ARTICLEBOT_LOG_LEVEL names (default
// def).
func newLogger(w io.Writer, getenv func(string) string, def slog.Level) *slog.Logger {
	level := def
	if v := getenv("ARTICLEBOT_LOG_LEVEL"); v != "" {
		_ = level.UnmarshalText([]byte(v))
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// openEngine loads the corpus and its index and returns the engine over
// them, and a function that releases the index.
func openEngine(ctx context.Context, o *options, log *slog.Logger) (*bot.Engine, func(), error) {
	l, err := bot.Load(ctx, bot.LoadOptions{Corpus: o.corpus, Dir: o.index})
	if err != nil {
		return nil, nil, err
	}
	for _, p := range l.Problems {
		log.Warn("article skipped", "problem", p.Error())
	}
	indexed, removed := l.Index.Updated()
	log.Debug("corpus loaded", "articles", len(l.Articles()), "extracted", l.Extracted, "index_rebuilt", l.Index.Rebuilt(), "indexed", indexed, "removed", removed)
	return l.Engine, func() { l.Close() }, nil
}

// runDiscord starts the Discord bot and blocks until ctx ends.
func runDiscord(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	o, _, err := parseFlags("run", args, stderr, getenv)
	if err != nil {
		return err
	}
	if strings.TrimSpace(getenv("DISCORD_TOKEN")) == "" {
		return errors.New("DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications, " +
			"copy its token into .env (see .env.example), and run again; " +
			"'articlebot ask' and 'articlebot chat' work offline without one")
	}
	cfg, err := discord.ConfigFromEnv(getenv)
	if err != nil {
		return err
	}
	return runBot(ctx, o, getenv, stderr, func(ctx context.Context, e discord.Engine, log *slog.Logger, opts ...discord.Option) error {
		return discord.Run(ctx, cfg, e, log, opts...)
	})
}
