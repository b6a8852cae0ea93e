package source

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// feedItem is one item (RSS) or entry (Atom) of a feed, as written.
type feedItem struct {
	n       int // 1-based position in the feed
	title   string
	link    string
	guid    string
	date    string // as written: pubDate, published, updated or dc:date
	content string // the item's own text: content:encoded or Atom content, else description or summary
	html    bool   // content is HTML (RSS descriptions and Atom type="html"/"xhtml" are)
}

// feedReader reads a feed one item at a time with encoding/xml's token
// stream, so that memory holds one item, not the feed: a feed of 100,000
// items reads in the memory of one.
type feedReader struct {
	dec   *xml.Decoder
	in    *itemLimit
	title string // the feed's title, once seen
	kind  string // "rss", "atom" or "rdf"
	stack []string
	n     int
}

// Namespaces whose elements are read; elements of other namespaces
// (media:title, itunes:summary...) are skipped.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsRSS1    = "http://purl.org/rss/1.0/"
	nsRSS09   = "http://my.netscape.com/rdf/simple/0.9/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
)

// newFeedReader reads up to the feed's root element. An input that is not
// XML, or whose root is not rss, feed or rdf:RDF, is one clear error.
// maxItem caps the bytes of one item.
func newFeedReader(r io.Reader, maxItem int64) (*feedReader, error) {
	in := &itemLimit{r: r, max: maxItem}
	dec := xml.NewDecoder(in)
	// Feeds in the wild carry HTML entities and stray markup; read them
	// as a browser would rather than give up.
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel
	fr := &feedReader{dec: dec, in: in}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil, errors.New("not a feed: no XML element in it; pass an RSS or Atom feed")
		}
		if err != nil {
			return nil, fmt.Errorf("not a feed: not XML (%v); pass an RSS or Atom feed", err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return nil, errors.New("not a feed: it starts with text, not XML; pass an RSS or Atom feed")
			}
		case xml.StartElement:
			switch strings.ToLower(t.Name.Local) {
			case "rss":
				fr.kind = "rss"
			case "feed":
				fr.kind = "atom"
			case "rdf":
				fr.kind = "rdf"
			default:
				return nil, fmt.Errorf("not a feed: the XML's root element is <%s>, not <rss> or <feed>; pass an RSS or Atom feed", t.Name.Local)
			}
			fr.stack = append(fr.stack, strings.ToLower(t.Name.Local))
			return fr, nil
		}
	}
}

