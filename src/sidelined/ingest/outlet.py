"""The publisher a plain text names for itself: wire credits, source lines, staff bylines.

Only credits that say who *published* the piece count.  A story attributed to
someone else ("according to Relevo (via TBR Football)", "Sky Sports reports")
names the source of the news, not the outlet, and is left to the events stage.
"""

from __future__ import annotations

import re

# News agencies whose credit lines ("BERLIN (Reuters) -", "-- IANS") mark the publisher.
AGENCIES = {
    "reuters": "Reuters",
    "afp": "AFP",
    "ap": "AP",
    "associated press": "Associated Press",
    "pa": "PA",
    "press association": "Press Association",
    "pa media": "PA Media",
    "ians": "IANS",
    "pti": "PTI",
    "ani": "ANI",
    "xinhua": "Xinhua",
    "efe": "EFE",
    "dpa": "dpa",
    "ansa": "ANSA",
    "bernama": "Bernama",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo",
    "philippines news agency": "Philippines News Agency",
    "pna": "Philippines News Agency",
}
_AGENCY_RE = "|".join(sorted((re.escape(name) for name in AGENCIES), key=len, reverse=True))

# "BERLIN (Reuters) -", "Paris, July 28 (IANS)", "Sept 2 (Reuters) -": a place in capitals or a
# place and/or day opens the line; "Harry Kane (PA)" under a photo is a picture credit, not a dateline.
_DATELINE_OPENING = (
    r"(?:[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][A-Za-z]+\.?\s+\d{1,2})?"  # BERLIN, MADRID, Oct 5
    r"|(?:[A-Z][a-z]+,\s*)?[A-Z][a-z]{2,8}\.?\s+\d{1,2})"  # Paris, July 28 / Sept 2
)
_DATELINE = re.compile(
    rf"^[ \t]*{_DATELINE_OPENING}\s*\((?P<agency>(?i:{_AGENCY_RE}))\)\s*[-–—:]?", re.MULTILINE
)
# "Source: Reuters", a line "- Press Association", "-- IANS", "— Reuters" at a paragraph's end
_SOURCE_LINE = re.compile(rf"\bsource:\s*(?P<agency>{_AGENCY_RE})\s*$", re.IGNORECASE | re.MULTILINE)
_CREDIT_LINE = re.compile(rf"^\s*[-–—]+\s*(?P<agency>{_AGENCY_RE})\s*$", re.IGNORECASE | re.MULTILINE)
_TRAILING_CREDIT = re.compile(rf"\s[-–—]\s*(?P<agency>{_AGENCY_RE})\s*$", re.IGNORECASE | re.MULTILINE)
# "By The42 Team", "Reuters Staff": a staff credit names the outlet itself
_STAFF_BYLINE = re.compile(
    r"^[ \t]*(?:By\s+(?P<by>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})\s+(?:Team|Staff|Desk)\b"
    r"|(?P<alone>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})\s+(?:Staff|Desk)[ \t]*$)",
    re.MULTILINE,
)
_HEAD_CHARS = 1500


def outlet_from_text(text: str) -> str | None:
    """The publisher named by a credit line in `text`, or None when no credit says so."""
    head = text[:_HEAD_CHARS]
    for pattern in (_DATELINE, _SOURCE_LINE, _CREDIT_LINE, _TRAILING_CREDIT):
        scope = head if pattern is _DATELINE else text
        match = pattern.search(scope)
        if match:
            return AGENCIES[match.group("agency").lower()]
    staff = _STAFF_BYLINE.search(head)
    if staff:
        name = staff.group("by") or staff.group("alone")
        return AGENCIES.get(name.lower(), name)
    return None
