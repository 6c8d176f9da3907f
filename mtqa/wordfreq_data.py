"""wordfreq adapter: the only importer of wordfreq, loaded lazily, one dictionary per language.

Word frequencies tell a source-language word left in a translation ("comportement") from an
English word, and a name (rare in every language) from a common word. Lookups go straight to
wordfreq's frequency dictionary (~35 ns) instead of `zipf_frequency()`, which tokenizes its
input on every call; the dictionary of a language costs ~0.1 s to load, once per process.
"""
from __future__ import annotations

import functools
import math


@functools.lru_cache(maxsize=None)
def _table(lang: str) -> dict[str, float] | None:
    import wordfreq

    if lang not in wordfreq.available_languages("best"):
        return None
    return wordfreq.get_frequency_dict(lang, "best")


def has_language(lang: str | None) -> bool:
    return bool(lang) and _table(lang) is not None


def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 of occurrences per billion words; 0 = unknown) of a word."""
    table = _table(lang)
    if not table:
        return 0.0
    freq = table.get(word.casefold())
    return round(math.log10(freq) + 9, 2) if freq else 0.0
