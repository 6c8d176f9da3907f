"""Layout of the terminal report's text: word wrap, highlighted spans, caret lines and notes.

Colours are chosen to read on dark and light terminals alike (the 16 standard colours, whose
shades the user's theme sets): no yellow or cyan text, which vanishes on a white background,
and no coloured text on a coloured background except black on yellow and white on red. A minor
finding is underlined only, so one inside a major highlight stays black on yellow (before, it
was bright cyan on bright yellow). The most severe highlight is applied last, so it wins.

Every finding keeps its carets: spans that overlap on a line are stacked on caret rows of their
own, and each row carries the numbers of its findings.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from rich.cells import cell_len
from rich.text import Text

from mtqa.model import Confidence, Finding, Severity

SPAN_STYLE = {Severity.CRITICAL: "bold white on red3", Severity.MAJOR: "black on yellow3",
              Severity.MINOR: "underline"}
MARK_STYLE = {Severity.CRITICAL: "bold red", Severity.MAJOR: "bold magenta", Severity.MINOR: "bold"}
CONFIDENCE_STYLE = {Confidence.HIGH: "", Confidence.MEDIUM: "dim", Confidence.LOW: "dim italic"}
VERDICT_STYLE = {"pass": "bold white on green4", "fail": "bold white on red3"}
INDENT = 2


@dataclass(frozen=True)
class Numbered:
    n: int
    finding: Finding


def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of text[start:end] into line spans of at most `width` cells; a line
    break in the text always ends a line (a record's `hyp` may hold several paragraphs)."""
    lines: list[tuple[int, int]] = []
    piece = start
    while piece <= end:
        nl = text.find("\n", piece, end)
        piece_end = end if nl < 0 else nl
        lines.extend(_wrap_line(text, piece, piece_end, width) or [(piece, piece)])
        if nl < 0:
            break
        piece = nl + 1
    return lines


