"""Articles' own counts of the games a player has missed, read from their text.

"the seventh consecutive game without Bellingham", "has missed five matches",
"sat out the last three games": a number (or number word) tied to games and
to an absence, in a sentence that names the player by surname.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from sidelined.timeline.views import GamesClaim

NUMBER_WORDS = {
    word: value
    for value, words in enumerate(
        [
            (),
            ("one", "first"),
            ("two", "second"),
            ("three", "third"),
            ("four", "fourth"),
            ("five", "fifth"),
            ("six", "sixth"),
            ("seven", "seventh"),
            ("eight", "eighth"),
            ("nine", "ninth"),
            ("ten", "tenth"),
            ("eleven", "eleventh"),
            ("twelve", "twelfth"),
            ("thirteen", "thirteenth"),
            ("fourteen", "fourteenth"),
            ("fifteen", "fifteenth"),
        ]
    )
    for word in words
}
NUMBER = r"(?P<n>\d{1,2}(?:st|nd|rd|th)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
GAMES = r"(?:games?|matches|match|fixtures?|outings?)"
RUN = r"(?:consecutive|straight|successive|(?:league|la liga|premier league|cup) )?\s*"
PATTERNS = [
    re.compile(rf"\b{NUMBER}\s+{RUN}{GAMES}\s+without\b", re.IGNORECASE),
    re.compile(
        r"\b(?:missed|miss|sat out|sit out|absent for|ruled out of|kept (?:him|them) out of)\s+"
        rf"(?:the\s+)?(?:last\s+|past\s+|previous\s+)?{NUMBER}\s+{RUN}{GAMES}\b",
        re.IGNORECASE,
    ),
]
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _value(token: str) -> int | None:
    token = token.lower()
    digits = re.match(r"\d+", token)
    if digits:
        return int(digits.group())
    return NUMBER_WORDS.get(token)


@lru_cache(maxsize=2048)
def _counting_sentences(text: str) -> tuple[tuple[str, tuple[tuple[int, str], ...]], ...]:
    """The text's sentences that count games (lower-cased), each with its (games, phrase) counts in order.

    Read once per text: a list of many players' episodes asks it once for each player the article names.
    """
    found = []
    for sentence in SENTENCE.findall(text):
        counts = [
            (games, match.group(0))
            for pattern in PATTERNS
            for match in pattern.finditer(sentence)
            if (games := _value(match.group("n")))
        ]
        if counts:
            found.append((sentence.lower(), tuple(counts)))
    return tuple(found)


def games_claims(text: str, player: str, article_id: str, reported_on: date | None) -> list[GamesClaim]:
    """Every count of missed games the text gives in a sentence naming the player's surname."""
    surname = player.split()[-1].lower()
    return [
        GamesClaim(games=games, article_id=article_id, reported_on=reported_on, phrase=phrase)
        for sentence, counts in _counting_sentences(text)
        if surname in sentence
        for games, phrase in counts
    ]
