package source

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/pipeline"
)

// feedServer serves an article page, a PDF, and a feed whose items point
// at them (its address is filled in by rssFeed).
func feedServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/harbour", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, testPage)
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4")
	})
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, rssFeed(srv.URL))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// rssFeed is an RSS 2.0 feed written for these tests: an item whose page is
// HTML, one whose page is a PDF, one with no link and content:encoded, and
// one whose date is not a date.
func rssFeed(base string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Lakeport Gazette</title>
  <link>` + base + `/</link>
  <description>News from the coast</description>
  <image><title>Gazette logo</title><url>` + base + `/logo.png</url></image>
  <item>
    <title>Harbour reopens after storm</title>
    <link>` + base + `/harbour</link>
    <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
    <description>The harbour reopened on Tuesday.</description>
    <media:title>not this title</media:title>
  </item>
  <item>
    <title>Budget report published</title>
    <link>` + base + `/report.pdf</link>
    <pubDate>Wed, 6 Mar 2024 14:00:00 EST</pubDate>
    <description><![CDATA[<p>The council published its <b>budget report</b> on Wednesday.</p><p>Spending on roads rises by a tenth, the treasurer said.</p>]]></description>
  </item>
  <item>
    <title>Ferry timetable changes</title>
    <guid isPermaLink="false">gazette-4411</guid>
    <pubDate>sometime last week</pubDate>
    <content:encoded><![CDATA[<p>The ferry company said its winter timetable starts on Monday &amp; runs until April.</p>]]></content:encoded>
    <description>Short summary only.</description>
  </item>
</channel>
</rss>`
}

func TestReadFeedRSS(t *testing.T) {
	srv := feedServer(t)
	dir := t.TempDir()
	path := writeFile(t, dir, "gazette.rss", []byte(rssFeed(srv.URL)))
	var notes []string
	o := testOptions()
	o.Notify = func(s string) { notes = append(notes, s) }
	items := collect(t, []string{path}, "", Auto, o)
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}
	for _, it := range items {
		if it.Err != nil {
			t.Fatalf("%s: %v", it.Source, it.Err)
		}
		if it.Doc.Outlet != "Lakeport Gazette" {
			t.Errorf("%s: outlet %q", it.Source, it.Doc.Outlet)
		}
	}
	page, pdf, noLink := items[0].Doc, items[1].Doc, items[2].Doc
	// The page was fetched and read: its text, not the feed's description.
	if !strings.Contains(page.Text, "cleared the channel") || page.URL != srv.URL+"/harbour" || page.ID != page.URL ||
		page.Title != "Harbour reopens after storm" || page.Published != "2024-03-05T09:30:00Z" || page.PublishedFrom != "feed" {
		t.Errorf("page item: %+v", page)
	}
	// The PDF is not HTML: the description is the text, and a warning says why.
	if pdf.Text != "The council published its budget report on Wednesday.\n\nSpending on roads rises by a tenth, the treasurer said." {
		t.Errorf("pdf item text %q", pdf.Text)
	}
	if len(pdf.Warnings) != 1 || !strings.Contains(pdf.Warnings[0], "application/pdf") {
		t.Errorf("pdf item warnings %q", pdf.Warnings)
	}
	if pdf.Published != "2024-03-06T14:00:00-05:00" {
		t.Errorf("pdf item published %q", pdf.Published)
	}
	// No link: content:encoded is preferred to the description; the guid is the id; the bad date is kept in a warning.
	if noLink.ID != "gazette-4411" || noLink.Text != "The ferry company said its winter timetable starts on Monday & runs until April." ||
		noLink.Published != "" || len(noLink.Warnings) != 1 || !strings.Contains(noLink.Warnings[0], `"sometime last week"`) {
		t.Errorf("item without link: %+v", noLink)
	}
	if items[2].Source != path+" item 3" {
		t.Errorf("source %q", items[2].Source)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "3 feed item(s): 1 read from their pages, 2 from the feed's own text") {
		t.Errorf("notes %q", notes)
	}
}

// A feed given as a URL is fetched, then read like a file.
func TestReadFeedURL(t *testing.T) {
	srv := feedServer(t)
	items := collect(t, []string{srv.URL + "/feed"}, "", Auto, testOptions())
	if len(items) != 3 || items[0].Err != nil || !strings.Contains(items[0].Doc.Text, "cleared the channel") {
		t.Fatalf("got %d items: %+v", len(items), items)
	}
}

// Without --allow-private the loopback pages are refused: the items fall
// back on the feed's own text and say so.
func TestReadFeedPrivatePages(t *testing.T) {
	srv := feedServer(t)
	path := writeFile(t, t.TempDir(), "gazette.xml", []byte(rssFeed(srv.URL)))
	items := collect(t, []string{path}, "", Auto, Options{})
	d := items[0].Doc
	if items[0].Err != nil || d.Text != "The harbour reopened on Tuesday." || len(d.Warnings) != 1 ||
		!strings.Contains(d.Warnings[0], "--allow-private") || !strings.Contains(d.Warnings[0], "127.0.0.1") {
		t.Errorf("got %v %+v", items[0].Err, d)
	}
}

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Valley Courier</title>
  <updated>2024-04-02T10:00:00Z</updated>
  <entry>
    <title type="html">Dam &lt;em&gt;inspection&lt;/em&gt; finds cracks</title>
    <link rel="alternate" href="https://courier.example/dam"/>
    <link rel="enclosure" href="https://courier.example/dam.jpg"/>
    <id>urn:uuid:1d2c</id>
    <published>2024-04-01T16:20:00+02:00</published>
    <updated>2024-04-02T08:00:00+02:00</updated>
    <summary>Inspectors found cracks.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inspectors found two cracks in the north wall of the dam, the water board said.</p><p>Repairs start in May.</p></div></content>
  </entry>
  <entry>
    <title>Library extends hours</title>
    <id>urn:uuid:77aa</id>
    <updated>2024-03-30</updated>
    <summary type="html">&lt;p&gt;The town library will open on Sundays from June, its director said.&lt;/p&gt;</summary>
  </entry>
</feed>`

func TestReadFeedAtom(t *testing.T) {
	o := Options{Offline: true}
	items := collect(t, []string{writeFile(t, t.TempDir(), "courier.atom", []byte(atomFeed))}, "", Auto, o)
	if len(items) != 2 || items[0].Err != nil || items[1].Err != nil {
		t.Fatalf("got %+v", items)
	}
	dam, lib := items[0].Doc, items[1].Doc
	if dam.Title != "Dam inspection finds cracks" || dam.URL != "https://courier.example/dam" || dam.Outlet != "Valley Courier" ||
		dam.Published != "2024-04-01T16:20:00+02:00" ||
		dam.Text != "Inspectors found two cracks in the north wall of the dam, the water board said.\n\nRepairs start in May." {
		t.Errorf("dam: %+v", dam)
	}
	if len(dam.Warnings) != 1 || !strings.Contains(dam.Warnings[0], "offline") {
		t.Errorf("dam warnings %q", dam.Warnings)
	}
	if lib.ID != "urn:uuid:77aa" || lib.Published != "2024-03-30" || lib.Text != "The town library will open on Sundays from June, its director said." || len(lib.Warnings) != 0 {
		t.Errorf("library: %+v", lib)
	}
}

func TestReadFeedBad(t *testing.T) {
	cases := []struct {
		name, in string
		items    int // documents read before the error
		wantErr  string
	}{
		{"plain text", "This is a letter to the editor, not a feed.", 0, "not a feed: it starts with text"},
		{"json", `{"items": []}`, 0, "not a feed"},
		{"html", "<!doctype html><html><body><p>A page.</p></body></html>", 0, "root element is <html>"},
		{"empty", "", 0, "no XML element"},
		{"binary", "\x00\x01\x02\xff\xfe", 0, "not a feed"},
		{"truncated", `<rss><channel><title>T</title><item><title>A</title><description>First item text.</description></item><item><title>B</title><descr`, 1, "cut short"},
		{"item without text", `<rss><channel><item><title>Only a title</title></item></channel></rss>`, 0, "no text: the item has no link"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "bad.rss", []byte(c.in))
			checkStopped(t, collect(t, []string{path}, "", Auto, Options{Offline: true}), c.items, c.wantErr)
		})
	}
}

