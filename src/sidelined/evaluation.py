"""Scoring extraction records against gold records, with an error listing.

The figures follow the scoring rules of the extraction spec: records pair up
greedily by player (or by day and teams, or by player and destination), each
field of a paired injury counts where gold has a value, and the headline is
the mean of injury F1, field accuracy, missed-fixture F1, match F1 and
transfer F1.  Besides the figures it keeps every disagreement, so a developer
sees gold and predicted values side by side.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

Record = dict[str, Any]
FIELDS = ("team", "body_part", "side", "diagnosis", "occurred_on", "status", "return_earliest", "return_latest")
_NOISE = {"fc", "cf", "afc", "sc", "ac", "the", "club", "de", "cd", "ud", "rc", "rcd", "sd"}


def _plain(s: str | None) -> str:
    ascii_text = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", ascii_text.replace("&", " ")).split())


@lru_cache(maxsize=4096)
def _team_key(name: str) -> str:
    from sidelined.kb import load_kb

    team = load_kb().team(name)
    key = _plain(team.name if team else name)
    return " ".join(t for t in key.split() if t not in _NOISE)


def same_team(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ka, kb = _team_key(a), _team_key(b)
    if ka == kb:
        return True
    ta, tb = set(ka.split()), set(kb.split())
    return bool(ta and tb) and (ta <= tb or tb <= ta) and {"madrid"} not in (ta, tb)


def same_player(a: str | None, b: str | None) -> bool:
    ta, tb = _plain(a).split(), _plain(b).split()
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if ta[-1] != tb[-1]:
        return len(ta) > 1 and len(tb) > 1 and ta[0] == tb[0] and ta[-1][:2] == tb[-1][:2]
    return len(ta) == 1 or len(tb) == 1 or ta[0][0] == tb[0][0]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Error:
    article: str
    what: str
    gold: Any
    predicted: Any


@dataclass
class Evaluation:
    articles: int = 0
    injury: Counts = field(default_factory=Counts)
    missed: Counts = field(default_factory=Counts)
    match: Counts = field(default_factory=Counts)
    transfer: Counts = field(default_factory=Counts)
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0, 0] for f in FIELDS})
    scores: list[int] = field(default_factory=lambda: [0, 0])
    published: list[int] = field(default_factory=lambda: [0, 0])
    errors: list[Error] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        correct = sum(v[0] for v in self.fields.values())
        gold = sum(v[1] for v in self.fields.values())
        field_accuracy = round(correct / gold, 3) if gold else None
        parts = [self.injury.f1, field_accuracy or 0.0, self.missed.f1, self.match.f1, self.transfer.f1]
        return {
            "articles": self.articles,
            "injury": self.injury.as_dict(),
            "field_accuracy": field_accuracy,
            "fields": {f: (round(v[0] / v[1], 3) if v[1] else None) for f, v in self.fields.items()},
            "missed_fixtures": self.missed.as_dict(),
            "match": self.match.as_dict(),
            "match_score_accuracy": round(self.scores[0] / self.scores[1], 3) if self.scores[1] else None,
            "transfer": self.transfer.as_dict(),
            "published_accuracy": round(self.published[0] / self.published[1], 3) if self.published[1] else None,
            "headline": round(sum(parts) / len(parts), 3),
        }


def _pair(gold: list[Record], pred: list[Record], same: Callable[[Record, Record], bool]
          ) -> tuple[list[tuple[Record, Record]], list[Record], list[Record]]:
    pairs: list[tuple[Record, Record]] = []
    taken: set[int] = set()
    for g in gold:
        for i, p in enumerate(pred):
            if i not in taken and same(g, p):
                pairs.append((g, p))
                taken.add(i)
                break
    paired_gold = [id(g) for g, _ in pairs]
    return pairs, [g for g in gold if id(g) not in paired_gold], [p for i, p in enumerate(pred) if i not in taken]


def _field(r: Record, name: str) -> Any:
    if name.startswith("return_"):
        return (r.get("expected_return") or {}).get(name.removeprefix("return_"))
    return r.get(name)


def _agrees(name: str, g: Any, p: Any) -> bool:
    if name == "team":
        return same_team(g, p)
    if name.startswith("return_"):
        return abs((date.fromisoformat(g) - date.fromisoformat(p)).days) <= 2
    return bool(g == p)


def _same_match(a: Record, b: Record) -> bool:
    ta, tb = a.get("teams") or [], b.get("teams") or []
    if a.get("date") != b.get("date") or len(ta) != 2 or len(tb) != 2:
        return False
    return (same_team(ta[0], tb[0]) and same_team(ta[1], tb[1])) or (
        same_team(ta[0], tb[1]) and same_team(ta[1], tb[0]))


def _score_injuries(ev: Evaluation, aid: str, gold: list[Record], pred: list[Record]) -> None:
    pairs, missing, extra = _pair(gold, pred, lambda g, p: same_player(g.get("player"), p.get("player")))
    ev.injury.add(len(pairs), len(extra), len(missing))
    ev.errors += [Error(aid, "injury missed", g.get("player"), None) for g in missing]
    ev.errors += [Error(aid, "injury spurious", None, p.get("player")) for p in extra]
    for g, p in pairs:
        for name in FIELDS:
            gv, pv = _field(g, name), _field(p, name)
            if gv is None:
                ev.fields[name][2] += pv is not None
                continue
            ev.fields[name][1] += 1
            if pv is not None and _agrees(name, gv, pv):
                ev.fields[name][0] += 1
            else:
                ev.errors.append(Error(aid, f"{g.get('player')}.{name}", gv, pv))
        gs, ps = set(g.get("missed_fixtures") or []), set(p.get("missed_fixtures") or [])
        ev.missed.add(len(gs & ps), len(ps - gs), len(gs - ps))
        if gs != ps:
            ev.errors.append(Error(aid, f"{g.get('player')}.missed_fixtures", sorted(gs), sorted(ps)))


def _score_matches(ev: Evaluation, aid: str, gold: list[Record], pred: list[Record]) -> None:
    pairs, missing, extra = _pair(gold, pred, _same_match)
    ev.match.add(len(pairs), len(extra), len(missing))
    ev.errors += [Error(aid, "match missed", f"{g['date']} {g.get('teams')}", None) for g in missing]
    ev.errors += [Error(aid, "match spurious", None, f"{p.get('date')} {p.get('teams')}") for p in extra]
    for g, p in pairs:
        if not g.get("score"):
            continue
        ev.scores[1] += 1
        ps = p.get("score") or {}
        ok = len(ps) == 2 and all(any(same_team(gt, pt) and gv == pv for pt, pv in ps.items())
                                  for gt, gv in g["score"].items())
        ev.scores[0] += ok
        if not ok:
            ev.errors.append(Error(aid, f"match {g['date']} score", g["score"], p.get("score")))


def _score_transfers(ev: Evaluation, aid: str, gold: list[Record], pred: list[Record]) -> None:
    pairs, missing, extra = _pair(gold, pred, lambda g, p: same_player(g.get("player"), p.get("player"))
                                  and same_team(g.get("to_team"), p.get("to_team")))
    ev.transfer.add(len(pairs), len(extra), len(missing))
    ev.errors += [Error(aid, "transfer missed", f"{g.get('player')} -> {g.get('to_team')}", None) for g in missing]
    ev.errors += [Error(aid, "transfer spurious", None, f"{p.get('player')} -> {p.get('to_team')}") for p in extra]


def evaluate(gold: dict[str, Record], pred: dict[str, Record]) -> Evaluation:
    """Score predicted records against gold ones, both keyed by article id."""
    ev = Evaluation(articles=len(gold))
    for aid, g in sorted(gold.items()):
        p = pred.get(aid) or {}
        gp, pp = (g.get("article") or {}).get("published"), (p.get("article") or {}).get("published")
        if gp:
            ev.published[1] += 1
            window = (g.get("article") or {}).get("published_window_days") or 0
            if pp and abs((date.fromisoformat(pp) - date.fromisoformat(gp)).days) <= window:
                ev.published[0] += 1
            else:
                ev.errors.append(Error(aid, "published", gp, pp))
        _score_injuries(ev, aid, g.get("injuries") or [], p.get("injuries") or [])
        _score_matches(ev, aid, g.get("matches") or [], p.get("matches") or [])
        _score_transfers(ev, aid, g.get("transfers") or [], p.get("transfers") or [])
    return ev


def guarded_figures(figures: dict[str, Any]) -> dict[str, Any]:
    """The figures CI keeps from falling (benchmarks/recorded_figures.json), from either this module's
    figures or the reference scorer's JSON output, which share their shape."""
    return {
        "injury_f1": figures["injury"]["f1"],
        "field_accuracy": figures["field_accuracy"],
        "missed_fixtures_f1": figures["missed_fixtures"]["f1"],
        "match_f1": figures["match"]["f1"],
        "transfer_f1": figures["transfer"]["f1"],
        "published_accuracy": figures["published_accuracy"],
        "headline": figures["headline"],
    }
