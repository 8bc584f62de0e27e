"""Extraction for Python callers: `extract`, `extract_many`, `extract_files`, `resolve_time`.

Each is a thin layer over `sidelined.pipeline` and `sidelined.ingest`, so the
library, the CLI and the REST API run the same code.  Bad input is always a
typed `InputError`; with `errors="yield"` the streaming functions hand such
errors back in place of the record instead of raising, so a batch runs on.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import Literal, overload

from sidelined.errors import BinaryInput, EmptyInput, ExtractionFailed, InputError, MalformedInput
from sidelined.library.records import Record
from sidelined.models import Article, Extraction, TimeExpression

__all__ = ["DayLike", "ErrorMode", "extract", "extract_files", "extract_many", "resolve_time"]

DayLike = date | str
ErrorMode = Literal["raise", "yield"]
_ID_HASH_CHARS = 12
# Articles queued per worker: enough to keep every worker busy, few enough to stream.
_QUEUED_PER_WORKER = 4


def parse_day(value: DayLike | None, what: str = "published") -> date | None:
    """A `date` from a date or an ISO `YYYY-MM-DD` string; `MalformedInput` otherwise."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise MalformedInput(what, f"{value!r} is not a day in the form YYYY-MM-DD") from None


def resolve_time(text: str, published: DayLike) -> list[TimeExpression]:
    """Every date, weekday, window and duration in `text`, resolved against the day `published`.

    The expressions are sorted by their start offset and do not overlap.

    ```python
    from sidelined import resolve_time

    found = resolve_time("He was injured on Saturday and is out for three weeks.", "2026-03-10")
    assert [t.kind for t in found] == ["weekday", "duration"]
    assert str(found[0].value) == "2026-03-07"
    ```
    """
    from sidelined.timex import resolve

    anchor = parse_day(published)
    assert anchor is not None  # parse_day returns None only for None
    return resolve(text, anchor)


def article_from_text(text: str, *, url: str | None = None, id: str | None = None) -> Article:
    """An `Article` from text in memory: plain text (with an optional `date YYYY-MM-DD` line) or an HTML page."""
    from sidelined.ingest import read_article_text
    from sidelined.ingest.detect import detect_kind

    if not text.strip():
        raise EmptyInput(id or "text", "no article text")
    if "\x00" in text:
        raise BinaryInput(id or "text", "NUL characters: binary data, not an article")
    article_id = id or _text_id(text, url)
    if detect_kind(text) == "html":
        from sidelined.ingest.html import read_html

        read = read_html(text, id=article_id, source=url or article_id, url=url)
        if isinstance(read, InputError):
            raise read
        return read
    article = read_article_text(text, id=article_id, origin=url)
    if not article.text.strip():
        raise EmptyInput(article_id, "no article text after the date line")
    return article.model_copy(update={"url": url}) if url else article


def extract(text: str, published: DayLike | None = None, url: str | None = None, *,
            id: str | None = None) -> Record:
    """Extract the v1 record of one article given as text.

    `published` (a `date` or `"YYYY-MM-DD"`) overrides the publication day the
    article's own date line or byline would give; `url` is kept in the record
    and may date the article too; `id` names it (by default a digest of the
    URL or text).  Raises an `InputError` (`EmptyInput`, `BinaryInput`,
    `MalformedInput`, `ExtractionFailed`) when the text cannot be read or extracted.

    ```python
    from sidelined import extract

    record = extract("Arsenal winger Bukayo Saka will miss the next three weeks with a hamstring injury.",
                     published="2024-12-24")
    assert record.injuries[0].player == "Bukayo Saka"
    assert record.to_dict()["article"]["published"] == "2024-12-24"
    ```
    """
    from sidelined.pipeline import extract_article

    day = parse_day(published)
    article = article_from_text(text, url=url, id=id)
    try:
        extraction = extract_article(article, published=day)
    except InputError:
        raise
    except Exception as error:  # a bug in a stage is reported as this article's failure
        raise ExtractionFailed(article.id, f"extraction failed: {type(error).__name__}: {error}") from error
    return Record(extraction)


@overload
def extract_many(items: Iterable[str | Article], workers: int = 1, published: DayLike | None = None,
                 errors: Literal["raise"] = "raise") -> Iterator[Record]: ...


@overload
def extract_many(items: Iterable[str | Article], workers: int = 1, published: DayLike | None = None, *,
                 errors: Literal["yield"]) -> Iterator[Record | InputError]: ...


