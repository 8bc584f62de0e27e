"""Link gazetteer hits to teams, competitions and players, settling ambiguity by context.

Teams first (a name that only one team has anchors the article), then
competitions, then players: a full name picks among namesakes by the club
each had on the publication day; a bare surname needs support from the
article (that man's full name, his club, or his national side when the
article is about international duty).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from sidelined.entities.context import ArticleContext, TeamSighting
from sidelined.entities.gazetteer import Entry, Hit
from sidelined.entities.scanning import at_word_boundary, is_word_character, stands_alone
from sidelined.entities.shapes import staff_before, talks_about_playing
from sidelined.entities.words import CALENDAR_WORDS, NOT_NAME_WORDS
from sidelined.kb import KnowledgeBase, Player
from sidelined.kb.names import fold
from sidelined.models import LinkVia, MentionKind

TOP_FLIGHT = 10_000
PLAYER_KINDS = frozenset({"player_name", "player_surname"})
COACH_KINDS = frozenset({"coach_name", "coach_surname"})
CAPITALISED_WORD = re.compile(r"[A-Z][\w'’\-]+")


@dataclass(slots=True)
class PlayerLink:
    start: int
    end: int
    text: str
    player_id: str | None
    name: str
    via: LinkVia
    kind: MentionKind = "player"
    score: float = 1.0


def resolve_teams(kb: KnowledgeBase, hits: list[Hit], ctx: ArticleContext) -> set[int]:
    """Fill ctx.teams; return the starts of the hits taken as teams."""
    taken: set[int] = set()
    anchors: set[str] = set()
    pending: list[tuple[Hit, tuple[Entry, ...]]] = []
    for hit in hits:
        ranked = hit.teams
        if not ranked or ("player_name" in hit.kinds and " " in hit.text):
            continue
        top = kb.teams[ranked[0].entity_id]
        runner_up = kb.teams[ranked[1].entity_id].prominence if len(ranked) > 1 else -1
        # A one-word name of a club that never appears in our fixtures ("Miami") is too weak alone.
        known = top.prominence > 1 or top.league is not None or not hit.text.strip().isalpha()
        dominant = top.prominence >= TOP_FLIGHT > runner_up or (top.prominence > 0 and runner_up <= 0)
        clear = known and not ranked[0].ambiguous and (len(ranked) == 1 or dominant)
        if clear:
            anchors.add(top.id)
            ctx.teams.append(TeamSighting(hit.start, top.id, top.kind))
            taken.add(hit.start)
        else:
            pending.append((hit, ranked))
    for hit, ranked in pending:
        chosen = next((e.entity_id for e in ranked if e.entity_id in anchors), None)
        if chosen is None and PLAYER_KINDS.isdisjoint(hit.kinds):
            top = kb.teams[ranked[0].entity_id]
            if not ranked[0].ambiguous and top.kind == "national_team" and len(ranked) == 1:
                chosen = top.id
        if chosen:
            ctx.teams.append(TeamSighting(hit.start, chosen, kb.teams[chosen].kind))
            taken.add(hit.start)
    ctx.teams.sort(key=attrgetter("start"))
    return taken


def _player_support(kb: KnowledgeBase, player: Player, ctx: ArticleContext, near: str | None = None) -> float:
    """How well the article backs this man: his club of the day named (most when it is the club named
    nearest the mention), his national side in an international story, a former club named."""
    clubs = ctx.clubs_of(player.id)
    in_article = ctx.team_ids
    score = 0.0
    if clubs and clubs[0] in in_article:
        score += 3.5 if clubs[0] == near else 3
    elif not in_article.isdisjoint(clubs):
        score += 2
    elif clubs:
        score += 0.5
    elif any(team_id in in_article for _, team_id in player.club_ids):
        score += 0.25
    national = kb.national_team(player.nationality) if player.nationality else None
    if national and national.id in in_article:
        score += 1 if ctx.international else 0.25
    return score


def _retired(player: Player, ctx: ArticleContext) -> bool:
    """Past 40 with no club this season: a coach or pundit now, whatever he once was."""
    ages = player.age_on(ctx.day)
    return ages is not None and ages[0] > 40 and not ctx.clubs_of(player.id)


def _best_player(kb: KnowledgeBase, ids: list[str], ctx: ArticleContext) -> str:
    """The namesake the article backs best (ties go to the smaller id)."""
    if len(ids) == 1:
        return ids[0]
    scored = [(_player_support(kb, kb.players[pid], ctx), pid) for pid in ids]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return scored[0][1]


def _word_after(text: str, end: int) -> str | None:
    match = CAPITALISED_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return match.group(0) if match else None


def _word_before(text: str, start: int) -> tuple[int, str] | None:
    if start < 2 or text[start - 1] != " ":
        return None
    head = text.rfind(" ", 0, start - 1) + 1
    head = max(head, text.rfind("\n", 0, start - 1) + 1)
    word = text[head : start - 1]
    if CAPITALISED_WORD.fullmatch(word) and head > 0 and text[head - 1] not in ".!?\n":
        return head, word
    return None


def _first_name_key(written: str) -> str:
    return fold(written).lower()


def _first_names_agree(written_key: str, full_name: str) -> bool:
    """The first name written (as `_first_name_key`) fits the full name's: up to three letters agree."""
    theirs = _first_name_key(full_name.split()[0])
    size = min(3, len(written_key), len(theirs))
    return written_key[:size] == theirs[:size]


