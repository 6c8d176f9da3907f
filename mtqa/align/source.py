"""Sentence alignment of a translated document with its source (`--doc --src`).

The aligner is the generic one of `mtqa.align.monotone`; only the similarity differs from the reference
aligner, because chrF means nothing across languages. Two sentences correspond when their
lengths fit the language pair's usual ratio (a Gaussian score on the log ratio, calibrated in
mtqa/data/common/length_ratios.tsv) and when they share anchors: numbers (compared by value,
so `20 000` and `20,000` agree) and words written the same on both sides (names, acronyms,
codes). This is Gale-Church with anchors, in the Hunalign / Vecalign family, allowing 1-2 and
2-1 merges inside a paragraph and skips for sentences with no counterpart (boilerplate lines
a scraper added to the translation, a paragraph the MT dropped).

Source-aware checks then compare each aligned pair, so document offsets stay document offsets.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from mtqa.align.document import paragraph_of
from mtqa.align.monotone import align, span_weights
from mtqa.resources import lexicons
from mtqa.text.names.spelling import fold
from mtqa.text.numbers import quantities
from mtqa.text.sentences import paragraphs, sentences

Span = tuple[int, int]
THRESHOLD = 0.3
MERGE_PENALTY = 0.05
_ANCHOR_WORD_RE = re.compile(r"[A-Za-z][A-Za-z\-]{2,}")


@functools.lru_cache(maxsize=None)
def _length_model(src_lang: str | None, tgt_lang: str | None) -> tuple[float, float]:
    for row in lexicons.table("length_ratios.tsv"):
        if row[0] == src_lang and row[1] == tgt_lang:
            return float(row[2]), float(row[3])
    return 0.0, 0.25  # unknown pair: about as long, with a generous spread


@dataclass(frozen=True)
class _Side:
    text: str
    spans: tuple[Span, ...]
    lang: str | None

    def piece(self, i: int, j: int) -> str:
        return self.text[self.spans[i][0]:self.spans[j - 1][1]]


class _AnchorSimilarity:
    """Length fit and shared anchors of hyp sentences i:j and source sentences k:l."""

    def __init__(self, hyp: _Side, src: _Side):
        self.hyp, self.src = hyp, src
        self.median, self.spread = _length_model(src.lang, hyp.lang)
        self._cache: dict = {}

    def _anchors(self, side: _Side, i: int, j: int) -> tuple[frozenset, frozenset]:
        text = side.piece(i, j)
        numbers = frozenset(v for q in quantities(text, side.lang) if q.strict for v in q.values)
        # Capitalised Latin words inside the sentences: names, acronyms (not "According").
        starts = {side.spans[x][0] - side.spans[i][0] for x in range(i, j)}
        latin = frozenset(fold(m.group(0)) for m in _ANCHOR_WORD_RE.finditer(text)
                          if m.group(0)[0].isupper() and m.start() not in starts and len(m.group(0)) >= 4)
        return numbers, latin

    def __call__(self, i: int, j: int, k: int, l: int) -> float:
        key = (i, j, k, l)
        if key in self._cache:
            return self._cache[key]
        h, s = self.hyp.piece(i, j), self.src.piece(k, l)
        z = (math.log((len(h) + 10) / (len(s) + 10)) - self.median) / self.spread
        length = math.exp(-z * z / 18)  # a wide Gaussian (3 spreads): one sentence varies more than a corpus
        hn, hl = self._anchors(self.hyp, i, j)
        sn, sl = self._anchors(self.src, k, l)
        if self.src.lang in (None, "en") or not sl:
            sl_common = sl & hl
        else:
            sl_common = {w for w in sl if any(w[:4] == x[:4] for x in hl)}
        total = len(hn | sn) + len(hl) + len(sl)
        shared = 2 * len(hn & sn) + 2 * len(sl_common)
        # Length carries most of the weight: anchors break ties, they must not pull the
        # alignment across sentences (a changed number is exactly what the checks look for).
        value = 0.75 * length + 0.25 * (shared / total) if total else 0.8 * length
        self._cache[key] = value
        return value


@functools.lru_cache(maxsize=8)
def align_source(hyp: str, src: str, tgt_lang: str | None, src_lang: str | None) -> tuple[tuple[Span, Span], ...]:
    """(hyp span, src span) of every aligned sentence pair of a document and its source."""
    hs, ss = sentences(hyp, tgt_lang), sentences(src, src_lang)
    if not hs or not ss:
        return ()
    hp, sp = paragraph_of(hs, paragraphs(hyp)), paragraph_of(ss, paragraphs(src))
    sim = _AnchorSimilarity(_Side(hyp, hs, tgt_lang), _Side(src, ss, src_lang))
    links = align(hs, ss, sim, threshold=THRESHOLD, merge_penalty=MERGE_PENALTY,
                  weights_a=span_weights(hs), weights_b=span_weights(ss),
                  can_merge_a=lambda i, j: hp[i] == hp[j - 1], can_merge_b=lambda i, j: sp[i] == sp[j - 1],
                  band=None if max(len(hs), len(ss)) <= 200 else 30)
    return tuple(((hs[link.a_start][0], hs[link.a_end - 1][1]), (ss[link.b_start][0], ss[link.b_end - 1][1]))
                 for link in links if not link.is_skip)
