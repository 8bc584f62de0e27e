"""Regex alternations regrouped by their first letter, for patterns tried at every word.

The regex engine tries the branches of `a|b|c` one after another; with a
hundred words that is a hundred tries at every word of a sentence.  Grouping
the branches by their first character ("will|won't|would" -> "w(?:ill|on't|ould)")
leaves one try per distinct first character and, because the branches keep
their order within a group and branches of other groups cannot match there,
the pattern matches exactly what the flat alternation matches.
"""

from __future__ import annotations

_QUANTIFIERS = frozenset("?*+{")


def branches(alternation: str) -> list[str]:
    """The top-level branches of a regex alternation (bars inside groups and classes stay put)."""
    found: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(alternation):
        char = alternation[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(alternation[start:index])
            start = index + 1
        index += 1
    found.append(alternation[start:])
    return found


def grouped_by_first_char(alternation: str) -> str:
    """The same alternation with branches sharing a first character merged behind it, order kept.

    Every branch must open with a plain character that is not quantified, so that
    it is the only character the branch can start with.
    """
    groups: dict[str, list[str]] = {}
    for branch in branches(alternation):
        first = branch[:1]
        if not first or first in "\\([.^$|)" or branch[1:2] in _QUANTIFIERS:
            raise ValueError(f"branch {branch!r} does not open with one plain character")
        groups.setdefault(first, []).append(branch[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
