"""Word tokens with character offsets, and word counts for per-100-words scoring."""
from __future__ import annotations

import functools
import operator
import re
from typing import NamedTuple

import regex

from mtqa.text.scripts import HAN, HANGUL, KANA

# Letters/digits with inner apostrophes or hyphens kept ("don't", "Moscow-Tehran"). The `regex`
# module's \w includes combining marks, so Devanagari and Thai words are not cut in pieces.
WORD_RE = regex.compile(r"\w+(?:['’\-]\w+)*")
_CJK_RE = re.compile(f"[{KANA}{HAN}{HANGUL}]")


class Token(NamedTuple):
    start: int
    end: int
    text: str


#: A token's text, in C (map(token_text, tokens) instead of a Python step per token).
token_text = operator.itemgetter(Token._fields.index("text"))


# On ASCII text `re` with ASCII classes finds exactly the same words ([A-Za-z0-9_] is what both
# modules' \w match among ASCII characters) and is ~1.6x faster: most English translations are ASCII.
_ASCII_WORD_RE = re.compile(WORD_RE.pattern, re.ASCII)
_new_token = tuple.__new__  # what Token._make does, without a Python-level call per word


@functools.lru_cache(maxsize=64)
def words(text: str) -> tuple[Token, ...]:
    found = (_ASCII_WORD_RE if text.isascii() else WORD_RE).finditer(text)
    return tuple([_new_token(Token, (m.start(), m.end(), m.group())) for m in found])


def word_count(text: str) -> int:
    """Words for scoring; CJK text has no spaces, so count its characters as words."""
    if _CJK_RE.search(text) is None:  # most texts: no list of matches to build
        return len(words(text))  # the same matches, and the rules have usually tokenized the text already
    return len(_CJK_RE.findall(text)) + len(WORD_RE.findall(_CJK_RE.sub(" ", text)))
