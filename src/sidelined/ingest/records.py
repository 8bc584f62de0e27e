"""JSON Lines and JSON exports: one article per object with `text` and optional metadata.

Recognised fields: `text` (required), `published`, `url`, `title`, `outlet`,
`author`, `id`; the names news APIs use for them are accepted too (`content`,
`publishedAt`, `source: {"name": ...}`), as is a document wrapping its list
in `articles`, `items` or `data`.  A bad line is reported with its number and
reading goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from sidelined.errors import InputError, MalformedInput
from sidelined.ingest.text import read_article_text
from sidelined.models import Article

FIELD_NAMES = {
    "text": ("text", "content", "body", "article_text"),
    "published": ("published", "publishedAt", "published_at", "pubDate", "date"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site_name", "publisher"),
    "author": ("author", "byline"),
}
_LIST_KEYS = ("articles", "items", "data", "results")


def read_json_lines(text: str, *, source: str, stem: str) -> Iterator[Article | InputError]:
    """Each non-blank line of `text` as an article, or an error naming the line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except ValueError as error:
            yield MalformedInput(where, f"not valid JSON ({_short(error)})")
            continue
        yield _article_or_error(record, where=where, default_id=f"{stem}-{number}", origin=source)


def read_json_document(text: str, *, source: str, stem: str) -> Iterator[Article | InputError]:
    """A JSON array of article objects, or a single article object."""
    try:
        document = json.loads(text)
    except ValueError as error:
        yield MalformedInput(source, f"not valid JSON ({_short(error)})")
        return
    records = _records_of(document)
    if not records:
        yield MalformedInput(source, "JSON array has no articles")
        return
    for index, record in enumerate(records, start=1):
        default_id = stem if len(records) == 1 else f"{stem}-{index}"
        where = source if len(records) == 1 else f"{source}[{index}]"
        yield _article_or_error(record, where=where, default_id=default_id, origin=source)


def _records_of(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in _LIST_KEYS:
            if isinstance(document.get(key), list):
                return list(document[key])
    return [document]


def _field(record: dict[str, Any], field: str) -> Any:
    """The record's value for `field` under any of its accepted names ({"name": ...} unwrapped)."""
    for name in FIELD_NAMES[field]:
        value = record.get(name)
        if isinstance(value, dict):
            value = value.get("name")
        if value not in (None, ""):
            return value
    return None


def _article_or_error(record: Any, *, where: str, default_id: str, origin: str) -> Article | InputError:
    if not isinstance(record, dict):
        return MalformedInput(where, "expected a JSON object with a 'text' field")
    body = _field(record, "text")
    if not isinstance(body, str) or not body.strip():
        return MalformedInput(where, "no 'text' field with article text")
    record_id = record.get("id")
    article_id = str(record_id) if record_id not in (None, "") else default_id
    article = read_article_text(body, id=article_id, origin=origin)
    updates: dict[str, Any] = {}
    for field in ("url", "title", "outlet", "author"):
        value = _field(record, field)
        if isinstance(value, str) and value.strip():
            updates[field] = value.strip()
    raw_published = _field(record, "published")
    if raw_published is not None:
        published = _parse_published(raw_published)
        if published is None:
            return MalformedInput(where, f"'published' is not a date: {str(raw_published)[:40]!r}")
        updates["published"] = published
        updates["published_source"] = "metadata"
    return article.model_copy(update=updates)


def _parse_published(value: Any) -> date | None:
    """ISO dates and times, or the RFC 2822 form feeds and some APIs use."""
    if not isinstance(value, str):
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _short(error: Exception) -> str:
    return str(error).split("\n", 1)[0][:80]
