#!/usr/bin/env python3
"""Per-rule hits on the sample wire and false-alarm rates on clean English.

Clean sets: the human references (`eng_sent`) and the clean machine translations (`mt_sent`)
of the DEMETR development half (../shared/corpora/demetr-dev/items.jsonl, one segment each,
checked with their source), and the post-edited sample wire (one document). A finding on
clean text is a false alarm by construction. Every rule runs, preview rules included.

    .venv/bin/python benchmarks/false_alarms.py [--demetr PATH] [--show CODE]

`--show CODE` also prints the clean segments a rule fires on (to study its false alarms).
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtqa import check, check_document, rules  # noqa: E402
from mtqa.model import Severity  # noqa: E402

WIRE = ROOT / "corpora" / "wires" / "drones-alabuga.en.txt"
WIRE_REF = ROOT / "corpora" / "wires" / "drones-alabuga.ref.en.txt"
DEMETR = ROOT.parent / "shared" / "corpora" / "demetr-dev" / "items.jsonl"
ISO = {"chinese_simple": "zh", "czech": "cs", "french": "fr", "german": "de", "hindi": "hi",
       "italian": "it", "japanese": "ja", "polish": "pl", "russian": "ru", "spanish": "es"}


def _all_codes() -> list[str]:
    return [r.code for r in rules.all_rules()]


def _demetr_sets(path: Path) -> dict[str, list[dict]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {"demetr eng_sent": [dict(hyp=r["eng_sent"], src=r["src_sent"], src_lang=ISO[r["lang_tag"]], id=r["id"])
                                for r in rows],
            "demetr mt_sent": [dict(hyp=r["mt_sent"], src=r["src_sent"], src_lang=ISO[r["lang_tag"]], id=r["id"])
                               for r in rows]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--demetr", type=Path, default=DEMETR)
    ap.add_argument("--show", action="append", default=[], metavar="CODE")
    args = ap.parse_args(argv)
    codes = _all_codes()
    preview = {r.code for r in rules.all_rules() if r.preview}

    t0 = time.perf_counter()
    wire = check_document(WIRE.read_text(encoding="utf-8"), select=codes)
    wire_ref = check_document(WIRE_REF.read_text(encoding="utf-8"), select=codes)
    wire_hits = collections.Counter(f.rule for f in wire.findings)
    ref_hits = collections.Counter(f.rule for f in wire_ref.findings)

    per_set: dict[str, tuple[int, collections.Counter, int]] = {}
    shown: list[str] = []
    if args.demetr.is_file():
        for name, segs in _demetr_sets(args.demetr).items():
            flagged: collections.Counter = collections.Counter()
            major = 0
            for s in segs:
                res = check(s["hyp"], src=s["src"], src_lang=s["src_lang"], tgt_lang="en", select=codes)
                for code in {f.rule for f in res.findings}:
                    flagged[code] += 1
                if any(f.severity >= Severity.MAJOR for f in res.findings):
                    major += 1
                for f in res.findings:
                    if f.rule in args.show:
                        shown.append(f"{name} #{s['id']} {f.rule} [{f.text}] {s['hyp']}")
            per_set[name] = (len(segs), flagged, major)
    elapsed = time.perf_counter() - t0

    cols = ["rule", "sev", "wire hits", "post-edited"] + [f"{n} FA" for n in per_set]
    print(" | ".join(cols))
    print(" | ".join("---" for _ in cols))
    for r in rules.all_rules():
        row = [r.code + (" (preview)" if r.code in preview else ""), r.severity.label,
               str(wire_hits.get(r.code, 0)), str(ref_hits.get(r.code, 0))]
        for n, (total, flagged, _) in per_set.items():
            row.append(f"{flagged.get(r.code, 0)}/{total} ({100 * flagged.get(r.code, 0) / total:.1f}%)")
        print(" | ".join(row))
    print()
    print(f"sample wire: {len(wire.findings)} findings; post-edited wire: {len(wire_ref.findings)} findings, "
          f"{sum(f.severity >= Severity.MAJOR for f in wire_ref.findings)} major or worse")
    for n, (total, _, major) in per_set.items():
        print(f"{n}: segments with a major-or-worse finding: {major}/{total} ({100 * major / total:.1f}%)")
    print(f"({elapsed:.1f} s)")
    for line in shown:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
