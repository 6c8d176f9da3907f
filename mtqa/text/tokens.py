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
#: A word's first character, in C (words are never empty).
first_char = operator.itemgetter(0)


# On ASCII text `re` with ASCII classes finds exactly the same words ([A-Za-z0-9_] is what both
# modules' \w match among ASCII characters) and is ~1.6x faster: most English translations are ASCII.
_ASCII_WORD_RE = re.compile(WORD_RE.pattern, re.ASCII)
_new_token = tuple.__new__  # what Token._make does, without a Python-level call per word


@functools.lru_cache(maxsize=64)
def words(text: str) -> tuple[Token, ...]:
    found = (_ASCII_WORD_RE if text.isascii() else WORD_RE).finditer(text)
    return tuple([_new_token(Token, (m.start(), m.end(), m.group())) for m in found])


@functools.lru_cache(maxsize=64)
def word_texts(text: str) -> tuple[str, ...]:
    """`tuple(map(token_text, words(text)))`: the same words, without their offsets.

    Most rules ask only which words a text has, and most texts never need an offset (the rule
    that would report one finds nothing). `findall` returns the matched strings from C (the
    pattern has no capturing group): 3.3 us against 8.8 us for the Token tuples of `words` on a
    news sentence, so a rule asks this first and asks `words` only for the offsets it reports."""
    return tuple((_ASCII_WORD_RE if text.isascii() else WORD_RE).findall(text))


def word_count(text: str) -> int:
    """Words for scoring; CJK text has no spaces, so count its characters as words."""
    if _CJK_RE.search(text) is None:  # most texts: no list of matches to build
        return len(word_texts(text))  # the same matches, and the rules have usually cut the text already
    return len(_CJK_RE.findall(text)) + len(WORD_RE.findall(_CJK_RE.sub(" ", text)))
