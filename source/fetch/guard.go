package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"time"
)

// A blocked range is a block of addresses that is not the public internet.
type blocked struct {
	prefix netip.Prefix
	what   string
}

// nonPublic lists the ranges refused unless AllowPrivate is set: the IANA
// special-purpose registries (RFC 6890 and its updates) less the few that
// route on the internet.
var nonPublic = func() []blocked {
	var out []blocked
	for _, r := range []struct{ cidr, what string }{
		{"0.0.0.0/8", "unspecified ('this network')"},
		{"10.0.0.0/8", "private (RFC 1918)"},
		{"100.64.0.0/10", "shared carrier-grade NAT (RFC 6598)"},
		{"127.0.0.0/8", "loopback"},
		{"169.254.0.0/16", "link-local (cloud metadata lives here)"},
		{"172.16.0.0/12", "private (RFC 1918)"},
		{"192.0.0.0/24", "IETF protocol assignments"},
		{"192.0.2.0/24", "documentation (TEST-NET-1)"},
		{"192.88.99.0/24", "6to4 relay anycast"},
		{"192.168.0.0/16", "private (RFC 1918)"},
		{"198.18.0.0/15", "benchmarking (RFC 2544)"},
		{"198.51.100.0/24", "documentation (TEST-NET-2)"},
		{"203.0.113.0/24", "documentation (TEST-NET-3)"},
		{"224.0.0.0/4", "multicast"},
		{"240.0.0.0/4", "reserved (and broadcast)"},
		{"::/128", "unspecified"},
		{"::1/128", "loopback"},
		{"::/96", "IPv4-compatible (deprecated)"},
		{"100::/64", "discard-only"},
		{"2001::/23", "IETF protocol assignments (Teredo and others)"},
		{"2001:db8::/32", "documentation"},
		{"fc00::/7", "private (unique local, RFC 4193)"},
		{"fe80::/10", "link-local"},
		{"fec0::/10", "site-local (deprecated)"},
		{"ff00::/8", "multicast"},
	} {
		out = append(out, blocked{netip.MustParsePrefix(r.cidr), r.what})
	}
	return out
}()

// embedding ranges carry an IPv4 address inside an IPv6 one: the IPv4
// address is checked in their place.
var (
	nat64 = netip.MustParsePrefix("64:ff9b::/96")
	sixTo = netip.MustParsePrefix("2002::/16")
)

// Classify says why an address is not public, or "" when it is.
func Classify(a netip.Addr) string {
	a = a.Unmap().WithZone("") // ::ffff:10.0.0.1 is 10.0.0.1; a zone (fe80::1%eth0) would make every prefix miss
	if a.Is6() {
		b := a.As16()
		switch {
		case nat64.Contains(a):
			return Classify(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		case sixTo.Contains(a):
			return Classify(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		}
	}
	for _, r := range nonPublic {
		if r.prefix.Contains(a) {
			return r.what
		}
	}
	return ""
}

// PrivateAddressError is the refusal to connect to an address that is not
// on the public internet (see Options.AllowPrivate).
type PrivateAddressError struct {
	Addr string // the address refused
	What string // what kind of address it is: "loopback", "private (RFC 1918)", ...
}

func (e *PrivateAddressError) Error() string {
	return fmt.Sprintf("refused to connect to %s, a %s address, not a public one: fetching from private networks is off by default; pass --allow-private to allow it", e.Addr, e.What)
}

// control is the dialer's hook, run after the name is resolved and before
// each connection is made: the one place where the address really dialled
// is known, so a name that resolves to a private address, a DNS answer that
// changes between look-ups, and a redirect to a private host are all
// caught here.
func control(classify func(netip.Addr) string) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return fmt.Errorf("cannot read the address %q: %v", address, err)
		}
		a, err := netip.ParseAddr(host)
		if err != nil {
			return fmt.Errorf("cannot read the address %q: %v", address, err)
		}
		if what := classify(a); what != "" {
			return &PrivateAddressError{Addr: a.Unmap().String(), What: what}
		}
		return nil
	}
}

// newDialer makes the dialer, guarded by classify unless o.AllowPrivate.
func newDialer(o Options, classify func(netip.Addr) string) *net.Dialer {
	d := &net.Dialer{Timeout: o.Connect, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		d.Control = control(classify)
	}
	return d
}
