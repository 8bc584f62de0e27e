"""The overlap rule shared by the phrase scans of the dating and match stages."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sidelined.spans import first_and_longest

hit = st.tuples(st.integers(0, 40), st.integers(1, 8)).map(lambda p: (p[0], p[0] + p[1], f"{p[0]}+{p[1]}"))


@given(st.lists(hit, max_size=20))
def test_kept_hits_never_overlap_and_every_dropped_hit_overlaps_a_kept_one(hits: list[tuple[int, int, str]]) -> None:
    kept = first_and_longest(list(hits))
    assert all(a[1] <= b[0] for a, b in zip(kept, kept[1:], strict=False))
    for start, end, value in hits:
        if (start, end, value) not in kept:
            assert any(k[0] < end and start < k[1] for k in kept)


def test_of_hits_starting_together_the_longest_is_kept() -> None:
    assert first_and_longest([(5, 7, "short"), (0, 3, "first"), (5, 12, "long"), (8, 10, "inside")]) == [
        (0, 3, "first"), (5, 12, "long")]