def _same_first_name(written: str, full_name: str) -> bool:
    """'Dani' fits 'Daniel Carvajal', 'Jamie' fits 'James', 'Caleb' does not fit 'Chris Porter'."""
    return _first_names_agree(_first_name_key(written), full_name)


def _in_first_name(char: str) -> bool:
    return is_word_character(char) or char in "'’-"


def _first_names_of(text: str, surname: str) -> Iterator[tuple[int, str]]:
    """(offset, word) of each capitalised word written before the surname: what
    `re.finditer(r"\\b([A-Z][\\w'’-]+) " + re.escape(surname) + r"\\b", text)` finds, without a
    pattern compiled for every surname."""
    written = " " + surname
    searched_from = 0  # matches do not overlap
    at = text.find(written)
    while at != -1:
        if at_word_boundary(text, at + len(written)):
            word_start = at
            while word_start > 0 and _in_first_name(text[word_start - 1]):
                word_start -= 1
            for start in range(max(word_start, searched_from), at - 1):
                if "A" <= text[start] <= "Z" and at_word_boundary(text, start):
                    yield start, text[start:at]
                    searched_from = at + len(written)
                    break
        at = text.find(written, max(at + 1, searched_from))


def _last_visible_character(text: str, offset: int) -> str:
    """The last character before the offset that is not white space ("" when there is none)."""
    while offset > 0 and text[offset - 1].isspace():
        offset -= 1
    return text[offset - 1 : offset]


def _named_otherwise(text: str, surname: str, full_name: str) -> bool:
    """The article gives this surname a first name that is not his ("Milton Valenzuela" when the
    knowledge base only knows a Carlos Valenzuela): the bare surname is that other man."""
    for start, word in _first_names_of(text, surname):
        if word in NOT_NAME_WORDS or _same_first_name(word, full_name):
            continue
        opens_sentence = _last_visible_character(text, start) in ("", ".", "!", "?", "‘", "“", '"', "'", "(", ":")
        is_a_word = stands_alone(text, word.lower())  # "About Moses"
        if not opens_sentence and not is_a_word:
            return True
    return False


def _in_play_talk(hit: Hit, ctx: ArticleContext) -> bool:
    """The word does not open its sentence, and the sentence is about playing or injuries."""
    sentence_start, sentence_end = ctx.sentence_span(ctx.sentence_of(hit.start))
    if ctx.text[sentence_start : hit.start].strip() in ("", '"', "“"):
        return False
    return len(hit.text) > 3 and talks_about_playing(ctx.text, sentence_start, sentence_end)


def _touches_article(kb: KnowledgeBase, player: Player, in_article: set[str]) -> bool:
    """He played for a team named in the article, or his national side is named."""
    if not kb.team_ids_of(player.id).isdisjoint(in_article):
        return True
    national = kb.national_team(player.nationality) if player.nationality else None
    return national is not None and national.id in in_article


def _recent(player: Player, ctx: ArticleContext) -> bool:
    """Played in our data in this season or the two before (his club now may be outside our data)."""
    first = int(ctx.season[:4])
    recent = {f"{first - k}-{(first - k + 1) % 100:02d}" for k in (0, 1, 2)}
    return any(season in recent for season, _ in player.club_ids)


def _coach_meant(kb: KnowledgeBase, hit: Hit, ctx: ArticleContext, player_ids: list[str]) -> str | None:
    """For a hit that may name a coach: a known coach's full name (unless a namesake plays for a club in
    the article), or his surname when a side he led is in the article and no namesake player is named in full."""
    full = [e.entity_id for e in hit.entries if e.kind == "coach_name"]
    if full:
        playing = [pid for pid in player_ids if not ctx.team_ids.isdisjoint(ctx.clubs_of(pid))]
        return None if playing else full[0]
    surname = [e.entity_id for e in hit.entries if e.kind == "coach_surname"]
    if not surname or player_ids:
        return None
    coach = kb.coaches[surname[0]]
    led = {team.id for name in coach.teams for team in kb.teams_named(name)[:1]}
    if not led & ctx.team_ids:
        return None
    namesakes = [kb.players[e.entity_id].name for e in hit.entries if e.kind == "player_surname"]
    namesakes = [name for name in namesakes if name != coach.name]  # his own playing days
    return None if any(name in ctx.text for name in namesakes) else surname[0]


