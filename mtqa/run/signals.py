"""SIGINT and SIGTERM: how a run is stopped, and the few places where it must not be.

`mtqa.cli.main` installs `handler` for both signals as its first act. The first signal is
recorded and raised as `Interrupted` (a KeyboardInterrupt, so code that already cleans up on
Ctrl-C does so for SIGTERM too); the command then ends with `mtqa: interrupted` and 130 or 143.
Later signals are only recorded: they arrive while the first one's clean-up (removing a
temporary file, stopping workers) is under way, and raising again would cut it short.

The record matters as much as the exception: some libraries catch everything (langdetect turns
a Ctrl-C while it reads its profiles into "Profile format error"), so the entry point asks
`received()` before it blames anything else.

`deferred()` holds both signals back for a few statements that must not be split: creating a
temporary file and registering it for removal, a rename into place, forking the worker pool.
A signal that arrives meanwhile is delivered as soon as the block ends.
"""
from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import Iterator

SIGNALS = (signal.SIGINT, signal.SIGTERM)

_state: dict = {"signum": None, "settled": False}


class Interrupted(KeyboardInterrupt):
    """Raised in the main thread by the first SIGINT or SIGTERM of a run."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def handler(signum, _frame) -> None:
    if _state["signum"] is None:
        _state["signum"] = signum
        if not _state["settled"]:
            raise Interrupted(signum)


def settle() -> None:
    """From now on signals are only recorded: the command has ended and is reporting how."""
    _state["settled"] = True


def install() -> dict | None:
    """Install `handler` for SIGINT and SIGTERM; the previous handlers, or None where signals
    cannot be handled (not the main thread)."""
    _state["signum"] = None
    _state["settled"] = False
    previous = {}
    try:
        for sig in SIGNALS:
            previous[sig] = signal.signal(sig, handler)
    except ValueError:  # not the main thread: signals are the caller's business
        restore(previous)
        return None
    return previous


def restore(previous: dict | None) -> None:
    if previous is None:
        return
    with deferred():
        for sig, old in previous.items():
            signal.signal(sig, old if old is not None else signal.SIG_DFL)


def received() -> int | None:
    """The signal that interrupted this run, if one did."""
    return _state["signum"]


@contextmanager
def deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back until the block ends (then a pending one is delivered)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def worker_defaults() -> None:
    """In a forked worker: Ctrl-C is the main process's business (it stops the pool), SIGTERM
    ends the worker at once and silently; then let signals through again (the pool was forked
    with them held back, so that none could reach a worker before this ran)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)
