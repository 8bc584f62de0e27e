"""Publication days written into article addresses: /2017/11/17/, /2018/jan/26/, /2022-06-13/."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from sidelined.ingest.stamps import MONTH_RE, month_number

_PATH_DATES = (
    re.compile(rf"/(?P<year>(?:19|20)\d\d)/(?P<month>\d{{1,2}}|{MONTH_RE})/(?P<day>\d{{1,2}})(?=/|$|[-_.])", re.I),
    re.compile(r"(?<![\d])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?![\d])"),
)


def date_in_url(url: str | None) -> date | None:
    """The day an article address names, when its path carries one."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _PATH_DATES:
        match = pattern.search(path)
        if match:
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else month_number(month_text)
            try:
                return date(int(match.group("year")), month or 0, int(match.group("day")))
            except ValueError:
                continue
    return None
