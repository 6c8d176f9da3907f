"""wordfreq adapter: the only importer of wordfreq, loaded lazily, one dictionary per language.

Word frequencies tell a source-language word left in a translation ("comportement") from an
English word, and a name (rare in every language) from a common word. Lookups go straight to
wordfreq's frequency dictionary (~35 ns) instead of `zipf_frequency()`, which tokenizes its
input on every call; the dictionary of a language costs ~0.1 s to load, once per process.
"""
from __future__ import annotations

import functools
import math

#: English needs its large list (is this rare word English at all?); other languages are only
#: asked whether a word is common (Zipf 3 and up), which their small lists answer with a tenth
#: of the memory (about 4 MB instead of 40 a language).
LARGE_LISTS = {"en"}


@functools.lru_cache(maxsize=None)
def _table(lang: str) -> dict[str, float] | None:
    import wordfreq

    wordlist = "best" if lang in LARGE_LISTS else "small"
    if lang not in wordfreq.available_languages(wordlist):
        return None
    return wordfreq.get_frequency_dict(lang, wordlist)


def has_language(lang: str | None) -> bool:
    return bool(lang) and _table(lang) is not None


def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 of occurrences per billion words; 0 = unknown) of a word."""
    table = _table(lang)
    if not table:
        return 0.0
    freq = table.get(word.casefold())
    return round(math.log10(freq) + 9, 2) if freq else 0.0
