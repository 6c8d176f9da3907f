"""--format csv: one row per finding, the same findings as JSON, formula-injection safe, and a
byte-order mark only when asked for."""
from __future__ import annotations

import csv
import io
import json

import pytest

from mtqa.reporters.csv_report import COLUMNS, safe_cell


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def test_one_row_per_finding_matching_the_json_report(cli):
    as_csv = rows(cli("check", "--isolated", "-f", "csv").out)
    report = cli("check", "--isolated", "-f", "json").json
    findings = [(s["id"], f) for s in report["segments"] for f in s["findings"]]
    assert len(as_csv) == len(findings) > 10
    for row, (sid, f) in zip(as_csv, findings):
        assert (row["segment"], row["rule"], row["severity"], row["confidence"], row["category"]) == \
               (sid, f["rule"], f["severity"], f["confidence"], f["category"])
        assert (int(row["start"]), int(row["end"]), row["message"]) == (f["start"], f["end"], f["message"])
        assert row["text"] == f["text"] or row["text"] == "'" + f["text"]
    assert list(as_csv[0]) == list(COLUMNS)
    by_rule = {r["rule"]: r for r in as_csv}
    assert by_rule["BP002"]["suggestion"] == "(delete)" and by_rule["BP002"]["fixable"] == "yes"
    assert by_rule["RF001"]["fixable"] == "no"  # a quantity is for a person, never for `mtqa fix`


@pytest.mark.parametrize("value, cell", [
    ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+1", "'+1"), ("-2", "'-2"), ("@cmd", "'@cmd"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("a=b", "a=b"), (None, ""), (12, 12),
])
def test_cells_that_a_spreadsheet_would_evaluate_are_neutralised(value, cell):
    assert safe_cell(value) == cell


def test_untrusted_ids_and_text_cannot_become_formulas(cli, tmp_path):
    path = tmp_path / "inj.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "=HYPERLINK(\"http://x\")", "hyp": "- Advertisement -"},
        {"id": "+1", "hyp": "@home the the end"},
    ]) + "\n", encoding="utf-8")
    out = rows(cli("check", "--isolated", "-f", "csv", path).out)
    assert out and all(not cell.startswith(("=", "+", "-", "@")) for row in out for cell in row.values())
    assert out[0]["segment"] == "'=HYPERLINK(\"http://x\")" and out[0]["text"] == "'- Advertisement -"


def test_bom_only_on_request_and_rows_end_in_crlf(cli, tmp_path):
    plain = cli("check", "--isolated", "-f", "csv").out
    assert not plain.startswith("\ufeff") and plain.split("\n", 1)[0].endswith("\r")
    with_bom = tmp_path / "r.csv"
    cli("check", "--isolated", "-f", "csv", "--csv-bom", "-o", with_bom)
    data = with_bom.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsegment,") and b"\r\n" in data and b"\r\r\n" not in data
