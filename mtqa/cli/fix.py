"""`mtqa fix`: apply the safe, mechanical fixes of the findings and write the input back in its
own format: the fixed file on stdout, a unified diff (`--diff`), or the file rewritten in place
(`--write`, atomically, keeping its permissions).

The input is read and validated exactly as `check` reads it, so a bad file exits 2 with one
line and nothing written. The exit status follows `check` too, for what is left after fixing:
1 when a finding at or above --fail-on remains (it needs a person), else 0.
"""
from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
from collections import Counter

from mtqa import rules as rules_mod
from mtqa import scoring
from mtqa.cli.check import add_limit_options, input_spec
from mtqa.cli.common import UsageError, csv_list, resolve_languages
from mtqa.config import settings as config
from mtqa.context import Context
from mtqa.fix.formats import WRITERS, FormatError
from mtqa.io import RECORD_FORMATS, InputError


def add_parser(sub) -> argparse.ArgumentParser:
    fix = sub.add_parser(
        "fix", help="apply the safe, mechanical fixes of the findings",
        description="Apply the mechanical fixes that findings carry (scraped boilerplate deleted, "
                    "spacing mended, reversed quotation marks turned round) and nothing else: "
                    "numbers, names and negations stay findings for a person. Prints the fixed "
                    "file; --diff prints a unified diff; --write rewrites the file in place.")
    fix.add_argument("input", nargs="*", metavar="INPUT",
                     help="records file (JSONL, TSV, CSV, XLIFF, TMX or PO; '-' for stdin), or the "
                          "article with --doc")
    fix.add_argument("--hyp", metavar="FILE", help="the translation: line-aligned text, or the article with --doc")
    fix.add_argument("--src", metavar="FILE", help="the source, aligned with --hyp (some checks use it)")
    fix.add_argument("--ref", metavar="FILE", action="append", default=[], help=argparse.SUPPRESS)
    fix.add_argument("--doc", action="store_true", help="the file is one whole article")
    fix.add_argument("--input-format", choices=RECORD_FORMATS, help="format of INPUT (default: from the extension)")
    fix.add_argument("--src-lang", metavar="LANG", help="source language (ISO 639-1)")
    fix.add_argument("--tgt-lang", metavar="LANG", help="target language (ISO 639-1); detected when omitted")
    fix.add_argument("--select", type=csv_list, metavar="CODES", help="rules whose fixes to apply (as in check)")
    fix.add_argument("--ignore", type=csv_list, metavar="CODES", help="rules whose fixes not to apply")
    fix.add_argument("--preview", action="store_true", default=None, help="also run preview rules")
    fix.add_argument("--fail-on", choices=scoring.FAIL_ON_CHOICES,
                     help="exit 1 when a finding of this severity or worse remains after fixing (default: major)")
    fix.add_argument("--config", metavar="FILE", help="configuration file (as in check)")
    fix.add_argument("--isolated", action="store_true", help="ignore configuration files")
    add_limit_options(fix)
    out = fix.add_mutually_exclusive_group()
    out.add_argument("--diff", action="store_true", help="print a unified diff instead of the fixed file")
    out.add_argument("--write", action="store_true", help="rewrite the file in place (atomically)")
    return fix


def _target(spec) -> tuple[str, str, str]:
    """(path, display name, writer format) of the file that holds the translations."""
    if spec.mode == "document":
        return spec.hyp[0], spec.hyp[1], "document"
    if spec.records is not None:
        if spec.more_records:
            raise UsageError("mtqa fix takes one records file at a time")
        fmt = spec.format_of(spec.records)
        return spec.records[0], spec.records[1], fmt
    return spec.hyp[0], spec.hyp[1], "lines"


def _write(fmt: str, raw: str, changes, notes: list[str]) -> str:
    if fmt in WRITERS:
        return WRITERS[fmt](raw, changes)
    from mtqa.fix.markup import WRITERS as MARKUP_WRITERS

    return MARKUP_WRITERS[fmt](raw, changes, notes)


def cmd_fix(args) -> int:

    from mtqa.fix.engine import fix_segment  # here: `mtqa --help` need not load the engine
    settings = config.resolve(args, config.load(args.config, args.isolated))
    try:
        selected = rules_mod.select(settings.select, settings.ignore, preview=settings.preview)
    except ValueError as e:
        raise UsageError(str(e)) from None
    if not args.input and not args.hyp:
        raise UsageError("mtqa fix needs a file: INPUT (records, or the article with --doc) or --hyp FILE")
    spec = input_spec(args)
    path, display, fmt = _target(spec)
    if args.write and display == "<stdin>":
        raise UsageError("--write needs a file, not standard input")
    spec.validate(settings.src_lang, settings.tgt_lang)
    langs = resolve_languages(spec, settings.src_lang, settings.tgt_lang)
    ctx = Context(src_lang=langs["src"], tgt_lang=langs["tgt"], project=settings.project)
    changes, applied, remaining = [], Counter(), []
    for segment in spec.segments(langs["src"], langs["tgt"]):
        result = fix_segment(segment, selected, ctx)
        changes.append((segment.hyp, result.text))
        applied.update(f.rule for f in result.applied)
        remaining.extend(result.remaining)
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:  # XML and PO may declare another encoding; checking copes, fixing does not
        raise InputError(display, "cannot be fixed in place: mtqa fix edits UTF-8 files only") from None
    notes: list[str] = []
    try:
        fixed = _write(fmt, raw, changes, notes)
    except FormatError as e:
        raise InputError(display, f"cannot be fixed in place: {e}") from None
    for note in notes:
        print(f"mtqa: {display}: {note}", file=sys.stderr)
    _emit(args, path, display, raw, fixed)
    n = sum(applied.values())
    summary = ", ".join(f"{code} {k}" for code, k in sorted(applied.items())) or "nothing to fix"
    print(f"mtqa: {n} fix{'es' * (n != 1)} applied ({summary}); {len(remaining)} finding"
          f"{'s' * (len(remaining) != 1)} left for a person", file=sys.stderr)
    threshold = scoring.fail_threshold(settings.fail_on)
    failed = threshold is not None and any(f.severity >= threshold for f in remaining)
    return scoring.exit_code(failed)


def _emit(args, path: str, display: str, raw: str, fixed: str) -> None:
    if args.diff:
        out = sys.stdout
        out.writelines(difflib.unified_diff(raw.splitlines(True), fixed.splitlines(True),
                                            f"a/{display.lstrip('/')}", f"b/{display.lstrip('/')}"))
        out.flush()
        return
    if args.write:
        if fixed != raw:
            write_atomically(path, fixed.encode("utf-8"))
        return
    sys.stdout.buffer.write(fixed.encode("utf-8")) if hasattr(sys.stdout, "buffer") else sys.stdout.write(fixed)
    sys.stdout.flush()


def write_atomically(path: str, data: bytes) -> None:
    """Replace `path` with `data` through a temporary file in the same directory, keeping the
    file's permission bits (a reader never sees half a file; a failure leaves the original).
    A symbolic link is followed, so the link stays a link to the fixed file."""
    path = os.path.realpath(path)
    directory = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=".mtqa-fix-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
