"""Sentence alignment of a translated document with its reference (`--doc --ref`).

The sentences of each side (`mtqa.text.sentences`) are aligned by `mtqa.align.monotone` with chrF as
the similarity: 1-1 links, 1-2 and 2-1 merges inside a paragraph (a glued `year.The` is one
hyp sentence for two reference sentences), and skips for sentences with no counterpart. A
paragraph all of whose sentences are skipped is present on one side only: scraped debris or a
duplicated title in the translation, a paragraph the translation dropped.

The similarity is sacrebleu's chrF with beta = 1 (precision and recall weigh the same: the
aligner must not prefer a merge that drags junk along because chrF2 barely notices extra
text). On the DEMETR development half, chrF1 of an MT sentence with its own reference has a
1st percentile of 39 and a minimum of 31; with an unrelated reference its maximum is 24: hence
the threshold of 0.30. Reported per-sentence metrics are the run's own metrics (chrF2...).

`align_reference` is a cached pure function of the two texts, so the engine (per-sentence
metrics) and the checks (omission and addition findings) share one alignment per document.
"""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from mtqa.align.monotone import align, span_weights
from mtqa.model import SentenceResult
from mtqa.text.sentences import paragraphs, sentences

Span = tuple[int, int]

THRESHOLD = 0.30
MERGE_PENALTY = 0.05
#: Documents longer than this many sentences are searched in a diagonal band (cost stays linear).
FULL_SEARCH_MAX = 250
BAND = 40



@functools.lru_cache(maxsize=1)
def _chrf1():
    """sacrebleu's chrF with beta 1, made when a document is first aligned: importing sacrebleu costs
    about 0.1 s, which a run without references (the omission checks import this module) need not pay."""
    from sacrebleu.metrics import CHRF

    return CHRF(beta=1)


@dataclass(frozen=True, slots=True)
class SentenceLink:
    """hyp[hyp span] corresponds to ref[ref span]; one side is None for a sentence with no counterpart.

    A merged side spans its sentences (from the first's start to the last's end).
    """

    hyp: Span | None
    ref: Span | None
    kind: str                    # "1-1", "1-2", "2-1", "1-0" (hyp only), "0-1" (ref only)
    similarity: float | None     # chrF1 / 100 of the linked texts; None for a skip


@dataclass(frozen=True, slots=True)
class DocAlignment:
    links: tuple[SentenceLink, ...]
    #: paragraphs (spans) of each side none of whose sentences has a counterpart
    hyp_only_paragraphs: tuple[Span, ...]
    ref_only_paragraphs: tuple[Span, ...]

    @property
    def matched(self) -> int:
        return sum(1 for link in self.links if link.similarity is not None)


class _ChrfSimilarity:
    """chrF1 between runs of sentences, with the n-grams of every run extracted once.

    The match count is sacrebleu's (sum of min counts over common n-grams) but visits only the
    n-grams the two sides share, which is what makes a full dynamic programme affordable.
    """

    def __init__(self, a_text: str, a_spans, b_text: str, b_spans):
        self._sides = ((a_text, a_spans), (b_text, b_spans))
        self._cache: dict[tuple[int, int, int], tuple[list[Counter], list[int]]] = {}
        from sacrebleu.metrics.helpers import extract_all_char_ngrams

        self._extract = extract_all_char_ngrams
        self._chrf = _chrf1()
        self._order = self._chrf.char_order

    def _ngrams(self, side: int, start: int, end: int):
        key = (side, start, end)
        got = self._cache.get(key)
        if got is None:
            text, spans = self._sides[side]
            counters = self._extract(text[spans[start][0]:spans[end - 1][1]], self._order, self._chrf.whitespace)
            got = (counters, [sum(c.values()) for c in counters])
            self._cache[key] = got
        return got

    def __call__(self, i: int, j: int, k: int, l: int) -> float:
        hyp, hyp_totals = self._ngrams(0, i, j)
        ref, ref_totals = self._ngrams(1, k, l)
        stats: list[int] = []
        for h, r, nh, nr in zip(hyp, ref, hyp_totals, ref_totals):
            match = 0
            for gram in h.keys() & r.keys():
                match += min(h[gram], r[gram])
            stats += (nh, nr, match)
        return self._chrf._compute_f_score(stats) / 100.0


def paragraph_of(spans: tuple[Span, ...], paras: tuple[Span, ...]) -> list[int]:
    """The index of the paragraph each span (a sentence) starts in."""
    out, k = [], 0
    for start, _ in spans:
        while k + 1 < len(paras) and paras[k + 1][0] <= start:
            k += 1
        out.append(k)
    return out


def _one_sided(paras: tuple[Span, ...], para_of: list[int], linked: set[int]) -> tuple[Span, ...]:
    with_sentences = set(para_of)
    with_links = {para_of[i] for i in linked}
    return tuple(p for k, p in enumerate(paras) if k in with_sentences and k not in with_links)


@functools.lru_cache(maxsize=8)
def align_reference(hyp: str, ref: str, lang: str | None = "en") -> DocAlignment:
    """Sentence links between a document and its reference, in document order."""
    hs, rs = sentences(hyp, lang), sentences(ref, lang)
    hp, rp = paragraphs(hyp), paragraphs(ref)
    h_para, r_para = paragraph_of(hs, hp), paragraph_of(rs, rp)
    sim = _ChrfSimilarity(hyp, hs, ref, rs)
    links = align(
        hs, rs, sim,
        threshold=THRESHOLD, merge_penalty=MERGE_PENALTY,
        weights_a=span_weights(hs), weights_b=span_weights(rs),
        can_merge_a=lambda i, j: h_para[i] == h_para[j - 1],
        can_merge_b=lambda i, j: r_para[i] == r_para[j - 1],
        band=None if max(len(hs), len(rs)) <= FULL_SEARCH_MAX else BAND,
    )
    out = []
    h_linked: set[int] = set()
    r_linked: set[int] = set()
    for link in links:
        h_span = (hs[link.a_start][0], hs[link.a_end - 1][1]) if link.a_end > link.a_start else None
        r_span = (rs[link.b_start][0], rs[link.b_end - 1][1]) if link.b_end > link.b_start else None
        if not link.is_skip:
            h_linked.update(link.a)
            r_linked.update(link.b)
        sim_value = None if link.similarity is None else round(link.similarity, 4)
        out.append(SentenceLink(h_span, r_span, link.kind, sim_value))
    return DocAlignment(tuple(out), _one_sided(hp, h_para, h_linked), _one_sided(rp, r_para, r_linked))


def sentence_results(segment, metrics) -> tuple[SentenceResult, ...]:
    """The aligned sentence pairs of a document and their sentence metrics (first reference).

    Metrics of a pair are the run's metrics of the hyp sentence(s) against the reference
    sentence(s); they do not enter the corpus sums, which score the whole document.
    """
    hyp, ref = segment.hyp, segment.refs[0]
    out = []
    for link in align_reference(hyp, ref, segment.tgt_lang).links:
        scores = None
        if link.hyp is not None and link.ref is not None:
            scores = metrics.score_sentence(hyp[link.hyp[0]:link.hyp[1]], [ref[link.ref[0]:link.ref[1]]])
        out.append(SentenceResult(link.hyp, link.ref, link.kind, scores))
    return tuple(out)
