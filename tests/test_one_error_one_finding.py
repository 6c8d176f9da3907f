"""One error, one finding: rules that describe the same error are folded into the most specific
finding (`mtqa.engine.fold_same_errors`), and `--min-confidence` leaves weak findings out."""
from mtqa import check, check_document, rules
from mtqa.config.severity import ConfidenceFloor
from mtqa.engine import fold_same_errors
from mtqa.model import Confidence, Finding, Related, Segment, SegmentResult, Severity


def _finding(rule, start, end, text="x", field="hyp", related=(), confidence=Confidence.HIGH):
    return Finding(rule=rule, name="n", severity=Severity.MAJOR, category="accuracy/addition", message="m",
                   field=field, start=start, end=end, text=text, related=related, confidence=confidence)


def test_generic_finding_on_a_specific_one_is_folded_into_it():
    by_code = {r.code: r for r in rules.all_rules()}
    om = _finding("OM002", 10, 20, "Read also")
    bp = _finding("BP004", 10, 20, "Read also")
    out = fold_same_errors([om, bp], by_code)
    assert [f.rule for f in out] == ["BP004"]
    assert out[0].related == (Related("OM002", "hyp", 10, 20, "Read also"),)


def test_generic_finding_elsewhere_is_kept():
    by_code = {r.code: r for r in rules.all_rules()}
    om = _finding("OM002", 100, 120)
    bp = _finding("BP004", 10, 20)
    assert {f.rule for f in fold_same_errors([om, bp], by_code)} == {"OM002", "BP004"}


def test_generic_finding_is_folded_through_the_evidence_a_finding_names():
    by_code = {r.code: r for r in rules.all_rules()}
    nu1 = _finding("NU001", 3, 5, "21", related=(Related("NU001", "src", 7, 9, "12"),))
    nu2 = _finding("NU002", 7, 9, "12", field="src")
    out = fold_same_errors([nu1, nu2], by_code)
    assert [f.rule for f in out] == ["NU001"] and out[0].related[-1].rule == "NU002"


def test_a_rule_that_defers_to_nothing_is_never_folded():
    by_code = {r.code: r for r in rules.all_rules()}
    a, b = _finding("QT001", 0, 5), _finding("SP002", 0, 5)
    assert fold_same_errors([a, b], by_code) == [a, b]


def test_wrong_number_is_one_critical_finding_with_the_source_number_related():
    result = check("The consulate opened in 1995.", src="Le consulat a ouvert en 1985.", src_lang="fr",
                   tgt_lang="en")
    numbers = [f for f in result.findings if f.rule.startswith("NU")]
    assert [(f.rule, f.text) for f in numbers] == [("NU001", "1995")]
    assert {(r.rule, r.field, r.text) for r in numbers[0].related} >= {("NU002", "src", "1985")}


def test_a_missing_number_with_nothing_in_its_place_is_still_reported():
    result = check("There were many deaths.", src="Il y a eu 40 morts.", src_lang="fr", tgt_lang="en")
    assert ("NU002", "40") in {(f.rule, f.text) for f in result.findings}


def test_boilerplate_line_the_reference_lacks_is_one_finding():
    hyp = "The talks resumed on Monday.\n\nRelated News\n\nThey will go on next week."
    ref = "The talks resumed on Monday.\n\nThey will continue next week."
    result = check_document(hyp, ref=ref, tgt_lang="en")
    on_line = [f for f in result.findings if f.text == "Related News"]
    assert [f.rule for f in on_line] == ["BP003"]
    assert "OM002" in [r.rule for r in on_line[0].related]


def test_confidence_floor_hides_and_counts():
    seg = Segment(id="1", index=0, hyp="abcdef")
    low, high = _finding("NU001", 0, 1, confidence=Confidence.LOW), _finding("NU001", 2, 3)
    floor = ConfidenceFloor(Confidence.MEDIUM)
    [res] = list(floor.apply([SegmentResult(segment=seg, findings=(low, high), score=30.0, words=1)]))
    assert res.findings == (high,) and floor.hidden == 1 and res.score == 5.0


def test_cli_min_confidence_low_shows_what_the_default_hides(cli, tmp_path):
    import json

    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "1", "hyp": "The consulate opened in 1995.",
                                "src": "Le consulat a ouvert en 1985."}) + "\n", encoding="utf-8")
    default = json.loads(cli("check", str(path), "--src-lang", "fr", "--tgt-lang", "en", "--format", "json").out)
    everything = json.loads(cli("check", str(path), "--src-lang", "fr", "--tgt-lang", "en", "--format", "json",
                                    "--min-confidence", "low").out)
    assert default["summary"]["min_confidence"] == "medium" and everything["summary"]["min_confidence"] == "low"
    assert everything["summary"]["hidden"] == 0
    assert default["summary"]["findings"] + default["summary"]["hidden"] == everything["summary"]["findings"]
    assert all(f["confidence"] in ("medium", "high") for s in default["segments"] for f in s["findings"])


def test_the_terminal_report_says_how_many_findings_are_hidden(cli):
    shown = cli("check", "--isolated", "--no-color").out
    assert "1 finding of confidence below medium hidden" in shown  # the sample's Sisha/Seshcha note
    everything = cli("check", "--isolated", "--no-color", "--min-confidence", "low").out
    assert "hidden" not in everything.split("────")[0] and "Sisha" in everything
