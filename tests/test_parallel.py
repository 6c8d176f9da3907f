"""`--jobs N`: worker processes give the same results, in the same order, with the same corpus sums."""
from __future__ import annotations

import json

import pytest

from mtqa import rules
from mtqa.context import Context
from mtqa.engine import CheckError, run
from mtqa.metrics.scores import MetricSuite
from mtqa.model import Hit, Segment, Severity
from mtqa.rules import Rule, RuleDocs, RuleExample
from mtqa.run import parallel
from mtqa.run.parallel import available, run_parallel
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not available(), reason="worker processes need fork")

ITEMS = [json.loads(line) for line in (ROOT / "corpora" / "demetr-sample.jsonl").read_text(encoding="utf-8").splitlines()]


def segments():
    out = []
    for k, it in enumerate(ITEMS):
        refs = (it["eng_sent"], it["pert_sent"]) if k % 3 == 0 else (it["eng_sent"],)
        hyp = it["pert_sent"] if k % 2 else it["mt_sent"] + "  Extra.The end"
        out.append(Segment(str(k), k, hyp, src=it["src_sent"], refs=refs, tgt_lang="en"))
    return out


def test_same_results_in_the_same_order_and_same_corpus_sums():
    selected = rules.select()
    ctx = Context(tgt_lang="en")
    one, many = MetricSuite(("bleu", "chrf", "ter")), MetricSuite(("bleu", "chrf", "ter"))
    expected = list(run(segments(), selected, ctx, one))
    got = list(run_parallel(segments(), selected, ctx, many, jobs=2, chunk=3))
    assert [r.segment.id for r in got] == [r.segment.id for r in expected]
    assert [(r.findings, r.score, r.words, r.metrics) for r in got] == \
           [(r.findings, r.score, r.words, r.metrics) for r in expected]
    assert any(r.findings for r in got)
    assert many.corpus_scores() == one.corpus_scores() and many.segments == one.segments == len(ITEMS)
    assert many.signatures() == one.signatures() and many.signatures()["bleu"].startswith("nrefs:var")


def test_cli_reports_are_identical(cli, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text("".join(json.dumps({"id": s.id, "hyp": s.hyp, "src": s.src, "ref": list(s.refs)}) + "\n"
                            for s in segments()), encoding="utf-8")
    args = ["check", path, "--format", "json", "--fail-on", "never", "--tgt-lang", "en", "--src-lang", "de"]
    assert cli(*args, "--jobs", "2").out == cli(*args).out


def test_a_broken_check_in_a_worker_stops_the_run():
    def broken(segment, ctx):
        yield Hit(0, len(segment.hyp) + 5, "out of range")

    bad = Rule("QT999", "broken-span", Severity.MINOR, "fluency/punctuation", frozenset(), None, False,
               broken, RuleDocs("x", "x", "x", RuleExample("x", "y")))
    with pytest.raises(CheckError, match="QT999"):
        list(run_parallel(segments(), [bad], Context(), None, jobs=2, chunk=4))


def test_jobs_without_the_option_follow_the_size_of_the_batch():
    cpus = parallel.cpu_count()
    assert parallel.resolve_jobs(None, parallel.AUTO_MIN_SEGMENTS - 1) == 1
    assert parallel.resolve_jobs(None, None) == 1  # size unknown: one process
    assert parallel.resolve_jobs(None, parallel.AUTO_MIN_SEGMENTS) == cpus
    assert parallel.resolve_jobs(0, 3) == cpus
    assert parallel.resolve_jobs(1, 10 ** 6) == 1 and parallel.resolve_jobs(3, 5) == 3


def test_an_automatic_run_has_at_most_a_few_workers(monkeypatch):
    monkeypatch.setattr(parallel, "cpu_count", lambda: 64)
    assert parallel.resolve_jobs(None, 10 ** 6) == parallel.AUTO_MAX_JOBS < 64
    assert parallel.resolve_jobs(0, 10) == 64  # asked for explicitly


def test_a_large_batch_without_jobs_runs_in_workers_with_the_same_report(cli, tmp_path, monkeypatch):
    path = tmp_path / "b.jsonl"
    path.write_text("".join(json.dumps({"id": s.id, "hyp": s.hyp, "src": s.src, "ref": list(s.refs)}) + "\n"
                            for s in segments()), encoding="utf-8")
    args = ["check", path, "--format", "json", "--fail-on", "never", "--tgt-lang", "en", "--src-lang", "de"]
    one = cli(*args, "--jobs", "1").out
    used = []
    real_run_parallel = parallel.run_parallel
    monkeypatch.setattr(parallel, "AUTO_MIN_SEGMENTS", len(ITEMS))
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    monkeypatch.setattr("mtqa.cli.check.run_parallel", lambda *a, **k: used.append(k["jobs"]) or real_run_parallel(*a, **k))
    assert cli(*args).out == one and used == [2]
    monkeypatch.setattr(parallel, "AUTO_MIN_SEGMENTS", len(ITEMS) + 1)
    assert cli(*args).out == one and used == [2, 1]


def test_bad_jobs_value(cli, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('{"id": "1", "hyp": "x"}\n', encoding="utf-8")
    r = cli("check", path, "--jobs", "-1")
    assert r.code == 2 and "--jobs" in r.err


def test_document_with_reference(cli):
    from tests.conftest import SAMPLE_HYP, SAMPLE_REF

    args = ["check", "--doc", "--hyp", SAMPLE_HYP, "--ref", SAMPLE_REF, "--format", "json", "--tgt-lang", "en"]
    assert cli(*args, "--jobs", "2").out == cli(*args).out
