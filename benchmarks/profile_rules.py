"""Where one process spends its time: per rule, per stage, on a batch of records (a development tool).

    .venv/bin/python benchmarks/profile_rules.py FILE.jsonl [--top 25] [--cprofile]

It reads the records with mtqa's own reader, then times each rule's `check` over every segment
(the engine's loop, unrolled so each rule gets its own clock), the finding bookkeeping and the
sacrebleu statistics, and prints milliseconds per 1,000 segments for each, largest first.
Times are CPU seconds of this process (steady on a loaded machine). `--cprofile` adds the
functions that take the most time of their own.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time

from mtqa import engine, rules
from mtqa.context import Context
from mtqa.io import InputSpec, source


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--cprofile", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.process_time()
    segments = list(InputSpec(records=source(a.file)).segments())
    read = time.process_time() - t0
    if not segments:
        sys.exit(f"{a.file}: no segments to profile")
    selected = rules.select()
    ctx = Context(tgt_lang=segments[0].tgt_lang)
    clock: collections.Counter = collections.Counter()
    with_ref = any(s.refs for s in segments)
    metrics = None
    if with_ref:
        from mtqa.metrics.scores import MetricSuite
        metrics = MetricSuite()
    prof = None
    if a.cprofile:
        import cProfile
        prof = cProfile.Profile()
        prof.enable()
    t_all = time.process_time()
    for i, seg in enumerate(segments):
        if metrics is not None and i % engine.PREPARE_AHEAD == 0:  # as engine.run reads ahead
            t = time.process_time()
            metrics.prepare(segments[i:i + engine.PREPARE_AHEAD])
            clock["(sacrebleu statistics)"] += time.process_time() - t
        have = engine._available(seg)
        for r in selected:
            if not r.needs <= have or not r.applies_to(seg.tgt_lang):
                continue
            t = time.process_time()
            list(r.check(seg, ctx))
            clock[r.code] += time.process_time() - t
        if metrics is not None and seg.refs:
            t = time.process_time()
            metrics.sentence_scores(metrics.segment_stats(seg.hyp, seg.refs))
            clock["(sacrebleu statistics)"] += time.process_time() - t
    total = time.process_time() - t_all
    if prof:
        prof.disable()
    n = len(segments)
    per_k = lambda s: s / n * 1000 * 1000  # noqa: E731  ms per 1,000 segments
    print(f"{n} segments; read {per_k(read):.0f} ms/1k; checks+metrics {per_k(total):.0f} ms/1k "
          f"({n / total:.0f} segments/s)")
    for code, s in clock.most_common(a.top):
        print(f"  {code:24} {per_k(s):8.1f} ms/1k  {100 * s / total:5.1f} %")
    if prof:
        import pstats
        pstats.Stats(prof).sort_stats("tottime").print_stats(a.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
