"""The sample reports in reports/ are exactly what mtqa produces today (regenerate with
`reports/regenerate.py` when a change is intended, and review the diff)."""
import importlib.util
import json

import pytest

from tests.conftest import ROOT, SAMPLE_HYP, SAMPLE_REF

spec = importlib.util.spec_from_file_location("regenerate", ROOT / "reports" / "regenerate.py")
regenerate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(regenerate)


@pytest.mark.parametrize("name", sorted(regenerate.REPORTS))
def test_golden_is_current(name):
    expected = (ROOT / "reports" / name).read_text(encoding="utf-8")
    assert regenerate.render(regenerate.REPORTS[name]) == expected, f"reports/{name} is stale"


def test_golden_json_is_valid(report_validator):
    report = json.loads((ROOT / "reports" / "sample.json").read_text(encoding="utf-8"))
    report_validator.validate(report)
    texts = {"hyp": SAMPLE_HYP.read_text(encoding="utf-8"), "ref": SAMPLE_REF.read_text(encoding="utf-8")}
    for f in report["segments"][0]["findings"]:
        assert texts[f["field"]][f["start"]:f["end"]] == f["text"]


def test_golden_rule_selection_is_what_fires_on_the_sample():
    # The selection is fixed so that a new rule does not rewrite the goldens; a code that no
    # longer fires there would only pad the reports' rule lists.
    report = json.loads((ROOT / "reports" / "sample.json").read_text(encoding="utf-8"))
    assert report["run"]["rules"] == list(regenerate.RULES)
    fired = {f["rule"] for s in report["segments"] for f in s["findings"]}
    fired |= {r["rule"] for s in report["segments"] for f in s["findings"] for r in f.get("related", [])}
    assert fired == set(regenerate.RULES)


def test_embedded_sample_matches_corpus_copy():
    data = ROOT / "mtqa" / "data" / "samples"
    assert (data / SAMPLE_HYP.name).read_bytes() == SAMPLE_HYP.read_bytes()
    assert (data / SAMPLE_REF.name).read_bytes() == SAMPLE_REF.read_bytes()
