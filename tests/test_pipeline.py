"""The pipeline entry point: stages in order, a published override, one bad article never stops a batch."""

from __future__ import annotations

from datetime import date

import pytest

import sidelined.pipeline as pipeline
from sidelined.errors import ExtractionFailed, InputError
from sidelined.models import Article, Extraction

TEXT = ("Arsenal winger Bukayo Saka will miss Saturday's game against Chelsea with a hamstring injury, "
        "manager Mikel Arteta confirmed.")


def test_published_override_anchors_the_times() -> None:
    article = Article(id="a", text=TEXT)
    x = pipeline.extract_article(article, published=date(2025, 1, 8))
    assert x.article.published == date(2025, 1, 8)
    assert x.article.published_source == "manual"
    saturday = [t for t in x.timexes if t.text.startswith("Saturday")]
    assert saturday and saturday[0].value == date(2025, 1, 11)
    assert [r.player for r in x.injuries] == ["Bukayo Saka"]


def test_a_failing_article_becomes_an_error_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.extract_events

    def flaky(article: Article, *args: object):  # type: ignore[no-untyped-def]
        if article.id == "bad":
            raise RuntimeError("boom")
        return real(article, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract_events", flaky)
    items: list[Article | InputError] = [
        Article(id="bad", text=TEXT, published=date(2025, 1, 8), origin="bad.txt"),
        Article(id="good", text=TEXT, published=date(2025, 1, 8)),
    ]
    out = list(pipeline.extract_stream(items))
    assert isinstance(out[0], ExtractionFailed)
    assert "bad.txt" in str(out[0]) and "boom" in str(out[0])
    assert isinstance(out[1], Extraction) and out[1].article.id == "good"


def test_an_absurd_publication_day_is_a_typed_input_error() -> None:
    with pytest.raises(InputError, match="outside"):
        pipeline.extract_article(Article(id="old", text=TEXT), published=date(3, 1, 3))
    out = list(pipeline.extract_stream([Article(id="old", text=TEXT, published=date(9999, 12, 31))]))
    assert isinstance(out[0], InputError) and "9999-12-31" in str(out[0])
