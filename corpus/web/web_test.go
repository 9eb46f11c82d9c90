package web

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/articlebot/articlebot/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/pages")

// fakeDNS resolves the test's host names without any real DNS.
type fakeDNS map[string][]netip.Addr

func (f fakeDNS) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if ips, ok := f[host]; ok {
		return ips, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

var loopback = netip.MustParseAddr("127.0.0.1")

// newsServer serves the test pages, and pages that misbehave, on
// loopback. bytesSent counts the body bytes of /huge written.
func newsServer(t *testing.T) (srv *httptest.Server, bytesSent *atomic.Int64) {
	t.Helper()
	bytesSent = &atomic.Int64{}
	page := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", "pages", name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	mux := http.NewServeMux()
	for _, name := range []string{"council-vote", "storm-wire", "link-list"} {
		body := page(name)
		mux.HandleFunc("/news/"+name, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(body)
		})
	}
	old, err := charmap.Windows1252.NewEncoder().Bytes(page("old-site"))
	if err != nil {
		t.Fatal(err)
	}
	mux.HandleFunc("/news/old-site", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html") // the <meta> names the charset
		w.Write(old)
	})
	mux.HandleFunc("/plain/harbour-notes.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "Harbour notes\n\nThe museum opens at ten. Entry is free on Sundays.\n\nThe café closes at four.\n")
	})
	// /hop/N redirects N more times, then to the council story.
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n <= 1 {
			http.Redirect(w, r, "/news/council-vote", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/hop/"+strconv.Itoa(n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("url"), http.StatusFound)
	})
	// /huge is 10 MiB of HTML, sent in chunks with no length; after 3 MiB
	// it waits for the client to hang up, so a client that read it all
	// would never finish.
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>Filler text of a page that goes on and on.</p>\n", 1024))
		for sent := 0; sent < 10<<20; sent += len(chunk) {
			if sent >= 3<<20 {
				<-r.Context().Done()
				return
			}
			if _, err := w.Write(chunk); err != nil {
				return
			}
			bytesSent.Add(int64(len(chunk)))
		}
	})
	mux.HandleFunc("/huge-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", strconv.Itoa(10<<20))
		w.Write([]byte("<html><body><p>The start.</p>"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	// /never sends the start of a page and then nothing, for ever.
	mux.HandleFunc("/never", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><head><title>Loading</title></head><body><p>The first paragraph arrives."))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	mux.HandleFunc("/api/story.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"title":"Council approves plan","body":"Councillors approved it."}`)
	})
	mux.HandleFunc("/untyped.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // net/http sniffs the type
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	mux.HandleFunc("/missing", http.NotFound)
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, bytesSent
}

// allowLoopback are the options of a test that reads from its own
// loopback server, as ARTICLEBOT_ALLOW_PRIVATE_URLS=true does.
var allowLoopback = Options{AllowPrivate: true, Timeout: time.Minute}

// TestFetchNewsPages: the article's paragraphs are kept, whole and in
// order, and none of the page's furniture is.
func TestFetchNewsPages(t *testing.T) {
	srv, _ := newsServer(t)
	tests := []struct {
		page       string
		title      string
		published  string
		paragraphs int
		keep       []string
		drop       []string
	}{
		{
			page: "council-vote", title: "Council approves £40m housing plan for Northgate", published: "2024-03-05T09:30:00Z", paragraphs: 7,
			keep: []string{
				"Councillors in Northgate have approved a £40m plan to build 600 homes on the site of the town's former gasworks.",
				`Council leader Maria Okafor said the vote was "a turning point for families who have waited years for a secure home".`,
				"Opposition councillors argued that the site needed more parking",
				"A public consultation on the design of the school will open next month.",
			},
			drop: []string{
				"cookies", "Accept all", "Sport", "Weather", "Search", "Priya Shah", "5 March 2024",
				"Photograph", "former gasworks site.", "Advertisement", "Read more", "long history", "Rising rents",
				"Related stories", "ring road rejected", "Share on", "Email this story", "inbox", "Sign up",
				"Comments", "GasworksGary", "empty for as long", "thought this through", "Most read", "rescued",
				"All rights reserved", "Privacy",
			},
		},
		{
			page: "storm-wire", title: "Storm leaves thousands without power across three states", published: "2024-04-09T22:15:00-04:00", paragraphs: 6,
			keep: []string{
				"ATLANTA (AP) — A powerful storm swept through Georgia, Alabama and Tennessee on Tuesday",
				`"We are asking everyone to stay off the roads tonight," Kemp said at a news conference in Atlanta.`,
				"Two men died in separate crashes on flooded roads in Tennessee.",
				"Schools in at least 12 districts said they would be closed on Wednesday.",
			},
			drop: []string{
				"Daily Courier", "Subscribe", "Obituaries", "Home", "JEFF AMY", "Published 10:15", "fallen tree", "AP Photo",
				"ADVERTISEMENT", "Breaking News alerts", "Trending", "Lottery", "Tags", "Power outages",
				"weatherwatcher77", "Stay safe", "nobody was hurt", "Most Popular", "stadium", "Copyright", "Careers",
			},
		},
		{
			page: "old-site", title: "Harbour museum wins £2.5m lottery grant", paragraphs: 4,
			keep: []string{
				"restore its Victorian boat shed – the largest grant in the museum’s 60-year history.",
				"Director Helen Marsh said the money would “secure the building for another century”",
				"Work is due to start in the spring and will take about 18 months, the museum said.",
			},
			drop: []string{"Letters", "Archive", "Tuesday, 14 November", "Have your say", "©"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			p, err := Fetch(context.Background(), srv.URL+"/news/"+tt.page, allowLoopback)
			if err != nil {
				t.Fatal(err)
			}
			text := p.Text()
			golden := filepath.Join("testdata", "pages", tt.page+".txt")
			if *update {
				os.WriteFile(golden, []byte(text), 0o644)
			}
			if want, err := os.ReadFile(golden); err != nil || string(want) != text {
				t.Errorf("text differs from %s (go test ./corpus/web -run TestFetchNewsPages -update to accept):\n%s", golden, text)
			}
			if p.Title != tt.title {
				t.Errorf("title %q, want %q", p.Title, tt.title)
			}
			if got := p.Published; tt.published == "" && !got.IsZero() || tt.published != "" && got.Format(time.RFC3339) != tt.published {
				t.Errorf("published %v, want %q", got, tt.published)
			}
			if len(p.Paragraphs) != tt.paragraphs {
				t.Errorf("%d paragraphs, want %d:\n%s", len(p.Paragraphs), tt.paragraphs, strings.Join(p.Paragraphs, "\n"))
			}
			for _, k := range tt.keep {
				if !strings.Contains(text, k) {
					t.Errorf("article text lost %q", k)
				}
			}
			body := strings.Join(p.Paragraphs, "\n")
			for _, d := range tt.drop {
				if strings.Contains(body, d) {
					t.Errorf("furniture kept: %q", d)
				}
			}
			// The corpus reads the page back as the same title and paragraphs.
			a, err := corpus.Parse(context.Background(), tt.page, []byte(text))
			if err != nil || a.Title != p.Title || len(a.Paragraphs) != len(p.Paragraphs) {
				t.Errorf("corpus.Parse reads it back differently: %v", err)
			}
		})
	}
}

func TestFetchPlainText(t *testing.T) {
	srv, _ := newsServer(t)
	p, err := Fetch(context.Background(), srv.URL+"/plain/harbour-notes.txt", allowLoopback)
	if err != nil {
		t.Fatal(err)
	}
	want := "Harbour notes\n\nThe museum opens at ten. Entry is free on Sundays.\n\nThe café closes at four.\n"
	if p.Text() != want {
		t.Errorf("text %q, want %q", p.Text(), want)
	}
}

// TestFetchRefusals: each way a link can fail gives its kind of error,
// with a message for the user.
func TestFetchRefusals(t *testing.T) {
	srv, sent := newsServer(t)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	at := func(host, path string) string { return "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + path }
	dns := fakeDNS{
		"news.test":     {loopback},
		"intranet.test": {netip.MustParseAddr("127.0.0.2")},
		"mixed.test":    {netip.MustParseAddr("10.1.2.3"), netip.MustParseAddr("192.168.0.1")},
		"rebind.test":   {netip.MustParseAddr("169.254.169.254")},
	}
	// Only the server's own address counts as public here, so that a
	// redirect from it to another address can be refused.
	onlyServer := Options{Resolver: dns, Timeout: time.Minute, public: func(ip netip.Addr) bool { return ip == loopback }}
	strict := Options{Resolver: dns, Timeout: time.Minute} // the real policy: loopback is private
	tests := []struct {
		name string
		url  string
		opts Options
		want error
		msg  string
	}{
		{"5 redirects are followed", srv.URL + "/hop/5", allowLoopback, nil, ""},
		{"6 redirects are not", srv.URL + "/hop/6", allowLoopback, ErrTooManyHops, "more than 5 times"},
		{"redirect to another scheme", srv.URL + "/to?url=file:///etc/passwd", allowLoopback, ErrBadURL, "http:// or https://"},
		{"redirect to a private host", at("news.test", "/to?url="+at("intranet.test", "/news/council-vote")), onlyServer, ErrPrivateAddress, "private"},
		{"public host itself is fine", at("news.test", "/news/council-vote"), onlyServer, nil, ""},
		{"loopback address", srv.URL + "/news/council-vote", strict, ErrPrivateAddress, "private or local"},
		{"name resolving to loopback", at("news.test", "/news/council-vote"), strict, ErrPrivateAddress, "news.test is on a private"},
		{"IPv6 loopback", at("::1", "/"), strict, ErrPrivateAddress, "private"},
		{"metadata address", "http://169.254.169.254/latest/meta-data/", strict, ErrPrivateAddress, "private"},
		{"name resolving to metadata", "http://rebind.test/latest/meta-data/", strict, ErrPrivateAddress, "private"},
		{"private names only", "http://mixed.test/", strict, ErrPrivateAddress, "private"},
		{"RFC 1918 address", "http://10.0.0.1/", strict, ErrPrivateAddress, "private"},
		{"unknown host", "http://nowhere.test/", strict, ErrUnreachable, "could not be found"},
		{"10 MiB page, no length", srv.URL + "/huge", allowLoopback, ErrTooLarge, "larger than 2 MiB"},
		{"10 MiB page, length declared", srv.URL + "/huge-declared", allowLoopback, ErrTooLarge, "10.0 MiB"},
		{"page that never finishes", srv.URL + "/never", Options{AllowPrivate: true, Timeout: 200 * time.Millisecond}, ErrTimeout, "did not finish loading within 200ms"},
		{"image", srv.URL + "/image.png", allowLoopback, ErrNotHTML, "image/png"},
		{"image without a type", srv.URL + "/untyped.png", allowLoopback, ErrNotHTML, "image/png"},
		{"JSON", srv.URL + "/api/story.json", allowLoopback, ErrNotHTML, "application/json"},
		{"not found", srv.URL + "/missing", allowLoopback, ErrHTTPStatus, "404 Not Found"},
		{"a page of links", srv.URL + "/news/link-list", allowLoopback, ErrNoArticle, "No article text"},
		{"ftp", "ftp://example.com/story", strict, ErrBadURL, "http:// or https://"},
		{"credentials", "https://user:pass@example.com/story", strict, ErrBadURL, "user name or password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Fetch(context.Background(), tt.url, tt.opts)
			if tt.want == nil {
				if err != nil || !strings.HasSuffix(p.URL, "/news/council-vote") {
					t.Fatalf("Fetch = %v, %v", p, err)
				}
				return
			}
			if !errors.Is(err, tt.want) || !corpus.IsInputError(err) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("err = %v, want %v saying %q", err, tt.want, tt.msg)
			}
		})
	}
	if n := sent.Load(); n > 4<<20 {
		t.Errorf("the server sent %d bytes of the 10 MiB page", n)
	}
}

// TestFetchCancelled: the caller's own cancellation is not the user's
// fault and is not reported as a timeout.
func TestFetchCancelled(t *testing.T) {
	srv, _ := newsServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Fetch(ctx, srv.URL+"/news/council-vote", allowLoopback)
	if !errors.Is(err, context.Canceled) || corpus.IsInputError(err) {
		t.Fatalf("err = %v", err)
	}
}

func TestPublic(t *testing.T) {
	for _, tt := range []struct {
		ip   string
		want bool
	}{
		{"93.184.215.14", true}, {"8.8.8.8", true}, {"2606:4700::1111", true}, {"64:ff9b::808:808", true},
		{"127.0.0.1", false}, {"127.8.9.10", false}, {"::1", false}, {"10.1.2.3", false}, {"172.16.0.1", false},
		{"172.31.255.255", false}, {"192.168.1.1", false}, {"169.254.169.254", false}, {"fe80::1", false},
		{"fc00::1", false}, {"fd00:ec2::254", false}, {"0.0.0.0", false}, {"::", false}, {"100.64.0.1", false},
		{"100.127.255.254", false}, {"224.0.0.1", false}, {"ff02::1", false}, {"255.255.255.255", false},
		{"::ffff:127.0.0.1", false}, {"::ffff:10.0.0.1", false}, {"64:ff9b::a00:1", false}, {"192.0.2.1", false},
		{"198.18.0.1", false}, {"2001:db8::1", false}, {"2002:a00:1::", false}, {"::127.0.0.1", false},
		{"172.32.0.1", true}, {"100.128.0.1", true},
	} {
		if got := Public(netip.MustParseAddr(tt.ip)); got != tt.want {
			t.Errorf("Public(%s) = %v, want %v", tt.ip, got, tt.want)
		}
	}
}

func TestCheckURL(t *testing.T) {
	for _, tt := range []struct{ in, want, err string }{
		{"https://www.bbc.co.uk/news/articles/c0000000000o", "https://www.bbc.co.uk/news/articles/c0000000000o", ""},
		{"  http://example.com/a?b=c#frag ", "http://example.com/a?b=c", ""},
		{"HTTPS://Example.com/", "https://Example.com/", ""},
		{"", "", "empty"},
		{"example.com/story", "", "http:// or https://"},
		{"javascript:alert(1)", "", "http:// or https://"},
		{"http:opaque", "", "no host"},
		{"http://", "", "no host"},
		{"http://a b.com/", "", "spaces"},
		{"http://example.com/\x00", "", "control"},
		{"http://u@example.com/", "", "user name"},
		{"http://example.com:99999/", "", "port"},
		{"http://[fe80::1%25eth0]/", "", "host name"},
		{"http://example.com/" + strings.Repeat("a", MaxURLBytes), "", "longer than"},
	} {
		u, err := CheckURL(tt.in)
		if tt.err != "" {
			if err == nil || !errors.Is(err, ErrBadURL) || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("CheckURL(%q) = %v, want an error saying %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || u.String() != tt.want {
			t.Errorf("CheckURL(%q) = %v, %v; want %s", tt.in, u, err, tt.want)
		}
	}
}

func FuzzCheckURL(f *testing.F) {
	for _, s := range []string{"https://example.com/news/1", "http://u:p@h/", "http://[::1]:80/", "HTTP://x.y/%zz", "http://h/#f", "ftp://x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := CheckURL(raw)
		if err != nil {
			if !errors.Is(err, ErrBadURL) || !corpus.IsInputError(err) {
				t.Fatalf("CheckURL(%q): %v is not a bad-link error", raw, err)
			}
			return
		}
		s := u.String()
		if u.Scheme != "http" && u.Scheme != "https" || u.Hostname() == "" || u.User != nil || u.Fragment != "" || len(s) > MaxURLBytes {
			t.Fatalf("CheckURL(%q) accepted %q", raw, s)
		}
		if again, err := CheckURL(s); err != nil || again.String() != s {
			t.Fatalf("CheckURL(%q) = %q, which does not check again: %v", raw, s, err)
		}
	})
}

func TestTitleLine(t *testing.T) {
	long := strings.Repeat("Very long headline words ", 10)
	for in, want := range map[string]string{
		"Storm hits.":         "Storm hits",
		"  Two\n lines  ":     "Two lines",
		"Prices rise: report": "Prices rise: report",
	} {
		if got := titleLine(in); got != want {
			t.Errorf("titleLine(%q) = %q, want %q", in, got, want)
		}
	}
	got := titleLine(long)
	if n := len([]rune(got)); n > corpus.MaxTitleRunes || !strings.HasSuffix(got, "…") {
		t.Errorf("long title: %d runes, %q", n, got)
	}
	if title, _ := corpus.SplitTitle(got + "\n\nBody."); title != got {
		t.Errorf("corpus does not read %q back as the title", got)
	}
}

// TestExtractRules: the general furniture and prose rules, one at a time.
func TestExtractRules(t *testing.T) {
	filler := "<p>The council met on Monday to discuss the plan for the old gasworks site in the centre of the town.</p>" +
		"<p>Members spoke for three hours before the vote, which was passed by a large majority of those present.</p>" +
		"<p>The leader said the town had waited for this decision for more than a decade, and thanked the residents.</p>" +
		"<p>Work is expected to start in the spring, once the final designs have been approved by the planning board.</p>"
	long := "This paragraph runs on for a long while about the history of the site and the many plans that came before this one and it never gets its full stop at the end"
	tests := []struct {
		name, body string
		keep, drop string
	}{
		{"content class wins over a furniture word", `<div class="article-body comments-enabled">` + filler + `<p>Kept in the body, it was said.</p></div>`, "Kept in the body", ""},
		{"box around a form without a class", `<article>` + filler + `<div><p>Get our briefing every morning in your inbox.</p><input type="email"><button>Go</button></div></article>`, "old gasworks", "briefing"},
		{"whole page in a form (ASP.NET)", `<form id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="x"><article>` + filler + `</article></form>`, "old gasworks", ""},
		{"long paragraph without a full stop", `<article>` + filler + `<p>` + long + `</p></article>`, "never gets its full stop", ""},
		{"hidden by style", `<article>` + filler + `<p style="display: none">Hidden text of the page, not shown.</p></article>`, "old gasworks", "Hidden text"},
		{"hidden by aria", `<article>` + filler + `<div aria-hidden="true"><p>Screen readers skip this sentence.</p></div></article>`, "old gasworks", "Screen readers"},
		{"ARIA role", `<article>` + filler + `<div role="complementary"><p>A box beside the story, by its role.</p></div></article>`, "old gasworks", "A box beside"},
		{"link-heavy paragraph", `<article>` + filler + `<p>See also: <a href="/1">The full list of every council decision this year</a>.</p></article>`, "old gasworks", "See also"},
		{"repeated paragraph", `<article>` + filler + `<p>The council met on Monday to discuss the plan for the old gasworks site in the centre of the town.</p></article>`, "old gasworks", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseHTML("<html><head><title>Plan approved</title></head><body>" + tt.body + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			ex, err := extractHTML(doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(ex.paragraphs, "\n")
			if !strings.Contains(text, tt.keep) {
				t.Errorf("lost %q:\n%s", tt.keep, text)
			}
			if tt.drop != "" && strings.Contains(text, tt.drop) {
				t.Errorf("kept %q:\n%s", tt.drop, text)
			}
			if strings.Count(text, "The council met on Monday") != 1 {
				t.Errorf("a paragraph lost or repeated:\n%s", text)
			}
		})
	}
}

func TestTrimSiteName(t *testing.T) {
	for _, tt := range []struct {
		title, site string
		h1          []string
		want        string
	}{
		{"Town budget | Town News", "", []string{"Town budget"}, "Town budget"},
		{"Town budget | Town News", "Town News", nil, "Town budget"},
		{"Town News - Town budget", "Town News", nil, "Town budget"},
		{"World | Storm hits | The Courier", "", []string{"Storm hits"}, "World | Storm hits | The Courier"},
		{"World | Storm hits | The Courier", "The Courier", nil, "World | Storm hits"},
		{"Storm hits | The Courier", "", []string{"Storm hits"}, "Storm hits"},
		{"Rock - paper - scissors ruling", "", []string{"Something else"}, "Rock - paper - scissors ruling"},
		{"Plain title", "Site", nil, "Plain title"},
	} {
		if got := trimSiteName(tt.title, tt.site, tt.h1); got != tt.want {
			t.Errorf("trimSiteName(%q, %q, %q) = %q, want %q", tt.title, tt.site, tt.h1, got, tt.want)
		}
	}
}

// BenchmarkExtract: parse a news page and extract its article (the work
// of Fetch besides the download).
func BenchmarkExtract(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "pages", "council-vote.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		text, err := decode(page, "text/html; charset=utf-8")
		if err != nil {
			b.Fatal(err)
		}
		doc, err := parseHTML(text)
		if err != nil {
			b.Fatal(err)
		}
		if ex, err := extractHTML(doc, nil); err != nil || len(ex.paragraphs) == 0 {
			b.Fatal(err)
		}
	}
}
