// Package fetch is Dossier's one HTTP client: everything read from the web
// (article pages, feeds, archives) goes through it, so that the rules hold
// everywhere:
//
//   - timeouts for the connection, the answer's headers and the whole body;
//   - a size cap: a body past it fails with an error and costs no more than
//     the cap to read (a Content-Length over the cap fails before reading);
//   - at most MaxRedirects redirects, to http and https only;
//   - a User-Agent naming Dossier and its version;
//   - at most PerHost requests at once to one host;
//   - retries only where they are safe: GET, on answers that say "try again"
//     (429, 502, 503, 504) and on connections reset before an answer;
//   - addresses that are not on the public internet (loopback, RFC 1918,
//     link-local, CGNAT, unique local, multicast, ...) are refused unless
//     AllowPrivate is set. The check runs on the resolved address at dial
//     time, so a DNS name, a DNS answer that changes, or a redirect that
//     leads to a private address is caught too; environment proxies are
//     not used, since they would hide the address really dialled.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Options set the client's limits. Zero values take the defaults.
type Options struct {
	// AllowPrivate lets the client connect to loopback, private and other
	// non-public addresses (the --allow-private flag).
	AllowPrivate bool
	Connect      time.Duration // connecting, TLS included; default 10s
	Headers      time.Duration // waiting for the answer's headers; default 20s
	Total        time.Duration // the whole request, body included; default 60s
	MaxRedirects int           // default 5
	PerHost      int           // requests at once to one host; default 2
	Retries      int           // further tries after a failure that is safe to retry; default 2 (negative: none)
	RetryWait    time.Duration // first wait before a retry, doubled each time; default 500ms
	UserAgent    string        // default UserAgent()
}

func (o Options) withDefaults() Options {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.Connect, 10*time.Second)
	def(&o.Headers, 20*time.Second)
	def(&o.Total, 60*time.Second)
	def(&o.RetryWait, 500*time.Millisecond)
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.Retries == 0 {
		o.Retries = 2
	}
	if o.UserAgent == "" {
		o.UserAgent = UserAgent()
	}
	return o
}

// UserAgent is the User-Agent Dossier sends: its name, its version (from
// the build information: a tag or a commit) and where to read about it.
func UserAgent() string {
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	return "Dossier/" + v + " (news reader; +https://github.com/dossier-news/dossier)"
}

// Client fetches URLs under the rules above. It is safe for concurrent use;
// share one per run so that the per-host limit holds.
type Client struct {
	o     Options
	hc    *http.Client
	mu    sync.Mutex
	hosts map[string]chan struct{}
}

// New makes a client.
func New(o Options) *Client {
	o = o.withDefaults()
	d := newDialer(o, Classify)
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would hide the address dialled from the guard
		DialContext:           d.DialContext,
		TLSHandshakeTimeout:   o.Connect,
		ResponseHeaderTimeout: o.Headers,
		MaxIdleConnsPerHost:   o.PerHost,
		MaxConnsPerHost:       o.PerHost,
		IdleConnTimeout:       60 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	c := &Client{o: o, hosts: map[string]chan struct{}{}}
	c.hc = &http.Client{
		Transport: tr, // the whole-request timeout is the context's (Open), so it also bounds a streamed body
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > o.MaxRedirects {
				return fmt.Errorf("more than %d redirects (last to %s): the page moves in circles or too far", o.MaxRedirects, req.URL.Redacted())
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: only http and https are fetched", req.URL.Redacted())
			}
			return nil
		},
	}
	return c
}

// Response is an answer whose status was 2xx.
type Response struct {
	URL         string // the URL finally read, after redirects
	Status      int
	MediaType   string // the Content-Type's media type, lower case ("text/html"); "" when none was sent
	Charset     string // the Content-Type's charset parameter, if any
	ContentType string // the Content-Type as sent
	Header      http.Header
	// Body streams the answer; reading past the cap fails with a *TooLargeError.
	// Close it, which also frees the host's slot.
	Body io.ReadCloser
}

// TooLargeError says that an answer was over the size cap.
type TooLargeError struct {
	URL string
	Max int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the answer from %s is over the %s limit; it was not read further (raise --max-bytes if the page is really this large)", e.URL, Size(e.Max))
}

// StatusError is an answer that was not 2xx.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	what := "the server failed"
	switch {
	case e.Status == http.StatusNotFound || e.Status == http.StatusGone:
		what = "there is no such page"
	case e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden:
		what = "the server refused access"
	case e.Status == http.StatusTooManyRequests:
		what = "the server asks to slow down; try again later"
	case e.Status < 500:
		what = "the server refused the request"
	}
	return fmt.Sprintf("%s answered %d %s: %s", e.URL, e.Status, http.StatusText(e.Status), what)
}

