package source

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/dossier-news/dossier/doc"
)

// MaxElements bounds the elements of an HTML page: the parsed tree and
// readability's pass over it take about 2 KB an element, so 10 MB of
// "<p>a</p>" would take gigabytes, while a long article page has a few
// thousand. A page over the bound is refused before it is parsed.
const MaxElements = 50000

// countElements counts the start tags of page b with the HTML tokenizer,
// which builds no tree, stopping once the count passes limit.
func countElements(b []byte, limit int) int {
	z := html.NewTokenizer(bytes.NewReader(b))
	n := 0
	for n <= limit {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.StartTagToken, html.SelfClosingTagToken:
			n++
		}
	}
	return n
}

// ParseHTML extracts the main article text, title and publication date of an
// HTML page with go-readability (the maintained readeck fork; see
// docs/INPUT.md for why it was chosen over go-trafilatura). The document's
// text is the extracted article text, paragraphs separated by blank lines;
// every offset refers to that text, which the output carries.
//
// Broken HTML is parsed as browsers do; one common break that swallows a
// whole page, a <title> never closed, is repaired first and reported as a
// warning.
func ParseHTML(b []byte, id, src string, o Options) (*doc.Document, error) {
	if int64(len(b)) > o.maxBytes() {
		return nil, fmt.Errorf("page is %s, over the %s limit: raise the limit with --max-bytes", size(int64(len(b))), size(o.maxBytes()))
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return nil, ErrBinary
	}
	var warns []string
	// Pages declare their encoding; decode to UTF-8 before anything else.
	// A page that declares nothing and is valid UTF-8 is taken as UTF-8,
	// whatever the sniffer guesses.
	if enc, name, certain := charset.DetermineEncoding(b[:min(len(b), 4096)], o.htmlType(b)); name != "utf-8" && enc != nil && (certain || !utf8.Valid(b)) {
		if u, err := enc.NewDecoder().Bytes(b); err == nil {
			b = u
			warns = append(warns, "decoded the page from "+name+" to UTF-8")
		}
	}
	if fixed, ok := repairTitle(b); ok {
		b = fixed
		warns = append(warns, "repaired broken HTML: the <title> element was not closed")
	}
	if n := countElements(b, MaxElements); n > MaxElements {
		return nil, fmt.Errorf("page has more than %d elements: no article page has so many (its tree would take gigabytes); save the article's text and pass that instead", MaxElements)
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("cannot parse the HTML: %v", err)
	}
	u, _ := url.Parse("https://localhost/" + url.PathEscape(id))
	a, err := readability.FromDocument(root, u)
	if err != nil {
		return nil, fmt.Errorf("no article text found in the page (%v): pass the text itself, or check that this is an article page", err)
	}
	if a.Node != nil && linkDensity(a.Node) > maxLinkDensity {
		return nil, errors.New("no article text found in the page: what it holds is links (navigation, a list of headlines); pass an article's page or its text")
	}
	var sb strings.Builder
	if a.Node != nil {
		if err := a.RenderText(&sb); err != nil {
			return nil, fmt.Errorf("cannot render the article text: %v", err)
		}
	}
	text, cwarns, err := CleanText([]byte(strings.TrimSpace(sb.String())), o.maxBytes())
	if errors.Is(err, ErrEmpty) {
		return nil, errors.New("no article text found in the page: pass the text itself, or check that this is an article page")
	}
	if err != nil {
		return nil, err
	}
	d := newDoc(id, src, text, append(warns, cwarns...), o)
	d.Title = strings.Join(strings.Fields(a.Title()), " ")
	if o.Published == "" {
		if t, err := a.PublishedTime(); err == nil && !t.IsZero() {
			d.Published, d.PublishedFrom = formatTime(t), "html"
		} else if published := metaDate(root); published != "" {
			// readability works on a copy, so root still has its meta tags
			d.Published, d.PublishedFrom = published, "html"
		}
	}
	return d, nil
}

// maxLinkDensity: a page whose extracted text lies more than half inside
// links is navigation (a home page, a section front, a menu), not an
// article (docs/INPUT.md).
const maxLinkDensity = 0.5

// linkDensity is the share of n's text (in bytes, spaces aside) that lies
// inside <a> elements.
func linkDensity(n *html.Node) float64 {
	var all, linked int
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			k := len(strings.TrimSpace(n.Data))
			all += k
			if inLink {
				linked += k
			}
		}
		inLink = inLink || n.Type == html.ElementNode && n.Data == "a"
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	if all == 0 {
		return 0
	}
	return float64(linked) / float64(all)
}

var titleOpen = regexp.MustCompile(`(?i)<title[^>]*>`)

// repairTitle closes a <title> that is never closed. Browsers then read the
// rest of the page as the title, and so does every extractor.
func repairTitle(b []byte) ([]byte, bool) {
	loc := titleOpen.FindIndex(b)
	if loc == nil || bytes.Contains(bytes.ToLower(b[loc[1]:]), []byte("</title")) {
		return b, false
	}
	rest := b[loc[1]:]
	end := bytes.IndexByte(rest, '<')
	if end < 0 {
		return b, false
	}
	out := make([]byte, 0, len(b)+8)
	out = append(out, b[:loc[1]+end]...)
	out = append(out, "</title>"...)
	out = append(out, rest[end:]...)
	return out, true
}

func formatTime(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// metaDates are the meta names and properties that carry a publication
// date, in order of trust.
var metaDates = []string{"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
	"publish-date", "publication_date", "sailthru.date", "parsely-pub-date", "dc.date.issued", "dc.date", "dcterms.date", "date"}

var dateLayoutsLoose = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02", "20060102", "2006/01/02", "January 2, 2006", "2 January 2006", "Jan 2, 2006"}

// metaDate finds a publication date in meta tags and <time datetime> when
// readability finds none.
func metaDate(root *html.Node) string {
	found := map[string]string{}
	var timeAttr string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				var key, content string
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "name", "property", "itemprop":
						key = strings.ToLower(a.Val)
					case "content":
						content = a.Val
					}
				}
				if key != "" && content != "" {
					if _, ok := found[key]; !ok {
						found[key] = content
					}
				}
			case "time":
				for _, a := range n.Attr {
					if a.Key == "datetime" && timeAttr == "" {
						timeAttr = a.Val
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, k := range metaDates {
		if v, ok := found[k]; ok {
			if s := parseLoose(v); s != "" {
				return s
			}
		}
	}
	return parseLoose(timeAttr)
}

func parseLoose(s string) string {
	s = strings.TrimSpace(s)
	for _, l := range dateLayoutsLoose {
		if t, err := time.Parse(l, s); err == nil {
			return formatTime(t)
		}
	}
	return ""
}
