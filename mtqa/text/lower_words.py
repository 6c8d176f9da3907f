"""The lower-case forms of a text's word tokens (`mtqa.text.tokens.words`), made once per text.

The reference and negation rules (RF004, RF006, RF008, NG001, NG002) each compared lower-cased
words and each lower-cased every token of the same translation and reference again, one
`str.lower` call a token: some 200 calls a segment.
"""
from __future__ import annotations

import functools

from mtqa.text.tokens import WORD_RE, words


@functools.lru_cache(maxsize=64)
def lower_words(text: str) -> tuple[str, ...]:
    """`tuple(t.text.lower() for t in words(text))`.

    An ASCII text (nine in ten English sentences) is lower-cased as a whole and cut again:
    in ASCII, `lower` maps letters to letters one for one and leaves everything else alone, so
    the words of the lower-cased text are the lower-cased words, found by one C call. Outside
    ASCII a whole-text `lower` can differ (final sigma depends on the next character, `İ`
    becomes two): there each word is lower-cased on its own, as before."""
    if text.isascii():
        return tuple(WORD_RE.findall(text.lower()))
    return tuple([t.text.lower() for t in words(text)])
