"""Input readers: every input mode becomes a stream of Segments.

`InputSpec` describes what the user gave (records file, line-aligned files, or a document) and
reads it twice: `validate()` runs the whole reader once without keeping anything, so a bad
line anywhere is reported before any output is written; `segments()` then streams for real.
The second pass costs a fraction of checking and is what makes "exit 2, nothing half-written"
possible while memory stays flat.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterator

from mtqa.io.aligned import read_aligned
from mtqa.io.document import read_documents
from mtqa.io.errors import InputError
from mtqa.io.lines import MAX_DOCUMENT_BYTES, MAX_LINE_BYTES
from mtqa.io.records import read_jsonl, read_tsv
from mtqa.model import Segment

__all__ = ["InputError", "InputSpec", "RECORD_FORMATS", "spool_stdin"]

RECORD_FORMATS = ("jsonl", "tsv", "lines")
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".tsv": "tsv", ".tab": "tsv",
               ".txt": "lines"}

Source = tuple[str, str]  # (path on disk, name shown in messages)


def spool_stdin() -> Source:
    """Copy standard input to a temporary file so it can be validated, then streamed."""
    tmp = tempfile.NamedTemporaryFile(prefix="mtqa-stdin-", delete=False)
    with tmp:
        shutil.copyfileobj(sys.stdin.buffer, tmp)
    return tmp.name, "<stdin>"


def sniff_format(path: str, display: str) -> str:
    ext = os.path.splitext(display)[1].lower()
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return "jsonl"  # the reader will report the real problem
    if head.startswith(b"{"):
        return "jsonl"
    first = head.split(b"\n", 1)[0]
    return "tsv" if b"\t" in first else "lines"


@dataclass(frozen=True)
class InputSpec:
    """What to read. `records` is a JSONL/TSV/plain file; otherwise `hyp` (+ `src`, `refs`)."""

    mode: str = "segments"                  # "segments" | "document"
    records: Source | None = None
    records_format: str | None = None       # jsonl | tsv | lines; sniffed when None
    hyp: Source | None = None
    src: Source | None = None
    refs: tuple[Source, ...] = field(default_factory=tuple)
    max_line_bytes: int = MAX_LINE_BYTES
    max_document_bytes: int = MAX_DOCUMENT_BYTES

    def describe(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.records:
            out["records"] = self.records[1]
        if self.hyp:
            out["hyp"] = self.hyp[1]
        if self.src:
            out["src"] = self.src[1]
        if self.refs:
            out["ref"] = [r[1] for r in self.refs]
        return out

    @property
    def fmt(self) -> str:
        if self.records_format:
            return self.records_format
        if self.records:
            return sniff_format(*self.records)
        return "lines"

    def segments(self, src_lang: str | None = None, tgt_lang: str | None = None) -> Iterator[Segment]:
        if self.mode == "document":
            assert self.hyp is not None
            yield from read_documents(self.hyp, self.src, self.refs, src_lang, tgt_lang,
                                      self.max_document_bytes)
            return
        if self.records is not None:
            fmt = self.fmt
            if fmt == "jsonl":
                yield from read_jsonl(*self.records, src_lang, tgt_lang, self.max_line_bytes)
            elif fmt == "tsv":
                yield from read_tsv(*self.records, src_lang, tgt_lang, self.max_line_bytes)
            else:
                yield from read_aligned(self.records, None, (), src_lang, tgt_lang, self.max_line_bytes)
            return
        assert self.hyp is not None
        yield from read_aligned(self.hyp, self.src, self.refs, src_lang, tgt_lang, self.max_line_bytes)

    def validate(self) -> int:
        """Read everything once; return the number of segments or raise InputError."""
        n = 0
        for _ in self.segments():
            n += 1
        if n == 0:
            name = (self.records or self.hyp or ("", "input"))[1]
            raise InputError(name, "is empty: no segments to check")
        return n

    def sample(self, k: int = 200) -> list[Segment]:
        """The first k segments (for language detection before the real pass)."""
        return list(islice(self.segments(), k))
