"""End-to-end CLI tests: input modes, the JSON contract, exit codes, and bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SAMPLE_HYP, SAMPLE_REF

RECORDS = [
    {"id": "a", "src": "Il est parti hier.", "hyp": "He left yesterday.", "ref": "He left yesterday."},
    {"id": "b", "src": "Le vote a eu lieu.", "hyp": "The vote took place  today.The end.", "ref": ["The vote took place.", "Voting happened."]},
    {"id": "c", "hyp": ""},
    {"id": "d", "hyp": "It goes ” both ways “ he said."},
]


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def assert_contract(report, validator, inputs):
    """Schema-valid; every input segment exactly once, in order; text == field[start:end]."""
    validator.validate(report)
    assert report["schema"] == "mtqa-report/1"
    assert [s["id"] for s in report["segments"]] == [r["id"] for r in inputs]
    assert [s["index"] for s in report["segments"]] == list(range(len(inputs)))
    assert report["summary"]["segments"] == len(inputs)
    assert report["summary"]["findings"] == sum(len(s["findings"]) for s in report["segments"])
    for seg, rec in zip(report["segments"], inputs):
        for f in seg["findings"]:
            field = rec[f["field"]] if f["field"] != "ref" or isinstance(rec["ref"], str) else rec["ref"][0]
            assert field[f["start"]:f["end"]] == f["text"]


# ----------------------------------------------------------------------------- input modes

def test_jsonl_records(cli, tmp_path, report_validator):
    path = write_jsonl(tmp_path / "batch.jsonl", RECORDS)
    r = cli("check", path, "--format", "json", "--fail-on", "never", "--src-lang", "fr", "--tgt-lang", "en")
    assert r.code == 0, r.err
    report = r.json
    assert_contract(report, report_validator, RECORDS)
    by_id = {s["id"]: s for s in report["segments"]}
    assert {f["rule"] for f in by_id["b"]["findings"]} >= {"SP001", "SP002"}
    assert [f["rule"] for f in by_id["c"]["findings"]] == ["OM001"], "an empty segment is reported"
    assert [f["rule"] for f in by_id["d"]["findings"]] == ["QT001"]
    assert "metrics" in by_id["a"] and "metrics" not in by_id["c"]
    assert set(report["summary"]["metrics"]) == {"bleu", "chrf"}


def test_tsv_records_with_header(cli, tmp_path, report_validator):
    path = tmp_path / "batch.tsv"
    path.write_text("id\tsrc\thyp\tref\nx\tBonjour.\tHello.\tHello.\ny\tSalut.\t\tHi.\n", encoding="utf-8")
    r = cli("check", path, "--format", "json", "--tgt-lang", "en", "--src-lang", "fr")
    assert r.code == 1  # the empty translation is critical
    assert_contract(r.json, report_validator, [{"id": "x", "src": "Bonjour.", "hyp": "Hello.", "ref": "Hello."},
                                               {"id": "y", "src": "Salut.", "hyp": "", "ref": "Hi."}])


def test_tsv_positional_columns(cli, tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("Bonjour.\tHello.\nSalut.\tHi .\n", encoding="utf-8")
    report = cli("check", path, "--format", "json", "--tgt-lang", "en", "--fail-on", "never").json
    assert [s["id"] for s in report["segments"]] == ["1", "2"]
    assert [f["rule"] for f in report["segments"][1]["findings"]] == ["SP004"]


def test_line_aligned_files_with_two_references(cli, tmp_path, report_validator):
    (tmp_path / "h.txt").write_text("He left yesterday.\nThe vote took place .\n\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text("Il est parti hier.\nLe vote a eu lieu.\nRien.\n", encoding="utf-8")
    (tmp_path / "r1.txt").write_text("He left yesterday.\nThe vote took place.\nNothing.\n", encoding="utf-8")
    (tmp_path / "r2.txt").write_text("He went yesterday.\nVoting happened.\nNothing at all.\n", encoding="utf-8")
    r = cli("check", "--hyp", tmp_path / "h.txt", "--src", tmp_path / "s.txt", "--ref", tmp_path / "r1.txt",
            "--ref", tmp_path / "r2.txt", "--format", "json", "--fail-on", "never", "--tgt-lang", "en")
    assert r.code == 0, r.err
    inputs = [{"id": "1", "hyp": "He left yesterday.", "src": "Il est parti hier.", "ref": "He left yesterday."},
              {"id": "2", "hyp": "The vote took place .", "src": "Le vote a eu lieu.", "ref": "The vote took place."},
              {"id": "3", "hyp": "", "src": "Rien.", "ref": "Nothing."}]
    assert_contract(r.json, report_validator, inputs)
    assert r.json["summary"]["metric_signatures"]["bleu"].startswith("nrefs:2")


def test_document_mode_offsets_into_whole_text(cli, report_validator):
    r = cli("check", "--doc", "--hyp", SAMPLE_HYP, "--ref", SAMPLE_REF, "--format", "json",
            "--fail-on", "never", "--tgt-lang", "en")
    assert r.code == 0, r.err
    report = r.json
    text = SAMPLE_HYP.read_text(encoding="utf-8")
    assert_contract(report, report_validator, [{"id": SAMPLE_HYP.name, "hyp": text,
                                                "ref": SAMPLE_REF.read_text(encoding="utf-8")}])
    found = {(f["rule"], f["text"]) for f in report["segments"][0]["findings"]}
    assert ("QT001", "” not on purpose “") in found
    assert ("SP001", "year.The") in found
    assert report["run"]["mode"] == "document"


def test_stdin_records(cli, report_validator):
    data = "".join(json.dumps(r) + "\n" for r in RECORDS).encode()
    r = cli("check", "-", "--format", "json", "--fail-on", "never", "--tgt-lang", "en", stdin=data)
    assert r.code == 0, r.err
    assert_contract(r.json, report_validator, RECORDS)


def test_output_file(cli, tmp_path, report_validator):
    path = write_jsonl(tmp_path / "b.jsonl", RECORDS)
    out = tmp_path / "report.json"
    r = cli("check", path, "--format", "json", "--output", out, "--tgt-lang", "en")
    assert r.out == ""
    assert_contract(json.loads(out.read_text(encoding="utf-8")), report_validator, RECORDS)
    assert r.code == 1


def test_languages_are_detected_and_reported(cli, tmp_path):
    records = [{"id": str(i), "src": "Le gouvernement a annoncé de nouvelles mesures économiques hier soir.",
                "hyp": "The government announced new economic measures last night."} for i in range(3)]
    report = cli("check", write_jsonl(tmp_path / "b.jsonl", records), "--format", "json").json
    langs = report["run"]["languages"]
    assert (langs["src"], langs["tgt"]) == ("fr", "en")
    assert set(langs["detected"]) == {"src", "tgt"}
    again = cli("check", tmp_path / "b.jsonl", "--format", "json").json
    assert again["run"]["languages"] == langs, "detection is seeded: same answer every run"


def test_given_languages_are_not_detected(cli, tmp_path):
    path = write_jsonl(tmp_path / "b.jsonl", RECORDS[:1])
    langs = cli("check", path, "--format", "json", "--src-lang", "fr", "--tgt-lang", "en").json["run"]["languages"]
    assert langs == {"src": "fr", "tgt": "en", "detected": {}}


def test_select_and_ignore(cli, tmp_path):
    path = write_jsonl(tmp_path / "b.jsonl", RECORDS)
    report = cli("check", path, "--format", "json", "--select", "SP", "--ignore", "SP002", "--tgt-lang", "en").json
    rules = {f["rule"] for s in report["segments"] for f in s["findings"]}
    assert rules == {"SP001"}
    assert all(code.startswith("SP") and code != "SP002" for code in report["run"]["rules"])


# ----------------------------------------------------------------------------- exit codes

@pytest.mark.parametrize("fail_on,code", [("never", 0), ("critical", 1), ("major", 1), ("minor", 1)])
def test_fail_on_thresholds_with_a_critical_finding(cli, tmp_path, fail_on, code):
    path = write_jsonl(tmp_path / "b.jsonl", [{"id": "1", "hyp": ""}])
    r = cli("check", path, "--format", "json", "--fail-on", fail_on, "--tgt-lang", "en")
    assert r.code == code
    assert r.json["summary"]["verdict"] == ("fail" if code else "pass")


@pytest.mark.parametrize("fail_on,code", [("minor", 1), ("major", 0), ("critical", 0)])
def test_fail_on_thresholds_with_a_minor_finding(cli, tmp_path, fail_on, code):
    path = write_jsonl(tmp_path / "b.jsonl", [{"id": "1", "hyp": "It ended.The end."}])
    assert cli("check", path, "--format", "json", "--fail-on", fail_on, "--tgt-lang", "en").code == code


def test_clean_input_exits_zero(cli, tmp_path):
    path = write_jsonl(tmp_path / "b.jsonl", [{"id": "1", "hyp": "He left yesterday."}])
    assert cli("check", path, "--fail-on", "minor", "--tgt-lang", "en").code == 0


# ----------------------------------------------------------------------------- bad input

def _error(r):
    assert r.code == 2
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtqa: error: "), r.err
    assert "Traceback" not in r.err
    return lines[0]


def test_missing_file(cli, tmp_path):
    assert "nope.jsonl: no such file" in _error(cli("check", tmp_path / "nope.jsonl", "--format", "json"))


def test_mismatched_line_counts(cli, tmp_path):
    (tmp_path / "h.txt").write_text("a\nb\nc\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("a\nb\n", encoding="utf-8")
    msg = _error(cli("check", "--hyp", tmp_path / "h.txt", "--ref", tmp_path / "r.txt", "--format", "json"))
    assert "r.txt:3: has 2 lines but" in msg and "h.txt has 3" in msg


def test_malformed_jsonl_line(cli, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('{"id": "1", "hyp": "ok"}\n{"id": "2", "hyp": \n', encoding="utf-8")
    assert "b.jsonl:2: malformed JSON" in _error(cli("check", path, "--format", "json"))


def test_record_without_hyp(cli, tmp_path):
    path = write_jsonl(tmp_path / "b.jsonl", [{"id": "1", "hyp": "ok"}, {"id": "2", "src": "x"}])
    assert 'b.jsonl:2: record has no "hyp"' in _error(cli("check", path, "--format", "json"))


def test_record_that_is_not_an_object(cli, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('["hyp"]\n', encoding="utf-8")
    assert "b.jsonl:1: expected a JSON object" in _error(cli("check", path, "--format", "json"))


def test_non_utf8_bytes(cli, tmp_path):
    path = tmp_path / "h.txt"
    path.write_bytes("fine\n".encode() + "caf\xe9 latin-1\n".encode("latin-1"))
    msg = _error(cli("check", "--hyp", path, "--format", "json"))
    assert "h.txt:2: not valid UTF-8 (byte 0xe9 at column 4)" in msg


def test_non_utf8_document(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title\n\nBody \xff here\n")
    assert "a.txt:3: not valid UTF-8" in _error(cli("check", "--doc", path, "--format", "json"))


def test_empty_file(cli, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text("", encoding="utf-8")
    assert "b.jsonl: is empty" in _error(cli("check", path, "--format", "json"))


def test_huge_line(cli, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "1", "hyp": "x" * 5000}) + "\n", encoding="utf-8")
    msg = _error(cli("check", path, "--format", "json", "--max-line-bytes", "1000"))
    assert "b.jsonl:1: line is longer than 1,000 bytes" in msg


def test_unknown_rule_code(cli, tmp_path):
    path = write_jsonl(tmp_path / "b.jsonl", RECORDS)
    assert "unknown rule code or prefix 'XX123'" in _error(cli("check", path, "--select", "XX123"))


def test_unknown_format(cli, tmp_path):
    path = write_jsonl(tmp_path / "b.jsonl", RECORDS)
    with pytest.raises(SystemExit) as e:
        cli("check", path, "--format", "xml")
    assert e.value.code == 2


def test_unknown_format_is_one_line_via_subprocess(tmp_path):
    path = write_jsonl(tmp_path / "b.jsonl", RECORDS)
    proc = subprocess.run([sys.executable, "-m", "mtqa", "check", str(path), "--format", "xml"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "invalid choice: 'xml'" in lines[0]


def test_conflicting_inputs(cli, tmp_path):
    path = write_jsonl(tmp_path / "b.jsonl", RECORDS)
    assert "either INPUT or --hyp" in _error(cli("check", path, "--hyp", path))
    assert "--src/--ref go with --hyp" in _error(cli("check", path, "--ref", path))


def test_no_partial_output_on_bad_input(cli, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('{"id": "1", "hyp": "fine"}\n' * 50 + "not json\n", encoding="utf-8")
    out = tmp_path / "r.json"
    _error(cli("check", path, "--format", "json", "--output", out))
    assert not out.exists()


# ----------------------------------------------------------------------------- terminal, rules, explain

def test_terminal_report_at_fixed_width(cli):
    r = cli("check", "--doc", "--hyp", SAMPLE_HYP, "--no-color", "--width", "80", "--tgt-lang", "en")
    out = r.out
    assert "PASS" in out or "FAIL" in out
    assert "” not on purpose “" in out and "QT001" in out and "year.The" in out and "SP001" in out
    assert "→ “not on purpose”" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\x1b[" not in out, "plain text when not a terminal"


def test_terminal_header_fits_the_width_from_a_deep_checkout(cli, tmp_path):
    # CI checkouts live under long paths: the header must cut the path, not overflow the terminal.
    deep = tmp_path.joinpath(*["a-rather-long-directory-name"] * 4)
    deep.mkdir(parents=True)
    hyp = deep / SAMPLE_HYP.name
    hyp.write_bytes(SAMPLE_HYP.read_bytes())
    out = cli("check", "--doc", "--hyp", hyp, "--no-color", "--width", "80", "--tgt-lang", "en").out
    title = out.splitlines()[0]
    assert title.startswith("mtqa ") and "…" in title and "drones-alabuga.en.txt · document · en" in title
    assert max(len(line) for line in out.splitlines()) <= 80


def test_shorten_path_keeps_short_names_and_the_file_name():
    from mtqa.reporters.common import shorten_path

    assert shorten_path("a.txt", 20) == "a.txt"
    cut = shorten_path("/x" * 40 + "/file.txt", 20)
    assert len(cut) == 20 and cut.startswith("…") and cut.endswith("/file.txt")


def test_default_run_checks_the_bundled_sample(cli):
    r = cli("check", "--no-color")
    assert r.code in (0, 1)
    assert "bundled sample article" in r.err
    assert "drones-alabuga.en.txt" in r.out and "Reference metrics" in r.out


def test_rules_listing(cli):
    r = cli("rules", "--format", "json")
    rows = json.loads(r.out)
    assert {"QT001", "SP001", "OM001"} <= {row["code"] for row in rows}
    assert all({"code", "name", "severity", "category", "needs"} <= set(row) for row in rows)
    assert "reversed-quotation-marks" in cli("rules").out


def test_explain(cli):
    r = cli("explain", "qt001")
    assert r.code == 0
    for section in ("## What it does", "## Why is this bad?", "## Example", "QT001 reversed-quotation-marks"):
        assert section in r.out
    assert "unknown rule code 'ZZ999'" in _error(cli("explain", "ZZ999"))


def test_console_script_and_module_agree(tmp_path):
    path = write_jsonl(tmp_path / "b.jsonl", RECORDS)
    exe = ROOT / ".venv" / "bin" / "mtqa"
    args = ["check", str(path), "--format", "json", "--tgt-lang", "en", "--fail-on", "never"]
    via_module = subprocess.run([sys.executable, "-m", "mtqa", *args], capture_output=True, cwd=ROOT)
    assert via_module.returncode == 0
    if exe.exists():
        via_script = subprocess.run([str(exe), *args], capture_output=True, cwd=ROOT)
        assert via_script.stdout == via_module.stdout


def test_demo_run_exits_zero_unless_a_gate_is_asked_for(cli):
    assert cli("check", "--no-color").code == 0
    assert cli("check", "--no-color", "--fail-on", "major").code == 1
