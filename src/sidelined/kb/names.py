"""Name handling shared by the knowledge-base build and lookups.

Folding to plain ASCII keeps "Rüdiger", "Rudiger" and "RÜDIGER" comparable;
`key` is the lookup form used everywhere (folded, lower case, punctuation
dropped); `club_key` also drops the legal-form words ("FC", "CF", ...) that
sources add or leave out at will.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Letters that NFKD does not split into an ASCII base letter plus a mark.
_EXTRA_FOLDS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
    }
)

_LEGAL_FORMS = (
    "fc afc cf sc ac as ss ssc us ud cd rc rcd sd ca acf ogc uc sl fk nk hnk gnk sk kaa krc rsc pfc "
    "calcio hsc fco tsg vfb vfl spvgg bsc sco ea es aj cfc the club de football futbol sv"
)
LEGAL_FORM_WORDS = frozenset(_LEGAL_FORMS.split())


def fold(text: str) -> str:
    """Plain-ASCII form of a name, keeping case and punctuation."""
    if text.isascii():
        return text
    text = text.translate(_EXTRA_FOLDS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SINGLE_CHAR_CACHE: dict[str, str] = {}


def _fold_one(match: re.Match[str]) -> str:
    char = match.group(0)
    folded = _SINGLE_CHAR_CACHE.get(char)
    if folded is None:
        full = fold(char)
        folded = _SINGLE_CHAR_CACHE[char] = full[0] if full else " "
    return folded


def fold_same_length(text: str) -> str:
    """ASCII-fold character by character so offsets in the result match the input."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(_fold_one, text)


# Every ASCII character that is not a lower-case letter or a digit becomes a space.
_KEY_TABLE = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).islower() or chr(c).isdigit())})


def key(text: str) -> str:
    """Lookup key: folded, lower case, only letters, digits and single spaces."""
    return " ".join(fold(text).lower().translate(_KEY_TABLE).split())


def club_key(text: str) -> str:
    """Lookup key of a club name without legal-form words and bare numbers."""
    return club_key_of(key(text))


def club_key_of(name_key: str) -> str:
    """`club_key` from an already computed `key`."""
    tokens = [t for t in name_key.split() if t not in LEGAL_FORM_WORDS and not t.isdigit()]
    return " ".join(tokens) or name_key


def season_of(day: date) -> str:
    """The season ("2025-26") that a day falls in; a season starts on 1 July."""
    start = day.year if day.month >= 7 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def season_start_year(season: str) -> int:
    return int(season[:4])


def normalise_season(raw: str) -> str:
    """Turn "2014/2015", "2014-15" or "21/22" into "2014-15"."""
    raw = raw.strip()
    match = re.match(r"^(\d{2,4})[/-](\d{2,4})$", raw)
    if not match:
        raise ValueError(f"not a season: {raw!r}")
    start = int(match.group(1))
    if start < 100:
        start += 2000
    return f"{start}-{(start + 1) % 100:02d}"


NAME_PARTICLES = {
    "de",
    "da",
    "di",
    "do",
    "dos",
    "das",
    "del",
    "della",
    "van",
    "von",
    "der",
    "den",
    "le",
    "la",
    "el",
    "al",
    "ter",
    "ten",
    "mac",
    "st",
    "san",
    "dal",
}
NAME_SUFFIXES = {"junior", "jr", "jr.", "filho", "neto", "sobrinho"}


def derived_surname(name: str) -> str:
    """'Kevin De Bruyne' -> 'De Bruyne', 'Vinicius Junior' -> 'Vinicius'."""
    tokens = name.split()
    if len(tokens) <= 1:
        return name
    if tokens[-1].lower() in NAME_SUFFIXES:
        return tokens[0] if len(tokens) == 2 else derived_surname(" ".join(tokens[:-1]))
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].lower() in NAME_PARTICLES:
        start -= 1
    return " ".join(tokens[start:])
