"""The place gazetteer: CLDR names of countries, regions and major cities in 12 languages
(mtqa/data/common/places.tsv), their demonyms, and the inflected forms a source may use.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mtqa.resources import frequencies, lexicons
from mtqa.text import literals
from mtqa.text.names.spelling import COMMON_WORD_ZIPF, fold


@dataclass(frozen=True)
class _Places:
    english: dict[str, frozenset[str]]          # folded English name or token -> place ids
    local: dict[str, dict[str, tuple[str, ...]]]  # lang -> id -> folded names


@functools.lru_cache(maxsize=1)
def place_table() -> _Places:
    english: dict[str, set[str]] = {}
    local: dict[str, dict[str, list[str]]] = {}
    rows = list(lexicons.table("places.tsv")) + list(lexicons.table("place_aliases.tsv"))
    demonyms = {fold(d) for _pid, d in lexicons.table("demonyms.tsv", "en")}
    full_names = {fold(name) for _pid, lang, name in rows if lang == "en"}
    # Adjectives of another place: african (Africa), american (America).
    demonyms |= {tok for name in full_names for tok in re.findall(r"\w+", name)
                 if tok.endswith(("an", "ese")) and (tok[:-1] in full_names or tok[:-2] in full_names)}
    for pid, lang, name in rows:
        folded = fold(name)
        if lang == "en":
            english.setdefault(folded, set()).add(pid)
            for tok in re.findall(r"[\w.]+", folded):
                # "America" stands for the Americas too; "City" and "South" stand for nothing;
                # "African" in "Central African Republic" stands for Africa, not for that country.
                if (len(tok) >= 3 and frequencies.zipf(tok, "en") < COMMON_WORD_ZIPF + 1 and tok not in PLACE_WORDS
                        and tok not in demonyms):
                    english.setdefault(tok, set()).add(pid)
        local.setdefault(lang, {}).setdefault(pid, []).append(folded)
        bare = _QUALIFIER_RE.sub("", folded).strip()
        if bare and bare != folded:  # 刚果（金） is written 刚果 in running text
            local[lang][pid].append(bare)
    return _Places({k: frozenset(v) for k, v in english.items()},
                   {lang: {pid: tuple(names) for pid, names in by_id.items()} for lang, by_id in local.items()})


_QUALIFIER_RE = re.compile(r"\s*[（(][^）)]*[）)]")
_CLDR_QUALIFIER_RE = re.compile(r"\s+-\s+.*$|\s*\([^)]*\)")
PLACE_WORDS = {"city", "island", "islands", "republic", "south", "north", "east", "west", "northern",
                "southern", "eastern", "western", "central", "united", "new", "saint", "san", "santa",
                "the", "and", "of", "sar", "china", "america", "world", "great", "lord", "mount", "port",
                # Generic words of natural features, translated with the name (Cabo de Europa,
                # Cape Europe; baie de Somme, Bay of Somme): the name's own word is what to check.
                "cape", "bay", "gulf", "strait", "lake", "river", "peninsula", "valley", "canyon", "coast"}


@functools.lru_cache(maxsize=None)
def local_index(lang: str) -> tuple[dict[str, frozenset[str]], literals.LongestMatches]:
    """Folded local name -> place ids, and a matcher that finds them all (the longest at a
    position; an Aho-Corasick automaton, since it runs over every source)."""
    out: dict[str, set[str]] = {}
    for pid, names in place_table().local.get(lang, {}).items():
        for name in names:
            if len(name) >= 2:
                out.setdefault(name, set()).add(pid)
    return {k: frozenset(v) for k, v in out.items()}, literals.LongestMatches(out)


@functools.lru_cache(maxsize=None)
def _place_stems(lang: str) -> dict[str, frozenset[str]]:
    """One-word local place names without their final vowel (москв for Москва, polsk for
    Polska), for the declined forms of inflected languages."""
    out: dict[str, set[str]] = {}
    for pid, names in place_table().local.get(lang, {}).items():
        for name in names:
            if " " not in name and len(name) >= 5:
                stem = name.rstrip("aeiouyаеёиоуыэюяйь")
                if len(stem) >= 4:
                    out.setdefault(stem, set()).add(pid)
    return {k: frozenset(v) for k, v in out.items()}


def inflected_place(word: str, lang: str) -> frozenset[str]:
    """Places a declined word names: its stem with up to three letters of ending (Москве,
    России, Polsce is not found: its stem changes)."""
    stems = _place_stems(lang)
    for cut in range(0, 4):
        if len(word) - cut < 4:
            break
        stem = word[:len(word) - cut]
        if stem in stems and len(word) - len(stem) <= 3:
            return stems[stem]
    return frozenset()


def english_place_names(pid: str) -> tuple[str, ...]:
    return place_table().local.get("en", {}).get(pid, ())


@functools.lru_cache(maxsize=None)
def _demonyms() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for pid, demonym in lexicons.table("demonyms.tsv", "en"):
        out.setdefault(pid, []).append(fold(demonym))
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def all_demonyms() -> frozenset[str]:
    return frozenset(d for ds in _demonyms().values() for d in ds)


@functools.lru_cache(maxsize=4096)
def english_place_forms(pid: str) -> tuple[str, ...]:
    """English names, aliases and adjectives of a place (the French, Dutch, Chinese...), and the
    names without CLDR's qualifiers (Congo - Kinshasa is written Congo, Myanmar (Burma) Myanmar)."""
    names = english_place_names(pid)
    bare = tuple(b for b in (_CLDR_QUALIFIER_RE.sub("", n).strip() for n in names) if b and b not in names)
    return names + bare + _demonyms().get(pid, ())


@functools.lru_cache(maxsize=65536)
def place_ids(name: str) -> frozenset[str]:
    """Places an English name (or one word of a place name, or an adjective such as Argentine) stands for."""
    index = place_table().english
    f = fold(name)
    found = index.get(f)
    if found:
        return found
    if len(f) >= 6 and frequencies.zipf(f, "en") < COMMON_WORD_ZIPF:  # Argentine -> Argentina
        for cut in (1, 2, 3):
            hit = index.get(f[:-cut]) or index.get(f[:-cut] + "a")
            if hit:
                return hit
    return frozenset()


def local_place_names(pid: str, lang: str) -> tuple[str, ...]:
    return place_table().local.get(lang, {}).get(pid, ())


