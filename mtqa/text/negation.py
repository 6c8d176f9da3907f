"""Negation cues with offsets, per language, from the lists in `mtqa/data/<lang>/negation.txt`.

Languages differ in how many words a negation takes (French ne...pas counts once, through
"ne"), so what is compared between source and translation is the number of negated clauses,
approximately. Counting errs on the generous side in the source (a Czech word starting with
"ne-" counts; Chinese 不 counts unless it is part of a listed word such as 不同 "different"),
because a negation the translation adds is what matters most, and an extra cue in the source
can only hide such an error, never invent one.
"""
from __future__ import annotations

import bisect
import functools
import re

from mtqa.resources import frequencies, lexicons
from mtqa.text.sentences import sentences
from mtqa.text.tokens import words

SUBSTRING_LANGS = {"zh", "ja"}
#: "not only", and litotes that mean no negation: "not long after" is "shortly after".
_NOT_ONLY_RE = re.compile(r"\bnot\s+(?:only|just|merely|least|long\s+(?:after|before|ago))\b", re.I)
_NUMBER_ABBREVIATION_RE = re.compile(r"\bNo\.\s?\d")


@functools.lru_cache(maxsize=None)
def _cues(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    cues = lexicons.words("negation.txt", lang)
    exceptions = tuple(sorted(lexicons.words("negation_exceptions.txt", lang), key=len, reverse=True))
    return cues, exceptions


def has_cues(lang: str | None) -> bool:
    return bool(lang) and bool(_cues(lang)[0])


def _is_czech_negated_verb(low: str) -> bool:
    # "nemá", "nebyl", "nejste": the prefix ne- on a known word ("nejlepší" is a superlative:
    # "jlepší" is no word).
    return low.startswith("ne") and len(low) >= 4 and frequencies.zipf(low[2:], "cs") >= 3.0


@functools.lru_cache(maxsize=64)
def negation_cues(text: str, lang: str | None) -> tuple[tuple[int, int], ...]:
    """Spans of the negation cues of `text` in `lang` (empty when mtqa has no list for it)."""
    lang = lang or "en"
    cues, exceptions = _cues(lang)
    if not cues:
        return ()
    if lang in SUBSTRING_LANGS:
        masked = text
        for exc in exceptions:
            masked = masked.replace(exc, "\0" * len(exc))
        out = []
        for cue in sorted(cues, key=len, reverse=True):
            for m in re.finditer(re.escape(cue), masked):
                if not any(s <= m.start() < e for s, e in out):
                    out.append((m.start(), m.end()))
        return tuple(sorted(out))
    skip = [m.span() for m in _NOT_ONLY_RE.finditer(text)] if lang == "en" else []
    skip += [m.span() for m in _NUMBER_ABBREVIATION_RE.finditer(text)] if lang == "en" else []
    low_text = text.lower()
    for exc in exceptions:  # "sin embargo" (however) is no negation
        skip += [(m.start(), m.end()) for m in re.finditer(re.escape(exc), low_text)]
    out = []
    toks = words(text)
    for k, tok in enumerate(toks):
        low = tok.text.lower()
        if any(s <= tok.start < e for s, e in skip):
            continue
        if low in cues:
            out.append((tok.start, tok.end))
        elif lang == "fr" and low == "pas" and not any(
                t.text.lower() in ("ne", "n") or t.text.lower().startswith(("n'", "n’")) for t in toks[max(0, k - 6):k]):
            out.append((tok.start, tok.end))  # spoken French drops "ne": "je les vois pas"
        elif lang == "en" and (low.endswith("n't") or low.endswith("n’t")):
            out.append((tok.end - 3, tok.end))
        elif lang == "fr" and low.startswith(("n'", "n’")):
            out.append((tok.start, tok.start + 2))
        elif lang == "cs" and _is_czech_negated_verb(low):
            out.append((tok.start, tok.start + 2))
    return tuple(_without_concord(text, out, lang))


#: How many words apart a concord word and the negation it repeats may stand.
CONCORD_WINDOW = 6


def _without_concord(text: str, spans: list[tuple[int, int]], lang: str) -> list[tuple[int, int]]:
    """One negation per chain of negative-concord words: `nikdo nic neřekl`, `il n'a jamais
    rien dit` and `didn't have corn, nor tomatoes` each negate once. A concord word within a
    few words of a plain negator (or of a concord word already linked to one) in the same
    sentence does not count; a sentence with concord words only counts its first chain
    (`en aucun cas`, far from `ne pas`, counts on its own)."""
    concord = lexicons.words("negation_concord.txt", lang)
    if not concord or len(spans) < 2:
        return spans
    starts = [t.start for t in words(text)]
    index = {sp: _token_index(starts, sp[0]) for sp in spans}
    kept: list[tuple[int, int]] = []
    for s_start, s_end in sentences(text, lang):
        inside = [sp for sp in spans if s_start <= sp[0] < s_end]
        anchors = [sp for sp in inside if text[sp[0]:sp[1]].lower() not in concord]
        rest = [sp for sp in inside if sp not in anchors]
        if not anchors and rest:
            anchors, rest = rest[:1], rest[1:]
        kept.extend(anchors)
        linked = list(anchors)
        changed = True
        while changed:  # chains: nor ... nor ... nor
            changed = False
            for sp in list(rest):
                if any(abs(index[sp] - index[a]) <= CONCORD_WINDOW for a in linked):
                    rest.remove(sp)
                    linked.append(sp)
                    changed = True
        kept.extend(rest)
    return sorted(kept)


def _token_index(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1


_PREFIXED_RE = re.compile(r"^(?:(?:un|in|im|ir|il|dis|non)(?=[a-z]{4,})|(?:ill|non|un)-(?=[a-z]{4,}))", re.I)


def lexical_negations(text: str, besides: str = "") -> int:
    """English words negated by a prefix (unintentionally, impossible, unable) that `besides`
    does not use: a reference may say `unintentionally` where a translation says `not on
    purpose`, and means the same."""
    other = {t.text.lower() for t in words(besides)}
    count = 0
    for tok in words(text):
        m = _PREFIXED_RE.match(tok.text)
        if m and tok.text.lower() not in other and frequencies.zipf(tok.text[m.end():].lower(), "en") >= 3.0:
            count += 1
    return count


def implicit_negations(text: str, besides: str = "") -> int:
    """English words that mean a negation without a cue (failed, lacking, barely, instead)
    that `besides` does not use."""
    implicit = lexicons.words("implicit_negation.txt", "en")
    other = {t.text.lower() for t in words(besides)}
    return sum(1 for tok in words(text) if tok.text.lower() in implicit and tok.text.lower() not in other)


def reference_negations(text: str, lang: str | None, hyp: str = "") -> int:
    """How many negations a reference expresses compared with `hyp`: its cues, plus (English)
    prefixed words and implicit negations (failed to) the translation renders otherwise."""
    n = len(negation_cues(text, lang))
    return n + lexical_negations(text, hyp) + implicit_negations(text, hyp) if (lang or "en") == "en" else n
