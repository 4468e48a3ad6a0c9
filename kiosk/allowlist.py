"""Which hosts an embedded portal may reach: parsed and checked without Qt, so config load can validate it."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

NAVIGATION_SCHEMES = frozenset({"http", "https"})
REQUEST_SCHEMES = frozenset({"http", "https", "ws", "wss"})
LOCAL_SCHEMES = frozenset({"data", "blob"})  # in-memory subresources of an allowed page: no network involved
BLANK_PAGES = frozenset({"about:blank", "about:srcdoc"})
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}
_HOST_RE = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


class AllowListError(ValueError):
    """A host entry that is neither a hostname nor host:port."""


@dataclass(frozen=True)
class AllowList:
    """The hosts one portal may reach: ``hostname`` (any port) or ``host:port`` (that port only).

    Hosts compare case-insensitively and without a trailing dot; IPv6 addresses are written ``[::1]:8080``.
    """

    entries: frozenset[tuple[str, int | None]] = frozenset()

    @classmethod
    def parse(cls, hosts: Iterable[str]) -> AllowList:
        return cls(frozenset(_parse_entry(entry) for entry in hosts))

    def allows_host(self, scheme: str, host: str, port: int | None) -> bool:
        host = host.lower().rstrip(".")
        if not host:
            return False
        port = port if port is not None else DEFAULT_PORTS.get(scheme)
        return (host, None) in self.entries or (host, port) in self.entries

    def allows_navigation(self, url: str) -> bool:
        """May the page (or a frame in it) navigate to this URL? about:blank, else http(s) on an allowed host."""
        if url in BLANK_PAGES:
            return True
        return self._allows(url, NAVIGATION_SCHEMES)

    def allows_request(self, url: str) -> bool:
        """May the network be asked for this URL? http(s)/ws(s) on an allowed host; data:/blob: stay local."""
        scheme = url.partition(":")[0].lower()
        if scheme in LOCAL_SCHEMES:
            return True
        return self._allows(url, REQUEST_SCHEMES)

    def _allows(self, url: str, schemes: frozenset[str]) -> bool:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            return False
        scheme = parts.scheme.lower()
        return scheme in schemes and self.allows_host(scheme, parts.hostname or "", port)


def _parse_entry(entry: str) -> tuple[str, int | None]:
    text = entry.strip().lower().rstrip(".")
    host, port = text, None
    if text.startswith("["):  # [v6] or [v6]:port
        inner, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            raise AllowListError(f"bad allowed host {entry!r}")
        host, port = inner, (rest[1:] or None)
        valid = _is_ipv6(host)
    elif text.count(":") == 1:
        host, port = text.split(":")
        host, valid = _hostname(host)
    elif ":" in text:
        valid = _is_ipv6(text)
    else:
        host, valid = _hostname(text)
    if port is not None and not (port.isdigit() and 0 < int(port) < 65536):
        raise AllowListError(f"bad port in allowed host {entry!r}")
    if not valid:
        raise AllowListError(f"bad allowed host {entry!r} (expected a hostname or host:port, no scheme or path)")
    return host, int(port) if port is not None else None


def _hostname(text: str) -> tuple[str, bool]:
    """A hostname as QUrl encodes it (punycode for a Chinese domain) and whether it is well formed."""
    try:
        ascii_host = text.encode("idna").decode("ascii") if not text.isascii() else text
    except UnicodeError:
        return text, False
    return ascii_host, bool(_HOST_RE.match(ascii_host))


def _is_ipv6(text: str) -> bool:
    try:
        return isinstance(ipaddress.ip_address(text), ipaddress.IPv6Address)
    except ValueError:
        return False
