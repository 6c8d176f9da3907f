"""Names of a Japanese source written in kanji, and whether an English translation renders
them: the dictionary's people and places (`mtqa.resources.japanese`), each read in its few
best readings (唐山: Tōzan, Karayama, Toyama) and, for a Chinese name, in pinyin (胡錦濤).

A reading is a guess for a rare name (喬木 is Takagi, which the dictionary reads Kyōboku), so
a name counts as dropped only when every name of the translation is accounted for by the
source: an English name that nothing in the source confirms may be this one, read otherwise.
"""
from __future__ import annotations

import re

from mtqa.resources import japanese
from mtqa.text import pinyin
from mtqa.text.japanese import MIN_PREFIX_KEY, hepburn_key, read_in
from mtqa.text.names.english import english_name_tokens
from mtqa.text.names.source_evidence import source_evidence
from mtqa.text.names.spelling import fold
from mtqa.text.scripts import HAN
from mtqa.text.tokens import word_texts

#: Shorter names are abbreviations (米, 韓: the US, Korea) or readings too short to tell.
MIN_CHARS = 2
_KANJI_RE = re.compile(f"[{HAN}]+")


def dropped_kanji_names(src: str, hyp: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, text) of the source's kanji names that the translation does not render;
    spans in `taken` (names already judged) are skipped."""
    candidates = [(s, e, t) for s, e, t in japanese.proper_nouns(src)
                  if len(t) >= MIN_CHARS and _KANJI_RE.fullmatch(t)
                  and not any(s < te and ts < e for ts, te in taken)]
    if not candidates:
        return []
    evidence = source_evidence(src, "ja")
    if any(evidence.supports(name) is not True for _, _, name in english_name_tokens(hyp, broad=True, names_only=True)):
        return []  # a name the source does not confirm may be one of these, read otherwise
    # Any capitalised word may render one: a name opening a sentence or a quotation too.
    keys = [fold(word) for word in word_texts(hyp) if word[:1].isupper()]
    return [(s, e, t) for s, e, t in candidates if not _rendered(t, keys)]


def _rendered(word: str, names: list[str]) -> bool:
    """Whether a name of the translation (or a few in a row) reads this kanji word."""
    readings = japanese.word_readings(word)
    runs = pinyin.han_runs(word)
    for i in range(len(names)):
        for j in range(i + 1, min(i + 4, len(names) + 1)):
            joined = "".join(names[i:j])
            # The name is a reading of the word or its start (阪神 for Hanshin), or the reading
            # is the start of the name (浅野 in Asanogawa, 浅野川: Asano River).
            if any(read_in(joined, (r,)) or _starts_with(joined, r) for r in readings) or pinyin.written_in(joined, runs):
                return True
    return False


def _starts_with(name: str, reading: str) -> bool:
    key = hepburn_key(reading)
    return len(key) >= MIN_PREFIX_KEY and hepburn_key(name).startswith(key)
