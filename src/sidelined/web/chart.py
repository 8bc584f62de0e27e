"""Geometry of the player injury timeline chart, computed on the server.

`build_chart` lays out one lane per episode of the timeline (a bar from
start to end, the expected-return windows shaded underneath in the order
they were reported, so their evolution reads top to bottom), the episode's
reports as points on the bar and the team's fixtures as ticks on the axis,
the ones he missed in red.  The template `_chart.html` only draws
what is computed here, so the layout is tested without a browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sidelined.models import Match
from sidelined.timeline import EpisodeView, SourcedReport

WIDTH = 960
LABEL_WIDTH = 170
RIGHT_PAD = 16
TOP_PAD = 12
BAR_HEIGHT = 16
STRIPE_HEIGHT = 7
STRIPE_GAP = 2
LANE_GAP = 18
AXIS_HEIGHT = 42
MIN_SPAN_DAYS = 30
MIN_MARK_WIDTH = 6.0
MAX_MONTH_LABELS = 12
MONTH_LABEL_WIDTH = 52
TODAY_REACH_DAYS = 180


@dataclass(frozen=True)
class Bar:
    episode_id: int | None
    label: str
    x: float
    width: float
    y: float
    status: str
    open_ended: bool
    tip: str


@dataclass(frozen=True)
class Window:
    x: float
    width: float
    y: float
    reported_x: float
    opacity: float
    latest: bool
    tip: str


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    status: str
    article_id: str
    tip: str


@dataclass(frozen=True)
class Tick:
    x: float
    missed: bool
    tip: str


@dataclass(frozen=True)
class GridLine:
    x: float
    label: str | None


@dataclass
class Chart:
    width: int
    height: int
    start: date
    end: date
    axis_y: float
    bars: list[Bar] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    grid: list[GridLine] = field(default_factory=list)
    today_x: float | None = None


def _fmt(day: date | None) -> str:
    return day.strftime("%d %b %Y").lstrip("0") if day else "?"


def _episode_label(ep: EpisodeView) -> str:
    return ep.injury


def _episode_days(ep: EpisodeView) -> list[date]:
    days = [d for d in (ep.started_on, ep.ended_on, ep.until) if d]
    for est in ep.estimates:
        days.extend(d for d in (est.reported_on, est.earliest, est.latest) if d)
    days.extend(r.reported_on for r in ep.reports if r.reported_on)
    return days + [f.date for f in ep.fixtures_missed]


def _span(episodes: Sequence[EpisodeView], today: date) -> tuple[date, date]:
    days = [d for ep in episodes for d in _episode_days(ep)]
    if not days:
        return today - timedelta(days=MIN_SPAN_DAYS), today
    first, last = min(days), max(days)
    if any(ep.ended_on is None for ep in episodes) and last < today <= last + timedelta(days=TODAY_REACH_DAYS):
        last = today  # an open episode runs to today: show where today is
    pad = max(5, (last - first).days // 20)
    first, last = first - timedelta(days=pad), last + timedelta(days=pad)
    if (last - first).days < MIN_SPAN_DAYS:
        last = first + timedelta(days=MIN_SPAN_DAYS)
    return first, last


class _Scale:
    def __init__(self, start: date, end: date) -> None:
        self.start = start
        self.days = max(1, (end - start).days)
        self.plot_width = WIDTH - LABEL_WIDTH - RIGHT_PAD

    def x(self, day: date) -> float:
        return round(LABEL_WIDTH + (day - self.start).days / self.days * self.plot_width, 1)

    def width(self, first: date, last: date) -> float:
        """Width covering the whole days from `first` to `last` inclusive, never thinner than a few pixels."""
        return round(max(MIN_MARK_WIDTH, self.x(last) - self.x(first) + self.plot_width / self.days), 1)


def _month_grid(scale: _Scale, start: date, end: date) -> list[GridLine]:
    months = []
    cursor = date(start.year, start.month, 1)
    while cursor <= end:
        if cursor >= start:
            months.append(cursor)
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    step = -(-len(months) // MAX_MONTH_LABELS)
    room = WIDTH - MONTH_LABEL_WIDTH  # a label starting later would be cut off at the right edge
    return [
        GridLine(scale.x(m), m.strftime("%b %Y") if i % step == 0 and scale.x(m) <= room else None)
        for i, m in enumerate(months)
    ]


def _episode_bar(ep: EpisodeView, scale: _Scale, y: float) -> Bar:
    days = _episode_days(ep)
    first = ep.started_on or min(days)
    last = ep.ended_on or ep.until or max(days)
    until = _fmt(ep.ended_on) if ep.ended_on else f"{_fmt(ep.until)} ({ep.until_kind})"
    out = f", {ep.days_out} days" if ep.days_out is not None else ""
    tip = f"{ep.injury}: {_fmt(ep.started_on)} – {until}{out}; {len(ep.fixtures_missed)} games missed"
    return Bar(
        ep.id,
        _episode_label(ep),
        scale.x(first),
        scale.width(first, last),
        y,
        ep.status,
        ep.ended_on is None,
        tip,
    )


def _windows(ep: EpisodeView, scale: _Scale, y: float) -> list[Window]:
    estimates = sorted(
        (e for e in ep.estimates if e.earliest or e.latest), key=lambda e: (e.reported_on, e.article_id)
    )
    out = []
    for i, est in enumerate(estimates):
        first = est.earliest or est.latest
        last = est.latest or est.earliest
        assert first is not None and last is not None
        first, last = min(first, last), max(first, last)
        source = f" by {est.source}" if est.source else ""
        tip = f"Reported {_fmt(est.reported_on)}{source}: back {_fmt(est.earliest)} – {_fmt(est.latest)}"
        opacity = round(0.35 + 0.65 * (i + 1) / len(estimates), 2)
        row_y = y + BAR_HEIGHT + STRIPE_GAP + i * (STRIPE_HEIGHT + STRIPE_GAP)
        latest = i == len(estimates) - 1
        out.append(
            Window(
                scale.x(first),
                scale.width(first, last),
                row_y,
                scale.x(est.reported_on),
                opacity,
                latest,
                tip,
            )
        )
    return out


def _lane_height(ep: EpisodeView) -> int:
    stripes = sum(1 for e in ep.estimates if e.earliest or e.latest)
    return BAR_HEIGHT + stripes * (STRIPE_HEIGHT + STRIPE_GAP) + LANE_GAP


def _point(report: SourcedReport, scale: _Scale, y: float) -> Point | None:
    if report.reported_on is None:
        return None
    by = report.outlet or report.source or "unattributed"
    what = f", {report.body_part}" if report.body_part else ""
    tip = f"{_fmt(report.reported_on)} · {by}: {report.status}{what} (click to read)"
    return Point(scale.x(report.reported_on), y + BAR_HEIGHT / 2, report.status, report.article_id, tip)


def _fixture_ticks(
    fixtures: Sequence[Match], missed: set[date], scale: _Scale, span: tuple[date, date]
) -> list[Tick]:
    start, end = span
    ticks = []
    for m in sorted(fixtures, key=lambda m: m.date):
        if start <= m.date <= end:
            label = " v ".join(m.teams) + f", {_fmt(m.date)}" + (" (missed)" if m.date in missed else "")
            ticks.append(Tick(scale.x(m.date), m.date in missed, label))
    for day in sorted(missed - {m.date for m in fixtures}):
        if start <= day <= end:
            ticks.append(Tick(scale.x(day), True, f"Fixture missed, {_fmt(day)}"))
    return ticks


def build_chart(episodes: Sequence[EpisodeView], fixtures: Sequence[Match], today: date) -> Chart:
    """Lay out the timeline of one player's episodes, their reports and his team's fixtures."""
    ordered = sorted(episodes, key=lambda ep: (ep.started_on or date.max, ep.id or 0))
    start, end = _span(ordered, today)
    scale = _Scale(start, end)
    chart = Chart(WIDTH, 0, start, end, 0)
    y = float(TOP_PAD)
    for ep in ordered:
        chart.bars.append(_episode_bar(ep, scale, y))
        chart.windows.extend(_windows(ep, scale, y))
        chart.points.extend(p for r in ep.reports if (p := _point(r, scale, y)) is not None)
        y += _lane_height(ep)
    missed = {f.date for ep in ordered for f in ep.fixtures_missed}
    chart.axis_y = y
    chart.ticks = _fixture_ticks(fixtures, missed, scale, (start, end))
    chart.grid = _month_grid(scale, start, end)
    chart.today_x = scale.x(today) if start <= today <= end else None
    chart.height = int(y + AXIS_HEIGHT)
    return chart
