"""`mtqa check`: its options, reading the input, running the engine and writing the report."""
from __future__ import annotations

import argparse
import sys

from mtqa import __version__, scoring
from mtqa import rules as rules_mod
from mtqa.cli import startup
from mtqa.cli.common import UsageError, csv_list, resolve_languages, write_report
from mtqa.cli.progress import with_progress
from mtqa.config import baseline
from mtqa.config import settings as config
from mtqa.config.severity import ConfidenceFloor, override_severities
from mtqa.context import Context
from mtqa.io import RECORD_FORMATS, InputSpec, source
from mtqa.io.lines import MAX_DOCUMENT_BYTES, MAX_LINE_BYTES
from mtqa.io.output import check_target
from mtqa.metrics.names import DEFAULT_METRICS, METRIC_NAMES
from mtqa.metrics.scores import MetricSuite
from mtqa.report import Report, RunInfo
from mtqa.reporters import FORMATS, RENDERERS, statistics
from mtqa.run.parallel import (
    AUTO_MAX_JOBS,
    AUTO_MIN_SEGMENTS,
    resolve_jobs,
    run_parallel,
)

SAMPLE_HYP = "drones-alabuga.en.txt"
SAMPLE_REF = "drones-alabuga.ref.en.txt"


def add_parser(sub) -> argparse.ArgumentParser:
    check = sub.add_parser(
        "check", help="check translations and report findings",
        description="Check translations. With no input, checks the bundled sample article (a demo: "
                    "it exits 0 unless --fail-on is given). "
                    "Segment mode: a JSONL/TSV records file, or line-aligned --hyp/--src/--ref files. "
                    "Document mode (--doc): one article per file, offsets into the whole text.")
    check.add_argument("input", nargs="*", metavar="INPUT",
                       help="records file(s): JSONL, TSV, CSV, XLIFF, TMX or PO ('-' for stdin; several "
                            "files make one batch), or the article with --doc")
    check.add_argument("--hyp", metavar="FILE", help="the translation: line-aligned text, or the article with --doc")
    check.add_argument("--src", metavar="FILE", help="the source, aligned with --hyp")
    check.add_argument("--ref", metavar="FILE", action="append", default=[],
                       help="a reference, aligned with --hyp (repeat for several references)")
    check.add_argument("--doc", action="store_true", help="treat the files as whole documents (one article each)")
    check.add_argument("--input-format", choices=RECORD_FORMATS,
                       help="format of INPUT (default: from the extension, else sniffed)")
    check.add_argument("--src-lang", metavar="LANG", help="source language (ISO 639-1); detected when omitted")
    check.add_argument("--tgt-lang", metavar="LANG", help="target language (ISO 639-1); detected when omitted")
    check.add_argument("-f", "--format", default="terminal", choices=FORMATS, help="output format (default: terminal)")
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    # Options a configuration file can also set default to None, so that "not given" is visible.
    check.add_argument("--fail-on", choices=scoring.FAIL_ON_CHOICES,
                       help="exit 1 when a finding of this severity or worse is found (default: major)")
    check.add_argument("--min-confidence", choices=config.CONFIDENCE_CHOICES,
                       help="leave out findings below this confidence, from the report and the gate "
                            f"(default: {config.DEFAULT_MIN_CONFIDENCE}; low shows every finding)")
    check.add_argument("--select", type=csv_list, metavar="CODES",
                       help="rules to run: ALL, a family (QT), a prefix (QT0) or codes, comma-separated")
    check.add_argument("--ignore", type=csv_list, metavar="CODES", help="rules not to run (same syntax)")
    check.add_argument("--preview", action="store_true", default=None, help="also run preview rules")
    check.add_argument("--metrics", type=csv_list, metavar="NAMES",
                       help=f"reference metrics, comma-separated, from {', '.join(METRIC_NAMES)} "
                            f"(default: {','.join(DEFAULT_METRICS)}; TER costs ~2 ms a segment)")
    check.add_argument("--csv-bom", action="store_true",
                       help="--format csv: start with a UTF-8 byte-order mark (for Excel)")
    check.add_argument("--no-color", action="store_true", help="plain text, no colour (also: NO_COLOR=1)")
    check.add_argument("--width", type=int, metavar="N", help="width of the terminal report (default: terminal, or 80)")
    add_limit_options(check)
    add_ci_options(check)
    check.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="check in N worker processes (0: one per CPU; default: one per CPU, at most "
                            f"{AUTO_MAX_JOBS}, from {AUTO_MIN_SEGMENTS:,} segments, else 1); same report, in order")
    check.add_argument("--dask", metavar="ADDRESS",
                       help="check on a Dask cluster: its scheduler (tcp://host:8786), or 'local' to start one of "
                            "--jobs worker processes; same report, in order (needs: pip install 'mtqa[dask]')")
    return check


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """The input limits, the same for every command that reads translations (check, fix)."""
    parser.add_argument("--max-line-bytes", type=int, default=MAX_LINE_BYTES, metavar="N",
                        help=f"longest input line accepted, in every format (default: {MAX_LINE_BYTES:,})")
    parser.add_argument("--max-document-bytes", type=int, default=MAX_DOCUMENT_BYTES, metavar="N",
                        help=f"largest article accepted with --doc (default: {MAX_DOCUMENT_BYTES:,})")


