"""Write fixed translations back into their input file, touching only the translation text.

Every writer takes the original bytes and the (old, new) translation of each segment, in the
order the reader yielded them, finds each translation in the bytes the way the reader found it,
and splices in the new text encoded the way the format encodes it. Everything else (other
fields, key order, quoting, line endings, a byte-order mark) stays byte for byte. A located
translation that does not decode to the segment's text means the writer and the reader
disagree: `FormatError`, and nothing is written.

Plain text, articles, JSONL, TSV and CSV are here; XLIFF, TMX and PO in `markup.py`.
"""
from __future__ import annotations

import difflib
import json
from typing import Callable, Iterator, Sequence

Change = tuple[str, str]  # (old translation, new translation)


class FormatError(Exception):
    """The file cannot be edited in place (the writer cannot find a translation the reader read)."""


def text_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) edits in `old` that turn it into `new` (smallest pieces, so that
    a splice into a format with escapes or markup touches as little as possible)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(a1, a2, new[b1:b2]) for op, a1, a2, b1, b2 in matcher.get_opcodes() if op != "equal"]


def splice(raw: str, pieces: Sequence[tuple[int, int, str]]) -> str:
    """`raw` with the (sorted, non-overlapping) pieces replaced."""
    out, pos = [], 0
    for start, end, text in pieces:
        out.append(raw[pos:start])
        out.append(text)
        pos = end
    out.append(raw[pos:])
    return "".join(out)


# ----------------------------------------------------------------------------- articles and lines

def write_document(raw: str, changes: Sequence[Change]) -> str:
    """An article (--doc): offsets are into the text with universal newlines; the file may use
    `\\r\\n` or `\\r`, so each normalised offset is mapped back to the raw text."""
    (old, new), = changes
    positions, i = [], 0          # positions[k] = raw offset of normalised character k
    while i < len(raw):
        positions.append(i)
        i += 2 if raw.startswith("\r\n", i) else 1
    positions.append(len(raw))
    if raw.replace("\r\n", "\n").replace("\r", "\n") != old:
        raise FormatError("the article changed while it was being fixed")
    newline = "\r\n" if "\r\n" in raw else ("\r" if "\r" in raw else "\n")
    return splice(raw, [(positions[a], positions[b], text.replace("\n", newline))
                        for a, b, text in text_edits(old, new)])


