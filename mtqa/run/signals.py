"""SIGINT and SIGTERM: how a run is stopped, and the few places where it must not be.

`mtqa.cli.main` installs `handler` for both signals as its first act. The first signal is
recorded and raised as `Interrupted` (a KeyboardInterrupt, so code that already cleans up on
Ctrl-C does so for SIGTERM too); the command then ends with `mtqa: interrupted` and 130 or 143.
Later signals are only recorded: they arrive while the first one's clean-up (removing a
temporary file, stopping workers) is under way, and raising again would cut it short.

The record matters as much as the exception: some libraries catch everything (langdetect turns
a Ctrl-C while it reads its profiles into "Profile format error"), so the entry point asks
`received()` before it blames anything else.

A signal whose handler runs inside an object's finalizer (`__del__`, where Python prints an
exception and drops it) is delivered again a millisecond later by a one-shot SIGALRM timer.

`deferred()` holds both signals back for a few statements that must not be split: creating a
temporary file and registering it for removal, a rename into place, forking the worker pool.
A signal that arrives meanwhile is delivered as soon as the block ends.
"""
from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import Iterator

SIGNALS = (signal.SIGINT, signal.SIGTERM)

_state: dict = {"signum": None, "settled": False, "redeliver": False}


class Interrupted(KeyboardInterrupt):
    """Raised in the main thread by the first SIGINT or SIGTERM of a run."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def handler(signum, frame) -> None:
    if _state["signum"] is None or _state["redeliver"]:
        _state["signum"] = _state["signum"] or signum
        if _state["settled"]:
            return
        if _in_finalizer(frame):
            # Python prints an exception raised inside __del__ as "Exception ignored" and
            # drops it: the run would go on with a traceback on the screen. Deliver the signal
            # again a moment later (a finalizer takes microseconds), when it can interrupt.
            _state["redeliver"] = True
            _redeliver_soon(signum)
            return
        _state["redeliver"] = False
        raise Interrupted(signum)


def _redeliver_soon(signum: int) -> None:
    """`signum` again in a millisecond, through a one-shot SIGALRM timer (raising it at once
    would run the handler inside itself, still within the finalizer)."""
    if not hasattr(signal, "setitimer"):
        return  # no timer (Windows): the signal is recorded, and received() still reports it

    def alarm(_sig, frame):
        _cancel_redelivery()
        handler(signum, frame)

    previous = signal.signal(signal.SIGALRM, alarm)
    # A second redelivery before the first fires keeps the handler that was there before both.
    _state.setdefault("alarm", previous)
    signal.setitimer(signal.ITIMER_REAL, 0.001)


def _cancel_redelivery() -> None:
    if "alarm" in _state:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, _state.pop("alarm") or signal.SIG_DFL)


def _in_finalizer(frame) -> bool:
    """Whether `frame` runs inside an object's __del__ (regex's compiled patterns have one)."""
    while frame is not None:
        if frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return False


def settle() -> None:
    """From now on signals are only recorded: the command has ended and is reporting how."""
    _state["settled"] = True


def install() -> dict | None:
    """Install `handler` for SIGINT and SIGTERM; the previous handlers, or None where signals
    cannot be handled (not the main thread)."""
    _state["signum"] = None
    _state["settled"] = False
    _state["redeliver"] = False
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
        _cancel_redelivery()
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
