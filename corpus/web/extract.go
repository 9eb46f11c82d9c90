package web

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/articlebot/articlebot/corpus"
)

// Extraction is three stages, each general to web pages, none naming a
// site: strip the page furniture that markup declares (navigation,
// asides, figures and captions, hidden elements, boxes around forms,
// elements whose class or id names furniture), let Readability find the
// article among what is left, then keep the paragraphs of the article
// that read as prose (not link lists, not labels).

// Readability's own threshold (Readability.js's charThreshold): a page
// whose best candidate has fewer characters is retried with looser rules.
const readabilityChars = 500

// formBoxWords: a block with fewer words than this around a form control
// is the control's box (a newsletter sign-up, a search box, a poll), not
// part of the article; an article body holding a form has many more.
const formBoxWords = 40

// Prose rules for the paragraphs Readability keeps.
const (
	// minWords: a shorter paragraph is a label ("Advertisement", "Read
	// more", "Share"), not a sentence of the article; the shortest news
	// paragraphs ("“No,” he said.") have three words.
	minWords = 3
	// maxLinkShare: a paragraph more than half of whose text is link text
	// is navigation ("Read more: …", a list of related stories), as in
	// Readability's own link-density test.
	maxLinkShare = 0.5
	// unpunctuatedWords: a paragraph that does not end like a sentence is
	// a heading, a byline, a caption or a button, unless it is this long,
	// when it is prose whose author left off the full stop.
	unpunctuatedWords = 25
)

// furnitureWords name page furniture when they are a word of an element's
// class or id ("c-related-stories", "ad-slot", "newsletter_box"): the
// vocabulary of Readability's unlikely-candidate and share rules, and of
// the ARIA and HTML sectioning names for the same things.
var furnitureWords = wordSet(
	"ad", "ads", "advert", "adverts", "advertisement", "advertising", "banner", "breadcrumb", "breadcrumbs",
	"byline", "caption", "comment", "comments", "consent", "cookie", "cookies", "credit", "credits", "disqus",
	"footer", "masthead", "menu", "modal", "nav", "navbar", "navigation", "newsletter", "outbrain", "pagination",
	"paywall", "popup", "promo", "promoted", "recirculation", "related", "replies", "share", "sharing", "sidebar",
	"signup", "social", "sponsor", "sponsored", "subscribe", "subscription", "tags", "toolbar", "trending",
)

// contentWords mark an element as the article's own even when its class
// also names furniture ("article-body has-comments"), as Readability's
// "maybe a candidate" rule does.
var contentWords = wordSet("article", "body", "content", "main", "story", "entry", "text", "post")

// furnitureRoles are ARIA roles of page furniture.
var furnitureRoles = wordSet("navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar", "toolbar")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// extracted is what a page says: its title, when it was published, and
// the article's paragraphs.
type extracted struct {
	title      string
	published  time.Time
	paragraphs []string
}

// extractHTML finds the article in a parsed page.
func extractHTML(doc *html.Node, pageURL *url.URL) (extracted, error) {
	stripFurniture(doc, false)
	headings := headingTexts(doc)
	p := readability.NewParser()
	p.KeepClasses = true // stripFurniture runs again on what Readability keeps
	art, err := p.ParseAndMutate(doc, pageURL)
	if err != nil {
		return extracted{}, fmt.Errorf("web: readability: %w", err)
	}
	out := extracted{title: trimSiteName(cleanSpace(art.Title()), art.SiteName(), headings)}
	if t, err := art.PublishedTime(); err == nil {
		out.published = t
	}
	if art.Node == nil {
		return out, nil
	}
	stripFurniture(art.Node, true)
	seen := map[string]bool{strings.ToLower(out.title): true}
	for _, b := range blocks(art.Node) {
		text := cleanSpace(b.text)
		key := strings.ToLower(text)
		if seen[key] || !prose(text, b.linkChars) {
			continue
		}
		seen[key] = true
		out.paragraphs = append(out.paragraphs, text)
	}
	return out, nil
}

// titleSeparators part a page title from the site's name ("Storm hits
// Atlanta | The Daily Courier"), as in Readability's own title rule.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " / "}

// trimSiteName drops the site's name from a title, where Readability left
// it (it keeps it when the rest is short): the part the page's own <h1>
// gives, or the part that is not the site's name.
func trimSiteName(title, site string, headings []string) string {
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		j := strings.Index(title, sep)
		if i < 0 {
			continue
		}
		head, tail := title[:i], title[i+len(sep):]
		first, rest := title[:j], title[j+len(sep):]
		if site != "" && strings.EqualFold(site, tail) {
			return head
		}
		if site != "" && strings.EqualFold(site, first) {
			return rest
		}
		for _, h := range headings {
			if strings.EqualFold(h, head) {
				return head
			}
			if strings.EqualFold(h, rest) {
				return rest
			}
		}
	}
	return title
}

