"""Whether an acronym of the translation renders an acronym of the source.

Languages write one body's acronym differently: the same letters in another order (CEDH and
ECHR, OTAN and NATO, ONU and UN), or other letters altogether (OMS and WHO, ВВП and GDP), which
mtqa/data/common/acronyms.tsv lists for international bodies and common terms. An acronym of
the translation that renders none of the source's is another body (NSA for CEDH).
"""
from __future__ import annotations

import collections
import functools
import itertools
import math
import re

from anyascii import anyascii

from mtqa.resources import lexicons

#: Share of the longer acronym's letters that two forms of one acronym have in common.
SHARED_LETTERS = 0.6
_NOT_LETTER_RE = re.compile(r"[^A-Z]")


def _normal(acronym: str) -> str:
    """Upper-case Latin letters only: ВОЗ -> VOZ, EE.UU. -> EEUU, ČEZ -> CEZ."""
    return _NOT_LETTER_RE.sub("", anyascii(acronym).upper())


@functools.lru_cache(maxsize=1)
def _equivalents() -> dict[str, frozenset[str]]:
    """Each normalised acronym -> the normalised forms of the same name in all languages."""
    groups: dict[str, set[str]] = collections.defaultdict(set)
    for english, forms in lexicons.table("acronyms.tsv"):
        group = {_normal(english)} | {_normal(f) for f in forms.split(",") if f.strip()}
        for member in group:
            groups[member] |= group
    return {k: frozenset(v) for k, v in groups.items()}


@functools.lru_cache(maxsize=4096)
def corresponds(target: str, source: str) -> bool:
    """Whether `target` (of the translation) may be the translation of `source`."""
    t, s = _normal(target), _normal(source)
    if not t or not s:
        return False
    if t == s or s in _equivalents().get(t, ()):
        return True
    shared = sum((collections.Counter(t) & collections.Counter(s)).values())
    return shared >= max(2, math.ceil(SHARED_LETTERS * max(len(t), len(s))))


def renders_any(target: str, sources) -> bool:
    """Whether `target` may translate one of the source acronyms."""
    return any(corresponds(target, s) for s in sources)


_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Lower-case words this short may stand inside a spelt-out name without a letter in its
#: acronym (National Aeronautics and Space Administration, Ministero degli Esteri).
_JOINER_MAX = 4


def spelled_out(acronym: str, text: str, at: int | None = None) -> bool:
    """Whether `text` has a run of words whose initials spell `acronym`, small lower-case
    words allowed in between: `vehicle identification number` for VIN, `Evropské unie` for
    EU. With `at`, only a run that starts at that offset counts."""
    letters = _normal(acronym).lower()
    if len(letters) < 2:
        return False
    if at is not None:
        # Read lazily: only as far as the run goes.
        return _spells(letters, (m.group(0) for m in _WORD_RE.finditer(text, at)))
    toks = [m.group(0) for m in _WORD_RE.finditer(text)]
    return any(_spells(letters, itertools.islice(toks, i, None)) for i in range(len(toks)))


def _spells(letters: str, words) -> bool:
    """Whether the words, from the first, spell `letters` by their initials."""
    k = 0
    for word in words:
        if anyascii(word[0]).lower()[:1] == letters[k]:
            k += 1
            if k == len(letters):
                return True
        elif not (k and word.islower() and len(word) <= _JOINER_MAX):
            return False
    return False
