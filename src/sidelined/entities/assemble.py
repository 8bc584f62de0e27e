"""The linking pass over one article: gazetteer hits, teams, players, unknown people,
descriptors and pronouns, put together as `Mention`s."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from operator import attrgetter
from typing import NotRequired, TypedDict

from pydantic import TypeAdapter
from rapidfuzz import fuzz, process

from sidelined.entities.context import ArticleContext
from sidelined.entities.coref import descriptor_mentions, pronoun_mentions, staff_mentions
from sidelined.entities.gazetteer import Gazetteer, Hit, gazetteer_for
from sidelined.entities.linker import PlayerLink, resolve_players, resolve_teams
from sidelined.entities.scanning import whole_word_matches
from sidelined.entities.shapes import Coverage, find_shapes, find_single_names, staff_surnames
from sidelined.kb import KnowledgeBase
from sidelined.kb.names import fold
from sidelined.models import Article, LinkVia, Mention, MentionKind

FUZZY_CUTOFF = 88


class MentionFields(TypedDict):
    """A mention's fields, validated into `Mention`s all at once at the end: one call for the whole list
    costs half of what a `Mention(...)` per mention does.  Fields left out keep their defaults and stay
    out of the mention's set fields, as when passed to `Mention(...)`."""

    start: int
    end: int
    text: str
    kind: MentionKind
    entity_id: str | None
    name: str
    via: LinkVia
    team: NotRequired[str | None]
    score: NotRequired[float]


MENTIONS = TypeAdapter(list[Mention])


def _day_for(article: Article, kb: KnowledgeBase) -> date:
    """The publication day, or without one a mid-season day of the newest season we know."""
    return article.published or gazetteer_for(kb).latest_day


def _competition_mentions(hits: list[Hit], team_starts: set[int], ctx: ArticleContext) -> list[MentionFields]:
    found: list[MentionFields] = []
    for hit in hits:
        if hit.start in team_starts or "competition" not in hit.kinds or "player_name" in hit.kinds:
            continue
        entry = next((e for e in hit.entries if e.kind == "competition"), None)
        if entry:
            ctx.competitions.append((hit.start, entry.entity_id))
            found.append(
                {
                    "start": hit.start,
                    "end": hit.end,
                    "text": hit.text,
                    "kind": "competition",
                    "entity_id": entry.entity_id,
                    "name": entry.entity_id,
                    "via": entry.via,
                }
            )
    return found


def _fuzzy_player(name: str, squad: dict[str, str]) -> str | None:
    """A near-miss spelling of a player of one of the article's clubs."""
    if not squad:
        return None
    found = process.extractOne(fold(name), squad, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return found[2] if found else None


def _article_squads(kb: KnowledgeBase, ctx: ArticleContext) -> dict[str, str]:
    return {player.id: player.name for team_id in ctx.team_ids for player in kb.squad(team_id, ctx.season)}


def _unknown_people(
    kb: KnowledgeBase, ctx: ArticleContext, links: list[PlayerLink], taken: list[tuple[int, int]]
) -> list[PlayerLink]:
    found: list[PlayerLink] = []
    known_by_surname: dict[str, PlayerLink] = {}
    shapes = find_shapes(ctx.text, taken, gazetteer_for(kb).vocabulary, ctx.folded)
    shape_spans = [(shape.start, shape.end) for shape in shapes]
    player_spans = [(lk.start, lk.end) for lk in links if lk.kind == "player"] + [
        span for span, shape in zip(shape_spans, shapes, strict=True) if not shape.staff
    ]
    shapes += find_single_names(ctx.text, taken + shape_spans, player_spans)
    squad: dict[str, str] | None = None
    staff_names = staff_surnames(ctx.text)
    for shape in shapes:
        if not shape.staff and shape.text.split()[-1] in staff_names:
            shape = replace(shape, staff=True)
        fuzzy = None
        if not shape.staff and shape.player_context:
            if squad is None:
                squad = _article_squads(kb, ctx)
            fuzzy = _fuzzy_player(shape.text, squad)
        if fuzzy:
            link = PlayerLink(shape.start, shape.end, shape.text, fuzzy, kb.players[fuzzy].name, "fuzzy", score=0.8)
        elif shape.staff:
            link = PlayerLink(shape.start, shape.end, shape.text, None, fold(shape.text), "shape", kind="person")
        elif shape.player_context:
            link = PlayerLink(shape.start, shape.end, shape.text, None, fold(shape.text), "shape", score=0.5)
        else:
            continue
        found.append(link)
        known_by_surname.setdefault(shape.text.split()[-1], link)
    if not known_by_surname:
        return found
    covered = Coverage(taken + [(lk.start, lk.end) for lk in found])
    for start, surname in whole_word_matches(ctx.text, list(known_by_surname)):
        first = known_by_surname[surname]
        end = start + len(surname)
        if covered.overlaps(start, end):
            continue
        found.append(
            PlayerLink(
                start,
                end,
                surname,
                first.player_id,
                first.name,
                "surname" if first.player_id else "shape",
                kind=first.kind,
                score=first.score,
            )
        )
    return found


def _team_for(kb: KnowledgeBase, link: PlayerLink, ctx: ArticleContext) -> str | None:
    if link.kind != "player":
        return None
    player = kb.players.get(link.player_id) if link.player_id else None
    if ctx.international:
        national = kb.national_team(player.nationality) if player and player.nationality else None
        if national and national.id in ctx.team_ids:
            return national.name
        if player is None or not player.nationality:
            nearest = ctx.team_for_unknown(link.start, "national_team")
            if nearest:
                return kb.teams[nearest].name
    if player is None:
        nearest = ctx.team_for_unknown(link.start, "club")
        return kb.teams[nearest].name if nearest else None
    clubs = ctx.clubs_of(player.id)
    in_article = [team_id for team_id in clubs if team_id in ctx.team_ids]
    if in_article:
        return kb.teams[in_article[0]].name
    nearest = ctx.nearest_team(link.start, kind="club") if clubs else ctx.team_for_unknown(link.start, "club")
    if nearest and (not clubs or nearest in {team_id for _, team_id in player.club_ids}):
        return kb.teams[nearest].name
    if clubs:
        return kb.teams[clubs[0]].name
    return kb.teams[nearest].name if nearest else None


LISTED_WITH = re.compile(
    r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*,?\s*(?:along with|alongside|as well as|plus)\s+)(?:[a-z][\w-]*\s+)?$"
)