def add_ci_options(check: argparse.ArgumentParser) -> None:
    """Configuration, baselines, statistics and metric gates (README: "In CI")."""
    ci = check.add_argument_group("configuration, baselines and gates")
    ci.add_argument("--config", metavar="FILE",
                    help="configuration file (default: the nearest mtqa.toml, or pyproject.toml with "
                         "[tool.mtqa], from the current directory upwards)")
    ci.add_argument("--isolated", action="store_true", help="ignore configuration files")
    ci.add_argument("--baseline", metavar="FILE", help="report only findings that FILE does not record")
    ci.add_argument("--write-baseline", metavar="FILE",
                    help="record today's findings in FILE (the report is written as usual; exit 0)")
    ci.add_argument("--statistics", action="store_true", help="print counts per rule instead of the report")
    for key, metric, minimum in config.GATE_OPTIONS:
        ci.add_argument(f"--{key}", type=float, metavar="SCORE",
                        help=f"fail unless the corpus {metric} is {'at least' if minimum else 'at most'} SCORE"
                             f"{' (turns TER on)' if metric == 'ter' else ''}")


def _sample_paths() -> tuple[str, str]:
    from importlib import resources  # here: ~2 ms to import, and only the demo run needs it

    root = resources.files("mtqa") / "data" / "samples"
    return str(root / SAMPLE_HYP), str(root / SAMPLE_REF)


def input_spec(args) -> InputSpec:
    refs = tuple(source(r) for r in args.ref)
    src = source(args.src) if args.src else None
    if args.input and args.hyp:
        raise UsageError("give either INPUT or --hyp, not both")
    if args.doc:
        if len(args.input) > 1:
            raise UsageError("--doc checks one article: give one INPUT (or --hyp)")
        hyp = args.hyp or (args.input[0] if args.input else None)
        if hyp is None:
            raise UsageError("--doc needs the article: --hyp FILE (or INPUT)")
        hyp_src = source(hyp)
        return InputSpec(mode="document", hyp=hyp_src, src=src, refs=refs, max_line_bytes=args.max_line_bytes,
                         max_document_bytes=args.max_document_bytes)
    if args.input:
        if src or refs:
            raise UsageError("--src/--ref go with --hyp; a records file carries src and ref in each record")
        files = [source(name) for name in args.input]
        return InputSpec(records=files[0], more_records=tuple(files[1:]), records_format=args.input_format,
                         max_line_bytes=args.max_line_bytes)
    if args.hyp:
        return InputSpec(hyp=source(args.hyp), src=src, refs=refs, max_line_bytes=args.max_line_bytes)
    if src or refs:
        raise UsageError("--src/--ref need --hyp (the translation)")
    hyp_path, ref_path = _sample_paths()
    print(f"mtqa: no input given: checking the bundled sample article ({SAMPLE_HYP}, with its "
          f"post-edited reference). See `mtqa check --help` to check your own files.", file=sys.stderr)
    return InputSpec(mode="document", hyp=(hyp_path, SAMPLE_HYP), refs=((ref_path, SAMPLE_REF),))


#: Bounds of numeric options: past them a value is a typo, and would exhaust the machine (a
#: million forked workers, a line buffer larger than memory) before failing.
MAX_JOBS = 256
MAX_LIMIT_BYTES = 1 << 40
MAX_WIDTH = 10_000


def check_options(args) -> None:
    """Option values no run can use, refused before any input is read."""
    if args.jobs is not None and not 0 <= args.jobs <= MAX_JOBS:
        raise UsageError(f"--jobs must be between 0 (one per CPU) and {MAX_JOBS}")
    for flag, value in (("--max-line-bytes", args.max_line_bytes), ("--max-document-bytes", args.max_document_bytes)):
        if not 1 <= value <= MAX_LIMIT_BYTES:
            raise UsageError(f"{flag} must be between 1 and {MAX_LIMIT_BYTES:,}")
    if args.width is not None and not 1 <= args.width <= MAX_WIDTH:
        raise UsageError(f"--width must be between 1 and {MAX_WIDTH:,}")
    # A report or baseline that cannot be written is known now: say so before the work, not after.
    if args.output:
        check_target(args.output)
    if args.write_baseline:
        check_target(args.write_baseline, "baseline")


