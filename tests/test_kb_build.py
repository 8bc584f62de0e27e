"""Tests of the knowledge-base build helpers: names, club names and linking players across sources."""

from __future__ import annotations

import pytest

from sidelined.kb.build_players import Sighting, coarse_position, derived_surname, link_sightings
from sidelined.kb.build_teams import strip_legal_form
from sidelined.kb.names import normalise_season


@pytest.mark.parametrize(
    ("full", "surname"),
    [
        ("Jude Bellingham", "Bellingham"),
        ("Kevin De Bruyne", "De Bruyne"),
        ("Virgil van Dijk", "van Dijk"),
        ("Vinicius Junior", "Vinicius"),
        ("Neymar", "Neymar"),
        ("Charly Musonda Jr.", "Musonda"),
    ],
)
def test_derived_surname(full, surname):
    assert derived_surname(full) == surname


@pytest.mark.parametrize(
    ("source", "common"),
    [
        ("Arsenal FC", "Arsenal"),
        ("Hannover 96", "Hannover"),
        ("1. FC Heidenheim", "Heidenheim"),
        ("Atlanta United 2", "Atlanta United 2"),
        ("Real Madrid", "Real Madrid"),
        ("AFC Bournemouth", "Bournemouth"),
    ],
)
def test_strip_legal_form(source, common):
    assert strip_legal_form(source) == common


@pytest.mark.parametrize(("raw", "season"), [("2014/2015", "2014-15"), ("21/22", "2021-22"), ("2025-26", "2025-26")])
def test_normalise_season(raw, season):
    assert normalise_season(raw) == season


def test_normalise_season_refuses_other_text():
    with pytest.raises(ValueError):
        normalise_season("last season")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("Goalkeeper", "GK"),
        ("Centre-Back", "DF"),
        ("DEF", "DF"),
        ("Central Midfield", "MF"),
        ("Right Winger", "FW"),
        ("", None),
    ],
)
def test_coarse_position(raw, code):
    assert coarse_position(raw) == code


def test_same_name_and_birth_year_is_one_player_across_sources():
    records = link_sightings(
        [
            Sighting("fbref", "Antonio Rüdiger", 1993, season="2023-24", team_id="club:real-madrid"),
            Sighting(
                "transfermarkt", "Antonio Rudiger", 1993, born="1993-03-03", season="2017-18", team_id="club:chelsea"
            ),
        ]
    )
    assert len(records) == 1
    assert records[0].best("born") == "1993-03-03"


def test_namesakes_born_in_different_years_stay_apart():
    records = link_sightings(
        [
            Sighting("fbref", "Rodri", 1996, season="2023-24", team_id="club:manchester-city"),
            Sighting("fbref", "Rodri", 2000, season="2023-24", team_id="club:real-betis"),
        ]
    )
    assert len(records) == 2


def test_legal_name_joins_common_name_by_short_name_and_year():
    records = link_sightings(
        [
            Sighting("fbref", "Rodri", 1996, season="2023-24", team_id="club:manchester-city"),
            Sighting(
                "fpl",
                "Rodrigo Hernandez Cascante",
                1996,
                born="1996-06-22",
                season="2024-25",
                team_id="club:manchester-city",
                short_name="Rodri",
            ),
        ]
    )
    assert len(records) == 1
    assert records[0].best("name") == "Rodri"


def test_a_sighting_without_birth_year_joins_the_one_namesake_at_that_club():
    records = link_sightings(
        [
            Sighting("fbref", "Harry Kane", 1993, season="2021-22", team_id="club:tottenham-hotspur"),
            Sighting("fpl", "Harry Kane", None, season="2021-22", team_id="club:tottenham-hotspur"),
            Sighting("fbref", "Harry Kane", 1993, season="2023-24", team_id="club:bayern-munich"),
        ]
    )
    assert len(records) == 1
