"""A player's fitness status at publication, judged from the clauses about him.

Cues come in four tiers.  A firm absence from a coming game ("ruled out",
"will miss", "suspended") decides `out`; failing that a return to play
("cleared to play", "is fit") decides `available`; failing that any doubt
("a doubt", "could return", "back in training", "scans") decides `doubtful`;
an injury told without a word on what comes next ("forced off", "limped off",
"sidelined since") is `out`, and so is a report with no cue at all.
"""

from __future__ import annotations

import re
from typing import Literal

from sidelined.events.cues import CueGroup, cue_pattern, index_of
from sidelined.models import Status
from sidelined.textcase import lowered

Tier = Literal["firm_out", "available", "doubtful", "out"]

# Said of the decision not being made yet: these turn a firm word into a doubt.
UNDECIDED = cue_pattern(
    r"\b(not yet ruled|refused to rule|refuses to rule|(?:has|have|is|are)n['’]?t (?:been )?ruled|"
    r"not (?:been )?ruled|no decision|yet to decide|waiting to find out|hangs? in the balance|"
    r"likely to miss|could miss|may miss|might miss|set to be assessed|will be (?:scanned|assessed)|"
    r"undergo(?:es|ing)? (?:a |further )?scans?|scans? (?:pending|today|tomorrow)|awaiting (?:the results|scans?))",
)

_FIRM_OUT = cue_pattern(
    r"\b(ruled out|rules? (?:him|her) out|will (?:also )?miss|(?:set|expected|going|due) to miss|misses|"
    r"to miss (?:the|this|next|Saturday|Sunday)|(?:is|are|be|remains?|will be) out\b|out for|out until|"
    r"out of (?:the|this|next|action)|(?:remain|remains|will be|will remain) sidelined|sidelined (?:for|until)|"
    r"will not (?:be available|play|feature|be fit|travel|be involved)|"
    r"won['’]?t (?:be available|play|feature|be fit|be involved)|not (?:be )?available|unavailable|"
    r"suspended|serv\w* (?:a|his|her) (?:ban|suspension)|banned|withdr[ae]wn? from|withdraws? from|"
    r"pulled out of|sent home|not yet match fit|not match fit|miss the (?:rest|remainder)|season is over|"
    r"(?:is|are|were|was)(?: still| already| \w+ly)? without|will be without|requires? surgery|"
    r"without (?:the likes of|the services of|the injured|the suspended)|"
    r"undergo(?:ne|ing|es)? surgery|underwent surgery|"
    r"after undergoing|faces? (?:\w+ )?(?:weeks|months) out|the rest of the season)",
)

_AVAILABLE = cue_pattern(
    r"\b(fit to (?:play|face|start|feature)|ready to (?:play|face|start|feature|go)|passed (?:a|his|her) fitness test|"
    r"(?:is|are|was|been) declared fit|(?:is|are) (?:now )?fit\b|(?:has|have) been cleared|"
    r"cleared to (?:play|return|face)|"
    r"available (?:again|for selection)|(?:is|are|will be) available|returned to the (?:squad|side|team|starting)|"
    r"back in the (?:squad|side|team|starting)|(?:set|expected|poised|due) to (?:be back|return|start|play|feature) "
    r"(?:for|against|in|on|at)|(?:is|was) well\b|confident (?:he|she|they) (?:can|will) (?:play|start)|"
    r"started (?:the|Saturday's|Sunday's|the previous) (?:match|game)|started against|"
    r"back to full fitness|fully fit|shrugged off|has recovered|have recovered|recovered from|"
    r"made (?:his|her) (?:return|comeback)|returned to action|in the starting (?:line-?up|xi)|"
    r"no (?:fresh |new )?(?:injury )?concerns?|good to go)",
)
_NEGATED = cue_pattern(r"\b(not|n't|no longer|never|hardly|if)\b[^.]{0,20}$")

