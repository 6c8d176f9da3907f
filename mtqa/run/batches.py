"""What every executor does around the engine: cut the stream into batches, check a batch into
compact rows (the segment itself is not sent back: the caller still has it), and turn rows back
into results in input order, summing each segment's sacrebleu statistics into the corpus score."""
from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, Iterable, Iterator

from mtqa.model import Segment, SegmentResult

if TYPE_CHECKING:  # the engine (and sacrebleu under it) loads when a run starts, not for `--help`
    from mtqa.context import Context
    from mtqa.metrics.scores import MetricSuite
    from mtqa.rules import Rule


def batches(segments: Iterable[Segment], size: int) -> Iterator[list[Segment]]:
    it = iter(segments)
    while batch := list(islice(it, size)):
        yield batch


def check_rows(segments: list[Segment], rules: tuple[Rule, ...], ctx: Context,
               metrics: MetricSuite | None) -> list[tuple]:
    """What `engine.run` does to these segments, as picklable rows (one a segment)."""
    from mtqa.engine import RulePlan, check_segment

    out = []
    plan = RulePlan(rules)
    if metrics is not None:
        metrics.prepare(segments)
    for segment in segments:
        r = check_segment(segment, plan, ctx, metrics, keep_stats=True)
        out.append((r.findings, r.score, r.words, r.metrics, r.metric_stats, r.sentences))
    return out


def results(batch: list[Segment], rows: list[tuple], metrics: MetricSuite | None) -> Iterator[SegmentResult]:
    for segment, (findings, score, words, scores, stats, sentences) in zip(batch, rows):
        if stats is not None and metrics is not None:
            metrics.accumulate(stats, nrefs=len(segment.refs))
        yield SegmentResult(segment=segment, findings=findings, score=score, words=words, metrics=scores,
                            sentences=sentences)
