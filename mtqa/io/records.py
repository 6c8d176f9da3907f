"""Segment records from JSONL and TSV files.

JSONL: one object a line, `{"id", "hyp", "src"?, "ref": str | [str]?, "src_lang"?, "tgt_lang"?}`
(other keys are ignored). Blank lines are skipped; every other line is a segment or an error.
TSV: a header row naming the columns (`id`, `src`, `hyp`, `ref`, `ref2`..., `src_lang`,
`tgt_lang`), or no header and positional columns: `hyp` | `src hyp` | `src hyp ref [ref ...]`.
CSV (RFC 4180: quoted fields may hold commas and newlines): a header row is required, with the
same column names; common aliases are accepted (`source`, `target`/`translation`/`mt`,
`reference`), so a spreadsheet export works as it is.
"""
from __future__ import annotations

import csv
import json
import re
from typing import Iterator

from mtqa.io.errors import InputError
from mtqa.io.limits import LimitError, json_loads
from mtqa.io.lines import MAX_LINE_BYTES, iter_lines
from mtqa.model import Segment


def _optional_str(value, key: str, display: str, line: int) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputError(display, f'"{key}" must be a string, not {type(value).__name__}', line)


def _refs(value, display: str, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(r, str) for r in value):
        return tuple(value)
    raise InputError(display, '"ref" must be a string or a list of strings', line)


def record_to_segment(obj, index: int, display: str, line: int,
                      src_lang: str | None, tgt_lang: str | None) -> Segment:
    """A JSON record (already parsed) as a Segment, or InputError naming the file and line."""
    if not isinstance(obj, dict):
        raise InputError(display, f"expected a JSON object, got {type(obj).__name__}", line)
    hyp = obj.get("hyp")
    if not isinstance(hyp, str):
        what = "has no" if hyp is None else "has a non-string"
        raise InputError(display, f'record {what} "hyp" (the translation to check)', line)
    rid = obj.get("id", str(line))
    if isinstance(rid, bool) or not isinstance(rid, (str, int)):
        raise InputError(display, '"id" must be a string or an integer', line)
    stated_src_lang = _optional_str(obj.get("src_lang"), "src_lang", display, line)
    stated_tgt_lang = _optional_str(obj.get("tgt_lang"), "tgt_lang", display, line)
    return Segment(
        id=str(rid),
        index=index,
        hyp=hyp,
        src=_optional_str(obj.get("src"), "src", display, line),
        refs=_refs(obj.get("ref"), display, line),
        src_lang=(stated_src_lang or src_lang),
        tgt_lang=(stated_tgt_lang or tgt_lang),
        file=display,
        line=line,
    )


def read_jsonl(path: str, display: str, src_lang: str | None = None, tgt_lang: str | None = None,
               max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Segment]:
    index = 0
    for line, text in iter_lines(path, display, max_line_bytes):
        if not text.strip():
            continue
        try:
            obj = json_loads(text)
        except json.JSONDecodeError as e:
            raise InputError(display, f"malformed JSON ({e.msg} at column {e.colno})", line) from None
        except LimitError as e:
            raise InputError(display, str(e), line) from None
        yield record_to_segment(obj, index, display, line, src_lang, tgt_lang)
        index += 1


_TSV_COLUMNS = {"id", "src", "hyp", "src_lang", "tgt_lang"}


def _header(cells: list[str]) -> list[str] | None:
    names = [c.strip().lower() for c in cells]
    if "hyp" not in names:
        return None
    return names


def read_tsv(path: str, display: str, src_lang: str | None = None, tgt_lang: str | None = None,
             max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Segment]:
    columns: list[str] | None = None
    width = None
    index = 0
    for line, text in iter_lines(path, display, max_line_bytes):
        cells = text.split("\t")
        if line == 1:
            columns = _header(cells)
            if columns is not None:
                unknown = [c for c in columns if c not in _TSV_COLUMNS and not c.startswith("ref")]
                if unknown:
                    raise InputError(display, f"unknown column(s) {unknown} in the header", line)
                width = len(columns)
                continue
        if width is None:
            width = len(cells)
            columns = {1: ["hyp"], 2: ["src", "hyp"]}.get(width) or ["src", "hyp"] + [f"ref{i}" for i in range(width - 2)]
        if len(cells) != width:
            raise InputError(display, f"expected {width} tab-separated columns, found {len(cells)}", line)
        yield row_to_segment(dict(zip(columns, cells)), index, display, line, src_lang, tgt_lang)
        index += 1


def row_to_segment(row: dict[str, str], index: int, display: str, line: int,
                   src_lang: str | None, tgt_lang: str | None) -> Segment:
    """A table row keyed by (normalised) column names as a Segment."""
    return Segment(
        id=row.get("id") or str(line),
        index=index,
        hyp=row["hyp"],
        src=row.get("src"),
        refs=tuple(v for k, v in row.items() if k.startswith("ref")),
        src_lang=row.get("src_lang") or src_lang,
        tgt_lang=row.get("tgt_lang") or tgt_lang,
        file=display,
        line=line,
    )


#: Column names of spreadsheet exports, mapped to ours (CSV only: TSV headers stay strict).
_ALIASES = {"source": "src", "target": "hyp", "translation": "hyp", "mt": "hyp",
            "reference": "ref", "source_lang": "src_lang", "target_lang": "tgt_lang"}


_LINE_END_RE = re.compile(r"(?<=\r)(?!\n)")  # a lone \r ends a line too, as CSV readers agree


def _csv_lines(path: str, display: str, max_line_bytes: int) -> Iterator[str]:
    """The file's physical lines, ends kept (the CSV parser needs them inside quoted fields),
    each within the line limit and strictly decoded (iter_lines reports the file and line)."""
    for _, text in iter_lines(path, display, max_line_bytes, keep_ends=True):
        if "\r" in text:
            yield from (part for part in _LINE_END_RE.split(text) if part)
        else:
            yield text


def read_csv(path: str, display: str, src_lang: str | None = None, tgt_lang: str | None = None,
             max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Segment]:
    """CSV with a header row naming the columns; fields may be quoted and span lines."""
    reader = csv.reader(_csv_lines(path, display, max_line_bytes), strict=True)
    # Every physical line is already within --max-line-bytes; a quoted field may span several.
    csv.field_size_limit(1 << 30)
    try:
        header = next(reader, None)
        if header is None:
            return
        columns = [_ALIASES.get(c.strip().lower(), c.strip().lower()) for c in header]
        if "hyp" not in columns:
            raise InputError(display, "the CSV header has no translation column "
                                      "(name it hyp, target or translation)", 1)
        unknown = [c for c in columns if c not in _TSV_COLUMNS and not c.startswith("ref")]
        if unknown:
            raise InputError(display, f"unknown column(s) {unknown} in the header", 1)
        index = 0
        start = reader.line_num + 1
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(columns):
                raise InputError(display, f"expected {len(columns)} comma-separated columns, "
                                          f"found {len(cells)}", line)
            yield row_to_segment(dict(zip(columns, cells)), index, display, line, src_lang, tgt_lang)
            index += 1
    except csv.Error as e:
        raise InputError(display, f"malformed CSV ({e})", reader.line_num) from None
