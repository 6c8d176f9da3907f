"""The lower-case forms of a text's word tokens (`mtqa.text.tokens.words`), made once per text.

The reference and negation rules (RF004, RF006, RF008, NG001, NG002) each compared lower-cased
words and each lower-cased every token of the same translation and reference again, one
`str.lower` call a token: some 200 calls a segment.
"""
from __future__ import annotations

import functools

from mtqa.text.tokens import words


@functools.lru_cache(maxsize=64)
def lower_words(text: str) -> tuple[str, ...]:
    """`tuple(t.text.lower() for t in words(text))`. (Cutting the lower-cased text again costs
    three times as much: `words(text)` is almost always cached already, by an earlier rule.)"""
    return tuple([t.text.lower() for t in words(text)])
