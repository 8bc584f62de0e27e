"""Transfer extraction on sentences written for the test: statuses, fees, sources, what is no transfer."""

from __future__ import annotations

from datetime import date

from sidelined.events.transfers import extract_transfers
from sidelined.models import Article, Mention, Transfer


def club(text: str, surface: str, name: str | None = None, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start=start, end=start + len(surface), text=surface, kind="club", entity_id=None,
                   name=name or surface)


def player(text: str, surface: str, name: str, team: str | None = None, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start=start, end=start + len(surface), text=surface, kind="player",
                   entity_id="p:" + name.lower().replace(" ", "-"), name=name, team=team)


def run(text: str, mentions: list[Mention]) -> list[Transfer]:
    return extract_transfers(Article(id="t", text=text, published=date(2025, 5, 2)), mentions, None)


def only(transfers: list[Transfer]) -> Transfer:
    assert len(transfers) == 1, transfers
    return transfers[0]


def test_rumoured_offer_in_euros_with_source() -> None:
    text = "Real Madrid are ready to offer €90m for Alexis Mac Allister this summer, according to Fichajes.net."
    t = only(run(text, [club(text, "Real Madrid"), player(text, "Alexis Mac Allister", "Alexis Mac Allister",
                                                              "Liverpool")]))
    assert (t.player, t.from_team, t.to_team) == ("Alexis Mac Allister", "Liverpool", "Real Madrid")
    assert t.fee_eur == 90_000_000
    assert t.status == "rumour"
    assert t.source == "Fichajes.net"
    spans = {e.field: text[e.start : e.end] for e in t.evidence}
    assert spans["fee_eur"] == "€90m"
    assert spans["to_team"] == "Real Madrid"


def test_fee_in_pounds_is_not_a_euro_fee() -> None:
    text = "Manchester City have made a £50million offer for Riyad Mahrez."
    t = only(run(text, [club(text, "Manchester City"), player(text, "Riyad Mahrez", "Riyad Mahrez", "Leicester City")]))
    assert t.to_team == "Manchester City"
    assert t.fee_eur is None


def test_fee_range_gives_no_fee() -> None:
    text = "Sevilla have offered €10–12 million for Youssef En-Nesyri."
    t = only(run(text, [club(text, "Sevilla"), player(text, "Youssef En-Nesyri", "Youssef En-Nesyri", "Girona")]))
    assert t.fee_eur is None


def test_million_euros_written_out() -> None:
    text = "Real Madrid have rejected an €81 million bid for Alvaro Morata from Manchester United."
    t = only(run(text, [club(text, "Real Madrid"), player(text, "Alvaro Morata", "Alvaro Morata", "Real Madrid"),
                        club(text, "Manchester United")]))
    assert (t.from_team, t.to_team, t.fee_eur) == ("Real Madrid", "Manchester United", 81_000_000)


def test_completed_signing() -> None:
    text = "Inter Miami have completed the signing of Lionel Messi."
    t = only(run(text, [club(text, "Inter Miami"), player(text, "Lionel Messi", "Lionel Messi", "Inter Miami")]))
    assert (t.to_team, t.status) == ("Inter Miami", "completed")


def test_agreed_fee_names_the_selling_club() -> None:
    text = "Al Hilal have agreed to pay Wolves a €55 million fee for Ruben Neves."
    t = only(run(text, [club(text, "Al Hilal"), club(text, "Wolves", "Wolverhampton Wanderers"),
                        player(text, "Ruben Neves", "Ruben Neves")]))
    assert (t.from_team, t.to_team) == ("Wolverhampton Wanderers", "Al Hilal")
    assert (t.status, t.fee_eur) == ("agreed", 55_000_000)


def test_interest_from_two_clubs_gives_two_rumours() -> None:
    text = "He has been linked with a move away from PSG, with Liverpool and Real Madrid showing interest."
    mentions = [player(text, "He", "Kylian Mbappe", "Paris Saint-Germain"), club(text, "PSG", "Paris Saint-Germain"),
                club(text, "Liverpool"), club(text, "Real Madrid")]
    found = {(t.to_team, t.from_team, t.status) for t in run(text, mentions)}
    assert found == {("Liverpool", "Paris Saint-Germain", "rumour"), ("Real Madrid", "Paris Saint-Germain", "rumour")}


def test_contract_renewal_is_no_transfer() -> None:
    text = "Wilfried Zaha signed a new deal with Crystal Palace last summer."
    assert run(text, [player(text, "Wilfried Zaha", "Wilfried Zaha", "Crystal Palace"),
                      club(text, "Crystal Palace")]) == []


def test_a_player_merely_named_with_clubs_is_no_transfer() -> None:
    text = "Alexis Mac Allister scored twice for Liverpool against Arsenal."
    assert run(text, [player(text, "Alexis Mac Allister", "Alexis Mac Allister", "Liverpool"),
                      club(text, "Liverpool"), club(text, "Arsenal")]) == []


def test_manager_is_not_the_player_moving() -> None:
    text = "Red Devils boss Jose Mourinho is keen on signing Alvaro Morata from Real Madrid for Manchester United."
    mentions = [player(text, "Jose Mourinho", "Jose Mourinho"),
                player(text, "Alvaro Morata", "Alvaro Morata", "Real Madrid"),
                club(text, "Real Madrid"), club(text, "Manchester United")]
    t = only(run(text, mentions))
    assert (t.player, t.from_team, t.to_team) == ("Alvaro Morata", "Real Madrid", "Manchester United")


