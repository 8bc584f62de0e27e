"""Write protection and read rate limiting of the API (sidelined.api.security, `sidelined serve`)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sidelined.api import create_app, security
from sidelined.api.security import InsecureBinding, RateLimit, check_binding, is_loopback_host
from sidelined.cli import app as cli_app

TOKEN = "s3cret-token-for-tests-only-0123"
ARTICLE = {"text": "Arsenal winger Bukayo Saka will miss the next three weeks with a hamstring injury.",
           "published": "2024-12-24"}


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'auth.db'}"


@pytest.fixture
def guarded(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url, write_token=TOKEN)) as client:
        yield client


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_addresses(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "example.org", "", "2001:db8::1"])
def test_public_addresses(host: str) -> None:
    assert not is_loopback_host(host)


def test_a_public_binding_needs_a_token() -> None:
    with pytest.raises(InsecureBinding, match="without a write token"):
        check_binding("0.0.0.0", None)
    with pytest.raises(InsecureBinding, match="without a write token"):
        check_binding("0.0.0.0", "")
    with pytest.raises(InsecureBinding, match="at least"):
        check_binding("0.0.0.0", "short")
    check_binding("0.0.0.0", TOKEN)
    check_binding("127.0.0.1", None)


def test_serve_refuses_a_public_address_without_a_token(db_url: str) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0", "--db", db_url],
                                env={"SIDELINED_TOKEN": ""})
    assert result.exit_code == 1
    assert "refusing to serve on 0.0.0.0 without a write token" in result.output
    assert "Traceback" not in result.output


def test_serve_refuses_a_bad_rate(db_url: str) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--rate-limit", "lots", "--db", db_url])
    assert result.exit_code == 1
    assert "is not a rate" in result.output


def test_writes_need_the_token(guarded: TestClient) -> None:
    missing = guarded.post("/api/articles", json=ARTICLE)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = guarded.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer " + TOKEN[:-1] + "x"})
    assert wrong.status_code == 401
    other_scheme = guarded.post("/api/articles", json=ARTICLE, headers={"Authorization": "Basic " + TOKEN})
    assert other_scheme.status_code == 401
    assert guarded.get("/api/articles").json()["total"] == 0  # nothing was written
    right = guarded.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 201, right.text
    assert guarded.get("/api/articles").json()["total"] == 1


def test_reads_need_no_token(guarded: TestClient) -> None:
    assert guarded.get("/api/players").status_code == 200
    assert guarded.get("/").status_code == 200


def test_the_token_is_compared_in_constant_time(guarded: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = security.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    guarded.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer guess"})
    assert compared == [(b"guess", TOKEN.encode())]


def test_the_token_is_never_logged_or_echoed(guarded: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    responses = [
        guarded.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}x"}),
        guarded.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}),
        guarded.post("/api/articles", json={"text": ""}, headers={"Authorization": f"Bearer {TOKEN}"}),
    ]
    assert [r.status_code for r in responses] == [401, 201, 422]
    assert all(TOKEN not in r.text for r in responses)
    assert TOKEN not in caplog.text
    layer = guarded.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(layer, security.WriteGuard):
        layer = layer.app
    assert TOKEN not in repr(layer) and "set" in repr(layer)


def test_without_a_token_writes_through_a_proxy_are_refused(db_url: str) -> None:
    with TestClient(create_app(db_url)) as client:
        proxied = client.post("/api/articles", json=ARTICLE, headers={"X-Forwarded-For": "198.51.100.7"})
        assert proxied.status_code == 403
        assert client.post("/api/articles", json=ARTICLE).status_code == 201


def test_without_a_token_writes_from_another_machine_are_refused(db_url: str) -> None:
    app = create_app(db_url)
    with TestClient(app, client=("203.0.113.9", 40000)) as remote:
        assert remote.post("/api/articles", json=ARTICLE).status_code == 403
        assert remote.get("/api/articles").status_code == 200
    with TestClient(app, client=("127.0.0.1", 40000)) as local:
        assert local.post("/api/articles", json=ARTICLE).status_code == 201


def test_reads_are_rate_limited_per_client(db_url: str) -> None:
    app = create_app(db_url, read_limit=RateLimit(3, 60))
    with TestClient(app, client=("198.51.100.1", 1)) as first, TestClient(app, client=("198.51.100.2", 1)) as second:
        assert [first.get("/api/players").status_code for _ in range(3)] == [200, 200, 200]
        refused = first.get("/api/players")
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) >= 1
        assert "too many requests" in refused.json()["detail"]
        assert refused.headers["x-content-type-options"] == "nosniff"  # still inside the security headers
        assert first.get("/static/style.css").status_code == 200  # page assets are not counted
        assert second.get("/api/players").status_code == 200  # another client has its own budget


def test_buckets_refill_with_time() -> None:
    buckets = security._Buckets(RateLimit(2, 10))
    assert buckets.take("a", 0.0) == 0
    assert buckets.take("a", 0.0) == 0
    assert buckets.take("a", 0.0) == pytest.approx(5.0)
    assert buckets.take("a", 5.0) == 0  # one request back after 10 s / 2
    assert buckets.take("a", 5.0) > 0


def test_forgotten_clients_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(security, "MAX_TRACKED_CLIENTS", 5)
    buckets = security._Buckets(RateLimit(1, 60))
    for n in range(20):
        buckets.take(f"client-{n}", 0.0)
    assert len(buckets.buckets) == 5


@pytest.mark.parametrize(("text", "expected"), [
    ("120/min", RateLimit(120, 60)), ("10/s", RateLimit(10, 1)), ("600/h", RateLimit(600, 3600)),
    ("50", RateLimit(50, 60)), ("0", None), ("off", None),
])
def test_rate_parsing(text: str, expected: RateLimit | None) -> None:
    assert RateLimit.parse(text) == expected


@pytest.mark.parametrize("text", ["-1/min", "ten/s", "5/fortnight", "1.5/s"])
def test_bad_rates(text: str) -> None:
    with pytest.raises(ValueError, match="not a rate"):
        RateLimit.parse(text)
