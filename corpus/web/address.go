package web

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/articlebot/articlebot/corpus"
)

// MaxURLBytes is the longest link taken: the limit the sitemaps protocol
// sets (sitemaps.org), which every major site's article URLs keep to.
const MaxURLBytes = 2048

// CheckURL validates a link a user gave and returns it parsed: http or
// https, a host, no user name or password (a link that carries them is a
// phishing shape, and the bot must not send someone's credentials), at
// most MaxURLBytes, no white space or control characters. The fragment
// is dropped (it never reaches the server).
func CheckURL(raw string) (*url.URL, error) {
	bad := func(msg string) error {
		return &corpus.InputError{Kind: ErrBadURL, Msg: "That link " + msg + "."}
	}
	raw = strings.TrimSpace(raw)
	switch {
	case raw == "":
		return nil, bad("is empty")
	case len(raw) > MaxURLBytes:
		return nil, bad(fmt.Sprintf("is longer than %d characters", MaxURLBytes))
	case strings.IndexFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return nil, bad("holds spaces or control characters")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, &corpus.InputError{Kind: ErrBadURL, Msg: "That link is not a valid URL.", Err: err}
	}
	return u, checkParsed(u)
}

// checkParsed checks a parsed URL: the link a user gave, or where a
// redirect leads.
func checkParsed(u *url.URL) error {
	bad := func(msg string) error {
		return &corpus.InputError{Kind: ErrBadURL, Msg: "That link " + msg + "."}
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return bad("must start with http:// or https://")
	case u.Opaque != "" || u.Host == "":
		return bad("has no host name")
	case u.User != nil:
		return bad("must not hold a user name or password")
	case len(u.String()) > MaxURLBytes:
		return bad(fmt.Sprintf("is longer than %d characters", MaxURLBytes))
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return bad("has a bad port number")
		}
	}
	if h := u.Hostname(); h == "" || strings.ContainsAny(h, "%[]") {
		return bad("has a bad host name")
	}
	u.Fragment, u.RawFragment = "", ""
	return nil
}

// nonPublic are the IPv4 and IPv6 ranges, besides loopback, private,
// link-local, multicast and unspecified addresses (which netip tells),
// that no public web server is at: IANA's special-purpose address
// registries (RFC 6890 and its updates).
var nonPublic = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",       // "this network"
		"100.64.0.0/10",   // carrier-grade NAT (RFC 6598)
		"192.0.0.0/24",    // IETF protocol assignments
		"192.0.2.0/24",    // TEST-NET-1
		"198.18.0.0/15",   // benchmarking
		"198.51.100.0/24", // TEST-NET-2
		"203.0.113.0/24",  // TEST-NET-3
		"240.0.0.0/4",     // reserved, and 255.255.255.255 broadcast
		"::/96",           // IPv4-compatible (deprecated)
		"64:ff9b:1::/48",  // local-use IPv4/IPv6 translation
		"100::/64",        // discard-only
		"2001::/23",       // IETF protocol assignments (Teredo, ORCHID, ...)
		"2001:db8::/32",   // documentation
		"2002::/16",       // 6to4: any IPv4 address, private ones too
		"fec0::/10",       // site-local (deprecated)
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// Public reports whether ip is an address a public web server may have:
// not loopback, private (RFC 1918, unique-local fc00::/7), link-local
// (169.254.0.0/16, where cloud metadata services answer, and fe80::/10),
// multicast, unspecified, or any other special-purpose range. An IPv4
// address written as IPv6 (::ffff:a.b.c.d) is judged as IPv4, and so is
// the address a NAT64 prefix (64:ff9b::/96) embeds.
func Public(ip netip.Addr) bool {
	ip = ip.Unmap()
	if nat64 := netip.MustParsePrefix("64:ff9b::/96"); nat64.Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte(b[12:16]))
	}
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// Resolver looks up a host's addresses; *net.Resolver is one.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// connectTimeout bounds one TCP connection attempt, so that one address
// that never answers leaves time for the host's next.
const connectTimeout = 10 * time.Second

// dialer connects only to addresses that the policy allows: every address
// a host name resolves to is checked when connecting (so a name that
// resolves to a private address, at first or after a redirect, is refused
// like the address itself), and the socket is checked once more just
// before it connects.
type dialer struct {
	resolver     Resolver
	allowPrivate bool
	public       func(netip.Addr) bool // Public, or a test's stand-in
}

func (d *dialer) allowed(ip netip.Addr) bool { return d.allowPrivate || d.public(ip) }

func (d *dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		ips, err = d.resolver.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return nil, &corpus.InputError{Kind: ErrUnreachable,
				Msg: fmt.Sprintf("The host %s could not be found.", host), Err: err}
		}
	}
	var firstErr error
	for _, ip := range ips {
		if !d.allowed(ip) {
			continue
		}
		nd := net.Dialer{Timeout: connectTimeout, Control: d.control}
		c, err := nd.DialContext(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return c, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, &corpus.InputError{Kind: ErrPrivateAddress,
		Msg: fmt.Sprintf("The host %s is on a private or local network; only public web pages can be added.", host)}
}

// control refuses a socket about to connect to an address the policy
// does not allow: the last word, whatever chose the address.
func (d *dialer) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("web: connect to %s: %w", address, err)
	}
	if !d.allowed(ap.Addr()) {
		return &corpus.InputError{Kind: ErrPrivateAddress,
			Msg: "That link leads to a private or local network address; only public web pages can be added."}
	}
	return nil
}