// headingTexts are the texts of a page's <h1> elements.
func headingTexts(doc *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.H1 {
			out = append(out, cleanSpace(textOf(n)))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// stripFurniture removes from n the elements that markup declares page
// furniture; inArticle, on Readability's article, headings too.
func stripFurniture(n *html.Node, inArticle bool) {
	var controls []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				if furniture(c) || inArticle && isHeading(c) {
					n.RemoveChild(c)
					c = next
					continue
				}
				if isControl(c) {
					controls = append(controls, c)
				}
				walk(c)
			}
			if c.Type == html.CommentNode {
				n.RemoveChild(c)
			}
			c = next
		}
	}
	walk(n)
	// A control's box is its largest ancestor (itself included) of few
	// words; a form that holds the whole page has many and stays.
	for _, c := range controls {
		var box *html.Node
		for p := c; p != nil && p != n && p.DataAtom != atom.Body && p.DataAtom != atom.Html && wordCount(textOf(p)) < formBoxWords; p = p.Parent {
			box = p
		}
		if box != nil && box.Parent != nil {
			box.Parent.RemoveChild(box)
		}
	}
}

// furniture reports whether an element is page furniture by its tag, its
// ARIA role, its being hidden, or the words of its class and id.
func furniture(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Aside, atom.Footer, atom.Figure, atom.Figcaption, atom.Dialog, atom.Noscript,
		atom.Iframe, atom.Svg, atom.Picture, atom.Video, atom.Audio, atom.Img, atom.Object, atom.Embed,
		atom.Canvas, atom.Menu:
		return true
	case atom.Script, atom.Style, atom.Template:
		// Readability reads the page's JSON-LD from its scripts, then
		// drops them; blocks never reads their text.
		return false
	case atom.Html, atom.Body, atom.Head:
		return false
	}
	var class, id, role, style string
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		case "role":
			role = strings.ToLower(strings.TrimSpace(a.Val))
		case "style":
			style = strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
		}
	}
	if furnitureRoles[role] || strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	words := strings.FieldsFunc(strings.ToLower(class+" "+id), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	named := false
	for _, w := range words {
		if contentWords[w] {
			return false
		}
		named = named || furnitureWords[w]
	}
	return named
}

// isHeading: a heading inside the article is a subhead or a box's label
// ("Related stories"), not a sentence. (Before Readability runs, headings
// help it find the title and the article, so they stay.)
func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func isControl(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Form, atom.Input, atom.Button, atom.Select, atom.Textarea:
		return true
	}
	return false
}

// block is a run of text between block boundaries, with how much of it
// is link text.
type block struct {
	text      string
	linkChars int
}

// blocks splits n into its blocks of text: a block element (or a <br>)
// ends one and starts another; inline elements join in.
func blocks(n *html.Node) []block {
	var out []block
	var cur strings.Builder
	links := 0
	flush := func() {
		if strings.TrimSpace(cur.String()) != "" {
			out = append(out, block{text: cur.String(), linkChars: links})
		}
		cur.Reset()
		links = 0
	}
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			if inLink {
				links += utf8.RuneCountInString(strings.TrimSpace(n.Data))
			}
			return
		case html.ElementNode:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, inLink)
			}
			return
		}
		switch n.DataAtom {
		case atom.Br, atom.Hr:
			flush()
			return
		case atom.Script, atom.Style, atom.Template:
			return
		}
		isBlock := !inline[n.DataAtom]
		if isBlock {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink || n.DataAtom == atom.A)
		}
		if isBlock {
			flush()
		}
	}
	walk(n, false)
	flush()
	return out
}

// inline are the phrasing elements that run on within a paragraph.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Cite: true, atom.Code: true,
	atom.Data: true, atom.Del: true, atom.Dfn: true, atom.Em: true, atom.Font: true, atom.I: true, atom.Ins: true,
	atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true,
	atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true, atom.Wbr: true,
	atom.Tt: true, atom.Big: true, atom.Strike: true, atom.Nobr: true,
}

// prose reports whether a paragraph reads as the article's prose.
func prose(text string, linkChars int) bool {
	n := utf8.RuneCountInString(text)
	words := wordCount(text)
	switch {
	case n == 0 || words < minWords:
		return false
	case float64(linkChars) > maxLinkShare*float64(n):
		return false
	case !endsSentence(text) && words < unpunctuatedWords:
		return false
	}
	return true
}

// endsSentence reports whether text ends as a sentence does: with ".",
// "!", "?" or "…", perhaps inside closing quotes or brackets.
func endsSentence(text string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"')]»’”`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func wordCount(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// textOf is the text of n and its descendants.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// cleanSpace collapses white space (non-breaking spaces too) to single
// spaces and drops soft hyphens and zero-width characters.
func cleanSpace(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// extractPlain reads a text/plain page as an article file: a title line
// when it has one, and paragraphs between blank lines (or one a line when
// there are no blank lines), as corpus.Parse reads a file.
func extractPlain(text string) extracted {
	title, body := corpus.SplitTitle(text)
	out := extracted{title: cleanSpace(title)}
	sep := "\n"
	if strings.Contains(strings.TrimSpace(body), "\n\n") {
		sep = "\n\n"
	}
	for _, p := range strings.Split(body, sep) {
		if p = cleanSpace(p); p != "" {
			out.paragraphs = append(out.paragraphs, p)
		}
	}
	return out
}
