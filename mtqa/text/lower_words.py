"""The lower-case forms of a text's word tokens (`mtqa.text.tokens.words`), made once per text.

The reference and negation rules (RF004, RF006, RF008, NG001, NG002) each compared lower-cased
words and each lower-cased every token of the same translation and reference again, one
`str.lower` call a token: some 200 calls a segment.
"""
from __future__ import annotations

import functools

from mtqa.text.tokens import word_texts


@functools.lru_cache(maxsize=64)
def lower_words(text: str) -> tuple[str, ...]:
    """`tuple(t.text.lower() for t in words(text))`, from `word_texts` (no offsets needed).
    (Cutting the lower-cased text again costs more: `word_texts(text)` is usually cached
    already, by an earlier rule.)"""
    return tuple(map(str.lower, word_texts(text)))
