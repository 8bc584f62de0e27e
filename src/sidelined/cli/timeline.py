"""CLI commands of the timeline stage: player, team, available, changes.

Each prints a Rich table whose every fact names the article id and the
outlet/source it came from.  An unknown player or team is a one-line error
and a non-zero exit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TypeVar

import typer
from rich.console import Console
from rich.table import Table

from sidelined.errors import UnknownEntity
from sidelined.store import Store
from sidelined.timeline import (
    AvailabilityAnswer,
    EpisodeView,
    SourcedReport,
    availability,
    availability_for_fixture,
    changes,
    player_history,
    team_status,
)

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)
T = TypeVar("T")

DbOpt = typer.Option(None, "--db", envvar="SIDELINED_DB", help="SQLAlchemy URL (default sqlite:///sidelined.db).")
StaleOpt = typer.Option(14, "--stale-days", help="A status older than this many days is marked stale.")
STATUS_STYLE = {"out": "red", "doubtful": "yellow", "available": "green", "unknown": "dim"}


def parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a day in the form YYYY-MM-DD", param_hint=option) from None


@contextmanager
def opened(db: str | None) -> Iterator[Store]:
    store = Store(db)
    try:
        yield store
    finally:
        store.close()


def answer_or_exit(ask: Callable[[], T]) -> T:
    try:
        return ask()
    except UnknownEntity as error:
        err.print(f"[red]error[/red]: {error}", soft_wrap=True)
        raise typer.Exit(1) from None


def _day(value: date | None) -> str:
    return value.isoformat() if value else "?"


def _window(earliest: date | None, latest: date | None) -> str:
    if earliest is None and latest is None:
        return "-"
    return _day(earliest) if earliest == latest else f"{_day(earliest)} to {_day(latest)}"


def _sources(reports: list[SourcedReport]) -> str:
    credits = dict.fromkeys(r.attribution for r in reports)
    copies = dict.fromkeys(c for r in reports for c in r.copies)
    text = "\n".join(credits)
    return text + ("\nalso in " + ", ".join(copies) if copies else "")


def _status(status: str, stale: bool = False, conflict: bool = False) -> str:
    flags = (" [bold magenta]CONFLICT[/bold magenta]" if conflict else "") + (" [dim](stale)[/dim]" if stale else "")
    return f"[{STATUS_STYLE.get(status, 'white')}]{status}[/]" + flags


def _until(episode: EpisodeView) -> str:
    if episode.until is None:
        return "?"
    if episode.until_kind == "return":
        return episode.until.isoformat()
    return f"{episode.until.isoformat()} ({episode.until_kind})"


def _games(episode: EpisodeView) -> str:
    counted = "?" if episode.games_missed is None else str(episode.games_missed)
    if episode.fixtures_from != "none":
        counted += f" ({episode.fixtures_from})"
    claims = [f"{c.games} per {c.article_id}" for c in episode.games_claimed]
    return counted + ("\nclaimed: " + "; ".join(claims) if claims else "")


def history_table(episodes: list[EpisodeView]) -> Table:
    table = Table(title="Injury history", show_lines=True)
    for column in ("Season", "Injury", "From", "Until", "Days", "Games missed", "Sources"):
        table.add_column(column)
    for e in episodes:
        days = "?" if e.days_out is None else str(e.days_out)
        table.add_row(e.season or "?", e.injury, _day(e.started_on), _until(e), days, _games(e), _sources(e.reports))
    return table


def estimates_table(episodes: list[EpisodeView]) -> Table | None:
    rows = [(e, est) for e in episodes for est in e.estimates]
    if not rows:
        return None
    table = Table(title="Expected return, as it evolved")
    for column in ("Injury", "Reported", "Expected back", "Source", "Article"):
        table.add_column(column)
    for e, est in rows:
        table.add_row(
            e.injury,
            est.reported_on.isoformat(),
            _window(est.earliest, est.latest),
            est.source or "-",
            est.article_id,
        )
    return table


def print_availability(answer: AvailabilityAnswer, heading: str) -> None:
    age = "" if answer.age_days is None else f", deciding reports {answer.age_days} days old"
    out.print(f"{heading}: {_status(answer.status, answer.stale, answer.conflict)} ({answer.reason}{age})")
    if answer.expected_earliest or answer.expected_latest:
        out.print(f"  expected back: {_window(answer.expected_earliest, answer.expected_latest)}")
    for r in answer.deciding:
        out.print(f"  {r.reported_on}: {_status(r.status)} from {r.attribution}")


def player_command(
    name: str = typer.Argument(..., help="Player name (full name or surname)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Show what was known on this day (YYYY-MM-DD)."),
    db: str | None = DbOpt,
    stale_days: int = StaleOpt,
) -> None:
    """A player's injury history and his status, each fact with its article and source."""
    day = parse_day(as_of, "--as-of")
    with opened(db) as store:
        history = answer_or_exit(lambda: player_history(store, name, day, stale_days))
    out.print(f"[bold]{history.player}[/bold] ({history.team or 'team unknown'}), as of {history.as_of}")
    out.print(history_table(history.episodes))
    estimates = estimates_table(history.episodes)
    if estimates is not None:
        out.print(estimates)
    for episode in history.episodes:
        for day in episode.conflict_days:
            out.print(
                f"[bold magenta]CONFLICT[/bold magenta] on {day}: sources disagree about the {episode.injury.lower()}"
            )
    print_availability(history.current, "Status")


