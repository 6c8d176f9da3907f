"""The translation beside its source and reference, sentence by sentence, as rows of a grid.

A document with a reference or a source is cut into rows at the starts of its aligned sentences
(`result.sentences` from `mtqa.align.document`, `mtqa.align.source.align_source` for the source).
Each row holds a contiguous stretch of every text, so the rows together hold every character of
each field exactly once: text no sentence aligns with (a scraped line, an untranslated paragraph)
stays in the row before it. A cut that a finding's span would straddle is dropped (the two rows
merge), so every finding lies inside one cell and keeps one highlight. Without a source or a
reference, and for batch records, a segment is one row.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from mtqa.model import FIELDS, SegmentResult
from mtqa.reporters.html.highlight import Numbered

Span = tuple[int, int]


@dataclass
class Row:
    spans: dict[str, Span]                                   # field -> [start, end) of its text
    items: dict[str, list[Numbered]] = field(default_factory=dict)  # field -> its findings


def fields_of(result: SegmentResult) -> list[str]:
    seg = result.segment
    return [name for name in FIELDS if seg.field_text(name) is not None]


def _side_starts(result: SegmentResult, name: str) -> dict[int, int]:
    """hyp sentence start -> start of the `name` sentence aligned with it (both sides present)."""
    seg = result.segment
    if name == "ref":
        links = result.sentences
        if links is None:  # --doc --ref always aligns; this is a report built without it
            from mtqa.align.document import align_reference
            links = align_reference(seg.hyp, seg.ref, seg.tgt_lang).links
        return {s.hyp[0]: s.ref[0] for s in links if s.hyp is not None and s.ref is not None}
    from mtqa.align.source import align_source
    try:
        pairs = align_source(seg.hyp, seg.src, seg.tgt_lang, seg.src_lang)
    except Exception:  # a page without source rows beats no page: the source is still shown whole
        return {}
    return {h[0]: s[0] for h, s in pairs}


def _cuts(result: SegmentResult, names: list[str]) -> list[dict[str, int]]:
    """Row starts: one position per field, increasing in the translation, never decreasing in the others."""
    first = {name: 0 for name in names}
    sides = [n for n in names if n != "hyp"]
    if not result.segment.is_document or not sides:
        return [first]
    maps = {n: _side_starts(result, n) for n in sides}
    cuts = [first]
    for h in sorted(set.intersection(*(set(m) for m in maps.values()))):
        cut = {"hyp": h, **{n: maps[n][h] for n in sides}}
        # a row per hyp sentence with counterparts; a side may stay put (an empty cell: the
        # translation's first lines may have no counterpart, "Home News" before the headline)
        if cut["hyp"] > cuts[-1]["hyp"] and all(cut[n] >= cuts[-1][n] for n in sides):
            cuts.append(cut)
    for f in result.findings:  # never split a span between two rows
        if f.field in first:
            cuts = [c for c in cuts if c is first or not f.start < c[f.field] < f.end]
    return cuts


def rows(result: SegmentResult) -> list[Row]:
    seg = result.segment
    names = fields_of(result)
    cuts = _cuts(result, names)
    ends = cuts[1:] + [{n: len(seg.field_text(n)) for n in names}]
    out = [Row({n: (a[n], b[n]) for n in names}, {n: [] for n in names}) for a, b in zip(cuts, ends)]
    starts = {n: [c[n] for c in cuts] for n in names}
    for n, f in enumerate(result.findings, 1):
        if f.field not in starts:
            continue
        # the row whose stretch holds the span's start: the last row starting at or before it (rows
        # with an empty stretch of this field come before the one that holds it; an empty span at the
        # very end goes to the last row)
        k = max(bisect.bisect_right(starts[f.field], f.start) - 1, 0)
        out[k].items[f.field].append((n, f))
    return out
