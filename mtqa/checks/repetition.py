"""RP: repeated text: a duplicated title, paragraph or sentence, a doubled word, a degenerate loop."""
from __future__ import annotations

import functools
import operator
from itertools import combinations, compress
from dataclasses import replace
from typing import Iterator

from mtqa.model import Confidence, Hit, Segment, Severity
from mtqa.resources import lexicons
from mtqa.rules import rule
from mtqa.text.headings import is_heading
from mtqa.text.sentences import paragraphs, sentences
from mtqa.text.tokens import Token, word_texts, words

MIN_PASSAGE_WORDS = 4  # shorter repeated lines (`sequel after announcement`) are boilerplate's
MAX_PREFIX_WORDS = 4  # `Home News <title>` then `<title>`: a crumb glued to the first copy
MAX_UNIT = 8  # longest repeated phrase a degenerate loop is searched for, in words
MIN_LOOPS = 3


@functools.lru_cache(maxsize=16)
def _key(text: str) -> tuple[str, ...]:
    """The case-folded words (RP001, RP002 and RP003 all ask, per segment)."""
    return tuple(map(str.casefold, word_texts(text)))




def _repeats(earlier: tuple[str, ...], later: tuple[str, ...]) -> bool:
    """`later` repeats `earlier`, allowing a few extra words glued in front of either copy."""
    if len(later) < MIN_PASSAGE_WORDS or len(earlier) < MIN_PASSAGE_WORDS:
        return False
    if earlier == later:
        return True
    short, long_ = sorted((earlier, later), key=len)
    return len(long_) - len(short) <= MAX_PREFIX_WORDS and long_[-len(short):] == short