def team_command(
    team: str = typer.Argument(..., help="Team name."),
    as_of: str | None = typer.Option(None, "--as-of", help="Day to report on (YYYY-MM-DD, default today)."),
    db: str | None = DbOpt,
    stale_days: int = StaleOpt,
) -> None:
    """Who is out or doubtful at a team: since when, expected back when, with sources."""
    day = parse_day(as_of, "--as-of")
    with opened(db) as store:
        status = answer_or_exit(lambda: team_status(store, team, day, stale_days))
    table = Table(title=f"{status.team}: unavailable or doubtful as of {status.as_of}", show_lines=True)
    for column in ("Player", "Status", "Injury", "Since", "Expected back", "Report age", "Sources"):
        table.add_column(column)
    for p in status.players:
        age = "?" if p.age_days is None else f"{p.age_days} d"
        table.add_row(
            p.player,
            _status(p.status, p.stale, p.conflict),
            p.injury,
            _day(p.since),
            _window(p.expected_earliest, p.expected_latest),
            age,
            _sources(p.sources),
        )
    out.print(table if status.players else f"No player of {status.team} reported out or doubtful on {status.as_of}.")


def available_command(
    player: str = typer.Argument(..., help="Player name."),
    on: str | None = typer.Option(None, "--on", help="The day asked about (YYYY-MM-DD)."),
    fixture: str | None = typer.Option(
        None, "--fixture", help="Opponent: ask about his team's next match against them (from --on or today)."
    ),
    db: str | None = DbOpt,
    stale_days: int = StaleOpt,
) -> None:
    """available / doubtful / out / unknown on a day (or for a fixture), with the reports that decide it."""
    day = parse_day(on, "--on")
    if day is None and fixture is None:
        raise typer.BadParameter("give the day with --on YYYY-MM-DD, or an opponent with --fixture", param_hint="--on")
    with opened(db) as store:
        if fixture is not None:
            match, answer = answer_or_exit(
                lambda: availability_for_fixture(store, player, fixture, day, stale_after=stale_days)
            )
            where = f"{match.home} v {match.away}" + (f", {match.competition}" if match.competition else "")
            heading = f"{answer.player} for {where} on {match.date}"
        else:
            assert day is not None
            answer = answer_or_exit(lambda: availability(store, player, day, stale_days))
            heading = f"{answer.player} on {answer.on}"
    print_availability(answer, heading)


def changes_command(
    since: str = typer.Option(..., "--since", help="List changes reported on or after this day (YYYY-MM-DD)."),
    db: str | None = DbOpt,
) -> None:
    """New injuries, changed estimates, status changes and returns, each with the report behind it."""
    day = parse_day(since, "--since")
    assert day is not None
    with opened(db) as store:
        found = changes(store, day)
    table = Table(title=f"Changes since {day}")
    for column in ("Day", "Player", "Change", "Detail", "Report"):
        table.add_column(column)
    for c in found:
        kind = c.kind + (" [bold magenta]CONFLICT[/bold magenta]" if c.conflict else "")
        table.add_row(_day(c.day), c.player, kind, c.detail, c.report.attribution)
    out.print(table if found else f"No changes reported since {day}.")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("player")(player_command)
    app.command("team")(team_command)
    app.command("available")(available_command)
    app.command("changes")(changes_command)
