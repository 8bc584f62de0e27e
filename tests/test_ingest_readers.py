"""Each reader on inputs written for these tests: plain text, HTML, RSS, Atom, JSON Lines, JSON, folders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sidelined.errors import BinaryInput, EmptyInput, InputError, MalformedInput
from sidelined.ingest import read_article_text, read_inputs
from sidelined.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read_all(*inputs: str | Path) -> list[Article | InputError]:
    return list(read_inputs([str(item) for item in inputs]))


def articles(results: list[Article | InputError]) -> list[Article]:
    return [item for item in results if isinstance(item, Article)]


def errors(results: list[Article | InputError]) -> list[InputError]:
    return [item for item in results if isinstance(item, InputError)]


# ---------------------------------------------------------------- plain text
def test_date_marker_on_the_same_line_as_the_text_is_removed() -> None:
    article = read_article_text(" date 2026-02-01 Jude Bellingham's hamstring injury worried Madrid.", id="a")
    assert article.published == date(2026, 2, 1)
    assert article.published_source == "line"
    assert article.text == "Jude Bellingham's hamstring injury worried Madrid."


@pytest.mark.parametrize("marker", ["date 2018-08-21\n", "Date: 2018-08-21\n\n", "  date 2018-08-21 "])
def test_date_marker_forms_are_removed(marker: str) -> None:
    article = read_article_text(marker + "Winnall trained with the squad.", id="a")
    assert article.published == date(2018, 8, 21)
    assert article.text.strip() == "Winnall trained with the squad."


def test_a_date_marker_later_in_the_text_is_left_alone() -> None:
    text = "Winnall trained.\ndate 2018-08-21 was the day."
    article = read_article_text(text, id="a")
    assert article.published is None and article.text == text


def test_byline_gives_author_and_first_date_and_keeps_the_text() -> None:
    text = (FIXTURES / "story_byline.txt").read_text(encoding="utf-8")
    article = read_article_text(text, id="story")
    assert article.author == "Tom Hale"
    assert article.published == date(2025, 2, 14)
    assert article.published_source == "byline"
    assert article.text == text


def test_publication_stamp_near_the_top_dates_the_article() -> None:
    text = "Bayern's winger back in training\nNovember 15, 2017 / 1:02 PM / in 16 hours\n\nHe trained on Wednesday."
    assert read_article_text(text, id="a").published == date(2017, 11, 15)


@pytest.mark.parametrize(
    "line",
    [
        "Published: 5 March 2025",
        "Updated 10:40 PM, Dec 26 2019",
        "Fri 26 Jan 2018 07.00 GMT",
        "Posted on Friday, 9 November 2018",
        "Thursday, April 25, 2019 - 11:14 AM",
    ],
)
def test_publication_line_forms(line: str) -> None:
    article = read_article_text(f"Headline about a knee injury\n{line}\n\nThe defender is out.", id="a")
    assert article.published is not None and article.published_source == "byline"
    assert str(article.published.year) in line


@pytest.mark.parametrize(
    "text",
    [
        "He tore a ligament in the draw on October 1, 2017 and is out.",
        "Kick-off: the derby on Oct. 1, 2017, 20:30 at the Emirates.",
        "The derby kicks off at 20:30 on 1 October 2017 at the Emirates.",
    ],
)
def test_a_date_inside_a_sentence_is_not_a_publication_stamp(text: str) -> None:
    assert read_article_text(text, id="a").published is None


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("BERLIN (Reuters) - Bayern Munich winger Franck Ribery returned to training.", "Reuters"),
        ("Paris, July 28 (IANS) PSG forward Kylian Mbappe will be absent.", "IANS"),
        ("Ronaldo was suspended for one match. Source: Philippines News Agency", "Philippines News Agency"),
        ("Messi went off before half-time.\n— Reuters\n", "Reuters"),
        ("By The42 Team Thursday 26 Dec 2019, 10:40 PM\nMcTominay hurt his knee.", "The42"),
    ],
)
def test_outlet_from_credit_lines(text: str, outlet: str) -> None:
    assert read_article_text(text, id="a").outlet == outlet


def test_a_source_the_story_is_attributed_to_is_not_the_outlet() -> None:
    text = "Bellingham missed training on Friday, according to Relevo (via TBR Football). Sky Sports also reported it."
    assert read_article_text(text, id="a").outlet is None


def test_a_picture_credit_is_not_a_dateline() -> None:
    assert read_article_text("Harry Kane (PA)\nSpurs said the striker is out.", id="a").outlet is None


def test_section_heading_with_team_is_not_a_staff_byline() -> None:
    assert read_article_text("Preview\n\nIvory Coast Team news\n\nHaller is a doubt.", id="a").outlet is None


# ---------------------------------------------------------------- HTML
def test_html_reader_keeps_the_article_and_drops_boilerplate() -> None:
    [article] = read_all(FIXTURES / "page_boilerplate.html")
    assert isinstance(article, Article)
    assert "strain in his left hamstring" in article.text
    assert "international break" in article.text
    for boilerplate in ("cookies", "Read next", "Ten transfer targets", "Gooner1886", "Liverpool", "Copyright"):
        assert boilerplate not in article.text
    assert article.title == "Winger out for three weeks with hamstring strain"
    assert article.author == "Maria Lopez"
    assert article.outlet == "Touchline Daily"
    assert article.published == date(2025, 3, 4)
    assert article.published_source == "metadata"
    assert article.id == "page_boilerplate"


def test_html_page_without_article_text_is_refused() -> None:
    [error] = read_all(FIXTURES / "page_without_article.html")
    assert isinstance(error, EmptyInput)
    assert str(error).startswith(str(FIXTURES / "page_without_article.html") + ": ")


def test_reader_is_chosen_by_content_not_extension(tmp_path: Path) -> None:
    disguised = tmp_path / "saved_page.txt"
    disguised.write_bytes((FIXTURES / "page_boilerplate.html").read_bytes())
    [article] = articles(read_all(disguised))
    assert article.outlet == "Touchline Daily"
    assert "<p>" not in article.text


# ---------------------------------------------------------------- feeds
def test_rss_entries_are_articles_dated_by_the_entry() -> None:
    results = read_all(FIXTURES / "feed.rss")
    first, second = articles(results)
    assert not errors(results)
    assert first.title == "Defender ruled out of derby with knee injury"
    assert first.url == "https://touchline.example/news/defender-knee-derby"
    assert first.published == date(2025, 3, 7)
    assert first.published_source == "feed"
    assert first.outlet == "Touchline Daily: injuries"
    assert "Levi Colwill" in first.text and "<p>" not in first.text
    assert first.text.count("\n") >= 1  # paragraphs kept apart
    assert second.published == date(2025, 3, 8)
    assert first.id != second.id and first.id.startswith("defender-knee-derby")


def test_atom_entry_is_an_article() -> None:
    [article] = read_all(FIXTURES / "feed.atom")
    assert isinstance(article, Article)
    assert article.published == date(2025, 4, 1)
    assert article.author == "Ana Costa"
    assert article.outlet == "Pitchside Wire"
    assert article.url == "https://pitchside.example/goalkeeper-finger"
    assert "broke a finger" in article.text


def test_malformed_feed_is_reported() -> None:
    [error] = read_all(FIXTURES / "feed_malformed.rss")
    assert isinstance(error, MalformedInput)
    assert "feed" in error.reason


# ---------------------------------------------------------------- JSON Lines / JSON
def test_json_lines_read_good_lines_and_report_bad_ones_by_number() -> None:
    results = read_all(FIXTURES / "articles.jsonl")
    good = articles(results)
    bad = errors(results)
    assert [article.id for article in good] == ["jl-1", "articles-2", "articles-5"]
    assert good[0].published == date(2025, 4, 9) and good[0].published_source == "metadata"
    assert good[0].outlet == "Wire Example" and good[0].url == "https://wire.example/mbappe-ankle"
    assert good[1].published == date(2025, 4, 10)
    assert good[2].published is None
    assert [type(error) for error in bad] == [MalformedInput, MalformedInput]
    assert "articles.jsonl:3: not valid JSON" in str(bad[0]) and "articles.jsonl:4: " in str(bad[1])
    assert all("\n" not in str(error) for error in bad)


def test_json_array_of_articles() -> None:
    first, second = articles(read_all(FIXTURES / "articles.json"))
    assert (first.id, first.published) == ("js-1", date(2024, 10, 21))
    assert (second.id, second.published) == ("js-2", None)


def test_news_api_export_field_names() -> None:
    first, second = articles(read_all(FIXTURES / "news_api_export.json"))
    assert (first.id, second.id) == ("news_api_export-1", "news_api_export-2")
    assert first.outlet == "Pitchside Wire" and first.author == "Ana Costa"
    assert first.published == date(2025, 4, 3) and first.url.endswith("midfielder-six-weeks")
    assert "thigh muscle tear" in first.text
    assert second.published == date(2025, 4, 4)


def test_json_lines_bad_published_value_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "Saka is out.", "published": "last Tuesday"}\n', encoding="utf-8")
    [error] = read_all(path)
    assert isinstance(error, MalformedInput) and "published" in error.reason


# ---------------------------------------------------------------- folders
def test_folder_is_read_recursively_and_bad_files_do_not_stop_it() -> None:
    results = read_all(FIXTURES / "folder")
    found = {article.id: article for article in articles(results)}
    assert set(found) == {"story_marker", "page"}  # notes.md is not an article file
    assert found["story_marker"].published == date(2025, 1, 12)
    assert [type(error) for error in errors(results)] == [BinaryInput]
    assert "scan.txt: binary file, not an article" in str(errors(results)[0])


def test_folder_with_no_articles_is_an_empty_input() -> None:
    [error] = read_all(FIXTURES / "empty_folder")
    assert isinstance(error, EmptyInput)
    assert str(error).startswith(str(FIXTURES / "empty_folder") + ": folder has no article files")


def test_extraction_records_beside_articles_are_skipped_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Saka is out for three weeks with a hamstring strain.", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text('{\n  "schema": "sidelined/extraction/v1",\n  "article": {}\n}\n')
    results = read_all(tmp_path)
    assert [item.id for item in articles(results)] == ["a"] and not errors(results)


def test_read_inputs_is_lazy(tmp_path: Path) -> None:
    stream = read_inputs([str(tmp_path / "missing.txt"), str(FIXTURES / "story_byline.txt")])
    assert isinstance(next(stream), InputError)
    assert isinstance(next(stream), Article)
