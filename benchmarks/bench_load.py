"""Load benchmark: `python benchmarks/bench_load.py [--clients 50] [--requests 1000] [--ingest 40]`.

Builds a store (the bundled examples plus `--preload` synthetic articles),
starts `sidelined serve` in a subprocess on 127.0.0.1 with a write token,
then lets `--clients` concurrent async httpx readers make `--requests` GET
requests in all, over the web pages and the JSON API, while one more client
POSTs `--ingest` new articles with the token.  It stops by itself and prints
p50/p90/p99/max latencies, throughput, error counts (5xx, other non-2xx,
transport errors, failed ingests), and the server's CPU time per request (read
from /proc; steadier than the latencies on a machine that other work shares).
The exit status is 1 when any read got a 5xx or any ingest failed.  The read
rate limit is off by default so it does not distort the figures;
`--rate-limit 300/min` shows it at work instead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote

import httpx

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "src" / "sidelined" / "examples"
PLAYER, TEAM = "Bukayo Saka", "Arsenal"
READ_PATHS = [
    "/", "/players", f"/players/{quote(PLAYER)}", "/teams", f"/teams/{TEAM}", "/articles", "/search?q=saka",
    "/api/players", f"/api/players/{quote(PLAYER)}", f"/api/teams/{TEAM}", "/api/episodes?limit=50",
    "/api/articles?limit=50", "/api/search?q=sak", "/api/availability?on=2025-01-10",
    "/api/changes?since=2024-12-01", "/api/matches", "/api/transfers", "/api/export/csv",
]


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    by_status: dict[int, int] = field(default_factory=dict)
    transport_errors: int = 0
    transport_error_kinds: dict[str, int] = field(default_factory=dict)
    p50_by_path: dict[str, float] = field(default_factory=dict)

    def add(self, status: int, seconds: float) -> None:
        self.latencies.append(seconds)
        self.by_status[status] = self.by_status.get(status, 0) + 1

    def add_transport_error(self, error: httpx.HTTPError) -> None:
        self.transport_errors += 1
        kind = type(error).__name__
        self.transport_error_kinds[kind] = self.transport_error_kinds.get(kind, 0) + 1

    def errors_5xx(self) -> int:
        return sum(n for status, n in self.by_status.items() if status >= 500)

    def summary(self) -> dict[str, object]:
        ms = sorted(x * 1000 for x in self.latencies) or [0.0]
        cut = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
        return {"requests": len(self.latencies), "p50_ms": round(cut[49], 1), "p90_ms": round(cut[89], 1),
                "p99_ms": round(cut[98], 1), "max_ms": round(ms[-1], 1), "status": dict(sorted(self.by_status.items())),
                "5xx": self.errors_5xx(), "transport_errors": self.transport_errors,
                "transport_error_kinds": dict(sorted(self.transport_error_kinds.items()))}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build_store(db_url: str, preload: int) -> list[dict[str, str]]:
    """Ingest the examples and `preload` synthetic articles; return further synthetic articles for the POSTs."""
    from sidelined.cli.extract import ingest_into
    from sidelined.ingest import read_article_text
    from sidelined.kb import load_kb
    from sidelined.pipeline import extract_article
    from sidelined.scale.corpus import generate
    from sidelined.store import Store

    ingest_into(db_url, [str(EXAMPLES)], None, 5_000_000, quiet=True)
    kb = load_kb()
    generated = [fields for fields, _answer in generate(kb, preload + 1000, seed=7)]
    with Store(db_url) as store:
        for fields in generated[:preload]:
            article = read_article_text(fields["text"], id=fields["id"]).model_copy(
                update={"title": fields["title"], "outlet": fields["outlet"]})
            store.ingest(extract_article(article, kb, published=date.fromisoformat(fields["published"])))
    return generated[preload:]


def start_server(db_url: str, port: int, token: str, rate_limit: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SIDELINED_TOKEN": token, "SIDELINED_RATE_LIMIT": rate_limit}
    process = subprocess.Popen([sys.executable, "-m", "sidelined", "serve", "--port", str(port), "--db", db_url],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"serve exited: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/articles", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("serve did not start within 120 s")


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) a process has used so far, from /proc; None where there is no /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime and stime, in clock ticks


def stop(server: subprocess.Popen[bytes]) -> None:
    """Ask the server to stop; kill it when requests still queued there keep it from stopping soon."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


async def reader(client: httpx.AsyncClient, queue: asyncio.Queue[str], tally: Tally,
                 by_path: dict[str, list[float]]) -> None:
    while True:
        try:
            path = queue.get_nowait()
        except asyncio.QueueEmpty:
            return
        started = time.perf_counter()
        try:
            response = await client.get(path)
            seconds = time.perf_counter() - started
            tally.add(response.status_code, seconds)
            by_path.setdefault(path, []).append(seconds)
        except httpx.HTTPError as error:
            tally.add_transport_error(error)


