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
from mtqa.text import antonyms
from mtqa.text.lower_words import lower_words
from mtqa.text.negation_affixes import affix_negations
from mtqa.text.sentences import sentences
from mtqa.text.tokens import word_texts, words

SUBSTRING_LANGS = {"zh", "ja"}
_NUMBER_ABBREVIATION_RE = re.compile(r"\bNo\.\s?\d")
_A_NOT_A_RE = re.compile(r"(\w)[不没]\1")


@functools.lru_cache(maxsize=None)
def _cues(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    cues = lexicons.words("negation.txt", lang)
    exceptions = tuple(sorted(lexicons.words("negation_exceptions.txt", lang), key=len, reverse=True))
    return cues, exceptions


@functools.lru_cache(maxsize=None)
def _exceptions_re(lang: str) -> re.Pattern | None:
    """The exception phrases of a whole-word language as one pattern: whole words (so that
    `no solo` is not found inside `no sologamente`), any run of spaces between them."""
    exceptions = _cues(lang)[1]
    if not exceptions:
        return None
    alts = [r"\s+".join(_entry_word(w) for w in exc.split()) for exc in exceptions]
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.I)


def has_cues(lang: str | None) -> bool:
    return bool(lang) and bool(_cues(lang)[0])


def _is_czech_negated_verb(low: str) -> bool:
    # "nemá", "nebyl", "nejste": the prefix ne- on a known word ("nejlepší" is a superlative:
    # "jlepší" is no word).
    return low.startswith("ne") and len(low) >= 4 and frequencies.zipf(low[2:], "cs") >= 3.0


def _entry_word(word: str) -> str:
    """One word of an exception entry as a pattern; `*ing` stands for any word ending in -ing
    (`can't help *ing`: the construction, whatever the verb)."""
    return r"\w*" + re.escape(word[1:]) if word.startswith("*") else re.escape(word)


