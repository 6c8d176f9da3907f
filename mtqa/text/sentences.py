"""Paragraph and sentence spans with character offsets into the original text.

The splitter is rule-based on purpose: it must be fast (it runs on every segment), keep exact
offsets, and never split inside abbreviations (U.S., Mr., e.g.), initials, decimals or
times. A glued sentence end such as `year.The` is deliberately *not* split: the spacing
check reports it, and casing checks know that a capital after a full stop is not mid-sentence.
"""
from __future__ import annotations

import functools
import re

from mtqa.resources import lexicons

Span = tuple[int, int]

_LINE_RE = re.compile(r"[^\n]+")
# (An alternative `|\.{3}` is never reached: the class already matches every run of dots.
# Without it the regex opens on a character class, which `re` scans for ~2x faster.)
_NO_SPACE = "。！？।"  # terminators that end a sentence with no space after them
_TERMINATOR_RE = re.compile(f"[.!?…{_NO_SPACE}]+")
_CLOSERS = "\"'”’»)]}›」』"
_NO_SPACE_TERMINATORS = set(_NO_SPACE)
#: What `_split_paragraph` needs to split: a line break, a terminator that needs no space after
#: it, or one followed (after closing marks) by a space and more text. A text with none of them
#: is one sentence (most texts are), whatever the language.
_MAY_BREAK_RE = re.compile(f"[\n{_NO_SPACE}]|[.!?…][{re.escape(_CLOSERS)}]*\\s+\\S")
_WORD_BEFORE_RE = re.compile(r"[\w.\-]*\w$")


def _abbreviations(lang: str | None) -> frozenset[str]:
    # English abbreviations are always included: wires quote English names and titles.
    base = lexicons.words("abbreviations.txt", "en")
    if lang and lang != "en":
        return base | lexicons.words("abbreviations.txt", lang)
    return base


@functools.lru_cache(maxsize=64)
def paragraphs(text: str) -> tuple[Span, ...]:
    """Spans of the non-blank lines, trimmed of surrounding whitespace."""
    if "\n" not in text:  # one line (most texts): _LINE_RE would match all of it, if not empty
        start, end = _trim(text, 0, len(text))
        return ((start, end),) if start < end else ()
    out = []
    for m in _LINE_RE.finditer(text):
        start, end = _trim(text, m.start(), m.end())
        if start < end:
            out.append((start, end))
    return tuple(out)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def word_before(text: str, pos: int) -> str:
    """The word (with inner dots, as in U.S) that ends right before `pos`."""
    m = _WORD_BEFORE_RE.search(text, max(0, pos - 40), pos)
    return m.group(0) if m else ""


def is_abbreviation(word: str, lang: str | None = "en") -> bool:
    """True when a period after `word` is an abbreviation point, not a sentence end."""
    if not word:
        return False
    low = word.lower()
    if low in _abbreviations(lang):
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. Smith"
    # Dotted acronyms and initials such as "U.S", "J.R.R", "a.m".
    return bool(re.fullmatch(r"(?:\w\.)+\w", word)) and all(len(p) == 1 for p in word.split("."))


@functools.lru_cache(maxsize=64)
def sentences(text: str, lang: str | None = "en") -> tuple[Span, ...]:
    """Sentence spans (trimmed) inside every paragraph of `text`."""
    out: list[Span] = []
    for p_start, p_end in paragraphs(text):
        out.extend(_split_paragraph(text, p_start, p_end, lang))
    return tuple(out)


def _split_paragraph(text: str, start: int, end: int, lang: str | None) -> list[Span]:
    spans = []
    cur = start
    for m in _TERMINATOR_RE.finditer(text, start, end):
        b = m.end()
        while b < end and text[b] in _CLOSERS:
            b += 1
        term = m.group(0)
        if term[-1] in _NO_SPACE_TERMINATORS:
            boundary = b
        else:
            ws = b
            while ws < end and text[ws].isspace():
                ws += 1
            if ws == b or ws >= end:
                continue  # no space after it (glued, decimal, domain) or paragraph end
            nxt = text[ws]
            if nxt.islower():
                continue  # "e.g. the", "approx. three": not a sentence start
            if term == "." and is_abbreviation(word_before(text, m.start()), lang):
                continue
            boundary = b
        s, e = _trim(text, cur, boundary)
        if s < e:
            spans.append((s, e))
        cur = boundary
    s, e = _trim(text, cur, end)
    if s < e:
        spans.append((s, e))
    return spans


_OPENING_RE = re.compile(r"[\"'“‘«(\[]+")


@functools.lru_cache(maxsize=64)
def sentence_starts(text: str, lang: str | None = "en") -> frozenset[int]:
    """Offsets where a sentence starts, and where its first word starts after opening quotes
    or brackets: a capital there says nothing about names."""
    if not _MAY_BREAK_RE.search(text):  # one sentence: it starts at the first non-space
        start = len(text) - len(text.lstrip())  # _trim's test, str.isspace, as lstrip's
        if start == len(text):
            return frozenset()
        opening = _OPENING_RE.match(text, start)
        return frozenset((start, opening.end())) if opening else frozenset((start,))
    return starts_from_split(text, lang)


def starts_from_split(text: str, lang: str | None = "en") -> frozenset[int]:
    """`sentence_starts` from the full split, without its one-sentence shortcut."""
    out = set()
    for start, _ in sentences(text, lang):
        out.add(start)
        m = _OPENING_RE.match(text, start)
        if m:
            out.add(m.end())
    return frozenset(out)
