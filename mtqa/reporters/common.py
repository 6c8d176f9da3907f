"""What several reporters share: the CI level of a finding, where it is in the input files,
and a one-line plain-text description of it.

Levels follow the gate, so every CI format agrees on what broke the build: a finding at or
above `--fail-on` is an `error`; below it, a major finding is a `warning` and a minor one a
`note` (GitHub calls it `notice`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from mtqa import scoring
from mtqa.model import Finding, Segment, Severity
from mtqa.report import RunInfo, Summary


def level(severity: Severity, fail_on: str) -> str:
    threshold = scoring.fail_threshold(fail_on)
    if threshold is not None and severity >= threshold:
        return "error"
    return "warning" if severity >= Severity.MAJOR else "note"


@dataclass(frozen=True)
class Location:
    """Where a finding is in a file. Lines and columns are 1-based; `end_column` is exclusive.

    `exact` is true when columns and character offsets are positions in the file itself
    (document mode, line-aligned files). In records files (JSONL, CSV, XLIFF...) the offsets are
    into the decoded field, so only the record's line is given, when the format has lines.
    """

    file: str | None
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    char_offset: int | None = None
    char_length: int | None = None

    @property
    def exact(self) -> bool:
        return self.column is not None


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def field_file(segment: Segment, field: str, info: RunInfo) -> str | None:
    """The file a field of the segment was read from."""
    if "records" in info.inputs or field == "hyp":
        return segment.file or _first(info.inputs.get("records") or info.inputs.get("hyp"))
    return _first(info.inputs.get(field))


def _first(value) -> str | None:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def locate(segment: Segment, finding: Finding, info: RunInfo) -> Location:
    file = field_file(segment, finding.field, info)
    if file is not None and file.startswith("<"):  # <stdin>: no file to point at
        file = None
    if segment.is_document:
        text = segment.field_text(finding.field) or ""
        line, col = _line_col(text, finding.start)
        end_line, end_col = _line_col(text, finding.end)
        return Location(file, line, col, end_line, end_col, finding.start, finding.end - finding.start)
    if "records" not in info.inputs and segment.line is not None:  # line-aligned files
        return Location(file, segment.line, finding.start + 1, segment.line, finding.end + 1)
    return Location(file, segment.line)


def suggestion_text(suggestion: str | None) -> str:
    """` → “fix”`, ` → delete it` for an empty replacement, or nothing without a suggestion."""
    if suggestion is None:
        return ""
    return f" → “{suggestion}”" if suggestion != "" else " → delete it"


def describe(segment: Segment, finding: Finding, with_segment: bool = True) -> str:
    """`QT001 reversed-quotation-marks (minor) hyp[5:18] “” x “”: message → “suggestion”`."""
    where = f"segment {segment.id}, " if with_segment else ""
    text = f"{finding.rule} {finding.name} ({finding.severity.label}, {finding.category}) " \
           f"{where}{finding.field}[{finding.start}:{finding.end}] “{finding.text}”: {finding.message}"
    return text + suggestion_text(finding.suggestion)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def severity_counts(summary: Summary, sep: str = " · ") -> str:
    """`1 critical · 0 major · 5 minor`."""
    return sep.join(f"{summary.by_severity[sev.label]} {sev.label}" for sev in reversed(Severity))


def summary_sentence(summary: Summary, info: RunInfo) -> str:
    """The counts, the gate and the baseline in one sentence (Markdown and HTML headers)."""
    s = summary
    gate = "never fails on findings" if info.fail_on == "never" else f"fails on {info.fail_on} or worse"
    text = (f"{plural(s.findings, 'finding')} ({severity_counts(s)}) in {s.segments_with_findings} of "
            f"{plural(s.segments, 'segment')}, {plural(s.words, 'word')}; {gate}.")
    if s.baselined:
        text += f" {plural(s.baselined, 'known finding')} left out by the baseline."
    if s.hidden:
        text += (f" {plural(s.hidden, 'finding')} of confidence below {s.min_confidence} hidden "
                 "(--min-confidence low shows them).")
    return text


def input_names(info: RunInfo, default: str = "input") -> str:
    names = info.inputs.get("records") or info.inputs.get("hyp") or default
    return ", ".join(names) if isinstance(names, list) else names


def shorten_path(name: str, room: int) -> str:
    """A file name that fits in `room` columns of a terminal header: relative to the working
    directory when it lies below it, then cut from the left (the file's own name is what a reader
    needs), so a deep checkout path never pushes the header past the terminal's width."""
    if len(name) <= room:
        return name
    try:
        relative = os.path.relpath(name)
    except ValueError:  # another drive on Windows
        relative = name
    if not relative.startswith(".."):
        name = relative
    if len(name) <= room:
        return name
    return "…" + name[-max(room - 1, 1):]


_VISIBLE = str.maketrans({" ": "·", "\u00a0": "⍽", "\u202f": "⍽", "\t": "⇥", "\n": "↵"})


def visible(text: str) -> str:
    """Text for display in a list: whitespace-only text (the point of a spacing finding) is shown
    with visible marks, since a browser or a Markdown view would show nothing."""
    if text == "":
        return "(empty)"
    return text.translate(_VISIBLE) if not text.strip() else text
