"""sacrebleu adapter: metric objects built once per run, sentence scores, streamed corpus scores.

Corpus scores are computed the way sacrebleu computes them, from the sum of per-segment
sufficient statistics, but summed as segments stream past instead of keeping every segment's
statistics in memory (`corpus_score` keeps ~44 KB per segment for chrF). The sums are exactly
what `corpus_score` would aggregate, so the corpus figures are identical (a test checks it).
Sentence BLEU uses effective order, as sacrebleu recommends; it is computed from the same
statistics as the corpus BLEU, so each segment's n-grams are extracted once; sentence scores
are sacrebleu's arithmetic without its score objects (mtqa.metrics.sentence). Default BLEU and
chrF extract their statistics through mtqa.metrics.ngrams (sacrebleu's numbers in 2/3 of the time).
TER costs ~2 ms a segment and is opt-in.

sacrebleu is imported when the first metric object is made, not with this module: it costs about
0.1 s, which `mtqa --help`, `mtqa rules` and a run without references need not pay.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from mtqa.metrics.names import DEFAULT_METRICS, METRIC_NAMES

if TYPE_CHECKING:
    from sacrebleu.metrics import BLEU


def _make(name: str):
    from sacrebleu.metrics import BLEU, CHRF, TER

    if name == "bleu":
        from mtqa.metrics import tok13a

        bleu = BLEU()
        tok13a.install(bleu)  # same tokens, 3x faster when sacrebleu's cache misses
        return bleu
    if name == "chrf":
        return CHRF()
    if name == "chrf++":
        return CHRF(word_order=2)
    if name == "ter":
        return TER()
    raise ValueError(f"unknown metric {name!r} (choose from {', '.join(METRIC_NAMES)})")


def _fast_stats(metric):
    """mtqa.metrics.ngrams' function for `metric`'s statistics, or None: sacrebleu's own path."""
    from mtqa.metrics import ngrams
    from sacrebleu.metrics import BLEU

    if not ngrams.supports(metric):
        return None
    return ngrams.bleu_stats if isinstance(metric, BLEU) else ngrams.chrf_stats


def _add(total: list | None, stats: Sequence) -> list:
    if total is None:
        return list(stats)
    return list(map(operator.add, total, stats))  # C's loop, not Python's


