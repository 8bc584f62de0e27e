"""Case-blind matching that keeps offsets: the lower-cased text every stage may scan.

`str.lower()` can lengthen a text ("İ" becomes two characters), which would
shift every offset after it; spans found in the folded text must point into the
article itself, so such letters are kept as they are.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """The text lower-cased with every offset kept (a letter whose lower case is longer stays as it is).

    The last few texts are kept: the entity and event stages fold the same article.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
