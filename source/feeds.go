package source

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/pipeline"
)

// feedWindow is how many of a feed's pages are fetched at once (the
// client's per-host limit still holds); results keep the feed's order.
const feedWindow = 8

// readFeed reads an RSS or Atom feed and sends one item per feed item, in
// order. Each item's page is fetched and read as HTML; when it cannot be
// had (an error, a refused address, not HTML, or Options.Offline), the
// item's own content or description is the text, and a warning on the
// document says why. The item's title, link and date, and the feed's
// title as the outlet, go into the document. A feed that is not XML is one
// error; XML that breaks part way is an error after the items before it.
func readFeed(r io.Reader, name string, o Options, out chan<- pipeline.Item) {
	fr, err := newFeedReader(r, 4*o.maxBytes())
	if err != nil {
		out <- pipeline.Item{Source: name, ID: name, Err: err}
		return
	}
	if !o.Offline {
		o = o.withFetcher() // Read made one; a caller of readStream alone may not have
	}
	q := newOrdered(feedWindow, out)
	var tally feedTally
	for {
		it, err := fr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			q.submit(func() pipeline.Item {
				return pipeline.Item{Source: name, ID: name, Err: fmt.Errorf("%v; the items before it were read", err)}
			})
			break
		}
		outlet := fr.title
		q.submit(func() pipeline.Item { return feedDoc(it, name, outlet, o, &tally) })
	}
	q.wait()
	if fr.n > 0 {
		o.notify("%s: %s", name, tally.String(fr.n))
	}
}

// feedDoc makes the document of one feed item.
func feedDoc(it *feedItem, name, outlet string, o Options, tally *feedTally) pipeline.Item {
	id := it.link
	if id == "" {
		id = it.guid
	}
	if id == "" {
		id = fmt.Sprintf("%s#%d", name, it.n)
	}
	src := fmt.Sprintf("%s item %d", name, it.n)
	res := pipeline.Item{Source: src, ID: id}
	var d *doc.Document
	why := ""
	switch {
	case it.link == "":
		why = "the item has no link"
	case o.Offline:
		why = "reading is offline"
	default:
		d, why = fetchPage(it.link, id, src, o)
	}
	if d != nil {
		tally.add("page", "")
	} else {
		text := it.content
		if it.html {
			text = htmlText(text)
		}
		clean, warns, err := CleanText([]byte(strings.TrimSpace(text)), o.maxBytes())
		if err != nil {
			tally.add("failed", why)
			res.Err = fmt.Errorf("no text: %s, and the feed's own text for it is unusable (%v)", why, err)
			return res
		}
		tally.add("feed", why)
		d = newDoc(id, src, clean, warns, o)
		if it.link != "" {
			d.Warnings = append(d.Warnings, "the page could not be read ("+why+"): the text is the feed's own summary or content for this item")
		}
	}
	if it.title != "" {
		d.Title = it.title // the headline as the outlet gives it, without the page's " - Outlet" suffix
	}
	d.URL = it.link
	d.Outlet = outlet
	if o.Published == "" && it.date != "" {
		if p, ok := feedDate(it.date); ok {
			d.Published, d.PublishedFrom = p, "feed"
		} else {
			d.Warnings = append(d.Warnings, fmt.Sprintf("the feed's date %q is not a date Dossier can read; it is kept here, not used", it.date))
		}
	}
	res.Doc = d
	return res
}

// fetchPage fetches and reads an item's page. It returns the document, or
// why there is none.
func fetchPage(link, id, src string, o Options) (*doc.Document, string) {
	resp, b, err := o.Fetcher.Get(context.Background(), link, o.maxBytes())
	if err != nil {
		return nil, err.Error()
	}
	if k, _ := mediaKind(resp.MediaType); k != HTML && !(k == Auto && sniff(b) == HTML) {
		return nil, fmt.Sprintf("%s is %s, not an HTML page", link, orNone(resp.MediaType))
	}
	o.contentType = resp.ContentType
	d, err := ParseHTML(b, id, src, o)
	if err != nil {
		return nil, fmt.Sprintf("%s: %v", link, err)
	}
	return d, ""
}

