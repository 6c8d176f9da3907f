"""Unwritable reports, standard input and the hostile inputs of issue 17.

Every refusal is checked as a user sees it: exit 2, one line on stderr naming the file (and
line), nothing on stdout, no report written and an existing report left as it was. Reports
that cannot be written and standard input run as real processes (a fresh TMPDIR each, checked
empty afterwards), all started together so the file costs about one run's time; the hostile
inputs run in-process, where they are cheap.
"""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mtqa import scoring

ROOT = Path(__file__).resolve().parent.parent
MTQA = ROOT / ".venv" / "bin" / "mtqa"
GOOD = '{"id": "1", "hyp": "The minister spoke in Paris on Tuesday."}\n'
OLD_REPORT = "an earlier report\n"


def _command() -> list[str]:
    return [str(MTQA)] if MTQA.exists() else [sys.executable, "-m", "mtqa"]


#: Cases run as real processes; the others run in-process.
PROCESS = {"output-is-a-folder", "output-missing-folder", "output-read-only-folder", "output-proc",
           "stdin-ok", "stdin-bad"}


def _cases(base: Path) -> dict[str, dict]:
    """name -> {args, stdin, expect: substring of the error, or None for success}."""
    good = base / "good.jsonl"
    good.write_text(GOOD, encoding="utf-8")
    (base / "a-folder").mkdir()
    read_only = base / "read-only"
    read_only.mkdir()
    read_only.chmod(stat.S_IRUSR | stat.S_IXUSR)
    files = {
        "surrogate-id.jsonl": '{"id": "\\ud800", "hyp": "Fine text here."}\n',
        "surrogate-hyp.jsonl": GOOD + '{"id": "2", "hyp": "Bad \\udfff text"}\n',
        "deep.jsonl": '{"id": "1", "hyp": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
        "huge-id.jsonl": '{"id": ' + "7" * 5000 + ', "hyp": "Fine text here."}\n',
        "unterminated.po": 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Unterminated\nmsgstr "Fine"\n',
        "long.csv": "id,hyp\n1," + "word " * 300 + "\n",
        "long.po": 'msgid "a"\nmsgstr "' + "word " * 300 + '"\n',
        "empty.txt": "",
        "deep-baseline.json": '{"schema": "mtqa-baseline/1", "findings": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
        "huge-baseline.json": '{"schema": "mtqa-baseline/1", "findings": [{"segment": ' + "1" * 5000
                              + ', "rule": "SP001", "field": "hyp", "text": "x"}]}\n',
    }
    for name, text in files.items():
        (base / name).write_text(text, encoding="utf-8")
    out = str(base / "out" / "r.json")
    common = ["--format", "json", "--tgt-lang", "en", "--output", out]
    return {
        "output-is-a-folder": dict(args=[str(good), "--output", str(base / "a-folder")],
                                   expect="a-folder: is a directory"),
        "output-missing-folder": dict(args=[str(good), "--output", str(base / "nowhere" / "r.json")],
                                      expect="does not exist"),
        "output-read-only-folder": dict(args=[str(good), "--output", str(read_only / "r.json")],
                                        expect="is not writable", needs_non_root=True),
        # procfs takes no new files, even from root: a folder no user can write to.
        "output-proc": dict(args=[str(good), "--output", "/proc/mtqa-report.json"], expect="/proc/mtqa-report.json"),
        "surrogate-id": dict(args=[str(base / "surrogate-id.jsonl"), *common], expect="surrogate-id.jsonl:1: "),
        "surrogate-hyp": dict(args=[str(base / "surrogate-hyp.jsonl"), *common], expect="surrogate-hyp.jsonl:2: "),
        "deep": dict(args=[str(base / "deep.jsonl"), *common], expect="deep.jsonl:1: is nested"),
        "huge-id": dict(args=[str(base / "huge-id.jsonl"), *common], expect="huge-id.jsonl:1: has a number"),
        "unterminated-po": dict(args=[str(base / "unterminated.po"), *common], expect="unterminated.po:5: "),
        "long-csv": dict(args=[str(base / "long.csv"), "--max-line-bytes", "500", *common],
                         expect="long.csv:2: line is longer than 500 bytes"),
        "long-po": dict(args=[str(base / "long.po"), "--max-line-bytes", "500", *common],
                        expect="long.po:2: line is longer than 500 bytes"),
        "empty-doc": dict(args=["--doc", str(base / "empty.txt"), *common], expect="empty.txt: is empty"),
        "deep-baseline": dict(args=[str(good), "--baseline", str(base / "deep-baseline.json"), *common],
                              expect="deep-baseline.json: is nested"),
        "huge-baseline": dict(args=[str(good), "--baseline", str(base / "huge-baseline.json"), *common],
                              expect="huge-baseline.json: has a number"),
        "stdin-ok": dict(args=["-", "--format", "json", "--tgt-lang", "en"], stdin=GOOD, expect=None),
        "stdin-bad": dict(args=["-", *common], stdin=GOOD + "not json\n", expect="<stdin>:2: malformed JSON"),
        "stdin-doc": dict(args=["--doc", "-", "--format", "json", "--tgt-lang", "en"], stdin="A short article.\n",
                          expect=None),
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    (base / "out").mkdir()
    (base / "out" / "r.json").write_text(OLD_REPORT, encoding="utf-8")
    cases = _cases(base)
    procs = {}
    results = {}
    for name, case in cases.items():
        if name not in PROCESS or (case.get("needs_non_root") and os.geteuid() == 0):
            continue
        tmp_dir = base / f"{name}-tmp"
        tmp_dir.mkdir()
        env = dict(os.environ, TMPDIR=str(tmp_dir))
        env.pop("MTQA_DEBUG", None)
        procs[name] = subprocess.Popen([*_command(), "check", *case["args"]], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=base)
    for name, proc in procs.items():
        out, err = proc.communicate((cases[name].get("stdin") or "").encode(), timeout=120)
        results[name] = (proc.returncode, out.decode(), err.decode(), os.listdir(base / f"{name}-tmp"))
    return base, cases, results


NAMES = ["output-is-a-folder", "output-missing-folder", "output-read-only-folder", "output-proc",
         "surrogate-id", "surrogate-hyp", "deep", "huge-id", "unterminated-po", "long-csv", "long-po",
         "empty-doc", "deep-baseline", "huge-baseline", "stdin-ok", "stdin-bad", "stdin-doc"]


def test_every_case_is_run(runs):
    assert sorted(runs[1]) == sorted(NAMES)


def _in_process(cli, monkeypatch, base: Path, case: dict):
    monkeypatch.chdir(base)
    r = cli("check", *case["args"], stdin=case["stdin"].encode() if case.get("stdin") else None)
    return r.code, r.out, r.err, []


@pytest.mark.parametrize("name", NAMES)
def test_hostile_run(runs, cli, monkeypatch, name):
    base, cases, results = runs
    case = cases[name]
    if case.get("needs_non_root") and os.geteuid() == 0:
        pytest.skip("root may write to a read-only folder; output-proc covers an unwritable folder")
    code, out, err, tmp_left = results[name] if name in PROCESS else _in_process(cli, monkeypatch, base, case)
    assert tmp_left == [], "nothing left in the temporary folder"
    if case["expect"] is None:
        assert code in (scoring.EXIT_OK, scoring.EXIT_FINDINGS) and err == ""
        assert json.loads(out)["summary"]["segments"] == 1
        return
    assert code == scoring.EXIT_USAGE, err
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtqa: error: ") and case["expect"] in lines[0], err
    assert "internal error" not in err and "Traceback" not in err
    assert (base / "out" / "r.json").read_text(encoding="utf-8") == OLD_REPORT, "the earlier report is untouched"
    assert sorted(os.listdir(base / "out")) == ["r.json"], "no temporary report left"


def test_report_mode_follows_umask_and_existing_file(cli, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(GOOD, encoding="utf-8")
    new, old = tmp_path / "new.json", tmp_path / "old.json"
    old.write_text("{}", encoding="utf-8")
    old.chmod(0o604)
    mask = os.umask(0o027)
    try:
        a = cli("check", good, "-f", "json", "--tgt-lang", "en", "-o", new)
        b = cli("check", good, "-f", "json", "--tgt-lang", "en", "-o", old)
    finally:
        os.umask(mask)
    assert (a.code, b.code) == (0, 0), a.err + b.err
    assert stat.S_IMODE(new.stat().st_mode) == 0o640  # 0666 less the umask 027, as a plain write
    assert stat.S_IMODE(old.stat().st_mode) == 0o604  # the replaced file keeps its own mode
    assert json.loads(old.read_text(encoding="utf-8"))["summary"]["segments"] == 1


def _feed_fifo(path: Path, data: bytes) -> threading.Thread:
    def writer() -> None:
        with open(path, "wb") as fh:
            fh.write(data)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    return thread


def test_a_pipe_is_read_once_and_nothing_is_lost(cli, tmp_path):
    """`mtqa check <(cmd)`: a pipe cannot be read twice (validation, then the run)."""
    fifo = tmp_path / "batch.jsonl"
    os.mkfifo(fifo)
    records = "".join(json.dumps({"id": f"r{k}", "hyp": f"Sentence number {k} is here."}) + "\n" for k in range(30))
    thread = _feed_fifo(fifo, records.encode())
    r = cli("check", fifo, "--format", "json", "--tgt-lang", "en", "--fail-on", "never")
    thread.join(5)
    assert r.code == 0, r.err
    assert [s["id"] for s in r.json["segments"]] == [f"r{k}" for k in range(30)]


def test_an_endless_device_is_refused_not_copied(cli):
    r = cli("check", "/dev/zero", "--format", "json")
    assert r.code == scoring.EXIT_USAGE and r.out == ""
    assert r.err.startswith("mtqa: error: /dev/zero:1: line is longer than") and r.err.count("\n") == 1


def test_a_report_to_a_pipe_is_written_into_it_not_over_it(cli, tmp_path):
    """A target that is not a regular file is written in place: renaming over it would replace
    the pipe (or, for /dev/null as root, the device itself)."""
    good = tmp_path / "good.jsonl"
    good.write_text(GOOD, encoding="utf-8")
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = cli("check", good, "--format", "json", "--tgt-lang", "en", "--output", fifo)
    reader.join(5)
    assert r.code in (scoring.EXIT_OK, scoring.EXIT_FINDINGS), r.err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(received[0])["summary"]["segments"] == 1


@pytest.mark.parametrize("option", [["--jobs", "300"], ["--jobs", "-1"], ["--width", "1000000000"],
                                    ["--max-line-bytes", "0"], ["--max-line-bytes", "9" * 30],
                                    ["--max-document-bytes", "9" * 30]])
def test_out_of_range_options_are_usage_errors(cli, tmp_path, option):
    good = tmp_path / "good.jsonl"
    good.write_text(GOOD, encoding="utf-8")
    r = cli("check", good, *option)
    assert r.code == scoring.EXIT_USAGE and r.out == ""
    assert r.err.startswith(f"mtqa: error: {option[0]} must be between") and r.err.count("\n") == 1


@pytest.mark.parametrize("fmt", ["json", "html", "sarif", "junit", "terminal"])
def test_a_file_name_that_is_not_utf8_is_reported_not_fatal(cli, tmp_path, fmt):
    name = os.fsdecode(b"wire-\xff.jsonl")  # Python holds the bad byte as a lone surrogate
    path = tmp_path / name
    path.write_text(GOOD, encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    r = cli("check", path, "--format", fmt, "--tgt-lang", "en", "--output", out)
    assert r.code in (scoring.EXIT_OK, scoring.EXIT_FINDINGS), r.err
    assert "wire-\ufffd.jsonl" in out.read_text(encoding="utf-8")
