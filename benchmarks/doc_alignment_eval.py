"""Measure document alignment and the OM002/OM003 paragraph findings on DEMETR-built documents.

    .venv/bin/python benchmarks/doc_alignment_eval.py [--items PATH] [--size 10]

Documents are made of `--size` consecutive DEMETR development items, one sentence a paragraph:
the clean MT (`mt_sent`) is the translation, the human translation (`eng_sent`) the reference.
Measured, with `mtqa.check_document(..., select=["OM002", "OM003"])`:

- clean: OM002/OM003 findings on untouched documents (false alarms) and the share of sentences
  linked to their own reference sentence (alignment accuracy);
- dropped: one paragraph removed from the translation -> is exactly that reference paragraph flagged (OM003)?
- inserted: a sentence of another document inserted -> is exactly it flagged (OM002)?
- debris: a line of web debris inserted (`Related News`...) -> is exactly it flagged (OM002)?
- duplicated: a paragraph repeated -> is exactly one copy flagged (OM002)?

Every position of every document is tried, so the figures are counts over all of them.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtqa import check_document  # noqa: E402
from mtqa.align.document import align_reference  # noqa: E402

DEFAULT_ITEMS = ROOT.parent / "shared" / "corpora" / "demetr-dev" / "items.jsonl"
#: Typical page furniture of scraped news sites (generic, not taken from the sample wire).
DEBRIS = ("Related News", "Leave a Comment", "Share this article", "Advertisement", "Read more",
          "Subscribe to our newsletter", "by editor", "Photo: AFP")


def flagged(hyp: str, ref: str) -> set[tuple[str, str]]:
    result = check_document(hyp, ref=ref, select=["OM002", "OM003"])
    return {(f.rule, f.text) for f in result.findings}


def documents(items: list[dict], size: int) -> list[tuple[list[str], list[str]]]:
    docs = []
    for k in range(0, len(items) - size + 1, size):
        chunk = items[k:k + size]
        docs.append(([" ".join(i["mt_sent"].split()) for i in chunk], [" ".join(i["eng_sent"].split()) for i in chunk]))
    return docs


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", default=str(DEFAULT_ITEMS))
    ap.add_argument("--size", type=int, default=10)
    args = ap.parse_args(argv)
    items = [json.loads(line) for line in Path(args.items).read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = documents(items, args.size)
    join = "\n\n".join
    t0 = time.perf_counter()
    out: dict[str, dict[str, int]] = {}

    def tally(name: str, ok: bool, extra: int) -> None:
        row = out.setdefault(name, {"cases": 0, "exact": 0, "other_findings": 0})
        row["cases"] += 1
        row["exact"] += ok
        row["other_findings"] += extra

    linked_right = total_sentences = 0
    for d, (hyps, refs) in enumerate(docs):
        hyp, ref = join(hyps), join(refs)
        got = flagged(hyp, ref)
        tally("clean", not got, len(got))
        a = align_reference(hyp, ref, "en")
        total_sentences += len(hyps)
        h_para = {p: k for k, p in enumerate(_starts(hyp))}
        r_para = {p: k for k, p in enumerate(_starts(ref))}
        for link in a.links:
            if link.kind == "1-1":
                linked_right += _para(h_para, link.hyp[0]) == _para(r_para, link.ref[0])
        other = docs[(d + 1) % len(docs)][0]
        for k in range(len(hyps)):
            want = {("OM003", refs[k])}
            got = flagged(join(hyps[:k] + hyps[k + 1:]), ref)
            tally("dropped", want <= got, len(got - want))
            intruder = other[k]
            want = {("OM002", intruder)}
            got = flagged(join(hyps[:k] + [intruder] + hyps[k:]), ref)
            tally("inserted", want <= got, len(got - want))
            junk = DEBRIS[(d + k) % len(DEBRIS)]
            want = {("OM002", junk)}
            got = flagged(join(hyps[:k] + [junk] + hyps[k:]), ref)
            tally("debris", want <= got, len(got - want))
            got = flagged(join(hyps[:k + 1] + [hyps[k]] + hyps[k + 1:]), ref)
            tally("duplicated", got == {("OM002", hyps[k])}, len(got - {("OM002", hyps[k])}))
    elapsed = time.perf_counter() - t0
    print(f"{len(docs)} documents of {args.size} DEMETR sentences; {elapsed:.1f} s")
    print(f"alignment: {linked_right}/{total_sentences} clean sentences linked 1-1 to their own reference "
          f"({100 * linked_right / max(total_sentences, 1):.1f}%)")
    print(f"{'case':<11} {'cases':>6} {'exact':>6} {'rate':>7} {'other findings':>15}")
    for name, row in out.items():
        rate = 100 * row["exact"] / max(row["cases"], 1)
        print(f"{name:<11} {row['cases']:>6} {row['exact']:>6} {rate:>6.1f}% {row['other_findings']:>15}")
    return 0


def _starts(text: str) -> list[int]:
    from mtqa.text.sentences import paragraphs

    return [s for s, _ in paragraphs(text)]


def _para(index: dict[int, int], pos: int) -> int:
    return max((k for p, k in index.items() if p <= pos), default=-1)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
