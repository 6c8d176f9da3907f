"""Five-fold DEMETR figures: each fold held out vs the four folds around it, side by side.

Issue 13 asks for a method that cannot fool itself: design a change looking only at four folds,
then report the fifth, which it never saw. This wraps ../shared/tools/demetr_eval.py (the
official harness, which calls the CLI with its default options) for K = 0..4:

- `--fold K/5`      the held-out fold K ("out-of-fold": the sentences a change was not designed on)
- `--fold-out K/5`  the other four folds ("in-fold": the sentences a change was designed on)

Folds are by source sentence and the same for everyone (demetr_eval.py's assignment). Each run
writes PREFIX.json; from `modes[MODE].project` this reads, at severity major or above, the false
alarms (`fa_clean`, `fa_reference`) and the detection (`per[PERTURBATION].det`) of the key
perturbations, and the mean detection over the critical_* perturbations (as demetr_eval.py's
"mean critical"). Per mode it prints and writes benchmarks/results/kfold-<mode>.md (+ .json):
the mean over the five folds in-fold and out-of-fold, their difference (issue 13 asks for false
alarms within 1 point), and the spread (min–max) across folds, then every fold's figures.

While the rules were tuned on the whole development half, both columns are in-sample; the
comparison means something for a change designed on `--fold-out K/5` and measured on `--fold K/5`.

`--in-process` computes the same figures through benchmarks/demetr_rules.py (no CLI, no anchors,
its own record selection under --limit): a quick look during development, NOT the official figure,
and labelled so in its output.

    .venv/bin/python benchmarks/kfold.py --mode src+ref [--limit 60] [--in-process]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TOOL = ROOT.parent / "shared" / "tools" / "demetr_eval.py"
MODES = ("src+ref", "src", "ref")
KEY_PERTURBATIONS = {
    "numbers": "critical_id10_numbers_replaced",
    "names replaced": "critical_id9_ne_replaced",
    "names removed": "critical_id25_ne_removed",
    "negation": "critical_id8_negation",
    "code-mixing": "critical_id4_codemix",
    "antonym": "critical_id7_antonym",
}
MEASURES = ("FA clean MT", "FA references", *KEY_PERTURBATIONS, "mean critical")
SIDES = {"out": "held-out fold (--fold K/N)", "in": "other folds (--fold-out K/N)"}


def parse_fold(spec: str) -> tuple[int, int]:
    """'K/N' -> (K, N), 0 <= K < N."""
    try:
        k, n = (int(x) for x in spec.split("/"))
    except ValueError:
        raise ValueError(f"bad fold {spec!r}: expected K/N") from None
    if n < 2 or not 0 <= k < n:
        raise ValueError(f"bad fold {spec!r}: need 0 <= K < N and N >= 2")
    return k, n


def figures(det: dict, fa_clean: float | None, fa_reference: float | None) -> dict:
    """The measures of one run from per-perturbation detection rates (name -> rate at major+)."""
    crit = [v for name, v in det.items() if name.startswith("critical_") and v is not None]
    out = {"FA clean MT": fa_clean, "FA references": fa_reference}
    out.update({label: det.get(name) for label, name in KEY_PERTURBATIONS.items()})
    out["mean critical"] = sum(crit) / len(crit) if crit else None
    return out


def from_eval_json(data: dict, mode: str) -> dict:
    """The measures from a demetr_eval.py --out PREFIX.json."""
    proj = data["modes"][mode]["project"]
    det = {name: p["det"]["major"] for name, p in proj["per"].items()}
    return figures(det, proj["fa_clean"]["major"], (proj.get("fa_reference") or {}).get("major"))


def spread(values: list) -> dict:
    vals = [v for v in values if v is not None]
    if not vals:
        return {"mean": None, "min": None, "max": None}
    return {"mean": statistics.fmean(vals), "min": min(vals), "max": max(vals)}


def pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def render(mode: str, folds: dict, header: str) -> str:
    """folds: K -> {"in": measures, "out": measures}."""
    ks = sorted(folds)
    lines = [header, "",
             f"Mode `{mode}`, severity major or above, default options. Shares in %; diff = in-fold − "
             "out-of-fold mean (points); spread = min–max across folds.", "",
             "| measure | in-fold mean | out-of-fold mean | diff | in-fold spread | out-of-fold spread |",
             "|---|--:|--:|--:|--:|--:|"]
    for m in MEASURES:
        s_in, s_out = (spread([folds[k][side][m] for k in ks]) for side in ("in", "out"))
        diff = None if s_in["mean"] is None or s_out["mean"] is None else s_in["mean"] - s_out["mean"]
        lines.append(f"| {m} | {pct(s_in['mean'])} | {pct(s_out['mean'])} | "
                     f"{'–' if diff is None else f'{100 * diff:+.1f}'} | "
                     f"{pct(s_in['min'])}–{pct(s_in['max'])} | {pct(s_out['min'])}–{pct(s_out['max'])} |")
    lines += ["", "Per fold (in-fold / out-of-fold):", "",
              "| measure | " + " | ".join(f"fold {k}" for k in ks) + " |", "|---|" + "--:|" * len(ks)]
    for m in MEASURES:
        lines.append(f"| {m} | " + " | ".join(f"{pct(folds[k]['in'][m])} / {pct(folds[k]['out'][m])}" for k in ks)
                     + " |")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- runners

def run_eval(mode: str, flag: str, k: int, n: int, limit: int | None, jobs: int, work: Path) -> dict:
    """One official run of demetr_eval.py; its measures from PREFIX.json."""
    prefix = work / f"{mode.replace('+', '_')}-{flag.strip('-')}-{k}"
    cmd = [sys.executable, str(TOOL), "--mode", mode, flag, f"{k}/{n}", "--out", str(prefix), "--jobs", str(jobs)]
    if limit:
        cmd += ["--limit", str(limit)]
    # stdout is the harness's markdown: kept in a log, not mixed into ours
    with open(str(prefix) + ".log", "w", encoding="utf-8") as log:
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=log, stderr=subprocess.STDOUT)
    return from_eval_json(json.loads(Path(str(prefix) + ".json").read_text(encoding="utf-8")), mode)


def run_in_process(mode: str, n: int, limit: int | None) -> dict:
    """Every fold's measures through demetr_rules.py (min-confidence medium, as the CLI default).
    Each record is checked once and counted on the side of each K it falls on."""
    sys.path.insert(0, str(HERE))
    import demetr_rules
    from mtqa.model import Confidence, Severity

    records = demetr_rules.load(demetr_rules.DEFAULT_DIR, limit)
    checked = [(rec[0], next(k for k in range(n) if demetr_rules.in_fold(rec[2]["id"], f"{k}/{n}")), bool(found))
               for rec, _, found in demetr_rules.check_records(records, mode, Severity.MAJOR, Confidence.MEDIUM)]
    return {k: {side: rates_to_figures([(name, hit) for name, fold, hit in checked if (fold == k) == (side == "out")])
                for side in ("out", "in")} for k in range(n)}


def rates_to_figures(flags: list[tuple[str, bool]]) -> dict:
    """[(perturbation or 'clean', flagged)] -> the measures."""
    hits: dict[str, list[bool]] = {}
    for name, hit in flags:
        hits.setdefault(name, []).append(hit)
    rate = {name: sum(v) / len(v) for name, v in hits.items()}
    return figures(rate, rate.get("clean"), rate.get("base_id35_reference"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", default="src+ref", choices=[*MODES, "all"])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, help="passed to demetr_eval.py: at most N items per perturbation")
    ap.add_argument("--jobs", type=int, default=1, help="parallel CLI calls inside demetr_eval.py (default 1)")
    ap.add_argument("--in-process", action="store_true",
                    help="quick development figures through demetr_rules.py (not the official figure)")
    ap.add_argument("--out-dir", type=Path, default=HERE / "results")
    ap.add_argument("--keep-work", type=Path, help="keep demetr_eval.py's outputs here")
    a = ap.parse_args(argv)
    parse_fold(f"0/{a.folds}")
    modes = list(MODES) if a.mode == "all" else [a.mode]
    work = a.keep_work or Path(tempfile.mkdtemp(prefix="kfold-"))
    work.mkdir(parents=True, exist_ok=True)
    for mode in modes:
        t0 = time.perf_counter()
        folds = run_in_process(mode, a.folds, a.limit) if a.in_process else {}
        for k in range(0 if a.in_process else a.folds):
            print(f"{mode}: fold {k}/{a.folds}", file=sys.stderr)
            folds[k] = {"out": run_eval(mode, "--fold", k, a.folds, a.limit, a.jobs, work),
                        "in": run_eval(mode, "--fold-out", k, a.folds, a.limit, a.jobs, work)}
        how = ("**In-process (benchmarks/demetr_rules.py): a development estimate, NOT the official figure.**"
               if a.in_process else "Official harness: ../shared/tools/demetr_eval.py through the CLI.")
        lim = f" **Quick run: --limit {a.limit} items per perturbation.**" if a.limit else ""
        header = (f"# DEMETR {a.folds}-fold, mode {mode}\n\nGenerated "
                  f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `benchmarks/kfold.py` in "
                  f"{time.perf_counter() - t0:.0f} s. {how}{lim}\nIn-fold = the other folds (`--fold-out K/"
                  f"{a.folds}`, what a change is designed on); out-of-fold = fold K (`--fold K/{a.folds}`, never "
                  "seen). The rules were tuned on the whole development half before folds existed, so today "
                  "both sides are in-sample.")
        text = render(mode, folds, header)
        print(text)
        a.out_dir.mkdir(parents=True, exist_ok=True)
        # never overwrites the official figure with the estimate
        stem = f"kfold-{mode}" + ("-in-process" if a.in_process else "")
        (a.out_dir / f"{stem}.md").write_text(text, encoding="utf-8")
        (a.out_dir / f"{stem}.json").write_text(json.dumps({"mode": mode, "limit": a.limit,
                                                            "in_process": a.in_process, "folds": folds},
                                                           indent=1) + "\n", encoding="utf-8")
    if not a.keep_work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
