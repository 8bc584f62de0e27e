"""The extraction pipeline: an Article in, an Extraction out.

It runs the stages in their one direction (dating, entities, timex, events)
and is the single entry point the CLI, the API, backfills and the library use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from sidelined.dating import date_article
from sidelined.entities import link
from sidelined.errors import ExtractionFailed, InputError, MalformedInput
from sidelined.events import extract_events
from sidelined.kb import KnowledgeBase, load_kb
from sidelined.limits import extraction_budget
from sidelined.models import Article, Extraction
from sidelined.timex import resolve

# Football news has a publication day in this span; outside it, day arithmetic is not meaningful.
EARLIEST_DAY = date(1800, 1, 1)
LATEST_DAY = date(2200, 12, 31)


def extract_article(article: Article, kb: KnowledgeBase | None = None,
                    published: date | None = None) -> Extraction:
    """Run every stage on one article. `published` overrides the article's own day."""
    kb = kb if kb is not None else load_kb()
    if published is not None:
        article = article.model_copy(update={"published": published, "published_source": "manual",
                                             "published_window_days": 0})
    with extraction_budget(article.origin or article.id):  # ExtractionTooSlow past the per-article budget
        article = date_article(article, kb=kb)
        if article.published is not None and not EARLIEST_DAY <= article.published <= LATEST_DAY:
            raise MalformedInput(article.origin or article.id,
                                 f"publication day {article.published} is outside {EARLIEST_DAY.year}-"
                                 f"{LATEST_DAY.year}")
        mentions = link(article, kb)
        timexes = resolve(article.text, article.published) if article.published else []
        injuries, matches, transfers = extract_events(article, mentions, timexes, kb)
    return Extraction(article=article, injuries=injuries, matches=matches, transfers=transfers,
                      mentions=mentions, timexes=timexes)


def extract_stream(items: Iterable[Article | InputError], kb: KnowledgeBase | None = None,
                   published: date | None = None) -> Iterator[Extraction | InputError]:
    """Extract each article of a stream, passing input errors through untouched."""
    kb = kb if kb is not None else load_kb()
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield extract_article(item, kb, published)
        except InputError as exc:
            yield exc
        except Exception as exc:  # one bad article must not stop a batch
            yield ExtractionFailed(item.origin or item.id, f"extraction failed: {type(exc).__name__}: {exc}")
