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
    if segment.is_document:
        from mtqa.align.source import align_source

        return list(align_source(segment.hyp, segment.src, segment.tgt_lang, segment.src_lang))
    return [((0, len(segment.hyp)), (0, len(segment.src)))]


def reference_pairs(segment: Segment) -> list[tuple[Span, Span]]:
    """(hyp span, span in the first reference) pairs: aligned sentences of a document, or the
    whole segment."""
    ref = segment.ref
    if not ref:
        return []
    if not segment.is_document:
        return [((0, len(segment.hyp)), (0, len(ref)))]
    from mtqa.align.document import align_reference

    return [(link.hyp, link.ref) for link in align_reference(segment.hyp, ref, segment.tgt_lang).links
            if link.hyp is not None and link.ref is not None]


def aligned_words(hyp: str, ref: str):
    """Word-level alignment of two texts in one language: (op, hyp tokens, ref tokens) runs,
    as difflib's opcodes over lower-cased words (op: equal, replace, delete, insert)."""
    import difflib

    from mtqa.text.tokens import words

    h, r = words(hyp), words(ref)
    matcher = difflib.SequenceMatcher(a=[t.text.lower() for t in h], b=[t.text.lower() for t in r], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        yield op, h[i1:i2], r[j1:j2]


def refs_of(segment: Segment) -> list[str]:
    """The segment's references that hold any text. (`not r.isspace()` is `r.strip()` for a
    non-empty r, both by str.isspace's whitespace, without copying the text: ten rules ask.)"""
    return [r for r in segment.refs if r and not r.isspace()]


def pair_references(segment: Segment, rs: int, re_: int) -> list[str]:
    """The references to compare one aligned sentence with: in a document, the aligned sentence
    of the reference; otherwise every reference of the segment."""
    return [segment.ref[rs:re_]] if segment.is_document else refs_of(segment)
