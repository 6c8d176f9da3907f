"""Quantities said with several words whose value no word-by-word reading gives.

Each pattern here covers a grammatical class, in every language that has it, not a phrase:

- vague quantities of a magnitude: `tens of thousands`, `des dizaines de milliers`, `decenas de
  miles`, `десятки тысяч`, `Zehntausende`, `数以万计` (a vague order times a magnitude);
- a number and a half: `two and a half million`, `zweieinhalb Millionen`, `deux millions et
  demi`, `dos millones y medio`, `half a dozen`, `anderthalb`;
- count nouns that carry a number: `a couple`, `a dozen`, `a decade`, `decades`, `ein Jahrzehnt`
  (a counterpart for `十年`, `une décennie`), which support the other side but are never demanded
  from it (a decade is also just a long time);
- units the translation may convert: a number before an imperial unit (`eight-foot`, `120 feet`,
  `5 miles`) also agrees with its metric value give or take rounding (`2,5 Meter`, `40 meters`).

Results are plain tuples; mtqa.text.numbers turns them into quantities.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mtqa.text.number_hints import keyword_text
from mtqa.text.number_words import NumberWords, number_words


@dataclass(frozen=True, slots=True)
class Phrase:
    start: int
    end: int
    value: float | None      # exact value, or None for a vague quantity
    approx: float | None     # order of a vague quantity
    strict: bool


# Words that link a vague order to its magnitude ("tens OF thousands"); Slavic languages use the
# genitive with no linker, German writes one compound word.
_LINKERS = r"(?:of|de|d['’]|di|do|dos|das|von|dei|degli|delle)"
# Vague orders in words that the tables keep as modifiers rather than quantities.
_EXTRA_ORDERS = {"en": {"tens": 10.0, "dozens": 10.0, "hundreds": 100.0}}


@functools.lru_cache(maxsize=None)
def _orders(lang: str) -> dict[str, float]:
    """Vague orders of a language's words (built once: the dict took a tenth of `phrases`)."""
    words = number_words(lang)
    out = {w: v for w, (v, kind) in words.table.items() if kind == "approx" and v >= 10}
    out.update({w: o for w, o in words.approx_words.items() if o >= 10})
    out.update(_EXTRA_ORDERS.get(lang, {}))
    return out


@functools.lru_cache(maxsize=None)
def _vague_regex(lang: str) -> re.Pattern | None:
    words = number_words(lang)
    orders = _orders(lang)
    big = {w: v for w, (v, kind) in words.table.items() if kind in ("approx", "magnitude") and v >= 1000}
    if not orders or not big:
        return None
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    return re.compile(rf"(?<!\w)(?P<a>{alt(orders)})\s+(?:{_LINKERS}\s*)?(?P<b>{alt(big)})(?!\w)", re.I)


# One word: a vague order fused with its magnitude (Zehntausende, Hunderttausenden).
_FUSED_VAGUE = re.compile(r"(?<!\w)(zehn|hundert)(tausende|tausenden)(?!\w)", re.I)
_FUSED_ORDER = {"zehn": 10.0, "hundert": 100.0}
# 数以万计 / 数以千计: "counted by the ten-thousand", a vague quantity of that magnitude.
_CJK_COUNTED_BY = re.compile(r"数以(十|百|千|万|萬|亿|億)计")
_CJK_ORDER = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}

# A number and a half, per language: the number may be digits or words ("2 and a half",
# "two and a half"), optionally followed by its magnitude.
_HALF_AFTER = {"en": r"and\s+a\s+half", "fr": r"et\s+demie?", "es": r"y\s+medio", "it": r"e\s+mezzo",
               "pt": r"e\s+meio", "ru": r"с\s+половиной", "pl": r"i\s+pół", "cs": r"a\s+půl"}
