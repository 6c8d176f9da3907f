"""Baselines (--write-baseline / --baseline), metric gates (--min-chrf, --min-bleu, --max-ter)."""
from __future__ import annotations

import json

from tests.test_cli import write_jsonl

BATCH = [
    {"id": "1", "hyp": "It ended.The end.", "ref": "It ended. The end."},
    {"id": "2", "hyp": "Two  spaces and  two more.", "ref": "Two spaces and two more."},
    {"id": "3", "hyp": "Clean text here.", "ref": "Clean text here."},
]


def run(cli, path, *args):
    return cli("check", path, "--format", "json", "--isolated", "--tgt-lang", "en", "--fail-on", "minor", *args)


def test_baseline_round_trip(cli, tmp_path, report_validator):
    batch = write_jsonl(tmp_path / "b.jsonl", BATCH)
    base = tmp_path / "baseline.json"
    first = run(cli, batch, "--write-baseline", base)
    assert first.code == 0 and "wrote 3 findings to the baseline" in first.err
    assert first.json["summary"]["findings"] == 3, "the report itself is complete"
    recorded = json.loads(base.read_text(encoding="utf-8"))
    assert recorded["schema"] == "mtqa-baseline/1"
    assert {"segment": "2", "rule": "SP002", "field": "hyp", "text": "  ", "count": 2} in recorded["findings"]
    assert all("start" not in row for row in recorded["findings"]), "keyed by text, not offsets"

    again = run(cli, batch, "--baseline", base)
    assert again.code == 0, again.out
    assert again.json["summary"]["findings"] == 0 and again.json["summary"]["baselined"] == 3
    assert again.json["run"]["baseline"] == str(base)
    report_validator.validate(again.json)

    # Text moves (offsets change) but the known artefacts stay: still nothing new.
    moved = [dict(BATCH[0], hyp="Well. It ended.The end."), *BATCH[1:]]
    assert run(cli, write_jsonl(batch, moved), "--baseline", base).code == 0

    # One new artefact: exit 1, and the report names it and only it.
    changed = [BATCH[0], dict(BATCH[1], hyp="Two  spaces and  two more  now."), BATCH[2]]
    new = run(cli, write_jsonl(batch, changed), "--baseline", base)
    assert new.code == 1
    found = [(s["id"], f["rule"], f["text"]) for s in new.json["segments"] for f in s["findings"]]
    assert found == [("2", "SP002", "  ")], "a third repeat of a twice-recorded finding is new"
    assert new.json["summary"]["baselined"] == 3 and new.json["summary"]["by_rule"] == {"SP002": 1}
    terminal = cli("check", batch, "--isolated", "--tgt-lang", "en", "--fail-on", "minor", "--baseline", base,
                   "--format", "github")
    assert "[segment 2] repeated spaces" in terminal.out and "1 baselined" not in terminal.out
    assert "3 baselined" in terminal.out
    plain = cli("check", batch, "--isolated", "--tgt-lang", "en", "--baseline", base, "--no-color")
    assert "3 known findings left out by the baseline" in plain.out and "SP002" in plain.out


def test_baseline_in_statistics(cli, tmp_path):
    batch = write_jsonl(tmp_path / "b.jsonl", BATCH)
    base = tmp_path / "baseline.json"
    run(cli, batch, "--write-baseline", base)
    r = cli("check", batch, "--isolated", "--tgt-lang", "en", "--baseline", base, "--statistics")
    assert r.code == 0 and "Found 0 findings (3 baselined)" in r.out


def test_bad_baseline_file(cli, tmp_path):
    batch = write_jsonl(tmp_path / "b.jsonl", BATCH)
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "mtqa-baseline/1", "findings": [\n{"segment": 1}\n', encoding="utf-8")
    for path, expected in ((tmp_path / "none.json", "none.json: no such baseline file"),
                           (bad, "bad.json:3: malformed baseline JSON")):
        r = run(cli, batch, "--baseline", path)
        assert r.code == 2 and r.out == "" and expected in r.err and len(r.err.strip().splitlines()) == 1


def test_baseline_from_config_is_relative_to_it(cli, tmp_path, monkeypatch):
    batch = write_jsonl(tmp_path / "b.jsonl", BATCH)
    run(cli, batch, "--write-baseline", tmp_path / "known.json")
    (tmp_path / "mtqa.toml").write_text('baseline = "known.json"\nfail-on = "minor"\n', encoding="utf-8")
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    r = cli("check", batch, "--format", "json", "--tgt-lang", "en")
    assert r.code == 0 and r.json["summary"]["baselined"] == 3


# ----------------------------------------------------------------------------- metric gates

def test_min_chrf_gate(cli, tmp_path, report_validator):
    batch = write_jsonl(tmp_path / "b.jsonl", BATCH)
    chrf = run(cli, batch, "--fail-on", "never").json["summary"]["metrics"]["chrf"]
    ok = cli("check", batch, "--format", "json", "--isolated", "--fail-on", "never", "--min-chrf", str(chrf - 1))
    assert ok.code == 0 and ok.json["summary"]["gates"][0]["passed"] is True
    bad = cli("check", batch, "--format", "json", "--isolated", "--fail-on", "never", "--min-chrf", str(chrf + 1))
    assert bad.code == 1
    report_validator.validate(bad.json)
    summary = bad.json["summary"]
    terminal = cli("check", batch, "--isolated", "--fail-on", "never", "--no-color", "--min-chrf", str(chrf + 1))
    assert f"metric gate FAILED: chrf {chrf:.2f} fails chrf >= {chrf + 1:g}" in terminal.out
    assert summary["verdict"] == "fail" and summary["findings"] == 3
    assert summary["gates"] == [{"metric": "chrf", "op": ">=", "threshold": chrf + 1, "value": chrf, "passed": False}]
    md = cli("check", batch, "--format", "markdown", "--isolated", "--fail-on", "never", "--min-chrf", str(chrf + 1))
    assert f"| `chrf >= {chrf + 1:g}` | {chrf:.2f} | ❌ failed |" in md.out


def test_max_ter_turns_ter_on(cli, tmp_path):
    batch = write_jsonl(tmp_path / "b.jsonl", BATCH)
    r = cli("check", batch, "--format", "json", "--isolated", "--fail-on", "never", "--max-ter", "0")
    assert "ter" in r.json["summary"]["metrics"] and r.json["summary"]["metrics"]["ter"] > 0
    assert r.code == 1 and r.json["run"]["gates"] == ["ter <= 0"]
    gh = cli("check", batch, "--format", "github", "--isolated", "--fail-on", "never", "--max-ter", "0")
    assert "::error title=mtqa metric gate::ter" in gh.out


def test_min_bleu_gate_passes_and_gate_without_reference_fails(cli, tmp_path):
    batch = write_jsonl(tmp_path / "b.jsonl", BATCH)
    assert cli("check", batch, "--format", "json", "--isolated", "--fail-on", "never", "--min-bleu", "1").code == 0
    no_ref = write_jsonl(tmp_path / "n.jsonl", [{"id": "1", "hyp": "Fine."}])
    r = cli("check", no_ref, "--format", "json", "--isolated", "--fail-on", "never", "--min-bleu", "1")
    assert r.code == 1 and r.json["summary"]["gates"][0]["value"] is None
