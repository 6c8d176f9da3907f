"""Every finding's confidence shows in the terminal report, the CSV export and the JSON report, the
same in all three; and the review page has one `.finding` per JSON finding, with its confidence
(the issue's check, on the bundled sample article and on the batch corpora/cases/wires.jsonl)."""
from __future__ import annotations

import collections
import csv
import io
import re

import pytest

from tests.conftest import ROOT

INPUTS = {"sample": [], "wires": [str(ROOT / "corpora" / "cases" / "wires.jsonl")]}
#: a finding's line in the terminal body: number, rule, severity, confidence (the "fix first"
#: block has the line or segment in the confidence's place)
LINE_RE = re.compile(r"^\s+(\d+) ([A-Z]{2}\d{3}) (critical|major|minor)\s+(high|medium|low)\s", re.M)


def run(cli, name, *args):
    r = cli("check", "--isolated", "--min-confidence", "low", "--fail-on", "never", *INPUTS[name], *args)
    assert r.code == 0, r.err
    return r


def json_findings(cli, name) -> list[tuple[int, int, dict, str]]:
    """(segment index, finding number, finding, segment id) of each JSON finding."""
    report = run(cli, name, "--format", "json").json
    found = [(s["index"], n, f, s["id"]) for s in report["segments"] for n, f in enumerate(s["findings"], 1)]
    assert len(found) == report["summary"]["findings"] > 10
    return found


@pytest.mark.parametrize("name", INPUTS)
def test_terminal_csv_and_json_show_the_same_confidence(cli, name):
    found = json_findings(cli, name)
    assert {f["confidence"] for _, _, f, _ in found} <= {"high", "medium", "low"}
    if name == "sample":
        assert "low" in {f["confidence"] for _, _, f, _ in found}, "the lowest level is exercised"
    rows = list(csv.DictReader(io.StringIO(run(cli, name, "--format", "csv").out, newline="")))
    assert [(r["segment"], r["rule"], r["confidence"]) for r in rows] == \
           [(sid, f["rule"], f["confidence"]) for _, _, f, sid in found]
    out = run(cli, name, "--no-color", "--width", "100").out
    assert "confidence (high, medium, low)" in out.split("─")[0], "the header names the column"
    lines = collections.Counter(LINE_RE.findall(out))
    assert lines == collections.Counter((str(n), f["rule"], f["severity"], f["confidence"]) for _, n, f, _ in found)


@pytest.mark.parametrize("name", INPUTS)
def test_the_page_has_one_finding_element_per_json_finding(cli, name):
    found = json_findings(cli, name)
    page = run(cli, name, "--format", "html").out
    marks = re.findall(r'<mark class="finding [^"]*" id="f-(\d+)-(\d+)"[^>]*data-confidence="(\w+)"', page)
    assert len(marks) == page.count('class="finding ') == len(found)
    want = sorted((str(i), str(n), f["confidence"]) for i, n, f, _ in found)
    assert sorted(marks) == want
