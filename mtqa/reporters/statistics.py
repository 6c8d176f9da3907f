"""`--statistics`: counts per rule instead of the report, most frequent first (like ruff's).

Plain text is `COUNT  CODE  NAME  SEVERITY` lines and a total; with `--format json` it is a
list of {"code", "name", "severity", "count"} objects.
"""
from __future__ import annotations

import json
from typing import TextIO

from mtqa import rules as rules_mod
from mtqa.model import Severity
from mtqa.report import Report


def rows(report: Report) -> list[dict]:
    for _ in report:  # consume the stream: counts are complete at its end
        pass
    known = {r.code: r for r in rules_mod.all_rules()}
    out = []
    for code, n in sorted(report.summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        r = known.get(code)
        sev = report.info.severities.get(code, r.severity if r else Severity.MINOR)
        out.append({"code": code, "name": r.name if r else "", "severity": sev.label, "count": n})
    return out


def render(report: Report, out: TextIO, *, as_json: bool = False, **_options) -> None:
    table = rows(report)
    if as_json:
        out.write(json.dumps(table, ensure_ascii=False, indent=1) + "\n")
        return
    width = max((len(str(r["count"])) for r in table), default=1)
    name_width = max((len(r["name"]) for r in table), default=0)
    for r in table:
        out.write(f"{r['count']:>{width}}  {r['code']}  {r['name']:<{name_width}}  {r['severity']}\n")
    s = report.summary
    baselined = f" ({s.baselined} baselined)" if s.baselined else ""
    out.write(f"Found {s.findings} finding{'s' * (s.findings != 1)}{baselined} in {s.segments} "
              f"segment{'s' * (s.segments != 1)}: {s.verdict}.\n")
    for g in s.failed_gates:
        out.write(f"Metric gate failed: {g.describe()}.\n")
