"""Word slots of a translation and its reference: the words around each word, local rewordings,
and words put in or taken out between two neighbours the other side keeps together. The
reference family (RF) compares these to find an opposite word in the reference's place, an
added adjective, a dropped verb or subject."""
from __future__ import annotations

import collections
import difflib
import functools
import re
from typing import Iterator

from mtqa.align import pairs
from mtqa.model import Segment
from mtqa.resources import lexicons

#: Words and single punctuation marks, with offsets: a comma between two words breaks their
#: adjacency ("week, informed the Navy" is not "week the Navy").
SLOT_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[^\w\s]")


#: The longest run of words, on either side, that counts as one local rewording of the other.
WIDEST_REPLACEMENT = 4


def replaced_runs(hyp_toks, ref_toks) -> dict[int, list[str]]:
    """Translation word index -> the reference's words in the same place: where the two
    sentences match up to a run of at most WIDEST_REPLACEMENT words on each side that differ
    ("much smaller numbers of" against "far greater number of": smaller is where far, greater
    and number are). Wider differences are paraphrase, where a word has no one counterpart."""
    hyp_low = [t.text.lower() for t in hyp_toks]
    ref_low = [t.text.lower() for t in ref_toks]
    out: dict[int, list[str]] = {}
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=hyp_low, b=ref_low).get_opcodes():
        if op == "replace" and max(i2 - i1, j2 - j1) <= WIDEST_REPLACEMENT:
            for i in range(i1, i2):
                out[i] = ref_low[j1:j2]
    return out


def slot(toks, i: int) -> tuple[str | None, str | None]:
    """The words on either side of word i, lower case (None at an edge)."""
    return (toks[i - 1].text.lower() if i > 0 else None,
            toks[i + 1].text.lower() if i + 1 < len(toks) else None)


def ref_slots(ref_toks) -> dict[tuple[str | None, str | None], list[str]]:
    """Reference words by the two words around them, where those are not both function words
    ("the ... of" is everywhere) and neither is an edge."""
    function_words = lexicons.words("stopwords.txt", "en")
    out: dict[tuple[str | None, str | None], list[str]] = collections.defaultdict(list)
    for j, tok in enumerate(ref_toks):
        left, right = slot(ref_toks, j)
        if left is not None and right is not None and not (left in function_words and right in function_words):
            out[left, right].append(tok.text.lower())
    return out


@functools.lru_cache(maxsize=16)
def slot_tokens(text: str, start: int, end: int):
    """The word and punctuation tokens of text[start:end], and their lower-case forms (tuples:
    kept for the segment being checked, which RF010, RF011 and RF012 each tokenize)."""
    toks = tuple(SLOT_TOKEN_RE.finditer(text, start, end))
    return toks, tuple([t.group(0).lower() for t in toks])


def between_neighbours(low: list[str], k: int, other_words: set[str], other_pairs: set[tuple[str, str]]) -> bool:
    """Word k of one text is not in the other, which has its two neighbours (words, not
    punctuation) side by side: it was put in between them, or taken out from between them."""
    left, right = low[k - 1], low[k + 1]
    return (low[k] not in other_words and left[0].isalnum() and right[0].isalnum()
            and (left, right) in other_pairs)


def reference_words(segment: Segment, wanted) -> Iterator[tuple[list, list[str], list[str], list[int]]]:
    """For each sentence of the first reference and its part of the translation: the
    reference's tokens, their lower-case forms, the translation's lower-case tokens, and the
    positions j of the reference (never its first or last token) where `wanted(ref_low, j)`
    holds. Nothing when the first reference is not the segment's own: findings in the
    reference point into that one."""
    refs = pairs.refs_of(segment)
    if not refs or refs[0] is not segment.ref:
        return
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        ref_toks, ref_low = slot_tokens(segment.ref, rs, re_)
        candidates = [j for j in range(1, len(ref_toks) - 1) if wanted(ref_low, j)]
        if candidates:
            yield ref_toks, ref_low, slot_tokens(segment.hyp, hs, he)[1], candidates
