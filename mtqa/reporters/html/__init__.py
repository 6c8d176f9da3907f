"""`--format html`: the review page, one self-contained file (no external URL at all).

The page (top to bottom): verdict and counts, the colour key, the "fix first" list (critical and
major findings, each a link to its highlight), the toolbar (filters, navigation, "Apply safe
fixes", "Download baseline"), then each segment with findings: the translation beside its source
and reference, row by aligned sentence, findings highlighted in place, and its findings list;
last, the rules that fired, explained. The CSS and the script are package data (`assets/`),
inlined; the data the script needs (texts, spans, fixes, baseline keys) is embedded as JSON in a
`<script type="application/json">`. Segments with findings are buffered (a page is read whole).

Modules: `sections` (the page's parts), `rows` (sentence rows), `highlight` (spans in place),
`markup` (escaping, rule-doc Markdown), `assets` (CSS and JS).
"""
from __future__ import annotations

import json
from typing import TextIO

from mtqa.model import SegmentResult
from mtqa.report import Report
from mtqa.reporters.common import input_names, summary_sentence
from mtqa.reporters.html import assets, sections
from mtqa.reporters.html.highlight import finding_id
from mtqa.reporters.html.markup import esc

__all__ = ["render", "page_data"]


def page_data(results: list[SegmentResult], version: str, mode: str) -> dict:
    """What the script works from: each segment's translation and its findings' spans and fixes."""
    segments = []
    for r in results:
        seg = r.segment
        segments.append({
            "index": seg.index, "id": seg.id, "hyp": seg.hyp,
            "findings": [{"id": finding_id(seg.index, n), "n": n, "rule": f.rule, "field": f.field,
                          "start": f.start, "end": f.end, "text": f.text, "fix": f.fix,
                          "suggestion": f.suggestion, "severity": f.severity.label,
                          "confidence": f.confidence.label, "message": f.message}
                         for n, f in enumerate(r.findings, 1)],
        })
    return {"version": version, "mode": mode, "segments": segments}


def _json_for_script(data) -> str:
    # `</script>` or `<!--` inside a text must not end the element: escape every `<` (and the
    # two line separators JavaScript once treated as newlines)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render(report: Report, out: TextIO, **_options) -> None:
    flagged = [r for r in report if r.findings]
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
        for r in flagged:
            w(sections.segment(r) + "\n")
    else:
        w("<p>No findings.</p>\n")
    if s.by_rule:
        w(sections.legend(s.by_rule, info.severities) + "\n")
    w("</main>\n")
    w('<script type="application/json" id="mtqa-data">'
      f"{_json_for_script(page_data(flagged, info.version, info.mode))}</script>\n")
    w(f"<script>{assets.js()}</script>\n</body></html>\n")