@dataclass
class MetricSuite:
    """One object per metric for the whole run, plus running sums of their statistics."""

    names: tuple[str, ...] = DEFAULT_METRICS
    _metrics: dict = field(init=False, repr=False)
    _sentence_bleu: BLEU | None = field(init=False, repr=False)
    _fast: dict = field(init=False, repr=False)
    _scorers: dict = field(init=False, repr=False)
    _totals: dict = field(init=False, repr=False)
    _nrefs: set = field(init=False, repr=False)
    segments: int = field(init=False, default=0)

    def __post_init__(self):
        self.names = tuple(dict.fromkeys(self.names))
        for n in self.names:  # an unknown name is an error now, not at the first reference
            if n not in METRIC_NAMES:
                raise ValueError(f"unknown metric {n!r} (choose from {', '.join(METRIC_NAMES)})")
        # The sacrebleu objects are made at the first segment with a reference (`_objects`): a
        # run without references never imports sacrebleu.
        self._metrics = None
        self._sentence_bleu = None
        self._totals = {n: None for n in self.names}
        self._nrefs = set()

    def _objects(self) -> dict:
        if self._metrics is None:
            from sacrebleu.metrics import BLEU

            self._sentence_bleu = BLEU(effective_order=True)
            self._metrics = {n: _make(n) for n in self.names}
            self._fast = {n: _fast_stats(m) for n, m in self._metrics.items()}
            from mtqa.metrics.sentence import scorer

            self._scorers = {n: scorer(self._sentence_bleu if n == "bleu" else m) for n, m in self._metrics.items()}
        return self._metrics

    def metric(self, name: str):
        """The run's sacrebleu metric object for `name`."""
        return self._objects()[name]

    def prepare(self, segments) -> None:
        """Count ahead, in one pass, what `segment_stats` will be asked of these segments (the
        engine calls it with the next few): chrF's statistics cost less a group than a pair."""
        pairs = [(s.hyp, r) for s in segments if s.refs for r in s.refs if r is not None]
        if not pairs or "chrf" not in self.names:
            return
        from mtqa.metrics import ngrams

        self._objects()
        if self._fast["chrf"] is ngrams.chrf_stats:  # the default chrF (not chrF++)
            ngrams.prepare_chrf(pairs)

    def segment_stats(self, hyp: str, refs: Sequence[str]) -> dict[str, list]:
        """Sufficient statistics of one corpus segment against its references, per metric."""
        self._nrefs.add(len(refs))
        return self._stats(hyp, refs)

    def _stats(self, hyp: str, refs: Sequence[str]) -> dict[str, list]:
        out = {}
        ref_docs = None
        num_refs = len(refs) - tuple(refs).count(None)  # as sacrebleu's reference cache sets it
        for n, m in self._objects().items():
            fast = self._fast[n]
            if fast is not None:
                m.num_refs = num_refs
                out[n] = fast(m, hyp, refs)
            else:
                ref_docs = ref_docs or [[r] for r in refs]
                out[n] = m._extract_corpus_statistics([hyp], ref_docs)[0]
        return out

    def sentence_scores(self, stats: dict[str, list]) -> dict[str, float]:
        self._objects()
        scorers = self._scorers
        return {n: round(scorers[n](s), 4) for n, s in stats.items()}

    def score_segment(self, hyp: str, refs: Sequence[str]) -> dict[str, float]:
        """Sentence scores of one segment; its statistics join the running corpus sums."""
        stats = self.segment_stats(hyp, refs)
        self.accumulate(stats)
        return self.sentence_scores(stats)

    def score_sentence(self, hyp: str, refs: Sequence[str]) -> dict[str, float]:
        """Sentence scores of a part of a segment (an aligned sentence): not added to the corpus."""
        return self.sentence_scores(self._stats(hyp, refs))

    def accumulate(self, stats: dict[str, list], nrefs: int | None = None) -> None:
        """Add one segment's statistics to the corpus sums (`nrefs`: its reference count, when
        the statistics were extracted elsewhere, e.g. in a worker process)."""
        if nrefs is not None:
            self._nrefs.add(nrefs)
        self.segments += 1
        for n, s in stats.items():
            self._totals[n] = _add(self._totals[n], s)

    def corpus_scores(self) -> dict[str, float] | None:
        if not self.segments:
            return None
        return {n: round(self._objects()[n]._compute_score_from_stats(t).score, 4)
                for n, t in self._totals.items() if t is not None}

    def signatures(self) -> dict[str, str]:
        """sacrebleu signatures; `nrefs` counts the references of the corpus segments (`var` when
        it varies, as sacrebleu says), not those of the last call."""
        out = {}
        for n, m in self._objects().items():
            if self._nrefs:
                m.num_refs = next(iter(self._nrefs)) if len(self._nrefs) == 1 else -1
            out[n] = m.get_signature().format()
        return out


_SENTENCE_CHRF = None


def sentence_chrf(hyp: str, ref: str) -> float:
    """Sentence chrF of one pair (one CHRF object for the process), for checks that need it."""
    global _SENTENCE_CHRF
    if _SENTENCE_CHRF is None:
        from sacrebleu.metrics import CHRF

        _SENTENCE_CHRF = CHRF()
    from mtqa.metrics.ngrams import chrf_pair_stats
    from mtqa.metrics.sentence import sentence_chrf as sentence_f_score  # its _compute_f_score

    # sacrebleu's sentence_score of one reference is the F-score of that pair's statistics; the
    # n-grams of both texts stay cached for the run's metrics of the same segment.
    _SENTENCE_CHRF._check_sentence_score_args(hyp, [ref])
    return sentence_f_score(chrf_pair_stats(hyp, ref))
