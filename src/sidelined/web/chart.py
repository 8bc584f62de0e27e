"""Geometry of the player injury timeline chart, computed on the server.

`build_chart` lays out one lane per episode (a bar from start to end, the
expected-return windows shaded underneath in the order they were reported,
so their evolution reads top to bottom), report points on the bar and the
team's fixtures as ticks on the axis.  The template `_chart.html` only draws
what is computed here, so the layout is tested without a browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sidelined.api.schemas import ReportView
from sidelined.models import Episode, Match

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


def _episode_label(ep: Episode) -> str:
    what = " ".join(p for p in (ep.body_part, ep.diagnosis) if p) or "injury"
    return f"{what.capitalize()} · {ep.started_on.strftime('%b %Y') if ep.started_on else 'date unknown'}"


def _report_day(report: ReportView) -> date | None:
    return report.article.published or report.report.occurred_on


def _episode_days(ep: Episode) -> list[date]:
    days = [d for d in (ep.started_on, ep.ended_on) if d]
    for est in ep.estimates:
        days.extend(d for d in (est.reported_on, est.earliest, est.latest) if d)
    return days + list(ep.missed_fixtures)


def _span(episodes: Sequence[Episode], reports: Sequence[ReportView], today: date) -> tuple[date, date]:
    days = [d for ep in episodes for d in _episode_days(ep)]
    days += [d for r in reports if (d := _report_day(r))]
    if not days:
        return today - timedelta(days=MIN_SPAN_DAYS), today
    first, last = min(days), max(days)
    if any(ep.ended_on is None for ep in episodes):
        last = max(last, min(today, last + timedelta(days=60)))
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

    def day_width(self) -> float:
        return self.plot_width / self.days


def _month_grid(scale: _Scale, start: date, end: date) -> list[GridLine]:
    months = []
    cursor = date(start.year, start.month, 1)
    while cursor <= end:
        if cursor >= start:
            months.append(cursor)
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    step = max(1, len(months) // 12 + (1 if len(months) % 12 else 0)) if len(months) > 12 else 1
    return [
        GridLine(scale.x(m), m.strftime("%b %Y") if i % step == 0 else None) for i, m in enumerate(months)
    ]


def _episode_bar(ep: Episode, scale: _Scale, y: float, today: date, end: date) -> Bar:
    first = ep.started_on or min(_episode_days(ep), default=today)
    last = ep.ended_on or max([today if today <= end else end, *_episode_days(ep)])
    x = scale.x(first)
    width = max(3.0, scale.x(last) - x + scale.day_width())
    until = _fmt(ep.ended_on) if ep.ended_on else "ongoing"
    tip = f"{_episode_label(ep)}: {_fmt(ep.started_on)} – {until} ({ep.status})"
    return Bar(ep.id, _episode_label(ep), x, round(width, 1), y, ep.status, ep.ended_on is None, tip)


def _windows(ep: Episode, scale: _Scale, y: float) -> list[Window]:
    estimates = sorted(
        (e for e in ep.estimates if e.earliest or e.latest), key=lambda e: (e.reported_on, e.article_id)
    )
    out = []
    for i, est in enumerate(estimates):
        first = est.earliest or est.latest
        last = est.latest or est.earliest
        assert first is not None and last is not None
        x = scale.x(min(first, last))
        width = max(3.0, scale.x(max(first, last)) - x + scale.day_width())
        source = f" by {est.source}" if est.source else ""
        tip = f"Reported {_fmt(est.reported_on)}{source}: back {_fmt(est.earliest)} – {_fmt(est.latest)}"
        opacity = round(0.35 + 0.65 * (i + 1) / len(estimates), 2)
        row_y = y + BAR_HEIGHT + STRIPE_GAP + i * (STRIPE_HEIGHT + STRIPE_GAP)
        out.append(
            Window(x, round(width, 1), row_y, scale.x(est.reported_on), opacity, i == len(estimates) - 1, tip)
        )
    return out


def _lane_height(ep: Episode | None) -> int:
    stripes = 0 if ep is None else sum(1 for e in ep.estimates if e.earliest or e.latest)
    return BAR_HEIGHT + stripes * (STRIPE_HEIGHT + STRIPE_GAP) + LANE_GAP


def _point(report: ReportView, scale: _Scale, y: float) -> Point | None:
    day = _report_day(report)
    if day is None:
        return None
    r = report.report
    outlet = report.article.outlet or r.source or "unattributed"
    tip = f"{_fmt(day)} · {outlet}: {r.status}" + (f", {r.body_part}" if r.body_part else "")
    return Point(scale.x(day), y + BAR_HEIGHT / 2, r.status, report.article.id, tip)


def _fixture_ticks(
    fixtures: Sequence[Match], missed: set[date], scale: _Scale, start: date, end: date
) -> list[Tick]:
    ticks = []
    for m in sorted(fixtures, key=lambda m: m.date):
        if start <= m.date <= end:
            label = " v ".join(m.teams) + f", {_fmt(m.date)}" + (" (missed)" if m.date in missed else "")
            ticks.append(Tick(scale.x(m.date), m.date in missed, label))
    for day in sorted(missed - {m.date for m in fixtures}):
        if start <= day <= end:
            ticks.append(Tick(scale.x(day), True, f"Fixture missed, {_fmt(day)}"))
    return ticks


def build_chart(
    episodes: Sequence[Episode], reports: Sequence[ReportView], fixtures: Sequence[Match], today: date
) -> Chart:
    """Lay out the timeline of one player's episodes, reports and fixtures."""
    ordered = sorted(episodes, key=lambda ep: (ep.started_on or date.max, ep.id or 0))
    start, end = _span(ordered, reports, today)
    scale = _Scale(start, end)
    lane_of_report: dict[int, int] = {rid: i for i, ep in enumerate(ordered) for rid in ep.report_ids}
    loose = [r for r in reports if r.id is None or r.id not in lane_of_report]
    lanes: list[Episode | None] = [*ordered, *([None] if loose else [])]
    chart = Chart(WIDTH, 0, start, end, 0)
    y = float(TOP_PAD)
    lane_y: list[float] = []
    for lane in lanes:
        lane_y.append(y)
        if lane is not None:
            chart.bars.append(_episode_bar(lane, scale, y, today, end))
            chart.windows.extend(_windows(lane, scale, y))
        y += _lane_height(lane)
    for report in reports:
        lane_index = (
            lane_of_report.get(report.id, len(lanes) - 1) if report.id is not None else len(lanes) - 1
        )
        if (point := _point(report, scale, lane_y[lane_index])) is not None:
            chart.points.append(point)
    missed = {d for ep in ordered for d in ep.missed_fixtures}
    chart.axis_y = y
    chart.ticks = _fixture_ticks(fixtures, missed, scale, start, end)
    chart.grid = _month_grid(scale, start, end)
    chart.today_x = scale.x(today) if start <= today <= end else None
    chart.height = int(y + AXIS_HEIGHT)
    return chart
