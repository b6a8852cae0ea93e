package source

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"
)

// warcRec writes one WARC record.
func warcRec(typ, uri, contentType, block string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n", typ, len(block)+len(uri))
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: 2024-05-02T11:15:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", contentType, len(block), block)
	return b.String()
}

// httpResp writes an archived HTTP response.
func httpResp(status, headers, body string) string {
	return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body
}

func gzipped(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

func chunked(s string) string {
	half := len(s) / 2
	return fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", half, s[:half], len(s)-half, s[half:])
}

// A page with no date of its own: the WARC-Date stands in.
const undatedPage = `<html><head><title>Bridge vote delayed</title></head><body><article>
<p>The town council delayed its vote on the new bridge by a month, the mayor said on Wednesday.</p>
<p>"We need the engineers' report first," said councillor Ines Barro, who chairs the works committee.</p>
</article></body></html>`

const httpMsg = "application/http; msgtype=response"

// testWARC is a crawl written for these tests: two HTML pages (one plain,
// one chunked and gzip-encoded), and records of every kind to skip. It
// returns the records, to be joined plainly or gzipped one by one.
func testWARC() []string {
	return []string{
		warcRec("warcinfo", "", "application/warc-fields", "software: dossier-test\r\nformat: WARC File Format 1.1\r\n"),
		warcRec("request", "https://gazette.example/harbour", "application/http; msgtype=request", "GET /harbour HTTP/1.1\r\nHost: gazette.example\r\n\r\n"),
		warcRec("response", "https://gazette.example/harbour", httpMsg,
			httpResp("200 OK", fmt.Sprintf("Content-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n", len(testPage)), testPage)),
		warcRec("metadata", "https://gazette.example/harbour", "application/warc-fields", "outlink: https://gazette.example/\r\n"),
		warcRec("response", "https://gazette.example/logo.png", httpMsg, httpResp("200 OK", "Content-Type: image/png\r\nContent-Length: 4\r\n", "\x89PNG")),
		warcRec("response", "https://gazette.example/old", httpMsg, httpResp("301 Moved Permanently", "Location: /new\r\nContent-Length: 0\r\n", "")),
		warcRec("response", "https://gazette.example/missing", httpMsg, httpResp("404 Not Found", "Content-Type: text/html\r\nContent-Length: 9\r\n", "not found")),
		warcRec("response", "<https://gazette.example/bridge>", httpMsg,
			httpResp("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", chunked(gzipped(undatedPage)))),
		warcRec("revisit", "https://gazette.example/harbour", httpMsg, "HTTP/1.1 200 OK\r\n\r\n"),
		warcRec("response", "dns:gazette.example", "text/dns", "20240502111500\ngazette.example. 300 IN A 192.0.2.7\n"),
	}
}

func TestReadWARC(t *testing.T) {
	recs := testWARC()
	var gz strings.Builder
	for _, r := range recs {
		gz.WriteString(gzipped(r)) // one gzip member a record, as crawlers write them
	}
	for name, content := range map[string]string{"crawl.warc": strings.Join(recs, ""), "crawl.warc.gz": gz.String(), "crawl.bin": gz.String()} {
		t.Run(name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), name, []byte(content))
			var notes []string
			o := Options{Notify: func(s string) { notes = append(notes, s) }}
			items := collect(t, []string{path}, "", Auto, o)
			if len(items) != 2 {
				t.Fatalf("%d items, want 2: %+v", len(items), items)
			}
			for _, it := range items {
				if it.Err != nil {
					t.Fatalf("%s: %v", it.Source, it.Err)
				}
			}
			harbour, bridge := items[0].Doc, items[1].Doc
			if harbour.URL != "https://gazette.example/harbour" || harbour.ID != harbour.URL || !strings.Contains(harbour.Text, "cleared the channel") ||
				harbour.Published != "2024-03-05T08:00:00Z" || harbour.PublishedFrom != "html" || items[0].Source != path+" record 3" {
				t.Errorf("harbour: %+v", harbour)
			}
			if bridge.URL != "https://gazette.example/bridge" || !strings.Contains(bridge.Text, "engineers' report") ||
				bridge.Published != "2024-05-02T11:15:00Z" || bridge.PublishedFrom != "warc" || bridge.Title != "Bridge vote delayed" {
				t.Errorf("bridge: %+v", bridge)
			}
			want := "10 WARC record(s): 2 HTML page(s) read, 0 failed, 8 skipped (1 metadata, 1 request, 1 response not HTML, 1 response not HTTP, 1 response redirect (3xx), 1 response status 4xx, 1 revisit, 1 warcinfo)"
			if len(notes) != 1 || !strings.HasSuffix(notes[0], want) {
				t.Errorf("notes %q, want %q", notes, want)
			}
		})
	}
}

func TestReadWARCBad(t *testing.T) {
	recs := testWARC()
	plain := strings.Join(recs, "")
	cutAt := len(strings.Join(recs[:7], "")) + 200 // inside the eighth record's block
	var gz strings.Builder
	for _, r := range recs {
		gz.WriteString(gzipped(r))
	}
	gzCut := gz.String()[:len(gz.String())-len(gzipped(recs[9]))-len(gzipped(recs[8]))-40] // inside the eighth member
	cases := []struct {
		name, file, content string
		docs                int
		wantErr             string
	}{
		{"cut mid-record", "a.warc", plain[:cutAt], 1, "record 8 (https://gazette.example/bridge) is cut short"},
		{"cut mid-header", "b.warc", plain[:len(strings.Join(recs[:3], ""))+30], 1, "record 4 is cut short"},
		{"gzip cut mid-member", "c.warc.gz", gzCut, 1, "cut short"},
		{"gz that is not gzip", "d.warc.gz", plain, 0, "not gzip"},
		{"gz of text", "e.warc.gz", "these are notes about a crawl, not an archive", 0, "not gzip"},
		{"not a WARC", "f.warc", "<html><body>a page</body></html>", 0, "does not start with a WARC version line"},
		{"no content length", "g.warc", "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody", 0, "no valid Content-Length"},
		{"damaged gzip", "h.warc.gz", gz.String()[:200] + strings.Repeat("\x00\xff", 50) + gz.String()[300:], 0, "gzip"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), c.file, []byte(c.content))
			checkStopped(t, collect(t, []string{path}, "", Auto, Options{}), c.docs, c.wantErr)
		})
	}
}

func TestHTTPPayload(t *testing.T) {
	body := "<html><body><p>The ferry sailed.</p></body></html>"
	cases := []struct {
		name, in string
		want     string
	}{
		{"plain", httpResp("200 OK", fmt.Sprintf("Content-Length: %d\r\n", len(body)), body), body},
		{"shorter than its length", httpResp("200 OK", fmt.Sprintf("Content-Length: %d\r\n", len(body)+100), body), body},
		{"no length", httpResp("200 OK", "", body), body},
		{"chunked", httpResp("200 OK", "Transfer-Encoding: chunked\r\n", chunked(body)), body},
		{"chunked header, body already de-chunked", httpResp("200 OK", "Transfer-Encoding: chunked\r\n", body), body},
		{"gzip", httpResp("200 OK", "Content-Encoding: gzip\r\n", gzipped(body)), body},
		{"brotli: not decoded", httpResp("200 OK", "Content-Encoding: br\r\n", "\x1b\x00"), ""},
	}
	for _, c := range cases {
		_, got, err := httpPayload([]byte(c.in), 1<<20)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: got %q, %v", c.name, got, err)
		}
	}
}
