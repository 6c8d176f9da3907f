"""Word slots of a translation and its reference: the words around each word, local rewordings,
and words put in or taken out between two neighbours the other side keeps together. The
reference family (RF) compares these to find an opposite word in the reference's place, an
added adjective, a dropped verb or subject."""
from __future__ import annotations

import collections
import difflib
import functools
import re

from mtqa.resources import lexicons

#: Words and single punctuation marks, with offsets: a comma between two words breaks their
#: adjacency ("week, informed the Navy" is not "week the Navy").
SLOT_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[^\w\s]")
#: The same tokens of an ASCII text, with ASCII classes (a quarter faster): \w and \d match the same
#: ASCII characters either way, and \s does too once \x1c-\x1f, which str.isspace() counts, are added.
_ASCII_SLOT_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[^\w\s\x1c-\x1f]", re.ASCII)


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
    """The word and punctuation tokens of text[start:end] (match objects, for their offsets),
    and their lower-case forms (`slot_words`)."""
    return tuple(SLOT_TOKEN_RE.finditer(text, start, end)), slot_words(text, start, end)


@functools.lru_cache(maxsize=16)
def slot_words(text: str, start: int, end: int) -> tuple[str, ...]:
    """The lower-case forms of the tokens of text[start:end] (a tuple: kept for the segment
    being checked, which RF010, RF011 and RF012 each compare), without match objects: the
    rules need the tokens' offsets only for a finding."""
    if text.isascii():
        # In ASCII, lower-casing keeps every character's class and offset: the tokens of the
        # lower-cased text are the lower-cased tokens, in one C call instead of one per token.
        return tuple(_ASCII_SLOT_TOKEN_RE.findall(text.lower(), start, end))
    return tuple([t.lower() for t in SLOT_TOKEN_RE.findall(text, start, end)])


def between_neighbours(low: list[str], k: int, other_words: set[str], other_pairs: set[tuple[str, str]]) -> bool:
    """Word k of one text is not in the other, which has its two neighbours (words, not
    punctuation) side by side: it was put in between them, or taken out from between them."""
    left, right = low[k - 1], low[k + 1]
    return (low[k] not in other_words and left[0].isalnum() and right[0].isalnum()
            and (left, right) in other_pairs)
