"""The `mtqa compare` command: its options, and reading, comparing and reporting two systems.

Exit codes as for `check`: 0 = pass, 1 = the candidate is significantly worse than the
baseline on the `--fail-if-worse` metric, 2 = usage or input error (one line on stderr).
"""
from __future__ import annotations

import argparse

from mtqa import __version__, scoring
from mtqa import rules as rules_mod
from mtqa.cli.common import UsageError, csv_list, resolve_languages, write_report
from mtqa.context import Context
from mtqa.io import RECORD_FORMATS, InputError, InputSpec, sniff_format, source
from mtqa.io.lines import MAX_LINE_BYTES
from mtqa.io.output import check_target
from mtqa.metrics.names import (
    DEFAULT_ALPHA,
    DEFAULT_METRICS,
    DEFAULT_SAMPLES,
    DEFAULT_TOP,
    METRIC_NAMES,
)

#: sacrebleu's paired bootstrap holds every resample at once; refuse batches that need more.
MAX_BOOTSTRAP_BYTES = 4 << 30
FORMATS = ("terminal", "json")


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "compare", help="compare two systems' outputs against the same reference (for CI)",
        description="Compare a baseline and a candidate translation of the same segments: corpus metrics side by "
                    "side with sacrebleu's paired bootstrap resampling, the findings of each, and the segments "
                    "where they differ most. Line-aligned text files take --ref (and --src); JSONL/TSV records "
                    "carry their own \"ref\" (and \"src\").")
    p.add_argument("baseline", metavar="BASELINE", help="the reference system's output (records or line-aligned text)")
    p.add_argument("candidate", metavar="CANDIDATE", help="the new system's output, same segments in the same order")
    p.add_argument("--ref", metavar="FILE", action="append", default=[],
                   help="a reference aligned with line-aligned outputs (repeat for several)")
    p.add_argument("--src", metavar="FILE", help="the source, aligned with line-aligned outputs")
    p.add_argument("--input-format", choices=RECORD_FORMATS, help="format of both outputs (default: sniffed)")
    p.add_argument("--metrics", type=csv_list, default=list(DEFAULT_METRICS), metavar="NAMES",
                   help=f"metrics, comma-separated, from {', '.join(METRIC_NAMES)} (default: {','.join(DEFAULT_METRICS)})")
    p.add_argument("--fail-if-worse", metavar="METRIC", choices=METRIC_NAMES,
                   help="exit 1 when the candidate is significantly worse than the baseline on METRIC")
    p.add_argument("--alpha", type=float, default=DEFAULT_ALPHA,
                   help=f"significance level of the paired test (default: {DEFAULT_ALPHA})")
    p.add_argument("--paired-bs-n", type=int, default=DEFAULT_SAMPLES, metavar="N",
                   help=f"bootstrap resamples (default: {DEFAULT_SAMPLES}, as sacrebleu)")
    p.add_argument("--top", type=int, default=DEFAULT_TOP, metavar="N",
                   help=f"how many most-different segments to show (default: {DEFAULT_TOP})")
    p.add_argument("--no-checks", action="store_true", help="compare metrics only, do not run mtqa's checks")
    p.add_argument("--src-lang", metavar="LANG", help="source language (ISO 639-1); detected when omitted")
    p.add_argument("--tgt-lang", metavar="LANG", help="target language (ISO 639-1); detected when omitted")
    p.add_argument("-f", "--format", default="terminal", choices=FORMATS, help="output format")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument("--no-color", action="store_true", help="plain text, no colour (also: NO_COLOR=1)")
    p.add_argument("--width", type=int, metavar="N", help="width of the terminal report")
    p.add_argument("--max-line-bytes", type=int, default=MAX_LINE_BYTES, metavar="N",
                   help=f"longest input line accepted (default: {MAX_LINE_BYTES:,})")
    return p


def _spec(path: str, args, refs, src) -> InputSpec:
    read = source(path)  # a pipe is copied first: it is read more than once
    fmt = args.input_format or sniff_format(*read)
    if fmt == "lines":
        return InputSpec(hyp=read, src=src, refs=refs, max_line_bytes=args.max_line_bytes)
    return InputSpec(records=read, records_format=fmt, max_line_bytes=args.max_line_bytes)


def cmd_compare(args) -> int:
    # Imported here: `mtqa check` never pays for them.
    from mtqa.io.paired import read_pairs
    from mtqa.metrics.compare import CompareRun, compare
    from mtqa.reporters.compare_report import RENDERERS

    metrics = list(dict.fromkeys(args.metrics + ([args.fail_if_worse] if args.fail_if_worse else [])))
    for name in metrics:
        if name not in METRIC_NAMES:
            raise UsageError(f"unknown metric {name!r} (choose from {', '.join(METRIC_NAMES)})")
    if not 0 < args.alpha < 1:
        raise UsageError(f"--alpha must be between 0 and 1, not {args.alpha}")
    if args.paired_bs_n < 1 or args.top < 0:
        raise UsageError("--paired-bs-n must be at least 1 and --top at least 0")
    if not 1 <= args.max_line_bytes <= 1 << 40:
        raise UsageError(f"--max-line-bytes must be between 1 and {1 << 40:,}")
    if args.width is not None and not 1 <= args.width <= 10_000:
        raise UsageError("--width must be between 1 and 10,000")
    if args.output:
        check_target(args.output)
    refs = tuple(source(r) for r in args.ref)
    src = source(args.src) if args.src else None
    baseline = _spec(args.baseline, args, refs, src)
    candidate = _spec(args.candidate, args, (), None)
    if baseline.records is not None and (refs or src):
        raise UsageError("--ref/--src go with line-aligned outputs; records carry their own \"ref\" and \"src\"")
    if baseline.records is None and not refs:
        raise UsageError("compare needs the reference: --ref FILE (line-aligned with both outputs)")
    langs = resolve_languages(baseline, args.src_lang, args.tgt_lang)
    rules = None if args.no_checks else rules_mod.select()
    try:
        comparison = compare(read_pairs(baseline, candidate, langs["src"], langs["tgt"]), metrics,
                             n_samples=args.paired_bs_n, alpha=args.alpha, top=args.top, rules=rules,
                             ctx=Context(src_lang=langs["src"], tgt_lang=langs["tgt"]),
                             max_bytes=MAX_BOOTSTRAP_BYTES)
    except MemoryError as e:
        need = e.args[0] / (1 << 30)
        raise UsageError(f"the paired bootstrap would need about {need:.1f} GiB (sacrebleu holds all "
                         f"{args.paired_bs_n} resamples at once); lower --paired-bs-n or compare a sample") from None
    except ValueError as e:
        raise InputError(args.baseline, str(e)) from None
    inputs: dict[str, object] = {"baseline": args.baseline, "candidate": args.candidate}
    if refs:
        inputs["ref"] = [r[1] for r in refs]
    if src:
        inputs["src"] = src[1]
    run = CompareRun(__version__, inputs, comparison, args.fail_if_worse)
    write_report(run, args, RENDERERS[args.format])
    return scoring.exit_code(run.failed)
