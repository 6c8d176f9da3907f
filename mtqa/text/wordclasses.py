"""English words of one class only (WordNet's adjectives and verbs that are nothing else).

A word that can only be an adjective has lost its noun when nothing follows it (`in terms of
magnetic.`) and changes a claim when added (`cheap advice`); a word that can only be a verb
is what happened, and so is the past form of any verb where no adjective stands. The lists are
built by scripts/build_wordnet_classes.py.
"""
from __future__ import annotations

import functools

from mtqa.resources import lexicons
from mtqa.text.antonyms import base_forms


@functools.lru_cache(maxsize=1)
def function_classes() -> dict[str, str]:
    """Function words and their class: determiner, preposition, auxiliary... (word_classes.tsv)."""
    return {word: cls for word, cls in lexicons.table("word_classes.tsv", "en")}


@functools.lru_cache(maxsize=1)
def adjectives() -> frozenset[str]:
    """Single words English uses only as adjectives, function words left out."""
    function_words = lexicons.words("stopwords.txt", "en")
    return frozenset(e for e in lexicons.words("adjectives_only.txt", "en") if " " not in e and e not in function_words)


@functools.lru_cache(maxsize=1)
def adjective_phrases() -> frozenset[str]:
    """Complete phrases of a preposition and such an adjective (`in vain`, `at random`)."""
    return frozenset(e for e in lexicons.words("adjectives_only.txt", "en") if " " in e)


# The three word tests below are kept per word (a few thousand distinct words in a run): RF010-RF012
# ask them of every word of every reference.
@functools.lru_cache(maxsize=65536)
def is_verb(word: str) -> bool:
    """A word English uses only as a verb, in any inflection (wrote, possesses)."""
    low = word.lower()
    verbs = lexicons.words("verbs_only.txt", "en")
    return low not in lexicons.words("stopwords.txt", "en") and (low in verbs or bool(base_forms(low) & verbs))


@functools.lru_cache(maxsize=65536)
def is_past_form(word: str) -> bool:
    """A past tense or participle of any verb (announced, wrote, known), which English also
    uses as an adjective (a known diuretic): the caller looks at the words around it."""
    low = word.lower()
    if low in lexicons.words("stopwords.txt", "en"):
        return False
    if low in lexicons.words("verbs_irregular_past.txt", "en"):
        return True
    return low.endswith("ed") and bool(base_forms(low) & lexicons.words("verbs_all.txt", "en"))


@functools.lru_cache(maxsize=65536)
def may_be_verb(word: str) -> bool:
    """A form of any verb WordNet knows (want, playing, gave, tells), whatever else it may be."""
    low = word.lower()
    verbs = lexicons.words("verbs_all.txt", "en")
    return low in verbs or bool(base_forms(low) & verbs) or low in lexicons.words("verbs_irregular_past.txt", "en")
