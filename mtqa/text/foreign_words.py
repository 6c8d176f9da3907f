"""UT004's foreign words, precomputed: every word whose word frequencies make it foreign in English.

UT004 (mtqa.checks.untranslated) flags a lower-case word that English hardly uses and another
language (German, French...) commonly does. Deciding that for a word takes nine Zipf lookups
(English and eight languages), and the nine wordfreq lists cost ~0.3 s to import and load:
most of the start-up of a one-segment run, and most of UT004's time on a batch. The decision
depends on nothing but the word, the lists and UT004's thresholds, so it is made once for
every word of the eight lists (`build`) and shipped as `mtqa/data/en/foreign_words.tsv`
(built by `scripts/build_foreign_words.py`): the word (case-folded, as wordfreq keys it) and
the language UT004 names. A word that is in no foreign list has Zipf 0 everywhere and can never
be flagged, so the table holds every possible finding.

The file records the size of each wordfreq list it was built from and the thresholds: when
either differs from what is installed (wordfreq upgraded, a threshold tuned), `table()` builds
the same answer from wordfreq at first use instead, so a stale file costs time, never findings.
"""
from __future__ import annotations

import functools
import importlib.util
import os
from typing import Iterable

from mtqa.resources import frequencies, lexicons

FILE = "foreign_words.tsv"


def _rule_constants() -> tuple[tuple[str, ...], tuple[float, ...]]:
    # Imported here: the rule module imports this one.
    from mtqa.checks import untranslated as ut

    return ut.FOREIGN_LANGS, (ut.FOREIGN_EN_RARE, ut.FOREIGN_COMMON, ut.FOREIGN_FUNCTION,
                              ut.FOREIGN_FUNCTION_MARGIN, ut._FOREIGN_TOP)


def _list_files(langs) -> list[str]:
    """Base names of the wordfreq lists the decision reads (English's large one, the others' small)."""
    return [f"{'large' if lang in frequencies.LARGE_LISTS else 'small'}_{lang}.msgpack.gz" for lang in ("en", *langs)]


def _data_dir() -> str | None:
    # find_spec locates wordfreq without importing it (its import alone costs ~0.1 s).
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(list(spec.submodule_search_locations)[0], "data")


def stamp() -> str:
    """What the decisions depend on: the installed lists' sizes and UT004's thresholds."""
    langs, thresholds = _rule_constants()
    folder = _data_dir()
    sizes = []
    for name in _list_files(langs):
        path = os.path.join(folder, name) if folder else ""
        sizes.append(f"{name}={os.path.getsize(path) if path and os.path.exists(path) else -1}")
    return " ".join([*sizes, "langs=" + ",".join(langs), "thresholds=" + ",".join(map(repr, thresholds))])


def foreign_language(word: str) -> str | None:
    """UT004's decision for one word from the wordfreq lists: the language it is a common word
    of while English hardly uses it, or None."""
    langs, (en_rare, common, function, margin, top) = _rule_constants()
    en_z = frequencies.zipf(word, "en")
    if en_z >= top - margin:
        return None  # a common English word: no language uses a word that much more
    lang, z = max(((lang, frequencies.zipf(word, lang)) for lang in langs), key=lambda p: p[1])
    if (en_z < en_rare and z >= common) or (z >= function and z - en_z >= margin):
        return lang
    return None


def build() -> dict[str, str]:
    """Every word of the foreign lists UT004 flags, with its language (about 0.6 s)."""
    langs, _ = _rule_constants()
    out: dict[str, str] = {}
    for lang in langs:
        for word in frequencies._table(lang) or ():
            # A line of the file holds words separated by spaces (none of UT004's words has one).
            if word not in out and not any(ch.isspace() for ch in word):
                found = foreign_language(word)
                if found:
                    out[word] = found
    return out


@functools.lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """Case-folded word -> language, from the shipped file when it is current, else built."""
    rows = lexicons.table(FILE, "en")
    if rows and rows[0][0] == "stamp" and rows[0][1] == stamp():
        out: dict[str, str] = {}
        for lang, words in rows[1:]:
            out.update(dict.fromkeys(words.split(" "), lang))
        return out
    return build()


#: Words already looked up in the table and not found there (a bounded, per-process memory of a
#: pure answer). The table is large (~108,000 words, several MB): on a batch each lookup misses
#: the CPU caches, and most of a text's words are the same few thousand common English words.
#: Asked first of this small, hot set, they no longer reach the table.
_NOT_IN_TABLE: set[str] = set()
_NOT_IN_TABLE_MAX = 1 << 15


def none_in_table(candidates: Iterable[str]) -> bool:
    """`table().keys().isdisjoint(candidates)`, the same answer, faster on a batch.

    Only words the table was asked about and does not hold enter _NOT_IN_TABLE (all of `rest`
    when the table holds none of them), so removing them first never changes the answer."""
    rest = set(candidates).difference(_NOT_IN_TABLE)  # iterates the few candidates, not the memory
    if not table().keys().isdisjoint(rest):
        return False
    if len(_NOT_IN_TABLE) < _NOT_IN_TABLE_MAX:
        _NOT_IN_TABLE.update(rest)
    return True


def write(path) -> int:
    """Write the table built from the installed lists to `path`; returns the number of words."""
    langs, _ = _rule_constants()
    built = build()
    by_lang = {lang: sorted(w for w, found in built.items() if found == lang) for lang in langs}
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# UT004's foreign words: lower-case words English hardly uses and another language\n"
                "# commonly does, from wordfreq's lists (mtqa.text.foreign_words). Generated by\n"
                "# scripts/build_foreign_words.py; do not edit. First row: what it was built from.\n"
                "# columns: language, words (separated by spaces)\n")
        f.write(f"stamp\t{stamp()}\n")
        for lang in langs:
            if by_lang[lang]:
                f.write(f"{lang}\t{' '.join(by_lang[lang])}\n")
    return len(built)
