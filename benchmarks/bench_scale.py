"""Benchmark: how mtqa scales, per kind of check and per executor, against sacrebleu.

    .venv/bin/python benchmarks/bench_scale.py                       # 10k segments, every mode and executor
    .venv/bin/python benchmarks/bench_scale.py --sizes 10000,200000 --executors jobs1
    .venv/bin/python benchmarks/bench_scale.py --million             # adds 200k and 1M (memory), jobs1 only
    .venv/bin/python benchmarks/bench_scale.py --markdown            # the README's table at the end

For each batch size it builds the DEMETR batch of bench_reference.py (ten source languages, the
items repeated with perturbed translations mixed in) as three record files:

- `tgt`: target only (`hyp`, `tgt_lang`): the checks that need nothing else;
- `src`: source and target: adds the source-side checks (numbers, names, omission, ...);
- `src+ref`: source, target and reference: every default rule plus sentence and corpus BLEU/chrF;

and times `mtqa check FILE --format json -o out.json --fail-on never` on each with three executors:
`--jobs 1` (one process), no option (the default: one worker per CPU from 512 segments) and
`--dask local` (a LocalCluster of one worker per CPU, start-up included). Every command is a child
process measured with os.wait4: wall seconds, CPU seconds, and ru_maxrss, the peak resident memory
of the largest single process in its tree (the main process or one worker, never their sum). It
also times `sacrebleu ref.txt -i hyp.txt -m bleu chrf` on the same segments (the ratio columns are
mtqa's wall and CPU time over sacrebleu's), and `mtqa --help` (start-up: minimum and median of 20 runs).

On a shared machine wall times move with the load: the load average is printed with the figures,
and CPU seconds are the steadier number. This is a script, not a timed test.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reference import DEMETR, build_batch, measure, sacrebleu_cmd  # noqa: E402

MODES = ("tgt", "src", "src+ref")
EXECUTORS = {"jobs1": ["--jobs", "1"], "default": [], "dask": ["--dask", "local"]}


def write_modes(work: Path) -> dict[str, str]:
    """The three record files of a batch built by bench_reference.build_batch."""
    files = {"src": "batch_src.jsonl", "src+ref": "batch.jsonl", "tgt": "batch_tgt.jsonl"}
    with open(work / "batch_src.jsonl", encoding="utf-8") as src, \
            open(work / files["tgt"], "w", encoding="utf-8") as tgt:
        for line in src:
            rec = json.loads(line)
            del rec["src"], rec["src_lang"]
            tgt.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return files


def mtqa_cmd(path: str, executor: str) -> list[str]:
    return [sys.executable, "-m", "mtqa", "check", path, "--format", "json", "-o", "out.json",
            "--fail-on", "never", *EXECUTORS[executor]]


def startup(runs: int = 20) -> dict:
    """`mtqa --help` through its console script, as a user runs it."""
    exe = Path(sys.executable).parent / "mtqa"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "mtqa"]
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd + ["--help"], stdout=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    # CPU time too: on a loaded machine the wall time is mostly waiting for a CPU.
    return {"min_ms": round(min(walls) * 1000), "median_ms": round(statistics.median(walls) * 1000),
            "cpu_min_ms": round(min(cpus) * 1000)}


def compile_bytecode() -> str:
    """Write mtqa's bytecode as a regular install does, and say whether it was missing.

    An editable install leaves none, and where PYTHONDONTWRITEBYTECODE is set (as in this
    machine's containers) Python never writes it: every run would then compile mtqa's modules
    from source again, about 0.1 s of start-up that a user's installed copy does not pay."""
    import compileall
    import io
    from contextlib import redirect_stdout

    import mtqa
    pkg = Path(mtqa.__file__).parent
    listing = io.StringIO()
    with redirect_stdout(listing):
        ok = compileall.compile_dir(str(pkg), quiet=0)
    written = listing.getvalue().count("Compiling")
    return f"bytecode of {pkg}: {'ok' if ok else 'ERRORS'}, {written} module(s) compiled now"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000", help="batch sizes, comma-separated (default: 10000)")
    ap.add_argument("--million", action="store_true",
                    help="also 200,000 and 1,000,000 segments with source and reference on one process "
                         "(peak memory; about an hour on 2 CPUs)")
    ap.add_argument("--modes", default=",".join(MODES), help=f"from {','.join(MODES)}")
    ap.add_argument("--executors", default=",".join(EXECUTORS), help=f"from {','.join(EXECUTORS)}")
    ap.add_argument("--demetr", default=str(DEMETR))
    ap.add_argument("--markdown", action="store_true", help="print the README's table at the end")
    ap.add_argument("--no-sacrebleu", action="store_true",
                    help="measure mtqa alone (sacrebleu needs ~50 GiB for 1,000,000 segments)")
    ap.add_argument("--no-compile", action="store_true",
                    help="measure without first writing mtqa's bytecode (see compile_bytecode)")
    args = ap.parse_args(argv)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; python {sys.version.split()[0]}",
          flush=True)
    if not args.no_compile:
        print(compile_bytecode(), flush=True)
    up = startup()
    print(json.dumps({"startup_help": up}), flush=True)
    plan = [(int(n), args.modes.split(","), args.executors.split(",")) for n in args.sizes.split(",")]
    if args.million:
        plan += [(200_000, ["src+ref"], ["jobs1"]), (1_000_000, ["src+ref"], ["jobs1"])]
    rows = []
    for n, modes, executors in plan:
        work = Path(tempfile.mkdtemp(prefix=f"mtqa-scale-{n}-"))
        try:
            build_batch(n, work, Path(args.demetr))
            files = write_modes(work)
            try:
                if args.no_sacrebleu:
                    raise SystemExit("not run (--no-sacrebleu)")
                sb = measure(sacrebleu_cmd(), work)
            except SystemExit as failed:
                # sacrebleu holds every segment's statistics: 10.5 GiB at 200,000 segments, so at
                # 1,000,000 the kernel kills it on a 24 GiB machine. mtqa is still measured.
                sb = None
                print(json.dumps({"segments": n, "sacrebleu": str(failed)[:300]}), flush=True)
            else:
                print(json.dumps({"segments": n, "sacrebleu_wall": round(sb["wall"], 2),
                                  "sacrebleu_cpu": round(sb["cpu"], 2), "sacrebleu_rss_mib": round(sb["rss_mib"])}),
                      flush=True)
            for mode in modes:
                for executor in executors:
                    m = measure(mtqa_cmd(files[mode], executor), work)
                    row = {"segments": n, "mode": mode, "executor": executor, "wall": round(m["wall"], 2),
                           "cpu": round(m["cpu"], 2), "seg_per_s": round(n / m["wall"]),
                           # per CPU second: what one process does undisturbed (steadier under load)
                           "seg_per_cpu_s": round(n / m["cpu"]),
                           "peak_rss_mib": round(m["rss_mib"]),
                           "ratio_sacrebleu": round(m["wall"] / sb["wall"], 2) if sb else None,
                           "ratio_sacrebleu_cpu": round(m["cpu"] / sb["cpu"], 2) if sb else None,
                           "load": round(os.getloadavg()[0], 1)}
                    rows.append(row)
                    print(json.dumps(row), flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if args.markdown and rows:
        print(f"\n`mtqa --help`: {up['min_ms']} ms (minimum of 20), {up['median_ms']} ms (median), "
              f"{up['cpu_min_ms']} ms of CPU\n")
        print("| segments | check | executor | segments/s | segments/CPU s | wall s | CPU s | × sacrebleu (wall) "
              "| × sacrebleu (CPU) | peak MiB/process |")
        print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['segments']:,} | {r['mode']} | {r['executor']} | {r['seg_per_s']:,} | {r['seg_per_cpu_s']:,} | "
                  f"{r['wall']} | {r['cpu']} | {_or_dash(r['ratio_sacrebleu'])} | {_or_dash(r['ratio_sacrebleu_cpu'])} | "
                  f"{r['peak_rss_mib']} |")
    return 0


def _or_dash(value) -> str:
    return "—" if value is None else str(value)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
