"""A progress bar for long batches, on stderr only, that appears after a couple of seconds.

Short runs never show it, machine-readable output on stdout is never touched, and nothing
is drawn when stderr is not a terminal.
"""
from __future__ import annotations

import sys
import time
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

DELAY_S = 2.0
_CHECK_EVERY = 64  # look at the clock every few items: it is cheap, but not free


def with_progress(items: Iterable[T], total: int | None, label: str = "checking",
                  enabled: bool | None = None) -> Iterator[T]:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield from items
        return
    start = time.monotonic()
    bar = task = None
    done = 0
    try:
        for item in items:
            yield item
            done += 1
            if done % _CHECK_EVERY:
                continue
            if bar is None and time.monotonic() - start > DELAY_S:
                from rich.console import Console
                from rich.progress import (
                    BarColumn,
                    MofNCompleteColumn,
                    Progress,
                    TextColumn,
                    TimeRemainingColumn,
                )

                bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                               TimeRemainingColumn(), console=Console(stderr=True), transient=True)
                bar.start()
                task = bar.add_task(label, total=total, completed=done)
            elif bar is not None:
                bar.update(task, completed=done)
    finally:
        if bar is not None:
            bar.stop()
