"""Two systems' outputs for the same segments, read in lockstep (`mtqa compare`).

Each system is an `InputSpec` (a JSONL/TSV records file, or a line-aligned text file whose
references come from `--ref`). Pairs come out one at a time, so nothing but the current pair
is held. The candidate is scored against the baseline's references, so they must agree:
errors name the file (and line, for line-aligned files) when the systems have different
segment counts, different ids at the same position, a segment has no reference, or a
candidate record carries a reference that differs from the baseline's.
"""
from __future__ import annotations

from itertools import zip_longest
from typing import Iterator

from mtqa.io import InputSpec
from mtqa.io.aligned import check_line_counts
from mtqa.io.errors import InputError
from mtqa.model import Segment


def _name(spec: InputSpec) -> str:
    source = spec.records or spec.hyp
    return source[1] if source else "input"


def _line(spec: InputSpec, segment: Segment) -> int | None:
    """The line of a segment when the file is line-aligned (ids are line numbers there)."""
    return int(segment.id) if spec.records is None or spec.format_of(spec.records) == "lines" else None


def read_pairs(baseline: InputSpec, candidate: InputSpec, src_lang: str | None = None,
               tgt_lang: str | None = None) -> Iterator[tuple[Segment, Segment]]:
    """(baseline segment, candidate segment) pairs; InputError on the first disagreement."""
    b_name, c_name = _name(baseline), _name(candidate)
    if baseline.records is None and candidate.records is None and baseline.hyp and candidate.hyp:
        check_line_counts(baseline.hyp, [candidate.hyp])  # cheap, and before any scoring
    pairs = zip_longest(baseline.segments(src_lang, tgt_lang), candidate.segments(src_lang, tgt_lang))
    for k, (b, c) in enumerate(pairs):
        if b is None or c is None:
            longer, shorter = (c_name, b_name) if b is None else (b_name, c_name)
            raise InputError(shorter, f"has {k} segments but {longer} has more; both systems must "
                                      "translate the same segments")
        if b.id != c.id:
            raise InputError(c_name, f"segment {k + 1} has id {c.id!r} where {b_name} has {b.id!r}; "
                                     "both systems must list the same segments in the same order",
                             _line(candidate, c))
        if not b.refs:
            raise InputError(b_name, f"segment {b.id!r} has no reference; compare scores both systems "
                                     "against the baseline's references (give --ref, or \"ref\" in records)",
                             _line(baseline, b))
        if c.refs and c.refs != b.refs:
            raise InputError(c_name, f"segment {c.id!r} has a reference that differs from {b_name}'s; "
                                     "both systems must be scored against the same reference",
                             _line(candidate, c))
        yield b, c
