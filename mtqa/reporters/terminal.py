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
from typing import Iterator, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from mtqa import rules as rules_mod
from mtqa.metrics import distribution
from mtqa.model import SegmentResult, Severity
from mtqa.report import Report
from mtqa.reporters.common import input_names, shorten_path
from mtqa.reporters.terminal_layout import (
    INDENT,
    MARK_STYLE,
    VERDICT_STYLE,
    Numbered,
    fit,
    hang,
    marker_lines,
    render_block,
    render_notes,
)
from mtqa.text.sentences import paragraphs

_fit = fit  # the name compare_report imports

#: Segment mode shows at most this many flagged segments (JSON has them all).
MAX_SEGMENTS_SHOWN = 50
#: The "fix first" block names at most this many critical and major findings.
MAX_FIX_FIRST = 12


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
    if s.findings:  # the columns of a finding's line are unlabelled below: name them once
        out.append(Text("each finding: number, rule, severity, confidence (high, medium, low), message", "dim"))
    if s.baselined:
        out.append(Text(f"{s.baselined} known finding{'s' * (s.baselined != 1)} left out by the baseline "
                        f"({info.baseline})", "dim"))
    if s.hidden:
        out.append(Text(f"{s.hidden} finding{'s' * (s.hidden != 1)} of confidence below {s.min_confidence} hidden "
                        "(--min-confidence low shows them)", "dim"))
    for g in s.gates:  # metric gates decide the verdict too: say which held and which failed
        out.append(Text(f"metric gate {'met' if g.passed else 'FAILED'}: {g.describe()}",
                        "dim" if g.passed else "bold red"))
    return out + [Text("─" * width, "dim")]


def urgent(result: SegmentResult, document: bool) -> list[tuple[str, Numbered]]:
    """The critical and major findings of a result, with where they are (numbered as in the body)."""
    seg = result.segment
    out = []
    for i, f in enumerate(result.findings):
        if f.severity < Severity.MAJOR:
            continue
        text = seg.field_text(f.field) or ""
        if document:
            where = f"line {text.count(chr(10), 0, f.start) + 1}"
        else:
            where = f"{seg.id}" + (f" (line {seg.line})" if seg.line is not None else "")
        if f.field != "hyp":
            where += f" of the {f.field}"
        out.append((where, Numbered(i + 1, f)))
    return out


def fix_first(entries: list[tuple[str, Numbered]], width: int) -> list:
    """The "fix first" block: critical findings, then major, in text order, one line each."""
    if not entries:
        return []
    entries = sorted(entries, key=lambda e: -e[1].finding.severity)  # stable: text order kept
    crit = sum(1 for _, n in entries if n.finding.severity == Severity.CRITICAL)
    title = Text("Fix first: ", "bold")
    title.append(f"{crit} critical, {len(entries) - crit} major", "dim")
    out: list = [title]
    where_w = min(max(cell_len(w) for w, _ in entries[:MAX_FIX_FIRST]), 24)
    for where, item in entries[:MAX_FIX_FIRST]:
        f = item.finding
        line = Text(" " * INDENT)
        line.append(f"{item.n:>3} ", MARK_STYLE[f.severity])
        line.append(f"{f.rule} ", "bold")
        line.append(f"{f.severity.label:<9}", MARK_STYLE[f.severity])
        w = fit(where, where_w)
        line.append(w + " " * (where_w - cell_len(w) + 2), "dim")
        line.append(fit(f.message, max(10, width - cell_len(line.plain))))
        out.append(line)
    if len(entries) > MAX_FIX_FIRST:
        out.append(Text(f"{' ' * INDENT}… and {len(entries) - MAX_FIX_FIRST} more below", "dim"))
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
                out.extend(marker_lines("", 0, [(n, 0, 0) for n in items], width - INDENT))
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
    out.extend(hang(title, width, INDENT))
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
        line.append(BAR * n, "green")
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
            keys = [fit(item.id, 24) for item in worst]
        key_w = max(cell_len(k) for k in keys)
        for item, key in zip(worst, keys):
            line = Text(" " * INDENT)
            line.append(f"{item.score:5.1f}  ", "bold")
            line.append(key + " " * (key_w - cell_len(key) + 2), "dim")
            line.append(fit(item.excerpt, max(10, width - INDENT - 7 - key_w - 2)))
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
    first: list[tuple[str, Numbered]] = []
    shown = hidden = 0
    for result in report:
        first.extend(urgent(result, report.info.mode == "document"))
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
        for line in fix_first(first, width):
            console.print(line, soft_wrap=True, crop=False)
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
