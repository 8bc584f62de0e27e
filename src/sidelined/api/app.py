"""The FastAPI application: JSON API under /api, web pages at the root, static files, error pages.

`create_app(store_url)` opens the store once and serves it; `sidelined serve`
runs it with uvicorn on 127.0.0.1 unless told otherwise.  FastAPI's own
Swagger and ReDoc pages are turned off because they load from a CDN; the
schema stays at /openapi.json and /api lists the endpoints.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sidelined import __version__
from sidelined.api.routes import router as api_router
from sidelined.api.security import RateLimit, protect
from sidelined.store import Store

MAX_BODY_BYTES = 1_000_000
# Routes run in worker threads, but Python runs one at a time: a few threads overlap the database's waits,
# dozens only starve the event loop, which then drops keep-alive connections with requests waiting on them.
REQUEST_THREADS = 4
# Pages load only their own CSS and JS; inline scripts never run even if escaping were ever missed.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class BodySizeLimit:
    """Refuse request bodies over `max_bytes` with 413, counting what arrives (Content-Length may lie)."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            if len(body) > self.max_bytes:
                await self._refuse(send)
                return
            more = message.get("more_body", False)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse({"detail": f"request body larger than {self.max_bytes} bytes"}, status_code=413)
        await response({"type": "http"}, _never_called, send)


async def _never_called() -> Message:  # pragma: no cover - a JSONResponse never reads the request
    return {"type": "http.disconnect"}


class SecurityHeaders:
    """Add `SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _value in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and request.url.path != "/openapi.json"


def _where(location: tuple[str | int, ...] | list[str | int]) -> str:
    """The offending parameter's name, without FastAPI's 'query'/'body'/'path' prefix."""
    return ".".join(str(part) for part in location if part not in ("query", "body", "path")) or "request"


def _allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """Every method some route serves at this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in app.router.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match is not Match.NONE and isinstance(route, APIRoute | Route):
            methods |= route.methods or set()
    return sorted(methods)


def _install_error_handlers(app: FastAPI) -> None:
    from sidelined.web.pages import render_error

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(app, request))
        if _wants_html(request):
            return render_error(request, exc.status_code, str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [f"{_where(error['loc'])}: {error['msg']}" for error in exc.errors()]
        if _wants_html(request):
            return render_error(request, 400, "; ".join(problems))
        # The offending input is not echoed back: it may be bytes, NaN or a lone surrogate that JSON cannot carry.
        errors = [{key: value for key, value in error.items() if key != "input"} for error in exc.errors()]
        return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)


def create_app(store_url: str | None = None, today: Callable[[], date] = date.today, *,
               write_token: str | None = None, read_limit: RateLimit | None = None) -> FastAPI:
    """The web application over the store at `store_url` (default: $SIDELINED_DB, else sidelined.db).

    `write_token` and `read_limit` are handed to `sidelined.api.security.protect`.
    """
    from sidelined.web.pages import mount_web

    store = Store(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        yield
        store.close()

    app = FastAPI(
        title="sidelined",
        version=__version__,
        summary="Football injury and availability knowledge, dated and sourced.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.today = today
    app.include_router(api_router)
    mount_web(app)
    _install_error_handlers(app)
    app.add_middleware(BodySizeLimit)
    protect(app, write_token, read_limit)  # checked before the body is read
    app.add_middleware(SecurityHeaders)
    return app
