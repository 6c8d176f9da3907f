"""JUnit XML: one test case per segment (per article in document mode), for CI test views.

A test case fails when it has findings at or above `--fail-on`: one <failure> whose message
names the worst finding and the count, and whose body lists every such finding, one a line,
with its position. One failure per test case, because that is what CI views (GitHub test
reporters, GitLab, Jenkins) show: most keep only the first <failure> of a case. Findings below
the gate do not fail the case; they are listed in its <system-out>. Each metric gate is a test
case of its own. The document is built in memory (the test counts come first in the XML).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from mtqa import scoring
from mtqa.report import Report
from mtqa.reporters.common import describe, input_names, locate

# Characters XML 1.0 cannot carry, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _where(loc) -> str:
    if loc.file is None:
        return ""
    if loc.exact:
        return f"{loc.file}:{loc.line}:{loc.column}: "
    return f"{loc.file}:{loc.line}: " if loc.line is not None else f"{loc.file}: "


def render(report: Report, out: TextIO, **_options) -> None:
    info = report.info
    threshold = scoring.fail_threshold(info.fail_on)
    suite = ET.Element("testsuite", name=f"mtqa {input_names(info)}")
    tests = failures = 0
    for result in report:
        seg = result.segment
        case = ET.SubElement(suite, "testcase", name=_clean(seg.id),
                             classname=_clean(seg.file or "mtqa"))
        tests += 1
        gating, rest = [], []
        for f in result.findings:
            line = _where(locate(seg, f, info)) + describe(seg, f, with_segment=False)
            if threshold is not None and f.severity >= threshold:
                gating.append((f, line))
            else:
                rest.append(line)
        if gating:
            failures += 1
            worst = max((f for f, _ in gating), key=lambda f: f.severity)
            failure = ET.SubElement(case, "failure", type=worst.rule,
                                    message=_clean(f"{len(gating)} finding(s) at or above {info.fail_on}; "
                                                   f"worst: {worst.rule} {worst.message}"))
            failure.text = _clean("\n".join(line for _, line in gating) + "\n")
        if rest:
            ET.SubElement(case, "system-out").text = _clean("\n".join(rest) + "\n")
    s = report.summary
    for g in s.gates:
        case = ET.SubElement(suite, "testcase", name=str(g.gate), classname="mtqa.metric-gates")
        tests += 1
        if not g.passed:
            failures += 1
            ET.SubElement(case, "failure", type="metric-gate", message=g.describe()).text = g.describe()
    props = ET.Element("properties")
    for name, value in (("verdict", s.verdict), ("fail_on", info.fail_on), ("findings", s.findings),
                        ("baselined", s.baselined), *((f"metric.{k}", v) for k, v in (s.metrics or {}).items())):
        if value is not None:
            ET.SubElement(props, "property", name=name, value=str(value))
    suite.insert(0, props)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    root = ET.Element("testsuites", name="mtqa", tests=str(tests), failures=str(failures), errors="0")
    root.append(suite)
    ET.indent(root, space=" ")
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
