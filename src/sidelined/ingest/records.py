"""JSON Lines and JSON exports: one article per object with `text` and optional metadata.

Recognised fields: `text` (required), `published`, `url`, `title`, `outlet`,
`author`, `id`.  A bad line is reported with its number and reading goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from sidelined.errors import InputError, MalformedInput
from sidelined.ingest.text import read_article_text
from sidelined.models import Article

_OPTIONAL_TEXT_FIELDS = ("url", "title", "outlet", "author")


def read_json_lines(text: str, *, source: str, stem: str) -> Iterator[Article | InputError]:
    """Each non-blank line of `text` as an article, or an error naming the line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except ValueError as error:
            yield MalformedInput(where, f"line {number} is not valid JSON ({_short(error)})")
            continue
        yield _article_or_error(record, where=where, default_id=f"{stem}-{number}", origin=source)


def read_json_document(text: str, *, source: str, stem: str) -> Iterator[Article | InputError]:
    """A JSON array of article objects, or a single article object."""
    try:
        document = json.loads(text)
    except ValueError as error:
        yield MalformedInput(source, f"not valid JSON ({_short(error)})")
        return
    records = document if isinstance(document, list) else [document]
    if not records:
        yield MalformedInput(source, "JSON array has no articles")
        return
    for index, record in enumerate(records, start=1):
        default_id = stem if len(records) == 1 else f"{stem}-{index}"
        where = source if len(records) == 1 else f"{source}[{index}]"
        yield _article_or_error(record, where=where, default_id=default_id, origin=source)


def _article_or_error(record: Any, *, where: str, default_id: str, origin: str) -> Article | InputError:
    if not isinstance(record, dict):
        return MalformedInput(where, "expected a JSON object with a 'text' field")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return MalformedInput(where, "no 'text' field with article text")
    record_id = record.get("id")
    article_id = str(record_id) if record_id not in (None, "") else default_id
    article = read_article_text(body, id=article_id, origin=origin)
    updates: dict[str, Any] = {}
    for field in _OPTIONAL_TEXT_FIELDS:
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            updates[field] = value.strip()
    if record.get("published") not in (None, ""):
        published = _parse_published(record["published"])
        if published is None:
            return MalformedInput(where, f"'published' is not a date: {str(record['published'])[:40]!r}")
        updates["published"] = published
        updates["published_source"] = "metadata"
    return article.model_copy(update=updates)


def _parse_published(value: Any) -> date | None:
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
        return None


def _short(error: Exception) -> str:
    return str(error).split("\n", 1)[0][:80]
