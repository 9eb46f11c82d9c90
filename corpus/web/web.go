// Package web fetches a news article from a link: it downloads the page,
// safely (public addresses only, bounded in time, size and redirects), and
// extracts the article's title, date and paragraphs with Readability
// (codeberg.org/readeck/go-readability, the Go port of Mozilla's), minus
// the page furniture Readability leaves (captions, related-story lists,
// share bars, sign-up boxes). The result is in the corpus's article file
// format.
//
// A page is fetched in stages, each its own function: CheckURL (the link),
// get (the download, through a dialer that refuses private addresses at
// connect time), decode (the charset), and extractHTML or extractPlain.
package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"

	"github.com/articlebot/articlebot/corpus"
)

// Limits of a fetch.
const (
	// MaxPageBytes is the most HTML read (issue 10: "a size cap (2 MiB of
	// HTML)"). A larger page is refused, not cut: its article may lie past
	// the cut, and a cut page would be added without anyone knowing it
	// was incomplete. News pages are 100 KB to 1 MB of HTML.
	MaxPageBytes = 2 << 20
	// MaxRedirects is the most redirects followed (issue 10); each is
	// checked like the link itself.
	MaxRedirects = 5
	// DefaultTimeout bounds a whole fetch, redirects and download
	// included, when Options.Timeout is zero: a news page loads in a few
	// seconds, and Discord's deferred replies wait 15 minutes.
	DefaultTimeout = 20 * time.Second
	// maxHeaderBytes bounds the response headers (net/http's default is
	// 1 MB; a page's headers are a few KB).
	maxHeaderBytes = 64 << 10
	// tlsTimeout bounds the TLS handshake, as net/http's DefaultTransport.
	tlsTimeout = 10 * time.Second
)

// userAgent names the bot to the sites it reads.
const userAgent = "articlebot/1 (+https://github.com/articlebot/articlebot; reads one article a user asked for)"

// Faults of a fetch: each comes as a *corpus.InputError (a message for
// the user) whose Kind is one of these.
var (
	ErrBadURL         = errors.New("bad link")
	ErrPrivateAddress = errors.New("link to a private address")
	ErrUnreachable    = errors.New("site unreachable")
	ErrTimeout        = errors.New("page took too long")
	ErrTooManyHops    = fmt.Errorf("more than %d redirects", MaxRedirects)
	ErrHTTPStatus     = errors.New("site answered with an error")
	ErrNotHTML        = errors.New("not a web page")
	ErrTooLarge       = errors.New("larger than the limit")
	ErrNoArticle      = errors.New("no article text on the page")
)

// Options change how a page is fetched. The zero value is the safe
// default.
type Options struct {
	// AllowPrivate lets links reach loopback, private, link-local and
	// other non-public addresses (ARTICLEBOT_ALLOW_PRIVATE_URLS; tests).
	AllowPrivate bool
	// Timeout bounds the whole fetch; zero means DefaultTimeout.
	Timeout time.Duration
	// Resolver looks up host names; nil means net.DefaultResolver.
	Resolver Resolver

	// public, when set, replaces Public: lets a test call a loopback
	// address public, to follow a redirect from it to a "private" one.
	public func(netip.Addr) bool
}

// Page is an article read from the web.
type Page struct {
	URL        string    // where it was read, after redirects
	Title      string    // never empty: the page's, else made from the URL
	Published  time.Time // zero when the page does not say
	Paragraphs []string
}

// Text is the page as an article file: the title line, a blank line, and
// the paragraphs separated by blank lines.
func (p *Page) Text() string {
	var b strings.Builder
	b.WriteString(titleLine(p.Title))
	for _, para := range p.Paragraphs {
		b.WriteString("\n\n")
		b.WriteString(para)
	}
	b.WriteByte('\n')
	return b.String()
}

// titleLine makes a title that corpus.Parse reads back as the title: one
// line, at most corpus.MaxTitleRunes, not ending like a sentence.
func titleLine(t string) string {
	t = cleanSpace(t)
	if utf8.RuneCountInString(t) > corpus.MaxTitleRunes {
		cut := string([]rune(t)[:corpus.MaxTitleRunes-1])
		if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
			cut = cut[:i]
		}
		t = cut + "…"
	}
	return strings.TrimRight(t, ".,;: ")
}

// Fetch reads the article at the link raw.
func Fetch(ctx context.Context, raw string, opts Options) (*Page, error) {
	body, contentType, final, err := download(ctx, raw, opts, page)
	if err != nil {
		return nil, err
	}
	text, err := decode(body, contentType)
	if err != nil {
		return nil, err
	}
	var ex extracted
	if isPlain(contentType) {
		ex = extractPlain(text)
	} else {
		doc, err := parseHTML(text)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", final, err)
		}
		if ex, err = extractHTML(doc, final); err != nil {
			return nil, err
		}
	}
	if len(ex.paragraphs) == 0 {
		return nil, &corpus.InputError{Kind: ErrNoArticle,
			Msg: "No article text was found on that page (it may need JavaScript, or be a list of links)."}
	}
	title := ex.title
	if title == "" {
		title = titleFromURL(final)
	}
	return &Page{URL: final.String(), Title: title, Published: ex.published, Paragraphs: ex.paragraphs}, nil
}

func parseHTML(text string) (*html.Node, error) { return html.Parse(strings.NewReader(text)) }

// want is what a download takes: a body of at most max bytes, of a
// content type accept allows, asked for with the Accept header accept;
// what names it in messages ("page", "file").
type want struct {
	max    int64
	ok     func(contentType string) bool
	accept string
	what   string
}

// page is what Fetch downloads: an HTML page or plain text.
var page = want{
	max:    MaxPageBytes,
	ok:     func(ct string) bool { return isHTML(ct) || isPlain(ct) },
	accept: "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
	what:   "page",
}

