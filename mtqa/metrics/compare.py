"""Compare two systems' outputs for the same source and reference (`mtqa compare`).

Pure: segment pairs (baseline, candidate) in, a `Comparison` value out. For each pair it
extracts sacrebleu's sufficient statistics of both systems with one metric object per metric
(`MetricSuite`), keeps them in compact arrays, and keeps the `top` segments where the two
systems' sentence chrF differ most in a bounded heap. Significance is sacrebleu's own paired
bootstrap resampling (`sacrebleu.significance.PairedTest`, test type `bs`), run on those
statistics, so scores, p-values, means and 95% confidence intervals are exactly what
`sacrebleu REF -i BASELINE CANDIDATE --paired-bs` prints (same seed: `SACREBLEU_SEED`, 12345
by default). With rules, both systems are also checked and their findings counted.

Memory: the statistics take 8 bytes per number (18 numbers a segment for chrF, 10 for BLEU, 2
for TER) per system. sacrebleu's resampling then builds every resample at once, about
`n_samples * segments * (8 + 4 * numbers)` bytes for the largest metric, so `estimate_bytes`
lets the caller refuse a batch that would not fit before any work is done.
"""
from __future__ import annotations

import os
from array import array
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from mtqa import scoring
from mtqa.context import Context
from mtqa.engine import check_segment
from mtqa.metrics import distribution
from mtqa.metrics.names import DEFAULT_ALPHA, DEFAULT_SAMPLES, DEFAULT_TOP
from mtqa.metrics.scores import MetricSuite
from mtqa.model import Segment, Severity
from mtqa.rules import Rule

#: Whether a higher score is better, per metric (TER is an error rate).
HIGHER_IS_BETTER = {"bleu": True, "chrf": True, "chrf++": True, "ter": False}
#: sacrebleu statistics per segment, per metric (chrF: 3 per order, 6 orders; chrF++: 8 orders).
STATS_WIDTH = {"bleu": 10, "chrf": 18, "chrf++": 24, "ter": 2}
DIFF_METRIC = "chrf"


@dataclass(frozen=True)
class SystemScore:
    """A system's corpus score, and its bootstrap mean and 95% confidence half-width."""

    score: float
    mean: float | None = None
    ci: float | None = None


@dataclass(frozen=True)
class MetricComparison:
    name: str
    baseline: SystemScore
    candidate: SystemScore
    p_value: float
    signature: str
    short_signature: str = ""

    @property
    def delta(self) -> float:
        """Candidate minus baseline, in the metric's own direction (for TER, lower is better)."""
        return round(self.candidate.score - self.baseline.score, 4)

    def significant(self, alpha: float) -> bool:
        return self.p_value < alpha

    def verdict(self, alpha: float) -> str:
        """`better`, `worse` (the candidate, significantly) or `same` (no significant difference)."""
        if not self.significant(alpha) or self.delta == 0:
            return "same"
        better = self.delta > 0 if HIGHER_IS_BETTER[self.name] else self.delta < 0
        return "better" if better else "worse"


@dataclass(frozen=True)
class Difference:
    """A segment where the two systems' sentence chrF differ a lot."""

    id: str
    index: int
    baseline: float
    candidate: float
    baseline_hyp: str
    candidate_hyp: str
    ref: str

    @property
    def delta(self) -> float:
        return round(self.candidate - self.baseline, 4)


@dataclass(frozen=True)
class SystemFindings:
    by_severity: dict[str, int]
    penalty: float
    words: int

    @property
    def per_100_words(self) -> float:
        return scoring.per_100_words(self.penalty, self.words)


