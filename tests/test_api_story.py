"""A small written story of extractions shared by the API, web, export and browser tests (no tests here).

Bukayo Saka has hamstring surgery (out, an estimate that later moves), returns,
then picks up an ankle knock: two episodes.  Gabriel Jesus is out with a knee
ligament injury.  Evidence spans are found in the text, not typed in.
"""

from __future__ import annotations

from datetime import date

from sidelined.models import Article, Evidence, ExpectedReturn, Extraction, InjuryReport, Match, Transfer
from sidelined.store import Store

SAKA = "Bukayo Saka"
JESUS = "Gabriel Jesus"
SAKA_EPISODES = 2


def span(text: str, phrase: str, field: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(field=field, start=start, end=start + len(phrase))


def article(article_id: str, day: date, title: str, body: str, outlet: str | None = None) -> Article:
    return Article(id=article_id, text=f"{title}\n\n{body}", title=title, published=day, outlet=outlet)


def _surgery() -> Extraction:
    a = article(
        "story-1-surgery",
        date(2025, 1, 2),
        "Saka to have hamstring surgery",
        "Arsenal winger Bukayo Saka will be out for seven to nine weeks after surgery on his hamstring, "
        "the club said. He will miss the north London derby against Tottenham on January 15.",
        outlet="Club News",
    )
    t = a.text
    injury = InjuryReport(
        player=SAKA,
        team="Arsenal",
        body_part="hamstring",
        diagnosis="surgery",
        status="out",
        expected_return=ExpectedReturn(earliest=date(2025, 2, 20), latest=date(2025, 3, 6)),
        missed_fixtures=[date(2025, 1, 15)],
        source="Arsenal",
        evidence=[
            span(t, "Bukayo Saka", "player"),
            span(t, "hamstring,", "body_part"),
            span(t, "seven to nine weeks", "expected_return"),
            span(t, "surgery on", "diagnosis"),
        ],
    )
    match = Match(
        date=date(2025, 1, 15),
        teams=("Arsenal", "Tottenham"),
        played=False,
        evidence=[span(t, "against Tottenham on January 15", "date")],
    )
    return Extraction(article=a, injuries=[injury], matches=[match])


def _setback() -> Extraction:
    a = article(
        "story-2-setback",
        date(2025, 2, 20),
        "Setback for Saka",
        "Mikel Arteta said Bukayo Saka has had a setback with his hamstring and is now expected back "
        "in early April. Arsenal beat Brentford 2-1 on February 15 without him.",
        outlet="Daily Ball",
    )
    t = a.text
    injury = InjuryReport(
        player=SAKA,
        team="Arsenal",
        body_part="hamstring",
        status="out",
        expected_return=ExpectedReturn(earliest=date(2025, 4, 1), latest=date(2025, 4, 10)),
        missed_fixtures=[date(2025, 2, 15)],
        source="Mikel Arteta",
        evidence=[span(t, "Bukayo Saka", "player"), span(t, "in early April", "expected_return")],
    )
    match = Match(
        date=date(2025, 2, 15),
        teams=("Arsenal", "Brentford"),
        played=True,
        score={"Arsenal": 2, "Brentford": 1},
        evidence=[span(t, "beat Brentford 2-1", "score")],
    )
    return Extraction(article=a, injuries=[injury], matches=[match])


def _return() -> Extraction:
    a = article(
        "story-3-return",
        date(2025, 4, 2),
        "Saka returns",
        "Bukayo Saka came off the bench against Fulham on April 1, his first game since December.",
    )
    t = a.text
    injury = InjuryReport(
        player=SAKA,
        team="Arsenal",
        status="available",
        evidence=[span(t, "Bukayo Saka came off the bench", "status")],
    )
    match = Match(
        date=date(2025, 4, 1),
        teams=("Arsenal", "Fulham"),
        played=True,
        evidence=[span(t, "against Fulham on April 1", "date")],
    )
    return Extraction(article=a, injuries=[injury], matches=[match])


def _knock() -> Extraction:
    a = article(
        "story-4-knock",
        date(2025, 5, 10),
        "Saka a doubt with ankle knock",
        "Bukayo Saka is a doubt for the weekend after an ankle knock, and Arsenal are weighing a "
        "bid for Martin Zubimendi of Real Sociedad.",
        outlet="Daily Ball",
    )
    t = a.text
    injury = InjuryReport(
        player=SAKA,
        team="Arsenal",
        body_part="ankle",
        diagnosis="knock",
        status="doubtful",
        evidence=[span(t, "Bukayo Saka is a doubt", "status"), span(t, "ankle knock", "body_part")],
    )
    transfer = Transfer(
        player="Martin Zubimendi",
        from_team="Real Sociedad",
        to_team="Arsenal",
        evidence=[span(t, "bid for Martin Zubimendi of Real Sociedad", "player")],
    )
    return Extraction(article=a, injuries=[injury], transfers=[transfer])


def _jesus() -> Extraction:
    a = article(
        "story-5-jesus",
        date(2025, 1, 14),
        "Jesus out for months",
        "Gabriel Jesus has damaged the ligament in his knee and will be out until August.",
        outlet="Club News",
    )
    t = a.text
    injury = InjuryReport(
        player=JESUS,
        team="Arsenal",
        body_part="knee",
        diagnosis="ligament",
        status="out",
        expected_return=ExpectedReturn(earliest=date(2025, 8, 1), latest=date(2025, 8, 31)),
        source="Arsenal",
        evidence=[
            span(t, "Gabriel Jesus", "player"),
            span(t, "ligament in his knee", "diagnosis"),
            span(t, "until August", "expected_return"),
        ],
    )
    return Extraction(article=a, injuries=[injury])


def story() -> list[Extraction]:
    return [_surgery(), _setback(), _return(), _knock(), _jesus()]


def hostile() -> Extraction:
    """An article whose text, title and extracted strings all try to inject markup."""
    payload = "<script>window.__sidelinedInjected = true;</script>"
    a = article(
        "story-hostile",
        date(2025, 1, 20),
        f"Hostile {payload}",
        f'Mallory {payload} Smith has a hamstring strain <img src=x onerror="window.__sidelinedInjected=1">.',
    )
    injury = InjuryReport(
        player=f"Mallory {payload} Smith",
        team="Evil <b>FC</b>",
        body_part="hamstring",
        status="out",
        source=payload,
        evidence=[span(a.text, "Mallory", "player")],
    )
    return Extraction(article=a, injuries=[injury])


def fill(url: str, extractions: list[Extraction] | None = None) -> None:
    with Store(url) as store:
        for extraction in extractions if extractions is not None else story():
            store.ingest(extraction)
