"""The engine: segments in, results out, one at a time.

For each segment it runs the selected rules whose needs are met (a rule that needs the
source is skipped when there is none), turns Hits into Findings (setting `text` from the
field, so offsets always hold), sorts them, scores the segment and, with a reference, adds
its sentence metrics (for a document, per aligned sentence too: `mtqa.align.document`). It is a
generator over a generator, so memory does not grow with the batch; with metrics it reads a few
segments ahead, so that their statistics are counted together (`MetricSuite.prepare`).
"""
from __future__ import annotations

from dataclasses import replace
from itertools import islice
from typing import Iterable, Iterator

from mtqa import scoring
from mtqa.context import Context
from mtqa.metrics.scores import MetricSuite
from mtqa.model import FIELDS, Finding, Hit, Related, Segment, SegmentResult
from mtqa.rules import CheckFn, Rule
from mtqa.text.tokens import word_count


class CheckError(RuntimeError):
    """A check broke its contract (a span outside its field): a bug in mtqa, not in the input."""


_FIELD_ORDER = {name: i for i, name in enumerate(FIELDS)}


_NEITHER, _SRC, _REF, _BOTH = frozenset(), frozenset({"src"}), frozenset({"ref"}), frozenset({"src", "ref"})


def _available(segment: Segment) -> frozenset[str]:
    src = segment.src is not None and bool(segment.src.strip())
    ref = bool(segment.refs) and any(r.strip() for r in segment.refs)
    return (_BOTH if ref else _SRC) if src else (_REF if ref else _NEITHER)


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
        related=tuple(_related(rule.code, field, start, end, segment) for field, start, end in hit.related),
    )


def _related(code: str, field: str, start: int, end: int, segment: Segment) -> Related:
    text = segment.field_text(field)
    if text is None or not (0 <= start <= end <= len(text)):
        raise CheckError(f"rule {code} gave related span {field}[{start}:{end}] outside the field on "
                         f"segment {segment.id!r}")
    return Related(code, field, start, end, text[start:end])


def _overlap(field: str, start: int, end: int, other_field: str, other_start: int, other_end: int) -> int:
    """Characters two spans share (1 for an empty span inside the other); 0 when apart."""
    if field != other_field:
        return 0
    if start == end or other_start == other_end:
        return int(other_start <= start <= other_end or start <= other_start <= end)
    return max(0, min(end, other_end) - max(start, other_start))


def fold_same_errors(findings: list[Finding], rules: dict[str, Rule]) -> list[Finding]:
    """One error, one finding: a finding whose rule defers to another (OM002 "added paragraph" to
    a boilerplate rule, NU002 "source number missing" to NU001 "number not in source") and that
    lies on a finding of that rule, or on the evidence that finding names, is folded into it as
    `related`. The specific finding keeps its own severity, message and suggestion, so the
    penalty and the counts count errors, and no two findings ask to delete the same text."""
    out = list(findings)
    for g in findings:
        selectors = rules[g.rule].defers_to
        if not selectors or g not in out:
            continue
        best, best_overlap = None, 0
        for k, s in enumerate(out):
            if s is g or not any(s.rule.startswith(sel) for sel in selectors):
                continue
            spans = [(s.field, s.start, s.end), *((r.field, r.start, r.end) for r in s.related)]
            overlap = max(_overlap(g.field, g.start, g.end, *span) for span in spans)
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is not None:
            s = out[best]
            out[best] = replace(s, related=(*s.related, Related(g.rule, g.field, g.start, g.end, g.text), *g.related))
            out.remove(g)
    return out


class RulePlan:
    """The selected rules, with the subset that runs on a segment worked out once per kind of
    segment (which of source and reference it has, its target language) instead of testing every
    rule's needs and languages on every segment."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = tuple(rules)
        #: code -> rule, for fold_same_errors (every finding's rule is among them)
        self.by_code = {r.code: r for r in self.rules}
        self._runnable: dict[tuple[frozenset[str], str | None], tuple[Rule, ...]] = {}
        self._checks: dict[tuple[frozenset[str], str | None], tuple[tuple[Rule, CheckFn], ...]] = {}

    def runnable(self, have: frozenset[str], tgt_lang: str | None) -> tuple[Rule, ...]:
        key = (have, tgt_lang)
        found = self._runnable.get(key)
        if found is None:
            found = self._runnable[key] = tuple(
                r for r in self.rules if r.needs <= have and r.applies_to(tgt_lang))
        return found

    def checks(self, have: frozenset[str], tgt_lang: str | None) -> tuple[tuple[Rule, CheckFn], ...]:
        """`runnable` as (rule, its check) pairs: the engine's loop then looks up no attribute."""
        key = (have, tgt_lang)
        found = self._checks.get(key)
        if found is None:
            found = self._checks[key] = tuple((r, r.check) for r in self.runnable(have, tgt_lang))
        return found


def plan(rules: Iterable[Rule] | RulePlan) -> RulePlan:
    return rules if isinstance(rules, RulePlan) else RulePlan(rules)


def _sort_key(f: Finding):
    return (_FIELD_ORDER[f.field], f.start, f.end, -f.severity, f.rule)


def check_segment(segment: Segment, rules: Iterable[Rule] | RulePlan, ctx: Context,
                  metrics: MetricSuite | None = None, keep_stats: bool = False) -> SegmentResult:
    """Findings, penalty and metrics of one segment. `keep_stats` puts the segment's sacrebleu
    statistics in the result (worker processes send them to the process that sums the corpus).
    Callers that check many segments pass a `RulePlan` (made once) as `rules`."""
    have = _available(segment)
    rules = plan(rules)
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for r, check in rules.checks(have, segment.tgt_lang):
        for hit in check(segment, ctx):
            key = (r.code, hit.field, hit.start, hit.end)
            if key not in seen:  # one rule, one span, one finding
                seen.add(key)
                findings.append(make_finding(r, hit, segment))
    if len(findings) > 1:
        findings = fold_same_errors(findings, rules.by_code)
    findings.sort(key=_sort_key)
    scores = sentences = stats = None
    # Any given reference counts, even a blank line: sacrebleu scores those too, and the
    # corpus sums must stay equal to its corpus_score on the same files.
    if metrics is not None and segment.refs:
        stats = metrics.segment_stats(segment.hyp, segment.refs)
        metrics.accumulate(stats)
        scores = metrics.sentence_scores(stats)
        if segment.is_document and "ref" in have:
            # Imported here: only an article with a reference needs the sentence alignment
            # (~3 ms of imports a run would otherwise pay, its dataclasses included).
            from mtqa.align.document import sentence_results

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


#: Segments read ahead so that the metrics count their statistics together (MetricSuite.prepare).
PREPARE_AHEAD = 32


def run(segments: Iterable[Segment], rules: Iterable[Rule], ctx: Context,
        metrics: MetricSuite | None = None) -> Iterator[SegmentResult]:
    rules = plan(rules)
    if metrics is None:
        for segment in segments:
            yield check_segment(segment, rules, ctx, metrics)
        return
    it = iter(segments)
    while chunk := list(islice(it, PREPARE_AHEAD)):
        metrics.prepare(chunk)
        for segment in chunk:
            yield check_segment(segment, rules, ctx, metrics)
