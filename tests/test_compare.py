"""`mtqa compare`: equal to sacrebleu's paired bootstrap, the most different segments, the gate's
exit codes, the JSON contract, and one-line errors for bad input."""
from __future__ import annotations

import json

import jsonschema
import pytest
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.significance import PairedTest

from mtqa.metrics.compare import compare, estimate_bytes
from mtqa.model import Segment
from tests.conftest import ROOT

ITEMS = [json.loads(line) for line in (ROOT / "corpora" / "demetr-sample.jsonl").read_text(encoding="utf-8").splitlines()]
REFS = [it["eng_sent"] for it in ITEMS]
GOOD = [it["mt_sent"] for it in ITEMS]
BAD = [it["pert_sent"] for it in ITEMS]  # numbers replaced: a worse system
SCHEMA = json.loads((ROOT / "mtqa" / "schema" / "mtqa-compare-1.schema.json").read_text(encoding="utf-8"))


def pairs(base, cand, refs=REFS):
    return [(Segment(str(k + 1), k, b, refs=(r,)), Segment(str(k + 1), k, c)) for k, (b, c, r) in
            enumerate(zip(base, cand, refs))]


def sacrebleu_paired(base, cand, metrics):
    for m in metrics.values():
        m._ref_cache = m._cache_references([REFS])
    return PairedTest([("b", base), ("c", cand)], metrics, references=None, test_type="bs", n_samples=1000)()


def test_scores_and_p_values_are_sacrebleus_paired_bootstrap():
    got = compare(pairs(GOOD, BAD), ("bleu", "chrf", "ter"))
    sigs, expected = sacrebleu_paired(GOOD, BAD, {"bleu": BLEU(), "chrf": CHRF(), "ter": TER()})
    for name, key in (("bleu", "BLEU"), ("chrf", "chrF2"), ("ter", "TER")):
        m = got.metric(name)
        bl, cand = expected[key]
        assert m.baseline.score == pytest.approx(bl.score, abs=1e-4)
        assert m.candidate.score == pytest.approx(cand.score, abs=1e-4)
        assert (m.baseline.mean, m.baseline.ci) == pytest.approx((bl.mean, bl.ci), abs=1e-4)
        assert (m.candidate.mean, m.candidate.ci) == pytest.approx((cand.mean, cand.ci), abs=1e-4)
        assert m.p_value == pytest.approx(cand.p_value, abs=1e-4)
        assert m.signature == sigs[key].format()
    assert got.metric("chrf").verdict(0.05) == "worse"
    assert got.metric("ter").verdict(0.05) == "worse", "TER went up: lower is better"
    assert got.worse("bleu")


def test_the_better_system_is_better_and_identical_systems_are_the_same():
    assert compare(pairs(BAD, GOOD), ("chrf",)).metric("chrf").verdict(0.05) == "better"
    same = compare(pairs(GOOD, GOOD), ("chrf", "ter"))
    assert [m.verdict(0.05) for m in same.metrics] == ["same", "same"]
    assert same.wins == {"baseline": 0, "candidate": 0, "tie": len(GOOD)} and same.differences == ()


def test_most_different_segments_by_sentence_chrf():
    got = compare(pairs(GOOD, BAD), ("bleu",), top=5)
    chrf = CHRF()
    deltas = [chrf.sentence_score(c, [r]).score - chrf.sentence_score(b, [r]).score
              for b, c, r in zip(GOOD, BAD, REFS)]
    expected = sorted((k for k, d in enumerate(deltas) if d), key=lambda k: (-abs(deltas[k]), k))[:5]
    assert [d.index for d in got.differences] == expected
    first = got.differences[0]
    assert first.delta == pytest.approx(deltas[first.index], abs=1e-3)
    assert (first.baseline_hyp, first.candidate_hyp, first.ref) == (GOOD[first.index], BAD[first.index],
                                                                   REFS[first.index])
    assert sum(got.wins.values()) == len(GOOD) and got.wins["baseline"] > got.wins["candidate"]


def test_findings_of_both_systems_are_counted():
    from mtqa import rules

    base = ["He left yesterday."] * 3
    cand = ["He left yesterday.", "", "He left.Yesterday"]
    got = compare(pairs(base, cand, ["He left yesterday."] * 3), ("chrf",), rules=rules.select())
    assert got.findings["baseline"].by_severity == {"minor": 0, "major": 0, "critical": 0}
    assert got.findings["candidate"].by_severity["critical"] == 1  # the empty translation


def test_memory_guard():
    assert estimate_bytes(10_000, ("bleu", "chrf"), 1000) == 1000 * 10_000 * (8 + 4 * 18)
    with pytest.raises(MemoryError):
        compare(pairs(GOOD, BAD), ("chrf",), max_bytes=1000)


# ----------------------------------------------------------------------------- CLI

@pytest.fixture
def files(tmp_path):
    def write(name, lines):
        path = tmp_path / name
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return path
    return {"good": write("good.txt", GOOD), "bad": write("bad.txt", BAD), "ref": write("ref.txt", REFS),
            "short": write("short.txt", BAD[:-1]), "write": write, "dir": tmp_path}


