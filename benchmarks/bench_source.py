"""Benchmark: source-aware checking against sacrebleu's sentence-level chrF, same batch, same run.

    .venv/bin/python benchmarks/bench_source.py                 # 10,000 segments
    .venv/bin/python benchmarks/bench_source.py --size 20000 --repeat 3

Builds N records from the DEMETR development items (src = src_sent with its language, hyp =
mt_sent or one of its perturbed versions, as in bench_reference.py), then times, alternating:

- `sacrebleu ref.txt -i hyp.txt -m chrf --sentence-level` (sentence chrF of every segment), and
- `mtqa check batch.jsonl --format json -o out.json --fail-on never` with `src` and `src_lang`
  in every record and no reference: every default rule that reads the source (numbers,
  names, negation, untranslated text, length, quotations), plus the target-only rules. Without
  `--jobs` that is mtqa's default (one worker per CPU at these sizes); `--jobs 1` measures one
  process.

Reports segments per second of each, the ratio mtqa / sacrebleu (wall and CPU time) and peak
memory, measured on the child processes. A script, not a timed test: the figures go in the notes.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reference import DEMETR, VENV_BIN, build_batch, measure  # noqa: E402


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--jobs", type=int, help="pass --jobs N to mtqa")
    ap.add_argument("--demetr", default=str(DEMETR))
    a = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="mtqa-bench-src-"))
    try:
        build_batch(a.size, work, Path(a.demetr))
        exe = VENV_BIN / "sacrebleu"
        sb_cmd = [str(exe) if exe.exists() else "sacrebleu", "ref.txt", "-i", "hyp.txt", "-m", "chrf",
                  "--sentence-level", "-w", "4"]
        mt_cmd = [sys.executable, "-m", "mtqa", "check", "batch_src.jsonl", "--format", "json", "-o", "out.json",
                  "--fail-on", "never"] + (["--jobs", str(a.jobs)] if a.jobs else [])
        runs = {"sacrebleu": [], "mtqa": []}
        for k in range(a.repeat):
            order = (("sacrebleu", sb_cmd), ("mtqa", mt_cmd)) if k % 2 == 0 else (("mtqa", mt_cmd), ("sacrebleu", sb_cmd))
            for name, cmd in order:
                runs[name].append(measure(cmd, work))
        med = {name: {key: statistics.median(r[key] for r in rs) for key in rs[0]} for name, rs in runs.items()}
        report = json.loads((work / "out.json").read_text(encoding="utf-8"))
        assert report["summary"]["segments"] == a.size
        print(f"{a.size} segments, median of {a.repeat} run(s); source-aware mtqa vs sacrebleu sentence chrF")
        for name in ("sacrebleu", "mtqa"):
            m = med[name]
            print(f"  {name:10} {m['wall']:7.2f} s wall  {a.size / m['wall']:8.0f} seg/s  "
                  f"{m['cpu']:7.2f} s CPU  {m['rss_mib']:6.0f} MiB peak")
        print(f"  ratio mtqa/sacrebleu: wall {med['mtqa']['wall'] / med['sacrebleu']['wall']:.2f}, "
              f"CPU {med['mtqa']['cpu'] / med['sacrebleu']['cpu']:.2f}; findings {report['summary']['findings']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