_DOUBTFUL = cue_pattern(
    r"\b(doubt\w*|fitness tests?|could (?:return|make|feature|play|be back|be available|be fit|come back|be involved|"
    r"be an option)|may (?:return|feature|play|be fit|be available)|might (?:return|feature|play|be fit)|"
    r"precaution\w*|late (?:fitness )?(?:decision|call|check)|touch[ -]and[ -]go|uncertain|50-50|fifty-fifty|"
    r"race against time|hope(?:s|ful)?\b|hoping|assessed|monitored|monitoring|scan(?:s|ned)?\b|"
    r"missed training|miss(?:ed)? (?:the )?(?:training|session)|sat out|skipped training|"
    r"trained (?:alone|separately|apart)|back in (?:full |team )?training|resum\w* (?:full |team )?training|"
    r"returned to (?:full |team )?training|return to (?:full |team )?training|in contention|an option|"
    r"a question mark|question marks|being assessed|nursing|struggling with|carrying a knock|not certain|unclear|"
    r"close to (?:returning|a return)|progressing|possible (?:absentees?|absence|doubts?|starters?)|"
    r"possibly|touch-and-go|will be checked|being checked|faces? a (?:late )?(?:test|race|battle))",
)

_WEAK_OUT = cue_pattern(
    r"\b(forced off|taken off|carried off|stretchered off|on a stretcher|limped off|limping off|"
    r"sidelined|injured|on the comeback trail|long-term|layoff|lay-off|absent|absence|miss(?:ed|ing)\b|"
    r"surgery|operation)",
)

_ORDER: tuple[Tier, ...] = ("firm_out", "available", "doubtful", "out")


# The status cue patterns in the order `tiers_of` reads a group's hits: a hit of pattern k has tier _TIER_OF[k].
STATUS_CUES = (UNDECIDED, _FIRM_OUT, _AVAILABLE, _DOUBTFUL, _WEAK_OUT)
_TIER_OF: tuple[Tier, ...] = ("doubtful", "firm_out", "available", "doubtful", "out")
_STATUS_GROUP = CueGroup(*STATUS_CUES)
_UNDECIDED_AT, _FIRM_OUT_AT, _AVAILABLE_AT = 0, 1, 2
# The longest stretch _NEGATED can match: "no longer" and 20 more characters.
_NEGATED_REACH = 29


def tier_hits(text: str, start: int, end: int) -> list[tuple[Tier, int, int]]:
    """Every status cue in text[start:end] with its tier and place, in order; an undecided cue ("not yet ruled
    out", "likely to miss") makes the clause's firm-absence cues doubts."""
    return tiers_of(text, start, index_of(text).hits(_STATUS_GROUP, start, end))


def tiers_of(text: str, start: int, hits: list[tuple[int, re.Match[str]]]) -> list[tuple[Tier, int, int]]:
    """The tiered status cues of a clause starting at `start`, from its hits of STATUS_CUES (pattern k of the
    group giving k) as CueIndex.hits lists them."""
    undecided = any(k == _UNDECIDED_AT for k, _ in hits)
    tiered: list[tuple[Tier, int, int]] = []
    for k, m in hits:
        if k == _FIRM_OUT_AT and undecided or k == _AVAILABLE_AT and _negated(text, start, m.start()):
            continue
        tiered.append((_TIER_OF[k], m.start(), m.end()))
    return tiered


def _negated(text: str, start: int, cue: int) -> bool:
    """Whether a negation ends the clause's words before the cue.  Only the last stretch that a match can
    span is searched: a match starting before it would be longer than _NEGATED can be."""
    return _NEGATED.search(lowered(text), max(start, cue - _NEGATED_REACH - 1), cue) is not None


def decide(tiers: set[Tier]) -> Tier:
    """The strongest tier seen; a report with no cue at all is an absence."""
    return next((tier for tier in _ORDER if tier in tiers), "out")


def judge_status(clauses: list[str]) -> Status:
    """The status the clauses about one player give when every cue in them is his."""
    tier = decide({hit[0] for clause in clauses for hit in tier_hits(clause, 0, len(clause))})
    return "out" if tier == "firm_out" else tier


def clause_status(clause: str) -> Status | None:
    """The status one clause alone gives, or None when it says nothing decisive."""
    return judge_status([clause]) if tier_hits(clause, 0, len(clause)) else None
