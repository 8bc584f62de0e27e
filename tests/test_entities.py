"""Tests of entity linking on short articles written for them (one per descriptor class, traps)."""

from __future__ import annotations

from datetime import date

import pytest

from sidelined.entities import link
from sidelined.kb import load_kb
from sidelined.models import Article, Mention

DAY = date(2026, 2, 1)


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def mentions(kb, text: str, published: date | None = DAY) -> list[Mention]:
    return link(Article(id="test", text=text, published=published), kb)


def at(found: list[Mention], phrase: str, text: str) -> Mention:
    start = text.index(phrase)
    return next(m for m in found if m.start == start)


def test_full_name_links_with_canonical_name_and_club_on_the_day(kb):
    text = "Real Madrid confirmed that Jude Bellingham has a hamstring injury."
    jude = at(mentions(kb, text), "Jude Bellingham", text)
    assert (jude.kind, jude.name, jude.team, jude.via) == ("player", "Jude Bellingham", "Real Madrid", "name")
    assert jude.entity_id is not None


def test_team_follows_the_publication_day(kb):
    text = "Jude Bellingham trained alone on Tuesday and is a doubt for the weekend."
    assert at(mentions(kb, text, date(2022, 10, 5)), "Jude Bellingham", text).team == "Borussia Dortmund"
    assert at(mentions(kb, text, date(2025, 10, 5)), "Jude Bellingham", text).team == "Real Madrid"