def one_line_error(r, *fragments):
    assert r.code == 2 and r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtqa: error:"), r.err
    for f in fragments:
        assert f in lines[0]
    return lines[0]


@pytest.mark.parametrize("base,cand,gate,code", [
    ("good", "bad", "chrf", 1),    # significantly worse, gated: fail
    ("good", "bad", None, 0),      # worse, but no gate
    ("bad", "good", "chrf", 0),    # better
    ("good", "good", "bleu", 0),   # the same
    ("good", "bad", "ter", 1),     # TER: higher is worse
])
def test_exit_codes(cli, files, base, cand, gate, code):
    args = ["compare", files[base], files[cand], "--ref", files["ref"], "--format", "json", "--tgt-lang", "en"]
    if gate:
        args += ["--fail-if-worse", gate]
    r = cli(*args)
    assert r.code == code, r.err
    report = r.json
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    assert report["verdict"] == ("fail" if code else "pass")
    if gate:
        assert gate in report["metrics"], "the gate's metric is always computed"


def test_terminal_report(cli, files):
    r = cli("compare", files["good"], files["bad"], "--ref", files["ref"], "--no-color", "--width", "80",
            "--fail-if-worse", "chrf", "--tgt-lang", "en")
    assert r.code == 1
    assert "FAIL" in r.out and "significantly worse on chrF" in r.out
    assert "Segments that differ most" in r.out and "Findings (mtqa checks)" in r.out
    assert max(len(line) for line in r.out.splitlines()[1:]) <= 80


def test_jsonl_records_and_output_file(cli, files):
    write = files["write"]
    base = write("b.jsonl", [json.dumps({"id": f"s{k}", "hyp": h, "ref": r}) for k, (h, r) in enumerate(zip(GOOD, REFS))])
    cand = write("c.jsonl", [json.dumps({"id": f"s{k}", "hyp": h}) for k, h in enumerate(BAD)])
    out = files["dir"] / "cmp.json"
    r = cli("compare", base, cand, "--format", "json", "--output", out, "--fail-if-worse", "bleu", "--top", "3")
    assert r.code == 1 and r.out == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    assert len(report["differences"]) == 3 and report["differences"][0]["id"].startswith("s")


def test_different_line_counts(cli, files):
    one_line_error(cli("compare", files["good"], files["short"], "--ref", files["ref"]),
                   "short.txt", "39 lines but", "good.txt has 40")


def test_reference_is_required(cli, files):
    one_line_error(cli("compare", files["good"], files["bad"]), "--ref FILE")


def test_ids_must_match(cli, files):
    write = files["write"]
    base = write("b.jsonl", [json.dumps({"id": "a", "hyp": "x", "ref": "x"}), json.dumps({"id": "b", "hyp": "y", "ref": "y"})])
    cand = write("c.jsonl", [json.dumps({"id": "a", "hyp": "x"}), json.dumps({"id": "c", "hyp": "y"})])
    one_line_error(cli("compare", base, cand), "c.jsonl", "segment 2 has id 'c'", "'b'")


def test_references_must_agree(cli, files):
    write = files["write"]
    base = write("b.jsonl", [json.dumps({"id": "a", "hyp": "x", "ref": "the ref"})])
    cand = write("c.jsonl", [json.dumps({"id": "a", "hyp": "x", "ref": "another ref"})])
    one_line_error(cli("compare", base, cand), "c.jsonl", "differs")


def test_record_without_reference(cli, files):
    write = files["write"]
    base = write("b.jsonl", [json.dumps({"id": "a", "hyp": "x"})])
    one_line_error(cli("compare", base, base), "b.jsonl", "no reference")


def test_fewer_records(cli, files):
    write = files["write"]
    base = write("b.jsonl", [json.dumps({"id": str(k), "hyp": "x", "ref": "x"}) for k in range(3)])
    cand = write("c.jsonl", [json.dumps({"id": str(k), "hyp": "x"}) for k in range(2)])
    one_line_error(cli("compare", base, cand), "c.jsonl: has 2 segments but", "b.jsonl has more")


@pytest.mark.parametrize("extra,fragment", [(["--metrics", "meteor"], "unknown metric 'meteor'"),
                                            (["--alpha", "2"], "--alpha")])
def test_bad_options(cli, files, extra, fragment):
    one_line_error(cli("compare", files["good"], files["bad"], "--ref", files["ref"], *extra), fragment)


def test_missing_file(cli, files):
    one_line_error(cli("compare", files["good"], files["dir"] / "nope.txt", "--ref", files["ref"]), "no such file")


def test_cli_defaults_are_the_library_defaults():
    from mtqa.cli import compare as compare_cmd
    from mtqa.metrics import compare as lib

    assert (compare_cmd.DEFAULT_SAMPLES, compare_cmd.DEFAULT_ALPHA, compare_cmd.DEFAULT_TOP) == (
        lib.DEFAULT_SAMPLES, lib.DEFAULT_ALPHA, lib.DEFAULT_TOP)