def cmd_check(args) -> int:
    check_options(args)
    settings = config.resolve(args, config.load(args.config, args.isolated))
    try:
        selected = rules_mod.select(settings.select, settings.ignore, preview=settings.preview)
    except ValueError as e:
        raise UsageError(str(e)) from None
    for name in settings.metrics:
        if name not in METRIC_NAMES:
            raise UsageError(f"unknown metric {name!r} (choose from {', '.join(METRIC_NAMES)})")
    spec = input_spec(args)
    total = spec.validate(settings.src_lang, settings.tgt_lang)
    known = baseline.BaselineFilter(baseline.load(settings.baseline)) if settings.baseline else None
    langs = resolve_languages(spec, settings.src_lang, settings.tgt_lang)
    ctx = Context(src_lang=langs["src"], tgt_lang=langs["tgt"], project=settings.project)
    metrics = MetricSuite(settings.metrics) if settings.metrics else None
    severities = settings.severities(r.code for r in selected)
    info = RunInfo(version=__version__, mode=spec.mode, inputs=spec.describe(), languages=langs,
                   fail_on=settings.fail_on, rules=tuple(r.code for r in selected), gates=settings.gates,
                   severities=severities, config=settings.config, baseline=settings.baseline)
    segments = spec.segments(langs["src"], langs["tgt"])
    if args.dask:
        # The bar counts results written, not segments sent: the cluster runs a window ahead.
        results = with_progress(_on_dask(args, segments, selected, ctx, metrics), total)
    else:
        jobs = resolve_jobs(args.jobs, total)
        results = run_parallel(with_progress(segments, total), selected, ctx, metrics, jobs=jobs)
    results = override_severities(results, severities)
    floor = ConfidenceFloor(settings.min_confidence)
    results = floor.apply(results)
    recorder = baseline.BaselineRecorder() if args.write_baseline else None
    if recorder is not None:  # records every finding, before a --baseline leaves known ones out
        results = recorder.observe(results)
    if known is not None:
        results = known.apply(results)
    report = Report(info, results, metrics, baseline=known, confidence_floor=floor)
    def fixer(segment):
        from mtqa.fix.engine import fix_segment  # only the review page needs it

        return fix_segment(segment, selected, ctx)

    startup.resume()  # the segments are checked while the report is written
    write_report(report, args, _renderer(args, fixer))
    if recorder is not None:
        n = recorder.write(args.write_baseline, __version__)
        print(f"mtqa: wrote {n} finding{'s' * (n != 1)} to the baseline {args.write_baseline}", file=sys.stderr)
        return scoring.EXIT_OK
    if spec.hyp is not None and spec.hyp[1] == SAMPLE_HYP and spec.hyp[0] == _sample_paths()[0] \
            and args.fail_on is None:
        return scoring.EXIT_OK  # the demo run: the report shows the verdict, no gate was asked for
    return scoring.exit_code(report.summary.failed)


def _on_dask(args, segments, selected, ctx, metrics):
    """`--dask`: the results from a Dask cluster; a cluster that fails is a one-line error (exit 2)."""
    from mtqa.run.dask import ClusterError, local_workers, run_dask

    try:
        results = run_dask(segments, selected, ctx, metrics, args.dask, workers=local_workers(args.jobs),
                           notify=lambda message: print(f"mtqa: {message}", file=sys.stderr))
    except ClusterError as e:
        raise UsageError(str(e)) from None

    def guarded():
        try:
            yield from results
        except ClusterError as e:
            raise UsageError(str(e)) from None

    return guarded()


def _renderer(args, fixer):
    """The reporter for --format; the review page also gets `fixer` (`mtqa fix` of one segment,
    with this run's rules), so its "Apply safe fixes" gives exactly what `mtqa fix` prints."""
    if args.statistics:
        as_json = args.format == "json"
        return lambda report, out, **options: statistics.render(report, out, as_json=as_json, **options)
    if args.format == "csv":
        return lambda report, out, **options: RENDERERS["csv"](report, out, bom=args.csv_bom, **options)
    if args.format == "html":
        return lambda report, out, **options: RENDERERS["html"](report, out, fixer=fixer, **options)
    return RENDERERS[args.format]
