"""Per-rule detection and false-alarm rates on DEMETR, in-process (a development tool).

The official figures come from ../shared/tools/demetr_eval.py, which calls the CLI. This script
answers the questions that come before: which rule fires on which perturbation, and which rule
raises the false alarms on clean MT and human references, with examples.

    .venv/bin/python benchmarks/demetr_rules.py --mode src [--show NU001] [--limit 100]
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

from mtqa import engine, rules
from mtqa.context import Context
from mtqa.model import Confidence, Segment, Severity

LANG = {"chinese_simple": "zh", "czech": "cs", "french": "fr", "german": "de", "hindi": "hi",
        "italian": "it", "japanese": "ja", "polish": "pl", "russian": "ru", "spanish": "es"}
DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "demetr-dev"


def load(directory: Path, limit: int | None):
    items = {}
    for line in (directory / "items.jsonl").open(encoding="utf-8"):
        it = json.loads(line)
        items[it["id"]] = it
    records = [("clean", "clean", it) for it in items.values()]
    for path in sorted(directory.glob("*.jsonl")):
        if path.name == "items.jsonl":
            continue
        name = path.stem
        n = 0
        for line in path.open(encoding="utf-8"):
            it = json.loads(line)
            c = items.get(it["id"])
            if c is None or not it.get("pert_check"):
                continue
            if name != "base_id35_reference" and (it["mt_sent"] != c["mt_sent"] or it["pert_sent"] == c["mt_sent"]):
                continue
            records.append((name, "perturbed", {**c, "hyp": it["pert_sent"]}))
            n += 1
            if limit and n >= limit:
                break
    return records


def in_fold(item_id, spec: str) -> bool:
    """Whether a DEMETR sentence id falls in fold K of N: the fold assignment of
    ../shared/tools/demetr_eval.py (by source sentence, the same for every run)."""
    k, n = (int(x) for x in spec.split("/"))
    return _fold_of(item_id, n) == k


def _fold_of(item_id, n: int) -> int:
    import hashlib

    return int(hashlib.sha1(f"fold-{item_id}".encode()).hexdigest(), 16) % n


def segment(kind_item, mode: str, index: int) -> Segment:
    _, kind, it = kind_item
    hyp = it["mt_sent"] if kind == "clean" else it["hyp"]
    return Segment(id=str(index), index=index, hyp=hyp,
                   src=it["src_sent"] if "src" in mode else None,
                   refs=(it["eng_sent"],) if "ref" in mode else (),
                   src_lang=LANG[it["lang_tag"]], tgt_lang="en")


def check_records(records, mode: str, level: Severity = Severity.MINOR, floor: Confidence = Confidence.LOW,
                  selected=None):
    """Yield (record, segment, findings at or above `level` and `floor`) for each record, checked
    in-process with the default rule set (benchmarks/precision_table.py and kfold.py use this)."""
    selected = rules.select(preview=True) if selected is None else selected
    ctx = Context(tgt_lang="en")
    for i, rec in enumerate(records):
        seg = segment(rec, mode, i)
        res = engine.check_segment(seg, selected, ctx)
        yield rec, seg, [f for f in res.findings if f.severity >= level and f.confidence >= floor]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--mode", default="src", choices=["src", "ref", "src+ref"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show", help="print false alarms (clean/reference) and misses of this rule code")
    ap.add_argument("--misses", help="print unflagged records of this perturbation (e.g. critical_id8_negation)")
    ap.add_argument("--lang", help="print misses and false alarms of this source language only")
    ap.add_argument("--by-lang", action="store_true", help="add a table of detection per source language")
    ap.add_argument("--level", default="major", choices=["minor", "major", "critical"])
    ap.add_argument("--min-confidence", default="medium", choices=["low", "medium", "high"],
                    help="leave out findings below this confidence, as the CLI does (default: medium)")
    ap.add_argument("--fold", help="K/N: only source sentences of fold K of N (as ../shared/tools/demetr_eval.py)")
    ap.add_argument("--fold-out", help="K/N: every fold but K")
    a = ap.parse_args(argv)
    level = Severity.parse(a.level)
    floor = Confidence.parse(a.min_confidence)
    records = load(a.dir, a.limit)
    if a.fold or a.fold_out:
        records = [r for r in records if in_fold(r[2]["id"], a.fold or a.fold_out) == bool(a.fold)]
    t0 = time.perf_counter()
    flagged = collections.defaultdict(list)   # pert -> [bool]
    per_lang = collections.defaultdict(list)  # (pert, lang) -> [bool]
    by_rule = collections.defaultdict(collections.Counter)  # pert -> rule -> n records
    shown = 0
    for rec, seg, hits in check_records(records, a.mode, level, floor):
        flagged[rec[0]].append(bool(hits))
        per_lang[rec[0], seg.src_lang].append(bool(hits))
        for code in {f.rule for f in hits}:
            by_rule[rec[0]][code] += 1
        wanted = a.lang in (None, seg.src_lang)
        if a.misses and rec[0] == a.misses and not hits and shown < 40 and wanted:
            shown += 1
            print(f"MISS [{seg.src_lang}]\n   mt:  {rec[2]['mt_sent']}\n   hyp: {seg.hyp}\n   src: {seg.src}")
        if a.show and shown < 40:
            mine = [f for f in hits if f.rule == a.show]
            if mine and rec[0] in ("clean", "base_id35_reference") and wanted:
                shown += 1
                print(f"FA [{rec[0]} {seg.src_lang}] {[(f.field, f.text, f.message) for f in mine]}\n   hyp: {seg.hyp}\n   src: {seg.src}")
    dt = time.perf_counter() - t0
    print(f"\n{len(records)} records in {dt:.1f}s ({len(records) / dt:.0f}/s), mode {a.mode}, level >= {a.level}\n")
    print(f"{'perturbation':36} {'n':>5} {'flagged':>8}  top rules")
    for name in sorted(flagged, key=lambda n: (n != "clean", n != "base_id35_reference", n)):
        vals = flagged[name]
        top = ", ".join(f"{r}:{100 * c / len(vals):.0f}" for r, c in by_rule[name].most_common(5))
        print(f"{name:36} {len(vals):5} {100 * sum(vals) / len(vals):7.1f}%  {top}")
    if a.by_lang:
        langs = sorted({lang for _, lang in per_lang})
        print(f"\n{'per language':36} " + " ".join(f"{lang:>5}" for lang in langs))
        for name in sorted(flagged, key=lambda n: (n != "clean", n != "base_id35_reference", n)):
            cells = [per_lang.get((name, lang)) for lang in langs]
            print(f"{name:36} " + " ".join(f"{100 * sum(c) / len(c):5.0f}" if c else "    -" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
