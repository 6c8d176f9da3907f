"""The Report: run metadata, a stream of segment results and the summary they add up to.

A Report never prints itself. Results are consumed once: iterating the report yields each
SegmentResult and folds it into the running summary, so reporters can write segment by
segment and read `summary` at the end without the batch ever being held in memory.
"""
from __future__ import annotations

import collections
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

from mtqa import scoring
from mtqa.metrics.distribution import Item, ScoreDistribution, pick_metric
from mtqa.metrics.scores import MetricSuite
from mtqa.model import SegmentResult, Severity

EXCERPT_CHARS = 120


@dataclass(frozen=True)
class RunInfo:
    """What was checked and how: shown in report headers, never used by checks."""

    version: str
    mode: str                      # "segments" or "document"
    inputs: dict[str, object]      # field -> file name(s)
    languages: dict[str, object]   # {"src": "fr", "tgt": "en", "detected": {...}}
    fail_on: str
    rules: tuple[str, ...]         # codes of the rules that ran
    gates: tuple[scoring.MetricGate, ...] = ()   # --min-chrf, --min-bleu, --max-ter
    severities: Mapping[str, Severity] = field(default_factory=dict)  # rule code -> configured severity
    config: str | None = None      # the configuration file used, if any
    baseline: str | None = None    # the baseline file findings were compared with, if any


@dataclass
class Summary:
    segments: int = 0
    words: int = 0
    penalty: float = 0.0
    findings: int = 0
    segments_with_findings: int = 0
    by_severity: dict[str, int] = field(default_factory=lambda: {s.label: 0 for s in Severity})
    by_rule: collections.Counter = field(default_factory=collections.Counter)
    worst_by_rule: dict[str, Severity] = field(default_factory=dict)  # a rule's findings may differ from its default
    metrics: dict[str, float] | None = None
    metric_signatures: dict[str, str] | None = None
    gates: list[scoring.GateResult] = field(default_factory=list)
    baselined: int | None = None   # findings left out because the baseline has them
    hidden: int = 0                # findings left out as below --min-confidence
    min_confidence: str = "low"
    #: sentence-level scores of the segments (or of a document's aligned sentences)
    distribution: ScoreDistribution | None = None
    failed: bool = False

    def add(self, result: SegmentResult) -> None:
        if self.distribution is not None:
            _observe(self.distribution, result)
        self.segments += 1
        self.words += result.words
        self.penalty += scoring.penalty(result.findings)
        if result.findings:
            self.segments_with_findings += 1
        for f in result.findings:
            self.findings += 1
            self.by_severity[f.severity.label] += 1
            self.by_rule[f.rule] += 1
            if f.severity > self.worst_by_rule.get(f.rule, 0):
                self.worst_by_rule[f.rule] = f.severity

    @property
    def penalty_per_100_words(self) -> float:
        return scoring.per_100_words(self.penalty, self.words)

    @property
    def verdict(self) -> str:
        return scoring.verdict(self.failed)

    @property
    def failed_gates(self) -> list[scoring.GateResult]:
        return [g for g in self.gates if not g.passed]


def _observe(dist: ScoreDistribution, result: SegmentResult) -> None:
    seg = result.segment
    name = dist.metric
    if seg.is_document:
        for k, sent in enumerate(result.sentences or ()):
            if sent.metrics and name in sent.metrics:
                dist.add(sent.metrics[name], lambda k=k, sent=sent: Item(
                    sent.metrics[name], seg.id, seg.index, k, sent.hyp, sent.ref,
                    excerpt=seg.hyp[sent.hyp[0]:sent.hyp[1]][:EXCERPT_CHARS],
                    line=seg.hyp.count("\n", 0, sent.hyp[0]) + 1))
    elif result.metrics and name in result.metrics:
        dist.add(result.metrics[name], lambda: Item(result.metrics[name], seg.id, seg.index,
                                                    excerpt=seg.hyp[:EXCERPT_CHARS]))


class Report:
    """A single-use stream of results with a summary that is complete once they are consumed."""

    def __init__(self, info: RunInfo, results: Iterable[SegmentResult],
                 metrics: MetricSuite | None = None, baseline=None, confidence_floor=None):
        self.info = info
        self._results = results
        self._metrics = metrics
        self._baseline = baseline  # a mtqa.config.baseline.BaselineFilter, counting what it left out
        self._floor = confidence_floor  # a mtqa.config.severity.ConfidenceFloor, counting what it hid
        self.summary = Summary()
        if metrics is not None and pick_metric(metrics.names):
            level = "sentence" if info.mode == "document" else "segment"
            self.summary.distribution = ScoreDistribution(pick_metric(metrics.names), level)
        self._done = False

    def __iter__(self) -> Iterator[SegmentResult]:
        if self._done:
            raise RuntimeError("a Report's results can be consumed only once")
        for result in self._results:
            self.summary.add(result)
            yield result
        self._finish()

    def _finish(self) -> None:
        s = self.summary
        if self._metrics is not None and self._metrics.segments:
            s.metrics = self._metrics.corpus_scores()
            s.metric_signatures = self._metrics.signatures()
        s.gates = scoring.evaluate_gates(self.info.gates, s.metrics)
        if self._baseline is not None:
            s.baselined = self._baseline.baselined
        if self._floor is not None:
            s.hidden = self._floor.hidden
            s.min_confidence = self._floor.minimum.label
        s.failed = scoring.gate_fails(s.by_severity, self.info.fail_on) or bool(s.failed_gates)
        self._done = True

    @property
    def done(self) -> bool:
        return self._done
