"""Measured precision per rule and confidence level (and per source language where it matters).

Writes benchmarks/results/precision.md and precision.json and prints the markdown. Every finding
is counted, whatever its confidence (as `--min-confidence low`) and severity, so low rows show
too; the CLI default (`--min-confidence medium`) hides the low ones. A row is one
(rule, confidence, severity) triple as findings carry it: a rule whose hits override the
default severity or confidence gets one row per combination. "default" is the rule's declared
severity. The default rule set is used (what `mtqa check` runs), in-process through the loaders
of benchmarks/demetr_rules.py and benchmarks/mqm_rules.py, so the record selection is theirs.

How each figure is computed
---------------------------
DEMETR development half (../shared/corpora/demetr-dev), modes `src+ref` (hyp + source +
reference) and `src` (hyp + source). Records: the clean MT of each sentence, the human reference
(base_id35_reference) as a hypothesis, and every perturbed MT of a critical_* or major_*
perturbation (minor and base perturbations are not counted: a major finding on them is not
expected). A record counts once per row however many findings of that row it carries.

- clean %   = records of clean MT with >= 1 finding of the row / clean MT records
- ref %     = the same on human-reference records
- pert %    = the same on all critical+major perturbed records pooled
- bal. prec = pert / (pert + clean): the precision the row would have on a mix of as many clean
              as perturbed translations (TP = pert x N, FP = clean x N). A rule that fires at the
              same rate whatever the text scores 0.5; undefined (–) when it never fires. The
              perturbed share pools every critical/major perturbation, most of which a given
              rule is not about: it is a floor on the rule's detection, so bal. prec is too.

MQM (../shared/corpora/mqm-ted-dev, WMT21 TED, en-de and zh-en; system outputs only, the
reference system of each pair is the reference), modes `src` and `src+ref`, per pair and pooled
over both pairs ("all"):

- flags      = outputs with >= 1 finding of the row
- error-free = share of those flags on outputs every rater marked error-free (no_error); the
               header gives the base rate (share of error-free outputs among all outputs)
- Major      = share of those flags on outputs with at least one Major annotation
- prec.      = 1 - error-free: the share of flags on an output a rater found something wrong
               with (an upper bound: the error found need not be the one the rule names)

A row of severity major or critical is marked ⚠ when it is not right most of the time:
MQM prec. < 0.6 with >= 10 flags in a mode (pooled, or in one pair), or DEMETR bal. prec < 0.8 with >= 2 clean MT
records flagged in a mode (one false alarm in the fifty clean records of a language is anecdotal).
The mark reads (⚠) on low-confidence rows, which the default hides already.

Per source language (DEMETR; the MQM pairs are the en and zh sources) the same figures are given
for the rules whose evidence depends on the source script or language (NE*, NU*, NG*, UT002,
RF007), with the denominators of that language.

    .venv/bin/python benchmarks/precision_table.py [--jobs 2] [--limit 40]   # ~3 min on 2 cores
"""
from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import demetr_rules  # noqa: E402
import mqm_rules  # noqa: E402
from mtqa import rules  # noqa: E402

DEMETR_MODES = ("src+ref", "src")
MQM_MODES = ("src", "src+ref")
PAIRS = tuple(mqm_rules.REF_SYSTEM)
POOLS = ("all", *PAIRS)
REFERENCE = "base_id35_reference"
MQM_MIN_FLAGS, MQM_MIN_PRECISION = 10, 0.6
DEMETR_MIN_FALSE_ALARMS, DEMETR_MIN_BALANCED = 2, 0.8
CONF_ORDER = {"high": 0, "medium": 1, "low": 2}
SEV_ORDER = {"critical": 0, "major": 1, "minor": 2}


# ----------------------------------------------------------------------------- arithmetic

def share(k: int, n: int) -> float | None:
    return k / n if n else None


def balanced_precision(det: float | None, fa: float | None) -> float | None:
    """Precision on a 1:1 mix of perturbed and clean records: det / (det + fa)."""
    if det is None or fa is None or det + fa == 0:
        return None
    return det / (det + fa)


def mqm_precision(flags: int, error_free: int) -> float | None:
    """1 - the share of flags on error-free outputs (None without flags)."""
    return None if not flags else 1 - error_free / flags


def source_dependent(code: str) -> bool:
    return code.startswith(("NE", "NU", "NG")) or code in ("UT002", "RF007")


def kind_of(name: str) -> str | None:
    """Which DEMETR denominator a record of this perturbation file counts in (None: not counted)."""
    if name == "clean":
        return "clean"
    if name == REFERENCE:
        return "reference"
    return "perturbed" if name.startswith(("critical_", "major_")) else None


