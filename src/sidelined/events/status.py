"""A player's fitness status at publication, judged from the clauses about him.

Within one clause the most specific cue wins (a return to play beats the
"after being sidelined" it mentions); across clauses a coming absence beats a
doubt, and a doubt beats nothing said.
"""

from __future__ import annotations

import re

from sidelined.models import Status

_AVAILABLE = re.compile(
    r"\b(fit to (?:play|face|start|feature)|passed (?:a|his|her) fitness test|(?:is|are|was|been) declared fit|"
    r"(?:is|are) (?:now )?fit\b|(?:has|have) been cleared|cleared to (?:play|return|face)|"
    r"available (?:again|for selection)|(?:is|are|will be) available|returned to the (?:squad|side|team|starting)|"
    r"back in the (?:squad|side|team|starting)|(?:set|expected|poised|due) to (?:be back|return|start|play|feature) "
    r"(?:for|against|in|on|at)|(?:is|was) well\b|confident (?:he|she|they) (?:can|will) (?:play|start)|"
    r"started (?:the|Saturday's|Sunday's|the previous) (?:match|game)|started against|"
    r"back to full fitness|fully fit|shrugged off|has recovered|have recovered|recovered from|"
    r"made (?:his|her) (?:return|comeback)|returned to action|in the starting (?:line-?up|xi)|"
    r"no (?:fresh |new )?(?:injury )?concerns?|good to go)",
    re.IGNORECASE,
)

_NEGATED_AVAILABLE = re.compile(r"\b(not|n't|no longer|never|hardly)\b[^.]{0,20}$", re.IGNORECASE)

_OUT = re.compile(
    r"\b(ruled out|will (?:also )?miss|(?:set|expected|likely|going) to miss|to miss (?:the|this|next|Saturday|Sunday)|"
    r"misses|(?:is|are|be|remains?|will be) out\b|out for|out until|out of (?:the|this|next|action)|"
    r"(?:remain|remains|will be|is|are|been|being) sidelined|sidelined (?:for|with|until|since)|"
    r"will not (?:be available|play|feature|be fit|travel)|won'?t (?:be available|play|feature|be fit)|"
    r"not (?:be )?available|unavailable|suspended|serv\w* (?:a|his|her) (?:ban|suspension)|banned|"
    r"forced off|taken off|carried off|stretchered off|on a stretcher|limped off|limping off|"
    r"withdr[ae]wn? from|withdraws from|pulled out of|left (?:out of )?the squad|sent home|"
    r"on the comeback trail|not yet match fit|not match fit|faces? (?:\w+ )?(?:weeks|months) out|"
    r"long-term|layoff|lay-off|out injured|still injured|injured list|"
    r"will be without|are without|is without|without (?:the|their|injured)|undergo(?:ne|ing|es)? surgery|"
    r"underwent surgery|after undergoing|miss the (?:rest|remainder)|season is over)",
    re.IGNORECASE,
)

_DOUBTFUL = re.compile(
    r"\b(doubt\w*|fitness tests?|"
    r"could (?:return|make|feature|play|be back|be available|be fit|come back|be involved|be an option)|"
    r"may (?:return|miss|feature|play|be fit|be available)|might (?:return|miss|feature|play|be fit)|"
    r"precaution\w*|late (?:fitness )?(?:decision|call|check)|touch and go|uncertain|50-50|fifty-fifty|"
    r"race against time|hope(?:s|ful)?\b|hoping|assessed|monitored|monitoring|"
    r"missed training|miss(?:ed)? (?:the )?(?:training|session)|sat out|skipped training|"
    r"trained (?:alone|separately|apart)|"
    r"back in (?:full |team )?training|resum\w* (?:full |team )?training|returned to (?:full |team )?training|"
    r"return to (?:full |team )?training|in contention|an option|a question mark|question marks|"
    r"touch-and-go|being assessed|nursing|struggling with|carrying a knock|not certain|unclear)",
    re.IGNORECASE,
)

_RANK: dict[Status, int] = {"available": 0, "doubtful": 1, "out": 2}


def clause_status(clause: str) -> Status | None:
    """The status one clause gives, or None when it says nothing decisive."""
    for m in _AVAILABLE.finditer(clause):
        if not _NEGATED_AVAILABLE.search(clause[: m.start()]):
            return "available"
    if _DOUBTFUL.search(clause):
        return "doubtful"
    if _OUT.search(clause):
        return "out"
    return None


def judge_status(clauses: list[str]) -> Status:
    """Combine the clauses about one player into his status at publication."""
    labels = [s for s in (clause_status(c) for c in clauses) if s is not None]
    if not labels:
        return "out"
    if "out" in labels and any(_OUT.search(c) and not _AVAILABLE.search(c) for c in clauses):
        strong_available = labels[0] == "available"
        return "available" if strong_available else "out"
    return max(labels, key=lambda s: _RANK[s])
