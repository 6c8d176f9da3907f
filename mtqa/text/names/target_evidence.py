"""What a translation offers as evidence that it mentions a source name: its name tokens, their
folds and skeletons, and acronyms that translate a name.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from mtqa.text import acronyms, phonetic
from mtqa.text.names.given_names import english_given_names
from mtqa.text.names.places import english_place_forms, place_ids
from mtqa.text.names.source_evidence import SourceEvidence
from mtqa.text.names.source_names import SourceName, related
from mtqa.text.names.spelling import (
    WordLookups,
    fold,
    mentions,
    skeleton,
    skeletons_match,
    spelled_alike,
)
from mtqa.text.sentences import sentence_starts
from mtqa.text.tokens import word_texts, words

#: Share of a transliterated name's consonant classes that an English name must contain, in order.
TRANSLITERATION_SHARE = 0.75


@dataclass(frozen=True)
class TargetEvidence(WordLookups):
    text: str
    folded: str
    words: tuple[str, ...]

    @functools.cached_property
    def skeletons(self) -> tuple[str, ...]:
        """Skeletons of the words: needed only for names of a source in another script than
        Latin, so built only then."""
        return tuple({skeleton(t) for t in self.words if len(t) >= 2} - {""})

    @functools.cached_property
    def name_skeletons(self) -> frozenset[str]:
        """Skeletons of every word and of every two adjacent capitalised words (Point Marion):
        needed only for transliterated source names, so built only then."""
        raw = words(self.text)
        joined = {skeleton(a.text + b.text) for a, b in zip(raw, raw[1:]) if a.text[:1].isupper() and b.text[:1].isupper()}
        return frozenset(self.skeletons) | (joined - {""})

    def keeps(self, name: SourceName, script: str | None) -> bool:
        """Whether the English translation renders this source name."""
        for pid in name.place_ids:
            for english in english_place_forms(pid):
                if mentions(english, self.folded):
                    return True
                # Adjectives: China -> Chinese, Rome -> Roman, Central Asia -> Central Asian,
                # Eastern Africa -> East African.
                parts = _long_parts(english)
                # `related` wants three letters in common: only words of the part's start can be.
                if parts and all(any(related(p, w) for w in self.words_starting(p[:3])) for p in parts):
                    return True
        if name.place_ids:
            return False
        text = name.text if script in ("Latin", None) else phonetic.romanize(name.text)
        f = fold(text)
        if any(english in self.word_set for english in english_given_names(fold(name.text))):
            return True  # Jan as John, Иван as Ivan
        if f in self.word_set or (len(f) >= 4 and f in self.folded) or mentions(f, self.folded):
            return True
        if self.inflected_in(f):
            return True
        if script in ("Latin", None):
            return spelled_alike(f, self.words)  # skeletons only bridge scripts
        sk = skeleton(text)
        if len(sk) >= 2 and any(skeletons_match(sk, s) for s in self.skeletons):
            return True
        if name.transliterated:
            # A transliteration drops and adds sounds (Nixon / 尼克松 ni-ke-song, Point Marion /
            # 波特马里恩): most of its consonants, in order, within one name of the translation
            # (two adjacent capitalised words count as one).
            sk = skeleton(text.lower().replace("ng", "n"))  # pinyin song for -son, long for -lon
            return len(sk) >= 2 and any(phonetic.lcs_length(sk, s) >= TRANSLITERATION_SHARE * len(sk) for s in self.name_skeletons)
        return False


@functools.lru_cache(maxsize=4096)  # per place name: asked again for each source naming the place
def _long_parts(english: str) -> tuple[str, ...]:
    """The words of three letters or more of an English place name (the adjective test's parts)."""
    return tuple(p for p in english.split() if len(p) >= 3)


def translates_a_name(hyp: str, source: SourceEvidence, acronym: str) -> bool:
    """Whether the translation has an acronym that may render the source's `acronym` (ONU ->
    UN, OMS -> WHO), or a run of capitalised words or a place name of several words that the
    source does not contain as such (OMS -> World Health Organization, ОАЭ -> United Arab
    Emirates): the source acronym missing from it may have been translated, not dropped."""
    starts = sentence_starts(hyp)
    runs: list[list[str]] = [[]]
    for tok in words(hyp):
        word = tok.text
        if word.isupper() and len(word) >= 2 and word.isalpha():
            # Case matters: Spanish "un" does not explain "UN".
            if not mentions(word, source.cased) and acronyms.corresponds(word, acronym):
                return True
            runs.append([])
        elif word[:1].isupper() and tok.start not in starts:
            runs[-1].append(word)
        elif word.lower() not in NAME_JOINERS or not runs[-1]:
            runs.append([])
    for run in runs:
        if sum(source.supports(w) is not True for w in run) >= 2:
            return True
        if len(run) >= 2 and place_ids(" ".join(run)) and not source._translated_place(" ".join(run)):
            return True
    return False


#: Small words inside a multi-word name or its spelt-out acronym (Ministry of the Interior).
NAME_JOINERS = frozenset({"of", "for", "and", "the", "de", "on", "to", "in", "at", "&"})


def mentions_name(evidence: TargetEvidence, name: str) -> bool:
    """Whether an English text has this English name, inflected or not, or another English
    name of the same place (USA / United States, EU / European Union)."""
    f = fold(name)
    known = evidence.word_set
    if f in known or mentions(f, evidence.folded):
        return True
    # English inflects names only with -s and 's (Merkel's, the Kennedys); a closer match would
    # hide misspellings (Volograd / Volgograd), which RF005 reports.
    if f + "s" in known or f + "'s" in known or f + "’s" in known or (f.endswith("s") and f[:-1] in known):
        return True
    return any(mentions(form, evidence.folded) for pid in place_ids(name) for form in english_place_forms(pid))


def closest_name(evidence: TargetEvidence, name: str, text: str) -> str | None:
    """A name of `text` spelt almost like `name` (Volgograd for Volograd), as written there: the
    first capitalised word of four letters or more (folded) with the highest difflib ratio, when
    it reaches 0.8. difflib (~17 us a word) is skipped for words that cannot reach 0.8: the ratio
    is at most 2 * (characters both have, counted) / (both lengths), difflib's quick_ratio, so a
    word skipped is never the result (tests compare it with the plain search)."""
    import difflib

    f = fold(name)
    best, best_ratio = None, 0.0
    for candidate, c in _capitalised_folds(text):
        if c == f or 2.0 * sum(min(f.count(ch), c.count(ch)) for ch in set(f)) / (len(f) + len(c)) < 0.8:
            continue
        ratio = difflib.SequenceMatcher(a=f, b=c).ratio()
        if ratio > best_ratio:
            best, best_ratio = candidate, ratio
    return best if best_ratio >= 0.8 else None


@functools.lru_cache(maxsize=64)
def _capitalised_folds(text: str) -> tuple[tuple[str, str], ...]:
    """The capitalised words of `text` that closest_name compares (four letters or more once
    folded), with their folded forms: made once per text, not once per name."""
    return tuple((word, c) for word in word_texts(text) if word[:1].isupper() and len(c := fold(word)) >= 4)


@functools.lru_cache(maxsize=64)
def target_evidence(hyp: str) -> TargetEvidence:
    # Each word once, as above; folding keeps offsets, so words are cut from the text folded once.
    folded = fold(hyp)
    # Folding ASCII text is lower-casing it, character by character: a word's fold is then its
    # own lower case, taken in C for every token at once rather than a slice each in Python.
    found = map(str.lower, word_texts(hyp)) if hyp.isascii() else [folded[t.start:t.end] for t in words(hyp)]
    return TargetEvidence(hyp, folded, tuple(dict.fromkeys(found)))


