"""Whole documents (--doc): one article per file becomes one Segment.

Offsets of findings are into the whole decoded text (universal newlines), so an editor's tool
can jump straight to them.
"""
from __future__ import annotations

import os
from typing import Iterator, Sequence

from mtqa.io.errors import InputError
from mtqa.io.lines import MAX_DOCUMENT_BYTES, read_document
from mtqa.model import Segment


def read_documents(hyp: tuple[str, str], src: tuple[str, str] | None, refs: Sequence[tuple[str, str]],
                   src_lang: str | None = None, tgt_lang: str | None = None,
                   max_bytes: int = MAX_DOCUMENT_BYTES, max_line_bytes: int | None = None) -> Iterator[Segment]:
    def read(source: tuple[str, str]) -> str:
        return read_document(*source, max_bytes=max_bytes, max_line_bytes=max_line_bytes)

    text = read(hyp)
    if not text.strip():
        # As in segment mode: an empty input is a mistake (a wrong path, a failed export), and a
        # clean report on it would hide that.
        raise InputError(hyp[1], "is empty: no text to check")
    yield Segment(
        id=os.path.basename(hyp[1]) or hyp[1],
        index=0,
        hyp=text,
        src=read(src) if src else None,
        refs=tuple(read(r) for r in refs),
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        is_document=True,
        file=hyp[1],
        line=1,
    )
