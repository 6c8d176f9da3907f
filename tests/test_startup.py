"""`mtqa --help` starts fast because the parser does not load what only a run needs: sacrebleu,
rich, the engine and the checks are imported when a command runs (the time itself is measured in
benchmarks/bench_scale.py, not asserted here)."""
from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("sacrebleu", "rich", "mtqa.engine", "mtqa.checks", "langdetect", "multiprocessing", "distributed")


def test_building_the_parser_loads_none_of_the_heavy_modules():
    code = ("import sys; from mtqa.cli.main import build_parser; build_parser().format_help(); "
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_the_reporters_still_render_every_format():
    from mtqa.reporters import FORMATS, RENDERERS

    assert list(RENDERERS) == list(FORMATS) and "json" in FORMATS
    assert all(callable(RENDERERS[name]) for name in FORMATS)


# The command ends without the interpreter's teardown (cli.main._exit_without_teardown), after
# running the atexit functions and flushing its output; with a second thread alive it takes the
# ordinary exit. A module-level object's finaliser shows which exit ran: the teardown calls it.
_EXIT_PROBE = """
import atexit, json, sys, threading, time
class Probe:
    def __del__(self):
        sys.stderr.write("teardown ran\\n")
probe = Probe()
atexit.register(lambda: sys.stderr.write("atexit ran\\n"))
if sys.argv[1] == "thread":
    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
from mtqa.cli.main import main
sys.argv = ["mtqa", "check", sys.argv[2], "--format", "json", "--jobs", "1", "--fail-on", "minor"]
sys.exit(main())
"""


def _run_probe(tmp_path, mode):
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": "1", "hyp": "It rained year.The roads closed.", "tgt_lang": "en"}\n', encoding="utf-8")
    return subprocess.run([sys.executable, "-c", _EXIT_PROBE, mode, str(batch)], capture_output=True, text=True)


def test_the_command_skips_the_teardown_but_runs_atexit_and_flushes_its_output(tmp_path):
    r = _run_probe(tmp_path, "plain")
    assert r.returncode == 1  # the run-together words are a finding at or above --fail-on minor
    assert json.loads(r.stdout)["summary"]["segments"] == 1  # the whole report reached the pipe
    assert "atexit ran" in r.stderr and "teardown ran" not in r.stderr


def test_with_another_thread_alive_the_command_takes_the_ordinary_exit(tmp_path):
    r = _run_probe(tmp_path, "thread")
    assert r.returncode == 1 and json.loads(r.stdout)["summary"]["segments"] == 1
    assert "atexit ran" in r.stderr and "teardown ran" in r.stderr


def test_under_a_profiler_the_command_takes_the_ordinary_exit_so_the_profile_is_written(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": "1", "hyp": "The roads closed.", "tgt_lang": "en"}\n', encoding="utf-8")
    profile = tmp_path / "run.prof"
    r = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "mtqa", "check", str(batch),
                        "--format", "json", "--jobs", "1"], capture_output=True, text=True)
    assert r.returncode == 0 and json.loads(r.stdout)["summary"]["segments"] == 1
    assert profile.stat().st_size > 0
