"""OM: translations that are missing, wholly or in part, and text that nobody translated.

OM002 and OM003 compare a document with its reference paragraph by paragraph, through the
sentence alignment of `mtqa.docalign` (shared with the per-sentence metrics)."""
from __future__ import annotations

import re
from typing import Iterator

from mtqa.docalign import align_reference
from mtqa.model import Hit, Segment, Severity
from mtqa.rules import rule

_CONTENT_RE = re.compile(r"[^\W_]")


@rule("OM001", "empty-translation", severity=Severity.CRITICAL, category="accuracy/omission")
def empty_translation(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a translation with no words in it: empty, blank, or punctuation only.

    ## What it does
    Flags a segment whose translation contains no letter or digit (an empty line, spaces,
    a lone `.`), unless its source is empty as well.

    ## Why is this bad?
    Nothing of the source reaches the reader. Empty output is a classic failure of MT
    pipelines (a timeout, a filter, a misaligned batch) and must never be published.

    ## Example
    Flagged: `.` (for the source `Le gouvernement a démissionné.`)
    Corrected: `The government has resigned.`
    """
    if _CONTENT_RE.search(segment.hyp):
        return
    if segment.src is not None and not _CONTENT_RE.search(segment.src):
        return
    yield Hit(0, len(segment.hyp), "the translation is empty: it has no words")


def _document_alignment(segment: Segment):
    """The sentence alignment of a document with its first reference, or None when there is
    nothing to compare (not a document) or the two texts share no sentence at all: then the
    reference is not a translation of this document, and flagging every paragraph would be noise."""
    if not segment.is_document or not segment.ref or not segment.ref.strip():
        return None
    alignment = align_reference(segment.hyp, segment.ref, segment.tgt_lang)
    return alignment if alignment.matched else None


@rule("OM002", "added-paragraph", severity=Severity.MAJOR, category="accuracy/addition", needs=("ref",))
def added_paragraph(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a paragraph of a translated document that has no counterpart in the reference.

    ## What it does
    With `--doc --ref`, aligns the sentences of the translation with those of the reference
    (dynamic programming over chrF, with merges and skips) and flags each paragraph of the
    translation none of whose sentences matches anything in the reference.

    ## Why is this bad?
    Text the reference does not have is text nobody translated: scraped page furniture
    (`by admin`, `Related News`, `Leave a Comment`), calqued ad placeholders (`sequel after
    announcement`), a duplicated title, a stray teaser headline. Published as is, it reads as
    part of the article.

    ## Example
    Flagged: `Related News` (a line at the end of the article the reference does not have)
    Corrected: the line deleted
    """
    alignment = _document_alignment(segment)
    if alignment is None:
        return
    for start, end in alignment.hyp_only_paragraphs:
        yield Hit(start, end, "paragraph with no counterpart in the reference: added text", suggestion="")


@rule("OM003", "omitted-paragraph", severity=Severity.MAJOR, category="accuracy/omission", needs=("ref",))
def omitted_paragraph(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a paragraph of the reference that has no counterpart in the translated document.

    ## What it does
    With `--doc --ref`, aligns the sentences of the translation with those of the reference
    and flags each reference paragraph none of whose sentences matches anything in the
    translation. The span is in the reference (`field` is `ref`).

    ## Why is this bad?
    A whole paragraph of the article is missing from the translation: a truncated MT request,
    a dropped line in a scraper, a segment lost in a pipeline. The reader never learns what it said.

    ## Example
    Flagged: the reference paragraph `Tehran has repeatedly rejected as “incorrect” the US
    accusations...`, absent from the translation
    Corrected: the paragraph translated and restored in its place
    """
    alignment = _document_alignment(segment)
    if alignment is None:
        return
    for start, end in alignment.ref_only_paragraphs:
        yield Hit(start, end, "reference paragraph with no counterpart in the translation: omitted",
                  field="ref")
