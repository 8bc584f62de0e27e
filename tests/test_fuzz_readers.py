"""Fuzzing every reader: junk bytes, text, HTML, feeds and JSON Lines end as Articles or typed InputErrors.

Whatever arrives, `read_inputs` yields only `Article`s and the project's own
`InputError` kinds, and never raises; the per-reader functions behave the same.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidelined.errors import InputError, TooLargeInput
from sidelined.ingest import read_inputs
from sidelined.ingest.feeds import read_feed
from sidelined.ingest.html import read_html
from sidelined.ingest.records import read_json_document, read_json_lines
from sidelined.ingest.text import read_article_text
from sidelined.limits import MAX_FEED_ENTRIES
from sidelined.models import Article

SLOW_INPUTS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
# SIDELINED_FUZZ_EXAMPLES=500 for a deeper hunt; the default keeps the module well under a minute.
FUZZ_EXAMPLES = int(os.environ.get("SIDELINED_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=SLOW_INPUTS)
ABSURD_DATES = [
    "31 February 2025", "February 31, 2025", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "year 0",
    "in 10,000 days", "2025-13-45", "-0001-01-01", "Mon, 31 Feb 2025 00:00:00 GMT", "Sun, 00 Jan 0000 25:61:61 +9999",
    "1 January 10000", "the 0-1 season", "30 February", "99999999999999999999",
]
BROKEN_ENTITIES = ["&#0;", "&#x110000;", "&#99999999999999;", "&#xD800;", "&nbsp", "&;", "&#;", "&unknown;", "&amp",
                   "&#x;", "&#-1;", "\x00", "\ufeff", "\u202e", "&#" + "9" * 5000 + ";"]
WORDS = ["Bukayo Saka", "Arsenal", "hamstring", "injury", "will miss", "weeks", "Real Madrid", "out", "knee",
         "surgery", "returned", "doubtful", "Saturday", "against Chelsea", "2-1", "said", "."]

texts = st.lists(st.sampled_from(WORDS + ABSURD_DATES + BROKEN_ENTITIES) | st.text(max_size=20), max_size=60).map(
    " ".join
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tags = st.sampled_from(["div", "p", "article", "span", "b", "table", "td", "script", "li", "a", "html", "body"])
    return st.tuples(tags, st.lists(children, max_size=4)).map(lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>")


html_fragments = st.recursive(texts | st.sampled_from(BROKEN_ENTITIES + ["<", ">", "</p>", "<p", "<!--", "]]>"]),
                              _element, max_leaves=30)
deep_html = st.tuples(st.integers(50, 5000), st.sampled_from(["div", "p", "span", "b"]), texts).map(
    lambda t: "<html><body>" + f"<{t[1]}>" * t[0] + t[2] + f"</{t[1]}>" * (t[0] // 2)
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
article_objects = st.fixed_dictionaries(
    {"text": texts | json_values},
    optional={"published": st.sampled_from(ABSURD_DATES) | json_values, "title": json_values, "url": json_values,
              "source": json_values, "id": json_values},
)


def feed_document(entries: list[tuple[str, str, str]]) -> str:
    items = "".join(f"<item><title>{t}</title><pubDate>{d}</pubDate><description>{b}</description></item>"
                    for t, d, b in entries)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'


feeds = st.lists(st.tuples(texts, st.sampled_from(ABSURD_DATES) | texts, html_fragments), max_size=6).map(
    feed_document
)


def only_articles_or_input_errors(results: list[object]) -> None:
    for result in results:
        assert isinstance(result, Article | InputError), type(result)
        if isinstance(result, InputError):
            assert result.kind and "\n" not in str(result), str(result)


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def read_bytes(folder: Path, data: bytes, name: str = "input.txt") -> list[object]:
    path = folder / name
    path.write_bytes(data)
    return list(read_inputs([str(path)], max_bytes=200_000))


@FUZZ
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes(scratch: Path, data: bytes) -> None:
    only_articles_or_input_errors(read_bytes(scratch, data))


@FUZZ
@given(text=st.text(max_size=3000), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"]))
def test_arbitrary_text_in_any_encoding(scratch: Path, text: str, encoding: str) -> None:
    only_articles_or_input_errors(read_bytes(scratch, text.encode(encoding, errors="replace")))


@FUZZ
@given(html=html_fragments | deep_html)
def test_html_pages(scratch: Path, html: str) -> None:
    page = "<!doctype html><html><body><article>" + html + "</article></body></html>"
    only_articles_or_input_errors(read_bytes(scratch, page.encode("utf-8", errors="replace"), "page.html"))
    only_articles_or_input_errors([read_html(html, id="x", source="x")])


@FUZZ
@given(feed=feeds)
def test_feeds(scratch: Path, feed: str) -> None:
    only_articles_or_input_errors(read_bytes(scratch, feed.encode("utf-8", errors="replace"), "feed.rss"))
    only_articles_or_input_errors(list(read_feed(feed, source="f", stem="f")))


@FUZZ
@given(records=st.lists(article_objects | json_values, max_size=5), junk=st.lists(texts, max_size=3))
def test_json_lines_and_documents(scratch: Path, records: list[object], junk: list[str]) -> None:
    lines = [json.dumps(record) for record in records] + junk
    jsonl = "\n".join(lines)
    only_articles_or_input_errors(read_bytes(scratch, jsonl.encode("utf-8", errors="replace"), "a.jsonl"))
    only_articles_or_input_errors(list(read_json_lines(jsonl, source="s", stem="s")))
    only_articles_or_input_errors(list(read_json_document(json.dumps(records), source="s", stem="s")))


@FUZZ
@given(text=texts | st.text(max_size=2000), marker=st.sampled_from(["date ", "date: ", "Date "]),
       day=st.sampled_from(ABSURD_DATES + ["2025-02-29", "2024-02-29"]))
def test_plain_text_with_absurd_date_lines(text: str, marker: str, day: str) -> None:
    article = read_article_text(f"{marker}{day}\n{text}", id="t")
    assert isinstance(article, Article)


def test_a_huge_line(scratch: Path) -> None:
    line = ("Saka hamstring " * 12_000).encode()  # 180 kB without a newline
    only_articles_or_input_errors(read_bytes(scratch, line))
    only_articles_or_input_errors(read_bytes(scratch, b'{"text": "' + line + b'"}\n', "a.jsonl"))


def test_html_nested_far_deeper_than_any_page(scratch: Path) -> None:
    page = "<html><body>" + "<div>" * 100_000 + "Saka is out with a hamstring injury for weeks" + "</div>" * 100_000
    only_articles_or_input_errors(read_bytes(scratch, page.encode(), "deep.html"))


def test_a_feed_with_too_many_entries_is_cut_with_one_error() -> None:
    entry = ("Saka", "Mon, 06 Jan 2025 10:00:00 GMT", "Bukayo Saka is out for weeks with a hamstring injury.")
    results = list(read_feed(feed_document([entry] * (MAX_FEED_ENTRIES + 7)), source="big.rss", stem="big"))
    errors = [r for r in results if isinstance(r, TooLargeInput)]
    assert len(errors) == 1 and f"{MAX_FEED_ENTRIES + 7:,} entries" in str(errors[0])
    assert sum(isinstance(r, Article) for r in results) == MAX_FEED_ENTRIES
