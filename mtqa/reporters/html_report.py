"""A self-contained HTML report: no scripts, no external files, every piece of text escaped.

The header gives the verdict, counts, gates and metrics; then each segment with findings shows
its text with the flagged spans highlighted by severity (overlapping spans are split at their
boundaries, so every character is marked once, by its worst finding), followed by the numbered
findings; a legend at the end explains each rule that fired, from its documentation. It
buffers the segments with findings (an HTML page is read whole anyway).
"""
from __future__ import annotations

import html
from typing import TextIO

from mtqa import rules as rules_mod
from mtqa.model import FIELDS, Finding, SegmentResult
from mtqa.report import Report
from mtqa.reporters.common import input_names, summary_sentence, visible

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
h1{font-size:1.4em}.verdict{padding:.1em .5em;border-radius:.3em;color:#fff}
.pass{background:#2e7d32}.fail{background:#c62828}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}
section.segment{border-top:1px solid #ddd;margin-top:1em}
.text{white-space:pre-wrap;background:#fafafa;padding:.5em;border-radius:.3em}
.field{color:#666;font-size:.85em;margin:.4em 0 0}
mark{border-radius:.2em;padding:0 .05em}mark.critical{background:#ef9a9a}
mark.major{background:#ffe082}mark.minor{background:none;border-bottom:2px solid #29b6f6}
mark.empty{color:#c62828;background:none}sup{color:#555;font-size:.7em}
li.finding .critical{color:#c62828}li.finding .major{color:#b26a00}li.finding .minor{color:#0277bd}
dt{font-weight:bold;margin-top:.8em}dd{margin-left:1em}dd pre{white-space:pre-wrap;margin:.2em 0}
"""


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def highlight(text: str, items: list[tuple[int, Finding]]) -> str:
    """`text` with each finding's span in a <mark>; overlaps split at every span boundary."""
    cuts = {0, len(text)}
    for _, f in items:
        cuts.update((f.start, f.end))
    points = sorted(cuts)
    out = []
    empties = {}
    for n, f in items:
        if f.start == f.end:
            empties.setdefault(f.start, []).append((n, f))
    for a, b in zip(points, points[1:] + [None]):
        for n, f in empties.get(a, ()):
            out.append(f'<mark class="{f.severity.label} empty" title="{esc(f.rule + ": " + f.message)}">'
                       f'⁁<sup>{n}</sup></mark>')
        if b is None:
            break
        piece = esc(text[a:b])
        active = [(n, f) for n, f in items if f.start <= a and b <= f.end and f.start < f.end]
        if not active:
            out.append(piece)
            continue
        worst = max(active, key=lambda it: it[1].severity)[1]
        title = "; ".join(f"{n}. {f.rule}: {f.message}" for n, f in active)
        labels = "".join(f"<sup>{n}</sup>" for n, f in active if f.end == b)
        out.append(f'<mark class="{worst.severity.label}" title="{esc(title)}">{piece}{labels}</mark>')
    return "".join(out)


def segment_html(result: SegmentResult) -> str:
    seg = result.segment
    numbered = list(enumerate(result.findings, 1))
    parts = [f'<section class="segment" id="segment-{esc(seg.index)}">',
             f"<h3>{esc(seg.id)} <small>score {result.score:g}</small></h3>"]
    for name in FIELDS:
        value = seg.field_text(name)
        items = [(n, f) for n, f in numbered if f.field == name]
        if value is None or (name != "hyp" and not items):
            continue
        parts.append(f'<p class="field">{name}</p><div class="text">{highlight(value, items)}</div>')
    parts.append("<ol>")
    for n, f in numbered:
        sug = ""
        if f.suggestion is not None:
            sug = f" → <code>{esc(visible(f.suggestion))}</code>" if f.suggestion else " → delete it"
        parts.append(
            f'<li class="finding" value="{n}" data-segment="{esc(seg.id)}" data-rule="{esc(f.rule)}" '
            f'data-field="{f.field}" data-start="{f.start}" data-end="{f.end}">'
            f'<a href="#rule-{esc(f.rule)}"><b>{esc(f.rule)}</b></a> {esc(f.name)} '
            f'<span class="{f.severity.label}">{f.severity.label}</span> · {esc(f.category)} — '
            f'{esc(f.message)}: <code>{esc(visible(f.text))}</code>{sug}</li>')
    parts.append("</ol></section>")
    return "\n".join(parts)


def legend(codes, severities) -> str:
    known = {r.code: r for r in rules_mod.all_rules()}
    parts = ['<h2 id="legend">Rules</h2><dl>']
    for c in sorted(codes):
        r = known.get(c)
        if r is None:
            continue
        sev = severities.get(c, r.severity)
        parts.append(f'<dt id="rule-{esc(c)}">{esc(c)} {esc(r.name)} <small>({sev.label}, '
                     f'{esc(r.category)})</small></dt><dd><p>{esc(r.summary)}</p>'
                     f"<p><b>What it does.</b> {esc(r.docs.what)}</p>"
                     f"<p><b>Why is this bad?</b> {esc(r.docs.why)}</p>"
                     f"<p><b>Example.</b></p><pre>{esc(r.docs.example.render())}</pre></dd>")
    parts.append("</dl>")
    return "\n".join(parts)


def render(report: Report, out: TextIO, **_options) -> None:
    flagged = [segment_html(r) for r in report if r.findings]
    s, info = report.summary, report.info
    inputs = input_names(info)
    w = out.write
    w('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
      f"<title>mtqa report: {esc(inputs)}</title>\n<style>{CSS}</style></head><body>\n")
    w(f'<h1>mtqa report <span class="verdict {s.verdict}">{s.verdict.upper()}</span></h1>\n')
    w(f"<p>{esc(inputs)} · {esc(info.mode)} · mtqa {esc(info.version)}<br>{esc(summary_sentence(s, info))}</p>\n")
    if s.gates:
        w("<table><tr><th>metric gate</th><th>corpus score</th><th>result</th></tr>\n")
        for g in s.gates:
            value = "n/a" if g.value is None else f"{g.value:.2f}"
            w(f"<tr><td>{esc(g.gate)}</td><td>{value}</td><td>{'met' if g.passed else 'FAILED'}</td></tr>\n")
        w("</table>\n")
    if s.metrics:
        w("<table><tr><th>metric</th><th>corpus score</th></tr>\n")
        for name, value in s.metrics.items():
            w(f"<tr><td>{esc(name)}</td><td>{value:.2f}</td></tr>\n")
        w("</table>\n")
    if s.by_rule:
        w("<table><tr><th>rule</th><th>count</th></tr>\n")
        for rule_code, n in sorted(s.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            w(f'<tr><td><a href="#rule-{esc(rule_code)}">{esc(rule_code)}</a></td><td>{n}</td></tr>\n')
        w("</table>\n")
    for part in flagged:
        w(part + "\n")
    if not flagged:
        w("<p>No findings.</p>\n")
    if s.by_rule:
        w(legend(s.by_rule, info.severities) + "\n")
    w("</body></html>\n")
