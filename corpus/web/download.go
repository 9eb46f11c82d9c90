package web

import (
	"context"
	"net/url"
)

// Download reads the file at the link raw (a file a user attached, on
// Discord's CDN) as Fetch reads a page: through the same guarded client
// (public addresses only unless opts.AllowPrivate, at most MaxRedirects
// redirects, opts.Timeout in all), and at most limit bytes: a larger file
// is refused, not cut. Any content type is taken; the caller checks what
// the bytes are. Faults come as *corpus.InputError, as Fetch's do.
func Download(ctx context.Context, raw string, limit int64, opts Options) ([]byte, error) {
	body, _, _, err := download(ctx, raw, opts, want{
		max:    limit,
		ok:     func(string) bool { return true },
		accept: "text/plain,text/markdown;q=0.9,*/*;q=0.1",
		what:   "file",
	})
	return body, err
}

// download checks the link raw and gets what w describes from it within
// opts.Timeout: its body, content type and URL after redirects.
func download(ctx context.Context, raw string, opts Options, w want) ([]byte, string, *url.URL, error) {
	u, err := CheckURL(raw)
	if err != nil {
		return nil, "", nil, err
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	fctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	body, contentType, final, err := get(fctx, u, opts, w)
	if err != nil {
		return nil, "", nil, fetchError(ctx, fctx, u, timeout, err)
	}
	return body, contentType, final, nil
}
