"""http(s) inputs: fetched with httpx, with timeouts, redirects and a size limit.

The size limit applies to the decompressed body, so a small gzip bomb is
refused as surely as a large page; the timeout bounds the whole download,
not only each read, so a server trickling bytes cannot hold the batch.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from sidelined import __version__
from sidelined.errors import FetchError, TooLargeInput

MAX_REDIRECTS = 5
_USER_AGENT = f"sidelined/{__version__} (+https://github.com/sidelined)"


@dataclass(frozen=True)
class FetchedPage:
    url: str  # after redirects
    data: bytes
    content_type: str | None


def fetch(url: str, *, max_bytes: int, timeout: float) -> FetchedPage:
    """Download `url`, or raise FetchError / TooLargeInput saying what went wrong."""
    try:
        with httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": _USER_AGENT},
        ) as client, client.stream("GET", url) as response:
            _check_status(url, response)
            data = _read_limited(url, response, max_bytes=max_bytes, deadline=time.monotonic() + timeout)
            return FetchedPage(str(response.url), data, response.headers.get("content-type"))
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {timeout:g}s") from None
    except httpx.TooManyRedirects:
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.InvalidURL as error:
        raise FetchError(url, f"invalid URL ({error})") from None
    except httpx.HTTPError as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise FetchError(url, f"could not fetch ({reason[:120]})") from None


def _check_status(url: str, response: httpx.Response) -> None:
    if response.status_code >= 400:
        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())


def _read_limited(url: str, response: httpx.Response, *, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLargeInput(url, f"larger than the {max_bytes:,}-byte limit ({int(declared):,} bytes)")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise TooLargeInput(url, f"larger than the {max_bytes:,}-byte limit")
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("download deadline passed")
        chunks.append(chunk)
    return b"".join(chunks)