@dataclass(frozen=True)
class Comparison:
    segments: int
    metrics: tuple[MetricComparison, ...]
    differences: tuple[Difference, ...]
    n_samples: int
    seed: str
    alpha: float
    findings: dict[str, SystemFindings] | None = None  # "baseline" / "candidate", when checked
    #: segments where each system's sentence chrF is higher ("tie": equal)
    wins: dict[str, int] = field(default_factory=dict)

    def metric(self, name: str) -> MetricComparison:
        for m in self.metrics:
            if m.name == name:
                return m
        raise KeyError(name)

    def worse(self, name: str) -> bool:
        """True when the candidate is significantly worse than the baseline on this metric."""
        return self.metric(name).verdict(self.alpha) == "worse"


# ----------------------------------------------------------------------------- statistics

class _Stats:
    """One system's per-segment statistics for one metric, 8 bytes a number."""

    def __init__(self, width: int):
        self.width = width
        self._flat = array("d")

    def append(self, row: Sequence[float]) -> None:
        self._flat.extend(row)

    def rows(self):
        import numpy as np

        return np.frombuffer(self._flat, dtype=np.float64).reshape(-1, self.width)


class _System:
    """A system as sacrebleu's PairedTest sees it: a sequence with one entry per segment. It
    stands in for the list of hypotheses; its metrics' statistics are already extracted."""

    def __init__(self, names: Sequence[str]):
        self.stats = {n: _Stats(STATS_WIDTH[n]) for n in names}
        self.segments = 0

    def add(self, stats: dict[str, list]) -> None:
        for n, row in stats.items():
            if n in self.stats:
                self.stats[n].append(row)
        self.segments += 1

    def __len__(self) -> int:
        return self.segments


class _Precomputed:
    """A sacrebleu metric whose statistics were extracted while streaming: PairedTest asks it to
    extract a system's statistics and gets the stored rows; everything else (scores from
    statistics, signatures) is the metric's own code."""

    def __init__(self, name: str, metric):
        self._name = name
        self._metric = metric

    def _extract_corpus_statistics(self, hypotheses: _System, references):
        return hypotheses.stats[self._name].rows()

    def __getattr__(self, attr):
        return getattr(self._metric, attr)


def estimate_bytes(segments: int, metrics: Iterable[str], n_samples: int) -> int:
    """Peak bytes of sacrebleu's paired bootstrap (indices plus the gathered resamples)."""
    width = max(STATS_WIDTH[m] for m in metrics)
    return n_samples * segments * (8 + 4 * width)


def paired_bootstrap(suite: MetricSuite, baseline: _System, candidate: _System,
                     n_samples: int) -> dict[str, tuple[SystemScore, SystemScore, float, str, str]]:
    """sacrebleu's PairedTest (paired bootstrap) on stored statistics, per metric name:
    (baseline, candidate, p-value, signature, short signature)."""
    from sacrebleu.significance import PairedTest

    names = list(baseline.stats)  # the compared metrics (the suite may hold chrF for ranking only)
    metrics = {n: _Precomputed(n, suite.metric(n)) for n in names}
    test = PairedTest([("baseline", baseline), ("candidate", candidate)], metrics, references=None,
                      test_type="bs", n_samples=n_samples)
    signatures, results = test()
    # sacrebleu keys results by score name ("BLEU", "chrF2"...), in the order of `metrics`.
    score_names = [k for k in results if k != "System"]
    out = {}
    for name, key in zip(names, score_names):
        bl, cand = results[key]
        out[name] = (SystemScore(_r(bl.score), _r(bl.mean), _r(bl.ci)),
                     SystemScore(_r(cand.score), _r(cand.mean), _r(cand.ci)),
                     _r(cand.p_value), signatures[key].format(), signatures[key].format(short=True))
    return out


def _r(value) -> float | None:
    return None if value is None else round(float(value), 4)


# ----------------------------------------------------------------------------- compare

@dataclass
class _Tally:
    by_severity: dict[str, int] = field(default_factory=lambda: {s.label: 0 for s in Severity})
    penalty: float = 0.0
    words: int = 0

    def add(self, segment: Segment, rules: Sequence[Rule], ctx: Context) -> None:
        result = check_segment(segment, rules, ctx)
        for f in result.findings:
            self.by_severity[f.severity.label] += 1
        self.penalty += result.score
        self.words += result.words

    def freeze(self) -> SystemFindings:
        return SystemFindings(dict(self.by_severity), round(self.penalty, 4), self.words)


