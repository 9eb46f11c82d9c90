package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

const harbourPage = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbour museum wins £2.5m grant | Port Ellis Gazette</title>
<meta property="og:site_name" content="Port Ellis Gazette">
<meta property="article:published_time" content="2023-11-14T07:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour museum wins £2.5m grant</h1><p class="byline">By Sam Hill</p>
<figure><img src="/shed.jpg"><figcaption>The boat shed was built in 1874.</figcaption></figure>
<p>The Harbour Museum in Port Ellis has been awarded £2.5m to restore its Victorian boat shed.</p>
<p>Director Helen Marsh said the money would "secure the building for another century".</p>
<div class="ad-slot">Advertisement</div>
<p>The shed has been closed since storms damaged its roof in 2020. Work is due to start in the spring.</p>
<aside><h2>Related stories</h2><ul><li><a href="/1">Lifeboat station reopens</a></li></ul></aside>
</article><footer><p>© Port Ellis Gazette 2023</p></footer></body></html>`

// TestAddRemove drives add and remove as a user would, and asks the
// corpus they change.
func TestAddRemove(t *testing.T) {
	t.Chdir(t.TempDir())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/news/harbour" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, harbourPage)
	}))
	defer srv.Close()
	dir := t.TempDir()
	src := filepath.Join(t.TempDir(), "city-budget.txt")
	os.WriteFile(src, []byte("Council votes on budget\n\nThe council approved a budget of £40m on Tuesday. Mayor Ada Cole said: \"This is good news.\" The vote was 30 to 12.\n"), 0o644)
	notes := filepath.Join(t.TempDir(), "notes.json")
	os.WriteFile(notes, []byte("{}"), 0o644)
	single := filepath.Join(t.TempDir(), "one.txt")
	os.WriteFile(single, []byte("One\n\nOne. Two. Three.\n"), 0o644)
	allow := map[string]string{"ARTICLEBOT_CORPUS": dir, "ARTICLEBOT_ALLOW_PRIVATE_URLS": "true"}

	steps := []struct {
		name    string
		env     map[string]string
		args    []string
		want    []string
		wantErr string
		usage   bool // a usage error: exit status 2
	}{
		{"add a file", allow, []string{"add", src}, []string{
			`Added "Council votes on budget" as city-budget (3 sentences) to ` + filepath.Join(dir, "city-budget.txt") + ".",
			"articlebot ask --corpus " + dir + " --article city-budget QUESTION",
			"articlebot summary --corpus " + dir + " --article city-budget",
			"articlebot brief --corpus " + dir + " --article city-budget",
		}, "", false},
		{"ask the added article", allow, []string{"ask", "--article", "city-budget", "how much is the budget?"}, []string{"£40m"}, "", false},
		{"the same file again", allow, []string{"add", src}, nil, "already in the corpus, as city-budget (city-budget.txt)", false},
		{"the same text under another name", allow, []string{"add", "--name", "copy", src}, nil, "already in the corpus", false},
		{"add a link, flags after it", nil, []string{"add", srv.URL + "/news/harbour", "--corpus", dir}, nil, "private or local network", false},
		{"add a link with private links allowed", allow, []string{"add", srv.URL + "/news/harbour"}, []string{
			`Added "Harbour museum wins £2.5m grant" as harbour-museum-wins-2-5m-grant (4 sentences)`,
			"From " + srv.URL + "/news/harbour, published 14 November 2023.",
			"--article harbour-museum-wins-2-5m-grant",
		}, "", false},
		{"ask the page", allow, []string{"ask", "--article", "harbour-museum-wins-2-5m-grant", "who is the director?"}, []string{"Helen Marsh"}, "", false},
		{"a missing page", allow, []string{"add", srv.URL + "/nowhere"}, nil, `answered "404 Not Found"`, false},
		{"a bad setting", map[string]string{"ARTICLEBOT_CORPUS": dir, "ARTICLEBOT_ALLOW_PRIVATE_URLS": "maybe"}, []string{"add", srv.URL}, nil, "want true or false", false},
		{"a bad link", allow, []string{"add", "ftp://example.com/x"}, nil, "http:// or https://", false},
		{"not a text file", allow, []string{"add", notes}, nil, "only .txt and .md", false},
		{"a missing file", allow, []string{"add", filepath.Join(dir, "nope.txt")}, nil, "no such file", false},
		{"an unsafe name", allow, []string{"add", "--name", "../x", src}, nil, `must not hold "/"`, false},
		{"no corpus", nil, []string{"add", src}, nil, "built-in article cannot be changed", true},
		{"a single-file corpus", nil, []string{"add", "--corpus", single, src}, nil, "one article file, not a folder", true},
		{"a missing folder", nil, []string{"add", "--corpus", filepath.Join(dir, "missing"), src}, nil, "does not exist", false},
		{"no argument", allow, []string{"add"}, nil, "add takes one FILE_OR_URL, not 0", true},
		{"two arguments", allow, []string{"remove", "a", "b"}, nil, "remove takes one article ID, not 2", true},
		{"remove", allow, []string{"remove", "city-budget"}, []string{
			`Removed "Council votes on budget" (city-budget, 3 sentences): deleted ` + filepath.Join(dir, "city-budget.txt") + ".",
		}, "", false},
		{"remove again", allow, []string{"remove", "city-budget"}, nil, `no article "city-budget"`, false},
		{"the rest is still there", allow, []string{"chat"}, []string{"Harbour museum wins £2.5m grant (harbour-museum-wins-2-5m-grant, 4 sentences)"}, "", false},
	}
	for _, tt := range steps {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, env(tt.env), "", tt.args...)
			checkRun(t, out, err, tt.wantErr, tt.want)
			var u *usageError
			if tt.wantErr != "" && errors.As(err, &u) != tt.usage {
				t.Errorf("%v: usage error %v, want %v", err, errors.As(err, &u), tt.usage)
			}
		})
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}
