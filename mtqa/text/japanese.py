"""Whether a romanised Japanese name is in the reading of a Japanese text.

Kanji have readings that no character table recovers (甲府 is Kōfu; 東 is tō, higashi or azuma
by the word), so the reading comes from a morphological analyser with a dictionary
(`mtqa.resources.japanese`), word by word. English writes the same reading in several
romanisations: long vowels marked, doubled or dropped (Tōkyō, Toukyou, Tokyo; Ōno, Oono, Ohno),
n or m before a labial (Shinbun, Shimbun). Both sides are compared under a key that merges them.
"""
from __future__ import annotations

import functools
import re

from mtqa.text.names.spelling import fold

# Applied in order on folded letters: a labial nasal is n (Shimbun), a long vowel is short
# (ou, oo, oh before a consonant, uu, aa, ii, ee), and what is not a letter goes.
_KEY_STEPS = ((re.compile(r"[^a-z]"), ""), (re.compile(r"m(?=[bmp])"), "n"),
              (re.compile(r"o[uo]|oh(?![aeiouy])"), "o"), (re.compile(r"uu"), "u"), (re.compile(r"aa"), "a"),
              (re.compile(r"ii"), "i"), (re.compile(r"ee"), "e"))

#: Reading words joined to spell one name: a family and a given name (安倍晋三, Abe Shinzō)
#: are two words, a place and its suffix (札幌市) may be one or two.
MAX_JOINED_WORDS = 4
#: A name this long may be the start of a longer reading word (Sapporo in sapporoshi); a
#: shorter one must be a whole word or words, or it would be found inside any word.
MIN_PREFIX_KEY = 4


@functools.lru_cache(maxsize=16384)
def hepburn_key(word: str) -> str:
    """The key under which Hepburn spellings of one reading agree (Tōkyō, Toukyou, Tokyo -> tokyo)."""
    out = fold(word)
    for pattern, repl in _KEY_STEPS:
        out = pattern.sub(repl, out)
    return out


def read_in(name: str, reading_words: tuple[str, ...]) -> bool:
    """Whether the name is spelt by one or a few consecutive words of the reading. Words are
    joined before they are keyed: vowels meet across them (野馬追, no + umaoi, is Nomaoi)."""
    key = hepburn_key(name)
    if not key:
        return False
    for i in range(len(reading_words)):
        raw = ""
        for w in reading_words[i:i + MAX_JOINED_WORDS]:
            raw += w
            joined = hepburn_key(raw)
            if joined == key or (len(key) >= MIN_PREFIX_KEY and joined.startswith(key)):
                return True
            if len(joined) >= len(key):
                break
    return False
