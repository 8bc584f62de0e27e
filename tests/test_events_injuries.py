"""Injury rules on sentences written for the tests, with hand-made mentions and times."""

from __future__ import annotations

from datetime import date

from sidelined.events.injuries import extract_injuries
from sidelined.events.status import clause_status, judge_status
from sidelined.events.text import clauses, sentences
from sidelined.models import Article, Match, Mention, TimeExpression

PUB = date(2026, 3, 7)


def _player(text: str, name: str, surface: str, team: str = "Arsenal", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start=start, end=start + len(surface), text=surface, kind="player", entity_id=None,
                   name=name, team=team)


def _time(text: str, surface: str, **values: object) -> TimeExpression:
    start = text.index(surface)
    return TimeExpression(start=start, end=start + len(surface), text=surface, **values)  # type: ignore[arg-type]


def _run(text: str, mentions: list[Mention], timexes: list[TimeExpression] | None = None,
         matches: list[Match] | None = None):
    article = Article(id="t", text=text, published=PUB)
    return {r.player: r for r in extract_injuries(article, mentions, timexes or [], matches or [])}


def test_sentences_split_glued_heading_and_keep_offsets() -> None:
    text = "He limped off in a league match.The incident occurred on Sunday. Next one!"
    segs = sentences(text)
    assert [text[s.start:s.end] for s in segs] == [
        "He limped off in a league match.", "The incident occurred on Sunday.", "Next one!"]


def test_clauses_split_a_roundup_at_while() -> None:
    text = "Tom Reed is sidelined with a knee injury, while Sam Hart has a calf problem."
    parts = [text[c.start:c.end] for c in clauses(text, sentences(text)[0])]
    assert parts[0] == "Tom Reed is sidelined with a knee injury"
    assert parts[1].startswith("Sam Hart")


def test_status_cues() -> None:
    assert clause_status("he will miss Saturday's game") == "out"
    assert clause_status("he is a doubt for the weekend") == "doubtful"
    assert clause_status("he started the match after being sidelined since August") == "available"
    assert clause_status("he will not be available for the weekend") == "out"
    assert judge_status(["he could return for the derby", "he will remain sidelined for the first leg"]) == "out"
    assert judge_status(["he missed training as a precaution"]) == "doubtful"


def test_body_side_diagnosis_and_source() -> None:
    text = ("Tom Reed clutched the back of his left thigh and was forced off. "
            "According to The Courier, Reed is out with a strain.")
    reports = _run(text, [_player(text, "Tom Reed", "Tom Reed"), _player(text, "Tom Reed", "Reed", nth=1)])
    r = reports["Tom Reed"]
    assert (r.body_part, r.side, r.status) == ("hamstring", "left", "out")
    assert r.diagnosis == "strain"
    assert r.source == "The Courier"
    assert any(e.field == "body_part" for e in r.evidence)


def test_hypothetical_diagnosis_is_not_taken() -> None:
    text = "Tom Reed has a hamstring problem, with scans to decide if it's a tear or worse."
    r = _run(text, [_player(text, "Tom Reed", "Tom Reed")])["Tom Reed"]
    assert r.body_part == "hamstring"
    assert r.diagnosis is None


def test_replacement_gets_no_record() -> None:
    text = "Tom Reed was forced off with an ankle injury and replaced by Sam Hart."
    reports = _run(text, [_player(text, "Tom Reed", "Tom Reed"), _player(text, "Sam Hart", "Sam Hart")])
    assert set(reports) == {"Tom Reed"}


def test_player_merely_mentioned_gets_no_record() -> None:
    text = "Sam Hart scored twice in the second half."
    assert _run(text, [_player(text, "Sam Hart", "Sam Hart")]) == {}


def test_duration_sets_return_window_and_missed_fixture() -> None:
    text = "Tom Reed will be out for two to three weeks. Reed will miss the game against Leeds on Wednesday."
    times = [
        _time(text, "two to three weeks", kind="duration", earliest=date(2026, 3, 21), latest=date(2026, 3, 28),
              days_min=14, days_max=21),
        _time(text, "Wednesday", kind="weekday", value=date(2026, 3, 11)),
    ]
    match = Match(date=date(2026, 3, 11), teams=("Arsenal", "Leeds United"), played=False)
    mentions = [_player(text, "Tom Reed", "Tom Reed"), _player(text, "Tom Reed", "Reed", nth=1)]
    r = _run(text, mentions, times, [match])["Tom Reed"]
    assert r.expected_return is not None
    assert (r.expected_return.earliest, r.expected_return.latest) == (date(2026, 3, 21), date(2026, 3, 28))
    assert r.missed_fixtures == [date(2026, 3, 11)]


def test_occurred_on_from_past_weekday() -> None:
    text = "Tom Reed picked up a calf injury against Leeds on Sunday."
    times = [_time(text, "Sunday", kind="weekday", value=date(2026, 3, 1))]
    r = _run(text, [_player(text, "Tom Reed", "Tom Reed")], times)["Tom Reed"]
    assert r.occurred_on == date(2026, 3, 1)
    assert r.body_part == "calf"


def test_pronoun_sentence_is_carried_to_the_named_player() -> None:
    text = "Tom Reed was taken off on a stretcher. He will not be available for this game."
    r = _run(text, [_player(text, "Tom Reed", "Tom Reed")])["Tom Reed"]
    assert r.status == "out"


def test_month_abbreviations_do_not_end_a_sentence() -> None:
    text = "He was hurt on Sept. 20 against Leeds. He is out."
    assert [text[s.start:s.end] for s in sentences(text)] == ["He was hurt on Sept. 20 against Leeds.", "He is out."]


