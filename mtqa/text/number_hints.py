"""Cheap tests that a text cannot hold what a number pattern looks for, so the parsers skip the
pattern: most sentences have no digit (two in three of a news batch) and no clock phrase, and
a regular expression with a lookbehind tries every position of the text before it gives up.

Each test is a necessary condition of its pattern, never a guess: a skipped text is one on
which the pattern finds nothing.
"""
from __future__ import annotations

import functools
import re

# Digits of other scripts mapped to ASCII, one code point for one, so offsets are preserved.
DIGITS = {**{0xFF10 + i: str(i) for i in range(10)},   # full-width
           **{0x0966 + i: str(i) for i in range(10)},   # Devanagari
           **{0x0660 + i: str(i) for i in range(10)},   # Arabic-Indic
           **{0x06F0 + i: str(i) for i in range(10)}}
_OTHER_DIGIT_RE = re.compile("[" + "".join(map(chr, DIGITS)) + "]")

#: What `\d` matches in the patterns: any Unicode digit, not only ASCII (a Bengali digit too).
ANY_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=64)
def has_digit(text: str) -> bool:
    """Whether `text` has a digit (ANY_DIGIT), once per text: the number rules ask it of the same
    translation three times (its quantities, its codes, its number format), and a text without
    a digit is scanned to its end."""
    return ANY_DIGIT.search(text) is not None

# re.IGNORECASE matches three characters with an ASCII letter that str.lower() does not turn
# into it (dotless ı and long ſ are their own lower case; İ becomes i + a combining dot). The
# three were found by testing every code point against [a-z] with re.I.
_CASE_TRAPS = ("ı", "i\u0307", "ſ")


def keyword_text(text: str) -> str:
    """`text` lower-cased so that an ASCII lower-case word a re.IGNORECASE pattern finds in
    `text` is a substring of it (the test `"half" in keyword_text(t)` never misses a match of
    `half` with re.I in `t`; it may say yes where the pattern says no)."""
    low = text.lower()
    if "ı" in low or "ſ" in low or "\u0307" in low:
        for trap, letter in zip(_CASE_TRAPS, "iis"):
            low = low.replace(trap, letter)
    return low


def ascii_digits(text: str) -> str:
    """`text` with DIGITS mapped to ASCII. A text with none of them is returned as it is: the
    search costs a sixth of what `str.translate` costs on a sentence."""
    return text if text.isascii() or not _OTHER_DIGIT_RE.search(text) else text.translate(DIGITS)


def may_have_url(text: str) -> bool:
    """What the URL and e-mail pattern of mtqa.text.numbers needs: `://`, `www.` in any case
    (no case trap for w), or an `@`. A sentence with none is not scanned: the e-mail branch
    tried up to 64 characters from every position."""
    return "@" in text or "://" in text or "www." in text.lower()


DIGIT_RUN_RE = re.compile(r"\d+")
NON_DIGIT_RE = re.compile(r"\D")


def digit_run_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every maximal run of digits (`\\d`, any script). The clock and number
    patterns start only at such a run: found once, the runs spare each pattern a scan of the
    whole text (a pattern that begins with a lookbehind is tried at every position)."""
    return [m.span() for m in DIGIT_RUN_RE.finditer(text)]


#: A number in digits, in any locale's grouping (read by mtqa.text.numbers).
_NUMBER_RE = re.compile(r"(?<![\d.,])\d+(?:[.,\u00a0\u202f\u2009 '’]\d{3}(?!\d))*(?:[.,]\d+)?")


def numbers_at_runs(text: str, runs: list[tuple[int, int]]):
    """What _NUMBER_RE.finditer(text) yields, matched only where it can start: at a digit run
    (`runs`, digit_run_spans(text)) with no . or , before it (its lookbehind; a digit before
    would put the start inside a run). A match ends at the end of a run (every part after the
    first digits is optional and greedy), and finditer goes on from there, so runs that start
    inside the last match are passed over. Matching at a few starts spares the lookbehind at
    every position of the text."""
    pos = 0
    for start, _ in runs:
        if start < pos or (start and text[start - 1] in ".,"):
            continue
        m = _NUMBER_RE.match(text, start)
        pos = m.end()
        yield m
