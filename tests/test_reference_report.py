"""Reference reporting end to end: sentence metrics of documents, the chrF distribution and the
worst segments in JSON and in the terminal report, and blank reference lines."""
from __future__ import annotations

import json

from tests.conftest import SAMPLE_HYP, SAMPLE_REF


def test_document_sentences_in_json(cli, report_validator):
    r = cli("check", "--doc", "--hyp", SAMPLE_HYP, "--ref", SAMPLE_REF, "--format", "json", "--fail-on", "never",
            "--tgt-lang", "en")
    report = r.json
    report_validator.validate(report)
    hyp, ref = SAMPLE_HYP.read_text(encoding="utf-8"), SAMPLE_REF.read_text(encoding="utf-8")
    sents = report["segments"][0]["sentences"]
    matched = [s for s in sents if s["hyp"] and s["ref"]]
    assert len(matched) == 20 and all(s["metrics"] and "chrf" in s["metrics"] for s in matched)
    assert [hyp[s["hyp"][0]:s["hyp"][1]] for s in sents if s["ref"] is None] == [
        "Home News The White House warns that Russia will be able to produce Iranian drones on its soil next year",
        "by admin", "sequel after announcement", "sequel after announcement",
        "Rearmament: French Industrialists’ Deals", "Related News", "Leave a Comment"]
    title = matched[0]
    assert hyp[title["hyp"][0]:title["hyp"][1]] == ref[title["ref"][0]:title["ref"][1]]
    assert title["metrics"]["chrf"] == 100.0
    dist = report["summary"]["metric_distribution"]
    assert (dist["metric"], dist["level"], dist["count"]) == ("chrf", "sentence", 20)
    worst = dist["worst"][0]
    assert worst["chrf"] == min(s["metrics"]["chrf"] for s in matched)
    assert sents[worst["sentence"]]["hyp"] == worst["hyp"]
    findings = report["segments"][0]["findings"]
    # The paragraphs the reference lacks are folded into the boilerplate finding of the same
    # line: one error, one finding, with OM002 as related evidence.
    om = {(r["rule"], r["text"], f["rule"]) for f in findings for r in f.get("related", []) if r["rule"] == "OM002"}
    assert ("OM002", "Related News", "BP003") in om and ("OM002", "by admin", "BP002") in om
    assert not any(f["rule"] == "OM002" and f["text"] in ("Related News", "by admin") for f in findings)


def test_segment_distribution_in_json(cli, tmp_path, report_validator):
    hyps = ["The cat sat on the mat.", "A dog barked loudly at night.", "Completely unrelated words here.", ""]
    refs = ["The cat sat on the mat.", "A dog was barking loudly in the night.", "The weather is fine today.",
            "Nothing."]
    (tmp_path / "h.txt").write_text("\n".join(hyps) + "\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("\n".join(refs) + "\n", encoding="utf-8")
    report = cli("check", "--hyp", tmp_path / "h.txt", "--ref", tmp_path / "r.txt", "--format", "json",
                 "--fail-on", "never", "--tgt-lang", "en").json
    report_validator.validate(report)
    dist = report["summary"]["metric_distribution"]
    chrfs = [s["metrics"]["chrf"] for s in report["segments"]]
    assert dist["level"] == "segment" and dist["count"] == 4 == sum(dist["histogram"]["counts"])
    assert [w["id"] for w in dist["worst"]] == [s["id"] for s in sorted(report["segments"],
                                                                      key=lambda s: s["metrics"]["chrf"])]
    assert dist["worst"][0]["chrf"] == min(chrfs) and dist["max"] == 100.0
    assert "sentences" not in report["segments"][0]


def test_no_reference_no_distribution(cli, tmp_path):
    (tmp_path / "h.txt").write_text("The cat sat.\n", encoding="utf-8")
    report = cli("check", "--hyp", tmp_path / "h.txt", "--format", "json", "--tgt-lang", "en").json
    assert "metric_distribution" not in report["summary"] and "metrics" not in report["summary"]


def test_terminal_histogram_and_worst_segments_fit_80_columns(cli, tmp_path):
    lines = [json.dumps({"id": f"seg-{i}", "hyp": f"The council met on day {i} and voted.",
                         "ref": "The council met and voted." if i % 3 else "Nobody came at all."})
             for i in range(30)]
    (tmp_path / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = cli("check", tmp_path / "b.jsonl", "--no-color", "--width", "80", "--tgt-lang", "en").out
    assert "chrF per segment: 30 segments" in out
    assert "90–100 │" in out and "█" in out
    worst = out.split("Lowest chrF segments")[1].splitlines()[1:11]
    ids = [int(line.split()[1].removeprefix("seg-")) for line in worst]
    assert sorted(ids) == list(range(0, 30, 3)), "the ten segments whose reference says something else"
    section = out[out.index("chrF per segment"):]
    assert max(len(line) for line in section.splitlines()) <= 80


def test_terminal_document_worst_sentences_give_lines(cli):
    out = cli("check", "--doc", "--hyp", SAMPLE_HYP, "--ref", SAMPLE_REF, "--no-color", "--width", "80",
              "--tgt-lang", "en").out
    assert "chrF per aligned sentence: 20 sentences" in out
    section = out.split("Lowest chrF sentences")[1]
    assert "line 27  Repeat, as Washington" in section
    assert max(len(line) for line in out.splitlines()) <= 80
