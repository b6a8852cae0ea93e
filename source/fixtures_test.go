package source

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite source/testdata/crawl.warc.gz and wire.rss")

// wireFeed is a feed of items without links, read the same offline and on
// line, for tests of ingest and extract beyond this package.
const wireFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Coastal Wire</title>
<item><title>Storm closes coast road</title><guid>coastal-wire-101</guid><pubDate>Mon, 04 Mar 2024 07:10:00 GMT</pubDate>
<description><![CDATA[<p>Police closed the coast road on Monday after the storm brought down power lines, a spokesperson said.</p><p>"Stay away from the cliffs," said Inspector Tomas Lind, adding that the road would reopen once crews had made the lines safe.</p>]]></description></item>
<item><title>Harbour reopens</title><guid>coastal-wire-102</guid><pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
<description><![CDATA[<p>The harbour of Lakeport reopened on Tuesday after three days of closure, the port authority said.</p><p>Two fishing boats were lost in the storm, officials said.</p>]]></description></item>
<item><title>Council meets on repairs</title><guid>coastal-wire-103</guid><pubDate>Thu, 07 Mar 2024 18:00:00 GMT</pubDate>
<description><![CDATA[<p>The town council approved 2 million crowns for storm repairs on Thursday, its chair Mara Quist said.</p>]]></description></item>
</channel></rss>
`

// TestFixtures checks the fixture files other packages' tests read (and
// writes them with -update): a gzipped WARC of the records of testWARC,
// one gzip member a record, and a feed.
func TestFixtures(t *testing.T) {
	warcPath, feedPath := filepath.Join("testdata", "crawl.warc.gz"), filepath.Join("testdata", "wire.rss")
	if *update {
		var gz strings.Builder
		for _, r := range testWARC() {
			gz.WriteString(gzipped(r))
		}
		if err := os.WriteFile(warcPath, []byte(gz.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(feedPath, []byte(wireFeed), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items := collect(t, []string{warcPath, feedPath}, "", Auto, Options{Offline: true})
	if len(items) != 5 {
		t.Fatalf("%d items, want 2 pages and 3 feed items", len(items))
	}
	for _, it := range items {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Source, it.Err)
		}
	}
}
