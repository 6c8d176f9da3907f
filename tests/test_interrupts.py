"""Interrupted runs and unwritable reports, as real processes (issue 17).

A signal is sent at a chosen moment of the run: at start-up (before the commands are imported),
while mtqa reads its index of langdetect's profiles (and, the index stale, while the profiles
themselves are read), as the worker pool starts, and mid-run, with one process
and with `--jobs 2`. The moment is made exact by a small driver that wraps one function of the
run to signal its own process (so no test depends on timing), plus two runs of the real `mtqa`
script signalled after a delay. Whatever the moment, the contract is the same: exit 130 (SIGINT)
or 143 (SIGTERM), the one line `mtqa: interrupted`, nothing on stdout, no `--output` and no
temporary file left, and no process of the run alive a second later.

All runs start together (module fixture) so that the file costs a few seconds, not a minute.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtqa import scoring

ROOT = Path(__file__).resolve().parent.parent
MTQA = ROOT / ".venv" / "bin" / "mtqa"

#: Runs the command in-process after wrapping one function to send its own process SIGNAL.
DRIVER = r'''
import os, signal, sys
phase, signame, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
sig = getattr(signal, signame)
def fire():
    os.kill(os.getpid(), sig)
if phase == "startup":  # before the commands, the rules or the word lists are imported
    import mtqa.cli.main as m
    real_build = m.build_parser
    def build():
        fire()
        return real_build()
    m.build_parser = build
elif phase == "langid":  # in the middle of reading mtqa's index of langdetect's profiles
    from mtqa.resources import langid
    real_parse = langid._parse_index
    def parse(*a, **k):
        fire()
        return real_parse(*a, **k)
    langid._parse_index = parse
elif phase == "langid-json":  # the index stale, in the middle of reading langdetect's profiles
    # (mtqa's loop, or langdetect's own, which catches everything): both json.load each profile
    from mtqa.resources import langid
    real_installed = langid._installed
    langid._installed = lambda: ("stale", *real_installed()[1:])
    from langdetect import detector_factory as df
    real_load, seen = df.json.load, []
    def load(*a, **k):
        seen.append(1)
        if len(seen) == 10:
            fire()
        return real_load(*a, **k)
    df.json.load = load
elif phase == "pool":  # right after the workers are forked
    import multiprocessing.pool as mp
    real_pop = mp.Pool._repopulate_pool
    def pop(self):
        out = real_pop(self)
        fire()
        return out
    mp.Pool._repopulate_pool = pop
elif phase == "midrun":  # after some segments are checked (in a worker or in this process)
    import mtqa.engine as engine
    real_check, seen = engine.check_segment, []
    def check(*a, **k):
        seen.append(1)
        if len(seen) == 40:
            os.kill(os.getppid() if os.getpid() != MAIN else MAIN, sig)
        return real_check(*a, **k)
    MAIN = os.getpid()
    engine.check_segment = check
elif phase == "killworker":  # a worker dies mid-run (as under the out-of-memory killer)
    import mtqa.engine as engine
    real_check, seen = engine.check_segment, []
    def check(*a, **k):
        seen.append(1)
        if len(seen) == 20 and os.getpid() != MAIN:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_check(*a, **k)
    MAIN = os.getpid()
    engine.check_segment = check
from mtqa.cli.main import main
sys.exit(main(argv))
'''

SIGNALS = {"SIGINT": (signal.SIGINT, scoring.EXIT_SIGINT), "SIGTERM": (signal.SIGTERM, scoring.EXIT_SIGTERM)}

# (case name, phase, signal, extra arguments, input on stdin)
CASES = [
    ("startup-int", "startup", "SIGINT", [], False),
    ("startup-term", "startup", "SIGTERM", ["--jobs", "2"], False),
    ("langid-int", "langid", "SIGINT", [], False),
    ("langid-term", "langid", "SIGTERM", ["--jobs", "2"], False),
    ("langid-json-int", "langid-json", "SIGINT", [], False),
    ("langid-json-term", "langid-json", "SIGTERM", ["--jobs", "2"], False),
    ("pool-int", "pool", "SIGINT", ["--jobs", "2"], False),
    ("pool-term", "pool", "SIGTERM", ["--jobs", "2"], False),
    ("midrun-jobs-int", "midrun", "SIGINT", ["--jobs", "2"], False),
    ("midrun-jobs-term", "midrun", "SIGTERM", ["--jobs", "2"], False),
    ("midrun-int", "midrun", "SIGINT", ["--jobs", "1"], True),
    ("midrun-term", "midrun", "SIGTERM", [], True),
]
#: The real script, signalled a delay after its commands are loaded: (case name, signal, delay in
#: s, extra arguments). "Loaded" is seen from outside: the `regex` extension is mapped once
#: `main()` imports the commands, so a loaded machine cannot make the signal land before mtqa
#: runs at all (Python's own start-up is not mtqa's to handle).
TIMED = [("timed-int", "SIGINT", 0.3, ["--jobs", "2"]), ("timed-term", "SIGTERM", 0.5, [])]


def _wait_until_loaded(pid: int, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with open(f"/proc/{pid}/maps") as fh:
                if "_regex" in fh.read():
                    return
        except OSError:
            return  # already gone
        time.sleep(0.01)


def _session_alive(sid: int) -> list[int]:
    """Processes still in session `sid` (the run and anything it started)."""
    alive = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getsid(int(entry)) == sid:
                    with open(f"/proc/{entry}/stat") as fh:  # a zombie is already gone
                        if fh.read().rsplit(")", 1)[1].split()[0] != "Z":
                            alive.append(int(entry))
            except (OSError, IndexError):
                pass
    return alive


class Run:
    def __init__(self, name: str, proc: subprocess.Popen, out_dir: Path, tmp_dir: Path):
        self.name, self.proc, self.out_dir, self.tmp_dir = name, proc, out_dir, tmp_dir
        self.code = self.stdout = self.stderr = None
        self.left: list[int] = []


def _command() -> list[str]:
    return [str(MTQA)] if MTQA.exists() else [sys.executable, "-m", "mtqa"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    base = tmp_path_factory.mktemp("interrupts")
    batch = base / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as fh:
        for i in range(700):
            fh.write(json.dumps({"id": str(i), "src": "Le président a parlé mardi à Paris devant les députés.",
                                 "hyp": f"The president spoke on Tuesday in Paris before the deputies ({i})."}) + "\n")
    started: dict[str, Run] = {}

    def start(name: str, cmd: list[str], extra: list[str], stdin: bool) -> None:
        out_dir, tmp_dir = base / f"{name}-out", base / f"{name}-tmp"
        out_dir.mkdir()
        tmp_dir.mkdir()
        env = dict(os.environ, TMPDIR=str(tmp_dir), PYTHONDONTWRITEBYTECODE="1")
        env.pop("MTQA_DEBUG", None)
        # No --tgt-lang: languages are detected, so langdetect loads its profiles in every run.
        args = ["check", "-" if stdin else str(batch), "--format", "json", "--output", str(out_dir / "r.json"), *extra]
        with batch.open("rb") as source:
            proc = subprocess.Popen(cmd + args, stdin=source if stdin else subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=base,
                                    start_new_session=True)
        started[name] = Run(name, proc, out_dir, tmp_dir)

    for name, phase, sig, extra, stdin in CASES:
        start(name, [sys.executable, "-c", DRIVER, phase, sig], extra, stdin)
    start("killworker", [sys.executable, "-c", DRIVER, "killworker", "SIGKILL"], ["--jobs", "2"], False)
    for name, _sig, _delay, extra in TIMED:
        start(name, _command(), extra, False)
    for name, sig, delay, _extra in TIMED:
        proc = started[name].proc
        _wait_until_loaded(proc.pid)
        time.sleep(delay)
        if proc.poll() is None:
            # As a terminal's Ctrl-C does: the whole process group (workers included) gets it.
            os.killpg(proc.pid, SIGNALS[sig][0]) if sig == "SIGINT" else proc.send_signal(SIGNALS[sig][0])
    for run in started.values():
        out, err = run.proc.communicate(timeout=120)
        run.code, run.stdout, run.stderr = run.proc.returncode, out.decode(), err.decode()
    time.sleep(1.0)  # "no worker alive a second later"
    for run in started.values():
        run.left = _session_alive(run.proc.pid)
        for pid in run.left:  # do not leave them to the next test either
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    return started


@pytest.mark.parametrize("name", [c[0] for c in CASES] + [t[0] for t in TIMED])
def test_interrupt_contract(runs, name):
    run = runs[name]
    sig = next(c[2] for c in CASES if c[0] == name) if name not in {t[0] for t in TIMED} \
        else next(t[1] for t in TIMED if t[0] == name)
    finished = name in {t[0] for t in TIMED} and run.code in (scoring.EXIT_OK, scoring.EXIT_FINDINGS)
    if finished:  # the timed run ended before its signal (a fast machine): the report is whole
        assert run.stderr == "" and json.loads((run.out_dir / "r.json").read_text(encoding="utf-8"))
    else:
        assert (run.code, run.stderr) == (SIGNALS[sig][1], "mtqa: interrupted\n")
        assert os.listdir(run.out_dir) == [], "no report, no temporary report file"
    assert run.stdout == ""
    assert os.listdir(run.tmp_dir) == [], "nothing left in the temporary folder"
    assert run.left == [], "no process of the run alive a second later"


def test_a_killed_worker_ends_the_run_instead_of_hanging_it(runs):
    run = runs["killworker"]
    assert run.code == scoring.EXIT_USAGE and run.stdout == ""
    assert run.stderr.startswith("mtqa: error: --jobs: a worker process was stopped by signal 9")
    assert run.stderr.count("\n") == 1
    assert os.listdir(run.out_dir) == [] and os.listdir(run.tmp_dir) == [] and run.left == []


def test_a_signal_inside_a_finalizer_interrupts_the_run_after_it(monkeypatch):
    """A signal whose handler runs inside an object's __del__ (as one did inside regex's, under
    load) must not raise there, where Python prints "Exception ignored" and drops the exception
    so the run goes on: it is delivered again and interrupts the run once __del__ has returned."""
    from mtqa.run import signals

    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    finished = []

    class Finalised:
        def __del__(self):
            signal.raise_signal(signal.SIGINT)
            for _ in range(1000):  # checks for pending signals: the handler runs in here
                pass
            finished.append(True)

    previous = signals.install()
    try:
        with pytest.raises(signals.Interrupted):
            obj = Finalised()
            del obj
            time.sleep(5)  # the run goes on after the finalizer: the signal interrupts it here
    finally:
        signals.restore(previous)
    assert finished == [True] and unraisable == []
    assert signals.received() == signal.SIGINT
