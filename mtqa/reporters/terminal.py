"""The Rich terminal report, laid out for an editor reading a wire.

Top: the verdict and the counts by severity. Middle: the text itself, wrapped to the
terminal, each flagged span highlighted in place with a caret line under it that carries the
finding's number, and the numbered messages and suggestions right under their paragraph.
Bottom: a per-rule table and, with a reference, the corpus metrics, the distribution of
sentence-level chrF and the lowest-scoring segments (or aligned sentences of a document). The caret lines make the report
just as readable as plain text (no colour, not a terminal, or `--no-color`).
"""
from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from typing import Iterable, Iterator, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from mtqa import rules as rules_mod
from mtqa.metrics import distribution
from mtqa.model import Finding, SegmentResult, Severity
from mtqa.report import Report
from mtqa.reporters.common import input_names, shorten_path
from mtqa.text.sentences import paragraphs

SPAN_STYLE = {Severity.CRITICAL: "bold white on red3", Severity.MAJOR: "bold black on yellow3",
              Severity.MINOR: "underline bright_cyan"}
MARK_STYLE = {Severity.CRITICAL: "bold red", Severity.MAJOR: "bold yellow", Severity.MINOR: "cyan"}
VERDICT_STYLE = {"pass": "bold white on green4", "fail": "bold white on red3"}
INDENT = 2
#: Segment mode shows at most this many flagged segments (JSON has them all).
MAX_SEGMENTS_SHOWN = 50


@dataclass(frozen=True)
class Numbered:
    n: int
    finding: Finding


# ----------------------------------------------------------------------------- layout