// Open GETs rawURL and returns the answer with its body unread, to stream.
// max caps the body's size (it must be > 0). The caller must close the body.
func (c *Client) Open(ctx context.Context, rawURL string, max int64) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an http or https URL", rawURL)
	}
	release := c.acquire(ctx, u.Host)
	ctx, cancel := context.WithTimeout(ctx, c.o.Total)
	resp, err := c.do(ctx, u)
	if err != nil {
		cancel()
		release()
		return nil, c.explain(rawURL, err)
	}
	if resp.ContentLength > max {
		resp.Body.Close()
		cancel()
		release()
		return nil, &TooLargeError{URL: rawURL, Max: max}
	}
	r := &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode, Header: resp.Header,
		ContentType: resp.Header.Get("Content-Type")}
	if r.ContentType != "" {
		mt, params, err := mime.ParseMediaType(r.ContentType)
		if err != nil {
			mt = strings.ToLower(strings.TrimSpace(strings.SplitN(r.ContentType, ";", 2)[0]))
		}
		r.MediaType, r.Charset = mt, strings.ToLower(params["charset"])
	}
	r.Body = &capped{rc: resp.Body, left: max, url: rawURL, max: max, done: func() { cancel(); release() }}
	return r, nil
}

// Get GETs rawURL and reads the whole body, at most max bytes.
func (c *Client) Get(ctx context.Context, rawURL string, max int64) (*Response, []byte, error) {
	r, err := c.Open(ctx, rawURL, max)
	if err != nil {
		return nil, nil, err
	}
	defer r.Body.Close()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, nil, c.explain(rawURL, err)
	}
	return r, b, nil
}

// do sends the request, retrying where that is safe. A non-2xx answer is a
// *StatusError.
func (c *Client) do(ctx context.Context, u *url.URL) (*http.Response, error) {
	wait := c.o.RetryWait
	for try := 0; ; try++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("User-Agent", c.o.UserAgent)
		req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
		resp, err := c.hc.Do(req)
		var retry bool
		if err == nil {
			if resp.StatusCode >= 200 && resp.StatusCode < 300 {
				return resp, nil
			}
			retry = retryable(resp.StatusCode)
			if ra := retryAfter(resp.Header.Get("Retry-After")); retry && ra > 0 {
				wait = ra
			}
			io.Copy(io.Discard, io.LimitReader(resp.Body, 4096)) // lets the connection be reused
			resp.Body.Close()
			err = &StatusError{URL: u.String(), Status: resp.StatusCode}
		} else {
			retry = transient(err)
		}
		if !retry || try >= c.o.Retries || wait > 10*time.Second {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(wait):
		}
		wait *= 2
	}
}

func retryable(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryAfter reads a Retry-After header given in seconds.
func retryAfter(h string) time.Duration {
	if n, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	return 0
}

// transient says whether an error happened before any answer in a way
// that a second try may not meet: a connection reset or closed early. A
// refused address, a timeout, a bad name or a TLS failure are not retried.
func transient(err error) bool {
	var pe *PrivateAddressError
	if errors.As(err, &pe) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return false
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return false
	}
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// explain turns a transport error into one line saying what went wrong.
func (c *Client) explain(rawURL string, err error) error {
	var pe *PrivateAddressError
	var se *StatusError
	var te *TooLargeError
	var ne net.Error
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &pe):
		return fmt.Errorf("fetching %s: %w", rawURL, pe)
	case errors.As(err, &se), errors.As(err, &te):
		return err
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		return fmt.Errorf("fetching %s: timed out (limits: %s to connect, %s for the headers, %s in all): the server is slow or unreachable; try again later", rawURL, c.o.Connect, c.o.Headers, c.o.Total)
	case errors.As(err, &dnsErr):
		return fmt.Errorf("fetching %s: cannot resolve %q: check the address and the network", rawURL, dnsErr.Name)
	case errors.Is(err, syscall.ECONNREFUSED):
		return fmt.Errorf("fetching %s: connection refused: nothing answers at that address", rawURL)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("fetching %s: %v", rawURL, err)
}

// acquire takes one of the host's slots, waiting while PerHost requests to
// it are under way. The returned func gives the slot back (once).
func (c *Client) acquire(ctx context.Context, host string) func() {
	c.mu.Lock()
	sem, ok := c.hosts[host]
	if !ok {
		sem = make(chan struct{}, c.o.PerHost)
		c.hosts[host] = sem
	}
	c.mu.Unlock()
	select {
	case sem <- struct{}{}:
	case <-ctx.Done():
		return func() {}
	}
	var once sync.Once
	return func() { once.Do(func() { <-sem }) }
}

// capped is a body that fails past the cap and frees the request on Close.
type capped struct {
	rc   io.ReadCloser
	left int64 // bytes still allowed
	url  string
	max  int64
	done func()
	over bool
}

func (b *capped) Read(p []byte) (int, error) {
	if b.over {
		return 0, &TooLargeError{URL: b.url, Max: b.max}
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1] // one byte past the cap is enough to know
	}
	n, err := b.rc.Read(p)
	if int64(n) > b.left {
		b.over = true
		return int(b.left), &TooLargeError{URL: b.url, Max: b.max}
	}
	b.left -= int64(n)
	return n, err
}

func (b *capped) Close() error {
	err := b.rc.Close()
	b.done()
	return err
}

// Size writes a byte count for a person: 512 bytes, 1.5 KB, 16.0 MB.
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
