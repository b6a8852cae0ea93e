package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	cases := []struct {
		addr string
		want string // "" for public; else a word of the reason
	}{
		{"93.184.216.34", ""},
		{"8.8.8.8", ""},
		{"2606:4700::1111", ""},
		{"127.0.0.1", "loopback"},
		{"127.9.9.9", "loopback"},
		{"::1", "loopback"},
		{"10.1.2.3", "RFC 1918"},
		{"172.16.0.1", "RFC 1918"},
		{"172.31.255.255", "RFC 1918"},
		{"172.32.0.1", ""},
		{"192.168.1.1", "RFC 1918"},
		{"169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"100.64.0.1", "carrier-grade"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"224.0.0.1", "multicast"},
		{"ff02::1", "multicast"},
		{"fd00::1", "unique local"},
		{"255.255.255.255", "broadcast"},
		{"::ffff:10.0.0.1", "RFC 1918"},   // IPv4-mapped
		{"64:ff9b::a00:1", "RFC 1918"},    // NAT64 of 10.0.0.1
		{"2002:c0a8:101::1", "RFC 1918"},  // 6to4 of 192.168.1.1
		{"64:ff9b::808:808", ""},          // NAT64 of 8.8.8.8
		{"198.18.0.1", "benchmarking"},    // RFC 2544
		{"192.0.2.1", "documentation"},    // TEST-NET-1
		{"2001:db8::1", "documentation"},  // IPv6 documentation
		{"2001:0:4136:e378::1", "Teredo"}, // Teredo
		{"100.128.0.1", ""},               // just past CGNAT
		{"11.0.0.1", ""},                  // just past 10/8
		{"192.169.0.1", ""},               // just past 192.168/16
		{"2a00:1450:4001:80b::200e", ""},  // public IPv6
		{"::ffff:93.184.216.34", ""},      // mapped public
		{"fec0::1", "site-local"},         // deprecated
		{"0.1.2.3", "unspecified"},        // 0/8
		{"240.1.1.1", "reserved"},         // class E
		{"100::1", "discard"},             // discard-only
		{"192.0.0.8", "IETF"},             // protocol assignments
		{"203.0.113.9", "documentation"},  // TEST-NET-3
		{"198.51.100.7", "documentation"}, // TEST-NET-2
		{"192.88.99.1", "6to4 relay"},     // deprecated anycast
		{"::a00:1", "IPv4-compatible"},    // deprecated form
		{"2002:808:808::1", ""},           // 6to4 of a public address
		{"169.253.255.255", ""},           // just before link-local
		{"126.255.255.255", ""},           // just before loopback
		{"128.0.0.1", ""},                 // just after loopback
		{"223.255.255.255", ""},           // just before multicast
		{"fbff:ffff::1", ""},              // just before fc00::/7 (global unicast? no: reserved, but not blocked)
		{"fe00::1", ""},                   // between fc00::/7 and fe80::/10: not assigned, not blocked
		{"2001:200::1", ""},               // just past 2001::/23
		{"64:ff9b::7f00:1", "loopback"},   // NAT64 of 127.0.0.1
		{"::ffff:127.0.0.1", "loopback"},  // mapped loopback
		{"::ffff:169.254.1.1", "link-local"},
		{"fe80::1%eth0", "link-local"}, // a zone must not hide the range
		{"ff02::1%lo", "multicast"},
	}
	for _, c := range cases {
		got := Classify(netip.MustParseAddr(c.addr))
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("Classify(%s) = %q, want %q", c.addr, got, c.want)
		}
	}
}

// client makes a client with short limits for tests.
func client(allowPrivate bool) *Client {
	return New(Options{AllowPrivate: allowPrivate, Connect: 2 * time.Second, Headers: 2 * time.Second,
		Total: 3 * time.Second, RetryWait: 10 * time.Millisecond})
}

func TestGet(t *testing.T) {
	var ua atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		io.WriteString(w, "<html><body><p>The council met on Monday.</p></body></html>")
	}))
	defer srv.Close()
	r, b, err := client(true).Get(context.Background(), srv.URL+"/a", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if r.MediaType != "text/html" || r.Charset != "utf-8" || !strings.Contains(string(b), "council") {
		t.Errorf("got %q %q %q", r.MediaType, r.Charset, b)
	}
	if got := ua.Load().(string); !strings.HasPrefix(got, "Dossier/") {
		t.Errorf("User-Agent %q does not name Dossier", got)
	}
}

func TestPrivateRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "secret")
	}))
	defer srv.Close()
	localhost := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) // a name, resolved to loopback
	for _, u := range []string{srv.URL, localhost} {
		_, _, err := client(false).Get(context.Background(), u, 1<<20)
		var pe *PrivateAddressError
		if !errors.As(err, &pe) {
			t.Fatalf("%s: want a refusal, got %v", u, err)
		}
		for _, want := range []string{"127.0.0.1", "loopback", "--allow-private"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: error %q does not say %q", u, err, want)
			}
		}
	}
	if _, _, err := client(true).Get(context.Background(), srv.URL, 1<<20); err != nil {
		t.Errorf("with AllowPrivate: %v", err)
	}
}

