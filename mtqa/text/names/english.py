"""Name tokens in English text: capitalised words that are names a translation must account for,
not sentence-initial common words, derived words or calendar words.
"""
from __future__ import annotations

import functools
import itertools
import re

from mtqa.resources import frequencies, lexicons
from mtqa.text.names.places import PLACE_WORDS, all_demonyms, place_ids, place_table
from mtqa.text.names.spelling import RARE_NAME_ZIPF
from mtqa.text.sentences import sentence_starts
from mtqa.text.tokens import first_char, token_text, words

#: Endings of English derived words (luminosity, meteorological, firefighting): dictionary
#: words that a translation renders, never names a translation must keep.
_DERIVED_RE = re.compile(r"(?:ity|ical|ology|ologist|ism|ness|ment|tion|sion|ing|ive|ous|ful|less|able|ible|"
                         r"ship|hood|wards?|woman|man|men|ist|ary|ory|ic|al|ian|ean|ese|ish|ure)s?$")


@functools.lru_cache(maxsize=65536)
def _demonym_like(low: str) -> bool:
    """Czech, Iranian, Chinese: an adjective of a place, translated rather than kept."""
    return any(place_table().english.get(low[:-cut]) or place_table().english.get(low[:-cut] + "a")
               for cut in (1, 2, 3) if len(low) - cut >= 3) or low in all_demonyms()


@functools.lru_cache(maxsize=65536)
def _name_like(low: str) -> bool:
    """Could this (lower-cased) word be a name rather than an English word?"""
    parts = [p for p in low.split("-") if p]
    if len(parts) > 1:
        return any(_name_like(p) for p in parts if len(p) > 2)
    if frequencies.zipf(low, "en") >= RARE_NAME_ZIPF or low in lexicons.words("common_words.txt", "en"):
        return False
    return not _DERIVED_RE.search(low)


#: Capitalised words that are never names to verify: days, months, company suffixes, compass points.
_NEVER_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                      "may june july august september october november december inc ltd corp co plc llc "
                      # Compass points are translated, never kept (Southwest China, 中国西南部).
                      "northeast northwest southeast southwest northeastern northwestern southeastern "
                      "southwestern".split())


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Frequent English words, including those that are names as often as words (Congress, South)."""
    return lexicons.words("common_words.txt", "en") | lexicons.words("dual_words.txt", "en")


@functools.lru_cache(maxsize=1)
def _not_source_names() -> frozenset[str]:
    """Capitalised English words a source in another language translates rather than keeps:
    frequent words (those that are names as often as words too), titles and their
    abbreviations (Dr, Mrs, Sept), and the generic words of place names."""
    return english_words() | lexicons.words("abbreviations.txt", "en") | PLACE_WORDS


@functools.lru_cache(maxsize=64)
def english_name_tokens(text: str, broad: bool = False, names_only: bool = False) -> tuple[tuple[int, int, str], ...]:
    """Capitalised words of an English text that are names, with offsets.

    By default only words that cannot be ordinary English words (rare, not derived) and known
    places. `broad` adds frequent names inside a sentence (Obama, Hamas) — capitalised words
    that are not dictionary words — for comparing with another English text, a reference.
    `names_only` narrows `broad` to what a source in another language can be asked to contain:
    not the words English also writes capitalised as words or titles (Congress, President,
    South), which a source translates.
    """
    # The sentence starts are needed only for a broad name (most capitalised words are common
    # words or sentence-opening stopwords, judged without them): split the text when first asked.
    starts = None
    out = []
    toks = words(text)
    # Only capitalised tokens can be names: picked in C (most words are lower case).
    for tok in itertools.compress(toks, map(str.isupper, map(first_char, map(token_text, toks)))):
        kind = _token_kind(tok.text, names_only)
        if kind is None:
            continue
        word, abbreviation, broad_name, name = kind
        end = tok.start + len(word)
        if abbreviation and text[end:end + 1] in ".)":
            continue  # Rep. Brad Sherman, Sept. 16, (Mon): abbreviated words, not names
        if broad and broad_name and not name and starts is None:
            starts = sentence_starts(text)
        if name or (broad and broad_name and tok.start not in starts):
            out.append((tok.start, end, word))  # Obama, Hamas, Snowden; or a rare word, a place
    return tuple(out)




@functools.lru_cache(maxsize=65536)  # per token: what its position does not change
def _token_kind(token: str, names_only: bool) -> tuple[str, bool, bool, bool] | None:
    """The word of a capitalised token (without 's) and `_word_kind` of it; None for a word that
    is never a name here, nor a name inside a sentence (the list above takes no other)."""
    word = token.split("'")[0].split("’")[0]
    kind = _word_kind(word, names_only)
    if kind is None or not (kind[1] or kind[2]):
        return None
    return (word, *kind)


@functools.lru_cache(maxsize=65536)  # per word: the tests of a token that its position does not change
def _word_kind(word: str, names_only: bool) -> tuple[bool, bool, bool] | None:
    """None for a word that is never a name here; else (an abbreviation, so not a name before
    "." or ")"; a name inside a sentence when `broad`; a name anywhere)."""
    if len(word) < 2 or not word[0].isupper() or any(map(str.isdigit, word)):
        return None
    low = word.lower()
    if ((low in lexicons.words("stopwords.txt", "en") and not (names_only and word.isupper() and place_ids(word)))
            or low in _NEVER_NAMES):
        return None  # "US" in capitals is the country, not the pronoun: the source must have it
    common = _not_source_names() if names_only else lexicons.words("common_words.txt", "en")
    place = bool(place_ids(word))
    broad_name = (word[1:].islower() and low not in common
                  and not (names_only and "-" in word and not word.istitle())  # English-only
                  and not _DERIVED_RE.search(low) and (place or not _demonym_like(low)))
    # Acronyms are often translated (CEDH -> ECHR); common words are words.
    name = place or not (word.isupper() or not _name_like(low))
    return low in lexicons.words("abbreviations.txt", "en"), bool(broad_name), bool(name)
