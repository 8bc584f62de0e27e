"""The shortcuts the match and transfer readers take to scan less text, checked against the plain reading.

Each shortcut (a literal-led scan, a bisection, a word test before a regular expression, lower-cased text
instead of re.IGNORECASE) must find exactly what the slower form finds.
"""

from __future__ import annotations

import re
from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import shared_or_skip
from sidelined.events import match_anchors, match_teams, match_text, transfer_text
from sidelined.events.match_anchors import Anchor, TeamSpan, find_anchors
from sidelined.events.match_details import venue_home
from sidelined.events.match_teams import Spans
from sidelined.events.match_text import MATCH_NOUN, final_scores
from sidelined.events.text import Segment
from sidelined.events.transfer_text import cue_spans, status_of
from sidelined.kb import KnowledgeBase, Team, load_kb

# The patterns the literal-led scans stand for, as they were first written.
PLAIN_MARK = re.compile(r"[ \t]*(?:\((?:H|A)\)|\bvs?\.?\s)")
PLAIN_OPENING = match_teams._OPENING

PIECES = ["Arsenal", "West Ham", " ", "  ", "\t", "\n", ". ", "! ", "?\t", "(H)", "(A)", "(h)", " v ", "vs. ", "v.\n",
          "Kyiv ", "de ", "FC ", "St. Mirren", "the", "x", "vs", "v", ".", "3", "Real Madrid v Barcelona"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_fixture_marks_start_where_the_plain_pattern_starts(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert match_teams._mark_starts(text) == [m.start() for m in PLAIN_MARK.finditer(text)]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_line_and_sentence_openings_are_the_plain_patterns_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span(1) for m in match_teams._openings(text)] == [m.span(1) for m in PLAIN_OPENING.finditer(text)]


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 9)).map(lambda p: (p[0], p[0] + p[1])), max_size=8)


@given(spans, st.integers(0, 70), st.integers(0, 12))
def test_spans_overlap_exactly_when_one_of_them_overlaps(items: list[tuple[int, int]], start: int, length: int) -> None:
    end = start + length
    expected = any(s < end and start < e for s, e in items)
    assert Spans(tuple(items)).overlaps(start, end) is expected


WINDOW_WORDS = [
    "against", "v", "v.", "vs.", "over", "the", "a", "2-1", "win", "at", "home", "to", "trip", "visit", "of", "by",
    "draw", "with", "game", "host", "welcomed", "for", "and", "loss", "held", "away", "travelled", "victory", "won",
    "rout", "visiting", "faced", "meets", "playing", "took", "on", "x-against", "tie", "date", "that", "into",
    "who", "in", "clash", "defeat", "AGAINST", "Trip", "said", "league", "match",
]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(WINDOW_WORDS), min_size=1, max_size=14), st.sampled_from([" ", "  ", "\n", " \t"]))
def test_a_cue_ends_one_of_the_windows_last_four_words_and_holds_its_words(words: list[str], gap: str) -> None:
    window = (gap.join(words) + " ").lower()
    last_words = window.split()[-4:]
    for pattern, _home, endings, needed, _most_words in match_anchors._CUE_RES:
        if pattern.search(window):
            assert any(word.endswith(endings) for word in last_words), (pattern.pattern[:40], window)
            assert needed is None or any(word in window for word in needed), (pattern.pattern[:40], window)


@settings(max_examples=600)
@given(st.lists(st.sampled_from([*WINDOW_WORDS, "(against", "semi-final", "3-0", "victory,", "x", "y.", "-"]),
                min_size=1, max_size=16), st.sampled_from([" ", "  ", "\n", " \t"]), st.sampled_from(["", " ", "x"]))
def test_a_bounded_cue_is_found_searching_only_the_windows_last_words(words: list[str], gap: str, lead: str) -> None:
    window = (lead + gap.join(words) + gap).lower()
    for pattern, _home, _endings, _needed, most_words in match_anchors._CUE_RES:
        bounded = pattern.search(window, match_anchors._words_start(window, most_words))
        plain = pattern.search(window)
        assert (bounded and bounded.span()) == (plain and plain.span()), (pattern.pattern[:40], window)