// next returns the next item, or io.EOF after the last. Any other error
// ends the feed: the XML is broken past that point.
func (fr *feedReader) next() (*feedItem, error) {
	for {
		fr.in.reset()
		tok, err := fr.dec.Token()
		if err == io.EOF {
			if len(fr.stack) > 0 {
				return nil, fmt.Errorf("the feed ends inside <%s> after %d items: it was cut short", fr.stack[len(fr.stack)-1], fr.n)
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, fmt.Errorf("broken XML after %d items: %v", fr.n, fr.in.explain(err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			parent := "" // past the root's end: anything more is skipped
			if len(fr.stack) > 0 {
				parent = fr.stack[len(fr.stack)-1]
			}
			switch {
			case (name == "item" || name == "entry") && parent != "":
				fr.n++
				it, err := fr.item(t)
				if err != nil {
					return nil, fmt.Errorf("item %d: %v", fr.n, fr.in.explain(err))
				}
				return it, nil
			case name == "title" && fr.title == "" && (parent == "channel" || parent == "feed") && core(t.Name.Space):
				var v field
				if err := fr.dec.DecodeElement(&v, &t); err != nil {
					return nil, fmt.Errorf("the feed's title: %v", fr.in.explain(err))
				}
				fr.title = v.text()
			case parent == "rss" || parent == "rdf" || name == "channel":
				fr.stack = append(fr.stack, name)
			default:
				if err := fr.dec.Skip(); err != nil {
					return nil, fmt.Errorf("broken XML after %d items: %v", fr.n, fr.in.explain(err))
				}
			}
		case xml.EndElement:
			if len(fr.stack) > 0 {
				fr.stack = fr.stack[:len(fr.stack)-1]
			}
		}
	}
}

// core says whether an element's namespace is the feed format's own (no
// namespace, Atom, RSS 1.0 or 0.9), not an extension's. Without its
// declaration, encoding/xml gives a prefix as the space: "media".
func core(space string) bool {
	switch space {
	case "", nsAtom, nsRSS1, nsRSS09, "atom":
		return true
	}
	return false
}

// field is one element of an item, decoded whole.
type field struct {
	Type  string `xml:"type,attr"`
	Href  string `xml:"href,attr"`
	Rel   string `xml:"rel,attr"`
	Text  string `xml:",chardata"`
	Inner string `xml:",innerxml"`
}

func (f *field) text() string { return strings.Join(strings.Fields(f.Text), " ") }

// item reads one item or entry, the start tag already read.
func (fr *feedReader) item(start xml.StartElement) (*feedItem, error) {
	it := &feedItem{n: fr.n}
	var description, content string
	var descHTML, contentHTML bool
	var dates [4]string // in order of trust: published, pubDate, dc:date, updated
	for {
		tok, err := fr.dec.Token()
		if err != nil {
			if err == io.EOF {
				err = errors.New("the feed ends inside it: it was cut short")
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			it.content, it.html = content, contentHTML
			if strings.TrimSpace(it.content) == "" {
				it.content, it.html = description, descHTML
			}
			for _, d := range dates {
				if d != "" {
					it.date = d
					break
				}
			}
			return it, nil
		case xml.StartElement:
			var f field
			if err := fr.dec.DecodeElement(&f, &t); err != nil {
				return nil, err
			}
			name, space := strings.ToLower(t.Name.Local), t.Name.Space
			switch {
			case space == nsDC || space == "dc":
				if name == "date" {
					dates[2] = f.text()
				}
			case space == nsContent || space == "content":
				if name == "encoded" {
					content, contentHTML = f.Text, true
				}
			case !core(space):
			case name == "title":
				it.title = f.text()
				if f.Type == "xhtml" || f.Type == "html" {
					it.title = strings.Join(strings.Fields(htmlText(fragmentOf(&f))), " ")
				}
			case name == "link":
				switch {
				case f.Href != "" && (f.Rel == "" || f.Rel == "alternate"):
					it.link = strings.TrimSpace(f.Href)
				case f.Href == "" && it.link == "":
					it.link = f.text()
				}
			case name == "guid" || name == "id":
				it.guid = f.text()
			case name == "published":
				dates[0] = f.text()
			case name == "pubdate":
				dates[1] = f.text()
			case name == "updated":
				dates[3] = f.text()
			case name == "content":
				content, contentHTML = fragmentOf(&f), f.Type != "text" && f.Type != ""
			case name == "description":
				description, descHTML = f.Text, true
			case name == "summary":
				description, descHTML = fragmentOf(&f), f.Type == "html" || f.Type == "xhtml"
			}
		}
	}
}

// fragmentOf is an element's content as text or markup: Atom's
// type="xhtml" holds markup as child elements, every other form holds it
// (or plain text) as character data.
func fragmentOf(f *field) string {
	if f.Type == "xhtml" {
		return f.Inner
	}
	return f.Text
}

// itemLimit caps the bytes read between two resets (one item, or what lies
// between items), so that one enormous element cannot exhaust memory.
type itemLimit struct {
	r         io.Reader
	max, read int64
	over      bool
}

var errItemTooLarge = errors.New("over the size limit for one item")

func (l *itemLimit) Read(p []byte) (int, error) {
	if l.read > l.max {
		l.over = true
		return 0, errItemTooLarge
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

func (l *itemLimit) reset() { l.read = 0 }

// explain says why the decoder stopped, naming the limit when it was that.
func (l *itemLimit) explain(err error) error {
	var se *xml.SyntaxError
	switch {
	case l.over:
		return fmt.Errorf("one item is over %s: the feed is not read further (raise --max-bytes if its items are really this large)", size(l.max))
	case errors.As(err, &se) && se.Msg == "unexpected EOF":
		return fmt.Errorf("the feed ends part way through, on line %d: it was cut short", se.Line)
	}
	return err
}
