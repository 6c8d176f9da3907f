"""`mtqa --help` starts fast because the parser does not load what only a run needs: sacrebleu,
rich, the engine and the checks are imported when a command runs (the time itself is measured in
benchmarks/bench_scale.py, not asserted here)."""
from __future__ import annotations

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