def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of text[start:end] into line spans of at most `width` cells."""
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


def _marker_lines(text: str, ls: int, le: int, items: list[tuple[Numbered, int, int]],
                  width: int) -> list[Text]:
    """Caret line(s) under one wrapped line; labels right after the carets when there is room."""
    cells: list[tuple[str, str]] = []

    def put(col: int, s: str, style: str, row: list[tuple[str, str]]) -> None:
        while len(row) < col + len(s):
            row.append((" ", ""))
        for k, ch in enumerate(s):
            row[col + k] = (ch, style)

    def free(row, col, length) -> bool:
        return all(col + k >= len(row) or row[col + k][0] == " " for k in range(length))

    spans = []
    for item, a, b in items:
        c0, c1 = _columns(text, ls, a, b)
        spans.append((item, c0, c1))
        put(c0, "^" * (c1 - c0), MARK_STYLE[item.finding.severity], cells)
    overflow: list[list[tuple[str, str]]] = []
    for item, c0, c1 in spans:
        label = str(item.n)
        style = MARK_STYLE[item.finding.severity]
        if c1 + 1 + len(label) <= width and free(cells, c1, len(label) + 2):
            put(c1 + 1, label, style, cells)
            continue
        col = min(c0, width - len(label))
        for row in overflow:
            if free(row, col, len(label) + 1):
                put(col, label, style, row)
                break
        else:
            row = []
            put(col, label, style, row)
            overflow.append(row)
    out = []
    for row in [cells, *overflow]:
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
        for item, a, b in on_line:
            if a < b:
                line.stylize(SPAN_STYLE[item.finding.severity], INDENT + a - ls, INDENT + b - ls)
        out.append(line)
        if on_line:
            out.extend(_marker_lines(text, ls, le, on_line, width - INDENT))
    return out


def render_notes(items: Iterable[Numbered], width: int) -> list[Text]:
    out = []
    for item in items:
        f = item.finding
        head = Text(" " * INDENT)
        head.append(f"{item.n:>2} ", MARK_STYLE[f.severity])
        head.append(f"{f.rule} ", "bold")
        head.append(f"{f.severity.label:<9}", MARK_STYLE[f.severity])
        head.append(f.message)
        if f.field != "hyp":
            head.append(f" (in the {f.field})", "dim")
        out.extend(_hang(head, width, INDENT + 19))
        if f.suggestion is not None:
            sug = Text(" " * (INDENT + 3))
            sug.append("→ ", "green")
            # A whitespace suggestion (one space for two) is shown quoted, never as a deletion.
            shown = f.suggestion if f.suggestion.strip() else f"“{f.suggestion}”" if f.suggestion else "(delete it)"
            sug.append(shown, "green")
            out.extend(_hang(sug, width, INDENT + 5))
    return out


def _hang(t: Text, width: int, indent: int) -> list[Text]:
    """Wrap a note to the width with a hanging indent."""
    plain = t.plain
    if cell_len(plain) <= width:
        return [t]
    out = []
    first = True
    start = 0
    while start < len(plain):
        avail = width if first else width - indent
        seg_lines = wrap(plain, start, len(plain), avail)
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


# ----------------------------------------------------------------------------- sections

def _languages(info) -> str:
    langs = info.languages
    detected = langs.get("detected") or {}

    def one(side: str) -> str:
        code = langs.get(side) or "?"
        return f"{code} (detected)" if side in detected else code

    return f"{one('src')} → {one('tgt')}" if langs.get("src") or "src" in detected else one("tgt")


def header(report: Report, width: int) -> list:
    s, info = report.summary, report.info
    title = Text()
    title.append("mtqa ", "bold")
    title.append(f"{info.version} · ", "dim")
    tail = f" · {info.mode} · {_languages(info)}"
    title.append(shorten_path(input_names(info), width - len(title.plain) - len(tail)) + tail)
    line = Text()
    line.append(f" {s.verdict.upper()} ", VERDICT_STYLE[s.verdict])
    line.append("  ")
    parts = []
    for sev in (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR):
        n = s.by_severity[sev.label]
        parts.append((f"{n} {sev.label}", MARK_STYLE[sev] if n else "dim"))
    for k, (txt, style) in enumerate(parts):
        if k:
            line.append(" · ", "dim")
        line.append(txt, style)
    gate = "never fails" if info.fail_on == "never" else f"fails on {info.fail_on} or worse"
    stats = Text(f"{s.segments} segment{'s' * (s.segments != 1)}, {s.words} words, "
                 f"penalty {s.penalty:.1f} ({s.penalty_per_100_words:.1f} per 100 words); {gate}", "dim")
    out = [title, line, stats]
    if s.baselined:
        out.append(Text(f"{s.baselined} known finding{'s' * (s.baselined != 1)} left out by the baseline "
                        f"({info.baseline})", "dim"))
    for g in s.gates:  # metric gates decide the verdict too: say which held and which failed
        out.append(Text(f"metric gate {'met' if g.passed else 'FAILED'}: {g.describe()}",
                        "dim" if g.passed else "bold red"))
    return out + [Text("─" * width, "dim")]


def _paragraph_index(paras: tuple[tuple[int, int], ...], pos: int) -> int:
    return max((k for k, (ps, _) in enumerate(paras) if ps <= pos), default=0)


def document_body(result: SegmentResult, width: int) -> list:
    """The whole article, paragraph by paragraph, each followed by the notes of its findings."""
    text = result.segment.hyp
    numbered = [Numbered(i + 1, f) for i, f in enumerate(result.findings)]
    paras = paragraphs(text) or ((0, len(text)),)
    blocks: list[list[Numbered]] = [[] for _ in paras]
    notes: list[list[Numbered]] = [[] for _ in paras]
    elsewhere: list[Numbered] = []
    for item in numbered:
        f = item.finding
        if f.field != "hyp":
            elsewhere.append(item)
            continue
        first = _paragraph_index(paras, f.start)
        last = _paragraph_index(paras, max(f.start, f.end - 1))
        for k in range(first, last + 1):
            blocks[k].append(item)
        notes[last].append(item)
    out: list = []
    for (ps, pe), block, note in zip(paras, blocks, notes):
        out.extend(render_block(text, ps, pe, block, width))
        out.extend(render_notes(note, width))
        out.append(Text(""))
    if elsewhere:
        out.append(Text("In the source and reference:", "bold"))
        out.extend(render_notes(elsewhere, width))
        out.append(Text(""))
    return out


def segment_body(result: SegmentResult, width: int) -> list:
    seg = result.segment
    numbered = [Numbered(i + 1, f) for i, f in enumerate(result.findings)]
    title = Text()
    title.append(f"── {seg.id} ", "bold")
    extra = f"#{seg.index} · score {result.score:g}"
    if result.metrics and "chrf" in result.metrics:
        extra += f" · chrF {result.metrics['chrf']:.1f}"
    title.append(extra + " ", "dim")
    title.append("─" * max(0, width - cell_len(title.plain)), "dim")
    out: list = [title]
    for name in ("src", "hyp", "ref"):
        value = seg.field_text(name)
        if value is None:
            continue
        items = [n for n in numbered if n.finding.field == name]
        out.append(Text(f"{name}:", "bold" if name == "hyp" else "dim"))
        if value == "":
            out.append(Text(" " * INDENT + "(empty)", "dim italic"))
            if items:
                out.extend(_marker_lines("", 0, 0, [(n, 0, 0) for n in items], width - INDENT))
            continue
        out.extend(render_block(value, 0, len(value), items, width, "" if name == "hyp" else "dim"))
    out.extend(render_notes(numbered, width))
    out.append(Text(""))
    return out


def rule_table(report: Report) -> Table | None:
    counts = report.summary.by_rule
    if not counts:
        return None
    table = Table(box=box.SIMPLE_HEAD, title="Findings by rule", title_justify="left", pad_edge=False)
    table.add_column("code", style="bold")
    table.add_column("rule")
    table.add_column("worst")
    table.add_column("count", justify="right")
    known = {r.code: r for r in rules_mod.all_rules()}
    worst = report.summary.worst_by_rule
    for code, n in sorted(counts.items(), key=lambda kv: (-worst.get(kv[0], 0), -kv[1], kv[0])):
        r = known.get(code)
        sev = worst.get(code, Severity.MINOR)
        table.add_row(code, r.name if r else "", Text(sev.label, MARK_STYLE[sev]), str(n))
    return table


def metrics_table(report: Report) -> Table | None:
    s = report.summary
    if not s.metrics:
        return None
    table = Table(box=box.SIMPLE_HEAD, title="Reference metrics (sacrebleu, corpus)",
                  title_justify="left", pad_edge=False)
    table.add_column("metric", style="bold")
    table.add_column("score", justify="right")
    table.add_column("signature", style="dim", overflow="fold")
    for name, value in s.metrics.items():
        table.add_row(name, f"{value:.2f}", (s.metric_signatures or {}).get(name, ""))
    return table


_METRIC_LABEL = {"chrf": "chrF", "chrf++": "chrF++", "bleu": "BLEU"}
BAR = "█"


def _fit(text: str, width: int) -> str:
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


def distribution_section(report: Report, width: int) -> list:
    """A histogram of sentence-level scores (fixed bins) and the lowest-scoring items.

    Bars are block characters and every count is printed, so it reads the same in plain text.
    """
    dist = report.summary.distribution
    if dist is None or not dist.count:
        return []
    label = _METRIC_LABEL.get(dist.metric, dist.metric)
    unit = "sentences" if dist.level == "sentence" else "segments"
    what = "aligned sentence" if dist.level == "sentence" else "segment"
    out: list = [Text("")]
    title = Text()
    title.append(f"{label} per {what}", "bold")
    title.append(f": {dist.count:,} {unit}, mean {dist.mean:.1f}, min {dist.low:.1f}, max {dist.high:.1f}",
                 "dim")
    out.extend(_hang(title, width, INDENT))
    edges = distribution.EDGES
    peak = max(dist.counts) or 1
    count_w = max(len(f"{c:,}") for c in dist.counts)
    label_w = len(f"{edges[-2]}–{edges[-1]}")
    bar_w = max(10, width - INDENT - label_w - 3 - count_w - 8)
    for k, c in enumerate(dist.counts):
        line = Text(" " * INDENT)
        line.append(f"{edges[k]}–{edges[k + 1]}".rjust(label_w), "dim")
        line.append(" │")
        n = round(bar_w * c / peak)
        if c and not n:
            n = 1  # a non-empty bin is always visible
        line.append(BAR * n, "cyan")
        line.append(" " * (bar_w - n + 1))
        line.append(f"{c:,}".rjust(count_w))
        line.append(f" {100 * c / dist.count:4.0f}%", "dim")
        out.append(line)
    out.append(Text(""))
    worst = dist.worst()
    if worst:
        out.append(Text(f"Lowest {label} {unit}", "bold"))
        if dist.level == "sentence":
            keys = [f"line {item.line}" if item.line is not None else f"#{item.sentence}" for item in worst]
        else:
            keys = [_fit(item.id, 24) for item in worst]
        key_w = max(cell_len(k) for k in keys)
        for item, key in zip(worst, keys):
            line = Text(" " * INDENT)
            line.append(f"{item.score:5.1f}  ", "bold")
            line.append(key + " " * (key_w - cell_len(key) + 2), "dim")
            line.append(_fit(item.excerpt, max(10, width - INDENT - 7 - key_w - 2)))
            out.append(line)
        out.append(Text(""))
    return out


# ----------------------------------------------------------------------------- render

def make_console(out: TextIO, color: bool, width: int) -> Console:
    return Console(file=out, width=width, force_terminal=color, no_color=not color,
                   color_system="standard" if color else None, highlight=False, emoji=False,
                   markup=False, soft_wrap=False, legacy_windows=False)


@contextlib.contextmanager
def report_console(out: TextIO, color: bool, width: int) -> Iterator[Console]:
    """A Console writing a report to `out`: directly in colour; in plain text through a buffer,
    so that the padding Rich leaves at line ends can be stripped."""
    buffer = io.StringIO()
    yield make_console(buffer if not color else out, color, width)
    if not color:
        out.write("\n".join(line.rstrip() for line in buffer.getvalue().split("\n")))


def render(report: Report, out: TextIO, *, color: bool = False, width: int = 80,
           max_segments: int = MAX_SEGMENTS_SHOWN, **_options) -> None:
    body: list = []
    shown = hidden = 0
    for result in report:
        if report.info.mode == "document":
            body.extend(document_body(result, width))
        elif result.findings:
            if shown < max_segments:
                body.extend(segment_body(result, width))
                shown += 1
            else:
                hidden += 1
    with report_console(out, color, width) as console:
        for line in header(report, width):
            console.print(line)  # wrapped at the width: a long baseline path or gate must not overflow
        console.print()
        for line in body:
            console.print(line, soft_wrap=True, crop=False)
        if hidden:
            console.print(Text(f"… and {hidden} more segments with findings (use --format json to see all)",
                               "italic"))
            console.print()
        if report.info.mode != "document" and not report.summary.findings:
            console.print(Text("No findings.", "green"))
            console.print()
        for table in (rule_table(report), metrics_table(report)):
            if table is not None:
                console.print(table)
        for line in distribution_section(report, width):
            console.print(line, soft_wrap=True, crop=False)
