"""Publication dating: fill `Article.published` when the article does not print it.

A day already set (from a date line, byline, metadata, feed or `--published`)
is kept.  Otherwise the day its address names (/2017/11/17/) is taken, and
failing that the day is inferred from the text (see `infer`), marked
`published_source="inferred"` with a confidence and a window in days.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sidelined.dating.infer import Inference, infer_published
from sidelined.dating.urls import date_in_url
from sidelined.models import Article

__all__ = ["date_article", "date_in_url", "infer_published", "Inference"]

URL_DATE_CONFIDENCE = 0.9


def date_article(article: Article, *, kb: Any = None) -> Article:
    """A copy of `article` with `published` filled when it was None (unchanged otherwise).

    `kb` (optional) is the knowledge base: its fixtures and players let dates
    of matches, squads and ages in the text fix the year.
    """
    if article.published is not None:
        return article.model_copy()
    from_url = date_in_url(article.url)
    if from_url is not None:
        return article.model_copy(
            update={
                "published": from_url,
                "published_source": "metadata",
                "published_confidence": URL_DATE_CONFIDENCE,
                "published_window_days": 1,
            }
        )
    inference = infer_published(article.text, fallback_year=date.today().year, kb=kb)
    if inference is None:
        return article.model_copy()
    return article.model_copy(
        update={
            "published": inference.published,
            "published_source": "inferred",
            "published_confidence": inference.confidence,
            "published_window_days": inference.window_days,
        }
    )
