"""Ingestion: every way news arrives, turned into `Article`s.

`read_inputs` takes file paths, folders, `-` (stdin) and http(s) URLs and
lazily yields one `Article` per article found, or one `InputError` per bad
input (or bad feed entry / JSON line), so a batch always runs to its end.
The reader is chosen by sniffing the content, not by the file extension.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sidelined.errors import EmptyInput, InputError, MalformedInput
from sidelined.ingest.decode import decode_bytes
from sidelined.ingest.detect import detect_kind
from sidelined.ingest.records import read_json_document, read_json_lines
from sidelined.ingest.sources import RawInput, raw_inputs
from sidelined.ingest.text import read_article_text
from sidelined.models import Article

__all__ = ["read_article_text", "read_inputs", "DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT"]

DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_TIMEOUT = 10.0
_EXTRACTION_RECORD_KEY = "schema"


def read_inputs(
    inputs: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT
) -> Iterator[Article | InputError]:
    """Articles from every input, in order; a bad input yields its InputError and reading goes on."""
    for raw in raw_inputs(inputs, max_bytes=max_bytes, timeout=timeout):
        if isinstance(raw, InputError):
            yield raw
        else:
            yield from _articles_in(raw)


def _articles_in(raw: RawInput) -> Iterator[Article | InputError]:
    try:
        text = decode_bytes(raw.data, raw.name)
    except InputError as error:
        yield error
        return
    kind = detect_kind(text)
    # trafilatura and feedparser are slow to import: load them when a page or feed turns up.
    if kind == "html":
        from sidelined.ingest.html import read_html

        yield read_html(text, id=raw.stem, source=raw.name, url=raw.url)
    elif kind == "feed":
        from sidelined.ingest.feeds import read_feed

        yield from read_feed(text, source=raw.name, stem=raw.stem)
    elif kind == "jsonl":
        yield from read_json_lines(text, source=raw.name, stem=raw.stem)
    elif kind == "json":
        yield from _json_articles(text, raw)
    else:
        yield _plain_article(text, raw)


def _plain_article(text: str, raw: RawInput) -> Article | InputError:
    article = read_article_text(text, id=raw.stem, origin=raw.name)
    if not article.text.strip():
        return EmptyInput(raw.name, "no article text after the date line")
    return article.model_copy(update={"url": raw.url}) if raw.url else article


def _json_articles(text: str, raw: RawInput) -> Iterator[Article | InputError]:
    results = list(read_json_document(text, source=raw.name, stem=raw.stem))
    if _is_extraction_record(text) and all(isinstance(result, MalformedInput) for result in results):
        # An extraction record (e.g. a gold file beside its article) is not an article:
        # skip it quietly in a folder, say what it is when it was named on its own.
        if not raw.in_folder:
            yield MalformedInput(raw.name, "an extraction record, not an article")
        return
    yield from results


def _is_extraction_record(text: str) -> bool:
    head = text[:400]
    return f'"{_EXTRACTION_RECORD_KEY}"' in head and "sidelined/" in head
