"""Who may write and how fast anyone may read: the API's write token and per-client read rate limit.

`WriteGuard` protects every request that can change the store (POST, PUT,
PATCH, DELETE).  With a token configured, such a request needs
`Authorization: Bearer <token>`, compared in constant time; the token is
never logged or echoed.  Without one (only allowed when `sidelined serve`
binds to loopback), writes from an address that is not loopback, or that
came through a proxy (forwarding headers), are refused all the same.

`ReadRateLimit` gives each client a token bucket for GET/HEAD requests and
answers 429 with Retry-After when it is empty; static files are not counted.
"""

from __future__ import annotations

import hmac
import ipaddress
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

TOKEN_ENV = "SIDELINED_TOKEN"
MIN_TOKEN_CHARS = 16
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
READ_METHODS = frozenset({"GET", "HEAD"})
_FORWARDING_HEADERS = (b"forwarded", b"x-forwarded-for", b"x-real-ip")
_UNMETERED_PREFIXES = ("/static/", "/favicon")
MAX_TRACKED_CLIENTS = 10_000


class InsecureBinding(ValueError):
    """A server configuration that would expose writes to the network without a token."""


def is_loopback_host(host: str) -> bool:
    """True for addresses only this machine can reach: 127.0.0.0/8, ::1 and the name localhost."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False  # a host name may resolve to anything: treat it as public


def check_binding(host: str, token: str | None) -> None:
    """Refuse to serve on a non-loopback address without a write token, or with a guessable one."""
    if token and len(token) < MIN_TOKEN_CHARS:
        raise InsecureBinding(f"the write token must be at least {MIN_TOKEN_CHARS} characters long")
    if not token and not is_loopback_host(host):
        raise InsecureBinding(
            f"refusing to serve on {host} without a write token: set {TOKEN_ENV} or pass --token "
            "(or bind to 127.0.0.1)"
        )


def token_matches(given: str, expected: str) -> bool:
    """Constant-time comparison, so response timing says nothing about how much of a guess was right."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value)
    return None


def _bearer(scope: Scope) -> str | None:
    value = _header(scope, b"authorization")
    if value is None:
        return None
    scheme, _, credentials = value.decode("latin-1").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" and credentials.strip() else None


def _client_is_remote(scope: Scope) -> bool:
    """True when the request demonstrably comes from another machine: a proxy, or a non-loopback IP."""
    if any(_header(scope, name) is not None for name in _FORWARDING_HEADERS):
        return True
    client = scope.get("client")
    if not client:
        return False
    try:
        return not ipaddress.ip_address(client[0]).is_loopback
    except ValueError:
        return False  # not an IP (an in-process test client, a Unix socket)


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, detail: str,
                  headers: dict[str, str]) -> None:
    await JSONResponse({"detail": detail}, status_code=status, headers=headers)(scope, receive, send)


class WriteGuard:
    """ASGI middleware: writes need the bearer token (when one is set) and never come from afar without one."""

    def __init__(self, app: ASGIApp, token: str | None = None) -> None:
        self.app = app
        self._token = token

    def __repr__(self) -> str:  # keep the token out of any debug output
        return f"WriteGuard(token={'set' if self._token else 'none'})"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        challenge = {"WWW-Authenticate": 'Bearer realm="sidelined"'}
        if self._token is None:
            if _client_is_remote(scope):
                await _refuse(scope, receive, send, 403,
                              "writes from other machines need the server to run with a write token", {})
                return
        else:
            given = _bearer(scope)
            if given is None:
                await _refuse(scope, receive, send, 401, "this request needs 'Authorization: Bearer <token>'",
                              challenge)
                return
            if not token_matches(given, self._token):
                await _refuse(scope, receive, send, 401, "the write token is not valid", challenge)
                return
        await self.app(scope, receive, send)


@dataclass(frozen=True)
class RateLimit:
    """`requests` reads per `per_seconds`, allowing bursts of up to `requests` at once."""

    requests: int
    per_seconds: float = 60.0

    @classmethod
    def parse(cls, text: str) -> RateLimit | None:
        """'120/min', '10/s', '600/h' or '0' (no limit) into a RateLimit (None for no limit)."""
        value = text.strip().lower()
        if value in ("0", "off", "none"):
            return None
        count, _, unit = value.partition("/")
        seconds = {"s": 1.0, "sec": 1.0, "second": 1.0, "m": 60.0, "min": 60.0, "minute": 60.0,
                   "h": 3600.0, "hour": 3600.0}.get(unit or "min")
        if not count.isdigit() or int(count) < 1 or seconds is None:
            raise ValueError(f"{text!r} is not a rate such as 120/min, 10/s or 0 (no limit)")
        return cls(int(count), seconds)


class _Buckets:
    """Token buckets per client key, the least recently seen forgotten past MAX_TRACKED_CLIENTS."""

    def __init__(self, limit: RateLimit) -> None:
        self.capacity = float(limit.requests)
        self.refill_per_second = limit.requests / limit.per_seconds
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str, now: float) -> float:
        """Spend one request for `key`; 0 when allowed, else the seconds until one is available."""
        tokens, last = self.buckets.pop(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.refill_per_second)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.refill_per_second
        self.buckets[key] = (tokens, now)
        while len(self.buckets) > MAX_TRACKED_CLIENTS:
            self.buckets.popitem(last=False)
        return wait


class ReadRateLimit:
    """ASGI middleware: each client's GET/HEAD requests limited to a RateLimit, 429 beyond it."""

    def __init__(self, app: ASGIApp, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.limit = limit
        self.buckets = _Buckets(limit)
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] not in READ_METHODS
                or scope["path"].startswith(_UNMETERED_PREFIXES)):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self.buckets.take(client[0] if client else "unknown", self.clock())
        if wait > 0:
            retry_after = max(1, math.ceil(wait))
            detail = (f"too many requests: at most {self.limit.requests} per {self.limit.per_seconds:g}s "
                      f"per client; retry after {retry_after}s")
            await _refuse(scope, receive, send, 429, detail, {"Retry-After": str(retry_after)})
            return
        await self.app(scope, receive, send)


def protect(app: Starlette, token: str | None = None, read_limit: RateLimit | None = None) -> None:
    """Add the write guard and (when `read_limit` is given) the read rate limit to `app`."""
    if read_limit is not None:
        app.add_middleware(ReadRateLimit, limit=read_limit)
    app.add_middleware(WriteGuard, token=token or None)  # an empty $SIDELINED_TOKEN is no token