def test_mentions_are_sorted_and_cover_teams_and_competitions(kb):
    text = "Los Blancos face Atletico in La Liga before the Champions League trip to Manchester City."
    found = mentions(kb, text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    names = {(m.kind, m.name) for m in found}
    assert {("club", "Real Madrid"), ("club", "Atletico Madrid"), ("club", "Manchester City")} <= names
    assert {("competition", "La Liga"), ("competition", "Champions League")} <= names


def test_age_descriptor_skips_a_nearer_player_of_the_wrong_age(kb):
    text = (
        "Antonio Rudiger and Jude Bellingham both missed training at Real Madrid. The 32-year-old has a knee problem."
    )
    found = at(mentions(kb, text), "The 32-year-old", text)
    assert (found.name, found.via) == ("Antonio Rudiger", "descriptor")


def test_age_descriptor_without_a_fitting_player_is_not_linked(kb):
    text = "Jude Bellingham was substituted for Real Madrid. The 45-year-old watched from the stands."
    assert all(m.text != "The 45-year-old" for m in mentions(kb, text))


def test_nationality_descriptor(kb):
    text = "Kylian Mbappe and Jude Bellingham started for Real Madrid. The Frenchman went off with a knock."
    assert at(mentions(kb, text), "The Frenchman", text).name == "Kylian Mbappe"


def test_former_club_descriptor(kb):
    text = (
        "Jude Bellingham and Vinicius Junior started for Real Madrid. "
        "The former Borussia Dortmund man later limped off."
    )
    assert at(mentions(kb, text), "The former Borussia Dortmund man", text).name == "Jude Bellingham"


def test_position_descriptor(kb):
    text = "Thibaut Courtois and Jude Bellingham trained with Real Madrid. The goalkeeper has a thigh problem."
    assert at(mentions(kb, text), "The goalkeeper", text).name == "Thibaut Courtois"


def test_international_descriptor(kb):
    text = "Vinicius Junior and Jude Bellingham were rested by Real Madrid. The England international has a knock."
    assert at(mentions(kb, text), "The England international", text).name == "Jude Bellingham"


def test_club_boss_is_a_coach_not_a_player(kb):
    text = "Jude Bellingham is out for Real Madrid. The Real Madrid boss said he would be back soon."
    boss = at(mentions(kb, text), "The Real Madrid boss", text)
    assert boss.kind == "person"
    assert boss.entity_id is None


def test_named_coach_is_a_person(kb):
    text = "England boss Thomas Tuchel said Jude Bellingham would miss the friendly."
    found = mentions(kb, text)
    coach = next(m for m in found if "Tuchel" in m.text)
    assert coach.kind == "person"
    assert all(m.kind != "player" or m.name != "Thomas Tuchel" for m in found)


def test_pronoun_in_the_next_sentence_points_back(kb):
    text = "Jude Bellingham limped off against Rayo for Real Madrid. He will have a scan on Monday."
    pronoun = at(mentions(kb, text), "He will", text)
    assert (pronoun.name, pronoun.via, pronoun.team) == ("Jude Bellingham", "pronoun", "Real Madrid")


def test_pronoun_far_from_any_name_is_left_alone(kb):
    text = "Jude Bellingham limped off for Real Madrid. The crowd fell silent. Nobody knew what happened. He was gone."
    assert all(m.text != "He" for m in mentions(kb, text))


def test_trap_two_brothers_share_a_surname(kb):
    text = (
        "Jude Bellingham scored for Real Madrid while Jobe Bellingham was injured playing for Borussia "
        "Dortmund. Bellingham faces three weeks out with an ankle problem."
    )
    found = mentions(kb, text)
    jude = at(found, "Jude Bellingham", text)
    jobe = at(found, "Jobe Bellingham", text)
    assert (jude.team, jobe.team) == ("Real Madrid", "Borussia Dortmund")
    assert jude.entity_id != jobe.entity_id
    later = at(found, "Bellingham faces", text)
    assert later.entity_id == jobe.entity_id  # the nearest full name before it


def test_bare_surname_is_settled_by_the_club_in_the_article(kb):
    madrid = "Real Madrid will be without Bellingham for the trip to Celta."
    dortmund = "Borussia Dortmund will be without Bellingham for the trip to Mainz."
    assert at(mentions(kb, madrid), "Bellingham", madrid).name == "Jude Bellingham"
    assert at(mentions(kb, dortmund), "Bellingham", dortmund).name == "Jobe Bellingham"


def test_accent_free_spelling_finds_the_player(kb):
    text = "Real Madrid defender Rudiger has a thigh strain, and Rüdiger's absence hurts."
    found = [m for m in mentions(kb, text) if m.kind == "player" and "diger" in m.text]
    assert len(found) == 2
    assert {m.name for m in found} == {"Antonio Rudiger"}


def test_ambiguous_club_words_need_the_club_in_the_article(kb):
    named = "Manchester United lost again. United have three injured defenders."
    alone = "United have three injured defenders."
    assert at(mentions(kb, named), "United have", named).name == "Manchester United"
    assert all(m.text != "United" for m in mentions(kb, alone))


def test_unknown_player_is_kept_as_provisional(kb):
    text = "Real Madrid midfielder Zorblax Quintavius has a hamstring injury and will miss the derby."
    found = at(mentions(kb, text), "Zorblax Quintavius", text)
    assert (found.kind, found.entity_id, found.via, found.team) == ("player", None, "shape", "Real Madrid")


def test_unknown_manager_is_a_person(kb):
    text = "Chelsea manager Ebbe Holmgrund said the striker would miss the weekend with a knee injury."
    found = at(mentions(kb, text), "Ebbe Holmgrund", text)
    assert found.kind == "person"


def test_international_duty_gives_the_national_team(kb):
    text = (
        "Jude Bellingham has withdrawn from the England squad for the friendly against Japan. "
        "Real Madrid say he has a knock."
    )
    assert at(mentions(kb, text), "Jude Bellingham", text).team == "England"


def test_club_story_keeps_the_club_even_with_england_mentioned(kb):
    text = "Jude Bellingham was forced off in Real Madrid's La Liga win, a worry for England later in the season."
    assert at(mentions(kb, text), "Jude Bellingham", text).team == "Real Madrid"


def test_without_a_publication_day_the_latest_season_is_used(kb):
    text = "Jude Bellingham is a doubt for the weekend."
    assert at(mentions(kb, text, None), "Jude Bellingham", text).team == "Real Madrid"


def test_a_different_first_name_is_a_different_man(kb):
    text = "Chelsea coach Caleb Porter said Thiago Silva trained, but Cole Palmer has a groin strain."
    found = mentions(kb, text)
    assert all(m.name != "Chris Porter" for m in found)


def test_possessor_club_gives_an_unknown_players_team(kb):
    text = "Chelsea were without Mia Quarnstrom, while Arsenal's Elodie Vantrask has a knee injury."
    vantrask = at(mentions(kb, text), "Elodie Vantrask", text)
    assert (vantrask.kind, vantrask.team) == ("player", "Arsenal")


def test_players_listed_together_share_a_team(kb):
    text = (
        "Washington Spirit face Racing Louisville on Sunday. The coach said Trinia Rodmane, along with "
        "defender Casia Kruegel, could return against Louisville."
    )
    found = mentions(kb, text)
    assert at(found, "Casia Kruegel", text).team == at(found, "Trinia Rodmane", text).team


def test_a_title_does_not_end_the_sentence(kb):
    text = "Inter Miami coach Gerardo Martino will assess the injuries to Mr. Messi on Thursday."
    messi = at(mentions(kb, text, date(2023, 9, 21)), "Messi", text)
    assert messi.name == "Lionel Messi"


def test_club_and_role_descriptor(kb):
    text = "Bukayo Saka and Kai Havertz are both injured for Arsenal. The Arsenal striker has a knee problem."
    assert at(mentions(kb, text, date(2024, 11, 5)), "The Arsenal striker", text).name == "Kai Havertz"


def test_national_side_and_position_descriptor(kb):
    text = "Bukayo Saka and Kai Havertz are both injured for Arsenal. The England winger limped off."
    assert at(mentions(kb, text, date(2024, 11, 5)), "The England winger", text).name == "Bukayo Saka"


def test_a_known_coach_is_a_person_by_full_name_and_surname(kb):
    text = "Mikel Arteta confirmed that Bukayo Saka will miss Arsenal's trip. Arteta said it was a blow."
    found = mentions(kb, text, date(2024, 11, 5))
    assert at(found, "Mikel Arteta", text).kind == "person"
    assert at(found, "Arteta said", text).kind == "person"


def test_junior_written_short_is_the_same_player(kb):
    text = "Real Madrid forward Vinicius Jr is a doubt for the derby."
    found = at(mentions(kb, text, date(2025, 10, 5)), "Vinicius Jr", text)
    assert (found.name, found.team) == ("Vinicius Junior", "Real Madrid")


def test_a_bare_surname_stays_with_the_unknown_man_the_article_named(kb):
    text = (
        "Columbus coach said left back Milton Valenzuela has a hamstring injury. "
        "Valenzuela has missed the past nine games with the injury."
    )
    found = [m for m in mentions(kb, text, date(2021, 8, 20)) if "Valenzuela" in m.text]
    assert found and all(m.name == "Milton Valenzuela" and m.entity_id is None for m in found)


def test_photo_credits_and_cut_off_names_are_not_people(kb):
    text = "Franck Ribery goes down injured for Bayern Munich REUTERS/Axel Schmidt\nInjury doubts: Javi Ma"
    names = {m.text for m in mentions(kb, text, date(2017, 11, 15))}
    assert "Axel Schmidt" not in names and "Javi Ma" not in names
