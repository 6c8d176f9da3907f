"""GitHub Actions workflow commands: one annotation line per finding, written as it is found.

    ::error file=a.en.txt,line=3,col=9,endLine=3,endColumn=16,title=SP001 missing-space-after-sentence-end::...

GitHub shows these on the pull request's changed files. Line and column come from the finding's
offsets in document mode and with line-aligned files; records files (JSONL, CSV, PO...) give
the record's line when the format has one. The level follows the gate (common.level): errors
are what fails the run. Failed metric gates are errors too, and a last notice sums up.
"""
from __future__ import annotations

from typing import TextIO

from mtqa.report import Report
from mtqa.reporters.common import level, locate, severity_counts, suggestion_text

_LEVELS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props) -> str:
    parts = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + parts if parts else ''}::{escape_data(message)}\n"


def render(report: Report, out: TextIO, **_options) -> None:
    info = report.info
    segments_mode = info.mode != "document"
    for result in report:
        seg = result.segment
        for f in result.findings:
            loc = locate(seg, f, info)
            end_col = None if loc.end_column is None else max(loc.column, loc.end_column - 1)
            message = f"{f.message}: “{f.text}”{suggestion_text(f.suggestion)}"
            if f.field != "hyp":
                message += f" (in the {f.field})"
            if segments_mode:
                message = f"[segment {seg.id}] {message}"
            out.write(command(_LEVELS[level(f.severity, info.fail_on)], message, file=loc.file,
                              line=loc.line, col=loc.column, endLine=loc.end_line, endColumn=end_col,
                              title=f"{f.rule} {f.name} ({f.severity.label})"))
    s = report.summary
    for g in s.failed_gates:
        out.write(command("error", g.describe(), title="mtqa metric gate"))
    counts = severity_counts(s, ", ")
    baselined = f"; {s.baselined} baselined" if s.baselined else ""
    out.write(command("notice", f"{s.verdict.upper()}: {s.findings} findings ({counts}) in "
                                f"{s.segments_with_findings} of {s.segments} segments{baselined}",
                      title="mtqa"))
