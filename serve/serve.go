// Package serve is Dossier's HTTP face: the JSON API (package serve/api)
// and the web pages (package serve/pages) over one store, behind the
// middleware every request passes through: a write needs the token, bodies
// are capped, answers are compressed, every request is logged, and a
// request that panics gets a 500 instead of taking the server down.
//
// The server binds to loopback unless told otherwise; a non-loopback
// address needs a token (Config.Check), and every write needs it whatever
// the address. Timeouts bound every phase of a request, so that a slow or
// silent client cannot hold a connection (or the server) for long. Run
// stops gracefully on its context: requests under way are let finish.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/link"
	"github.com/dossier-news/dossier/serve/api"
	"github.com/dossier-news/dossier/serve/pages"
	"github.com/dossier-news/dossier/store"
)

// DefaultAddr is where the server listens unless told otherwise: loopback
// only, so that nothing is exposed by accident.
const DefaultAddr = "127.0.0.1:8080"

// Limits on requests. Variables so that tests can make them small.
var (
	// MaxBody caps a request's body: an ingest of JSON Lines may be
	// large, but not unbounded.
	MaxBody int64 = 32 << 20
	// ReadHeaderTimeout bounds how long a client may take to send its
	// request line and headers (the slowloris defence).
	ReadHeaderTimeout = 5 * time.Second
	// ReadTimeout bounds reading the whole request, body included.
	ReadTimeout = 60 * time.Second
	// WriteTimeout bounds writing the answer. An export of a large store
	// streams for longer: its handler extends its own deadline.
	WriteTimeout = 60 * time.Second
	// IdleTimeout closes kept-alive connections that stay silent.
	IdleTimeout = 120 * time.Second
	// ShutdownTimeout is how long requests under way may take to finish
	// once the server is told to stop.
	ShutdownTimeout = 10 * time.Second
)

// Config is what a server needs.
type Config struct {
	Store *store.Store
	Addr  string // host:port; "" is DefaultAddr
	// Token, when set, is required (as "Authorization: Bearer TOKEN") by
	// every request that writes. With no token, nothing can be written.
	Token string
	// Log receives one line per request; nil logs nowhere.
	Log *slog.Logger
	// AllowPrivate lets POST /api/ingest fetch URLs on private addresses
	// (tests; a user who runs a local archive).
	AllowPrivate bool
}

// Check refuses a configuration that would expose the store without a
// token: listening on anything but loopback needs one.
func (c Config) Check() error {
	addr := c.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q is not host:port (e.g. 127.0.0.1:8080): %v", addr, err)
	}
	if c.Token == "" && !Loopback(host) {
		return fmt.Errorf("--addr %s listens beyond this machine: give a token with --token or DOSSIER_TOKEN so that nobody else can write, or listen on 127.0.0.1", addr)
	}
	return nil
}

// Loopback reports whether host names this machine only.
func Loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Handler is the whole site: /api/ and the pages, behind the middleware.
func Handler(c Config) http.Handler {
	mux := http.NewServeMux()
	a := api.New(api.Config{Store: c.Store, AllowPrivate: c.AllowPrivate,
		// Documents stored through the API are linked as dossier ingest
		// links them: copies, stories, actors.
		Linker: func(*store.Store) (ingest.Linker, error) { return link.NewIngest(), nil }})
	a.Register(mux)
	pages.New(pages.Config{Store: c.Store}).Register(mux)
	log := c.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	var h http.Handler = mux
	h = requireToken(c.Token, h)
	h = limitBody(MaxBody, h)
	h = securityHeaders(h)
	h = gzipped(h)
	h = recovered(log, h)
	h = logged(log, h)
	return h
}

// NewServer makes the http.Server with every timeout set.
func NewServer(c Config) *http.Server {
	addr := c.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	return &http.Server{
		Addr:              addr,
		Handler:           Handler(c),
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
}

// Run listens on c.Addr and serves until ctx ends, then shuts down
// gracefully. ready, when not nil, is called with the address listened on
// (useful with port 0) once the server accepts connections.
func Run(ctx context.Context, c Config, ready func(addr string)) error {
	if err := c.Check(); err != nil {
		return err
	}
	srv := NewServer(c)
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %v (is another server using the port? choose another with --addr)", srv.Addr, err)
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %v", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
