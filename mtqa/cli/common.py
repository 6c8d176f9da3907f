"""What the commands share: the one-line usage error, the argument parser that reports it, option
parsing helpers, language resolution and the atomic report writer."""
from __future__ import annotations

import argparse
import io
import os
import sys

from mtqa import scoring
from mtqa.cli.errors import UsageError  # noqa: F401 (re-exported: the commands raise it)
from mtqa.io import InputError, InputSpec
from mtqa.io.output import atomic_write
from mtqa.resources import langid


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2 (no usage dump)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(scoring.EXIT_USAGE, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def csv_list(value: str) -> list[str]:
    """A comma-separated option value as a list, blanks dropped."""
    return [v.strip() for v in value.split(",") if v.strip()]


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


def use_color(args, out) -> bool:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    return out.isatty() or bool(os.environ.get("FORCE_COLOR"))


def write_report(report, args, render) -> None:
    """Render to `--output` atomically (see `mtqa.io.output`), else to stdout."""
    if args.output:
        atomic_write(args.output, lambda fh: render(report, fh, color=False, width=args.width or 80))
        return
    out = sys.stdout
    if out is None:
        raise InputError("<stdout>", "standard output is closed; write the report with --output FILE")
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8", errors="replace")
    color = use_color(args, out)
    try:
        width = args.width or (os.get_terminal_size(out.fileno()).columns if out.isatty() else 80)
        render(report, out, color=color, width=max(40, width))
        out.flush()
    except BrokenPipeError:
        raise  # the reader went away: main() stays quiet about it
    except OSError as e:  # a full disk or a device error behind stdout: the user's to fix, not a bug
        _drop_stdout(out)
        raise InputError("<stdout>", f"cannot write the report ({e.strerror or e}); "
                                     "free some space or use --output") from None


def _drop_stdout(out) -> None:
    """Point stdout's descriptor at /dev/null, so that the text still buffered in it cannot fail
    again (with a second message) when the interpreter flushes it at exit."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, out.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass
