"""Football injury vocabulary: words for body parts, diagnoses and fitness status.

Each table maps a regular expression (matched case-insensitively on word
boundaries) to the controlled value of the extraction record.  Order matters:
the first, most specific pattern that matches a stretch of text wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sidelined.events.cues import cue_pattern, index_of

# Phrases naming a body part.  More specific phrases come first so that
# "the back of his left thigh" is a hamstring, not a back or a thigh.
BODY_PARTS: list[tuple[str, str]] = [
    (r"back of (?:his|the|her) (?:(?:left|right) )?thigh", "hamstring"),
    (r"hamstrings?|biceps femoris|femoral biceps|semitendinosus|semimembranosus", "hamstring"),
    (r"rectus femoris|quadriceps|quads?|quad muscle", "quadriceps"),
    (r"adductors?", "adductor"),
    (r"groin", "groin"),
    (r"achilles(?: tendon)?", "achilles"),
    (r"gastrocnemius|soleus|calf|calves", "calf"),
    (r"thigh", "thigh"),
    (r"knees?|acl|anterior cruciate|cruciate|meniscus|mcl|medial collateral|patella(?:r)?|kneecap", "knee"),
    (r"ankles?", "ankle"),
    (r"metatarsal|foot|feet|heel|plantar", "foot"),
    (r"toes?", "toe"),
    (r"lower leg|shin|tibia|fibula", "shin"),
    (r"hip|hip flexor", "hip"),
    (r"lower back|back (?:injury|problem|issue|spasms?|pain|complaint|strain)|lumbar|spine|(?:his|her) back", "back"),
    (r"abdominal|abdomen|stomach muscle|oblique|core muscle", "abdomen"),
    (r"ribs?", "ribs"),
    (r"chest|pectoral", "chest"),
    (r"shoulder|collarbone|clavicle", "shoulder"),
    (r"elbow", "elbow"),
    (r"wrist", "wrist"),
    (r"hand|finger|thumb", "hand"),
    (r"arm", "arm"),
    (r"neck", "neck"),
    (r"nose|cheekbone|cheek|jaw|eye socket|orbital|face|facial", "face"),
    (r"head|skull", "head"),
    (r"muscular|muscle", "muscle"),
]

# Diagnoses.  Ligament damage wins over the word that comes with it
# ("ruptured cruciate ligament" is ligament), a torn Achilles is a tendon.
DIAGNOSES: list[tuple[str, str]] = [
    (r"(?:torn|ruptured?|rupture of (?:his|the)) achilles|achilles (?:rupture|tear|tendon)", "tendon"),
    (r"acl|anterior cruciate|cruciate|ligaments?|collateral|mcl", "ligament"),
    (r"tendon|tendinitis|tendonitis|tendinopathy", "tendon"),
    (r"fractur\w*|broken|cracked|break (?:in|of) (?:his|her|the)", "fracture"),
    (r"dislocat\w*", "dislocation"),
    (r"sprain(?:ed)?", "sprain"),
    (r"tear|torn|ruptured?", "tear"),  # not "tears": a player "in tears" is crying
    (r"strain(?:ed)?|pulled", "strain"),
    (r"concussion|concussed", "concussion"),
    (r"bruis\w*|contusion|dead leg", "bruise"),
    (r"cut|gash|stitches", "cut"),
    (r"surgery|operation|operated on|undergone an operation|surgeries", "surgery"),
    (r"suspended|suspension|banned|ban|red card|sent off|one-match ban|accumulation of yellow cards", "suspension"),
    (r"illness|ill|sick|sickness|virus|flu|infection|fever|covid(?:-19)?|tonsillitis|stomach bug", "illness"),
    (r"personal reasons|family reasons|compassionate leave|bereavement|personal matter", "personal"),
    (r"fatigue|tiredness|rest(?:ed)? for|load management|workload", "fatigue"),
    (r"muscular|muscle (?:injury|problem|issue|strain|complaint)", "muscular"),
    (r"knocks?", "knock"),
]

SIDES = r"(?P<side>left|right)"

# Words that make a sentence about a player's fitness.
INJURY_CUES = cue_pattern(
    r"\b(injur\w*|hurt|knock\w*|strain\w*|sprain\w*|tear|torn|fractur\w*|broken|surgery|operation|"
    r"ruled out|sidelined|out for|out until|layoff|lay-off|fitness|fit\b|unfit|doubt\w*|suspen\w*|ban\b|"
    r"banned|scan|precaution\w*|limp\w*|forced off|taken off|pulled up|withdr[ae]w\w*|miss(?:ed|es|ing)? |"
    r"absent|absence|unavailable|not (?:be )?available|comeback|recover\w*|rehab\w*|"
    r"return\w* to (?:training|action|fitness)|"
    r"back in (?:full )?training|resum\w* training|problem|issue|complaint|niggle|illness|ill\b|sick|virus|"
    r"concussion|hamstring|calf|ankle|knee|groin|thigh|achilles|muscular|ligament|cruciate|acl\b|"
    r"sent off|red card|personal reasons|(?:is|are|was|were|be|been|still|remain)\s+without|with the exception of|"
    r"make (?:his|her|their) returns?|in contention|on the mend|stretcher\w*|crutches)",
)

# Phrases that place a player outside the injury story (the replacement).
REPLACEMENT_CUES = cue_pattern(
    r"\b(replaced by|substituted by|filled in for|deputi[sz]\w* for|in place of|came on for|"
    r"took (?:his|the) place|replace (?:him|the injured))\b",
)


class Vocabulary:
    """A table of (pattern, value) compiled into one alternation, so that one scan of a clause finds the
    leftmost phrase of any entry (the earlier entry winning at the same place)."""

    def __init__(self, table: list[tuple[str, str]]) -> None:
        self.values = [value for _, value in table]
        alternatives = "|".join(f"(?P<g{i}>{pattern})" for i, (pattern, _) in enumerate(table))
        self.regex = cue_pattern(rf"\b(?:{alternatives})\b")

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, re.Match[str]]]:
        for m in index_of(text).within(self.regex, start, len(text) if end is None else end):
            yield self.value_of(m), m

    def value_of(self, m: re.Match[str]) -> str:
        """The value of the entry a match of the alternation was found by."""
        return self.values[int((m.lastgroup or "g0")[1:])]


BODY_VOCABULARY = Vocabulary(BODY_PARTS)
DIAGNOSIS_VOCABULARY = Vocabulary(DIAGNOSES)
# Ligament damage and a torn Achilles name the diagnosis whatever else is said.
DECISIVE_DIAGNOSIS_VOCABULARY = Vocabulary(DIAGNOSES[:2])