def demetr_cells(counts: dict, totals: dict) -> dict:
    clean, ref, pert = (share(counts.get(k, 0), totals.get(k, 0)) for k in ("clean", "reference", "perturbed"))
    return {"clean": clean, "reference": ref, "perturbed": pert, "balanced": balanced_precision(pert, clean),
            "false_alarms": counts.get("clean", 0)}


def mqm_cells(counts: dict) -> dict:
    n = counts.get("flags", 0)
    return {"flags": n, "error_free": share(counts.get("error_free", 0), n),
            "major": share(counts.get("major", 0), n), "precision": mqm_precision(n, counts.get("error_free", 0))}


def revisit_reasons(severity: str, demetr: dict, mqm: dict) -> list[str]:
    """The measures on which a major/critical row is not right most of the time.
    demetr: mode -> demetr_cells; mqm: mode -> mqm_cells (pooled)."""
    if SEV_ORDER.get(severity, 9) > SEV_ORDER["major"]:
        return []
    out = []
    for mode, c in demetr.items():
        bal = c["balanced"]
        if c["false_alarms"] >= DEMETR_MIN_FALSE_ALARMS and bal is not None and bal < DEMETR_MIN_BALANCED:
            out.append(f"DEMETR {mode}")
    for mode, c in mqm.items():
        if c["flags"] >= MQM_MIN_FLAGS and c["precision"] is not None and c["precision"] < MQM_MIN_PRECISION:
            out.append(f"MQM {mode}")
    return out


def mark(confidence: str, reasons: list[str]) -> str:
    if not reasons:
        return ""
    return ("(⚠) " if confidence == "low" else "⚠ ") + ", ".join(reasons)


def pct(x: float | None, nd: int = 1) -> str:
    return "–" if x is None else f"{100 * x:.{nd}f}"


