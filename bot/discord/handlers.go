package discord

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"log/slog"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/corpus/facts"
	"github.com/bwmarrin/discordgo"
)

// app is the Discord face: the command table, the handlers, and the state
// they share (the More store). It holds no Discord connection: the
// dispatcher passes one in.
type app struct {
	engine Engine
	log    *slog.Logger

	deferAfter time.Duration // answer directly when a handler is quicker than this, else defer
	timeout    time.Duration // a handler's time limit

	table      []command
	commands   map[string]command
	components map[string]handlerFunc
	answers    *lru[string, moreState] // questions behind More buttons, by short key
	slots      chan struct{}           // one per handler allowed to run at once (see workers)
	inflight   inflight
	discuss    *discussion // discussion threads (thread.go)
	extras                 // what Run and Serve add: see options.go
}

// moreState is what a More button needs: the question, how many of its
// sentences the answer showed, and the last page the bot has offered a
// button for (a page past it was never offered, so it is refused).
type moreState struct {
	q     bot.Question
	shown int
	pages int
}

// moreStoreSize bounds the questions kept for More buttons; older buttons
// answer that the question has expired.
const moreStoreSize = 2048

// workers is how many handlers may answer at once: one fewer than the
// processors Go may use, and at least one. Answering is CPU work; the
// processor left over reads the gateway and sends the acknowledgements
// that must reach Discord within 3 s. Measured with eight copies of
// TestE2EConcurrentInteractions (200 interactions each, -race) on 2
// cores: slowest acknowledgement 0.7-1.8 s with one worker, 0.9-2.2 s
// with two.
func workers() int { return max(1, runtime.GOMAXPROCS(0)-1) }

func newApp(e Engine, log *slog.Logger, deferAfter, timeout time.Duration) *app {
	a := &app{
		engine:     e,
		log:        log,
		deferAfter: deferAfter,
		timeout:    timeout,
		answers:    newLRU[string, moreState](moreStoreSize),
		slots:      make(chan struct{}, workers()),
	}
	a.discuss = newDiscussion(time.Now, log)
	a.table = reachEverywhere(a.commandTable())
	a.commands = make(map[string]command, len(a.table))
	for _, c := range a.table {
		a.commands[c.def.Name] = c
	}
	a.components = map[string]handlerFunc{
		prefixMore:    a.more,
		prefixContext: a.context,
	}
	return a
}

// Messages for the asker.
const (
	msgEmptyQuestion = "Please type a question, for example: /ask question: How many troops could the force have?"
	msgMentionHelp   = "Ask me a question about the news articles, for example: @articlebot how many troops could the force have?"
	msgExpired       = "That button has expired. Please ask again."
	msgUnknown       = "I don't know that command any more. Discord may still be updating the command list: try again in a minute."
	msgSomethingWent = "Something went wrong on my side. Please try again."
	msgTooSlow       = "That took me too long. Please try again."
)

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func (a *app) ask(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	text := r.String("question")
	if blank(text) {
		return notice(msgEmptyQuestion), nil
	}
	return a.answer(ctx, bot.Question{Text: strings.TrimSpace(text), Article: r.String("article")})
}

func (a *app) whoSaid(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	words := strings.Trim(strings.TrimSpace(r.String("quote")), "\"“”'‘’")
	if blank(words) {
		return notice("Please type some words of the quote."), nil
	}
	q := bot.Question{Text: "Who said “" + strings.TrimSpace(words) + "”?", Article: r.String("article"), Kind: bot.KindWhoSaid}
	return a.answer(ctx, q)
}

func (a *app) howMany(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	what := strings.TrimSpace(r.String("what"))
	if blank(what) {
		return notice("Please say what to count, for example: troops."), nil
	}
	return a.answer(ctx, bot.Question{Text: howManyQuestion(what), Article: r.String("article"), Kind: bot.KindHowMany})
}

// howManyQuestion makes "how many <what>" unless what already asks how many
// or how much.
func howManyQuestion(what string) string {
	lower := strings.ToLower(oneLine(what))
	if strings.HasPrefix(lower, "how many") || strings.HasPrefix(lower, "how much") {
		return what
	}
	return "how many " + what
}

// answer asks the engine and renders its answer, remembering the question
// for the More button.
func (a *app) answer(ctx context.Context, q bot.Question) (*discordgo.InteractionResponseData, error) {
	data, _, err := a.answered(ctx, q)
	return data, err
}