def resolve_players(kb: KnowledgeBase, hits: list[Hit], ctx: ArticleContext, team_starts: set[int]) -> list[PlayerLink]:
    links: list[PlayerLink] = []
    full_mentions: dict[str, list[int]] = {}
    surname_hits: list[Hit] = []
    coach_names: set[str] = set()
    for hit in hits:
        if hit.start in team_starts:
            continue
        names = [e.entity_id for e in hit.entries if e.kind == "player_name"] if "player_name" in hit.kinds else []
        coach = None if COACH_KINDS.isdisjoint(hit.kinds) else _coach_meant(kb, hit, ctx, names)
        if coach:
            links.append(
                PlayerLink(
                    hit.start, hit.end, hit.text, coach, kb.coaches[coach].name, hit.entries[0].via, kind="person"
                )
            )
            coach_names.add(coach)
            continue
        if names and " " in hit.text.strip():
            player_id = _best_player(kb, names, ctx)
            if staff_before(ctx.text, hit.start) or _retired(kb.players[player_id], ctx):
                name = kb.players[player_id].name
                links.append(PlayerLink(hit.start, hit.end, hit.text, None, name, "name", kind="person"))
                continue
            links.append(PlayerLink(hit.start, hit.end, hit.text, player_id, kb.players[player_id].name, "name"))
            bisect.insort(full_mentions.setdefault(player_id, []), hit.start)
        elif (names or "player_surname" in hit.kinds) and hit.text not in CALENDAR_WORDS:
            surname_hits.append(hit)
    touches: dict[str, bool] = {}
    for hit in surname_hits:
        link = _resolve_single_word(kb, hit, ctx, full_mentions, touches)
        if link and link.player_id:
            links.append(link)
            bisect.insort(full_mentions.setdefault(link.player_id, []), link.start)
    links.sort(key=attrgetter("start"))
    return links


def _named_in_full(full_mentions: dict[str, list[int]], candidates: list[str], offset: int) -> str | None:
    """The candidate named in full nearest before the offset, else the one named nearest after it."""
    before: tuple[int, str] | None = None
    after: tuple[int, str] | None = None
    for pid in candidates:
        places = full_mentions.get(pid)
        if not places:
            continue
        index = bisect.bisect_left(places, offset)
        if index > 0 and (before is None or places[index - 1] > before[0]):
            before = (places[index - 1], pid)
        if index < len(places) and (after is None or places[index] < after[0]):
            after = (places[index], pid)
    found = before or after
    return found[1] if found else None


def _touching_article(
    kb: KnowledgeBase, candidates: list[str], ctx: ArticleContext, known: dict[str, bool]
) -> list[str]:
    """The candidates `_touches_article` keeps, each man asked once per article (`known` holds the answers)."""
    for pid in candidates:
        if pid not in known:
            known[pid] = _touches_article(kb, kb.players[pid], ctx.team_ids)
    return [pid for pid in candidates if known[pid]]


def _resolve_single_word(
    kb: KnowledgeBase, hit: Hit, ctx: ArticleContext, full_mentions: dict[str, list[int]], touches: dict[str, bool]
) -> PlayerLink | None:
    text = ctx.text
    if _word_after(text, hit.end):
        return None  # "Thomas Tuchel": a first name of someone the gazetteer does not know
    start = hit.start
    candidates = list(hit.player_ids)
    mononym = "player_name" in hit.kinds
    before = _word_before(text, hit.start)
    if before and before[1] not in ("The", "And") and not mononym:
        if staff_before(text, before[0]):
            return None  # "Crew coach Caleb Porter": staff, left to the name-shape pass
        written = _first_name_key(before[1])
        candidates = [pid for pid in candidates if _first_names_agree(written, kb.players[pid].name)]
        if not candidates:
            return None
        start = before[0]
    chosen = _named_in_full(full_mentions, candidates, hit.start)
    if chosen:
        return PlayerLink(
            start,
            hit.end,
            text[start : hit.end],
            chosen,
            kb.players[chosen].name,
            "name" if mononym else "surname",
        )
    # Only men with a club or a national side in the article can be supported by it.
    relevant = _touching_article(kb, candidates, ctx, touches)
    supported = tied = False
    best_score = 0.0
    if relevant:
        near = ctx.nearest_team(hit.start, kind="club")
        scored = sorted(((_player_support(kb, kb.players[pid], ctx, near), pid) for pid in relevant), reverse=True)
        best_score, best = scored[0]
        tied = len(scored) > 1 and scored[1][0] == best_score
        supported = best_score >= 2 or (ctx.international and best_score >= 1.5)
    if supported and not tied:
        recent = [best]
    else:
        # Only one man of that name played lately: he is meant when the sentence is about playing.
        recent = [pid for pid in candidates if _recent(kb.players[pid], ctx)] if _in_play_talk(hit, ctx) else []
    if len(recent) == 1 and not _named_otherwise(text, hit.text, kb.players[recent[0]].name):
        best = recent[0]
        return PlayerLink(
            start,
            hit.end,
            text[start : hit.end],
            best,
            kb.players[best].name,
            "name" if mononym else "surname",
            score=min(1.0, best_score / 3) if supported else 0.5,
        )
    return None
