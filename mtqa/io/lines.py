"""Read input files as strictly decoded UTF-8, line by line or whole, with limits.

Every problem becomes an InputError naming the file and line: bytes that are not UTF-8, a
line or document over the size limit, a missing or unreadable file. Lines end at `\\n`
(a trailing `\\r` is dropped), as in sacrebleu's line-aligned files; a UTF-8 byte-order mark
at the start of a line-based file is skipped.
"""
from __future__ import annotations

import os
from typing import Iterator

from mtqa.io.errors import InputError
from mtqa.io.limits import MAX_DOCUMENT_BYTES, MAX_LINE_BYTES, check_line_lengths, line_too_long

__all__ = ["MAX_DOCUMENT_BYTES", "MAX_LINE_BYTES", "count_lines", "iter_lines", "read_document"]
_BOM = b"\xef\xbb\xbf"


def _open(path: str, display: str):
    try:
        if os.path.isdir(path):
            raise InputError(display, "is a directory, not a file")
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(display, "no such file") from None
    except PermissionError:
        raise InputError(display, "permission denied") from None
    except OSError as e:
        raise InputError(display, f"cannot be read ({e.strerror or e})") from None


def _decode(raw: bytes, display: str, line: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        column = len(raw[:e.start].decode("utf-8", "replace")) + 1
        raise InputError(display, f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at column {column}); "
                                  "convert the file to UTF-8", line) from None


def iter_lines(path: str, display: str | None = None, max_line_bytes: int = MAX_LINE_BYTES,
               keep_ends: bool = False) -> Iterator[tuple[int, str]]:
    """(line number, text without the newline, unless `keep_ends`) for every line of the file."""
    display = display or path
    with _open(path, display) as fh:
        lineno = 0
        while True:
            raw = fh.readline(max_line_bytes + 1)
            if not raw:
                return
            lineno += 1
            if len(raw) > max_line_bytes and not (len(raw) == max_line_bytes + 1 and raw.endswith(b"\n")):
                raise InputError(display, line_too_long(max_line_bytes), lineno)
            if lineno == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM):]
            text = _decode(raw, display, lineno)
            if keep_ends:
                yield lineno, text
                continue
            if text.endswith("\n"):
                text = text[:-1]
            if text.endswith("\r"):
                text = text[:-1]
            yield lineno, text


def count_lines(path: str, display: str | None = None) -> int:
    """Number of lines as iter_lines counts them (a last line without newline counts)."""
    display = display or path
    n, last = 0, b"\n"
    with _open(path, display) as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
            last = chunk[-1:]
    return n + (0 if last == b"\n" else 1)


def read_document(path: str, display: str | None = None, max_bytes: int = MAX_DOCUMENT_BYTES,
                  max_line_bytes: int | None = None) -> str:
    """A whole article, decoded, with universal newlines (\\r\\n and \\r become \\n)."""
    display = display or path
    with _open(path, display) as fh:
        raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise InputError(display, f"document is larger than {max_bytes:,} bytes; split it or raise "
                                  "--max-document-bytes")
    if max_line_bytes is not None and len(raw) > max_line_bytes:
        line = check_line_lengths(raw, max_line_bytes)
        if line is not None:
            raise InputError(display, line_too_long(max_line_bytes), line)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        line_start = raw.rfind(b"\n", 0, e.start) + 1
        column = len(raw[line_start:e.start].decode("utf-8", "replace")) + 1
        raise InputError(display, f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at column {column}); "
                                  "convert the file to UTF-8", line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
