"""The engine: segments in, results out, one at a time.

For each segment it runs the selected rules whose needs are met (a rule that needs the
source is skipped when there is none), turns Hits into Findings (setting `text` from the
field, so offsets always hold), sorts them, scores the segment and, with a reference, adds
its sentence metrics (for a document, per aligned sentence too: `mtqa.align.document`). It is a
generator over a generator, so memory does not grow with the batch.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from mtqa import scoring
from mtqa.align.document import sentence_results
from mtqa.context import Context
from mtqa.metrics.scores import MetricSuite
from mtqa.model import FIELDS, Finding, Hit, Segment, SegmentResult
from mtqa.rules import Rule
from mtqa.text.tokens import word_count


class CheckError(RuntimeError):
    """A check broke its contract (a span outside its field): a bug in mtqa, not in the input."""


_FIELD_ORDER = {name: i for i, name in enumerate(FIELDS)}


def _available(segment: Segment) -> set[str]:
    have = set()
    if segment.src is not None and segment.src.strip():
        have.add("src")
    if segment.refs and any(r.strip() for r in segment.refs):
        have.add("ref")
    return have


def make_finding(rule: Rule, hit: Hit, segment: Segment) -> Finding:
    text = segment.field_text(hit.field)
    if text is None or not (0 <= hit.start <= hit.end <= len(text)):
        raise CheckError(
            f"rule {rule.code} returned span {hit.field}[{hit.start}:{hit.end}] outside the field "
            f"(length {None if text is None else len(text)}) on segment {segment.id!r}")
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=hit.severity or rule.severity,
        category=rule.category,
        message=hit.message,
        field=hit.field,
        start=hit.start,
        end=hit.end,
        text=text[hit.start:hit.end],
        suggestion=hit.suggestion,
        confidence=hit.confidence or rule.confidence,
        fix=hit.fix,
    )


def _sort_key(f: Finding):
    return (_FIELD_ORDER[f.field], f.start, f.end, -f.severity, f.rule)


def check_segment(segment: Segment, rules: Iterable[Rule], ctx: Context,
                  metrics: MetricSuite | None = None, keep_stats: bool = False) -> SegmentResult:
    """Findings, penalty and metrics of one segment. `keep_stats` puts the segment's sacrebleu
    statistics in the result (worker processes send them to the process that sums the corpus)."""
    have = _available(segment)
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for r in rules:
        if not r.needs <= have or not r.applies_to(segment.tgt_lang):
            continue
        for hit in r.check(segment, ctx):
            key = (r.code, hit.field, hit.start, hit.end)
            if key not in seen:  # one rule, one span, one finding
                seen.add(key)
                findings.append(make_finding(r, hit, segment))
    findings.sort(key=_sort_key)
    scores = sentences = stats = None
    # Any given reference counts, even a blank line: sacrebleu scores those too, and the
    # corpus sums must stay equal to its corpus_score on the same files.
    if metrics is not None and segment.refs:
        stats = metrics.segment_stats(segment.hyp, segment.refs)
        metrics.accumulate(stats)
        scores = metrics.sentence_scores(stats)
        if segment.is_document and "ref" in have:
            sentences = sentence_results(segment, metrics)
    return SegmentResult(
        segment=segment,
        findings=tuple(findings),
        score=scoring.segment_score(findings, scores),
        words=word_count(segment.hyp),
        metrics=scores,
        metric_stats=stats if keep_stats else None,
        sentences=sentences,
    )


def run(segments: Iterable[Segment], rules: Iterable[Rule], ctx: Context,
        metrics: MetricSuite | None = None) -> Iterator[SegmentResult]:
    rules = tuple(rules)
    for segment in segments:
        yield check_segment(segment, rules, ctx, metrics)
