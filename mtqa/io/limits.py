"""The limits every input is held to, whatever its format: records files, line-aligned files,
documents, baselines and configuration files alike.

- line length: `--max-line-bytes` (MAX_LINE_BYTES by default), per physical line;
- document size: `--max-document-bytes` (MAX_DOCUMENT_BYTES), per --doc file;
- nesting: MAX_NESTING levels of JSON arrays/objects, TOML tables/arrays or XML elements;
- numbers: MAX_NUMBER_DIGITS digits (Python refuses to read integers past 4,300 digits, and a
  segment id or a threshold with more than a hundred digits is a broken file, not a real value);
- text: Unicode scalar values only. A JSON escape can spell a lone surrogate (`"\\ud800"`),
  which no UTF-8 file can hold and no encoder can write back: it is refused like invalid UTF-8.

Breaking one is a `LimitError` (a ValueError) with a message that says what to do; each reader
turns it into an InputError naming its file and line.
"""
from __future__ import annotations

import json
import re
from typing import Any

MAX_LINE_BYTES = 1 << 20        # one segment record: 1 MiB is far beyond any real sentence
MAX_DOCUMENT_BYTES = 16 << 20   # one article in --doc mode
MAX_NESTING = 100
MAX_NUMBER_DIGITS = 100


class LimitError(ValueError):
    """Input beyond one of the limits above."""


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# In JSON text a surrogate can only come from an escape: a cheap test before walking the value.
_SURROGATE_ESCAPE_RE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_JSON_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET_RE = re.compile(r"[\[\]{}]")


def surrogate_error(text: str, where: str = "") -> LimitError | None:
    """The error for a lone surrogate in `text`, or None."""
    m = _SURROGATE_RE.search(text)
    if m is None:
        return None
    code = f"\\u{ord(m.group()):04x}"
    return LimitError(f"contains a lone surrogate {code}{where} (not valid Unicode, like invalid UTF-8); "
                      "fix the program that wrote the file")


def check_text(text: str, where: str = "") -> None:
    error = surrogate_error(text, where)
    if error is not None:
        raise error


def _check_digits(literal: str) -> None:
    digits = sum(c.isdigit() for c in literal) if len(literal) > MAX_NUMBER_DIGITS else 0
    if digits > MAX_NUMBER_DIGITS:
        raise LimitError(f"has a number with {digits:,} digits (at most {MAX_NUMBER_DIGITS} are accepted); "
                         "write long identifiers as strings")


def _parse_int(literal: str) -> int:
    _check_digits(literal)
    return int(literal)


def _parse_float(literal: str) -> float:
    _check_digits(literal)
    return float(literal)


def _json_depth_error(text: str) -> LimitError | None:
    depth = 0
    for m in _BRACKET_RE.finditer(_JSON_STRING_RE.sub("", text)):
        depth += 1 if m.group() in "[{" else -1
        if depth > MAX_NESTING:
            return nesting_error()
    return None


_DECODER = json.JSONDecoder(parse_int=_parse_int, parse_float=_parse_float)
_SCAN_ONCE = _DECODER.scan_once


def _decode(text: str) -> Any:
    """`_DECODER.decode(text)`. A line that is one object and nothing else (every record) is
    scanned directly, without decode's two whitespace matches and two Python calls; the scan is the
    one decode makes (its errors propagate unchanged), and any other line goes through decode."""
    if text.startswith("{"):
        try:
            value, end = _SCAN_ONCE(text, 0)
        except StopIteration:
            pass  # decode reports it
        else:
            if end == len(text):
                return value
    return _DECODER.decode(text)


def nesting_error() -> LimitError:
    return LimitError(f"is nested more than {MAX_NESTING} levels deep (no mtqa input needs more than a few)")


def json_loads(text: str) -> Any:
    """`json.loads`, within the limits: LimitError for deep nesting, long numbers and lone
    surrogates; json.JSONDecodeError for malformed JSON."""
    # Counting brackets is cheap; the exact scan (outside strings) only runs when it may matter.
    if text.count("[") + text.count("{") > MAX_NESTING:
        error = _json_depth_error(text)
        if error is not None:
            raise error
    try:
        # One decoder for every line (json.loads builds one a call); a BOM goes to json.loads,
        # which refuses it with its own message.
        value = (_decode(text) if not text.startswith("\ufeff")
                 else json.loads(text, parse_int=_parse_int, parse_float=_parse_float))
    except RecursionError:  # the scan above makes this unreachable; kept as a backstop
        raise nesting_error() from None
    if _SURROGATE_ESCAPE_RE.search(text):
        check_value(value)
    return value


def check_value(value: Any, depth: int = 0) -> None:
    """Walk a parsed value (JSON or TOML): nesting, number size and text within the limits."""
    if depth > MAX_NESTING:
        raise nesting_error()
    if isinstance(value, str):
        check_text(value)
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        if value.bit_length() > MAX_NUMBER_DIGITS * 3.33:  # about 3.32 bits a decimal digit
            raise LimitError(f"has a number with more than {MAX_NUMBER_DIGITS} digits")
    elif isinstance(value, dict):
        for k, v in value.items():
            check_text(str(k))
            check_value(v, depth + 1)
    elif isinstance(value, list):
        for v in value:
            check_value(v, depth + 1)


def check_line_lengths(raw: bytes, max_line_bytes: int) -> int | None:
    """The number of the first line of `raw` longer than `max_line_bytes` (newline excluded)."""
    start, line = 0, 1
    while True:
        end = raw.find(b"\n", start)
        stop = len(raw) if end < 0 else end
        if stop - start > max_line_bytes:  # as iter_lines counts: a \r is part of the line
            return line
        if end < 0:
            return None
        start, line = end + 1, line + 1


def line_too_long(max_line_bytes: int) -> str:
    return f"line is longer than {max_line_bytes:,} bytes; split it or raise --max-line-bytes"
