"""Quotation-mark analysis: find the marks of a paragraph and pair them.

Machine translation moves quotation marks: it reverses a pair (`” not on purpose “`), drops
one side, or shifts the boundaries of a quotation. Pairing here is positional and
per paragraph; English double quotes do not nest (nested quotations use single marks), so one
open slot is enough. Straight quotes `"` take their role from what flanks them.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from mtqa.text.sentences import paragraphs

Role = Literal["open", "close"]


@dataclass(frozen=True, slots=True)
class QuoteStyle:
    """Which characters open and close a double quotation in a language."""

    openers: str
    closers: str
    toggles: str = '"'  # straight quotes: role decided by flanking


ENGLISH = QuoteStyle(openers="“", closers="”")
FRENCH = QuoteStyle(openers="«“", closers="»”")
GERMAN = QuoteStyle(openers="„»", closers="“«")
CJK = QuoteStyle(openers="「『“", closers="」』”", toggles="")

STYLES = {"en": ENGLISH, "fr": FRENCH, "de": GERMAN, "cs": GERMAN, "pl": QuoteStyle("„«", "”»"),
          "ru": QuoteStyle("«„", "»“"), "es": QuoteStyle("«“", "»”"), "it": QuoteStyle("«“", "»”"),
          "zh": CJK, "ja": CJK, "hi": ENGLISH}


def style_for(lang: str | None) -> QuoteStyle:
    return STYLES.get(lang or "en", ENGLISH)


@dataclass(frozen=True, slots=True)
class Mark:
    pos: int
    char: str
    role: Role


@dataclass(frozen=True, slots=True)
class QuotePair:
    open: Mark
    close: Mark

    @property
    def inner(self) -> tuple[int, int]:
        return self.open.pos + 1, self.close.pos


@dataclass(frozen=True, slots=True)
class ReversedPair:
    """A closing mark followed by an opening mark around one stretch of text: `” x “`."""

    close: Mark
    open: Mark


@dataclass(frozen=True, slots=True)
class Unpaired:
    mark: Mark
    paragraph_end: int


@dataclass(frozen=True, slots=True)
class QuoteAnalysis:
    pairs: tuple[QuotePair, ...]
    reversed: tuple[ReversedPair, ...]
    unpaired: tuple[Unpaired, ...]


def _left_flanking(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not after.isspace() and (before.isspace() or before in "([{—–-/")


def _right_flanking(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


@functools.lru_cache(maxsize=None)
def _mark_re(style: QuoteStyle) -> re.Pattern:
    """Any character that can be a mark in this style (the others are skipped in C)."""
    return re.compile("[" + re.escape(style.openers + style.closers + style.toggles) + "]")


def marks(text: str, start: int, end: int, style: QuoteStyle) -> list[Mark]:
    out: list[Mark] = []
    is_open = False
    for found in _mark_re(style).finditer(text, start, end):
        i = found.start()
        ch = text[i]
        if ch in style.openers and ch in style.closers:
            role: Role = "close" if is_open else "open"
        elif ch in style.openers:
            role = "open"
        elif ch in style.closers:
            role = "close"
        elif ch in style.toggles:
            left, right = _left_flanking(text, i, start, end), _right_flanking(text, i, start, end)
            if left and not right:
                role = "open"
            elif right and not left:
                role = "close"
            else:
                role = "close" if is_open else "open"
        else:
            continue
        out.append(Mark(i, ch, role))
        is_open = role == "open"
    return out


def _pair_paragraph(ms: list[Mark], p_end: int, pairs, reversed_, unpaired) -> None:
    open_mark: Mark | None = None
    i = 0
    while i < len(ms):
        m = ms[i]
        if m.role == "open":
            if open_mark is not None:
                unpaired.append(Unpaired(open_mark, p_end))
            open_mark = m
        elif open_mark is not None:
            pairs.append(QuotePair(open_mark, m))
            open_mark = None
        else:
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            after = ms[i + 2] if i + 2 < len(ms) else None
            if nxt is not None and nxt.role == "open" and (after is None or after.role == "open"):
                reversed_.append(ReversedPair(m, nxt))
                i += 2
                continue
            unpaired.append(Unpaired(m, p_end))
        i += 1
    if open_mark is not None:
        unpaired.append(Unpaired(open_mark, p_end))


_NO_MARKS = QuoteAnalysis((), (), ())


@functools.lru_cache(maxsize=32)
def analyse(text: str, lang: str | None = "en") -> QuoteAnalysis:
    """Pairs, reversed pairs and unpaired marks of double quotation marks, per paragraph.

    An opening mark left open at the end of a paragraph is not unpaired when the next
    paragraph opens with a quotation mark: that is how English continues a quotation.
    """
    style = style_for(lang)
    if not _mark_re(style).search(text):
        # No character of the text can be a mark (most texts): every paragraph has no marks,
        # so nothing is paired or unpaired; one scan in C instead of one per paragraph. (One
        # shared empty analysis: it is immutable, and building a frozen dataclass costs ~0.5 µs.)
        return _NO_MARKS
    pairs: list[QuotePair] = []
    reversed_: list[ReversedPair] = []
    unpaired: list[Unpaired] = []
    paras = paragraphs(text)
    for k, (p_start, p_end) in enumerate(paras):
        found: list[Unpaired] = []
        _pair_paragraph(marks(text, p_start, p_end, style), p_end, pairs, reversed_, found)
        if found and found[-1].mark.role == "open" and k + 1 < len(paras):
            nxt_start = paras[k + 1][0]
            if text[nxt_start] in style.openers or text[nxt_start] in style.toggles:
                found.pop()
        unpaired.extend(found)
    return QuoteAnalysis(tuple(pairs), tuple(reversed_), tuple(unpaired))
