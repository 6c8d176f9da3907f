"""OM: translations that are missing, wholly or in part."""
from __future__ import annotations

import re
from typing import Iterator

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