@functools.lru_cache(maxsize=None)
def _substring_cues(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The cues of a language without spaces, longest first, each with its compiled pattern
    (sorted and compiled once, not at every call)."""
    return tuple((cue, re.compile(re.escape(cue))) for cue in sorted(_cues(lang)[0], key=len, reverse=True))


NT_ENDINGS = ("n't", "n’t")
#: Where a word ending in n't can be: most texts with an apostrophe have only possessives.
_NT_RE = re.compile("[Nn]['’][Tt]")
_ELIDED_NE = ("n'", "n’")


@functools.lru_cache(maxsize=64)
def negation_cues(text: str, lang: str | None) -> tuple[tuple[int, int], ...]:
    """Spans of the negation cues of `text` in `lang` (empty when mtqa has no list for it)."""
    lang = lang or "en"
    cues, exceptions = _cues(lang)
    if not cues:
        return ()
    if lang in SUBSTRING_LANGS:
        # A-not-A questions (有没有 "whether there is", 会不会, 是不是) ask, they do not negate.
        masked = _A_NOT_A_RE.sub(lambda m: "\0" * len(m.group()), text) if lang == "zh" else text
        for exc in exceptions:
            masked = masked.replace(exc, "\0" * len(exc))
        out = []
        for cue, pattern in _substring_cues(lang):
            if cue not in masked:
                continue  # a pattern of one literal finds nothing where the string is not
            for m in pattern.finditer(masked):
                if not any(s <= m.start() < e for s, e in out):
                    out.append((m.start(), m.end()))
        return tuple(sorted(out))
    fr, en, cs = lang == "fr", lang == "en", lang == "cs"
    lows = lower_words(text)
    if not (fr or cs) and cues.isdisjoint(lows) and not (en and _NT_RE.search(text)):
        # No word is a cue and none can end in n't (whose last three letters, lower-cased,
        # only N or n, ' or ’, T or t give): the loop below would find nothing (the spans
        # skipped only take cues away), so neither the exception patterns run.
        return ()
    skip = [m.span() for m in _NUMBER_ABBREVIATION_RE.finditer(text)] if lang == "en" else []
    pattern = _exceptions_re(lang)  # focus constructions, connectors...: see negation_exceptions.txt
    if pattern is not None:
        skip += [m.span() for m in pattern.finditer(text)]
    out = []
    toks = words(text)
    for k, (start, end, tok_text) in enumerate(toks):
        if skip and any(s <= start < e for s, e in skip):
            continue
        low = lows[k]
        if low in cues:
            out.append((start, end))
        elif fr:
            if low == "pas":
                if not any(w in ("ne", "n") or w.startswith(_ELIDED_NE) for w in lows[max(0, k - 6):k]):
                    out.append((start, end))  # spoken French drops "ne": "je les vois pas"
            elif low.startswith(_ELIDED_NE):
                out.append((start, start + 2))
        elif en:
            if low.endswith(NT_ENDINGS):
                out.append((end - 3, end))
        elif cs and _is_czech_negated_verb(low):
            out.append((start, start + 2))
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
        anchors = [sp for sp in inside if text[sp[0]:sp[1]].lower() not in concord or _opens_clause(text, sp, lang)]
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


#: English auxiliaries: `nor`/`neither` followed by one opens an inverted clause of its own
#: (`..., nor will real space show them` negates a second clause), unlike `nor tomatoes`.
_AUXILIARY_AFTER_RE = re.compile(
    r"\s+(?:is|are|was|were|will|would|can|could|do|does|did|has|have|had|should|shall|may|might|must)\b", re.I)


def _opens_clause(text: str, span: tuple[int, int], lang: str) -> bool:
    """Whether a concord word negates a clause of its own (counted: one negation per clause)."""
    return lang == "en" and bool(_AUXILIARY_AFTER_RE.match(text, span[1]))


def _token_index(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1


def lexical_negations(text: str, besides: str = "", lang: str | None = "en") -> int:
    """Words negated by an affix (unintentionally, impossible, unable; unmöglich) that `besides`
    does not use: a reference may say `unintentionally` where a translation says `not on
    purpose`, and means the same. See mtqa.text.negation_affixes for what counts."""
    other = set(map(str.lower, word_texts(besides)))
    return sum(1 for start, end in affix_negations(text, lang) if text[start:end].lower() not in other)


def implicit_negations(text: str, besides: str = "", lang: str | None = "en") -> int:
    """Words of `lang` that mean a negation without a cue (failed, lacking, barely, instead;
    German weigern, kaum: `implicit_negation.txt`) that `besides` does not use."""
    implicit = lexicons.words("implicit_negation.txt", lang or "en")
    other = set(map(str.lower, word_texts(besides)))
    # `too small (for us) to hear` says `so small that we cannot hear`.
    too = 0 if "too" in other or (lang or "en") != "en" else len(_TOO_TO_RE.findall(text))
    return too + sum(1 for low in map(str.lower, word_texts(text)) if low in implicit and low not in other)


_TOO_TO_RE = re.compile(r"\btoo\s+\w+\s+(?:for\s+\w+\s+)?to\s+\w", re.I)


def reference_negations(text: str, lang: str | None, hyp: str = "") -> int:
    """How many negations a reference expresses compared with `hyp`: its cues, plus words
    negated by an affix and implicit negations (failed to, weigern) the translation renders
    otherwise."""
    n = len(negation_cues(text, lang)) + lexical_negations(text, hyp, lang)
    return n + implicit_negations(text, hyp, lang)


def soft_negations(text: str, lang: str | None) -> int:
    """Negations said without a cue: words negated by an affix (`undeflected`, `unmöglich`) and
    implicit negations (`refuse to`, `hardly ever`, `failed to`, `kaum`). Another language may
    render each with a negation word (`nicht abgelenkt`, `so gut wie nie`), so they count as
    negation events when the two sides are compared, though they are never flagged themselves."""
    n = len(affix_negations(text, lang))
    return n + implicit_negations(text, "", lang)


def antonym_renderings(text: str, cues, other: str, lang: str | None) -> int:
    """How many of the negations `cues` of `text` (English) `other` renders with an opposite
    word instead: `not strong enough` is `weak`, `not allowed` is `forbidden`. The negated word
    is one of the three words after the cue; the opposite must be a listed pair (ours or
    WordNet's) and a word `text` does not use itself."""
    if (lang or "en") != "en" or not cues:
        return 0
    toks = words(text)
    own = {t.text.lower() for t in toks}
    candidates = [w.lower() for w in word_texts(other) if w.lower() not in own and len(w) > 2]
    count = 0
    for _start, end in cues:
        following = [t.text.lower() for t in toks if t.start >= end][:3]
        if any(antonyms.are_opposites(c, w) for w in following for c in candidates):
            count += 1
    return count