// A feed of 100,000 items is read in bounded memory: the heap, sampled as
// the items are taken, stays far below the feed's size. Every item links
// to an address that is refused at once, so each falls back on its
// description, as a feed of unreachable pages would.
func TestReadFeedHuge(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 100,000-item feed")
	}
	const n = 100_000
	path := filepath.Join(t.TempDir(), "huge.rss")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(f, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`)
	pad := strings.Repeat("The committee met again and the minutes were read aloud. ", 8)
	for i := 0; i < n; i++ {
		fmt.Fprintf(f, "<item><title>Bulletin %d</title><link>http://127.0.0.1:9/b/%d</link><description>Bulletin %d: %s</description></item>\n", i, i, i, pad)
	}
	fmt.Fprint(f, `</channel></rss>`)
	f.Close()
	fi, _ := os.Stat(path)

	ch := make(chan pipeline.Item, 64)
	go func() {
		Read([]string{path}, nil, Auto, Options{}, ch)
		close(ch)
	}()
	var peak uint64
	var ms runtime.MemStats
	got, bad := 0, 0
	for it := range ch {
		if it.Err != nil || !strings.Contains(it.Doc.Warnings[0], "--allow-private") {
			bad++
		}
		got++
		if got%10_000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	if got != n || bad != 0 {
		t.Fatalf("%d items, %d bad; want %d good", got, bad, n)
	}
	t.Logf("feed of %d MB: peak live heap %d MB", fi.Size()>>20, peak>>20)
	if peak > uint64(fi.Size())/4 {
		t.Errorf("live heap reached %d MB on a %d MB feed: the feed is not streamed", peak>>20, fi.Size()>>20)
	}
}

// checkStopped checks that a stream gave docs documents, then one error
// saying wantErr.
func checkStopped(t *testing.T, items []pipeline.Item, docs int, wantErr string) {
	t.Helper()
	if len(items) != docs+1 {
		t.Fatalf("%d items, want %d documents and one error: %+v", len(items), docs, items)
	}
	for _, it := range items[:docs] {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Source, it.Err)
		}
	}
	if err := items[docs].Err; err == nil || !strings.Contains(err.Error(), wantErr) {
		t.Errorf("want %q, got %v", wantErr, err)
	}
}
