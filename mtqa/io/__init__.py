"""Input readers: every input mode becomes a stream of Segments.

`InputSpec` describes what the user gave (records file, line-aligned files, or a document) and
reads it twice: `validate()` runs the whole reader once, so a bad line anywhere is reported
before any output is written; `segments()` then streams for real. The second pass is what makes
"exit 2, nothing half-written" possible while memory stays flat. A small batch (files of
up to `KEEP_MAX_BYTES`, up to `KEEP_MAX_SEGMENTS` segments) is not read twice: the validation
pass keeps the segments it read and `segments()` hands them out again.
"""
from __future__ import annotations

import codecs
import importlib
import os
import stat
import sys
import tempfile
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Iterator

from mtqa.io.aligned import read_aligned
from mtqa.io.document import read_documents
from mtqa.io.errors import InputError
from mtqa.io.lines import MAX_DOCUMENT_BYTES, MAX_LINE_BYTES
from mtqa.io.records import read_csv, read_jsonl, read_tsv
from mtqa.model import Segment
from mtqa.run import signals

__all__ = ["InputError", "InputSpec", "RECORD_FORMATS", "release_spools", "source", "spool_stdin"]

def _imported_on_use(module: str, name: str):
    """A reader imported when a file of its format is read: the XLIFF, TMX and PO readers (with
    polib and the XML parser) cost ~20 ms of start-up, and most runs read JSONL or TSV."""
    def read(*args, **kwargs) -> Iterator[Segment]:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    return read


#: Records readers: (path, display, src_lang, tgt_lang, max_line_bytes) -> Segments.
_READERS = {"jsonl": read_jsonl, "tsv": read_tsv, "csv": read_csv,
            "xliff": _imported_on_use("mtqa.io.xliff", "read_xliff"),
            "tmx": _imported_on_use("mtqa.io.tmx", "read_tmx"), "po": _imported_on_use("mtqa.io.po", "read_po")}
RECORD_FORMATS = ("jsonl", "tsv", "csv", "xliff", "tmx", "po", "lines")
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".tsv": "tsv", ".tab": "tsv",
               ".csv": "csv", ".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff",
               ".mqxliff": "xliff", ".tmx": "tmx", ".po": "po", ".pot": "po", ".txt": "lines"}

Source = tuple[str, str]  # (path on disk, name shown in messages)

#: A batch the validation pass keeps for the checking pass instead of reading it again (about
#: 2 MB of objects for 10,000 news sentences, and ~7 ms of reading saved a 1,000 segments); a
#: larger one is read again, so that memory stays flat however large the input.
KEEP_MAX_BYTES = 16 << 20
KEEP_MAX_SEGMENTS = 50_000
#: Records formats whose readers use the languages given only for segments that state none
#: (`record or given`, the aligned reader has no stated ones), so segments kept from a pass given
#: fewer languages are completed exactly by `_completed`. The XLIFF, TMX and PO readers may pick
#: what to read by language: they are always read again.
_LANGUAGE_DEFAULT_FORMATS = frozenset({"jsonl", "tsv", "csv", "lines"})


#: A line of piped input longer than this is refused while it is copied: no reader would take it
#: (a --doc article may be one line, hence the document limit).
MAX_SPOOL_LINE_BYTES = MAX_DOCUMENT_BYTES
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
    return _spool(stdin, "<stdin>")


def source(name: str) -> Source:
    """(path to read, name to show) for an input named on the command line. A pipe or a device
    (`<(command)`, /dev/stdin) can be read only once, and mtqa reads its input twice: it is
    copied like standard input, and messages still name it as the user did."""
    if name == "-":
        return spool_stdin()
    # A file name that is not UTF-8 is opened as given, and shown with U+FFFD for its bad bytes.
    shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    try:
        mode = os.stat(name).st_mode
    except OSError:
        return name, shown  # the reader reports a missing or unreadable file
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return name, shown
    try:
        with open(name, "rb") as fh:
            return _spool(fh, shown)
    except OSError as e:
        raise InputError(name, f"cannot be read ({e.strerror or e})") from None


