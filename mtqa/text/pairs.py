"""What to compare with what: (hyp span, src span) pairs for source-aware checks.

A segment is compared with its source as a whole. A document (--doc) is first aligned
sentence by sentence with its source, and each aligned pair is compared on its own, so
offsets stay document offsets and a number in paragraph 3 is not "supported" by one in
paragraph 9.
"""
from __future__ import annotations

from mtqa.model import Segment

Span = tuple[int, int]


def source_pairs(segment: Segment) -> list[tuple[Span, Span]]:
    if segment.src is None:
        return []
    return [((0, len(segment.hyp)), (0, len(segment.src)))]
