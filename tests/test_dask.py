"""`--dask`: a scheduler and two workers as real processes on the loopback interface, and a
LocalCluster, give byte for byte the report of `--jobs 1`, also when a worker is killed mid-run;
a cluster that cannot be reached, or Dask missing, is a one-line error with exit 2."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from mtqa.cli.main import main
from tests.conftest import ROOT

distributed = pytest.importorskip("distributed")

SEGMENTS = 2000
ITEMS = [json.loads(line) for line in (ROOT / "corpora" / "demetr-sample.jsonl").read_text(encoding="utf-8").splitlines()]


def _write_batch(path) -> None:
    """DEMETR sample records repeated, varied as in test_parallel: findings, one or two references."""
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(SEGMENTS):
            it = ITEMS[k % len(ITEMS)]
            refs = [it["eng_sent"], it["pert_sent"]] if k % 3 == 0 else [it["eng_sent"]]
            hyp = it["pert_sent"] if k % 2 else it["mt_sent"] + "  Extra.The end"
            fh.write(json.dumps({"id": str(k), "hyp": hyp, "src": it["src_sent"], "ref": refs}) + "\n")


def _args(batch, out):
    return ["check", str(batch), "--format", "json", "--fail-on", "never", "--tgt-lang", "en",
            "--src-lang", "de", "--output", str(out)]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The batch and the report `--jobs 1` writes for it."""
    root = tmp_path_factory.mktemp("dask")
    path, expected = root / "batch.jsonl", root / "expected.json"
    _write_batch(path)
    assert main(_args(path, expected) + ["--jobs", "1"]) == 0
    return path, expected.read_bytes()


def _spawn(module: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", module, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """`dask scheduler` and two `dask worker`s (no nanny: a killed worker stays dead), random ports."""
    info = tmp_path_factory.mktemp("cluster") / "scheduler.json"
    procs = [_spawn("distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                    "--no-dashboard", "--scheduler-file", str(info))]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text().strip():
            assert time.monotonic() < deadline and procs[0].poll() is None, "the scheduler did not start"
            time.sleep(0.1)
        for _ in range(2):
            procs.append(_spawn("distributed.cli.dask_worker", "--scheduler-file", str(info), "--nthreads", "1",
                                "--no-nanny", "--no-dashboard", "--host", "127.0.0.1"))
        address = json.loads(info.read_text())["address"]
        with distributed.Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address, procs[1:]
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(timeout=3)
            except subprocess.TimeoutExpired:  # a worker still saying goodbye to a scheduler gone
                p.kill()
                p.wait()


@pytest.mark.slow
def test_a_scheduler_with_two_workers_writes_the_report_of_one_process(batch, cluster, tmp_path):
    path, expected = batch
    out = tmp_path / "dask.json"
    assert main(_args(path, out) + ["--dask", cluster[0]]) == 0
    assert out.read_bytes() == expected
    report = json.loads(expected)
    assert report["summary"]["segments"] == SEGMENTS and report["summary"]["findings"] > 0
    assert {"bleu", "chrf"} <= set(report["summary"]["metrics"])


def _tasks_of_runs(client) -> list[str]:
    return client.run_on_scheduler(
        lambda dask_scheduler: [str(k) for k in dask_scheduler.tasks if str(k).startswith("mtqa-")])


@pytest.mark.slow
def test_ctrl_c_cancels_the_run_on_the_cluster(batch, cluster, tmp_path):
    path, _ = batch
    address = cluster[0]
    proc = subprocess.Popen([sys.executable, "-m", "mtqa", *_args(path, tmp_path / "out.json"), "--dask", address],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        with distributed.Client(address, timeout=30) as client:
            deadline = time.monotonic() + 60
            while not _tasks_of_runs(client):  # the run has sent its first partitions
                assert proc.poll() is None and time.monotonic() < deadline, "the run did not reach the cluster"
                time.sleep(0.05)
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 130 and err.decode() == "mtqa: interrupted\n"
            assert not (tmp_path / "out.json").exists()  # --output is written whole or not at all
            deadline = time.monotonic() + 10
            while _tasks_of_runs(client):  # its tasks are cancelled, not left running
                assert time.monotonic() < deadline, _tasks_of_runs(client)
                time.sleep(0.1)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_a_worker_killed_mid_run_has_its_partitions_recomputed(batch, cluster, tmp_path, monkeypatch):
    from mtqa.run import dask as executor

    path, expected = batch
    address, workers = cluster
    # Small partitions, so that the run is still going when the first one comes back: both
    # workers then hold tasks, and the one killed loses the task it is running.
    monkeypatch.setattr(executor, "PARTITION", 100)
    real_results, killed = executor.results, []

    def results_then_kill(*a, **k):
        if not killed:
            os.kill(workers[0].pid, signal.SIGKILL)
            workers[0].wait(timeout=10)
            killed.append(True)
        yield from real_results(*a, **k)

    monkeypatch.setattr(executor, "results", results_then_kill)
    out = tmp_path / "dask.json"
    assert main(_args(path, out) + ["--dask", address]) == 0
    assert killed and workers[0].poll() is not None
    assert out.read_bytes() == expected


@pytest.mark.slow
def test_a_local_cluster_writes_the_report_of_one_process(batch, tmp_path):
    path, expected = batch
    out = tmp_path / "local.json"
    assert main(_args(path, out) + ["--dask", "local", "--jobs", "2"]) == 0
    assert out.read_bytes() == expected


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.jsonl"
    path.write_text(json.dumps({"id": "1", "hyp": "The end.", "ref": "The end."}) + "\n", encoding="utf-8")
    return path


def test_an_unreachable_cluster_is_a_one_line_error(cli, monkeypatch, small):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("MTQA_DASK_TIMEOUT", "1")
    r = cli("check", small, "--format", "json", "--tgt-lang", "en", "--dask", f"tcp://127.0.0.1:{port}")
    assert r.code == 2 and r.out == ""
    assert r.err.startswith(f"mtqa: error: cannot reach the Dask cluster at tcp://127.0.0.1:{port}")
    assert len(r.err.strip().splitlines()) == 1


def test_without_dask_the_option_says_how_to_install_it(cli, monkeypatch, small):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails
    r = cli("check", small, "--format", "json", "--tgt-lang", "en", "--dask", "local")
    assert r.code == 2 and r.out == ""
    assert "pip install 'mtqa[dask]'" in r.err and len(r.err.strip().splitlines()) == 1


def test_rules_that_are_not_registered_cannot_travel():
    from mtqa.model import Severity
    from mtqa.rules import Rule, RuleDocs
    from mtqa.run.dask import ClusterError, rule_codes

    ad_hoc = Rule("QT999", "ad-hoc", Severity.MINOR, "fluency/punctuation", frozenset(), None, False,
                  lambda s, c: iter(()), RuleDocs("x", "x", "x", "x"))
    with pytest.raises(ClusterError, match="QT999"):
        rule_codes([ad_hoc])


def test_a_worker_with_another_mtqa_version_refuses_the_task():
    import pickle

    from mtqa.run import dask as executor

    blob = pickle.dumps(("0.0.0-other", ("QT001",), None, None))
    with pytest.raises(RuntimeError, match="same version"):
        executor.check_partition(blob, "digest-of-another-version", [])


def test_local_workers_follow_jobs():
    from mtqa.run import parallel
    from mtqa.run.dask import local_workers

    assert local_workers(3) == 3
    assert local_workers(0) == parallel.cpu_count()
    assert local_workers(None) == min(parallel.cpu_count(), parallel.AUTO_MAX_JOBS)
