"""Whether a romanised Chinese name is written in a Chinese text, by the readings of its characters.

A Chinese source writes Chinese names (郭梅, 嘉陵江, 新疆) in characters whose pinyin is the name's
English spelling. anyascii gives one reading per character, but many characters have several
(厦 is xià in 厦门, Xiamen, and shà in 大厦; 重 is chóng in 重庆 and zhòng elsewhere), so the
readings come from a character table (`data/zh/pinyin_readings.tsv`, from pypinyin's), every
reading of each character.

Names reach English in older spellings too: Wade-Giles in Taiwan (Taipei for Taibei, Chang for
Zhang, Hsu for Xu). Both sides are therefore compared under a loose key that merges what the
two systems write differently: aspirated and plain stops (p/b, t/d, k/g), the sibilants and
affricates that WG writes alike (ch for zh, ch, j and q; hs for x; ts for z and c), WG's -ung,
-ieh and -ih, and the y and w that pinyin writes before i and u (Ing-wen for Yingwen).
"""
from __future__ import annotations

import functools
import re

from mtqa.resources import lexicons
from mtqa.text.scripts import HAN

_HAN_RE = re.compile(f"[{HAN}]+")
# Applied in order: WG's ch is pinyin's zh, ch, j or q; its hs is x; its ts and tz are z and c;
# y and w only spell a syllable opening on i or u in pinyin (yi, ying, wu).
_LOOSE_STEPS = ((re.compile(r"sh"), "S"), (re.compile(r"(?:zh|ch|[jq])"), "C"), (re.compile(r"(?:hs|x)"), "X"),
                (re.compile(r"(?:ts|tz|[zc])"), "Z"), (re.compile("p"), "b"), (re.compile("t"), "d"),
                (re.compile("k"), "g"), (re.compile("ung"), "ong"), (re.compile("ieh"), "ie"),
                (re.compile(r"(?<=[CZS])ih"), "i"), (re.compile(r"y(?=i)|w(?=u)"), ""),
                (re.compile(r"[^a-zA-Z]"), ""))


def loose(text: str) -> str:
    """The spelling key under which pinyin and Wade-Giles agree (Taipei and Taibei -> daibei,
    Chang and Zhang -> Cang)."""
    out = text.lower()
    for pattern, repl in _LOOSE_STEPS:
        out = pattern.sub(repl, out)
    return out


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    # Loaded on first use only: most sources are not Chinese.
    return {row[0]: row[1] for row in lexicons.table("pinyin_readings.tsv", "zh") if len(row) >= 2}


@functools.lru_cache(maxsize=16384)
def readings(char: str) -> frozenset[str]:
    """The loose keys of every pinyin reading of a character (empty for one the table lacks)."""
    raw = _table().get(char)
    return frozenset(loose(r) for r in raw.split(",")) if raw else frozenset()


def han_runs(text: str) -> tuple[str, ...]:
    """The runs of Chinese characters of a text, in order."""
    return tuple(_HAN_RE.findall(text))


def written_in(name: str, runs: tuple[str, ...], near: bool = False) -> bool:
    """Whether consecutive characters of one run read, together, as the name (any reading of
    each character, under the loose key): Xiamen in 厦门, Chongqing in 重庆, Taipei in 台北.

    `near` lets one syllable of a name of two or more differ after its initial: names of
    Mongolian, Tibetan or Uyghur origin keep their own vowels in English (Arun for 阿荣, arong).
    """
    key = loose(name)
    if not key:
        return False
    return any(_reads_from(key, run, start, near) for run in runs for start in range(len(run)))


_INITIAL_RE = re.compile(r"[^aeiouv]*")
#: Longest stretch of a name one near syllable may stand for.
NEAR_SYLLABLE_LETTERS = 6


def _reads_from(key: str, run: str, start: int, near: bool) -> bool:
    # States reached after each character: (position in the key, whether the one near
    # syllable is spent). A set, since readings differ in length.
    reached = {(0, not near)}
    for count, char in enumerate(run[start:], 1):
        nxt = set()
        for pos, spent in reached:
            for reading in readings(char):
                if reading and key.startswith(reading, pos):
                    nxt.add((pos + len(reading), spent))
                if not spent and reading:
                    initial = _INITIAL_RE.match(reading).group(0)
                    if key.startswith(initial, pos):
                        low = pos + len(initial) + 1
                        nxt.update((end, True) for end in range(low, min(len(key), pos + NEAR_SYLLABLE_LETTERS) + 1))
        # A whole name read with one near syllable still needs another read exactly.
        if any(pos == len(key) and (count > 1 or not spent or not near) for pos, spent in nxt):
            return True
        reached = {(pos, spent) for pos, spent in nxt if pos < len(key)}
        if not reached:
            return False
    return False
