"""cutlet adapter: the only importer of cutlet (MeCab through fugashi, with the UniDic-lite
dictionary), for the readings of Japanese text.

Kanji names have readings that no per-character table gives (甲府 is Kōfu, 諏訪 is Suwa); a
morphological analyser with a dictionary reads them word by word. One reading is not enough
for names: MeCab's best path reads 大谷 as Ōya where the person is Ōtani and 唐山 as Tōzan
where he is Toyama, so the readings of the few best paths are all kept (N_BEST).

cutlet and unidic-lite are an optional extra (`pip install 'mtqa[ja]'`: the dictionary is
about 250 MB installed). Without them `reading_paths` returns None and a Japanese source
cannot confirm or rule out a kanji name, as before. Loaded on first use only (~0.1 s), so that
`mtqa --help` and non-Japanese sources never pay for it; readings are cached per text.
"""
from __future__ import annotations

import functools
import logging

log = logging.getLogger(__name__)

#: Analyses kept per text: enough for the second reading of a surname (大谷: Ōya, Ōtani) and
#: for rendaku (浅野川: Asanokawa, Asanogawa), at about 0.5 ms per sentence for ten.
N_BEST = 10
#: Longer texts are read sentence by sentence: n-best over a long text is slow and its
#: alternatives are spent on one word.
MAX_CHARS = 300


@functools.lru_cache(maxsize=1)
def _cutlet():
    try:
        import cutlet
        return cutlet.Cutlet()
    except (ImportError, RuntimeError) as exc:  # not installed, or no dictionary
        log.debug("no Japanese reader: %s", exc)
        return None


def available() -> bool:
    return _cutlet() is not None


#: UniDic's proper-noun classes whose readings the dictionary guesses: people's names (姓, 名)
#: and other proper nouns. A place (地名) has one established reading.
_UNSURE_PROPER_NOUNS = {"人名", "一般"}


@functools.lru_cache(maxsize=256)
def reading_paths(text: str) -> tuple[tuple[str, ...], ...] | None:
    """The romanised words (Hepburn, lower case) of each of the best analyses of the text;
    None when no reader is installed."""
    return _read(text)[0] if available() else None


@functools.lru_cache(maxsize=256)
def has_unsure_name(text: str) -> bool:
    """Whether the best analysis finds a person's name or another proper noun that is not a
    place: their readings vary beyond the dictionary's (昌慶 is Shōkei or Akiyoshi), so a
    name missing from every reading may still be there."""
    return available() and _read(text)[1]


@functools.lru_cache(maxsize=64)
def _read(text: str) -> tuple[tuple[tuple[str, ...], ...], bool]:
    katsu = _cutlet()
    paths: list[tuple[str, ...]] = []
    unsure = False
    for chunk in _chunks(text):
        for rank, nodes in enumerate(katsu.tagger.nbestToNodeList(chunk, N_BEST)):
            if rank == 0:
                unsure = unsure or any(n.feature.pos2 == "固有名詞" and n.feature.pos3 in _UNSURE_PROPER_NOUNS
                                       for n in nodes)
            path = tuple(w for w in (katsu.romaji_word(n).lower() for n in nodes) if w.strip("?"))
            if path not in paths:
                paths.append(path)
    return tuple(paths), unsure


def _chunks(text: str) -> list[str]:
    out, cur = [], ""
    for piece in text.replace("。", "。\n").splitlines():
        if cur and len(cur) + len(piece) > MAX_CHARS:
            out.append(cur)
            cur = ""
        cur += piece
    if cur.strip():
        out.append(cur)
    return out


#: UniDic classes of proper nouns that English keeps as names: people and places, but not
#: countries (地名,国: 米国 is "the US", 中国 "China"), which the CLDR place table covers.
_KEPT_PROPER_NOUNS = {"人名", "地名"}


@functools.lru_cache(maxsize=64)
def proper_nouns(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, surface) of the people's and places' names of the best analysis, as the
    dictionary tags them (empty when no reader is installed)."""
    katsu = _cutlet()
    if katsu is None:
        return ()
    out, pos = [], 0
    for node in katsu.tagger(text):
        start = text.find(node.surface, pos)
        if start < 0:
            continue
        pos = start + len(node.surface)
        f = node.feature
        if (f.pos2 == "固有名詞" and f.pos3 in _KEPT_PROPER_NOUNS and f.pos4 != "国"
                and not _also_common_noun(node.surface)):
            out.append((start, pos, node.surface))
    return tuple(out)


@functools.lru_cache(maxsize=1024)
def _also_common_noun(word: str) -> bool:
    """Whether one of the word's best analyses reads it whole as a common noun: 陽子 is Yōko,
    a given name, and yōshi, a proton, which a translation renders as a word."""
    katsu = _cutlet()
    return any(len(nodes) == 1 and nodes[0].feature.pos2 == "普通名詞"
               for nodes in katsu.tagger.nbestToNodeList(word, N_BEST))


@functools.lru_cache(maxsize=1024)
def word_readings(word: str) -> tuple[str, ...]:
    """The romanised readings of a word read on its own, in the best analyses (大谷: ooya,
    ootani, daiya), each path's words joined."""
    paths = reading_paths(word) or ()
    return tuple(dict.fromkeys("".join(p) for p in paths))