def test_headlines_of_other_stories_are_skipped() -> None:
    text = ("- Arsenal eye move to sign AC Milan star Rafael Leao\n- Arsenal keen on signing Patrik Schick\n"
            "Arsenal Handed Huge Blow As Wenger Confirms Koscielny Injury\n")
    mentions = [club(text, "Arsenal"), club(text, "AC Milan"), player(text, "Rafael Leao", "Rafael Leao", "AC Milan"),
                club(text, "Arsenal", nth=1), player(text, "Patrik Schick", "Patrik Schick", "Bayer Leverkusen")]
    assert run(text, mentions) == []


def test_status_takes_the_strongest_report_of_the_same_move() -> None:
    text = "Arsenal have been linked with Declan Rice. Rice has now joined Arsenal."
    mentions = [club(text, "Arsenal"), player(text, "Declan Rice", "Declan Rice", "West Ham United"),
                player(text, "Rice", "Declan Rice", "West Ham United", nth=1), club(text, "Arsenal", nth=1)]
    t = only(run(text, mentions))
    assert t.status == "completed"


def test_club_that_has_signed_a_player_completes_the_move() -> None:
    text = "Chelsea have signed Cole Palmer from Manchester City for €47m."
    t = only(run(text, [club(text, "Chelsea"), player(text, "Cole Palmer", "Cole Palmer", "Chelsea"),
                        club(text, "Manchester City")]))
    assert (t.from_team, t.to_team, t.status, t.fee_eur) == ("Manchester City", "Chelsea", "completed", 47_000_000)


def test_new_contract_with_his_club_is_no_move_even_when_signed() -> None:
    text = "Bukayo Saka has signed a new contract with Arsenal until 2027."
    assert run(text, [player(text, "Bukayo Saka", "Bukayo Saka", "Arsenal"), club(text, "Arsenal")]) == []


def test_a_possessive_club_before_a_pursuit_is_the_buyer() -> None:
    text = "Manchester United's pursuit of Alvaro Morata has been no secret, Marca reported."
    t = only(run(text, [club(text, "Manchester United"),
                        player(text, "Alvaro Morata", "Alvaro Morata", "Real Madrid")]))
    assert (t.from_team, t.to_team, t.source) == ("Real Madrid", "Manchester United", "Marca")


def test_a_possessive_club_right_before_a_player_is_his_club() -> None:
    text = "Arsenal were rebuffed in their pursuit of Celtic's Kieran Tierney."
    t = only(run(text, [club(text, "Arsenal"), club(text, "Celtic"),
                        player(text, "Kieran Tierney", "Kieran Tierney")]))
    assert (t.from_team, t.to_team) == ("Celtic", "Arsenal")


def test_a_managers_side_is_the_club_the_article_follows() -> None:
    text = ("Arsenal want a winger. Emery's side have been rebuffed in their pursuits of Wilfried Zaha "
            "and Celtic's Kieran Tierney.")
    mentions = [club(text, "Arsenal"),
                Mention(start=text.index("Emery"), end=text.index("Emery") + 5, text="Emery", kind="person",
                        entity_id=None, name="Unai Emery"),
                player(text, "Wilfried Zaha", "Wilfried Zaha", "Crystal Palace"), club(text, "Celtic"),
                player(text, "Kieran Tierney", "Kieran Tierney")]
    found = {(t.player, t.from_team, t.to_team) for t in run(text, mentions)}
    assert found == {("Wilfried Zaha", "Crystal Palace", "Arsenal"), ("Kieran Tierney", "Celtic", "Arsenal")}


def test_each_clause_keeps_its_own_player_and_club() -> None:
    text = ("Declan Rice completed his move to Arsenal from West Ham last month, "
            "while Moises Caicedo joined Chelsea from Brighton.")
    mentions = [player(text, "Declan Rice", "Declan Rice", "Arsenal"), club(text, "Arsenal"), club(text, "West Ham"),
                player(text, "Moises Caicedo", "Moises Caicedo", "Chelsea"), club(text, "Chelsea"),
                club(text, "Brighton")]
    found = {(t.player, t.from_team, t.to_team, t.status) for t in run(text, mentions)}
    assert found == {("Declan Rice", "West Ham", "Arsenal", "completed"),
                     ("Moises Caicedo", "Brighton", "Chelsea", "completed")}


def test_denied_interest_is_no_rumour() -> None:
    text = "Real Madrid have no interest in Erling Haaland, the club said."
    mentions = [club(text, "Real Madrid"), player(text, "Erling Haaland", "Erling Haaland", "Manchester City")]
    assert run(text, mentions) == []


def test_player_of_a_club_and_an_outlet_after_reports() -> None:
    text = "Manchester United remain interested in Sofyan Amrabat of Fiorentina, reports The Athletic."
    mentions = [club(text, "Manchester United"), player(text, "Sofyan Amrabat", "Sofyan Amrabat", "Manchester United"),
                club(text, "Fiorentina"), club(text, "Athletic", "Athletic Bilbao")]
    t = only(run(text, mentions))
    assert (t.from_team, t.to_team, t.source) == ("Fiorentina", "Manchester United", "The Athletic")
