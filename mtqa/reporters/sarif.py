"""SARIF 2.1.0 (OASIS), for code-scanning dashboards; written as results stream past.

Rules carry their documentation (summary, What it does / Why is this bad? / Example) as
`shortDescription`, `fullDescription` and `help`. Results carry the MQM severity and category,
the segment, field, offsets and flagged text as properties, a fingerprint that ignores offsets
(the baseline key), and a location: in document mode and with line-aligned files a region
with lines, columns and character offsets (`columnKind` is `unicodeCodePoints`, as Python
offsets are); in records files the record's line when the format has one.
"""
from __future__ import annotations

import hashlib
import json
import os
from typing import TextIO
from urllib.parse import quote

from mtqa import rules as rules_mod
from mtqa import scoring
from mtqa.model import Finding, Segment
from mtqa.report import Report
from mtqa.reporters.common import level, locate, suggestion_text
from mtqa.reporters.json_report import run_dict, summary_dict

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/mtqa/"


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def artifact_uri(path: str) -> str:
    path = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(path)
    return quote(path)


def rule_descriptor(rule, info) -> dict:
    sev = info.severities.get(rule.code, rule.severity)
    docs = rule.docs
    example = docs.example.render()
    text = (f"{rule.summary}\n\nWhat it does:\n{docs.what}\n\nWhy is this bad?\n{docs.why}\n\n"
            f"Example:\n{example}")
    # A fenced block keeps the example's line layout in Markdown viewers.
    markdown = (f"{rule.summary}\n\n## What it does\n{docs.what}\n\n## Why is this bad?\n{docs.why}\n\n"
                f"## Example\n```text\n{example}\n```")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": docs.what},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": level(sev, info.fail_on)},
        "properties": {"tags": [rule.family_name, rule.category], "severity": sev.label,
                       "category": rule.category, "preview": rule.preview},
    }


def fingerprint(segment: Segment, f: Finding) -> str:
    key = "\x1f".join((segment.id, f.rule, f.field, f.text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def result_dict(segment: Segment, f: Finding, info, rule_index: dict[str, int]) -> dict:
    loc = locate(segment, f, info)
    message = f"{f.message}: “{f.text}”{suggestion_text(f.suggestion)}"
    location: dict = {"logicalLocations": [{"name": segment.id, "kind": "segment"}]}
    if loc.file is not None:
        physical: dict = {"artifactLocation": {"uri": artifact_uri(loc.file)}}
        if loc.exact:
            region = {"startLine": loc.line, "startColumn": loc.column,
                      "endLine": loc.end_line, "endColumn": loc.end_column}
            if loc.char_offset is not None:
                region["charOffset"] = loc.char_offset
                region["charLength"] = loc.char_length
            region["snippet"] = {"text": f.text}
            physical["region"] = region
        elif loc.line is not None:
            physical["region"] = {"startLine": loc.line}
        location["physicalLocation"] = physical
    out = {"ruleId": f.rule}
    if f.rule in rule_index:
        out["ruleIndex"] = rule_index[f.rule]
    out.update({
        "level": level(f.severity, info.fail_on),
        "rank": f.confidence.rank,  # SARIF: 0-100, how likely the result is a true positive
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {"mtqaFinding/v1": fingerprint(segment, f)},
        "properties": {"segment": segment.id, "index": segment.index, "field": f.field,
                       "start": f.start, "end": f.end, "text": f.text, "severity": f.severity.label,
                       "category": f.category, "suggestion": f.suggestion,
                       "confidence": f.confidence.label},
    })
    return out


def render(report: Report, out: TextIO, **_options) -> None:
    info = report.info
    known = {r.code: r for r in rules_mod.all_rules()}
    rules = [known[c] for c in info.rules if c in known]
    rule_index = {r.code: i for i, r in enumerate(rules)}
    driver = {"name": "mtqa", "version": info.version, "semanticVersion": info.version,
              "informationUri": INFORMATION_URI, "rules": [rule_descriptor(r, info) for r in rules]}
    out.write('{"$schema":' + _dumps(SCHEMA_URI) + ',"version":"2.1.0","runs":[{')
    out.write('"tool":' + _dumps({"driver": driver}) + ',"columnKind":"unicodeCodePoints","results":[')
    first = True
    for result in report:
        for f in result.findings:
            out.write("\n" if first else ",\n")
            out.write(_dumps(result_dict(result.segment, f, info, rule_index)))
            first = False
    s = report.summary
    invocation = {"executionSuccessful": True, "exitCode": scoring.exit_code(s.failed)}
    if s.failed_gates:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": g.describe()}, "descriptor": {"id": "metric-gate"}}
            for g in s.failed_gates]
    out.write("\n],\"invocations\":" + _dumps([invocation]))
    out.write(',"properties":' + _dumps({"run": run_dict(report), "summary": summary_dict(report)}))
    out.write("}]}\n")
