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
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Iterator

from mtqa.io.aligned import read_aligned
from mtqa.io.document import read_documents
from mtqa.io.errors import InputError
from mtqa.io.lines import MAX_DOCUMENT_BYTES, MAX_LINE_BYTES
from mtqa.io.po import read_po
from mtqa.io.records import read_csv, read_jsonl, read_tsv
from mtqa.io.tmx import read_tmx
from mtqa.io.xliff import read_xliff
from mtqa.model import Segment
from mtqa.run import signals

__all__ = ["InputError", "InputSpec", "RECORD_FORMATS", "release_spools", "spool_stdin"]

#: Records readers: (path, display, src_lang, tgt_lang, max_line_bytes) -> Segments.
_READERS = {"jsonl": read_jsonl, "tsv": read_tsv, "csv": read_csv, "xliff": read_xliff,
            "tmx": read_tmx, "po": read_po}
RECORD_FORMATS = ("jsonl", "tsv", "csv", "xliff", "tmx", "po", "lines")
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".tsv": "tsv", ".tab": "tsv",
               ".csv": "csv", ".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff",
               ".mqxliff": "xliff", ".tmx": "tmx", ".po": "po", ".pot": "po", ".txt": "lines"}

Source = tuple[str, str]  # (path on disk, name shown in messages)


#: Open copies of standard input; `release_spools()` closes them when the command ends.
_SPOOLS: list = []


def spool_stdin() -> Source:
    """Standard input, copied so it can be read twice (validated, then streamed).

    The copy never has a name in the temporary folder: on Linux it is an unnamed file
    (O_TMPFILE, or created and unlinked at once), read again through /proc/self/fd; the disk
    space returns when the command ends, however it ends. An embargoed wire piped in leaves
    nothing behind. Elsewhere it is a named file that `release_spools()` removes.
    """
    stdin = getattr(sys.stdin, "buffer", sys.stdin)
    if stdin is None:
        raise InputError("<stdin>", "standard input is closed; give a file name instead of '-'")
    unnamed = os.path.isdir("/proc/self/fd")
    # Created and registered in one step, so that an interrupt cannot come between the two.
    with signals.deferred():
        tmp = tempfile.TemporaryFile(prefix="mtqa-stdin-") if unnamed \
            else tempfile.NamedTemporaryFile(prefix="mtqa-stdin-", delete=False)
        _SPOOLS.append(tmp)
    try:
        shutil.copyfileobj(stdin, tmp)
    except (OSError, ValueError) as e:
        if isinstance(e, UnicodeError):
            raise
        raise InputError("<stdin>", f"cannot be read ({getattr(e, 'strerror', None) or e})") from None
    tmp.flush()
    return (f"/proc/self/fd/{tmp.fileno()}" if unnamed else tmp.name), "<stdin>"


def release_spools() -> None:
    """Close (and, where it has a name, remove) every copy of standard input."""
    while _SPOOLS:
        tmp = _SPOOLS.pop()
        try:
            tmp.close()
            if not os.path.isdir("/proc/self/fd") and os.path.exists(tmp.name):
                os.unlink(tmp.name)
        except OSError:
            pass


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
    if head.startswith(b"<"):
        return "tmx" if b"<tmx" in head else "xliff"
    if head.startswith((b"msgid", b"msgctxt", b"#")):
        return "po"
    first = head.split(b"\n", 1)[0]
    return "tsv" if b"\t" in first else "lines"


@dataclass(frozen=True)
class InputSpec:
    """What to read. `records` is a records file (JSONL, TSV, CSV, XLIFF, TMX, PO or plain lines),
    `more_records` further files of the same kind, read after it as one batch; otherwise `hyp`
    (+ `src`, `refs`)."""

    mode: str = "segments"                  # "segments" | "document"
    records: Source | None = None
    more_records: tuple[Source, ...] = ()
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
        if self.more_records:
            out["records"] = [self.records[1], *(r[1] for r in self.more_records)]
        if self.hyp:
            out["hyp"] = self.hyp[1]
        if self.src:
            out["src"] = self.src[1]
        if self.refs:
            out["ref"] = [r[1] for r in self.refs]
        return out

    def format_of(self, records: Source) -> str:
        return self.records_format or sniff_format(*records)

    def segments(self, src_lang: str | None = None, tgt_lang: str | None = None) -> Iterator[Segment]:
        if self.mode == "document":
            assert self.hyp is not None
            yield from read_documents(self.hyp, self.src, self.refs, src_lang, tgt_lang,
                                      self.max_document_bytes, self.max_line_bytes)
            return
        if self.records is not None:
            index = 0
            for records in (self.records, *self.more_records):
                for seg in self._read_records(records, src_lang, tgt_lang):
                    # One batch over several files: indices run on; ids name their file.
                    yield replace(seg, index=index, id=f"{records[1]}:{seg.id}") if self.more_records \
                        else seg
                    index += 1
            return
        assert self.hyp is not None
        yield from read_aligned(self.hyp, self.src, self.refs, src_lang, tgt_lang, self.max_line_bytes)

    def _read_records(self, records: Source, src_lang, tgt_lang) -> Iterator[Segment]:
        fmt = self.format_of(records)
        if fmt == "lines":
            return read_aligned(records, None, (), src_lang, tgt_lang, self.max_line_bytes)
        return _READERS[fmt](*records, src_lang, tgt_lang, self.max_line_bytes)

    def validate(self, src_lang: str | None = None, tgt_lang: str | None = None) -> int:
        """Read everything once; return the number of segments or raise InputError.

        The languages given on the command line are passed on: some readers need them (a TMX
        memory with several target languages is checked in the one the user named)."""
        n = 0
        for _ in self.segments(src_lang, tgt_lang):
            n += 1
        if n == 0:
            name = (self.records or self.hyp or ("", "input"))[1]
            raise InputError(name, "is empty: no segments to check")
        return n

    def sample(self, k: int = 200, src_lang: str | None = None, tgt_lang: str | None = None) -> list[Segment]:
        """The first k segments (for language detection before the real pass)."""
        return list(islice(self.segments(src_lang, tgt_lang), k))
