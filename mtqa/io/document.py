"""Whole documents (--doc): one article per file becomes one Segment.

Offsets of findings are into the whole decoded text (universal newlines), so an editor's tool
can jump straight to them.
"""
from __future__ import annotations

import os
from typing import Iterator, Sequence

from mtqa.io.lines import MAX_DOCUMENT_BYTES, read_document
from mtqa.model import Segment


def read_documents(hyp: tuple[str, str], src: tuple[str, str] | None, refs: Sequence[tuple[str, str]],
                   src_lang: str | None = None, tgt_lang: str | None = None,
                   max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Segment]:
    yield Segment(
        id=os.path.basename(hyp[1]) or hyp[1],
        index=0,
        hyp=read_document(*hyp, max_bytes=max_bytes),
        src=read_document(*src, max_bytes=max_bytes) if src else None,
        refs=tuple(read_document(*r, max_bytes=max_bytes) for r in refs),
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        is_document=True,
        file=hyp[1],
        line=1,
    )