def _lines(raw: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line's content, without its `\\n` and a `\\r` before it."""
    pos = 0
    while pos < len(raw):
        nl = raw.find("\n", pos)
        end = len(raw) if nl < 0 else nl
        content_end = end - 1 if end > pos and raw[end - 1] == "\r" else end
        yield pos, content_end
        pos = end + 1


def write_lines(raw: str, changes: Sequence[Change]) -> str:
    """Line-aligned text: line i is segment i (a BOM before the first line is kept)."""
    pieces = []
    for k, ((start, end), (old, new)) in enumerate(zip(_lines(raw), changes)):
        if k == 0 and raw.startswith("\ufeff"):
            start += 1
        _expect(raw[start:end], old, f"line {k + 1}")
        if new != old:
            pieces.append((start, end, new))
    return splice(raw, pieces)


def _expect(found: str, old: str, where: str) -> None:
    if found != old:
        raise FormatError(f"cannot find the translation of {where} in the file")


def _no_breaks(new: str, where: str, breaks: str = "\n\r") -> None:
    if any(c in new for c in breaks):
        raise FormatError(f"the fixed translation of {where} would break its line")


# ----------------------------------------------------------------------------- JSONL

_DECODER = json.JSONDecoder()


def _skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\r\n":
        i += 1
    return i


def _value_span(line: str, key: str) -> tuple[int, int] | None:
    """(start, end) of the top-level value of `key` in a JSON object line (the last one wins,
    as in json.loads)."""
    i = _skip_ws(line, 0)
    if i >= len(line) or line[i] != "{":
        return None
    i = _skip_ws(line, i + 1)
    found = None
    while i < len(line) and line[i] != "}":
        name, i = json.decoder.scanstring(line, i + 1)
        i = _skip_ws(line, i)
        i = _skip_ws(line, i + 1)                  # the colon
        _, end = _DECODER.raw_decode(line, i)
        if name == key:
            found = (i, end)
        i = _skip_ws(line, end)
        if i < len(line) and line[i] == ",":
            i = _skip_ws(line, i + 1)
    return found


def write_jsonl(raw: str, changes: Sequence[Change]) -> str:
    pieces, it = [], iter(changes)
    for k, (start, end) in enumerate(_lines(raw)):
        line = raw[start:end]
        if k == 0 and line.startswith("\ufeff"):
            start, line = start + 1, line[1:]
        if not line.strip():
            continue
        old, new = next(it)
        span = _value_span(line, "hyp")
        if span is None:
            raise FormatError(f"cannot find the translation of line {k + 1} in the file")
        token = line[span[0]:span[1]]
        _expect(json.loads(token), old, f"line {k + 1}")
        if new != old:
            # Keep the line's own escaping style: \\u escapes stay escapes.
            ascii_only = token.isascii() and not old.isascii()
            pieces.append((start + span[0], start + span[1], json.dumps(new, ensure_ascii=ascii_only)))
    return splice(raw, pieces)


# ----------------------------------------------------------------------------- TSV and CSV

def _tsv_column(header: list[str] | None, width: int) -> int:
    if header is not None:
        return header.index("hyp")
    return 0 if width == 1 else 1


def write_tsv(raw: str, changes: Sequence[Change]) -> str:
    pieces, it, column = [], iter(changes), None
    for k, (start, end) in enumerate(_lines(raw)):
        if k == 0 and raw.startswith("\ufeff"):
            start += 1
        cells = raw[start:end].split("\t")
        if k == 0:
            names = [c.strip().lower() for c in cells]
            if "hyp" in names:
                column = names.index("hyp")
                continue
        if column is None:
            column = _tsv_column(None, len(cells))
        old, new = next(it)
        offset = start + sum(len(c) + 1 for c in cells[:column])
        _expect(cells[column], old, f"line {k + 1}")
        if new != old:
            _no_breaks(new, f"line {k + 1}", "\n\r\t")
            pieces.append((offset, offset + len(cells[column]), new))
    return splice(raw, pieces)


def _csv_records(raw: str, start: int) -> Iterator[list[tuple[int, int, bool]]]:
    """Each record's fields as (start, end, quoted) raw spans (RFC 4180, as csv.reader reads)."""
    i, n = start, len(raw)
    while i < n:
        fields = []
        while True:
            if i < n and raw[i] == '"':
                j = i + 1
                while True:
                    q = raw.find('"', j)
                    if q < 0:
                        raise FormatError("unterminated quoted CSV field")
                    if raw.startswith('""', q):
                        j = q + 2
                        continue
                    break
                end = q + 1
                while end < n and raw[end] not in ",\r\n":
                    end += 1                       # csv.reader keeps text after a closing quote
                fields.append((i, end, True))
            else:
                end = i
                while end < n and raw[end] not in ",\r\n":
                    end += 1
                fields.append((i, end, False))
            i = end
            if i < n and raw[i] == ",":
                i += 1
                continue
            break
        i += 2 if raw.startswith("\r\n", i) else 1
        yield fields


def _csv_value(raw: str, span: tuple[int, int, bool]) -> str:
    start, end, quoted = span
    if not quoted:
        return raw[start:end]
    close = raw.rfind('"', start + 1, end)
    return raw[start + 1:close].replace('""', '"') + raw[close + 1:end]


def write_csv(raw: str, changes: Sequence[Change]) -> str:
    from mtqa.io.records import _ALIASES

    records = _csv_records(raw, 1 if raw.startswith("\ufeff") else 0)
    header = next(records, None)
    if header is None:
        return raw
    names = [_ALIASES.get(_csv_value(raw, f).strip().lower(), _csv_value(raw, f).strip().lower()) for f in header]
    column = names.index("hyp")
    pieces, it = [], iter(changes)
    for fields in records:
        values = [_csv_value(raw, f) for f in fields]
        if not any(v.strip() for v in values):
            continue
        old, new = next(it)
        _expect(values[column], old, "a CSV record")
        if new != old:
            start, end, quoted = fields[column]
            if quoted or any(c in new for c in ',"\r\n'):
                encoded = '"' + new.replace('"', '""') + '"'
            else:
                encoded = new
            pieces.append((start, end, encoded))
    return splice(raw, pieces)


WRITERS: dict[str, Callable[[str, Sequence[Change]], str]] = {
    "document": write_document, "lines": write_lines, "jsonl": write_jsonl, "tsv": write_tsv,
    "csv": write_csv,
}
