"""Line-aligned hyp/src/ref text files (the sacrebleu convention): line i of each is segment i.

Files with different line counts are an error naming both files, never silently truncated.
An empty line is an empty segment, and is reported like any other.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from mtqa.io.errors import InputError
from mtqa.io.lines import MAX_LINE_BYTES, count_lines, iter_lines
from mtqa.model import Segment


def check_line_counts(hyp: tuple[str, str], others: Sequence[tuple[str, str]]) -> int:
    """Line count of the hyp file; InputError if any other file has a different count."""
    n = count_lines(*hyp)
    for path, display in others:
        m = count_lines(path, display)
        if m != n:
            shorter, longer = ((display, m), (hyp[1], n)) if m < n else ((hyp[1], n), (display, m))
            raise InputError(shorter[0], f"has {shorter[1]} lines but {longer[0]} has {longer[1]}; "
                                         "line-aligned files must have the same number of lines",
                             shorter[1] + 1)
    return n


def read_aligned(hyp: tuple[str, str], src: tuple[str, str] | None, refs: Sequence[tuple[str, str]],
                 src_lang: str | None = None, tgt_lang: str | None = None,
                 max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Segment]:
    """Segments from (path, display) pairs; ids are the 1-based line numbers."""
    check_line_counts(hyp, ([src] if src else []) + list(refs))
    hyp_lines = iter_lines(*hyp, max_line_bytes=max_line_bytes)
    src_lines = iter_lines(*src, max_line_bytes=max_line_bytes) if src else None
    ref_lines = [iter_lines(*r, max_line_bytes=max_line_bytes) for r in refs]
    for index, (line, text) in enumerate(hyp_lines):
        yield Segment(
            id=str(line),
            index=index,
            hyp=text,
            src=next(src_lines)[1] if src_lines else None,
            refs=tuple(next(r)[1] for r in ref_lines),
            src_lang=src_lang,
            tgt_lang=tgt_lang,
            file=hyp[1],
            line=line,
        )
