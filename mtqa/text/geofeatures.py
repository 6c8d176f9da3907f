"""Seas, oceans, regions and mountains that English names with common words (the North Sea,
the Middle East, Earth), and whether a source names them in its own language.

CLDR, which mtqa.text.names uses for countries and cities, has no seas or rivers, and the
words of these names are too common to be taken for names one by one. The table
(`data/common/geo_features.tsv`) gives each feature's English names and the stems of its names in
the source languages: a source supports the feature when every stem of one of its names
occurs in it, so declined and compound forms count (Nordsee, Bliskim Wschodzie).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mtqa.resources import lexicons
from mtqa.text import literals
from mtqa.text.names.spelling import fold


@dataclass(frozen=True)
class _Table:
    english: dict[str, str]                                  # English name -> feature id
    local: dict[tuple[str, str], tuple[tuple[str, ...], ...]]  # (feature id, lang) -> names as stems


@functools.lru_cache(maxsize=1)
def _table() -> _Table:
    english: dict[str, str] = {}
    local: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for fid, lang, name in lexicons.table("geo_features.tsv"):
        if lang == "en":
            english[name] = fid
        else:
            local.setdefault((fid, lang), []).append(tuple(_normal(stem) for stem in name.split()))
    return _Table(english, {key: tuple(names) for key, names in local.items()})


def _normal(text: str) -> str:
    # Russian writes ё as е more often than not (Чёрное, Черное).
    return fold(text).replace("ё", "е")


@functools.lru_cache(maxsize=1)
def _english_re() -> re.Pattern:
    return re.compile(r"\b(?:" + literals.alternation(_table().english) + r")\b")


def features_in(text: str) -> list[tuple[int, int, str, str]]:
    """The features an English text names, as written (start, end, name, feature id)."""
    english = _table().english
    return [(m.start(), m.end(), m.group(0), english[m.group(0)]) for m in _english_re().finditer(text)]


@functools.lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    return frozenset(lang for _fid, lang in _table().local)


def named_in(fid: str, english_name: str, text: str, lang: str | None) -> bool | None:
    """Whether a text in `lang` names the feature, in its language or in English (None: the
    table does not cover that language)."""
    if not lang or lang not in languages():
        return None
    normal = _normal(text)
    if fold(english_name) in normal:
        return True  # kept in English: "Google Earth", "The Atlantic"
    return any(all(stem in normal for stem in stems) for stems in _table().local.get((fid, lang), ()))