func orNone(mt string) string {
	if mt == "" {
		return "of no stated type"
	}
	return mt
}

// feedDate reads a feed's date (RFC 822/1123 in RSS, RFC 3339 in Atom, and
// the variants found in the wild) into the form Dossier keeps.
func feedDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if f := strings.Fields(s); len(f) > 0 {
		if off, ok := zoneNames[f[len(f)-1]]; ok {
			s = strings.Join(append(f[:len(f)-1], off), " ")
		}
	}
	for _, l := range feedDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return formatTime(t), true
		}
	}
	return "", false
}

var feedDateLayouts = []string{
	time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04 -0700", "2 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 06 15:04:05 -0700", "Monday, 02-Jan-06 15:04:05 -0700", "Mon, 2 January 2006 15:04:05 -0700",
	time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04:05-0700", "2006-01-02 15:04:05", "2006-01-02",
}

// zoneNames are the zone abbreviations RFC 822 allows, as offsets: Go's
// parser would otherwise take an unknown abbreviation as UTC.
var zoneNames = map[string]string{
	"GMT": "+0000", "UT": "+0000", "UTC": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
}

// feedTally counts how a feed's items were read, for the note at the end.
type feedTally struct {
	mu       sync.Mutex
	page     int
	feed     int
	failed   int
	problems map[string]int
}

var urlInReason = regexp.MustCompile(`https?://\S+`)

func (t *feedTally) add(kind, why string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch kind {
	case "page":
		t.page++
	case "feed":
		t.feed++
	default:
		t.failed++
	}
	if why != "" {
		if t.problems == nil {
			t.problems = map[string]int{}
		}
		why = urlInReason.ReplaceAllString(why, "URL") // group alike reasons
		if len(t.problems) < 20 || t.problems[why] > 0 {
			t.problems[why]++
		}
	}
}

func (t *feedTally) String(n int) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := fmt.Sprintf("%d feed item(s): %d read from their pages, %d from the feed's own text, %d with no text", n, t.page, t.feed, t.failed)
	if len(t.problems) > 0 {
		var whys []string
		for w := range t.problems {
			whys = append(whys, w)
		}
		sort.Slice(whys, func(i, j int) bool {
			return t.problems[whys[i]] > t.problems[whys[j]] || (t.problems[whys[i]] == t.problems[whys[j]] && whys[i] < whys[j])
		})
		if len(whys) > 3 {
			whys = whys[:3]
		}
		for i, w := range whys {
			whys[i] = fmt.Sprintf("%d× %s", t.problems[w], w)
		}
		s += "; pages not read: " + strings.Join(whys, "; ")
	}
	return s
}

// htmlText turns an HTML fragment (a feed's description) into text:
// block elements become paragraphs separated by a blank line, <br> a line
// break; scripts and styles are dropped.
func htmlText(fragment string) string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return fragment
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := strings.Join(strings.Fields(cur.String()), " "); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "br":
				cur.WriteString(" ")
				return
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

var blockElements = map[string]bool{
	"p": true, "div": true, "li": true, "ul": true, "ol": true, "blockquote": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "pre": true, "table": true, "tr": true, "section": true,
	"article": true, "figure": true, "figcaption": true, "header": true, "footer": true, "dl": true, "dd": true, "dt": true,
}

// ordered runs jobs concurrently, at most n at once, and sends their
// results in the order the jobs were submitted: memory holds at most n
// results, however long the stream.
type ordered struct {
	queue chan chan pipeline.Item
	done  chan struct{}
}

func newOrdered(n int, out chan<- pipeline.Item) *ordered {
	q := &ordered{queue: make(chan chan pipeline.Item, n), done: make(chan struct{})}
	go func() {
		defer close(q.done)
		for res := range q.queue {
			out <- <-res
		}
	}()
	return q
}

// submit starts job, waiting while n results are pending.
func (q *ordered) submit(job func() pipeline.Item) {
	res := make(chan pipeline.Item, 1)
	q.queue <- res
	go func() { res <- job() }()
}

// wait returns once every result has been sent.
func (q *ordered) wait() {
	close(q.queue)
	<-q.done
}
