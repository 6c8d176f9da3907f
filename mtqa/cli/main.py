"""The entry point of the `mtqa` command: the parser, dispatch to one module per command, and the
translation of every way a run can end into an exit status (from `mtqa.scoring`).

Exit codes (CONTRACT.md): 0 = nothing at or above --fail-on, 1 = findings at or above it,
2 = usage or input error, always reported as one line on stderr, never a traceback;
3 = a bug in mtqa; 130 / 143 = stopped by SIGINT / SIGTERM (one line, `mtqa: interrupted`).

Only light modules are imported before `main()` runs: its first act is to install the signal
handlers, and the commands (rules, word lists, sacrebleu) are imported after that, so a Ctrl-C
during start-up is reported like any other.
"""
from __future__ import annotations

import os
import signal
import sys
from typing import Sequence

from mtqa.cli import startup
from mtqa.run import signals


def build_parser():
    from mtqa import __version__
    from mtqa.cli import check, compare, fix, rules
    from mtqa.cli.common import OneLineParser

    parser = OneLineParser(prog="mtqa", description="Machine-translation quality checks for news wires "
                                                    "and translation batches.")
    parser.add_argument("--version", action="version", version=f"mtqa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    check.add_parser(sub)
    fix.add_parser(sub)
    rules.add_parsers(sub)
    compare.add_parser(sub)
    return parser


def _dispatch(argv: Sequence[str] | None) -> int:
    from mtqa import scoring
    from mtqa.cli import check, compare, fix, rules

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return scoring.EXIT_USAGE
    handler = {"check": check.cmd_check, "rules": rules.cmd_rules, "explain": rules.cmd_explain,
               "compare": compare.cmd_compare, "fix": fix.cmd_fix}[args.command]
    if args.command != "check":  # `check` resumes once its rules and input are ready
        startup.resume()
    return handler(args)


def _guarded(argv: Sequence[str] | None):
    """The command's exit code, or the exception that ended it. The signal handler raises at
    most once a run, so the outer `except` catches the one that lands while the inner one runs;
    after `settle()` signals are only recorded, and `_outcome` reports them."""
    try:
        try:
            return _dispatch(argv)
        except BaseException as e:  # noqa: B036 - every ending is mapped to an exit status below
            return e
        finally:
            signals.settle()
    except BaseException as e:  # noqa: B036
        return e


def _say(message: str) -> None:
    from mtqa.cli.errors import one_line

    try:
        print(one_line(message), file=sys.stderr)
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr closed or gone: the exit status still tells
        pass


def _outcome(result) -> int:
    from mtqa import scoring
    from mtqa.cli.errors import UsageError
    from mtqa.io.errors import InputError

    signum = signals.received()
    if signum is not None or isinstance(result, KeyboardInterrupt):
        _say("mtqa: interrupted")
        return scoring.EXIT_SIGTERM if signum == signal.SIGTERM else scoring.EXIT_SIGINT
    if isinstance(result, int):
        return result
    if isinstance(result, SystemExit):  # argparse: --help, --version, a usage error (already said)
        raise result
    if isinstance(result, (InputError, UsageError)):
        _say(f"mtqa: error: {result}")
        return scoring.EXIT_USAGE
    if isinstance(result, BrokenPipeError):
        # The reader went away (e.g. `| head`): not an error of ours, stay quiet.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return scoring.EXIT_OK
    if os.environ.get("MTQA_DEBUG"):  # a bug in mtqa: one line, the traceback only on request
        raise result
    _say(f"mtqa: internal error: {type(result).__name__}: {result} (set MTQA_DEBUG=1 for the traceback; "
         "please report it)")
    return scoring.EXIT_INTERNAL


def _clean_up(result) -> None:
    """Whatever the run leaves open: the unnamed copy of stdin, and (after an interrupt or a
    failure) any worker process still alive."""
    with signals.deferred():
        io = sys.modules.get("mtqa.io")
        if io is not None:
            io.release_spools()
        if not isinstance(result, int) and "mtqa.run.parallel" in sys.modules:
            sys.modules["mtqa.run.parallel"].stop_workers()


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the command itself: its start-up makes no garbage worth collecting
        startup.pause()
    previous = signals.install()
    if sys.stderr is None:  # started with stderr closed: messages go nowhere, never to stdout
        sys.stderr = open(os.devnull, "w")
    result = _guarded(argv)
    try:
        _clean_up(result)
        code = _outcome(result)
    finally:
        # An in-process caller (a test, a script) gets its own handlers back; the command keeps
        # ours, quiet now, until the interpreter exits, so a late Ctrl-C prints no traceback.
        if argv is not None:
            signals.restore(previous)
    if argv is None:
        _exit_without_teardown(code)
        startup.thaw()  # the ordinary exit follows: its teardown sees every object, as always
    return code


def _exit_without_teardown(code: int) -> None:
    """End the command at once, skipping the interpreter's teardown, when that is safe.

    Python's own exit frees every object one by one: after a batch that is the word tables,
    the language profiles and the caches, 50-100 ms of CPU (measured on a 10,000-segment
    target-only run) that change nothing outside the process. What an exit must still do is
    done here first: the atexit functions (logging's flush among them) and flushing stdout
    and stderr. The shortcut is taken only on one thread and without worker processes or a
    Dask client, whose shutdowns are left to the ordinary exit; it returns (and the ordinary
    exit follows) whenever a step fails, so the outcome is never worse than without it.
    Under a profiler, a coverage tracer or a debugger (`python -m cProfile -m mtqa ...`) the
    ordinary exit runs too: they write their results after the program returns."""
    import atexit
    import threading

    run_exit_functions = getattr(atexit, "_run_exitfuncs", None)  # CPython's, run at a normal exit
    if (run_exit_functions is None or threading.active_count() > 1
            or "multiprocessing" in sys.modules or "distributed" in sys.modules or _observed()):
        return
    try:
        run_exit_functions()
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # a closed pipe, a late Ctrl-C: the ordinary exit reports them as always
        return
    os._exit(code)


def _observed() -> bool:
    """Whether a profiler, tracer or debugger watches this process (sys.monitoring from 3.12)."""
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)
    return monitoring is not None and any(monitoring.get_tool(i) is not None for i in range(6))
