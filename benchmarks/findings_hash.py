"""One hash of every finding mtqa reports on the DEMETR development half and the sample articles.

Refactors and speed work promise "same findings"; this script is how that promise is checked.
It runs the engine in-process over every DEMETR record (clean MT, each perturbation, the human
reference) in the three modes (source only, source + reference, reference only) and over the
bundled articles in document mode, with every rule on (preview included), and prints one SHA-256
per corpus and mode plus a total. Run it before and after a change; the totals must match.

    .venv/bin/python benchmarks/findings_hash.py [--dir ../shared/corpora/demetr-dev] [--limit N]
    .venv/bin/python benchmarks/findings_hash.py --dump findings.tsv   # every finding, to diff
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from mtqa import engine, rules
from mtqa.context import Context
from mtqa.model import Segment

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demetr_rules import DEFAULT_DIR, load, segment  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = (  # (hyp, src, ref) under corpora/: the sample wire and the real-text cases
    ("wires/drones-alabuga.en.txt", None, "wires/drones-alabuga.ref.en.txt"),
    ("wires/drones-alabuga.en.txt", None, None),
    ("cases/minister.en.txt", "cases/minister.fr.txt", None),
)


def finding_line(seg_id: str, f) -> str:
    fields = [seg_id, f.rule, f.severity.label, f.field, str(f.start), str(f.end), f.message, f.suggestion or ""]
    for extra in ("confidence", "related"):  # present once findings carry them
        if hasattr(f, extra):
            fields.append(repr(getattr(f, extra)))
    return "\t".join(fields)


def run(segments, selected, ctx, digest, dump) -> int:
    n = 0
    for res in engine.run(segments, selected, ctx):
        for f in res.findings:
            line = finding_line(res.segment.id, f)
            digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
            if dump:
                dump.write(line.replace("\n", "\\n") + "\n")
            n += 1
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--limit", type=int, help="at most N records per perturbation (quick look)")
    ap.add_argument("--dump", type=Path, help="also write every finding, one a line, to this file")
    a = ap.parse_args(argv)
    selected = rules.select(preview=True)
    total = hashlib.sha256()
    dump = a.dump.open("w", encoding="utf-8") if a.dump else None
    records = load(a.dir, a.limit)
    for mode in ("src", "src+ref", "ref"):
        digest = hashlib.sha256()
        segs = (segment(rec, mode, i) for i, rec in enumerate(records))
        n = run(segs, selected, Context(tgt_lang="en"), digest, dump)
        print(f"demetr {mode:8} {len(records):6} records {n:6} findings  {digest.hexdigest()[:16]}")
        total.update(digest.digest())
    digest = hashlib.sha256()
    n = 0
    for i, (hyp, src, ref) in enumerate(ARTICLES):
        read = lambda p: (ROOT / "corpora" / p).read_text(encoding="utf-8") if p else None  # noqa: E731
        seg = Segment(id=f"article{i}", index=i, hyp=read(hyp), src=read(src), refs=(read(ref),) if ref else (),
                      src_lang="fr" if src else None, tgt_lang="en", is_document=True)
        n += run([seg], selected, Context(src_lang=seg.src_lang, tgt_lang="en"), digest, dump)
    print(f"articles {len(ARTICLES):15} articles {n:6} findings  {digest.hexdigest()[:16]}")
    total.update(digest.digest())
    print(f"total {total.hexdigest()}")
    if dump:
        dump.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