# Mixed numbers and vulgar fractions: 2 1/2, 2½, ¾ (a slash between two numbers alone is as
# often a date, 9/11, and is left to the digit parser).
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_MIXED = re.compile(r"(?<![\d/.,])(?P<n>\d+)?(?:\s(?P<a>[1-9])/(?P<b>[2-9]|1[0-6])|\s?(?P<v>[½¼¾⅓⅔]))(?![\d/])")
_SPACE_WORD = re.compile(r"\s+(\w+)")  # the magnitude after a mixed number
_WORD = re.compile(r"\w+")
_HALF_BEFORE = {"en": re.compile(r"(?<!\w)half\s+an?\s+(?P<mag>dozen|hundred|thousand|million|billion)(?!\w)", re.I)}
# German writes the half into the number word: zweieinhalb, dreieinhalb, anderthalb.
_DE_HALF = re.compile(r"(?<!\w)(?:(?P<n>\w+?)einhalb|(?P<one>anderthalb))(?:\s+(?P<mag>\w+))?(?!\w)", re.I)

# Count nouns: the value is in the noun (a couple = 2, a decade = 10). Singular forms are exact,
# plurals vague. Never demanded from the other side: "a couple of days" is also "a few days".
_COUNT_NOUNS = {
    "en": {"couple": 2, "dozen": 12, "decade": 10, "decades": -10},
    "de": {"paar": 2, "dutzend": 12, "jahrzehnt": 10, "jahrzehnte": -10, "jahrzehnten": -10},
    "fr": {"couple": 2, "douzaine": 12, "décennie": 10, "décennies": -10},
    "es": {"par": 2, "docena": 12, "década": 10, "décadas": -10},
    "it": {"paio": 2, "dozzina": 12, "decennio": 10, "decenni": -10},
    "pt": {"par": 2, "dúzia": 12, "década": 10, "décadas": -10},
}

# Imperial and US units, to metric (foot -> metre ...): MT into or out of English converts them.
_IMPERIAL = [(r"feet|foot|ft\.?", 0.3048), (r"miles?|mi\.?", 1.609), (r"inch(?:es)?|in\.", 2.54),
             (r"pounds?|lbs?\.?", 0.4536), (r"yards?|yd\.?", 0.9144), (r"gallons?", 3.785),
             (r"acres?", 0.4047), (r"ounces?|oz\.?", 28.35)]
_IMPERIAL_RE = re.compile(r"(?:\s|-)(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_IMPERIAL))
                          + r")(?![\w])", re.I)
# Metric units, back to imperial: the same conversions, read from the other side.
_METRIC = [(r"met(?:er|re)s?|m|Meter|metros?|metri|mètres?|метр\w*|metr\w*", 0.3048),
           (r"kilomet(?:er|re)s?|km|Kilometer|kilómetros?|chilometri|kilomètres?|километр\w*|kilometr\w*", 1.609),
           (r"centimet(?:er|re)s?|cm|Zentimeter", 2.54), (r"kilo(?:gram(?:me)?s?)?|kg|Kilogramm", 0.4536),
           (r"lit(?:er|re)s?|l|Liter", 3.785), (r"hectares?|ha|Hektar", 0.4047), (r"grams?|g|Gramm", 28.35)]
_METRIC_RE = re.compile(r"(?:\s|-)?(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_METRIC))
                        + r")(?![\w])")
_CJK_METRIC = {"米": 0.3048, "公里": 1.609, "千米": 1.609, "厘米": 2.54, "公斤": 0.4536, "千克": 0.4536,
               "升": 3.785, "公顷": 0.4047, "克": 28.35, "メートル": 0.3048, "キロ": 1.609}
_CJK_METRIC_FIRST = frozenset(u[0] for u in _CJK_METRIC)


def unit_conversion(text: str, end: int) -> float | None:
    """For a number ending at `end`, the factor between the imperial unit after it and its
    metric counterpart: positive when the unit is imperial (value * factor = metric value),
    negative when it is metric (value / factor = imperial value). None without a unit."""
    m = _IMPERIAL_RE.match(text, end)
    if m:
        return next(f for i, (_, f) in enumerate(_IMPERIAL) if m.group(f"u{i}"))
    m = _METRIC_RE.match(text, end)
    if m:
        return -next(f for i, (_, f) in enumerate(_METRIC) if m.group(f"u{i}"))
    if text[end:end + 1] in _CJK_METRIC_FIRST:
        for unit, f in _CJK_METRIC.items():
            if text.startswith(unit, end):
                return -f
    return None


