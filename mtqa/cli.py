"""The command line: `mtqa check | rules | explain CODE | compare`. The only place that prints or exits.

Exit codes (CONTRACT.md): 0 = nothing at or above --fail-on, 1 = findings at or above it,
2 = usage or input error, always reported as one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from importlib import resources
from typing import Sequence

from mtqa import __version__, baseline, compare_cli, config, langid, rules as rules_mod, scoring
from mtqa.adjust import override_severities
from mtqa.context import Context
from mtqa.parallel import AUTO_MAX_JOBS, AUTO_MIN_SEGMENTS, resolve_jobs, run_parallel
from mtqa.io import RECORD_FORMATS, InputError, InputSpec, spool_stdin
from mtqa.io.lines import MAX_LINE_BYTES
from mtqa.metrics import DEFAULT_METRICS, METRIC_NAMES, MetricSuite
from mtqa.progress import with_progress
from mtqa.report import Report, RunInfo
from mtqa.reporters import FORMATS, RENDERERS, statistics

SAMPLE_HYP = "drones-alabuga.en.txt"
SAMPLE_REF = "drones-alabuga.ref.en.txt"


class UsageError(Exception):
    """Wrong or conflicting options: exit 2 with one line."""


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2 (no usage dump)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(scoring.EXIT_USAGE, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


# ----------------------------------------------------------------------------- parser

def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="mtqa", description="Machine-translation quality checks for news wires "
                                                    "and translation batches.")
    parser.add_argument("--version", action="version", version=f"mtqa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

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
    check.add_argument("--select", type=_csv, metavar="CODES",
                       help="rules to run: ALL, a family (QT), a prefix (QT0) or codes, comma-separated")
    check.add_argument("--ignore", type=_csv, metavar="CODES", help="rules not to run (same syntax)")
    check.add_argument("--preview", action="store_true", default=None, help="also run preview rules")
    check.add_argument("--metrics", type=_csv, metavar="NAMES",
                       help=f"reference metrics, comma-separated, from {', '.join(METRIC_NAMES)} "
                            f"(default: {','.join(DEFAULT_METRICS)}; TER costs ~2 ms a segment)")
    check.add_argument("--no-color", action="store_true", help="plain text, no colour (also: NO_COLOR=1)")
    check.add_argument("--width", type=int, metavar="N", help="width of the terminal report (default: terminal, or 80)")
    check.add_argument("--max-line-bytes", type=int, default=MAX_LINE_BYTES, metavar="N",
                       help=f"longest input line accepted (default: {MAX_LINE_BYTES:,})")
    add_ci_options(check)
    check.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="check in N worker processes (0: one per CPU; default: one per CPU, at most "
                            f"{AUTO_MAX_JOBS}, from {AUTO_MIN_SEGMENTS:,} segments, else 1); same report, in order")

    rules_p = sub.add_parser("rules", help="list every rule")
    rules_p.add_argument("-f", "--format", choices=("terminal", "json"), default="terminal")
    explain = sub.add_parser("explain", help="explain a rule: what it does, why, an example")
    explain.add_argument("code", metavar="CODE")
    compare_cli.add_parser(sub)
    return parser


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


# ----------------------------------------------------------------------------- check

def _sample_paths() -> tuple[str, str]:
    root = resources.files("mtqa") / "data" / "samples"
    return str(root / SAMPLE_HYP), str(root / SAMPLE_REF)


def input_spec(args) -> InputSpec:
    refs = tuple((r, r) for r in args.ref)
    src = (args.src, args.src) if args.src else None
    if args.input and args.hyp:
        raise UsageError("give either INPUT or --hyp, not both")
    if args.doc:
        if len(args.input) > 1:
            raise UsageError("--doc checks one article: give one INPUT (or --hyp)")
        hyp = args.hyp or (args.input[0] if args.input else None)
        if hyp is None:
            raise UsageError("--doc needs the article: --hyp FILE (or INPUT)")
        if hyp == "-":
            hyp_src = spool_stdin()
        else:
            hyp_src = (hyp, hyp)
        return InputSpec(mode="document", hyp=hyp_src, src=src, refs=refs)
    if args.input:
        if src or refs:
            raise UsageError("--src/--ref go with --hyp; a records file carries src and ref in each record")
        files = [spool_stdin() if name == "-" else (name, name) for name in args.input]
        return InputSpec(records=files[0], more_records=tuple(files[1:]), records_format=args.input_format,
                         max_line_bytes=args.max_line_bytes)
    if args.hyp:
        return InputSpec(hyp=(args.hyp, args.hyp), src=src, refs=refs, max_line_bytes=args.max_line_bytes)
    if src or refs:
        raise UsageError("--src/--ref need --hyp (the translation)")
    hyp_path, ref_path = _sample_paths()
    print(f"mtqa: no input given: checking the bundled sample article ({SAMPLE_HYP}, with its "
          f"post-edited reference). See `mtqa check --help` to check your own files.", file=sys.stderr)
    return InputSpec(mode="document", hyp=(hyp_path, SAMPLE_HYP), refs=((ref_path, SAMPLE_REF),))


def resolve_languages(spec: InputSpec, src_lang: str | None, tgt_lang: str | None) -> dict:
    """Languages given on the command line, else stated by the input file (XLIFF, TMX, PO headers),
    else detected (seeded) from the first segments."""
    langs: dict[str, object] = {"src": src_lang, "tgt": tgt_lang}
    detected: dict[str, dict] = {}
    if tgt_lang is None or src_lang is None:
        sample = spec.sample(src_lang=src_lang, tgt_lang=tgt_lang)
        for side, attr in (("src", "src_lang"), ("tgt", "tgt_lang")):
            stated = {getattr(s, attr) for s in sample}
            if langs[side] is None and len(stated) == 1 and None not in stated:
                langs[side] = stated.pop()
        if tgt_lang is None and any(s.tgt_lang is None for s in sample):
            hit = langid.detect_sample([s.hyp for s in sample])
            if hit:
                langs["tgt"] = hit[0]
                detected["tgt"] = {"lang": hit[0], "probability": hit[1]}
        if src_lang is None and any(s.src and s.src_lang is None for s in sample):
            hit = langid.detect_sample([s.src for s in sample if s.src])
            if hit:
                langs["src"] = hit[0]
                detected["src"] = {"lang": hit[0], "probability": hit[1]}
        with_src = [s for s in sample if s.src]
        if langs["src"] is None and with_src and all(s.src_lang for s in with_src):
            langs["per_record"] = True
    langs["detected"] = detected
    return langs


def _use_color(args, out) -> bool:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    return out.isatty() or bool(os.environ.get("FORCE_COLOR"))


def cmd_check(args) -> int:
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
    if args.jobs is not None and args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")
    jobs = resolve_jobs(args.jobs, total)
    results = run_parallel(with_progress(segments, total), selected, ctx, metrics, jobs=jobs)
    results = override_severities(results, severities)
    recorder = baseline.BaselineRecorder() if args.write_baseline else None
    if recorder is not None:  # records every finding, before a --baseline leaves known ones out
        results = recorder.observe(results)
    if known is not None:
        results = known.apply(results)
    report = Report(info, results, metrics, baseline=known)
    _write(report, args)
    if recorder is not None:
        n = recorder.write(args.write_baseline, __version__)
        print(f"mtqa: wrote {n} finding{'s' * (n != 1)} to the baseline {args.write_baseline}", file=sys.stderr)
        return scoring.EXIT_OK
    if spec.hyp is not None and spec.hyp[1] == SAMPLE_HYP and spec.hyp[0] == _sample_paths()[0] \
            and args.fail_on is None:
        return scoring.EXIT_OK  # the demo run: the report shows the verdict, no gate was asked for
    return scoring.exit_code(report.summary.failed)


def _renderer(args):
    if args.statistics:
        as_json = args.format == "json"
        return lambda report, out, **options: statistics.render(report, out, as_json=as_json, **options)
    return RENDERERS[args.format]


def _write(report: Report, args, render=None) -> None:
    render = render or _renderer(args)
    if args.output:
        directory = os.path.dirname(os.path.abspath(args.output))
        if not os.path.isdir(directory):
            raise InputError(args.output, "cannot write the report: no such directory")
        fd, tmp = tempfile.mkstemp(prefix=".mtqa-", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                render(report, fh, color=False, width=args.width or 80)
            os.replace(tmp, args.output)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        return
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8", errors="replace")
    color = _use_color(args, out)
    width = args.width or (os.get_terminal_size(out.fileno()).columns if out.isatty() else 80)
    render(report, out, color=color, width=max(40, width))
    out.flush()


# ----------------------------------------------------------------------------- rules / explain

def cmd_rules(args) -> int:
    all_rules = rules_mod.all_rules()
    if args.format == "json":
        rows = [{"code": r.code, "name": r.name, "family": r.family_name, "severity": r.severity.label,
                 "category": r.category, "needs": sorted(r.needs),
                 "languages": sorted(r.languages) if r.languages else None, "preview": r.preview,
                 "summary": r.summary} for r in all_rules]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=f"mtqa {__version__}: {len(all_rules)} rules",
                  title_justify="left")
    for col in ("code", "name", "severity", "category", "needs"):
        # Codes and names are what a reader types: never folded; the category may wrap.
        table.add_column(col, overflow="fold", no_wrap=col != "category")
    for r in all_rules:
        needs = "+".join(sorted(r.needs, key=("src", "ref").index)) or "hyp"
        name = r.name + (" (preview)" if r.preview else "")
        table.add_row(r.code, name, r.severity.label, r.category, needs)
    Console(highlight=False, markup=False).print(table)
    return 0


def cmd_explain(args) -> int:
    try:
        r = rules_mod.get(args.code)
    except KeyError:
        raise UsageError(f"unknown rule code {args.code!r} (see `mtqa rules`)") from None
    needs = ", ".join(sorted(r.needs)) or "the translation only"
    langs = ", ".join(sorted(r.languages)) if r.languages else "any"
    print(f"{r.code} {r.name}{' (preview)' if r.preview else ''}\n")
    print(f"{r.summary}\n")
    print(f"Severity: {r.severity.label}   Category: {r.category}   Needs: {needs}   Target languages: {langs}\n")
    for title, body in (("What it does", r.docs.what), ("Why is this bad?", r.docs.why), ("Example", r.docs.example)):
        print(f"## {title}\n{body}\n")
    return 0


# ----------------------------------------------------------------------------- main

def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return scoring.EXIT_USAGE
    handler = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain,
               "compare": compare_cli.cmd_compare}[args.command]
    try:
        return handler(args)
    except (InputError, UsageError) as e:
        print(f"mtqa: error: {e}", file=sys.stderr)
        return scoring.EXIT_USAGE
    except KeyboardInterrupt:
        print("mtqa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours, stay quiet.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return scoring.EXIT_OK
    except Exception as e:  # a bug in mtqa: one line, the traceback only on request
        if os.environ.get("MTQA_DEBUG"):
            raise
        print(f"mtqa: internal error: {type(e).__name__}: {e} (set MTQA_DEBUG=1 for the traceback; "
              "please report it)", file=sys.stderr)
        return scoring.EXIT_USAGE
