"""`--format html`: the review page, one self-contained file (no external URL at all).

The page (top to bottom): verdict and counts, the colour key, the "fix first" list (critical and
major findings, each a link to its highlight), the toolbar (filters, navigation, "Apply safe
fixes", "Download baseline"), then each segment with findings: the translation beside its source
and reference, row by aligned sentence, findings highlighted in place, and its findings list;
last, the rules that fired, explained. The CSS and the script are package data (`assets/`),
inlined; the data the script needs (texts, spans, fixes, baseline keys) is embedded as JSON in a
`<script type="application/json">`. Segments with findings are buffered (a page is read whole).

The fixes are decided in Python (`mtqa.fix.review`): per segment, `mtqa fix`'s output (through
the `fixer` the command passes: `fix_segment` with the run's rules), and per finding the edit
`mtqa fix` makes for it, if any, and the edit accepting its suggestion makes. The script applies
them and never judges a fix itself.

Modules: `sections` (the page's parts), `rows` (sentence rows), `highlight` (spans in place),
`markup` (escaping, rule-doc Markdown), `assets` (CSS and JS).
"""
from __future__ import annotations

import json
from typing import Callable, TextIO

from mtqa.fix.engine import Edit, FixResult
from mtqa.fix.review import PageFixes, page_fixes
from mtqa.model import Segment, SegmentResult
from mtqa.report import Report
from mtqa.reporters.common import input_names, summary_sentence
from mtqa.reporters.html import assets, sections
from mtqa.reporters.html.highlight import finding_id
from mtqa.reporters.html.markup import esc

__all__ = ["render", "page_data"]


def _edit(e: Edit | None) -> list | None:
    return None if e is None else [e.start, e.end, e.replacement]


def page_data(results: list[SegmentResult], version: str, mode: str,
              fixes: list[PageFixes] | None = None) -> dict:
    """What the script works from: each segment's translation, `mtqa fix`'s output for it, and its
    findings' spans and edits. A finding's `fix` is set only where `mtqa fix` applies it."""
    if fixes is None:
        fixes = [page_fixes(r) for r in results]
    segments = []
    for r, px in zip(results, fixes):
        seg = r.segment
        segments.append({
            "index": seg.index, "id": seg.id, "hyp": seg.hyp,
            "fixed": px.fixed, "applied": px.applied, "rounds": px.rounds,
            "findings": [{"id": finding_id(seg.index, n), "n": n, "rule": f.rule, "field": f.field,
                          "start": f.start, "end": f.end, "text": f.text,
                          "fix": None if edit is None else edit.replacement,
                          "edit": _edit(edit), "accept": _edit(accept),
                          "suggestion": f.suggestion, "severity": f.severity.label,
                          "confidence": f.confidence.label, "message": f.message}
                         for n, (f, edit, accept) in enumerate(zip(r.findings, px.edits, px.accepts), 1)],
        })
    return {"version": version, "mode": mode, "segments": segments}


def _json_for_script(data) -> str:
    # `</script>` or `<!--` inside a text must not end the element: escape every `<` (and the
    # two line separators JavaScript once treated as newlines)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render(report: Report, out: TextIO, fixer: Callable[[Segment], FixResult] | None = None,
           **_options) -> None:
    """Write the page. `fixer` is `mtqa fix` for one segment (`mtqa check` passes `fix_segment`
    with the run's rules and context), so "Apply safe fixes" gives the command's output."""
    flagged = [r for r in report if r.findings]
    fixes = [page_fixes(r, fixer(r.segment) if fixer else None) for r in flagged]
    s, info = report.summary, report.info
    inputs = input_names(info)
    w = out.write
    w('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
      f"<title>mtqa review: {esc(inputs)}</title>\n<style>{assets.css()}</style></head><body>\n")
    w('<header><h1>mtqa review <span class="verdict verdict-'
      f'{s.verdict}">{s.verdict.upper()}</span></h1>\n')
    w(f'<p class="meta">{esc(inputs)} · {esc(info.mode)} · mtqa {esc(info.version)}<br>'
      f"{esc(summary_sentence(s, info))}<br>penalty {s.penalty:.1f} "
      f"({s.penalty_per_100_words:.1f} per 100 words)</p></header>\n<main>\n")
    if s.gates:
        w('<div class="scroll"><table><tr><th>metric gate</th><th>corpus score</th><th>result</th></tr>')
        for g in s.gates:
            value = "n/a" if g.value is None else f"{g.value:.2f}"
            w(f"<tr><td>{esc(g.gate)}</td><td>{value}</td><td>{'met' if g.passed else 'FAILED'}</td></tr>")
        w("</table></div>\n")
    if s.metrics:
        w('<div class="scroll"><table><tr><th>metric</th><th>corpus score</th></tr>')
        for name, value in s.metrics.items():
            w(f"<tr><td>{esc(name)}</td><td>{value:.2f}</td></tr>")
        w("</table></div>\n")
    if flagged:
        w(sections.colour_key() + "\n" + sections.fix_first(flagged) + "\n" + sections.toolbar(flagged) + "\n")
        for r, px in zip(flagged, fixes):
            w(sections.segment(r, px) + "\n")
    else:
        w("<p>No findings.</p>\n")
    if s.by_rule:
        w(sections.legend(s.by_rule, info.severities) + "\n")
    w("</main>\n")
    w('<script type="application/json" id="mtqa-data">'
      f"{_json_for_script(page_data(flagged, info.version, info.mode, fixes))}</script>\n")
    w(f"<script>{assets.js()}</script>\n</body></html>\n")