def extract_many(items: Iterable[str | Article], workers: int = 1, published: DayLike | None = None,
                 errors: ErrorMode = "raise") -> Iterator[Record] | Iterator[Record | InputError]:
    """Records of many articles (texts or `Article`s), streamed in the order given.

    `workers` > 1 runs the extraction in that many processes; the items are
    read lazily, a few per worker at a time, so an endless iterable works.
    With `errors="raise"` the first unreadable article raises its `InputError`;
    with `errors="yield"` the error takes that article's place in the stream.

    ```python
    from sidelined import extract_many

    texts = ["date 2025-01-03\\nBukayo Saka has had surgery on a torn hamstring.", "   "]
    results = list(extract_many(texts, errors="yield"))
    assert results[0].injuries[0].body_part == "hamstring"
    assert type(results[1]).__name__ == "EmptyInput"
    ```
    """
    articles = (_article_or_error(item) for item in items)
    return _settled(_records(articles, workers, parse_day(published)), errors)


@overload
def extract_files(inputs: Iterable[str | os.PathLike[str]], workers: int = 1, published: DayLike | None = None,
                  errors: Literal["raise"] = "raise", *, max_bytes: int = ..., timeout: float = ...
                  ) -> Iterator[Record]: ...


@overload
def extract_files(inputs: Iterable[str | os.PathLike[str]], workers: int = 1, published: DayLike | None = None,
                  *, errors: Literal["yield"], max_bytes: int = ..., timeout: float = ...
                  ) -> Iterator[Record | InputError]: ...


def extract_files(inputs: Iterable[str | os.PathLike[str]], workers: int = 1, published: DayLike | None = None,
                  errors: ErrorMode = "raise", *, max_bytes: int = 5_000_000, timeout: float = 10.0
                  ) -> Iterator[Record] | Iterator[Record | InputError]:
    """Records of every article in files, folders, feed or page URLs, or `-` (standard input).

    The same reader as `sidelined extract`: plain text, HTML, RSS/Atom feeds,
    JSON and JSON Lines are told apart by their content.  `errors`, `workers`
    and `published` work as in `extract_many`.
    """
    from sidelined.ingest import read_inputs

    articles = read_inputs([os.fspath(item) for item in inputs], max_bytes=max_bytes, timeout=timeout)
    return _settled(_records(articles, workers, parse_day(published)), errors)


def _text_id(text: str, url: str | None) -> str:
    if url:
        return "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:_ID_HASH_CHARS]
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:_ID_HASH_CHARS]


def _article_or_error(item: str | Article) -> Article | InputError:
    if isinstance(item, Article):
        return item
    if not isinstance(item, str):
        raise TypeError(f"extract_many takes article texts or Articles, not {type(item).__name__}; "
                        "read files with extract_files")
    try:
        return article_from_text(item)
    except InputError as error:
        return error


def _settled(results: Iterator[Record | InputError], errors: ErrorMode) -> Iterator[Record | InputError]:
    for result in results:
        if errors == "raise" and isinstance(result, InputError):
            raise result
        yield result


def _records(articles: Iterable[Article | InputError], workers: int, published: date | None
             ) -> Iterator[Record | InputError]:
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    if workers == 1:
        from sidelined.pipeline import extract_stream

        for item in extract_stream(articles, published=published):
            yield item if isinstance(item, InputError) else Record(item)
        return
    yield from _records_in_processes(articles, workers, published)


def _records_in_processes(articles: Iterable[Article | InputError], workers: int, published: date | None
                          ) -> Iterator[Record | InputError]:
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker)
    pending: deque[tuple[Article, Future[Extraction | str]] | InputError] = deque()
    try:
        for item in articles:
            if isinstance(item, InputError):
                pending.append(item)
            else:
                pending.append((item, pool.submit(_extract_in_worker, item, published)))
            while len(pending) > workers * _QUEUED_PER_WORKER:
                yield _outcome(pending.popleft())
        while pending:
            yield _outcome(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _outcome(entry: tuple[Article, Future[Extraction | str]] | InputError) -> Record | InputError:
    if isinstance(entry, InputError):
        return entry
    article, future = entry
    result = future.result()
    if isinstance(result, str):
        return ExtractionFailed(article.origin or article.id, result)
    return Record(result)


def _warm_worker() -> None:
    from sidelined.kb import load_kb

    load_kb()


def _extract_in_worker(article: Article, published: date | None) -> Extraction | str:
    """Runs in a worker process; a failure comes back as its message (our errors do not pickle)."""
    from sidelined.pipeline import extract_article

    try:
        return extract_article(article, published=published)
    except Exception as error:  # one bad article must not stop a batch
        return f"extraction failed: {type(error).__name__}: {error}"