async def warm_up(client: httpx.AsyncClient, article: dict[str, str], token: str) -> None:
    """One request of each kind first, so lazy indexes built on first use are not counted as load."""
    for path in READ_PATHS:
        await client.get(path)
    body = {key: article[key] for key in ("text", "title", "outlet", "published")}
    await client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {token}"})


async def ingester(client: httpx.AsyncClient, articles: list[dict[str, str]], token: str, tally: Tally,
                   readers_done: asyncio.Event) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    for fields in articles:
        body = {key: fields[key] for key in ("text", "title", "outlet", "published")}
        started = time.perf_counter()
        try:
            response = await client.post("/api/articles", json=body, headers=headers)
            tally.add(response.status_code, time.perf_counter() - started)
        except httpx.HTTPError as error:
            tally.add_transport_error(error)
        if readers_done.is_set():
            return


async def run_load(base: str, clients: int, requests: int, articles: list[dict[str, str]], token: str,
                   server_pid: int) -> tuple[Tally, Tally, float, float | None]:
    """Reads, ingests, seconds, and the server's CPU seconds over them (None without /proc)."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for n in range(requests):
        queue.put_nowait(READ_PATHS[n % len(READ_PATHS)])
    reads, ingests = Tally(), Tally()
    limits = httpx.Limits(max_connections=clients + 1, max_keepalive_connections=clients + 1)
    readers_done = asyncio.Event()
    by_path: dict[str, list[float]] = {}
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as client:
        await warm_up(client, articles[0], token)
        cpu_before = cpu_seconds(server_pid)
        started = time.perf_counter()
        ingest_task = asyncio.create_task(ingester(client, articles[1:], token, ingests, readers_done))
        await asyncio.gather(*(reader(client, queue, reads, by_path) for _ in range(clients)))
        elapsed = time.perf_counter() - started
        readers_done.set()
        await ingest_task
        cpu_after = cpu_seconds(server_pid)
    reads.p50_by_path = {path: round(statistics.median(times) * 1000, 1) for path, times in sorted(by_path.items())}
    cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
    return reads, ingests, elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50, help="concurrent readers")
    parser.add_argument("--requests", type=int, default=1000, help="GET requests in all")
    parser.add_argument("--ingest", type=int, default=40, help="articles POSTed meanwhile (at most)")
    parser.add_argument("--preload", type=int, default=100, help="synthetic articles stored before the run")
    parser.add_argument("--rate-limit", default="0", help="serve's --rate-limit (default 0: off)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db_url = f"sqlite:///{Path(folder) / 'load.db'}"
        print(f"building the store ({options.preload} synthetic articles + examples)...", file=sys.stderr)
        articles = build_store(db_url, options.preload)[: options.ingest + 1]
        token, port = secrets.token_urlsafe(24), free_port()
        server = start_server(db_url, port, token, options.rate_limit)
        elapsed = 0.0
        reads, ingests = Tally(), Tally()
        server_cpu: float | None = None
        try:
            print(f"{options.clients} readers, {options.requests} requests, 1 ingesting client...", file=sys.stderr)
            reads, ingests, elapsed, server_cpu = asyncio.run(
                run_load(f"http://127.0.0.1:{port}", options.clients, options.requests, articles, token, server.pid))
        finally:
            stop(server)
    figures = {"clients": options.clients, "seconds": round(elapsed, 2),
               "reads_per_second": round(len(reads.latencies) / elapsed, 1),
               "reads": reads.summary(), "ingest": ingests.summary(), "cpus": os.cpu_count(),
               "read_p50_ms_by_path": reads.p50_by_path}
    # The server's CPU per request does not depend on what else the machine runs, unlike the latencies.
    served = len(reads.latencies) + len(ingests.latencies)
    if server_cpu is not None and served:
        figures["server_cpu_ms_per_request"] = round(server_cpu * 1000 / served, 2)
    failed_ingests = sum(n for status, n in ingests.by_status.items() if status != 201) + ingests.transport_errors
    figures["failed_ingests"] = failed_ingests
    if options.json:
        print(json.dumps(figures, indent=2))
    else:
        r, i = reads.summary(), ingests.summary()
        print(f"reads:  {r['requests']} in {elapsed:.1f}s ({figures['reads_per_second']}/s) with {options.clients} "
              f"clients; p50 {r['p50_ms']} ms, p90 {r['p90_ms']} ms, p99 {r['p99_ms']} ms, max {r['max_ms']} ms; "
              f"status {r['status']}, transport errors {r['transport_errors']} {r['transport_error_kinds'] or ''}")
        print(f"ingest: {i['requests']} POSTs meanwhile; p50 {i['p50_ms']} ms, p99 {i['p99_ms']} ms; "
              f"status {i['status']}, failed {failed_ingests}")
        print(f"server: {figures.get('server_cpu_ms_per_request', '?')} ms CPU per request, {os.cpu_count()} CPUs")
    if reads.errors_5xx() or reads.transport_errors or failed_ingests:
        sys.exit(1)


if __name__ == "__main__":
    main()