def compare(pairs: Iterable[tuple[Segment, Segment]], metrics: Sequence[str] = ("bleu", "chrf"), *,
            n_samples: int = DEFAULT_SAMPLES, alpha: float = DEFAULT_ALPHA, top: int = DEFAULT_TOP,
            rules: Sequence[Rule] | None = None, ctx: Context | None = None,
            max_bytes: int | None = None) -> Comparison:
    """Compare a baseline and a candidate segment by segment (both scored against the
    baseline segment's references); see the module docstring.

    `max_bytes` bounds the memory of the significance test: ValueError when the batch needs more.
    """
    names = tuple(dict.fromkeys(metrics))
    if not names:
        raise ValueError("no metric to compare")
    # chrF is always extracted: it ranks the segments where the systems differ most.
    suite = MetricSuite(names if DIFF_METRIC in names else names + (DIFF_METRIC,))
    chrf = suite.metric(DIFF_METRIC)
    baseline, candidate = _System(names), _System(names)
    most = distribution.Lowest(top)
    wins = {"baseline": 0, "candidate": 0, "tie": 0}
    tallies = (_Tally(), _Tally()) if rules is not None else None
    if rules is not None:
        from mtqa.engine import plan

        rules = plan(rules)  # which rules run on which kind of segment, worked out once
    ctx = ctx or Context()
    for k, (b, c) in enumerate(pairs):
        b_stats = suite.segment_stats(b.hyp, b.refs)
        c_stats = suite.segment_stats(c.hyp, b.refs)
        baseline.add(b_stats)
        candidate.add(c_stats)
        b_chrf = chrf._compute_score_from_stats(b_stats[DIFF_METRIC]).score
        c_chrf = chrf._compute_score_from_stats(c_stats[DIFF_METRIC]).score
        delta = c_chrf - b_chrf
        wins["candidate" if delta > 0 else "baseline" if delta < 0 else "tie"] += 1
        if delta:
            most.offer(-abs(delta), lambda b=b, c=c, k=k, bc=b_chrf, cc=c_chrf: Difference(
                b.id, b.index, round(bc, 4), round(cc, 4), b.hyp, c.hyp, b.refs[0] if b.refs else ""))
        if tallies is not None:
            tallies[0].add(b, rules, ctx)
            tallies[1].add(replace(c, refs=b.refs, src=c.src if c.src is not None else b.src), rules, ctx)
    if not baseline.segments:
        raise ValueError("no segments to compare")
    if max_bytes is not None and estimate_bytes(baseline.segments, names, n_samples) > max_bytes:
        raise MemoryError(estimate_bytes(baseline.segments, names, n_samples))
    suite.signatures()  # settles `nrefs` on the metric objects before sacrebleu formats signatures
    tests = paired_bootstrap(suite, baseline, candidate, n_samples)
    results = tuple(MetricComparison(n, *tests[n]) for n in names)
    seed = os.environ.get("SACREBLEU_SEED", "12345").lower()
    findings = None
    if tallies is not None:
        findings = {"baseline": tallies[0].freeze(), "candidate": tallies[1].freeze()}
    return Comparison(baseline.segments, results, tuple(most.items()), n_samples, seed, alpha,
                      findings, wins)


@dataclass(frozen=True)
class CompareRun:
    """What `mtqa compare` reports: the comparison, its inputs and the gate."""

    version: str
    inputs: dict[str, object]
    comparison: Comparison
    fail_if_worse: str | None = None

    @property
    def failed(self) -> bool:
        return self.fail_if_worse is not None and self.comparison.worse(self.fail_if_worse)

    @property
    def verdict(self) -> str:
        return scoring.verdict(self.failed)
