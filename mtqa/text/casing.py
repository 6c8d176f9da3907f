"""Word classes for casing decisions: is a capitalised word a name, or a common word that
should be lower case here?

A capitalised word mid-sentence in English is usually a proper noun, so the checks only trust
two kinds of evidence: closed-class words (`It`, `This`, `On`) that are never names on their
own, and frequent words that dictionaries spell in lower case only (`Understand`, `Receives`;
built from wordfreq and SCOWL, see mtqa/data/en/common_words.txt). Both lists are data.
"""
from __future__ import annotations

import functools

from mtqa.resources import lexicons


@functools.lru_cache(maxsize=None)
def _function_words() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in lexicons.table("function_words.txt", "en") if len(row) == 2}


def is_titlecase(word: str) -> bool:
    """`Understand`, `It`: a capital then lower-case letters only (not `US`, `A`, `iPhone`)."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower() and word.isalpha()


def function_word_class(word: str) -> str | None:
    """`pronoun`, `particle` or None (see the header of function_words.txt)."""
    return _function_words().get(word.lower())


def is_common_word(word: str) -> bool:
    """A frequent English word that is not also a name (`understand`, not `may` or `rose`)."""
    return word.lower() in lexicons.words("common_words.txt", "en")


def is_reporting_verb(word: str) -> bool:
    return word.lower() in lexicons.words("reporting_verbs.txt", "en")


def starts_lowercase(word: str) -> bool:
    return bool(word) and word[0].islower()