def prec(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def md_table(header: list[str], rows: list[list[str]], numeric_from: int) -> str:
    align = ["---" if i < numeric_from or h == "revisit" else "--:" for i, h in enumerate(header)]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def row_key(key: tuple) -> tuple:
    return (key[0], CONF_ORDER.get(key[1], 9), SEV_ORDER.get(key[2], 9)) + tuple(key[3:])


# ----------------------------------------------------------------------------- counting

def _demetr_chunk(args):
    """Counts of one chunk of DEMETR records in one mode (run in a worker process)."""
    records, mode = args
    totals, by_key, by_key_lang, totals_lang = (collections.Counter(), collections.defaultdict(collections.Counter),
                                                collections.defaultdict(collections.Counter),
                                                collections.defaultdict(collections.Counter))
    for rec, seg, found in demetr_rules.check_records(records, mode, selected=rules.select()):
        kind = kind_of(rec[0])
        totals[kind] += 1
        totals_lang[seg.src_lang][kind] += 1
        for key in {(f.rule, f.confidence.label, f.severity.label) for f in found}:
            by_key[key][kind] += 1
            if source_dependent(key[0]):
                by_key_lang[key + (seg.src_lang,)][kind] += 1
    return mode, totals, by_key, by_key_lang, totals_lang


def _mqm_chunk(args):
    records, lp, mode = args
    totals, by_key = collections.Counter(), collections.defaultdict(collections.Counter)
    for (_, t, _, major), _, found in mqm_rules.check_outputs(records, lp, mode, selected=rules.select()):
        totals["n"] += 1
        totals["error_free"] += bool(t["no_error"])
        totals["major"] += bool(major)
        for key in {(f.rule, f.confidence.label, f.severity.label) for f in found}:
            by_key[key]["flags"] += 1
            by_key[key]["error_free"] += bool(t["no_error"])
            by_key[key]["major"] += bool(major)
    return lp, mode, totals, by_key


def chunks(seq: list, n: int) -> list[list]:
    return [seq[i::n] for i in range(n)] if n > 1 else [seq]


def measure(limit: int | None, jobs: int) -> dict:
    demetr = [r for r in demetr_rules.load(demetr_rules.DEFAULT_DIR, limit) if kind_of(r[0])]
    mqm = {lp: mqm_rules.load(mqm_rules.DEFAULT_DIR, lp)[: limit * 10 if limit else None] for lp in PAIRS}
    tasks_d = [(c, m) for m in DEMETR_MODES for c in chunks(demetr, jobs)]
    tasks_m = [(c, lp, m) for lp in PAIRS for m in MQM_MODES for c in chunks(mqm[lp], jobs)]
    if jobs > 1:
        # fork: the workers inherit the loaded rules and lexicons instead of loading them again
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            res_d, res_m = pool.map(_demetr_chunk, tasks_d), pool.map(_mqm_chunk, tasks_m)
    else:
        res_d, res_m = list(map(_demetr_chunk, tasks_d)), list(map(_mqm_chunk, tasks_m))
    out = {"demetr": {m: {"totals": collections.Counter(), "keys": collections.defaultdict(collections.Counter),
                          "keys_lang": collections.defaultdict(collections.Counter),
                          "totals_lang": collections.defaultdict(collections.Counter)} for m in DEMETR_MODES},
           "mqm": {(p, m): {"totals": collections.Counter(), "keys": collections.defaultdict(collections.Counter)}
                   for p in POOLS for m in MQM_MODES}}
    for mode, totals, by_key, by_key_lang, totals_lang in res_d:
        d = out["demetr"][mode]
        d["totals"].update(totals)
        for k, c in by_key.items():
            d["keys"][k].update(c)
        for k, c in by_key_lang.items():
            d["keys_lang"][k].update(c)
        for k, c in totals_lang.items():
            d["totals_lang"][k].update(c)
    for lp, mode, totals, by_key in res_m:
        for pool_ in (lp, "all"):
            d = out["mqm"][pool_, mode]
            d["totals"].update(totals)
            for k, c in by_key.items():
                d["keys"][k].update(c)
    return out


# ----------------------------------------------------------------------------- report

def build_rows(m: dict) -> tuple[list[dict], list[dict]]:
    keys = set()
    for d in m["demetr"].values():
        keys |= set(d["keys"])
    for d in m["mqm"].values():
        keys |= set(d["keys"])
    rows = []
    for key in sorted(keys, key=row_key):
        dem = {mode: demetr_cells(m["demetr"][mode]["keys"].get(key, {}), m["demetr"][mode]["totals"])
               for mode in DEMETR_MODES}
        mq = {pool_: {mode: mqm_cells(m["mqm"][pool_, mode]["keys"].get(key, {})) for mode in MQM_MODES}
              for pool_ in POOLS}
        reasons = revisit_reasons(key[2], dem, mq["all"])
        # the pairs are the source languages (en, zh): a rule can be right on one and not the other
        reasons += [f"{x} {lp}" for lp in PAIRS for x in revisit_reasons(key[2], {}, mq[lp])]
        rows.append({"rule": key[0], "confidence": key[1], "severity": key[2],
                     "default_severity": rules.get(key[0]).severity.label,
                     "demetr": dem, "mqm": mq, "revisit": reasons, "mark": mark(key[1], reasons)})
    lang_keys = set()
    for d in m["demetr"].values():
        lang_keys |= set(d["keys_lang"])
    lang_rows = []
    for key in sorted(lang_keys, key=row_key):
        dem = {mode: demetr_cells(m["demetr"][mode]["keys_lang"].get(key, {}),
                                  m["demetr"][mode]["totals_lang"].get(key[3], {})) for mode in DEMETR_MODES}
        reasons = revisit_reasons(key[2], dem, {})
        lang_rows.append({"rule": key[0], "confidence": key[1], "severity": key[2], "src_lang": key[3],
                          "demetr": dem, "revisit": reasons, "mark": mark(key[1], reasons)})
    return rows, lang_rows


def demetr_cols(c: dict) -> list[str]:
    # two decimals for the perturbed share: one record of 7,720 is 0.01 %
    return [pct(c["clean"]), pct(c["reference"]), pct(c["perturbed"], 2), prec(c["balanced"])]


def render(m: dict, rows: list[dict], lang_rows: list[dict], meta: dict) -> str:
    head = ["rule", "conf", "sev", "default"]
    dt = m["demetr"]["src+ref"]["totals"]
    md = ["# Measured precision per rule and confidence", "",
          f"Generated {meta['generated']} by `benchmarks/precision_table.py` (in-process, default rule set, "
          f"every confidence counted; {meta['elapsed_s']} s)." + (f" **Quick run: --limit {meta['limit']}.**"
                                                                  if meta["limit"] else ""),
          "How each figure is computed: the module docstring. Shares in %; precision as a fraction.", "",
          f"DEMETR dev: {dt['clean']} clean MT, {dt['reference']} human references, {dt['perturbed']} critical/major "
          "perturbed records.", ""]
    base = []
    for pool_ in POOLS:
        for mode in MQM_MODES:
            t = m["mqm"][pool_, mode]["totals"]
            base.append(f"{pool_} {mode}: {t['n']} outputs, error-free {pct(share(t['error_free'], t['n']))} %, "
                        f"with a Major error {pct(share(t['major'], t['n']))} %")
    t = m["mqm"]["all", MQM_MODES[0]]["totals"]
    chance = mqm_precision(t["n"], t["error_free"])
    md += ["MQM base rates (compare a rule's error-free share with these): " + "; ".join(base) + ".", "",
           f"⚠: a major/critical row that is not right most of the time (MQM prec. < {MQM_MIN_PRECISION} with ≥ "
           f"{MQM_MIN_FLAGS} flags, or DEMETR bal. prec < {DEMETR_MIN_BALANCED} with ≥ {DEMETR_MIN_FALSE_ALARMS} "
           "clean MT flagged); (⚠): the same on a low-confidence row, hidden by default. A flag dropped at random "
           f"on the MQM outputs would have prec. = 1 − the error-free base rate ({prec(chance)} pooled): a rule "
           "near it tells a good output from a bad one no better than chance.", ""]
    md += ["## DEMETR", "",
           md_table(head + [f"{mode} {c}" for mode in DEMETR_MODES for c in ("clean %", "ref %", "pert %", "bal. prec")]
                    + ["revisit"],
                    [[r["rule"], r["confidence"], r["severity"], r["default_severity"]]
                     + [x for mode in DEMETR_MODES for x in demetr_cols(r["demetr"][mode])] + [r["mark"]]
                     for r in rows], 4), ""]
    md += ["## MQM, both pairs pooled", "",
           md_table(head + [f"{mode} {c}" for mode in MQM_MODES for c in ("flags", "error-free %", "Major %", "prec.")]
                    + ["revisit"],
                    [[r["rule"], r["confidence"], r["severity"], r["default_severity"]]
                     + [x for mode in MQM_MODES for c in [r["mqm"]["all"][mode]]
                        for x in (str(c["flags"]), pct(c["error_free"]), pct(c["major"]), prec(c["precision"]))]
                     + [r["mark"]] for r in rows if any(r["mqm"]["all"][mo]["flags"] for mo in MQM_MODES)], 4), ""]
    md += ["## MQM per pair (source language en, zh)", "",
           md_table(head[:3] + [f"{lp} {mode} {c}" for lp in PAIRS for mode in MQM_MODES
                                for c in ("flags", "error-free %", "prec.")] + ["revisit"],
                    [[r["rule"], r["confidence"], r["severity"]]
                     + [x for lp in PAIRS for mode in MQM_MODES for c in [r["mqm"][lp][mode]]
                        for x in (str(c["flags"]), pct(c["error_free"]), prec(c["precision"]))] + [r["mark"]]
                     for r in rows if any(r["mqm"]["all"][mo]["flags"] for mo in MQM_MODES)], 3), ""]
    md += ["## DEMETR per source language (rules whose evidence depends on the source: NE*, NU*, NG*, UT002, RF007)",
           "", "Each language has about a tenth of the records: a row with a handful of flags is anecdotal.", "",
           md_table(head[:3] + ["src"] + [f"{mode} {c}" for mode in DEMETR_MODES
                                          for c in ("clean %", "ref %", "pert %", "bal. prec")] + ["revisit"],
                    [[r["rule"], r["confidence"], r["severity"], r["src_lang"]]
                     + [x for mode in DEMETR_MODES for x in demetr_cols(r["demetr"][mode])] + [r["mark"]]
                     for r in lang_rows], 4), ""]
    marked = [r for r in rows if r["revisit"]]
    md += ["## To revisit", ""]
    md += [f"- {r['rule']} {r['confidence']} {r['severity']}: {r['mark']}"
           for r in sorted(marked, key=lambda r: (r["confidence"] == "low", row_key((r["rule"], r["confidence"],
                                                                                       r["severity"]))))]
    md += [] if marked else ["Nothing: every major/critical row meets both bars."]
    return "\n".join(md) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--limit", type=int, help="quick run: N records per DEMETR perturbation, 10 N MQM outputs per pair")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "precision", help="output prefix (.md, .json)")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    m = measure(a.limit, max(1, a.jobs))
    rows, lang_rows = build_rows(m)
    meta = {"generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "limit": a.limit,
            "elapsed_s": round(time.perf_counter() - t0)}
    text = render(m, rows, lang_rows, meta)
    print(text)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.with_suffix(".md").write_text(text, encoding="utf-8")
    totals = {"demetr": {mode: dict(m["demetr"][mode]["totals"]) for mode in DEMETR_MODES},
              "mqm": {f"{p} {mode}": dict(m["mqm"][p, mode]["totals"]) for p in POOLS for mode in MQM_MODES}}
    a.out.with_suffix(".json").write_text(json.dumps({"meta": meta, "totals": totals, "rows": rows,
                                                      "per_source_language": lang_rows}, indent=1,
                                                     ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {a.out.with_suffix('.md')} and .json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