@rule("RP001", "duplicated-passage", severity=Severity.MAJOR, category="accuracy/addition")
def duplicated_passage(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a title, paragraph or sentence that repeats one before it.

    ## What it does
    Flags a paragraph whose words repeat an earlier paragraph (ignoring case and punctuation,
    and a few words glued in front of either copy, as in `Home News <title>` then `<title>`),
    and a sentence that repeats the sentence just before it. Passages under four words are
    left to the boilerplate rules. A repeated heading is minor; repeated body text is major.

    ## Why is this bad?
    Scrapers keep the page title twice, and MT pipelines that re-send a paragraph duplicate
    it; the reader gets the same text twice and the article's length and score are wrong.

    ## Example
    hyp: The White House warns that Russia will produce Iranian drones\\nThe White House warns that Russia will produce Iranian drones\\nThe plant could be fully operational early next year, a spokesman said.
    doc: true
    Use instead:
    hyp: The White House warns that Russia will produce Iranian drones\\nThe plant could be fully operational early next year, a spokesman said.
    """
    text = segment.hyp
    seen: list[tuple[tuple[str, ...], int, int]] = []
    paras = paragraphs(text)
    # A repeat needs two paragraphs (sentences): a lone one is not read.
    for p_start, p_end in paras if len(paras) > 1 else ():
        key = _key(text[p_start:p_end])
        for earlier, e_start, e_end in seen:
            if _repeats(earlier, key):
                heading = is_heading(text, p_start, p_end)
                what = "title" if heading and e_start == paragraphs(text)[0][0] else (
                    "heading" if heading else "paragraph")
                # Deleted only when nothing is lost: the later copy has no words of its own.
                yield Hit(p_start, p_end, f"repeats the {what} above", suggestion="",
                          severity=Severity.MINOR if heading else None, related=(("hyp", e_start, e_end),),
                          fix="" if len(key) <= len(earlier) else None)
                break
        seen.append((key, p_start, p_end))
    prev: tuple[tuple[str, ...], int] | None = None
    spans = sentences(text, segment.tgt_lang)
    for s_start, s_end in spans if len(spans) > 1 else ():
        key = _key(text[s_start:s_end])
        if prev is not None and key == prev[0] and len(key) >= MIN_PASSAGE_WORDS \
                and text[prev[1]:s_start].count("\n") == 0:
            yield Hit(s_start, s_end, "repeats the sentence before it", suggestion="", fix="")
        prev = (key, s_start)


def _ok_doubled(word: str) -> bool:
    return word.lower() in lexicons.words("doubled_words_ok.txt", "en")


def _only_space_between(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    return bool(gap) and not gap.strip()


@rule("RP002", "doubled-word", severity=Severity.MINOR, category="fluency/grammar", languages=("en",))
def doubled_word(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a word written twice in a row: `the the`.

    ## What it does
    Finds the same word twice in a row with only a space between them, ignoring case.
    Doublings that English allows (`that that`, `had had`, `is is`), reduplications and names
    listed as such (`bye bye`, `Bora Bora`, `Sirhan Sirhan`), and words repeated three times or
    more (a degenerate loop, RP003) are left alone. Doubled names and numbers are flagged
    (`Johns Hopkins University University`, `in 2017 2017`).

    ## Why is this bad?
    It is a typo to the reader; in MT output it often marks a word that was translated twice
    (once per source segment) or a repetition a perturbation introduced.

    ## Example
    hyp: The cats died after eating contaminated pet food food, the company said.
    Use instead:
    hyp: The cats died after eating contaminated pet food, the company said.
    """
    text = segment.hyp
    keys = _key(text)
    if not any(map(str.__eq__, keys, keys[1:])):
        return  # no word equals the next one (compared in C)
    toks = words(text)  # the offsets, for the few texts that have a doubled word
    for i in range(1, len(toks)):
        a, b = toks[i - 1], toks[i]
        if a.text.casefold() != b.text.casefold() or not _only_space_between(text, a, b):
            continue
        if _ok_doubled(a.text):
            continue
        before = toks[i - 2] if i >= 2 else None
        after = toks[i + 1] if i + 1 < len(toks) else None
        if (before and before.text.casefold() == a.text.casefold()) or (
                after and after.text.casefold() == a.text.casefold()):
            continue  # three or more: RP003's
        # Names and numbers stay for a person (`University University`, `2017 2017`).
        safe = a.text.isalpha() and b.text.islower()
        yield Hit(a.start, b.end, f"“{a.text}” twice in a row", suggestion=a.text,
                  fix=a.text if safe else None)


@rule("RP003", "repetition-loop", severity=Severity.MAJOR, category="accuracy/addition")
def degenerate_repetition_loop(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a word or phrase repeated three or more times in a row, the loop of a degenerate decoder.

    ## What it does
    Finds a phrase of one to eight words that repeats itself at least three times in a row
    (`food food food food`, `the drones, the drones, the drones`), ignoring case and
    punctuation between the copies. Interjections (`ha ha ha`, `no, no, no`) are left alone.

    ## Why is this bad?
    Neural MT sometimes falls into a loop and repeats a phrase until the length limit: the
    added text is noise, and what the source said after that point is often lost.

    ## Example
    hyp: The cats died after eating contaminated pet food food food food food.
    Use instead:
    hyp: The cats died after eating contaminated pet food.
    """
    text = segment.hyp
    # A repetition that the source or the reference has too is the author's (an onomatopoeia, an
    # emphasis: `ding, ding, ding`, `very, very, very`), not a decoder's loop.
    # The witnesses are read only when the translation has a loop: most segments have none.
    if not _may_loop(_key(text)):
        return
    toks = words(text)
    witnesses = [t for t in (segment.src, *segment.refs) if t]
    mirrored = None
    for chunk in _chunks(text, toks):
        for hit in _loops(text, chunk):
            if mirrored is None:
                mirrored = any(_has_loop(t) for t in witnesses)
            if mirrored:
                continue
            separated = "," in text[hit.start:hit.end] or "-" in text[hit.start:hit.end]
            # Without a witness, copies set apart by commas are as often a rhetorical figure as a
            # loop: weak evidence; copies run together (`food food food`) are a loop.
            weak = separated and not witnesses
            yield replace(hit, confidence=Confidence.LOW) if weak else hit


def _has_loop(text: str) -> bool:
    """Any word or phrase three times in a row in `text` (in any language: by its tokens)."""
    return _may_loop(_key(text)) and any(True for chunk in _chunks(text, words(text)) for _ in _loops(text, chunk))


def _may_loop(keys: tuple[str, ...]) -> bool:
    """Whether _loops can find anything. A unit of n <= MAX_UNIT tokens repeated MIN_LOOPS times
    at i has keys[i] == keys[i + n] == keys[i + 2n] (each copy equals the next): most sentences
    have no token at three equally spaced places, and skip the search (eight passes in Python)."""
    if MIN_LOOPS < 3:
        return True  # the test below reads two copies after the first
    if len(keys) - len(set(keys)) < MIN_LOOPS - 1:
        return False  # no token occurs three times
    # The tokens that occur three times or more, found in C: in sorted order a token's third
    # occurrence stands two places after its first.
    ordered = sorted(keys)
    for key in set(compress(ordered, map(operator.eq, ordered, ordered[MIN_LOOPS - 1:]))):
        where = list(compress(range(len(keys)), map(key.__eq__, keys)))
        at = set(where)
        # i < j both in `where` with j - i = n <= MAX_UNIT, and i + 2n = 2j - i in it too: the
        # pairs of the token's (few) places, instead of every place times every unit length.
        if any(2 * j - i in at for i, j in combinations(where, 2) if j - i <= MAX_UNIT):
            return True
    return False


def _chunks(text: str, toks: tuple[Token, ...]) -> Iterator[list[Token]]:
    """Runs of tokens not separated by a line break or a table bar (`Y | Y | Y` is a table)."""
    chunk: list[Token] = []
    for t in toks:
        if chunk and any(c in text[chunk[-1].end:t.start] for c in "\n|"):
            yield chunk
            chunk = []
        chunk.append(t)
    if chunk:
        yield chunk


def _same_runs(keys: list[str], n: int) -> list[int]:
    """m[i]: how many tokens from i on equal the token n places later, in a row; the unit of n
    tokens at i then repeats 1 + m[i] // n times. Computed once per n, so a long run of
    repeats that is never flagged (`1, 1, 1, ...`) costs linear time, not quadratic."""
    m = [0] * (len(keys) + 1)
    for i in range(len(keys) - n - 1, -1, -1):
        m[i] = m[i + 1] + 1 if keys[i] == keys[i + n] else 0
    return m


def _loops(text: str, toks: list[Token]) -> Iterator[Hit]:
    keys = [t.text.casefold() for t in toks]
    runs: dict[int, list[int]] = {}
    i = 0
    while i < len(toks):
        found = False
        for n in range(1, MAX_UNIT + 1):
            unit = keys[i:i + n]
            if len(unit) < n:
                break
            if n not in runs:
                runs[n] = _same_runs(keys, n)
            k = 1 + runs[n][i] // n
            if k >= MIN_LOOPS and not (n == 1 and _ok_doubled(unit[0])) and any(
                    sum(ch.isalpha() for ch in u) >= 2 for u in unit):
                end_tok = toks[i + k * n - 1]
                first = text[toks[i].start:toks[i + n - 1].end]
                safe = not any(ch.isdigit() for ch in first)
                yield Hit(toks[i].start, end_tok.end, f"“{first}” repeated {k} times in a row", suggestion=first,
                          fix=first if safe else None)
                i += k * n
                found = True
                break
        if not found:
            i += 1
