"""RSS and Atom feeds, via feedparser: each entry an article dated by the entry."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from sidelined.errors import EmptyInput, InputError, MalformedInput, TooLargeInput
from sidelined.ingest.outlet import outlet_from_text
from sidelined.ingest.text import read_article_text
from sidelined.limits import MAX_FEED_ENTRIES
from sidelined.models import Article

_SLUG_MAX = 60
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TAG = re.compile(r"<[^>]*>")
_CHARACTER_REFERENCE = re.compile(r"&#([xX][0-9a-fA-F]+|[0-9]+);")
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


def read_feed(text: str, *, source: str, stem: str) -> Iterator[Article | InputError]:
    """Every entry of the feed in `text`, or one error when it is not a readable feed."""
    parsed = feedparser.parse(_valid_character_references(text))
    entries = parsed.get("entries") or []
    problem = _syntax_problem(parsed)
    if problem or not entries:
        yield MalformedInput(source, f"malformed feed ({problem})" if problem else "feed has no entries")
    if len(entries) > MAX_FEED_ENTRIES:
        yield TooLargeInput(source, f"feed has {len(entries):,} entries, more than the {MAX_FEED_ENTRIES:,}-entry "
                                    f"limit; only the first {MAX_FEED_ENTRIES:,} are read")
        entries = entries[:MAX_FEED_ENTRIES]
    feed_title = (parsed.get("feed") or {}).get("title") or None
    for index, entry in enumerate(entries, start=1):
        result = _entry_article(entry, source=source, fallback_id=f"{stem}-{index}", feed_title=feed_title)
        # In a broken feed, entries left without text are part of the one report above.
        if not (problem and isinstance(result, EmptyInput)):
            yield result


def _valid_character_references(text: str) -> str:
    """`&#...;` references to no character (past U+10FFFF, surrogates, NUL) made U+FFFD: feedparser raises on them."""

    def replace(match: re.Match[str]) -> str:
        digits = match.group(1)
        if len(digits) > 8:
            return "&#xFFFD;"
        code = int(digits[1:], 16) if digits[:1] in ("x", "X") else int(digits)
        return match.group(0) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "&#xFFFD;"

    return _CHARACTER_REFERENCE.sub(replace, text)


def _syntax_problem(parsed: Any) -> str | None:
    """What is wrong with the feed's XML, when feedparser had to recover from it."""
    problem = parsed.get("bozo_exception")
    if not parsed.get("bozo") or problem is None or isinstance(problem, feedparser.CharacterEncodingOverride):
        return None
    return _one_line(problem)


def _entry_article(
    entry: Any, *, source: str, fallback_id: str, feed_title: str | None
) -> Article | InputError:
    where = f"{source}#{entry.get('id') or entry.get('link') or fallback_id}"
    body = _entry_text(entry)
    if not body:
        return EmptyInput(where, "feed entry has no text")
    article = read_article_text(body, id=_entry_id(entry, fallback_id), origin=source)
    published = _entry_date(entry)
    return article.model_copy(
        update={
            "title": entry.get("title") or article.title,
            "url": entry.get("link") or None,
            "author": entry.get("author") or article.author,
            "outlet": feed_title or outlet_from_text(body),
            "published": published or article.published,
            "published_source": "feed" if published else article.published_source,
        }
    )


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    fragment = contents[0].get("value", "") if contents else entry.get("summary", "")
    return html_fragment_text(fragment or "")


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed content), one line per block element."""
    fragment = _XML_INCOMPATIBLE.sub("", fragment)
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    # Markup lxml cannot build a tree of (it asserts on a fragment that is a whole empty page): keep the words.
    except (ValueError, AssertionError, lxml.etree.LxmlError):
        return " ".join(_TAG.sub(" ", fragment).split())
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed: time.struct_time | None = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:  # year 0 and the like: look for another date
                continue
    return None


def _entry_id(entry: Any, fallback: str) -> str:
    key = entry.get("id") or entry.get("link")
    if not key:
        return fallback
    segments = [segment for segment in re.split(r"[/?#=&:]+", key) if segment]
    readable = re.sub(r"[^a-z0-9]+", "-", (segments[-1] if segments else key).lower()).strip("-")
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{readable[:_SLUG_MAX]}-{digest}" if readable else digest


def _one_line(problem: object) -> str:
    return " ".join(str(problem).split())[:100]
