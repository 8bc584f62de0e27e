"""Find the stored player or team a user means, or say clearly that there is none."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from sidelined.errors import UnknownEntity
from sidelined.store.schema import EntityRow
from sidelined.timeline.reference import team_spellings

FUZZY_ACCEPT = 92
FUZZY_SUGGEST = 75


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().replace(".", " ").split())


def resolve(session: Session, kind: str, name: str) -> EntityRow:
    """The entity of `kind` ("player" or "team") called `name`: exact, surname, then close spelling."""
    # Callers that already hold a stored name (the API's lists) are answered by one indexed lookup.
    exact = session.scalars(select(EntityRow).where(EntityRow.kind == kind, EntityRow.name == name)).first()
    if exact is not None:
        return exact
    entities = list(session.scalars(select(EntityRow).where(EntityRow.kind == kind)))
    wanted = name_key(name)
    by_key = {name_key(e.name): e for e in entities}
    if wanted in by_key:
        return by_key[wanted]
    if kind == "team":
        known = [by_key[k] for k in map(name_key, team_spellings(name)) if k in by_key]
        if known:
            return known[0]
    by_last = [e for e in entities if name_key(e.name).split()[-1:] == [wanted]]
    if len(by_last) == 1:
        return by_last[0]
    best = process.extractOne(wanted, list(by_key), scorer=fuzz.WRatio) if by_key else None
    if best is not None and best[1] >= FUZZY_ACCEPT:
        return by_key[best[0]]
    close = best is not None and best[1] >= FUZZY_SUGGEST
    hint = f"; did you mean {by_key[best[0]].name!r}?" if best is not None and close else ""
    raise UnknownEntity(f"unknown {kind} {name!r}: no injury news about them in the store{hint}")
