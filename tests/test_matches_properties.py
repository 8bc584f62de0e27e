"""Properties of match and transfer extraction on generated sentences: no crash, spans inside the text."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelined.events.matches import extract_matches
from sidelined.events.transfers import extract_transfers
from sidelined.models import Article, Mention, TimeExpression

TEAMS = ["Arsenal", "Chelsea", "Real Madrid", "England", "Celta Vigo"]
PLAYERS = ["Bukayo Saka", "Jude Bellingham"]
WORDS = [
    "against", "v", "beat", "lost", "to", "at", "host", "the", "win", "over", "draw", "with", "on", "Saturday's",
    "Sunday", "game", "trip", "2-1", "1-1", "made", "it", "and", ",", ".", "\n", "(H)", "–", "offer", "€40m",
    "for", "signed", "linked", "from", "three", "days", "later", "respectively", "said", "signing", "of",
    "against Chelsea on Sunday", "Arsenal's 2-1 win over Real Madrid on Sunday", "Saturday's trip to Celta Vigo",
    "Real Madrid are ready to offer €40m for Bukayo Saka", "Chelsea v Arsenal",
] + TEAMS + PLAYERS
WEEKDAYS = {"Saturday's": 5, "Sunday": 6}
PUBLISHED = date(2024, 3, 13)


def _mentions(text: str) -> list[Mention]:
    out = []
    for name in TEAMS:
        for m in re.finditer(re.escape(name), text):
            kind = "national_team" if name == "England" else "club"
            out.append(Mention(start=m.start(), end=m.end(), text=name, kind=kind, entity_id=None, name=name))
    for name in PLAYERS:
        for m in re.finditer(re.escape(name), text):
            out.append(Mention(start=m.start(), end=m.end(), text=name, kind="player", entity_id="p:" + name,
                               name=name, team="Arsenal"))
    return sorted(out, key=lambda m: m.start)


def _timexes(text: str) -> list[TimeExpression]:
    out = []
    for word, weekday in WEEKDAYS.items():
        for m in re.finditer(re.escape(word), text):
            value = PUBLISHED + timedelta(days=(weekday - PUBLISHED.weekday()) % 7)
            out.append(TimeExpression(start=m.start(), end=m.end(), text=word, kind="weekday", value=value,
                                      earliest=value, latest=value))
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_generated_sentences_give_well_formed_records(words: list[str]) -> None:
    text = " ".join(words)
    article = Article(id="g", text=text, published=PUBLISHED)
    mentions = _mentions(text)
    for match in extract_matches(article, mentions, _timexes(text), None):
        assert match.teams[0] != match.teams[1]
        assert set(match.teams) <= set(TEAMS)
        if match.score is not None:
            assert match.played and set(match.score) == set(match.teams)
        if match.home is not None:
            assert match.home in match.teams
        assert all(0 <= e.start <= e.end <= len(text) for e in match.evidence)
    for transfer in extract_transfers(article, mentions, None):
        assert transfer.player in PLAYERS
        assert transfer.to_team in TEAMS and transfer.to_team != transfer.from_team
        assert all(0 <= e.start <= e.end <= len(text) for e in transfer.evidence)
