"""Number words and month names of each language: the lexicon behind `mtqa.text.numbers`
(number_words.tsv, number_modifiers.tsv, approx_numbers.tsv; CLDR month names via babel)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mtqa.resources import lexicons
from mtqa.text import literals

CJK_LANGS = {"zh", "ja"}
COMPOUNDING_LANGS = {"de", "it"}  # number words written as one word: zweihundertfünfzig


@dataclass(frozen=True)
class NumberWords:
    table: dict[str, tuple[float, str]]
    regex: re.Pattern | None
    modifiers: frozenset[str]
    approx_words: dict[str, float]
    magnitudes: dict[str, float]


@functools.lru_cache(maxsize=None)
def number_words(lang: str) -> NumberWords:
    table: dict[str, tuple[float, str]] = {}
    for row in lexicons.table("number_words.tsv", lang):
        if len(row) >= 3:
            table[row[0].lower()] = (float(row[1]), row[2])
    modifiers = frozenset(w.lower() for lg, w in lexicons.table("number_modifiers.tsv") if lg == lang)
    approx_words = {w.lower(): float(o) for lg, w, o in lexicons.table("approx_numbers.tsv") if lg == lang}
    magnitudes = {w: v for w, (v, t) in table.items() if t == "magnitude" and v >= 1000}
    regex = None
    if table and lang not in CJK_LANGS:
        alt = literals.alternation(w for w in table if table[w][1] != "connector" or lang in COMPOUNDING_LANGS)
        if lang in COMPOUNDING_LANGS:
            suffix = r"(?:ste|sten|stem|ster|stes|te|ten|tem|ter|tes|esimo|esima|esimi|esime)?"
            regex = re.compile(rf"(?:{alt})+{suffix}", re.I)
        else:
            regex = re.compile(rf"(?:{alt})", re.I)
    return NumberWords(table, regex, modifiers, approx_words, magnitudes)


@functools.lru_cache(maxsize=None)
def month_stems(lang: str) -> dict[str, int]:
    """Month forms cut before their inflectional ending, so that other inflections match
    (Polish `maju`, `październiku`, the adjective `lipcowym`; Czech `v červnu`). A stem may
    stand for two months (Czech červen/červenec): that only widens what the source supports."""
    out: dict[str, int] = {}
    for name, num in month_names(lang).items():
        if len(name) >= 3:
            out.setdefault(name, num)
            stem = name[:-2] if len(name) >= 5 else name
            if len(stem) >= 3:
                out.setdefault(stem, num)
    return out


@functools.lru_cache(maxsize=None)
def month_names(lang: str) -> dict[str, int]:
    """Month names (wide and abbreviated, all grammatical contexts) -> 1..12, from CLDR via babel."""
    try:
        from babel import Locale
        from babel.core import UnknownLocaleError
    except ImportError:  # pragma: no cover - babel is a dependency
        return {}
    try:
        loc = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return {}
    out: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for num, name in loc.months[context][width].items():
                name = name.lower().rstrip(".")
                if len(name) >= 3:
                    out.setdefault(name, num)
    return out
