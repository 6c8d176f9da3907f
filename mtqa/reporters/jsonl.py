"""JSON Lines: one segment a line as it is checked, then one last line with the summary.

Every line but the last is a segment object exactly as in the `segments` array of the JSON
report; the last line is the rest of that report (`schema`, `tool`, `run`, `summary`), so the
two together are the JSON report, and a consumer tells the summary line by its `summary` key.
Memory stays flat however long the batch.
"""
from __future__ import annotations

import json
from typing import TextIO

from mtqa.report import Report
from mtqa.reporters.json_report import SCHEMA_ID, run_dict, segment_dict, summary_dict


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def render(report: Report, out: TextIO, **_options) -> None:
    for result in report:
        out.write(_dumps(segment_dict(result)))
        out.write("\n")
    out.write(_dumps({"schema": SCHEMA_ID, "tool": {"name": "mtqa", "version": report.info.version},
                      "run": run_dict(report), "summary": summary_dict(report)}))
    out.write("\n")
