"""Plain-text articles: the `date YYYY-MM-DD` marker, bylines and publication stamps.

A leading ` date 2026-02-01` marker (alone on its line or followed by the
article on the same line) is removed from the text and gives the publication
day.  Otherwise a byline ("By Ben Sully | 07 Mar 2026 00:08") or another
publication stamp near the top gives it; the text itself is kept intact.
"""

from __future__ import annotations

import re
from datetime import date

from sidelined.ingest.outlet import outlet_from_text
from sidelined.ingest.stamps import stamps
from sidelined.models import Article, PublishedSource

_DATE_MARKER = re.compile(r"^\s*date:?\s+(?P<iso>\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_BYLINE = re.compile(
    r"^\s*By\s+(?P<author>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*(?:[|,]|$|\s(?=\w+,?\s+\d))",
    re.MULTILINE,
)
_STAFF_WORDS = {"team", "staff", "desk", "reporter", "correspondent"}
# Publication lines sit at the top of a page: a stamp further down is a quoted date.
_STAMP_HEAD_CHARS = 700
_TITLE_MAX_CHARS = 160
_TITLE_MIN_WORDS = 4
_TITLE_SEARCH_LINES = 4


def read_article_text(text: str, *, id: str, origin: str | None = None) -> Article:
    """An Article from plain text already in memory (a file, stdin, a JSON field...)."""
    body, published = _strip_date_marker(text)
    source: PublishedSource | None = "line" if published else None
    author = _byline_author(body)
    if published is None:
        published = _stamp_date(body)
        source = "byline" if published else None
    return Article(
        id=id,
        text=body,
        title=_title(body),
        outlet=outlet_from_text(body),
        author=author,
        published=published,
        published_source=source,
        origin=origin,
    )


def _strip_date_marker(text: str) -> tuple[str, date | None]:
    match = _DATE_MARKER.match(text)
    if not match:
        return text, None
    try:
        published = date.fromisoformat(match.group("iso"))
    except ValueError:
        return text, None
    return text[match.end() :], published


def _byline_author(text: str) -> str | None:
    match = _BYLINE.search(text[:_STAMP_HEAD_CHARS])
    if not match:
        return None
    author = match.group("author").strip()
    if author.split()[-1].lower() in _STAFF_WORDS:
        return None
    return author


def _stamp_date(text: str) -> date | None:
    head = text[:_STAMP_HEAD_CHARS]
    found = stamps(head)
    return found[0].value if found else None


def _title(text: str) -> str | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:_TITLE_SEARCH_LINES]:
        if line.startswith("By ") or len(line.split()) < _TITLE_MIN_WORDS:
            continue
        if len(line) <= _TITLE_MAX_CHARS and not line.endswith((".", "!", "?", ":", ")")):
            return line
        return None
    return None
