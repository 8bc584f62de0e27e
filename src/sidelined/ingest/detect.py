"""Which reader a decoded input needs, judged by its content rather than its name."""

from __future__ import annotations

import json
import re
from typing import Literal

InputKind = Literal["html", "feed", "jsonl", "json", "text"]

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl"})

_SNIFF_CHARS = 4096
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|h1|title|meta)\b", re.IGNORECASE)


def detect_kind(text: str) -> InputKind:
    """The kind of document `text` is: html, feed, jsonl, json or text."""
    head = text[:_SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        if _FEED_ROOT.search(head):
            return "feed"
        if _HTML_MARKUP.search(head) or not head.startswith("<?xml"):
            return "html"
        return "feed"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return _json_or_lines(text)
    return "text"


def _json_or_lines(text: str) -> InputKind:
    """A single (possibly pretty-printed) JSON object, or one object per line."""
    first_line = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
    try:
        json.loads(first_line)
    except ValueError:
        try:
            json.loads(text)
        except ValueError:
            return "jsonl"  # the line reader reports the bad line by number
        return "json"
    return "jsonl"
