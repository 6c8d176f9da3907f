"""Which words of a sentence the number-word reader of mtqa.text.numbers looks at, decided
from each word's spelling once and cached: most words of a sentence are no number word, and a
sentence without a word that can be valued has no number in words.
"""
from __future__ import annotations

import functools
import re

import regex

from mtqa.text.number_words import number_words

# The `regex` module's \w includes combining marks, so Devanagari words stay whole. On ASCII
# text it is [A-Za-z0-9_], as `re`'s ASCII \w, which reads a sentence in two thirds of the time.
WORD_RE = regex.compile(r"\w+")
_ASCII_WORD_RE = re.compile(r"\w+", re.ASCII)

GLUE = {"en": ("and",), "fr": ("et",), "es": ("y",), "it": ("e",)}
ARTICLES = ("a", "an")


def words_re(text: str):
    """The word pattern for `text`: the same words, the faster engine when the text is ASCII."""
    return _ASCII_WORD_RE if text.isascii() else WORD_RE


# What a word is to the number-word reader, from its spelling alone: most words of a sentence
# are none of these, and a cached look-up per word replaces a regex match and four set tests.
SKIP, KEEP, NUMBER, NUMBER_NOUN = range(4)


@functools.lru_cache(maxsize=1 << 16)
def word_class(word: str, lang: str) -> tuple[int, str, bool]:
    """(class, lower-case form, core) of a word of `lang`, read with number_words(lang). `core`:
    a token `_run_quantities` can value (not a modifier, article or glue word, which only lead
    or join a number); a sentence with no core word has no number in words."""
    words = number_words(lang)
    low = word.lower()
    core = not (low in words.modifiers or low in ARTICLES or low in GLUE.get(lang, ()))
    if words.regex is not None and words.regex.fullmatch(low):
        entry = words.table.get(low)
        if entry is not None and entry[1] == "connector":
            return SKIP, low, False  # "und" on its own joins nothing
        noun = entry is not None and entry[1] in ("approx", "magnitude")
        return (NUMBER_NOUN if noun else NUMBER), low, core
    if low in words.approx_words or low in words.modifiers or low in GLUE.get(lang, ()):
        return KEEP, low, core
    if lang == "en" and low in ARTICLES:
        return KEEP, low, False
    return SKIP, low, False


#: Per language, words known to be of class SKIP (see `word_class`): a sentence's other words
#: are found with one set difference. Bounded like the caches of single words.
_SKIPPED: dict[str, set[str]] = {}


def word_set(text: str) -> set[str]:
    """The distinct words of `text`, as the number-word reader cuts them."""
    return set(words_re(text).findall(text))


def number_word_set(text: str, lang: str, found: set[str] | None = None) -> set[str] | None:
    """The words of `text` that `word_class` does not SKIP, when one of them is a core word;
    None when none is: a sentence with no core word has no number in words. Found from the
    sentence's set of words (`found`, word_set(text), when the caller has it), so the reader
    looks up no class for the other words, token by token."""
    if found is None:
        found = word_set(text)
    # One pass over the words not known to be SKIP: a SKIP word is never core (word_class
    # gives every SKIP core=False), so the core words are all among them too.
    skipped = _SKIPPED.setdefault(lang, set())
    keep = set()
    core = False
    for word in found - skipped:
        cls, _, is_core = word_class(word, lang)
        if cls != SKIP:
            keep.add(word)
            core = core or is_core
        elif len(skipped) < 1 << 16:
            skipped.add(word)
    return keep if core else None


_ASCII_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


def kept_tokens(text: str, keep: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of the tokens of `text` (words_re's matches) that are in `keep`
    (words of the text, as word_set cuts them), in text order: what filtering every token
    gives, found by looking for the few kept words (str.find) instead of reading all tokens.
    A token is a maximal run of word characters, so an occurrence of a kept word is one when
    the characters on both sides are no word characters (in the pattern's sense)."""
    out = []
    size = len(text)
    if text.isascii():
        chars = _ASCII_WORD_CHARS
        for word in keep:
            i = text.find(word)
            while i >= 0:
                end = i + len(word)
                if (i == 0 or text[i - 1] not in chars) and (end == size or text[end] not in chars):
                    out.append((i, end, word))
                i = text.find(word, i + 1)
    else:
        rx = words_re(text)
        for word in keep:
            i = text.find(word)
            while i >= 0:
                end = i + len(word)
                if ((i == 0 or rx.match(text, i - 1, i) is None)
                        and (end == size or rx.match(text, end, end + 1) is None)):
                    out.append((i, end, word))
                i = text.find(word, i + 1)
    out.sort()
    return out
