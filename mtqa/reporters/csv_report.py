"""CSV: one row per finding, for review sign-off in a spreadsheet.

Columns: segment id, file and line, rule and name, severity, confidence, category, field,
start/end offsets, the flagged text, the suggestion (`(delete)` when it is to delete the span), whether `mtqa fix` applies it, and the
message. RFC 4180 quoting and `\\r\\n` row ends; `bom=True` (`--csv-bom`) starts the file with a
UTF-8 byte-order mark, which Excel needs to read UTF-8 rather than the local code page.

Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return,
which some strip first) as a formula: flagged text is untrusted input, so such cells are
neutralised with a leading apostrophe, which the spreadsheet shows as text (OWASP "CSV
injection"). Numbers we write ourselves (offsets, lines) are never prefixed.
"""
from __future__ import annotations

import csv
from typing import TextIO

from mtqa.fix.engine import fixable
from mtqa.report import Report
from mtqa.reporters.common import locate

COLUMNS = ("segment", "file", "line", "rule", "name", "severity", "confidence", "category", "field",
           "start", "end", "text", "suggestion", "fixable", "message")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str | int:
    """The cell as text a spreadsheet will not evaluate (ints are ours and pass unchanged)."""
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(report: Report, out: TextIO, bom: bool = False, **_options) -> None:
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    info = report.info
    for result in report:
        seg = result.segment
        fixes = {id(f) for f in fixable(result.findings, seg.hyp)}
        for f in result.findings:
            loc = locate(seg, f, info)
            row = (seg.id, loc.file, loc.line, f.rule, f.name, f.severity.label, f.confidence.label,
                   f.category, f.field, f.start, f.end, f.text,
                   "(delete)" if f.suggestion == "" else f.suggestion,
                   "yes" if id(f) in fixes else "no", f.message)
            writer.writerow([safe_cell(v) for v in row])
