"""LG: translations in the wrong language.

The script check (UT001) and word lists come first because they are cheap and certain;
langdetect (~1.4 ms a call) is asked only about a text block that is long enough for it to be
reliable (MIN_LETTERS) and where most words are unknown to the target language's word list.
On shorter text the rule stays silent: on a dozen letters langdetect is wrong too often to be
worth an editor's time.
"""
from __future__ import annotations

import functools
from typing import Iterator

from mtqa.model import Hit, Segment, Severity
from mtqa.resources import langid, lexicons
from mtqa.resources.languages import language_name
from mtqa.rules import rule
from mtqa.text.sentences import paragraphs
from mtqa.text.tokens import word_texts

MIN_LETTERS = 40          # below this, langdetect is not asked
FUNCTION_SHARE = 0.15     # English prose has far more function words than this
MIN_PROBABILITY = 0.9


def _function_word_share(text: str, lang: str) -> float | None:
    """Share of the target language's function words, or None without a list for it."""
    vocab = lexicons.words("stopwords.txt", lang)
    texts = word_texts(text)
    counted = len(texts) - sum(map(str.isdigit, texts))  # numbers do not count
    if not vocab or not counted:
        return None
    if _has_number(vocab):
        toks = [t.lower() for t in texts if not t.isdigit()]
        return sum(map(vocab.__contains__, toks)) / len(toks)
    # No entry is a number, so the numbers (their own lower case) add nothing to the count: the
    # words are counted in C, without a Python frame per word.
    return sum(map(vocab.__contains__, map(str.lower, texts))) / counted


def _plainly_target(text: str, lang: str) -> bool:
    """Whether the text has at least FUNCTION_SHARE of the target's function words
    (_function_word_share), decided first from a lower bound that costs one pass in C.

    When every entry of the list is in lower case and none is a number, a word that is an entry
    as written is one in lower case too and no number, so the words found as written are at most
    the words the share counts, and all the words at least the words it counts (numbers are left
    out of those): their quotient is at most the share (a correctly rounded division keeps that
    order). Most English text reaches FUNCTION_SHARE on that bound alone, without a lower-case
    copy of each word and a pass for the numbers."""
    vocab = lexicons.words("stopwords.txt", lang)
    if vocab and _all_lower(vocab) and not _has_number(vocab):
        texts = word_texts(text)
        found = sum(map(vocab.__contains__, texts))
        if found and found / len(texts) >= FUNCTION_SHARE:
            return True
    share = _function_word_share(text, lang)
    return share is not None and share >= FUNCTION_SHARE


@functools.lru_cache(maxsize=16)
def _has_number(vocab: frozenset[str]) -> bool:
    return any(w.isdigit() for w in vocab)


@functools.lru_cache(maxsize=16)
def _all_lower(vocab: frozenset[str]) -> bool:
    return all(w == w.lower() for w in vocab)


#: Every ASCII byte that is not a letter: deleting them from ASCII text leaves its letters.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def _letters(text: str) -> int:
    """How many characters of the text are letters (str.isalpha), counted in C."""
    if text.isascii():  # among ASCII characters the letters are exactly A-Z and a-z
        return len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
    return sum(map(str.isalpha, text))


def _blocks(segment: Segment):
    """Paragraphs of a document, or the whole segment."""
    if segment.is_document:
        return paragraphs(segment.hyp)
    return [(0, len(segment.hyp))]


@rule("LG001", "wrong-target-language", severity=Severity.CRITICAL, category="non-translation")
def wrong_target_language(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a translation, or a paragraph of one, written in another language than the target.

    ## What it does
    For each paragraph (or segment) of at least 40 letters with few of the target language's
    function words (the, of, and...), asks langdetect (seeded) for the language, and flags the
    block when another language is found with a probability of at least 0.9. Shorter text is
    not judged: language identification is unreliable on a few words.

    ## Why is this bad?
    A segment left in the source language, or translated into the wrong language, is a
    non-translation: the reader gets nothing.

    ## Example
    hyp: Le gouvernement a présenté hier son projet de loi sur les retraites.
    Use instead:
    hyp: The government presented its pension reform bill yesterday.
    """
    tgt = segment.tgt_lang
    if not tgt:
        return
    for start, end in _blocks(segment):
        block = segment.hyp[start:end]
        if len(block) < MIN_LETTERS or _letters(block) < MIN_LETTERS:
            continue
        if _plainly_target(block, tgt):
            continue  # plainly the target language: no need to ask langdetect
        found = langid.detect(block)
        if found and found[0] != tgt and found[1] >= MIN_PROBABILITY:
            yield Hit(start, end, f"this text is in {language_name(found[0])}, not {language_name(tgt)}")
