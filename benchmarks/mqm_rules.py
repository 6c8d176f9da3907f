"""Per-rule flags on real MT annotated by professional raters (WMT21 TED MQM), in-process.

The official figures come from ../shared/tools/mqm_eval.py, which calls the CLI. This script
answers the question that comes before a severity or confidence is set: when a rule flags an
output major or worse, how often did every rater call that output error-free? It prints, per
rule and confidence, the outputs it flags, the share of them that are error-free, and the share
that carry a Major error, next to the same shares over all outputs (a rule near the base rate
tells nothing), with examples of its flags on error-free outputs.

    .venv/bin/python benchmarks/mqm_rules.py --mode src [--lp zh-en] [--show NE001]
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

from mtqa import engine, rules
from mtqa.context import Context
from mtqa.model import Confidence, Segment, Severity

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "mqm-ted-dev"
REF_SYSTEM = {"en-de": "ref", "zh-en": "refB"}  # as ../shared/tools/mqm_eval.py


def load(directory: Path, lp: str):
    tag = lp.replace("-", "")
    sources = {}
    for line in (directory / f"ted-{tag}.segments.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        sources[d["seg_id"]] = d
    targets = [json.loads(line) for line in (directory / f"ted-{tag}.targets.jsonl").open(encoding="utf-8")]
    refs = {t["seg_id"]: t["target"] for t in targets if REF_SYSTEM[lp] in t["systems"]}
    out = []
    for t in targets:
        if REF_SYSTEM[lp] in t["systems"]:
            continue
        major = any(a["severity"] == "Major" for a in t["annotations"])
        out.append((sources[t["seg_id"]], t, refs.get(t["seg_id"]), major))
    return out


def check_outputs(records, lp: str, mode: str, floor: Confidence = Confidence.LOW, selected=None):
    """Yield (record, segment, findings at or above `floor`) for the outputs of one language pair,
    checked in-process with the default rule set (benchmarks/precision_table.py uses this)."""
    selected = rules.select() if selected is None else selected
    src_lang, tgt_lang = lp.split("-")
    ctx = Context(src_lang=src_lang, tgt_lang=tgt_lang)
    for i, (src, t, ref, major) in enumerate(records):
        seg = Segment(id=str(i), index=i, hyp=t["target"], src=src["source"] if "src" in mode else None,
                      refs=(ref,) if ref and "ref" in mode else (), src_lang=src_lang, tgt_lang=tgt_lang)
        res = engine.check_segment(seg, selected, ctx)
        yield (src, t, ref, major), seg, [f for f in res.findings if f.confidence >= floor]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--mode", default="src", choices=["src", "ref", "src+ref"])
    ap.add_argument("--lp", default="all", choices=["all", *REF_SYSTEM])
    ap.add_argument("--show", help="print this rule's flags on error-free outputs")
    ap.add_argument("--min-confidence", default="medium", choices=["low", "medium", "high"],
                    help="leave out findings below this confidence, as the CLI does (default: medium)")
    a = ap.parse_args(argv)
    floor = Confidence.parse(a.min_confidence)
    lps = list(REF_SYSTEM) if a.lp == "all" else [a.lp]
    for lp in lps:
        records = load(a.dir, lp)
        n_clean = sum(1 for r in records if r[1]["no_error"])
        n_major = sum(1 for r in records if r[3])
        flagged = {"clean": 0, "major": 0}
        by_rule = collections.defaultdict(lambda: collections.Counter())
        shown = 0
        for (src, t, ref, major), seg, found in check_outputs(records, lp, a.mode, floor):
            hits = [f for f in found if f.severity >= Severity.MAJOR]
            if hits:
                flagged["clean"] += t["no_error"]
                flagged["major"] += major
            for key in {(f.rule, f.confidence.label) for f in hits}:
                c = by_rule[key]
                c["n"] += 1
                c["clean"] += t["no_error"]
                c["major"] += major
            if a.show and t["no_error"] and shown < 30:
                mine = [f for f in hits if f.rule == a.show]
                if mine:
                    shown += 1
                    print(f"FA [{lp}] {[(f.field, f.text, f.confidence.label, f.message) for f in mine]}\n"
                          f"   hyp: {seg.hyp}\n   src: {src['source']}")
        print(f"\n{lp}, mode {a.mode}: {len(records)} outputs, {n_clean} error-free "
              f"({100 * n_clean / len(records):.0f} %), {n_major} with a Major error")
        print(f"flagged major+: error-free {100 * flagged['clean'] / n_clean:.1f} %, "
              f"with a Major error {100 * flagged['major'] / max(1, n_major):.1f} %")
        print(f"{'rule':6} {'conf':6} {'flags':>5} {'error-free':>10} {'Major':>6}")
        for (code, conf), c in sorted(by_rule.items(), key=lambda kv: -kv[1]["n"]):
            print(f"{code:6} {conf:6} {c['n']:5} {100 * c['clean'] / c['n']:9.0f}% {100 * c['major'] / c['n']:5.0f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
