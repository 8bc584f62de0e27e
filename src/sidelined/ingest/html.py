"""HTML pages: the main article text and its metadata, via trafilatura.

Navigation, comments, "read next" blocks and tables (league tables, fixture
grids) are dropped.  A page with no article text in it is refused.
"""

from __future__ import annotations

import warnings
from datetime import date
from typing import Any

import trafilatura
from lxml import etree

from sidelined.errors import EmptyInput, InputError, MalformedInput
from sidelined.ingest.outlet import outlet_from_text
from sidelined.ingest.text import read_article_text
from sidelined.models import Article

_MIN_ARTICLE_WORDS = 8
# Only the page's own metadata and URL: a date found in the article body is
# usually a match or an event, so dating infers from the body separately.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(html: str, *, id: str, source: str, url: str | None = None) -> Article | InputError:
    """The article in an HTML page, or an error when the page holds none."""
    try:
        extracted = _extract(html, url) or {}
    except (ValueError, TypeError, etree.LxmlError) as error:
        return MalformedInput(source, f"HTML could not be parsed ({' '.join(str(error).split())[:80]})")
    body = (extracted.get("text") or "").strip()
    if len(body.split()) < _MIN_ARTICLE_WORDS:
        return EmptyInput(source, "HTML page has no article text")
    article = read_article_text(body, id=id, origin=source)
    published = _metadata_date(extracted.get("date"))
    return article.model_copy(
        update={
            "title": extracted.get("title") or article.title,
            "url": extracted.get("url") or url,
            "author": extracted.get("author") or article.author,
            "outlet": extracted.get("sitename") or outlet_from_text(body),
            "published": published or article.published,
            "published_source": "metadata" if published else article.published_source,
        }
    )


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml deprecation noise from inside trafilatura
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params=_DATE_PARAMS,
            as_dict=True,
        )
    return result if isinstance(result, dict) else None


def _metadata_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
