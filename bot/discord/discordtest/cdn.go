package discordtest

import (
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
)

// RouteAttachment is the fake's stand-in for Discord's CDN, where the
// files users attach to commands are served.
const RouteAttachment = "GET /attachments/{channel}/{id}/{filename}"

// upload keeps a file for the CDN and returns its attachment object, as
// Discord puts it in an interaction's data.resolved.attachments.
func (s *Server) upload(f File) map[string]any {
	ct := f.ContentType
	if ct == "" {
		switch path.Ext(f.Name) {
		case ".md":
			ct = "text/markdown; charset=utf-8"
		default:
			ct = mime.TypeByExtension(path.Ext(f.Name))
		}
	}
	s.mu.Lock()
	id := s.newID()
	s.files[id] = File{Name: f.Name, ContentType: ct, Data: f.Data}
	s.mu.Unlock()
	u := s.hs.URL + "/attachments/" + s.ChannelID + "/" + id + "/" + url.PathEscape(f.Name)
	att := map[string]any{"id": id, "filename": f.Name, "size": len(f.Data), "url": u, "proxy_url": u, "ephemeral": true}
	if ct != "" {
		att["content_type"] = ct
	}
	return att
}

// serveAttachment serves an uploaded file, as the CDN does.
func (s *Server) serveAttachment(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	f, ok := s.files[r.PathValue("id")]
	s.mu.Unlock()
	if !ok || r.PathValue("filename") != f.Name {
		http.NotFound(w, r)
		return
	}
	if f.ContentType != "" {
		w.Header().Set("Content-Type", f.ContentType)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(f.Data)))
	_, _ = w.Write(f.Data)
}
