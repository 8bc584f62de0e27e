"""Match extraction on sentences written for the test: scores, home and competition cues, days."""

from __future__ import annotations

from datetime import date

from sidelined.events.matches import extract_matches
from sidelined.kb import Team
from sidelined.models import Article, Match, Mention, TimeExpression

NATIONS = {"England", "Uruguay", "Japan", "Spain", "Wales", "Scotland", "France"}


def team(text: str, surface: str, name: str | None = None, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    kind = "national_team" if (name or surface) in NATIONS else "club"
    return Mention(start=start, end=start + len(surface), text=surface, kind=kind, entity_id=None,
                   name=name or surface)


def day(text: str, surface: str, value: date, kind: str = "weekday") -> TimeExpression:
    start = text.index(surface)
    return TimeExpression(start=start, end=start + len(surface), text=surface, kind=kind,  # type: ignore[arg-type]
                          value=value, earliest=value, latest=value)


def run(text: str, published: date, mentions: list[Mention], timexes: list[TimeExpression]) -> list[Match]:
    article = Article(id="t", text=text, published=published)
    return extract_matches(article, mentions, timexes, None)


def only(matches: list[Match]) -> Match:
    assert len(matches) == 1, matches
    return matches[0]


def test_final_score_after_a_victory_goes_to_the_winner() -> None:
    text = "Bellingham missed Real Madrid's dramatic 2-1 victory over Celta Vigo on Friday evening."
    m = only(run(text, date(2026, 3, 7), [team(text, "Real Madrid"), team(text, "Celta Vigo")],
                 [day(text, "Friday", date(2026, 3, 6))]))
    assert m.date == date(2026, 3, 6)
    assert set(m.teams) == {"Real Madrid", "Celta Vigo"}
    assert m.played is True
    assert m.score == {"Real Madrid": 2, "Celta Vigo": 1}


def test_partial_score_is_not_a_final_score() -> None:
    text = "Madrid beat Rayo Vallecano on Sunday after Vinicius made it 1-0 for the hosts."
    m = only(run(text, date(2026, 2, 1), [team(text, "Madrid", "Real Madrid"), team(text, "Rayo Vallecano")],
                 [day(text, "Sunday", date(2026, 2, 1))]))
    assert m.score is None
    assert m.played is True


def test_loss_gives_the_losing_side_the_lower_number() -> None:
    text = "The Columbus Crew need goals. Zardes was hurt in a 1-0 loss to the New York Red Bulls on Wednesday."
    mentions = [team(text, "Columbus Crew"), team(text, "New York Red Bulls")]
    m = only(run(text, date(2021, 8, 20), mentions, [day(text, "Wednesday", date(2021, 8, 18))]))
    assert m.score == {"Columbus Crew": 0, "New York Red Bulls": 1}


def test_a_match_with_no_day_is_left_out() -> None:
    text = "Barcelona beat Valencia 1-0 in the first leg at Camp Nou."
    assert run(text, date(2018, 2, 7), [team(text, "Barcelona"), team(text, "Valencia")], []) == []


def test_day_after_a_reporting_verb_is_not_the_match_day() -> None:
    text = "Ronaldo was banned after Al Nassr's 3-2 win over Al Shabab, the committee said on Wednesday."
    mentions = [team(text, "Al Nassr"), team(text, "Al Shabab")]
    assert run(text, date(2024, 2, 29), mentions, [day(text, "Wednesday", date(2024, 2, 28))]) == []


def test_plural_games_named_with_a_squad_day_give_no_match() -> None:
    text = "Costa was left out of the Spain squad on Thursday for the games against Wales and England."
    mentions = [team(text, "Spain"), team(text, "Wales"), team(text, "England")]
    assert run(text, date(2018, 10, 5), mentions, [day(text, "Thursday", date(2018, 10, 4))]) == []


def test_host_makes_the_subject_the_home_team_and_the_cup_is_named() -> None:
    text = "Bayern Munich host Borussia Dortmund in the DFB Pokal semifinal on Wednesday night."
    m = only(run(text, date(2017, 4, 25), [team(text, "Bayern Munich"), team(text, "Borussia Dortmund")],
                 [day(text, "Wednesday", date(2017, 4, 26))]))
    assert m.home == "Bayern Munich"
    assert m.competition == "DFB Pokal"
    assert m.played is False


def test_trip_to_makes_the_opponent_the_home_team() -> None:
    text = "Manchester United face a test. McTominay is a doubt for Saturday's trip to Burnley."
    m = only(run(text, date(2019, 12, 26), [team(text, "Manchester United"), team(text, "Burnley")],
                 [day(text, "Saturday's", date(2019, 12, 28))]))
    assert set(m.teams) == {"Manchester United", "Burnley"}
    assert m.home == "Burnley"


def test_fixture_list_lines_belong_to_the_listed_team() -> None:
    text = "Chelsea 2017/18 Fixtures\nWest Brom (A) – Sat 18 Nov\nSwansea (H) – Wed 29 Nov (EFL Cup)\n"
    mentions = [team(text, "Chelsea"), team(text, "West Brom", "West Bromwich Albion"),
                team(text, "Swansea", "Swansea City")]
    timexes = [day(text, "Sat 18 Nov", date(2017, 11, 18), "date"), day(text, "Wed 29 Nov", date(2017, 11, 29), "date")]
    matches = sorted(run(text, date(2017, 11, 17), mentions, timexes), key=lambda m: m.date)
    assert [set(m.teams) for m in matches] == [{"Chelsea", "West Bromwich Albion"}, {"Chelsea", "Swansea City"}]
    assert [m.home for m in matches] == ["West Bromwich Albion", "Chelsea"]
    assert matches[1].competition == "EFL Cup"


def test_coordinated_friendlies_each_get_their_own_day() -> None:
    text = ("England's friendlies are set for Wembley, against Uruguay on Friday, March 27, "
            "and Japan on Tuesday, March 31.")
    mentions = [team(text, "England"), team(text, "Uruguay"), team(text, "Japan")]
    timexes = [day(text, "Friday, March 27", date(2026, 3, 27), "date"),
               day(text, "Tuesday, March 31", date(2026, 3, 31), "date")]
    matches = sorted(run(text, date(2026, 2, 1), mentions, timexes), key=lambda m: m.date)
    assert [(m.date, set(m.teams)) for m in matches] == [
        (date(2026, 3, 27), {"England", "Uruguay"}),
        (date(2026, 3, 31), {"England", "Japan"}),
    ]
    assert all(m.competition == "friendly" for m in matches)


def test_respectively_pairs_teams_and_days_in_order() -> None:
    text = "England are set to face Uruguay and Japan in friendlies on March 27 and 31 respectively."
    mentions = [team(text, "England"), team(text, "Uruguay"), team(text, "Japan")]
    timexes = [day(text, "March 27", date(2026, 3, 27), "date")]
    matches = {m.date: set(m.teams) for m in run(text, date(2026, 3, 7), mentions, timexes)}
    assert matches == {date(2026, 3, 27): {"England", "Uruguay"}, date(2026, 3, 31): {"England", "Japan"}}


def test_days_later_counts_from_the_match_before() -> None:
    text = ("England named Vardy for the qualifier against Scotland on Saturday "
            "and the friendly with France three days later.")
    mentions = [team(text, "England"), team(text, "Scotland"), team(text, "France")]
    matches = {m.date: set(m.teams) for m in run(text, date(2017, 6, 7), mentions,
                                                 [day(text, "Saturday", date(2017, 6, 10))])}
    assert matches == {date(2017, 6, 10): {"England", "Scotland"}, date(2017, 6, 13): {"England", "France"}}


def test_evidence_points_at_the_day_and_the_score() -> None:
    text = "PSG's 3-0 win over Marseille on Sunday moved them clear."
    m = only(run(text, date(2023, 2, 27), [team(text, "PSG", "Paris Saint-Germain"), team(text, "Marseille")],
                 [day(text, "Sunday", date(2023, 2, 26))]))
    spans = {e.field: text[e.start : e.end] for e in m.evidence}
    assert spans["date"] == "Sunday"
    assert spans["score"] == "3-0"
    assert m.score == {"Paris Saint-Germain": 3, "Marseille": 0}


def test_result_line_reads_the_first_team_first() -> None:
    text = "In the early kick-off, Chelsea 1-3 Arsenal on Saturday settled the derby."
    m = only(run(text, date(2024, 3, 18), [team(text, "Chelsea"), team(text, "Arsenal")],
                 [day(text, "Saturday", date(2024, 3, 16))]))
    assert m.score == {"Chelsea": 1, "Arsenal": 3}
    assert m.played is True


def test_beaten_by_and_drew_with_carry_their_scores() -> None:
    text = "Leeds were beaten 2-0 by Burnley on Saturday. Leeds drew 1-1 with Hull City on Tuesday."
    mentions = [team(text, "Leeds", "Leeds United"), team(text, "Burnley"), team(text, "Leeds", "Leeds United", nth=1),
                team(text, "Hull City")]
    timexes = [day(text, "Saturday", date(2024, 3, 16)), day(text, "Tuesday", date(2024, 3, 19))]
    scores = {m.date: m.score for m in run(text, date(2024, 3, 20), mentions, timexes)}
    assert scores == {date(2024, 3, 16): {"Leeds United": 0, "Burnley": 2},
                      date(2024, 3, 19): {"Leeds United": 1, "Hull City": 1}}


def test_past_words_move_a_weekday_back_to_the_week_before() -> None:
    # the time-expression stage read "Wednesday" as the coming one; the injury in the match says it was played
    text = "Inter Milan defender D'Ambrosio was injured during the defeat at Sampdoria on Wednesday."
    m = only(run(text, date(2021, 1, 7), [team(text, "Inter Milan"), team(text, "Sampdoria")],
                 [day(text, "Wednesday", date(2021, 1, 13))]))
    assert m.date == date(2021, 1, 6)
    assert m.home == "Sampdoria"


def test_penalty_shootout_score_is_not_the_match_score() -> None:
    text = "Liverpool won 4-2 on penalties against Chelsea on Sunday."
    m = only(run(text, date(2024, 2, 26), [team(text, "Liverpool"), team(text, "Chelsea")],
                 [day(text, "Sunday", date(2024, 2, 25))]))
    assert m.score is None


def test_thrashing_of_names_the_opponent() -> None:
    text = "Arsenal's 5-0 thrashing of Chelsea on Tuesday lifted the mood."
    m = only(run(text, date(2024, 4, 25), [team(text, "Arsenal"), team(text, "Chelsea")],
                 [day(text, "Tuesday", date(2024, 4, 23))]))
    assert m.score == {"Arsenal": 5, "Chelsea": 0}


class _GroundsKB:
    """Just enough of a knowledge base: teams with their grounds and leagues."""

    def __init__(self, teams: dict[str, tuple[str, str]]) -> None:
        self._teams = {name: Team(id=name, name=name, kind="club", country=None, league=league, aliases=(),
                                  stadium=stadium) for name, (stadium, league) in teams.items()}

    def team(self, name: str) -> Team | None:
        return self._teams.get(name)

    def may_name_team(self, name: str) -> bool:
        return True


def test_the_ground_named_makes_its_club_the_home_team() -> None:
    text = "Real Madrid fear the worst. Bellingham limped off in Sunday's game against Rayo Vallecano at the Bernabeu."
    kb = _GroundsKB({"Real Madrid": ("Santiago Bernabéu", "La Liga"),
                     "Rayo Vallecano": ("Estadio de Vallecas", "La Liga")})
    article = Article(id="t", text=text, published=date(2026, 2, 2))
    mentions = [team(text, "Real Madrid"), team(text, "Rayo Vallecano")]
    m = only(extract_matches(article, mentions, [day(text, "Sunday's", date(2026, 2, 1))], kb))  # type: ignore[arg-type]
    assert m.home == "Real Madrid"


def test_a_league_game_takes_the_teams_league() -> None:
    text = "Liverpool host Swansea City in league action on Sunday."
    kb = _GroundsKB({"Liverpool": ("Anfield", "Premier League"), "Swansea City": ("Liberty Stadium", "Championship")})
    article = Article(id="t", text=text, published=date(2015, 11, 17))
    m = only(extract_matches(article, [team(text, "Liverpool"), team(text, "Swansea City")],
                             [day(text, "Sunday", date(2015, 11, 22))], kb))  # type: ignore[arg-type]
    assert m.competition == "Premier League"


def test_fixture_header_takes_the_day_on_the_line_below() -> None:
    text = "FA Cup fourth round: match previews\nCardiff City v Manchester City\nA test awaits.\nSunday 4pm\n"
    timexes = [day(text, "Sunday", date(2018, 1, 21))]  # read as the Sunday before; a preview's day is to come
    m = only(run(text, date(2018, 1, 26), [team(text, "Cardiff City"), team(text, "Manchester City")], timexes))
    assert m.date == date(2018, 1, 28)
    assert m.home == "Cardiff City"


def test_possessive_day_before_a_named_team_game() -> None:
    text = "Real Madrid are worried. His part in this Sunday's (May 4) Celta Vigo league game is now in doubt."
    mentions = [team(text, "Real Madrid"), team(text, "Celta Vigo")]
    m = only(run(text, date(2025, 5, 2), mentions, [day(text, "this Sunday's (May 4)", date(2025, 5, 4), "date")]))
    assert (m.date, set(m.teams), m.played) == (date(2025, 5, 4), {"Real Madrid", "Celta Vigo"}, False)


def test_defeat_of_is_the_possessor_winning() -> None:
    text = "Arsenal's 2-1 defeat of Chelsea on Saturday was deserved."
    m = only(run(text, date(2024, 3, 18), [team(text, "Arsenal"), team(text, "Chelsea")],
                 [day(text, "Saturday", date(2024, 3, 16))]))
    assert m.score == {"Arsenal": 2, "Chelsea": 1}


def test_a_kick_off_time_between_day_and_teams_keeps_the_day() -> None:
    text = "Premier League fixtures\nSaturday 3pm: Arsenal v Chelsea\n"
    m = only(run(text, date(2024, 3, 13), [team(text, "Arsenal"), team(text, "Chelsea")],
                 [day(text, "Saturday", date(2024, 3, 16))]))
    assert (m.date, m.home, m.played) == (date(2024, 3, 16), "Arsenal", False)


def test_roundup_sections_give_the_team_of_their_heading() -> None:
    text = ("Arsenal\nNext match: Crystal Palace (A), Saturday 21 December\n"
            "Chelsea\nThe side beat Brentford 2-1 on Sunday.\n")
    mentions = [team(text, "Arsenal"), team(text, "Crystal Palace"), team(text, "Chelsea"), team(text, "Brentford")]
    timexes = [day(text, "Saturday 21 December", date(2024, 12, 21), "date"), day(text, "Sunday", date(2024, 12, 15))]
    found = {m.date: (set(m.teams), m.home, m.score) for m in run(text, date(2024, 12, 18), mentions, timexes)}
    assert found == {
        date(2024, 12, 21): ({"Arsenal", "Crystal Palace"}, "Crystal Palace", None),
        date(2024, 12, 15): ({"Chelsea", "Brentford"}, None, {"Chelsea": 2, "Brentford": 1}),
    }
