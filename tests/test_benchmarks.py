"""The pure parts of benchmarks/precision_table.py and benchmarks/kfold.py: precision arithmetic,
revisit marks, table formatting, fold parsing and the reading of demetr_eval.py's JSON. No corpus
is read and nothing is checked here (those runs take minutes)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import kfold  # noqa: E402
import precision_table as pt  # noqa: E402


def test_balanced_precision_is_det_over_det_plus_fa():
    assert pt.balanced_precision(0.09, 0.01) == pytest.approx(0.9)
    # a rule that fires at the same rate on clean and perturbed text is a coin toss
    assert pt.balanced_precision(0.04, 0.04) == pytest.approx(0.5)
    assert pt.balanced_precision(0.0, 0.0) is None
    assert pt.balanced_precision(None, 0.1) is None


def test_mqm_precision_is_one_minus_error_free_share():
    assert pt.mqm_precision(20, 5) == pytest.approx(0.75)
    assert pt.mqm_precision(0, 0) is None
    assert pt.share(3, 0) is None


def test_cells_from_counts():
    d = pt.demetr_cells({"clean": 2, "perturbed": 40}, {"clean": 500, "reference": 500, "perturbed": 8000})
    assert d["clean"] == pytest.approx(0.004) and d["reference"] == 0 and d["perturbed"] == pytest.approx(0.005)
    assert d["balanced"] == pytest.approx(0.005 / 0.009) and d["false_alarms"] == 2
    m = pt.mqm_cells({"flags": 10, "error_free": 4, "major": 3})
    assert (m["error_free"], m["major"], m["precision"]) == (pytest.approx(0.4), pytest.approx(0.3), pytest.approx(0.6))
    assert pt.mqm_cells({})["precision"] is None


def _dem(clean, pert, fa):
    return {"clean": clean, "perturbed": pert, "balanced": pt.balanced_precision(pert, clean), "false_alarms": fa}


def test_revisit_marks_only_major_rows_that_miss_a_bar():
    bad_mqm = {"src": pt.mqm_cells({"flags": 12, "error_free": 6})}
    assert pt.revisit_reasons("critical", {}, bad_mqm) == ["MQM src"]
    assert pt.revisit_reasons("minor", {}, bad_mqm) == []
    # too few flags to judge
    assert pt.revisit_reasons("major", {}, {"src": pt.mqm_cells({"flags": 9, "error_free": 9})}) == []
    assert pt.revisit_reasons("major", {"src": _dem(0.004, 0.008, 2)}, {}) == ["DEMETR src"]
    # one false alarm is anecdotal, and a precise row is fine
    assert pt.revisit_reasons("major", {"src": _dem(0.002, 0.001, 1)}, {}) == []
    assert pt.revisit_reasons("major", {"src+ref": _dem(0.002, 0.05, 1)}, {}) == []


def test_mark_says_when_the_default_already_hides_the_row():
    assert pt.mark("high", ["MQM src"]) == "⚠ MQM src"
    assert pt.mark("low", ["DEMETR src", "MQM src"]) == "(⚠) DEMETR src, MQM src"
    assert pt.mark("medium", []) == ""


def test_kinds_and_source_dependent_rules():
    assert pt.kind_of("clean") == "clean"
    assert pt.kind_of("base_id35_reference") == "reference"
    assert pt.kind_of("critical_id8_negation") == pt.kind_of("major_id17_tense") == "perturbed"
    assert pt.kind_of("minor_id15_case") is None and pt.kind_of("base_id33_empty") is None
    assert all(pt.source_dependent(c) for c in ("NE001", "NU002", "NG001", "UT002", "RF007"))
    assert not any(pt.source_dependent(c) for c in ("UT001", "RF006", "OM004"))


def test_md_table_aligns_numbers_right_and_the_mark_left():
    text = pt.md_table(["rule", "conf", "n", "revisit"], [["NE001", "high", "3", "⚠ MQM src"]], 2)
    assert text.splitlines() == ["| rule | conf | n | revisit |", "|---|---|--:|---|",
                                 "| NE001 | high | 3 | ⚠ MQM src |"]
    assert pt.pct(None) == "–" and pt.pct(0.0123) == "1.2" and pt.pct(0.0123, 2) == "1.23"
    assert pt.prec(None) == "–" and pt.prec(0.875) == "0.88"


def test_rows_sort_by_rule_then_confidence_high_first():
    keys = [("NE001", "low", "major"), ("NE001", "high", "major"), ("GR001", "medium", "major")]
    assert sorted(keys, key=pt.row_key) == [keys[2], keys[1], keys[0]]


@pytest.mark.parametrize("spec, want", [("0/5", (0, 5)), ("4/5", (4, 5)), ("1/2", (1, 2))])
def test_parse_fold(spec, want):
    assert kfold.parse_fold(spec) == want


@pytest.mark.parametrize("spec", ["5/5", "-1/5", "0/1", "a/5", "3", "1/2/3"])
def test_parse_fold_rejects(spec):
    with pytest.raises(ValueError):
        kfold.parse_fold(spec)


def _eval_json(det: dict, fa=0.03, fa_ref=0.04):
    per = {name: {"n": 10, "det": {"major": v, "minor": v}} for name, v in det.items()}
    return {"modes": {"src+ref": {"project": {"fa_clean": {"major": fa, "minor": 0.2}, "per": per,
                                              "fa_reference": {"major": fa_ref, "minor": 0.3}}}}}


def test_measures_from_demetr_eval_json():
    det = {"critical_id10_numbers_replaced": 0.9, "critical_id8_negation": 0.7, "major_id17_tense": 0.1,
           "base_id35_reference": 0.04}
    got = kfold.from_eval_json(_eval_json(det), "src+ref")
    assert got["FA clean MT"] == 0.03 and got["FA references"] == 0.04
    assert got["numbers"] == 0.9 and got["negation"] == 0.7 and got["antonym"] is None
    # the mean is over critical perturbations only, as demetr_eval.py's "mean critical"
    assert got["mean critical"] == pytest.approx(0.8)
    assert set(got) == set(kfold.MEASURES)


def test_in_process_rates_use_the_same_measures():
    flags = [("clean", False), ("clean", True), ("base_id35_reference", False), ("critical_id7_antonym", True)]
    got = kfold.rates_to_figures(flags)
    assert got["FA clean MT"] == 0.5 and got["FA references"] == 0 and got["antonym"] == 1.0
    assert got["mean critical"] == 1.0


def test_spread_and_render():
    assert kfold.spread([0.1, None, 0.3]) == {"mean": pytest.approx(0.2), "min": 0.1, "max": 0.3}
    assert kfold.spread([None])["mean"] is None
    m = {name: 0.0 for name in kfold.MEASURES}
    folds = {0: {"in": {**m, "FA clean MT": 0.03}, "out": {**m, "FA clean MT": 0.05}},
             1: {"in": {**m, "FA clean MT": 0.03}, "out": {**m, "FA clean MT": 0.09}}}
    text = kfold.render("src", folds, "# header")
    assert text.startswith("# header\n")
    assert "| FA clean MT | 3.0 | 7.0 | -4.0 | 3.0–3.0 | 5.0–9.0 |" in text
    assert "| FA clean MT | 3.0 / 5.0 | 3.0 / 9.0 |" in text
