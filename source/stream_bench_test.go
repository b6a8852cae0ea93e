package source

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/pipeline"
)

// benchStream reads in as kind k b.N times and reports documents a second.
func benchStream(b *testing.B, in string, k Kind, docs int) {
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		ch := make(chan pipeline.Item, 64)
		go func() {
			readStream(strings.NewReader(in), "bench", k, Options{Offline: true}, ch)
			close(ch)
		}()
		n := 0
		for it := range ch {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
		}
		if n != docs {
			b.Fatalf("%d documents, want %d", n, docs)
		}
	}
	b.ReportMetric(float64(docs*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkReadFeed: a 1,000-item feed read offline (the items' own text).
func BenchmarkReadFeed(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<rss version="2.0"><channel><title>Wire</title>`)
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&sb, "<item><title>Bulletin %d</title><guid>b%d</guid><pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate><description><![CDATA[<p>Bulletin %d. The committee met again on Tuesday, its chair said.</p><p>\"We will vote next week,\" she told reporters.</p>]]></description></item>\n", i, i, i)
	}
	sb.WriteString(`</channel></rss>`)
	benchStream(b, sb.String(), Feed, 1000)
}

// BenchmarkReadWARC: 100 copies of the test crawl's records (200 HTML pages
// read by the HTML reader, 800 records skipped).
func BenchmarkReadWARC(b *testing.B) {
	benchStream(b, strings.Repeat(strings.Join(testWARC(), ""), 100), WARC, 200)
}
