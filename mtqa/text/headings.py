"""Headings of an article: short paragraphs without a sentence end (titles, subheadings).

Casing and quotation rules leave headings alone (title case is a style there), and the
consistency rules compare what a heading says with the body under it.
"""
from __future__ import annotations

import functools
import re

from mtqa.text.sentences import paragraphs
from mtqa.text.tokens import word_texts

Span = tuple[int, int]

# A paragraph that ends a sentence: terminal punctuation, then optional closing marks.
_SENTENCE_END_RE = re.compile(r"[.!?…:;,][\"'”’»)\]]*$")
MAX_HEADING_WORDS = 20


_CLOSERS = "\"'”’»)]"
_TERMINALS = ".!?…:;,"


def _ends_sentence(para: str) -> bool:
    """Whether _SENTENCE_END_RE.search(para) finds a match, reading only the end of the text
    (the regex is tried at every terminal mark of it). A match is a terminal mark, then closing
    marks up to the end (`$`: or up to a last line break); a terminal mark is no closing mark,
    so it stands right before the trailing run of closing marks."""
    for body in (para, para[:-1]) if para.endswith("\n") else (para,):
        stripped = body.rstrip(_CLOSERS)
        if stripped and stripped[-1] in _TERMINALS:
            return True
    return False


def is_heading(text: str, start: int, end: int) -> bool:
    """A paragraph of at most MAX_HEADING_WORDS words that does not end like a sentence."""
    para = text[start:end]
    if _ends_sentence(para):
        return False
    n = len(word_texts(para))
    return 0 < n <= MAX_HEADING_WORDS


@functools.lru_cache(maxsize=32)
def headings(text: str) -> tuple[Span, ...]:
    """Heading paragraphs of a multi-paragraph text (a lone line is a sentence, not a heading)."""
    paras = paragraphs(text)
    if len(paras) < 2:
        return ()
    return tuple((s, e) for s, e in paras if is_heading(text, s, e))