// answered is answer, also returning the engine's answer.
func (a *app) answered(ctx context.Context, q bot.Question) (*discordgo.InteractionResponseData, *bot.Answer, error) {
	if q.Article != "" {
		id, err := a.resolveArticle(q.Article)
		if err != nil {
			return nil, nil, err
		}
		q.Article = id
	}
	ans, err := a.engine.Ask(ctx, q)
	if err != nil {
		return nil, nil, fmt.Errorf("ask %q: %w", truncate(q.Text, 80), err)
	}
	if ans == nil {
		return nil, nil, fmt.Errorf("ask %q: engine returned no answer", truncate(q.Text, 80))
	}
	a.metrics.Question(string(ans.Kind), !ans.NoAnswer)
	shown := *ans
	if strings.TrimSpace(shown.Question) == "" {
		shown.Question = q.Text
	}
	key := ""
	if len(ans.Sentences) > 0 {
		key = a.remember(q, min(len(ans.Sentences), answerSentences))
	}
	return renderAnswer(&shown, key), ans, nil
}

// remember stores a question for its More button (page 1) and returns its
// key.
func (a *app) remember(q bot.Question, shown int) string {
	key := newKey()
	a.answers.Put(key, moreState{q: q, shown: shown, pages: 1})
	return key
}

// keyBytes is how much randomness a More key holds: 80 bits, so that no
// one guesses another user's key; keyLen is its length in base32.
const (
	keyBytes = 10
	keyLen   = (keyBytes*8 + 4) / 5
)

// newKey is a short random key: random, not a counter, so a button from
// before a restart cannot reach another question.
func newKey() string {
	b := make([]byte, keyBytes)
	_, _ = rand.Read(b)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

// resolveArticle turns what the user put in an article option (an ID picked
// from autocomplete, or a typed ID or title) into an article ID.
func (a *app) resolveArticle(input string) (string, error) {
	input = strings.TrimSpace(input)
	if _, ok := a.engine.Article(input); ok {
		return input, nil
	}
	for _, info := range a.engine.Articles() {
		if strings.EqualFold(info.ID, input) || strings.EqualFold(oneLine(info.Title), oneLine(input)) {
			return info.ID, nil
		}
	}
	return "", &bot.UserError{Msg: fmt.Sprintf("I don't know an article called “%s”. /articles lists the ones I know.", truncate(oneLine(input), 100))}
}

func (a *app) facts(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	var article, title string
	if in := r.String("article"); !blank(in) {
		id, err := a.resolveArticle(in)
		if err != nil {
			return nil, err
		}
		article = id
		if info, ok := a.engine.Article(id); ok {
			title = info.Title
		}
	}
	var kinds []facts.Kind
	if choice := r.String("kind"); choice != "" {
		k, ok := factKind(choice)
		if !ok {
			return nil, &bot.UserError{Msg: "I don't know that kind of fact."}
		}
		kinds = append(kinds, k)
	}
	fs, err := a.engine.Facts(ctx, article, kinds...)
	if err != nil {
		return nil, fmt.Errorf("facts of %q: %w", article, err)
	}
	return renderFacts(title, fs), nil
}

func (a *app) search(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	query := r.String("query")
	if blank(query) {
		return notice("Please type some words to look for."), nil
	}
	var article string
	if in := r.String("article"); !blank(in) {
		id, err := a.resolveArticle(in)
		if err != nil {
			return nil, err
		}
		article = id
	}
	ms, err := a.engine.Search(ctx, strings.TrimSpace(query), article, searchResults)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", truncate(query, 80), err)
	}
	return renderSearch(query, ms), nil
}

func (a *app) articles(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	return renderArticles(a.engine.Articles()), nil
}