def _listed_together(text: str, first: PlayerLink, second: PlayerLink) -> bool:
    """'Rodman, along with defender Casey Krueger': named side by side, so teammates."""
    between = text[first.end : second.start]
    return len(between) <= 40 and bool(LISTED_WITH.match(between))


def _knows_club(link: PlayerLink, ctx: ArticleContext) -> bool:
    return bool(link.player_id and ctx.clubs_of(link.player_id))


def _as_mentions(kb: KnowledgeBase, links: list[PlayerLink], ctx: ArticleContext) -> list[MentionFields]:
    teams: dict[str, str | None] = {}
    mentions: list[MentionFields] = []
    previous: PlayerLink | None = None
    for link in sorted(links, key=attrgetter("start")):
        identity = link.player_id or link.name
        if identity not in teams:
            partner = previous if previous and _listed_together(ctx.text, previous, link) else None
            if partner and not _knows_club(link, ctx) and not ctx.international:
                teams[identity] = teams[partner.player_id or partner.name]
            else:
                teams[identity] = _team_for(kb, link, ctx)
        if link.kind == "player" and link.via not in ("pronoun", "descriptor"):
            previous = link
        mentions.append(
            {
                "start": link.start,
                "end": link.end,
                "text": link.text,
                "kind": link.kind,
                "entity_id": link.player_id,
                "name": link.name,
                "team": teams[identity],
                "via": link.via,
                "score": link.score,
            }
        )
    return mentions


def link_text(text: str, day: date, kb: KnowledgeBase, gazetteer: Gazetteer | None = None) -> list[Mention]:
    gazetteer = gazetteer or gazetteer_for(kb)
    ctx = ArticleContext(text, day, kb)
    hits = gazetteer.find(text, ctx.folded)
    team_starts = resolve_teams(kb, hits, ctx)
    team_at = {t.start: kb.teams[t.team_id] for t in ctx.teams}
    mentions: list[MentionFields] = [
        {
            "start": h.start,
            "end": h.end,
            "text": h.text,
            "kind": team_at[h.start].kind,
            "entity_id": team_at[h.start].id,
            "name": team_at[h.start].name,
            "via": "name" if h.text == team_at[h.start].name else "alias",
        }
        for h in hits
        if h.start in team_at
    ]
    mentions += _competition_mentions(hits, team_starts, ctx)
    ctx.decide_international()
    links = resolve_players(kb, hits, ctx, team_starts)
    staff = staff_mentions(ctx, kb)
    taken = [(m["start"], m["end"]) for m in mentions] + [(lk.start, lk.end) for lk in links + staff]
    links += _unknown_people(kb, ctx, links, taken)
    staff_spans = [(s.start, s.end) for s in staff]
    links += descriptor_mentions(kb, links, ctx, staff_spans)
    links += staff
    links += pronoun_mentions(links, ctx, staff_spans)
    mentions += _as_mentions(kb, links, ctx)
    mentions.sort(key=lambda m: (m["start"], -m["end"]))
    return MENTIONS.validate_python(mentions)


def link(article: Article, kb: KnowledgeBase) -> list[Mention]:
    """Every player, club, national team, competition and person mentioned in the article."""
    return link_text(article.text, _day_for(article, kb), kb)
