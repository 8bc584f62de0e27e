"""http(s) inputs against a server the test starts on 127.0.0.1."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sidelined.errors import FetchError, InputError, TooLargeInput
from sidelined.ingest import read_inputs
from sidelined.models import Article

PAGE = (Path(__file__).parent / "fixtures" / "ingest" / "page_boilerplate.html").read_bytes()
PLAIN = b" date 2025-05-02 Jude Bellingham missed training on Friday with a minor muscular problem."
SIZE_LIMIT = 50_000
SLOW_SECONDS = 3.0
CLIENT_TIMEOUT = 0.5


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return

    def send_body(self, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        routes = {
            "/page": lambda: self.send_body(PAGE, "text/html; charset=utf-8"),
            "/plain": lambda: self.send_body(PLAIN, "text/plain"),
            "/redirect": self.redirect,
            "/loop": self.loop,
            "/big": lambda: self.send_body(b"a" * (SIZE_LIMIT * 2), "text/plain"),
            "/big-unannounced": self.stream_without_length,
            "/gzip-bomb": self.gzip_bomb,
            "/slow": self.slow,
        }
        route = routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
        else:
            route()

    def redirect(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/page")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def loop(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/loop")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def stream_without_length(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(SIZE_LIMIT // 1000 * 3):
            self.wfile.write(b"b" * 1000)

    def gzip_bomb(self) -> None:
        packed = gzip.compress(b"c" * (SIZE_LIMIT * 20))
        assert len(packed) < SIZE_LIMIT
        self.send_body(packed, "text/plain", {"Content-Encoding": "gzip"})

    def slow(self) -> None:
        time.sleep(SLOW_SECONDS)
        self.send_body(PLAIN, "text/plain")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        return  # the client hanging up on an oversize body is the point of that test


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetch_one(url: str) -> Article | InputError:
    [result] = list(read_inputs([url], max_bytes=SIZE_LIMIT, timeout=CLIENT_TIMEOUT))
    return result


def test_page_is_fetched_and_read_as_html(server: str) -> None:
    article = fetch_one(f"{server}/page")
    assert isinstance(article, Article)
    assert "strain in his left hamstring" in article.text and "Read next" not in article.text
    assert article.outlet == "Touchline Daily"
    assert article.id.startswith("url-") and article.origin == f"{server}/page"


def test_plain_text_url_keeps_its_address(server: str) -> None:
    article = fetch_one(f"{server}/plain")
    assert isinstance(article, Article)
    assert article.url == f"{server}/plain"
    assert article.published is not None and article.published.isoformat() == "2025-05-02"


def test_redirect_is_followed(server: str) -> None:
    article = fetch_one(f"{server}/redirect")
    assert isinstance(article, Article)
    assert "hamstring" in article.text


def test_redirect_loop_is_a_fetch_error(server: str) -> None:
    error = fetch_one(f"{server}/loop")
    assert isinstance(error, FetchError) and "redirects" in error.reason


def test_not_found_is_a_fetch_error_naming_the_url(server: str) -> None:
    error = fetch_one(f"{server}/nothing-here")
    assert isinstance(error, FetchError)
    assert str(error) == f"{server}/nothing-here: HTTP 404 Not Found"


@pytest.mark.parametrize("path", ["/big", "/big-unannounced", "/gzip-bomb"])
def test_oversize_body_is_refused(server: str, path: str) -> None:
    error = fetch_one(f"{server}{path}")
    assert isinstance(error, TooLargeInput)
    assert str(error).startswith(f"{server}{path}: ")


def test_slow_response_times_out(server: str) -> None:
    started = time.monotonic()
    error = fetch_one(f"{server}/slow")
    assert isinstance(error, FetchError) and "timed out" in error.reason
    assert time.monotonic() - started < SLOW_SECONDS


def test_unreachable_host_is_a_fetch_error_and_the_batch_goes_on(server: str) -> None:
    closed_port_url = "http://127.0.0.1:9/article"
    results = list(read_inputs([closed_port_url, f"{server}/plain"], timeout=CLIENT_TIMEOUT))
    assert isinstance(results[0], FetchError) and "\n" not in str(results[0])
    assert isinstance(results[1], Article)