// get downloads what w describes from u and returns its body, its content
// type, and the URL it came from after redirects.
func get(ctx context.Context, u *url.URL, opts Options, w want) ([]byte, string, *url.URL, error) {
	resolver := opts.Resolver
	if resolver == nil {
		resolver = net.DefaultResolver
	}
	d := &dialer{resolver: resolver, allowPrivate: opts.AllowPrivate, public: opts.public}
	if d.public == nil {
		d.public = Public
	}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would connect for us, past the address check
		DialContext:            d.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    tlsTimeout,
		MaxResponseHeaderBytes: maxHeaderBytes,
	}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) > MaxRedirects {
			return &corpus.InputError{Kind: ErrTooManyHops,
				Msg: fmt.Sprintf("That link redirects more than %d times.", MaxRedirects)}
		}
		return checkParsed(req.URL)
	}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", nil, &corpus.InputError{Kind: ErrBadURL, Msg: "That link is not a valid URL.", Err: err}
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", w.accept)
	req.Header.Set("Accept-Language", "en")
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", nil, err
	}
	defer resp.Body.Close()
	final := resp.Request.URL
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", nil, &corpus.InputError{Kind: ErrHTTPStatus,
			Msg: fmt.Sprintf("The site answered %q for that %s.", resp.Status, w.what)}
	}
	ct := resp.Header.Get("Content-Type")
	if resp.ContentLength > w.max {
		return nil, "", nil, tooLarge(resp.ContentLength, w)
	}
	// The type is checked on the first bytes, before the rest is read.
	head := make([]byte, 512)
	n, err := io.ReadFull(resp.Body, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, "", nil, err
	}
	head = head[:n]
	if ct == "" {
		ct = http.DetectContentType(head)
	}
	if !w.ok(ct) {
		mt, _, _ := mime.ParseMediaType(ct)
		if mt == "" {
			mt = "unknown"
		}
		return nil, "", nil, &corpus.InputError{Kind: ErrNotHTML,
			Msg: fmt.Sprintf("That link is to a file of type %s, not a web page or text.", mt)}
	}
	rest, err := io.ReadAll(io.LimitReader(resp.Body, w.max+1-int64(n)))
	if err != nil {
		return nil, "", nil, err
	}
	body := append(head, rest...)
	if int64(len(body)) > w.max {
		return nil, "", nil, tooLarge(-1, w)
	}
	return body, ct, final, nil
}

func tooLarge(n int64, w want) error {
	msg := fmt.Sprintf("That %s is larger than %s; only %ss up to that size are read.", w.what, byteSize(w.max), w.what)
	if n > 0 {
		msg = fmt.Sprintf("That %s is %s; only %ss up to %s are read.", w.what, byteSize(n), w.what, byteSize(w.max))
	}
	return &corpus.InputError{Kind: ErrTooLarge, Msg: msg}
}

// byteSize shows a size: "2 MiB", "10.0 MiB", "500 KiB", "900 bytes";
// a limit of whole MiB without a fraction.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0 && n < 10<<20:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

func mediaType(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(ct)), ";")
	}
	return mt
}

func isHTML(ct string) bool {
	mt := mediaType(ct)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

func isPlain(ct string) bool { return mediaType(ct) == "text/plain" }

// fetchError turns a failed download into an error for the user where it
// is the link's fault or the site's; a cancelled ctx stays an internal
// error.
func fetchError(ctx, fctx context.Context, u *url.URL, timeout time.Duration, err error) error {
	var ie *corpus.InputError
	if errors.As(err, &ie) {
		return ie // without net/http's "Get <url>: " around it
	}
	if ctx.Err() != nil {
		return fmt.Errorf("web: fetch %s: %w", u.Redacted(), ctx.Err())
	}
	if errors.Is(fctx.Err(), context.DeadlineExceeded) {
		return &corpus.InputError{Kind: ErrTimeout,
			Msg: fmt.Sprintf("The page at %s did not finish loading within %s.", u.Host, timeout), Err: err}
	}
	return &corpus.InputError{Kind: ErrUnreachable,
		Msg: fmt.Sprintf("The site %s could not be reached.", u.Host), Err: err}
}

// decode turns the page's bytes into UTF-8 text in Unicode's composed
// form (NFC), by the charset its Content-Type header, byte-order mark or
// <meta> names; a page without any is taken as UTF-8 when it is valid
// UTF-8, else as Windows-1252 (the HTML standard's default).
func decode(body []byte, contentType string) (string, error) {
	enc, _, _ := charset.DetermineEncoding(body, contentType)
	text, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return "", &corpus.InputError{Kind: ErrNotHTML, Msg: "That page's text could not be decoded.", Err: err}
	}
	text = bytes.TrimPrefix(text, []byte("\uFEFF"))
	// A page that claims UTF-8 and is not: its bad bytes become U+FFFD.
	return norm.NFC.String(strings.ToValidUTF8(string(text), "\uFFFD")), nil
}

// titleFromURL makes a title of a page that has none: its last path
// segment ("storm-hits-atlanta.html": "Storm hits atlanta"), else its host.
func titleFromURL(u *url.URL) string {
	seg := strings.TrimSuffix(path.Base(u.Path), path.Ext(u.Path))
	seg = strings.Join(strings.FieldsFunc(seg, func(r rune) bool { return r == '-' || r == '_' || r == '+' }), " ")
	if seg == "" || seg == "." || seg == "/" || wordCount(seg) == 0 {
		return u.Hostname()
	}
	r, size := utf8.DecodeRuneInString(seg)
	return strings.ToUpper(string(r)) + seg[size:]
}