def test_anchor_cues_are_read_case_blind_and_keep_the_texts_own_words() -> None:
    text = "Injured for the TRIP TO Arsenal, he also missed the Game Against Chelsea."
    teams = [TeamSpan("Arsenal", text.index("Arsenal"), text.index("Arsenal") + 7, "club"),
             TeamSpan("Chelsea", text.index("Chelsea"), text.index("Chelsea") + 7, "club")]
    anchors = find_anchors(text, 0, len(text), teams)
    assert [(a.cue, a.home) for a in anchors] == [("TRIP TO", "opponent"), ("Against", None)]
    assert anchors[0].phrase_start == text.index("TRIP")


def test_a_fixture_mark_keeps_its_written_case() -> None:
    text = "Next up: Burnley (h), then Everton (A)."
    teams = [TeamSpan("Burnley", 9, 16, "club"), TeamSpan("Everton", 27, 34, "club")]
    assert [(a.cue, a.home) for a in find_anchors(text, 0, len(text), teams)] == [("(h)", "own"), ("(A)", "opponent")]


def test_final_scores_need_a_digit_and_read_result_words_in_any_case() -> None:
    assert final_scores("No score was given in this sentence at all.", 0, 44) == []
    text = "They recorded a 3-1 WIN at Anfield."
    (score,) = final_scores(text, 0, len(text))
    assert (score.high, score.low, score.outcome) == (3, 1, "win")
    text = "It ended in a 0-2 Defeat."
    assert [s.outcome for s in final_scores(text, 0, len(text))] == ["loss"]


def test_transfer_words_are_found_in_any_case() -> None:
    text = "Chelsea HAVE SIGNED the striker, who was LINKED WITH Arsenal."
    assert [text[s:e] for s, e in cue_spans(text, 0, len(text))] == ["HAVE SIGNED", "LINKED"]
    assert status_of(text.lower()) == "completed"


def plain_source(text: str) -> tuple[str, int, int] | None:
    """source_in without its word test: every pattern searched."""
    for pattern in transfer_text.SOURCE_PATTERNS:
        m = pattern.search(text)
        if m is None:
            continue
        name = m.group(1).rstrip(".,'’")
        if name in transfer_text._NOT_SOURCES or name.split()[0] in transfer_text._NOT_FIRST_WORDS:
            continue
        return name, m.start(1), m.start(1) + len(name)
    return None


SOURCE_PIECES = [
    "According to", "according to the", "report in", "(via", ")", "Sky Sports", "The Athletic", "He", "reported",
    "reports", "claimed", "revealed by", "understands", ", says", ", wrote", "said", "journalist", "Fabrizio Romano",
    "de", "the", ",", ".",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(SOURCE_PIECES), max_size=12))
