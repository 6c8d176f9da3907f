"""The entry point of the `mtqa` command: the parser, dispatch to one module per command, and the
translation of every way a run can end into an exit status (from `mtqa.scoring`).

Exit codes (CONTRACT.md): 0 = nothing at or above --fail-on, 1 = findings at or above it,
2 = usage or input error, always reported as one line on stderr, never a traceback.
"""
from __future__ import annotations

import os
import sys
from typing import Sequence

from mtqa import __version__, scoring
from mtqa.cli import check, compare, fix, rules
from mtqa.cli.common import OneLineParser, UsageError
from mtqa.io import InputError


def build_parser() -> OneLineParser:
    parser = OneLineParser(prog="mtqa", description="Machine-translation quality checks for news wires "
                                                    "and translation batches.")
    parser.add_argument("--version", action="version", version=f"mtqa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    check.add_parser(sub)
    fix.add_parser(sub)
    rules.add_parsers(sub)
    compare.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return scoring.EXIT_USAGE
    handler = {"check": check.cmd_check, "rules": rules.cmd_rules, "explain": rules.cmd_explain,
               "compare": compare.cmd_compare, "fix": fix.cmd_fix}[args.command]
    try:
        return handler(args)
    except (InputError, UsageError) as e:
        print(f"mtqa: error: {e}", file=sys.stderr)
        return scoring.EXIT_USAGE
    except KeyboardInterrupt:
        print("mtqa: interrupted", file=sys.stderr)
        return scoring.EXIT_SIGINT
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
        return scoring.EXIT_INTERNAL
