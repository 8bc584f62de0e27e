"""Near-duplicate articles: the same story syndicated with small edits.

Exact copies share `Article.content_hash`; near-duplicates are found with
MinHash LSH over word shingles (datasketch), so the store can link a
syndicated copy to its original instead of counting it as a second report.
"""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

DEFAULT_THRESHOLD = 0.8
NUM_PERMUTATIONS = 128
SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of `size`-word sequences in `text`, case and punctuation ignored."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[index : index + size]) for index in range(len(words) - size + 1)}


def _signature(text: str) -> MinHash:
    signature = MinHash(num_perm=NUM_PERMUTATIONS)
    for shingle in shingles(text):
        signature.update(shingle.encode("utf-8"))
    return signature


class NearDuplicateIndex:
    """Article ids by MinHash signature; `find` returns ids whose text is nearly the same."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERMUTATIONS)
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    def add(self, article_id: str, text: str) -> None:
        """Index `text` under `article_id` (adding an id twice keeps the first text)."""
        if article_id in self._signatures:
            return
        signature = _signature(text)
        self._signatures[article_id] = signature
        self._lsh.insert(article_id, signature)

    def find(self, text: str) -> list[str]:
        """Ids of indexed articles whose estimated word-shingle Jaccard with `text` reaches the threshold."""
        signature = _signature(text)
        candidates = self._lsh.query(signature)
        # LSH buckets are approximate: keep only candidates whose estimate passes.
        estimates = {candidate: self._signatures[candidate].jaccard(signature) for candidate in candidates}
        close = [candidate for candidate, estimate in estimates.items() if estimate >= self.threshold]
        return sorted(close, key=lambda candidate: (-estimates[candidate], candidate))
