"""Benchmark: `mtqa check` with a reference against sacrebleu's own corpus BLEU + chrF.

    .venv/bin/python benchmarks/bench_reference.py                  # 10k, 50k and 100k segments
    .venv/bin/python benchmarks/bench_reference.py --sizes 100000 --repeat 3 --jobs 2
    .venv/bin/python benchmarks/bench_reference.py --sizes 20000 --profile   # where mtqa's time goes

For each batch size it writes line-aligned hyp/ref/src files built from the DEMETR development
items (hyp = mt_sent, ref = eng_sent, src = src_sent; the items are repeated, and every other
repetition takes one of DEMETR's perturbed translations of the item where one exists, so the
batch is not the same 500 lines over and over and has errors in it), then times, in the same
run and alternating the order:

- `sacrebleu ref.txt -i hyp.txt -m bleu chrf -w 4`
- `mtqa check batch.jsonl --format json -o out.json --fail-on never` on the same segments as
  records with `src`, `src_lang` and `ref` (plus `--jobs N` when asked), i.e. reading,
  validating, every default rule, sentence and corpus metrics, and the whole JSON report.
  Without `--jobs`, that is mtqa's default: one worker per CPU for batches of 512 segments or
  more; `--jobs 1` measures one process.

Each command is a child process measured with os.wait4: wall time, CPU time (user + sys) and
peak resident memory (ru_maxrss: of the largest single process, so with workers it is not their
sum; forked workers share most of their pages with the main process). The ratio mtqa /
sacrebleu is reported for wall and CPU time (CPU time is steadier on a shared machine, and with
workers it is the cost of the check on one CPU). It also checks that mtqa's corpus BLEU and chrF are
sacrebleu's to 4 decimals. This is a script, not a timed test: the figures go in the notes.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMETR = ROOT.parent / "shared" / "corpora" / "demetr-dev"
VENV_BIN = Path(sys.executable).parent
LANG = {"chinese_simple": "zh", "czech": "cs", "french": "fr", "german": "de", "hindi": "hi",
        "italian": "it", "japanese": "ja", "polish": "pl", "russian": "ru", "spanish": "es"}


def build_batch(n: int, out_dir: Path, demetr: Path) -> None:
    items = [json.loads(line) for line in (demetr / "items.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    perturbed: list[dict[int, str]] = []
    for path in sorted(demetr.glob("*_id*_*.jsonl")):
        variants = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec.get("pert_sent"):
                    variants[rec["id"]] = rec["pert_sent"]
        perturbed.append(variants)

    def one_line(text: str) -> str:
        return " ".join(text.split())

    with open(out_dir / "hyp.txt", "w", encoding="utf-8") as h, \
            open(out_dir / "ref.txt", "w", encoding="utf-8") as r, \
            open(out_dir / "src.txt", "w", encoding="utf-8") as s, \
            open(out_dir / "batch.jsonl", "w", encoding="utf-8") as both, \
            open(out_dir / "batch_src.jsonl", "w", encoding="utf-8") as src_only:
        for k in range(n):
            rep, item = divmod(k, len(items))
            it = items[item]
            hyp = it["mt_sent"]
            if rep % 2 and perturbed:
                hyp = perturbed[(rep // 2) % len(perturbed)].get(it["id"], hyp)
            h.write(one_line(hyp) + "\n")
            r.write(one_line(it["eng_sent"]) + "\n")
            s.write(one_line(it["src_sent"]) + "\n")
            # The same segments as records, each with its source language (the batch mixes ten).
            rec = {"id": str(k + 1), "src": one_line(it["src_sent"]), "hyp": one_line(hyp),
                   "src_lang": LANG[it["lang_tag"]], "tgt_lang": "en"}
            src_only.write(json.dumps(rec, ensure_ascii=False) + "\n")
            both.write(json.dumps({**rec, "ref": one_line(it["eng_sent"])}, ensure_ascii=False) + "\n")


def measure(cmd: list[str], cwd: Path) -> dict:
    """Run a child to completion; wall seconds, CPU seconds and peak RSS (MiB) of that child."""
    start = time.perf_counter()
    with open(cwd / "stdout.txt", "wb") as out, open(cwd / "stderr.txt", "wb") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {(cwd / 'stderr.txt').read_text()[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024}


def sacrebleu_cmd() -> list[str]:
    exe = VENV_BIN / "sacrebleu"
    return [str(exe) if exe.exists() else "sacrebleu", "ref.txt", "-i", "hyp.txt", "-m", "bleu", "chrf", "-w", "4"]


def mtqa_cmd(jobs: int | None) -> list[str]:
    # Records rather than --src src.txt: each segment then carries its own source language.
    cmd = [sys.executable, "-m", "mtqa", "check", "batch.jsonl", "--format", "json", "-o", "out.json",
           "--fail-on", "never"]
    return cmd + (["--jobs", str(jobs)] if jobs else [])


def same_scores(work: Path) -> str:
    sb = {d["name"]: d["score"] for d in json.loads((work / "sacrebleu.json").read_text(encoding="utf-8"))}
    summary = json.loads((work / "out.json").read_text(encoding="utf-8"))["summary"]["metrics"]
    ok = abs(sb["BLEU"] - summary["bleu"]) < 1e-4 and abs(sb["chrF2"] - summary["chrf"]) < 1e-4
    return (f"{'equal' if ok else 'DIFFERENT'} (sacrebleu BLEU {sb['BLEU']}, chrF {sb['chrF2']}; "
            f"mtqa {summary['bleu']}, {summary['chrf']})")


def profile(work: Path, top: int = 30) -> None:
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from mtqa.cli.main import main as mtqa_main

    os.chdir(work)
    prof = cProfile.Profile()
    prof.runcall(mtqa_main, mtqa_cmd(None)[3:])
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,50000,100000", help="batch sizes, comma-separated")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each command per size (median reported)")
    ap.add_argument("--jobs", type=int, help="pass --jobs N to mtqa")
    ap.add_argument("--demetr", default=str(DEMETR))
    ap.add_argument("--profile", action="store_true", help="profile mtqa in-process instead of timing")
    ap.add_argument("--keep", action="store_true", help="keep the work directories")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; python {sys.version.split()[0]}")
    rows = []
    for n in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"mtqa-bench-{n}-"))
        try:
            build_batch(n, work, Path(args.demetr))
            if args.profile:
                profile(work)
                continue
            runs: dict[str, list[dict]] = {"sacrebleu": [], "mtqa": []}
            for k in range(args.repeat):
                order = ("sacrebleu", "mtqa") if k % 2 == 0 else ("mtqa", "sacrebleu")
                for name in order:
                    cmd = sacrebleu_cmd() if name == "sacrebleu" else mtqa_cmd(args.jobs)
                    runs[name].append(measure(cmd, work))
                    if name == "sacrebleu":
                        shutil.copy(work / "stdout.txt", work / "sacrebleu.json")
            med = {name: {key: statistics.median(r[key] for r in rs) for key in ("wall", "cpu", "rss_mib")}
                   for name, rs in runs.items()}
            row = {"segments": n, **{f"{name}_{key}": round(v, 2) for name, m in med.items() for key, v in m.items()},
                   "ratio_wall": round(med["mtqa"]["wall"] / med["sacrebleu"]["wall"], 3),
                   "ratio_cpu": round(med["mtqa"]["cpu"] / med["sacrebleu"]["cpu"], 3),
                   "scores": same_scores(work)}
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    if rows:
        print()
        print(f"{'segments':>9} {'sacrebleu s':>12} {'mtqa s':>8} {'wall ratio':>11} {'cpu ratio':>10} "
              f"{'sacrebleu MiB':>14} {'mtqa MiB':>9}")
        for r in rows:
            print(f"{r['segments']:>9,} {r['sacrebleu_wall']:>12.1f} {r['mtqa_wall']:>8.1f} {r['ratio_wall']:>11.3f} "
                  f"{r['ratio_cpu']:>10.3f} {r['sacrebleu_rss_mib']:>14.0f} {r['mtqa_rss_mib']:>9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
