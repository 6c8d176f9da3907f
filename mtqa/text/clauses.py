"""Where a preposition's object may legitimately stand apart from it, in English.

A preposition followed by a comma has usually lost its object (`the direction of, the police
said`). Two constructions put the object elsewhere on purpose, and must not be read as a lost word:
- a parenthetical inserted between the preposition and its object, set off by two commas
  (`pass by, let's say, the Sun`; `between, say, ten and twenty`);
- a stranded preposition: a wh-word earlier in the clause is its object (`what you want to fold
  up into, into a sequence`; `the city which they came from, ...`).
"""
from __future__ import annotations

import re

from mtqa.text import wordclasses

#: A short insertion closed by a comma and a space, then the next word: `, let's say, the`. It does
#: not open with a relative word or a conjunction (`to, which passes`: a new clause, not an aside).
_PARENTHETICAL_RE = re.compile(r"\s*,\s*(?!(?:which|who|whom|whose|where|when|that|and|but|or)\b)"
                               r"(?:[\w'’-]+\s+){0,3}[\w'’-]+\s*,\s+([\w“\"][\w'’-]*)", re.I)
#: Words that can be the fronted object of a stranded preposition.
_WH_RE = re.compile(r"\b(?:what|which|who|whom|whose|where|whatever|whichever)\b", re.I)
#: Where a clause starts: a sentence boundary, a semicolon, a colon or a dash.
_CLAUSE_START_RE = re.compile(r"[.;:!?]\s|\s[-–—]+\s")


def object_elsewhere(text: str, prep_start: int, comma: int) -> bool:
    """The preposition at `prep_start`, followed by punctuation at `comma`, has its object
    elsewhere: after a parenthetical, or fronted as a wh-word of its clause."""
    m = _PARENTHETICAL_RE.match(text, comma)
    if m and _can_open_object(m.group(1)):
        return True
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(text, 0, prep_start)]
    clause = text[starts[-1] if starts else 0:prep_start]
    return _WH_RE.search(clause) is not None


def _can_open_object(word: str) -> bool:
    """The word after an aside can begin the preposition's object: an article, a number, a name,
    a noun; not an auxiliary or a verb (`between, the ministry said, will`: the object is lost)."""
    low = word.lower().strip("“\"")
    cls = wordclasses.function_classes().get(low)
    if cls in ("auxiliary", "modal", "conjunction", "preposition"):
        return False
    if cls is not None or word[:1].isupper() or word[:1].isdigit():
        return True
    return not wordclasses.may_be_verb(low)
