"""Dating reads weekday-and-date pairs through the time stage, so every form timex knows fixes the year."""

from __future__ import annotations

from sidelined.dating.mentions import day_mentions
from sidelined.timex import weekday_date_pairs


def test_a_pair_only_the_time_stage_reads_gets_its_weekday() -> None:
    text = "They meet on Saturday the 7th of March."
    assert weekday_date_pairs(text)[0][:3] == (5, 3, 7)
    [mention] = day_mentions(text)
    assert (mention.month, mention.day, mention.weekday) == (3, 7, 5)


def test_a_date_without_a_weekday_stays_without_one() -> None:
    [mention] = day_mentions("The derby is on March 22 at the Bernabeu.")
    assert mention.weekday is None