def _spool(stream, display: str) -> Source:
    unnamed = os.path.isdir("/proc/self/fd")
    # Created and registered in one step, so that an interrupt cannot come between the two.
    with signals.deferred():
        tmp = tempfile.TemporaryFile(prefix="mtqa-stdin-") if unnamed \
            else tempfile.NamedTemporaryFile(prefix="mtqa-stdin-", delete=False)
        _SPOOLS.append(tmp)
    try:
        _copy(stream, tmp, display)
    except OSError as e:
        raise InputError(display, f"cannot be read or copied ({e.strerror or e})") from None
    return (f"/proc/self/fd/{tmp.fileno()}" if unnamed else tmp.name), display


def _copy(stream, tmp, display: str) -> None:
    """Copy, refusing what no reader would accept anyway, so that an endless stream (/dev/zero,
    /dev/urandom) fails here instead of filling the temporary folder: a line longer than any
    limit, and bytes that are not UTF-8 (except for PO files, which may declare a charset)."""
    run, line = 0, 1
    decoder = None if display.lower().endswith((".po", ".pot")) else codecs.getincrementaldecoder("utf-8")()
    while chunk := stream.read(1 << 20):
        if decoder is not None:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as e:
                raise InputError(display, "not valid UTF-8; convert the file to UTF-8",
                                 line + chunk.count(b"\n", 0, max(0, e.start))) from None
        last = chunk.rfind(b"\n")
        if last < 0:
            run += len(chunk)
        else:
            line += chunk.count(b"\n")
            run = len(chunk) - last - 1
        if run > MAX_SPOOL_LINE_BYTES:
            raise InputError(display, f"line is longer than {MAX_SPOOL_LINE_BYTES:,} bytes", line)
        tmp.write(chunk)
    tmp.flush()


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
    #: what `validate()` kept for `segments()`: {"segments": [...], "languages": (src, tgt)}
    _kept: dict = field(default_factory=dict, init=False, repr=False, compare=False)

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
        kept = self._kept.get("segments")
        if kept is not None:
            kept_src, kept_tgt = self._kept["languages"]
            if (kept_src, kept_tgt) == (src_lang, tgt_lang):
                return iter(kept)
            # Validated with a language not given yet (detected since): fill it in as the reader would.
            if kept_src in (None, src_lang) and kept_tgt in (None, tgt_lang):
                return (_completed(seg, src_lang, tgt_lang) for seg in kept)
        return self._read(src_lang, tgt_lang)

    def _read(self, src_lang: str | None, tgt_lang: str | None) -> Iterator[Segment]:
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
        kept: list[Segment] | None = [] if self._keepable() else None
        n = 0
        for seg in self.segments(src_lang, tgt_lang):
            n += 1
            if kept is not None:
                if n > KEEP_MAX_SEGMENTS:
                    kept = None  # too many to hold: segments() reads them again
                else:
                    kept.append(seg)
        if n == 0:
            name = (self.records or self.hyp or ("", "input"))[1]
            raise InputError(name, "is empty: no segments to check")
        if kept is not None:
            self._kept.update(segments=kept, languages=(src_lang, tgt_lang))
        return n

    def _keepable(self) -> bool:
        """Whether segments read now can stand for a second reading (see _LANGUAGE_DEFAULT_FORMATS)."""
        if self.mode != "segments" or "segments" in self._kept:
            return False
        if self.records is None:  # line-aligned --hyp/--src/--ref files
            files = [self.hyp, *([self.src] if self.src else []), *self.refs]
        else:
            files = [self.records, *self.more_records]
            if any(self.format_of(r) not in _LANGUAGE_DEFAULT_FORMATS for r in files):
                return False
        try:
            return sum(os.path.getsize(path) for path, _ in files) <= KEEP_MAX_BYTES
        except OSError:
            return False  # the reader reports a missing or unreadable file

    def sample(self, k: int = 200, src_lang: str | None = None, tgt_lang: str | None = None) -> list[Segment]:
        """The first k segments (for language detection before the real pass)."""
        return list(islice(self.segments(src_lang, tgt_lang), k))


def _completed(seg: Segment, src_lang: str | None, tgt_lang: str | None) -> Segment:
    """A segment read without the languages given now, as reading it with them would give it: the
    readers of _LANGUAGE_DEFAULT_FORMATS set `stated or given`."""
    src, tgt = seg.src_lang or src_lang, seg.tgt_lang or tgt_lang
    if src == seg.src_lang and tgt == seg.tgt_lang:
        return seg
    return replace(seg, src_lang=src, tgt_lang=tgt)