def _wrap_line(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        cells, i, last_space = 0, pos, None
        while i < end:
            w = cell_len(text[i])
            if cells + w > width:
                break
            if text[i] == " ":
                last_space = i
            cells += w
            i += 1
        if i >= end:
            lines.append((pos, end))
            break
        if last_space is not None and last_space > pos:
            lines.append((pos, last_space))
            pos = last_space + 1
        else:
            lines.append((pos, max(i, pos + 1)))
            pos = max(i, pos + 1)
    return lines


def _columns(text: str, ls: int, a: int, b: int) -> tuple[int, int]:
    """Cell columns of text[a:b] on a line starting at ls (at least one cell wide)."""
    c0 = cell_len(text[ls:a])
    c1 = c0 + cell_len(text[a:b])
    return c0, max(c1, c0 + 1)


Row = list[tuple[str, str]]


def _put(row: Row, col: int, s: str, style: str) -> None:
    while len(row) < col + len(s):
        row.append((" ", ""))
    for k, ch in enumerate(s):
        row[col + k] = (ch, style)


def _free(row: Row, col: int, length: int) -> bool:
    return all(col + k >= len(row) or row[col + k][0] == " " for k in range(length))


def marker_lines(text: str, ls: int, items: list[tuple[Numbered, int, int]], width: int) -> list[Text]:
    """Caret rows under one wrapped line. A span goes on the first row where its carets and
    its number fit without touching another's; a number that does not fit after its carets
    goes on a row below, under its span."""
    rows: list[Row] = []
    late: list[tuple[Numbered, int]] = []
    spans = sorted(((item, *_columns(text, ls, a, b)) for item, a, b in items),
                   key=lambda s: (s[1], -(s[2] - s[1]), s[0].n))
    for item, c0, c1 in spans:
        style = MARK_STYLE[item.finding.severity]
        label = str(item.n)
        fits_label = c1 + 1 + len(label) <= width
        need = (c1 - c0) + (len(label) + 2 if fits_label else 1)
        for row in rows:
            if _free(row, max(c0 - 1, 0), need + (c0 > 0)):
                break
        else:
            row = []
            rows.append(row)
        _put(row, c0, "^" * (c1 - c0), style)
        if fits_label:
            _put(row, c1 + 1, label, style)
        else:
            late.append((item, c0))
    for item, c0 in late:
        label = str(item.n)
        col = max(0, min(c0, width - len(label)))
        for row in rows[1:] if len(rows) > 1 else []:
            if _free(row, max(col - 1, 0), len(label) + 2):
                break
        else:
            row = []
            rows.append(row)
        _put(row, col, label, MARK_STYLE[item.finding.severity])
    out = []
    for row in rows:
        t = Text(" " * INDENT)
        for ch, style in row:
            t.append(ch, style or None)
        out.append(t)
    return out


def render_block(text: str, start: int, end: int, items: list[Numbered], width: int,
                 base_style: str = "") -> list[Text]:
    """A wrapped stretch of text with its flagged spans highlighted and caret lines under them.

    A finding with an empty span, or one that lies in whitespace the wrapping removed, gets a
    single caret at its position on the nearest line.
    """
    lines = wrap(text, start, end, width - INDENT) or [(start, start)]
    per_line: list[list[tuple[Numbered, int, int]]] = [[] for _ in lines]
    for item in items:
        f = item.finding
        placed = False
        for k, (ls, le) in enumerate(lines):
            a, b = max(f.start, ls), min(f.end, le)
            if a < b:
                per_line[k].append((item, a, b))
                placed = True
        if not placed:
            k = max((k for k, (ls, _) in enumerate(lines) if ls <= f.start), default=0)
            pos = min(max(f.start, lines[k][0]), lines[k][1])
            per_line[k].append((item, pos, pos))
    out: list[Text] = []
    for (ls, le), on_line in zip(lines, per_line):
        line = Text(" " * INDENT)
        line.append(text[ls:le], base_style or None)
        # The least severe first: the most severe highlight is applied last and shows.
        for item, a, b in sorted(on_line, key=lambda x: x[0].finding.severity):
            if a < b:
                line.stylize(SPAN_STYLE[item.finding.severity], INDENT + a - ls, INDENT + b - ls)
        out.append(line)
        if on_line:
            out.extend(marker_lines(text, ls, on_line, width - INDENT))
    return out


NOTE_INDENT = INDENT + 3 + 6 + 9 + 7   # number, rule, severity, confidence


def render_notes(items: Iterable[Numbered], width: int) -> list[Text]:
    out = []
    for item in items:
        f = item.finding
        head = Text(" " * INDENT)
        head.append(f"{item.n:>2} ", MARK_STYLE[f.severity])
        head.append(f"{f.rule} ", "bold")
        head.append(f"{f.severity.label:<9}", MARK_STYLE[f.severity])
        head.append(f"{f.confidence.label:<7}", CONFIDENCE_STYLE[f.confidence] or None)
        head.append(f.message)
        if f.field != "hyp":
            head.append(f" (in the {f.field})", "dim")
        out.extend(hang(head, width, NOTE_INDENT))
        if f.suggestion is not None:
            sug = Text(" " * (INDENT + 3))
            sug.append("→ ", "green")
            # A whitespace suggestion (one space for two) is shown quoted, never as a deletion.
            shown = f.suggestion if f.suggestion.strip() else f"“{f.suggestion}”" if f.suggestion else "(delete it)"
            sug.append(shown, "green")
            out.extend(hang(sug, width, INDENT + 5))
    return out


def hang(t: Text, width: int, indent: int) -> list[Text]:
    """Wrap a note to the width with a hanging indent."""
    plain = t.plain
    if cell_len(plain) <= width:
        return [t]
    out = []
    first = True
    start = 0
    while start < len(plain):
        avail = width if first else width - indent
        seg_lines = _wrap_line(plain, start, len(plain), avail)
        ls, le = seg_lines[0]
        piece = t[ls:le]
        if not first:
            piece = Text(" " * indent) + piece
        out.append(piece)
        start = le
        while start < len(plain) and plain[start] == " ":
            start += 1
        first = False
    return out


def fit(text: str, width: int) -> str:
    """One line of text cut to `width` cells with an ellipsis."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    out, cells = [], 0
    for ch in text:
        w = cell_len(ch)
        if cells + w > width - 1:
            break
        out.append(ch)
        cells += w
    return "".join(out) + "…"
