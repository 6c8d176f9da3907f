"""Per-rule severity overrides from the configuration, and the confidence floor, applied to the
engine's results.

They apply after the checks, to every finding of the rule (a check's own per-hit severity
included): the project's word on how much a rule matters is final. Scores are recomputed.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator, Mapping

from mtqa import scoring
from mtqa.model import Confidence, SegmentResult, Severity


def override_severities(results: Iterable[SegmentResult],
                        severities: Mapping[str, Severity]) -> Iterator[SegmentResult]:
    if not severities:
        yield from results
        return
    for result in results:
        if not any(f.rule in severities and f.severity != severities[f.rule] for f in result.findings):
            yield result
            continue
        findings = tuple(replace(f, severity=severities.get(f.rule, f.severity)) for f in result.findings)
        yield replace(result, findings=findings, score=scoring.segment_score(findings, result.metrics))


class ConfidenceFloor:
    """Leaves out findings below `--min-confidence` (the report, its counts and the gate then see
    only the rest) and counts them, so the summary can say how many were hidden."""

    def __init__(self, minimum: Confidence):
        self.minimum = minimum
        self.hidden = 0

    def apply(self, results: Iterable[SegmentResult]) -> Iterator[SegmentResult]:
        for result in results:
            if not result.findings:  # most segments: nothing to leave out
                yield result
                continue
            kept = tuple(f for f in result.findings if f.confidence >= self.minimum)
            if len(kept) == len(result.findings):
                yield result
                continue
            self.hidden += len(result.findings) - len(kept)
            yield replace(result, findings=kept, score=scoring.segment_score(kept, result.metrics))
