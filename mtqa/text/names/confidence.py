"""How much a name that one side lacks says: the evidence grade shared by the name rules (NE001,
NE002, RF002, RF007).

A name missing from the other side is strong evidence of an error when nothing there could be
it. It is weak evidence when the word is an English common word written with a capital (a
sentence-initial word, a capitalised noun of an institution or a title: Aurora, Chamber,
Presidency-in-office), or when the other side has a word that may be another spelling of it: an
exonym, a transliteration variant, an inflected or shortened form (Cornovaglia for Cornwall,
Plitwitz for Plitvice, Maxa for Max). Weak findings are reported with low confidence, which the
default `--min-confidence` leaves out.
"""
from __future__ import annotations

import re
from typing import Iterable

from anyascii import anyascii

from mtqa.model import Confidence
from mtqa.resources import lexicons
from mtqa.text.names.spelling import fold, near_variant


def is_capitalised_common_word(name: str) -> bool:
    """Every part of the name is a word English writes in lower case (SCOWL common words)."""
    common = lexicons.words("common_words.txt", "en")
    parts = [p for p in name.lower().split("-") if p]
    return bool(parts) and all(p in common or _singular(p) in common for p in parts)


def _singular(word: str) -> str:
    """The singular of a regular English plural (voyagers, cities, boxes); else the word."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def missing_name_confidence(name: str, other_words: Iterable[str]) -> Confidence:
    """The confidence of "this name has no counterpart among `other_words`" (folded words, romanised
    where the other side is not in Latin script). A name of several words counts as present in
    part when one of its words is there as it is or in another spelling (`Alexeï Navalny` /
    `Aleksei Navalny`): a partial or variant rendering is a weak finding."""
    other = list(other_words)
    if is_capitalised_common_word(name):
        return Confidence.LOW
    roman = name if name.isascii() else anyascii(name)
    parts = [p for p in re.split(r"[\s\-]+", roman) if len(p) >= 3] or [roman]
    folded = set(other)
    if any(fold(p) in folded or near_variant(p, other) for p in parts):
        return Confidence.LOW
    return Confidence.HIGH