// A public-looking first hop that redirects to a private address is caught
// at dial time. The first hop here is itself on loopback, so the test uses
// a client whose guard lets exactly that first address through.
func TestRedirectToPrivateRefused(t *testing.T) {
	inner := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "inner") }))
	defer inner.Close()
	outer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, strings.Replace(inner.URL, "127.0.0.1", "127.0.0.2", 1), http.StatusFound)
	}))
	defer outer.Close()
	c := client(false)
	// Let the guard pass 127.0.0.1 only, as if it were public; 127.0.0.2 stays refused.
	tr := c.hc.Transport.(*http.Transport)
	d := newDialer(c.o, func(addr netip.Addr) string {
		if addr == netip.MustParseAddr("127.0.0.1") {
			return ""
		}
		return Classify(addr)
	})
	tr.DialContext = d.DialContext
	_, _, err := c.Get(context.Background(), outer.URL, 1<<20)
	var pe *PrivateAddressError
	if !errors.As(err, &pe) || pe.Addr != "127.0.0.2" {
		t.Fatalf("want 127.0.0.2 refused after the redirect, got %v", err)
	}
}

func TestStatus500(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.Error(w, "broken", http.StatusInternalServerError)
	}))
	defer srv.Close()
	_, _, err := client(true).Get(context.Background(), srv.URL, 1<<20)
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 500 || !strings.Contains(err.Error(), "500") {
		t.Fatalf("want a 500 error, got %v", err)
	}
	if n.Load() != 1 {
		t.Errorf("a 500 was tried %d times; it is not retried", n.Load())
	}
}

func TestRetry503(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) < 3 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	_, b, err := client(true).Get(context.Background(), srv.URL, 1<<20)
	if err != nil || string(b) != "ok" || n.Load() != 3 {
		t.Fatalf("got %q, %v after %d tries; want ok after 3", b, err, n.Load())
	}
}

func TestTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}))
	defer srv.Close()
	c := New(Options{AllowPrivate: true, Headers: 200 * time.Millisecond, Total: time.Second})
	start := time.Now()
	_, _, err := c.Get(context.Background(), srv.URL, 1<<20)
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("want a timeout, got %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("the timeout took %s", time.Since(start))
	}
}

// A body that trickles on past the whole-request limit is cut.
func TestTimeoutInBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for {
			if _, err := io.WriteString(w, "x"); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}))
	defer srv.Close()
	c := New(Options{AllowPrivate: true, Total: 300 * time.Millisecond})
	_, _, err := c.Get(context.Background(), srv.URL, 1<<20)
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("want a timeout, got %v", err)
	}
}

// An answer that never ends (1 GB, or more) stops at the cap.
func TestSizeCap(t *testing.T) {
	var sent atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>more words</p>\n", 1000))
		for sent.Load() < 1<<30 {
			n, err := w.Write(chunk)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	const max = 1 << 20
	_, _, err := client(true).Get(context.Background(), srv.URL, max)
	var te *TooLargeError
	if !errors.As(err, &te) || !strings.Contains(err.Error(), "1.0 MB limit") {
		t.Fatalf("want the cap, got %v", err)
	}
	srv.Close() // waits for the handler: it stops once the client hangs up
	if s := sent.Load(); s > 64<<20 {
		t.Errorf("the server sent %d bytes for a 1 MB cap: the client read on", s)
	}
}

func TestContentLengthOverCap(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(1<<30))
		w.WriteHeader(200)
	}))
	defer srv.Close()
	_, _, err := client(true).Get(context.Background(), srv.URL, 1<<20)
	var te *TooLargeError
	if !errors.As(err, &te) {
		t.Fatalf("want the cap, got %v", err)
	}
}

func TestRedirects(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/%d", &n)
		if n < 10 {
			http.Redirect(w, r, fmt.Sprintf("%s/%d", srv.URL, n+1), http.StatusFound)
			return
		}
		io.WriteString(w, "arrived")
	}))
	defer srv.Close()
	r, b, err := client(true).Get(context.Background(), srv.URL+"/6", 1<<20)
	if err != nil || string(b) != "arrived" || !strings.HasSuffix(r.URL, "/10") {
		t.Errorf("4 redirects: got %v %q", err, b)
	}
	_, _, err = client(true).Get(context.Background(), srv.URL+"/0", 1<<20)
	if err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("10 redirects: want an error, got %v", err)
	}
}

func TestPerHostLimit(t *testing.T) {
	var now, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := now.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		now.Add(-1)
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	c := client(true)
	done := make(chan error)
	for i := 0; i < 8; i++ {
		go func() { _, _, err := c.Get(context.Background(), srv.URL, 1<<20); done <- err }()
	}
	for i := 0; i < 8; i++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if p := peak.Load(); p > 2 {
		t.Errorf("%d requests at once to one host; the limit is 2", p)
	}
}

func TestNotHTTP(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "example.com/page", ""} {
		if _, _, err := client(false).Get(context.Background(), u, 1<<20); err == nil || !strings.Contains(err.Error(), "not an http") {
			t.Errorf("%q: got %v", u, err)
		}
	}
}
