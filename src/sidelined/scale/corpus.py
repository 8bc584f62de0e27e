"""A large synthetic corpus for the scale benchmark, with a known answer per article.

Each article reports one player of the knowledge base (a real squad member
of the 2024-25 season) out with an injury, from templates, padded with
neutral sentences taken from the bundled example articles.  The known answer
is the (player, body part) the templates put in; the corpus is written as
JSON Lines shards, the format archives usually come in.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sidelined.kb import KnowledgeBase

SEASON = "2024-25"
SEASON_START = date(2024, 8, 10)
SEASON_DAYS = 280
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PARTS = ["hamstring", "knee", "ankle", "thigh", "calf", "groin", "shoulder", "foot"]
SIDES = ["left", "right"]
OUTLETS = ["Evening Wire", "Daily Touchline", "Matchday Post", "Sport Report"]
HEADLINES = [
    "{name} ruled out with {side} {part} injury",
    "{club} without {name} for {weeks} weeks",
    "Injury blow for {club} as {name} faces spell on sidelines",
]
REPORT_SENTENCES = [
    "{club} have confirmed that {name} will be out for {weeks} weeks with a {side} {part} injury.",
    "{name} has been ruled out for around {weeks} weeks after suffering a {side} {part} injury, {club} said.",
    "{club} will be without {name} for the next {weeks} weeks because of a {part} injury.",
]
DETAIL_SENTENCES = [
    "The {nationality} international picked up the problem in training on {weekday}.",
    "Scans on {weekday} confirmed the extent of the damage.",
    "The club's medical staff will assess {surname} again next month.",
]
OWN_FILLERS = [
    "The manager said the squad would have to adapt.",
    "Supporters had hoped for better news after a difficult week.",
    "The team have a busy run of fixtures coming up.",
    "Training resumed on the main pitch after a day off.",
    "Tickets for the next home game sold out within hours.",
    "The coaching staff are expected to rotate the side.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Answer:
    article_id: str
    player: str
    body_part: str


def neutral_example_sentences(kb: KnowledgeBase) -> list[str]:
    """Sentences of the bundled examples that name nobody and no injury, so the known answers stay whole."""
    bodies = [path.read_text(encoding="utf-8").split("\n", 1)[-1] for path in sorted(EXAMPLES.rglob("*.txt"))]
    # A capitalised first word that the examples also use in lower case is an ordinary word, not a name.
    ordinary = {word for body in bodies for word in re.findall(r"\b[a-z]+\b", body)}
    found = []
    for body in bodies:
        for sentence in re.split(r"(?<=[.!?])\s+", body):
            if _is_neutral(sentence, kb, ordinary):
                found.append(sentence.strip())
    return sorted(set(found)) + OWN_FILLERS


def _is_neutral(sentence: str, kb: KnowledgeBase, ordinary: set[str]) -> bool:
    words = sentence.split()
    if len(words) < 4 or '"' in sentence or any(word[:1].isupper() for word in words[1:]):
        return False
    if words[0].lower() not in ordinary or kb.players_named(words[0]) or kb.teams_named(words[0]):
        return False
    lowered = sentence.lower()
    return not any(part in lowered for part in (*PARTS, "injur", "surgery", "sprain", "fit", "miss"))


def season_players(kb: KnowledgeBase) -> list[tuple[str, str, str]]:
    """(name, club, nationality) of every player with a club in the benchmark season, in a fixed order."""
    chosen = []
    for player in kb.players.values():
        clubs = dict(player.clubs)
        if SEASON in clubs and len(player.name.split()) >= 2:
            chosen.append((player.name, clubs[SEASON], player.nationality or "senior"))
    return sorted(chosen)


def generate(kb: KnowledgeBase, count: int, seed: int = 2024) -> Iterator[tuple[dict[str, str], Answer]]:
    """`count` articles as JSON Lines objects, each with its known answer."""
    rng = random.Random(seed)
    players = season_players(kb)
    fillers = neutral_example_sentences(kb)
    for index in range(count):
        name, club, nationality = rng.choice(players)
        day = SEASON_START + timedelta(days=rng.randrange(SEASON_DAYS))
        slots = {"name": name, "surname": name.split()[-1], "club": club, "nationality": nationality,
                 "part": rng.choice(PARTS), "side": rng.choice(SIDES), "weeks": str(rng.randint(2, 8)),
                 "weekday": WEEKDAYS[(day.weekday() - 1) % 7]}
        sentences = [rng.choice(REPORT_SENTENCES), rng.choice(DETAIL_SENTENCES), *rng.sample(fillers, k=3)]
        body = " ".join(sentence.format(**slots) for sentence in sentences)
        article_id = f"synthetic-{index:07d}"
        yield ({"id": article_id, "title": rng.choice(HEADLINES).format(**slots), "text": body,
                "published": day.isoformat(), "outlet": rng.choice(OUTLETS)},
               Answer(article_id, name, slots["part"]))


def write_corpus(kb: KnowledgeBase, folder: Path, count: int, shard_size: int = 1000) -> list[Answer]:
    """Write `count` articles as JSON Lines shards under `folder`; their known answers."""
    folder.mkdir(parents=True, exist_ok=True)
    answers: list[Answer] = []
    shard: list[str] = []
    for record, answer in generate(kb, count):
        shard.append(json.dumps(record, ensure_ascii=False))
        answers.append(answer)
        if len(shard) == shard_size:
            _write_shard(folder, len(answers) // shard_size, shard)
            shard = []
    if shard:
        _write_shard(folder, len(answers) // shard_size + 1, shard)
    return answers


def _write_shard(folder: Path, number: int, lines: list[str]) -> None:
    (folder / f"shard-{number:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