@functools.lru_cache(maxsize=None)
def _half_regex(lang: str) -> re.Pattern | None:
    """A number and a half in `lang` (compiled once: `phrases` built and looked it up per call)."""
    half = _HALF_AFTER.get(lang)
    if not half:
        return None
    words = number_words(lang)
    mags = "|".join(re.escape(w) for w in sorted(words.magnitudes, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<n>[\w.,]+?)\s+(?P<mag1>(?:{mags})\s+)?{half}(?:\s+(?P<mag>{mags}))?(?!\w)", re.I)


# Words without which a pattern cannot match (see mtqa.text.number_hints): the magnitudes of the
# vague regex, the word for a half, the German fused forms.
# re.IGNORECASE matches these characters with a Cyrillic letter that str.lower() does not turn
# into it (early Cyrillic forms of в д о с т ъ ѣ ꙋ); found by testing every code point against
# the letters of the magnitudes with re.I (tests/test_number_fast_paths.py does it again).
# Devanagari has no case.
_CYRILLIC_TRAPS = {0x1C80: "в", 0x1C81: "д", 0x1C82: "о", 0x1C83: "с", 0x1C84: "т", 0x1C85: "т",
                   0x1C86: "ъ", 0x1C87: "ѣ", 0x1C88: "ꙋ"}
_CYRILLIC_TRAP_CHARS = tuple(map(chr, _CYRILLIC_TRAPS))


@functools.lru_cache(maxsize=None)
def _vague_needs(lang: str) -> tuple[str, ...]:
    """What the vague regex of `lang` needs: one of these substrings of keyword_text(text)
    (`_needs_met`). A match of the regex holds one of its magnitudes, matched with re.I. The
    ASCII letters that begin it are then in keyword_text(text) (its guarantee, letter by
    letter): `tys` for `tysiąc`, `mil` for `millón`. Magnitudes with no three ASCII letters to
    start them (тысяч, हज़ार) are needed whole, in the lower-cased text with the Cyrillic
    traps undone. A word that contains another of the list adds nothing (where it is, the
    shorter one is too)."""
    words = number_words(lang)
    big = [w for w, (v, kind) in words.table.items() if kind in ("approx", "magnitude") and v >= 1000]
    heads = [re.match(r"[a-z]*", w).group(0) for w in big]
    if not all(len(h) >= 3 for h in heads):
        heads = big
    return tuple(sorted(h for h in set(heads) if not any(o != h and o in h for o in heads)))


def _needs_met(needs: tuple[str, ...], text: str, low: str) -> bool:
    """Whether one of `needs` (lower-case words) is in `low` (keyword_text(text)), where a
    pattern of the words with re.I may match `text`."""
    if not low.isascii():
        for trap in _CYRILLIC_TRAP_CHARS:
            if trap in low:
                low = low.translate(_CYRILLIC_TRAPS)
                break
    for w in needs:
        if w in low:
            return True
    return False


_HALF_WORD = {"en": "half", "fr": "demi", "es": "medio", "it": "mezzo", "pt": "meio"}
# The other languages' words for a half (половиной, pół, půl) are not ASCII: the half regex
# needs a match of its own `and a half` part, looked for alone, with the same flag.
_HALF_NEEDS = {lang: re.compile(p, re.I) for lang, p in _HALF_AFTER.items() if lang not in _HALF_WORD}
_VULGAR_CHARS = tuple(_VULGAR)
# The count nouns that hold no other (decade, not decades: where decades is, decade is too).
_NOUN_NEEDS = {lang: tuple(n for n in nouns if not any(o != n and o in n for o in nouns))
               for lang, nouns in _COUNT_NOUNS.items()}


def _matched_entry(table: dict, matched: str):
    """The entry of `table` whose key a re.IGNORECASE pattern matched as `matched`. Mostly
    `matched.lower()`; but re.I also takes letters that lower() keeps apart (dotless ı for i,
    long ſ for s, the Kelvin sign for k: "mıllions"), and those must find their word, not crash."""
    found = table.get(matched.lower())
    if found is None:
        found = next(v for k, v in table.items() if re.fullmatch(re.escape(k), matched, re.I))
    return found


def phrases(text: str, lang: str, words: NumberWords, value_of) -> list[Phrase]:
    """Multi-word quantities of `text`. `value_of(span)` values a number in words or digits of
    the language (None when it is not one)."""
    out: list[Phrase] = []
    low = keyword_text(text)
    rx = _vague_regex(lang)
    if rx is not None and _needs_met(_vague_needs(lang), text, low):
        orders, big = _orders(lang), words.table
        for m in rx.finditer(text):
            order = _matched_entry(orders, m.group("a")) * _matched_entry(big, m.group("b"))[0]
            out.append(Phrase(m.start(), m.end(), None, order, True))
    if lang == "de":
        if "tausende" in low:
            for m in _FUSED_VAGUE.finditer(text):
                out.append(Phrase(m.start(), m.end(), None, _matched_entry(_FUSED_ORDER, m.group(1)) * 1000, True))
        if "einhalb" in low or "anderthalb" in low:
            for m in _DE_HALF.finditer(text):
                base = 1.0 if m.group("one") else value_of(m.group("n"))
                if base is None:
                    continue
                mag = words.magnitudes.get((m.group("mag") or "").lower())
                end = m.end() if mag else m.end("n" if not m.group("one") else "one") + (0 if m.group("one") else 6)
                out.append(Phrase(m.start(), end, (base + 0.5) * (mag or 1), None, True))
    if lang in ("zh", "ja"):
        for m in _CJK_COUNTED_BY.finditer(text):
            out.append(Phrase(m.start(), m.end(), None, _CJK_ORDER[m.group(1)], True))
    half_rx = _half_regex(lang)
    if half_rx is not None and (_HALF_WORD[lang] in low if lang in _HALF_WORD else _HALF_NEEDS[lang].search(text)):
        for m in half_rx.finditer(text):
            base = value_of(m.group("n"))
            if base is None:
                continue
            mag = words.magnitudes.get((m.group("mag") or m.group("mag1") or "").strip().lower(), 1)
            out.append(Phrase(m.start(), m.end(), (base + 0.5) * mag, None, True))
    # A mixed number needs a slash (2 1/2) or a vulgar fraction (2½).
    if "/" in text or (not text.isascii() and any(v in text for v in _VULGAR_CHARS)):
        for m in _MIXED.finditer(text):
            if m.group("n") is None and m.group("v") is None:
                continue
            frac = _VULGAR[m.group("v")] if m.group("v") else int(m.group("a")) / int(m.group("b"))
            value = int(m.group("n") or 0) + frac
            mag_m = _SPACE_WORD.match(text, m.end())
            mag = words.magnitudes.get(mag_m.group(1).lower()) if mag_m else None
            out.append(Phrase(m.start(), mag_m.end() if mag else m.end(), value * (mag or 1), None, True))
    before = _HALF_BEFORE.get(lang)
    if before and "half" in low:
        for m in before.finditer(text):
            mag = 12 if m.group("mag").lower() == "dozen" else words.magnitudes.get(m.group("mag").lower(), 100)
            out.append(Phrase(m.start(), m.end(), 0.5 * mag, None, True))
    nouns = _COUNT_NOUNS.get(lang)
    # A word whose lower case is a count noun leaves that noun in the lower-cased text.
    if nouns and _needs_met(_NOUN_NEEDS[lang], text, low):
        for m in _WORD.finditer(text):
            v = nouns.get(m.group(0).lower())
            if v is not None and not any(p.start <= m.start() < p.end for p in out):
                out.append(Phrase(m.start(), m.end(), float(v) if v > 0 else None,
                                  float(-v) if v < 0 else None, False))
    if not out:
        return out
    return sorted(_drop_overlaps(out), key=lambda p: p.start)


def _drop_overlaps(found: list[Phrase]) -> list[Phrase]:
    """The longest of overlapping phrases ("half a dozen" over "dozen")."""
    kept: list[Phrase] = []
    for p in sorted(found, key=lambda p: p.start - p.end):
        if not any(k.start < p.end and p.start < k.end for k in kept):
            kept.append(p)
    return kept