// completeArticle suggests articles whose ID or title holds what the user
// typed: those that start with it first, then those that contain it.
func (a *app) completeArticle(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	typed := strings.ToLower(oneLine(r.String(r.Focused)))
	type scored struct {
		choice *discordgo.ApplicationCommandOptionChoice
		rank   int
	}
	var found []scored
	for _, info := range a.engine.Articles() {
		if info.ID == "" || len(info.ID) > maxChoiceValue {
			continue // Discord could not send it back
		}
		id, title := strings.ToLower(info.ID), strings.ToLower(oneLine(info.Title))
		rank := -1
		switch {
		case typed == "":
			rank = 0
		case strings.HasPrefix(id, typed) || strings.HasPrefix(title, typed):
			rank = 0
		case strings.Contains(id, typed) || strings.Contains(title, typed):
			rank = 1
		}
		if rank < 0 {
			continue
		}
		name := info.ID
		if t := oneLine(info.Title); t != "" {
			suffix := " (" + info.ID + ")"
			name = truncate(t, maxChoiceName-runes(suffix)) + suffix
			if runes(name) > maxChoiceName {
				name = truncate(t, maxChoiceName)
			}
		}
		found = append(found, scored{&discordgo.ApplicationCommandOptionChoice{Name: name, Value: info.ID}, rank})
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].rank < found[j].rank })
	choices := make([]*discordgo.ApplicationCommandOptionChoice, 0, min(len(found), maxChoices))
	for _, f := range found[:min(len(found), maxChoices)] {
		choices = append(choices, f.choice)
	}
	return &discordgo.InteractionResponseData{Choices: choices}, nil
}

// more answers a More button: the next page of sentences. The page must
// be one the bot offered for that answer.
func (a *app) more(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	b, err := parseMore(r.CustomID)
	if err != nil {
		return nil, err
	}
	st, ok := a.answers.Get(b.key)
	if !ok {
		// Another replica, or this process before a restart, made the
		// answer: its question is on the message the button is on.
		if st, ok = questionOn(r.Source, b.page); !ok {
			return nil, expired("no answer under that key (forgotten, or never made)")
		}
	}
	if b.page > st.pages {
		return nil, expired("page %d never offered (the last was %d)", b.page, st.pages)
	}
	offset := st.shown + (b.page-1)*morePage
	cs, err := a.engine.More(ctx, st.q, offset, morePage+1)
	if err != nil {
		return nil, fmt.Errorf("more for %q from %d: %w", truncate(st.q.Text, 80), offset, err)
	}
	next := ""
	if len(cs) > morePage {
		cs = cs[:morePage]
		nb := moreButton{key: b.key, page: b.page + 1}
		next = nb.customID()
		a.answers.Update(b.key, func(st moreState) moreState {
			st.pages = max(st.pages, nb.page)
			return st
		})
	}
	return renderMore(st.q.Text, cs, next), nil
}

// maxMorePages bounds the pages a More button rebuilt from its message
// may ask for: the engine proposes at most 40 sentences
// (retrieve.DefaultLimit), morePage a page.
const maxMorePages = 40/morePage + 1

// questionOn rebuilds a More button's state from the message it is on,
// when no process remembers it: the question is the answer's title (or a
// More page's, after its "More for: "), the sentences it showed its
// citation fields. A page beyond what the engine can return is refused.
func questionOn(m *discordgo.Message, page int) (moreState, bool) {
	if m == nil || len(m.Embeds) == 0 || m.Embeds[0] == nil || page > maxMorePages {
		return moreState{}, false
	}
	e := m.Embeds[0]
	title := e.Title
	shown := answerSentences
	if rest, ok := strings.CutPrefix(title, morePrefix); ok {
		title = rest
	} else {
		shown = 0
		for _, f := range e.Fields {
			if f != nil && f.Name != factsFieldName {
				shown++
			}
		}
	}
	q := strings.TrimSpace(unescape(title))
	if q == "" || q == "Answer" {
		return moreState{}, false
	}
	return moreState{q: bot.Question{Text: q}, shown: shown, pages: maxMorePages}, true
}

// context answers a Context button: the paragraph around a sentence of an
// article the engine knows.
func (a *app) context(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	b, err := parseContext(r.CustomID)
	if err != nil {
		return nil, err
	}
	info, ok := a.engine.Article(b.article)
	if !ok {
		return nil, expired("no article %q", b.article)
	}
	if b.sentence > info.Sentences {
		return nil, expired("article %q has %d sentences, not %d", b.article, info.Sentences, b.sentence)
	}
	cs, err := a.engine.Context(ctx, b.article, b.sentence)
	if err != nil {
		return nil, fmt.Errorf("context of %s:%d: %w", b.article, b.sentence, err)
	}
	return renderContext(cs, b.sentence), nil
}

// expiredButton answers a button the bot does not make: an unknown kind,
// or a custom ID longer than Discord allows.
func (a *app) expiredButton(ctx context.Context, r *request) (*discordgo.InteractionResponseData, error) {
	if len(r.CustomID) > maxCustomID {
		return nil, expired("custom ID of %d bytes", len(r.CustomID))
	}
	return nil, expired("unknown kind of button %q", r.Name)
}
