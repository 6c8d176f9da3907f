"""A Markdown summary for a pull-request comment: verdict, counts, gates, findings by rule, the
worst findings, and the reference metrics.

It streams: only the counts and the `top` worst findings (a bounded heap) are kept. Cell text is
HTML-escaped (GitHub renders HTML in comments) and pipes are escaped so tables hold.
"""
from __future__ import annotations

import heapq
import html
from typing import TextIO

from mtqa import rules as rules_mod
from mtqa.model import Severity
from mtqa.report import Report
from mtqa.reporters.common import input_names, summary_sentence, visible

TOP = 20
_ICON = {"pass": "✅", "fail": "❌"}


def cell(text: str) -> str:
    return html.escape(" ".join(str(text).split()), quote=False).replace("|", "&#124;")


def code(text: str) -> str:
    return f"<code>{cell(visible(text))}</code>" if text else "<em>(empty)</em>"


def render(report: Report, out: TextIO, *, top: int = TOP, **_options) -> None:
    heap: list = []  # (severity, -order, ...) min-heap keeps the `top` worst, earliest first
    order = 0
    for result in report:
        for f in result.findings:
            item = (int(f.severity), -order, result.segment.id, f)
            order += 1
            if len(heap) < top:
                heapq.heappush(heap, item)
            elif item[:2] > heap[0][:2]:
                heapq.heapreplace(heap, item)
    s, info = report.summary, report.info
    w = out.write
    w(f"## mtqa: {_ICON[s.verdict]} {s.verdict.upper()}\n\n")
    w(summary_sentence(s, info))
    w("\n\n")
    if s.gates:
        w("| metric gate | corpus score | result |\n| --- | ---: | --- |\n")
        for g in s.gates:
            value = "n/a (no reference)" if g.value is None else f"{g.value:.2f}"
            w(f"| `{g.gate}` | {value} | {'✅ met' if g.passed else '❌ failed'} |\n")
        w("\n")
    if s.by_rule:
        known = {r.code: r for r in rules_mod.all_rules()}
        w("### Findings by rule\n\n| rule | name | severity | count |\n| --- | --- | --- | ---: |\n")
        for rule_code, n in sorted(s.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            r = known.get(rule_code)
            sev = info.severities.get(rule_code, r.severity if r else Severity.MINOR)
            w(f"| {rule_code} | {cell(r.name if r else '')} | {sev.label} | {n} |\n")
        w("\n")
    if heap:
        worst = sorted(heap, key=lambda it: (-it[0], -it[1]))
        title = "Findings" if len(worst) == s.findings else f"Top {len(worst)} findings (worst first)"
        w(f"### {title}\n\n| segment | rule | severity | text | message | suggestion |\n"
          "| --- | --- | --- | --- | --- | --- |\n")
        for _, _, seg_id, f in worst:
            sug = "" if f.suggestion is None else (code(f.suggestion) if f.suggestion else "delete it")
            where = f" ({f.field})" if f.field != "hyp" else ""
            w(f"| {cell(seg_id)} | {f.rule} | {f.severity.label} | {code(f.text)}{where} | {cell(f.message)} | {sug} |\n")
        if len(worst) < s.findings:
            w(f"\n…and {s.findings - len(worst)} more (see the full report).\n")
        w("\n")
    if s.metrics:
        w("### Reference metrics (sacrebleu, corpus)\n\n| metric | score |\n| --- | ---: |\n")
        for name, value in s.metrics.items():
            w(f"| {name} | {value:.2f} |\n")
        w("\n")
    w(f"<sub>mtqa {cell(info.version)} · {cell(input_names(info, ''))} · {info.mode}</sub>\n")
