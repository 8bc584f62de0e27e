"""Publication dating: fill `Article.published` when the article does not print it.

A day already set (from a date line, byline, metadata, feed or `--published`)
is kept.  Otherwise the day is inferred from the text (see `infer`) and marked
`published_source="inferred"` with a confidence and a window in days.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sidelined.dating.infer import Inference, infer_published
from sidelined.models import Article

__all__ = ["date_article", "infer_published", "Inference"]


def date_article(article: Article, *, kb: Any = None) -> Article:
    """A copy of `article` with `published` filled when it was None (unchanged otherwise)."""
    if article.published is not None:
        return article.model_copy()
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