def test_a_player_in_tears_has_no_torn_muscle() -> None:
    text = "Tom Reed limped off in tears with a hamstring problem."
    r = _run(text, [_player(text, "Tom Reed", "Tom Reed")])["Tom Reed"]
    assert (r.body_part, r.diagnosis) == ("hamstring", None)


def test_the_match_he_was_hurt_in_dates_the_injury_and_is_not_missed() -> None:
    text = "Tom Reed was forced off minutes into the league match against Leeds. Reed is out."
    match = Match(date=date(2026, 3, 4), teams=("Arsenal", "Leeds United"), played=True)
    mentions = [_player(text, "Tom Reed", "Tom Reed"), _player(text, "Tom Reed", "Reed", nth=1)]
    article = Article(id="t", text=text, published=PUB)
    r = extract_injuries(article, mentions, [], [match])[0]
    assert r.occurred_on == date(2026, 3, 4)
    assert r.missed_fixtures == []


def test_a_club_player_misses_his_national_teams_games() -> None:
    from sidelined.kb import load_kb

    kb = load_kb()
    [player] = kb.players_named("Mattia De Sciglio")
    text = ("Mattia De Sciglio will not be able to join Italy for the qualifier against Armenia on Thursday "
            "with a thigh injury.")
    start = text.index("Mattia De Sciglio")
    mention = Mention(start=start, end=start + 17, text="Mattia De Sciglio", kind="player", entity_id=player.id,
                      name="Mattia De Sciglio", team="Juventus")
    thursday = _time(text, "Thursday", kind="weekday", value=date(2026, 3, 12))
    match = Match(date=date(2026, 3, 12), teams=("Italy", "Armenia"), played=False)
    article = Article(id="t", text=text, published=PUB)
    [report] = extract_injuries(article, [mention], [thursday], [match], kb)
    assert report.team == "Juventus"
    assert report.missed_fixtures == [date(2026, 3, 12)]


def test_without_the_likes_of_a_player_rules_him_out() -> None:
    clauses = ["without the likes of Tom Reed, they will struggle", "Injury doubts: Tom Reed (foot)"]
    assert judge_status(clauses) == "out"


def test_sentences_keep_abbreviations_and_give_each_caller_its_own_list() -> None:
    text = "He met Dr. Smith on Sept. 20.\nThe U.S. side waited. Mr. Jones said no."
    first = sentences(text)
    assert [text[s.start:s.end] for s in first] == [
        "He met Dr. Smith on Sept. 20.", "The U.S. side waited.", "Mr. Jones said no."]
    first.pop()
    assert len(sentences(text)) == 3


def test_source_words_in_any_case_and_a_person_who_said_it() -> None:
    from sidelined.events.details import find_source
    from sidelined.events.text import Segment

    def source(clause: str, mentions: list[Mention] | None = None) -> str | None:
        return find_source(clause, [Segment(0, len(clause), 0)], mentions or [])

    assert source("Reed is out, Reports from Marca say.") == "Marca"
    assert source("PER Sky Sports, Reed is out.") == "Sky Sports"
    assert source("Reed is out, asper Marca.") is None
    clause = "Reed is out, Mikel Arteta said."
    arteta = Mention(start=13, end=24, text="Mikel Arteta", kind="person", entity_id=None, name="Mikel Arteta")
    assert source(clause, [arteta]) == "Mikel Arteta"
    assert source("Reed is out, Mikel Arteta resaid.", [arteta]) is None


def test_report_built_from_plain_data_equals_one_built_field_by_field() -> None:
    from sidelined.models import Evidence, InjuryReport

    text = "Saka is out with a hamstring injury and Saka will miss Saturday's game."
    saka = [_player(text, "Bukayo Saka", "Saka"), _player(text, "Bukayo Saka", "Saka", nth=1)]
    report = _run(text, saka)["Bukayo Saka"]
    plain = InjuryReport(player="Bukayo Saka", team="Arsenal",
                         evidence=[Evidence(field="player", start=m.start, end=m.end) for m in saka])
    for name in ("body_part", "side", "diagnosis", "status", "occurred_on", "expected_return", "missed_fixtures",
                 "source"):
        setattr(plain, name, getattr(report, name))
    plain.evidence.extend(report.evidence[len(saka):])
    assert [e.field for e in report.evidence][:3] == ["player", "player", "body_part"]
    assert report == plain
    assert all(type(e) is Evidence for e in report.evidence)
    assert report.model_dump_json() == plain.model_dump_json()


def test_kb_fixtures_named_skips_only_days_already_known() -> None:
    from typing import cast

    from sidelined.events.text import Segment
    from sidelined.events.when import _kb_fixtures_named
    from sidelined.kb import KnowledgeBase

    class Book:
        asked: list[date] = []

        def fixtures(self, team: str, start: date, end: date) -> list[object]:
            self.asked.append(start)
            return [object()] if start.day % 2 else []

        def fixture_between(self, *_: object, **__: object) -> None:
            return None

    text = "He misses Saturday, Sunday and Wednesday."
    days = {"Saturday": date(2026, 3, 7), "Sunday": date(2026, 3, 8), "Wednesday": date(2026, 3, 11)}
    times = [_time(text, word, kind="date", value=day) for word, day in days.items()]
    seg = Segment(0, len(text), 0)
    book = Book()
    plain = _kb_fixtures_named(seg, times, [], PUB, cast(KnowledgeBase, book), "Arsenal", set())
    assert plain == {date(2026, 3, 7), date(2026, 3, 11)} and len(book.asked) == 3
    for known in ({date(2026, 3, 7)}, {date(2026, 3, 8)}, set(days.values())):
        book.asked.clear()
        found = _kb_fixtures_named(seg, times, [], PUB, cast(KnowledgeBase, book), "Arsenal", known)
        assert found | known == plain | known
        assert not known & set(book.asked)
