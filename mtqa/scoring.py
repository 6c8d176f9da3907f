"""MQM-style scoring, the verdict and the exit-code policy (the one owner of both).

Weights follow the WMT MQM convention (Freitag et al. 2021; GEMBA-MQM): minor 1, major 5,
critical 25, with minor punctuation weighted 0.1 because it changes appearance, not meaning.
The segment score is the penalty total (higher = worse), also given per 100 words.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from mtqa.model import Finding, Severity

WEIGHTS = {Severity.MINOR: 1.0, Severity.MAJOR: 5.0, Severity.CRITICAL: 25.0}
#: (category, severity) pairs with a weight other than the severity's own.
SPECIAL_WEIGHTS = {("fluency/punctuation", Severity.MINOR): 0.1}

FAIL_ON_CHOICES = ("minor", "major", "critical", "never")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2          # a usage or input error: one line on stderr
EXIT_INTERNAL = 3       # a bug in mtqa (never bad input): one line, the traceback with MTQA_DEBUG=1
EXIT_SIGINT = 130       # 128 + SIGINT, as shells report a command stopped by Ctrl-C
EXIT_SIGTERM = 143      # 128 + SIGTERM


def weight(finding: Finding) -> float:
    return SPECIAL_WEIGHTS.get((finding.category, finding.severity), WEIGHTS[finding.severity])


def penalty(findings: Iterable[Finding]) -> float:
    if not findings:  # most segments: round(sum(()), 4) is the int 0 (the report writes "0")
        return 0
    return round(sum(weight(f) for f in findings), 4)


#: Weight of the reference distance (1 - chrF/100) in a segment's score: at most one minor
#: finding, so findings always dominate, and segments with the same findings are still
#: ordered by how far they are from their reference.
REFERENCE_DISTANCE_WEIGHT = 1.0


def segment_score(findings: Iterable[Finding], metrics=None) -> float:
    """The segment's `score`: its MQM penalty, plus, when a reference was scored, the distance
    from it (1 - chrF/100). Higher is worse."""
    score = penalty(findings)
    if metrics and "chrf" in metrics:
        score += REFERENCE_DISTANCE_WEIGHT * (1.0 - metrics["chrf"] / 100.0)
    return round(score, 4)


def per_100_words(total_penalty: float, words: int) -> float:
    return round(100.0 * total_penalty / max(words, 1), 4)


def fail_threshold(fail_on: str) -> Severity | None:
    """The lowest severity that fails the run, or None for `never`."""
    if fail_on not in FAIL_ON_CHOICES:
        raise ValueError(f"unknown --fail-on value {fail_on!r} (choose from {', '.join(FAIL_ON_CHOICES)})")
    return None if fail_on == "never" else Severity.parse(fail_on)


def gate_fails(by_severity: dict[str, int], fail_on: str) -> bool:
    threshold = fail_threshold(fail_on)
    if threshold is None:
        return False
    return any(by_severity.get(s.label, 0) for s in Severity if s >= threshold)


@dataclass(frozen=True)
class MetricGate:
    """A bound on a corpus metric: `chrf >= 50` (minimum) or `ter <= 60` (maximum)."""

    metric: str
    threshold: float
    minimum: bool = True

    @property
    def op(self) -> str:
        return ">=" if self.minimum else "<="

    def __str__(self) -> str:
        return f"{self.metric} {self.op} {self.threshold:g}"


@dataclass(frozen=True)
class GateResult:
    gate: MetricGate
    value: float | None  # None: no segment had a reference, so the score could not be computed
    passed: bool

    def as_dict(self) -> dict:
        return {"metric": self.gate.metric, "op": self.gate.op, "threshold": self.gate.threshold,
                "value": self.value, "passed": self.passed}

    def describe(self) -> str:
        if self.value is None:
            return f"{self.gate}: no reference to score against"
        return f"{self.gate.metric} {self.value:.2f} {'meets' if self.passed else 'fails'} {self.gate}"


def evaluate_gates(gates: Iterable[MetricGate], corpus: Mapping[str, float] | None) -> list[GateResult]:
    """Each gate against the corpus scores; a gate whose metric has no score fails (a CI gate
    that cannot be evaluated must not pass silently)."""
    out = []
    for gate in gates:
        value = (corpus or {}).get(gate.metric)
        if value is None:
            out.append(GateResult(gate, None, False))
        else:
            ok = value >= gate.threshold if gate.minimum else value <= gate.threshold
            out.append(GateResult(gate, value, ok))
    return out


def verdict(failed: bool) -> str:
    return "fail" if failed else "pass"


def exit_code(failed: bool) -> int:
    return EXIT_FINDINGS if failed else EXIT_OK