def test_report_sources_are_what_every_pattern_searched_finds(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert transfer_text.source_in(text, 0, len(text)) == plain_source(text)


SOURCED = [
    ("That is according to The Athletic.", "The Athletic"),
    ("A deal is near (via Fabrizio Romano).", "Fabrizio Romano"),
    ("Sky Sports reported the fee.", "Sky Sports"), ("The bid was revealed by Marca.", "Marca"),
    ("He will sign, says Gianluca Di Marzio.", "Gianluca Di Marzio"),
]


def test_each_form_of_report_source_is_found() -> None:
    for text, source in SOURCED:
        found = transfer_text.source_in(text, 0, len(text))
        assert found is not None and found[0] == source, (text, found)


class StadiumBook:
    """A stand-in knowledge base that knows two grounds and counts how often it is asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self._teams = {"Chelsea": Team("t1", "Chelsea", "club", "England", None, (), "Stamford Bridge Stadium"),
                       "Arsenal": Team("t2", "Arsenal", "club", "England", None, (), "Emirates Stadium")}

    def team(self, name: str) -> Team | None:
        self.asked.append(name)
        return self._teams.get(name)


def test_the_named_ground_gives_the_home_side_asking_the_kb_once_per_team() -> None:
    text = "He played at Wembley last year and scored at Stamford Bridge against Arsenal."
    book = StadiumBook()
    anchor = Anchor(opponent=TeamSpan("Arsenal", text.index("Arsenal"), len(text) - 1, "club"))
    found = venue_home(text, Segment(0, len(text), 0), anchor, cast(KnowledgeBase, book), ("Chelsea", "Arsenal"))
    assert found == ("Chelsea", text.index("Stamford"), text.index(" against"))
    assert sorted(book.asked) == ["Arsenal", "Chelsea"]


TRANSFER_WORDS = [
    "has", "signed", "for", "completed", "his", "move", "agreed", "terms", "linked", "with", "could", "if", "set", "to",
    "join", "return", "Arsenal", "bid", "xsigned", "talks", "_", ",", ";", "\n", "Joined",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(TRANSFER_WORDS), max_size=16), st.integers(0, 40), st.integers(0, 40))
def test_reading_transfer_cues_at_once_matches_status_and_spans_read_apart(words: list[str], cut: int,
                                                                           length: int) -> None:
    text = " ".join(words)
    start = min(cut, len(text))
    end = min(len(text), start + length + 20)
    expected = (status_of(text[start:end].lower()), cue_spans(text, start, end))
    assert transfer_text.read_cues(text, start, end) == expected


def test_fees_in_euros_are_read_in_either_form_and_none_without_one() -> None:
    text = "He joined for €45m. Another cost 30 million EUR. A third cost £20m."
    assert transfer_text.euro_fee(text, 0, 19) == (45_000_000, text.index("€"), text.index("."))
    second = text.index("Another")
    assert transfer_text.euro_fee(text, second, text.index("A third")) == (
        30_000_000, text.index("30"), text.index(" EUR") + 4)
    assert transfer_text.euro_fee(text, text.index("A third"), len(text)) is None


PLAIN_FIXTURE_MARK = re.compile(r"^\s*\((h|a)\)", re.I)
PLAIN_WHOM = re.compile(r"^\s*,?\s*(?:whom|who|which)\s+(?:they|we|he|she)\s+(?:will\s+)?(?:face|play|meet|host)", re.I)
PLAIN_TEAM_THEN_NOUN = re.compile(rf"^\s+(?:(?:league|cup|home|away)\s+)?{MATCH_NOUN}\b", re.I)


def plain_after_team(after: str) -> tuple[str, str | None] | None:
    """What follows a team, read with one pattern per form in turn: (cue kind, home side)."""
    mark = PLAIN_FIXTURE_MARK.match(after)
    if mark is not None:
        return "mark", "own" if mark.group(1).lower() == "h" else "opponent"
    if PLAIN_WHOM.match(after):
        return "whom", None
    if PLAIN_TEAM_THEN_NOUN.match(after):
        return "noun", None
    return None


AFTER_PIECES = [" ", "  ", ",", "(H)", "(a)", "(x)", "whom", "who", "which", "they", "will", "face", "host", "league",
                "cup", "game", "games", "Derby", "match-up", "final", "\n", "home", "the", "x", ", whom they will face",
                " who we play", "which he meets", " league game", " home final", " cup tie"]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(AFTER_PIECES), max_size=8), st.sampled_from(["", " "]))
def test_what_follows_a_team_is_read_in_one_pattern_as_the_three_apart(pieces: list[str], gap: str) -> None:
    after = gap.join(pieces)
    team = TeamSpan("Arsenal", 0, 7, "club")
    text = "Arsenal" + after
    anchor = match_anchors._uncued_anchor(text, team, match_anchors._Window(0, ""), after.lower())
    expected = plain_after_team(after)
    if expected is None:
        assert anchor is None
    else:
        assert anchor is not None
        kind = "mark" if anchor.cue.startswith("(") else "whom" if anchor.cue == "whom they face" else "noun"
        assert (kind, anchor.home) == expected


CUED_PIECES = ["against", "Against", "v", "vs.", "versus", "visit of", "take on", "takes on", "faces", "facing",
               "hosting", "hosts", "to", "into", "at", "beat", "edged", "by", "over", "with", "the", "a", "tenacious",
               "Arsenal", "West Ham", "FC", "de", "Real Madrid", "_", "x", "2", "é", ".", ",", "(H)"]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(CUED_PIECES), max_size=20), st.lists(st.sampled_from([" ", "", "\t", "\n", "  "]),
                                                                      min_size=20, max_size=20))
def test_cued_names_are_the_cued_patterns_finds(pieces: list[str], gaps: list[str]) -> None:
    text = "".join(piece + gap for piece, gap in zip(pieces, gaps, strict=False))
    expected = [m.span(1) for m in match_teams._CUED.finditer(text)]
    assert [m.span(1) for m in match_teams._cued_names(text)] == expected


SCORE_PIECES = ["2-1", "2 - 1", "3–0", "1 —2", "10-2", "2024-25", "4-3-3", "1", "-", " ", "\n", "win", "a", "won",
                "victory", ".", ":", "/", "minutes", "th"]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(SCORE_PIECES), max_size=16), st.integers(0, 60), st.integers(0, 60))
def test_a_stretch_with_a_scoreline_holds_one_of_the_articles_score_marks(pieces: list[str], start: int,
                                                                          length: int) -> None:
    text = " ".join(pieces)
    start = min(start, len(text))
    end = min(len(text), start + length)
    marks = [m for m in match_text._score_marks(text) if start <= m < end]
    if any(True for _ in match_text.SCORELINE.finditer(text, start, end)):
        assert marks, (text, start, end)


@given(st.lists(st.sampled_from(["İ", "ß", "Ǆ", " ", "x", "Champions League", "UCL", "Europa League", ", "]),
                max_size=12))
def test_phrases_are_found_at_their_place_in_the_original_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    finder = match_text.PhraseFinder(match_text.COMPETITIONS)
    for start, end, value in finder.find(text)[0]:
        assert text[start:end].lower() in {phrase.lower() for phrase, name in match_text.COMPETITIONS if name == value}


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*TRANSFER_WORDS, "here we go", "offered", "eye", "x"]), max_size=16))
def test_trigger_stems_are_found_where_a_plain_search_for_each_stem_finds_them(words: list[str]) -> None:
    text = " ".join(words)
    low = text.lower()
    plain = sorted(i for stem in transfer_text._TRIGGERS for i in range(len(low)) if low.startswith(stem, i))
    assert transfer_text.trigger_positions(text) == plain


def test_a_name_the_kb_rules_out_by_its_first_word_is_one_its_lookup_does_not_find() -> None:
    kb = load_kb()
    names = {" ".join(words[:n]) for text in _real_texts() for _, words, _ in match_teams._candidates(text)
             for n in range(1, len(words) + 1)}
    # the screen must rule out a good share of the names tried in articles to be worth asking
    assert sum(not kb.may_name_team(name) for name in names) > len(names) // 4
    spellings = [s for team in list(kb.teams.values())[::7] for s in (team.name, *team.aliases)]
    names |= {f"{form} {s}" for s in spellings for form in ("FC", "The", "1899")} | set(spellings)
    names |= {"", " ", "Xq Yz", "Sunday Times", "club:aalborg-bk", *list(kb.teams)[:20]}
    ruled_out = [name for name in names if not kb.may_name_team(name)]
    assert [name for name in ruled_out if kb.team(name) is not None] == []
    # what rules a word out rules out every name opening with it
    first_words = {name.split()[0] for name in names if name.split()}
    assert [w for w in first_words if not kb.may_name_team(w) and any(
        kb.team(name) is not None for name in names if name.split()[:1] == [w])] == []
    assert all(kb.may_name_team(s) for s in spellings)


def _real_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(shared_or_skip("seeds").glob("*.txt"))]
