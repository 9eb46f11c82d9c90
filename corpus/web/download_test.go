package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/corpus"
)

func TestDownload(t *testing.T) {
	const text = "Town budget\n\nThe council approved the budget. It was close. Work starts soon.\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a/story.md":
			w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
			w.Write([]byte(text))
		case "/a/big.txt":
			w.Header().Set("Content-Type", "text/plain")
			w.Write([]byte(strings.Repeat("x", 2000)))
		case "/a/moved.txt":
			http.Redirect(w, r, "/a/story.md", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	tests := []struct {
		name string
		url  string
		opts Options
		want error
		msg  string
	}{
		{"a file", srv.URL + "/a/story.md", allowLoopback, nil, ""},
		{"a redirect", srv.URL + "/a/moved.txt", allowLoopback, nil, ""},
		{"over the limit", srv.URL + "/a/big.txt", allowLoopback, ErrTooLarge, "only files up to 1000 bytes are read"},
		{"missing", srv.URL + "/a/gone.txt", allowLoopback, ErrHTTPStatus, "404 Not Found\" for that file"},
		{"loopback refused by default", srv.URL + "/a/story.md", Options{}, ErrPrivateAddress, "private"},
		{"not a link", "file:///etc/passwd", allowLoopback, ErrBadURL, "http:// or https://"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Download(context.Background(), tt.url, 1000, tt.opts)
			if tt.want == nil {
				if err != nil || string(b) != text {
					t.Fatalf("Download = %q, %v", b, err)
				}
				return
			}
			if !errors.Is(err, tt.want) || !corpus.IsInputError(err) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("err = %v, want %v saying %q", err, tt.want, tt.msg)
			}
		})
	}
}
