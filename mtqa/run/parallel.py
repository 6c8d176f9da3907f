"""Run the engine over chunks of segments in worker processes (`mtqa check --jobs N`).

The main process reads the input, hands chunks of segments to `jobs` forked workers and yields
their results in input order; it keeps at most `2 * jobs` chunks in flight, so memory stays
flat. Each worker runs exactly what `engine.run` runs (same rules, same context, its own metric
objects) and sends back, with each result, the segment's sacrebleu statistics; the main process
adds them to the run's corpus sums in input order, so corpus scores are the same numbers as a
single-process run (a test compares the whole JSON reports).

Workers are forked (they inherit the loaded rules and data); where fork is not available the
run stays in one process. Without `--jobs`, a batch of at least AUTO_MIN_SEGMENTS segments uses
one worker per CPU this process may run on (at most AUTO_MAX_JOBS), as ruff does: a CI gate on
a large batch should use the machine; a small batch stays in one process, where forking would
cost more than it saves.
"""
from __future__ import annotations

import os
from collections import deque
from typing import TYPE_CHECKING, Iterable, Iterator

from mtqa.io.errors import InputError
from mtqa.model import Segment, SegmentResult
from mtqa.run import signals
from mtqa.run.batches import batches, check_rows, results

if TYPE_CHECKING:  # the engine (and sacrebleu under it) loads when a run starts, not for `--help`
    from mtqa.context import Context
    from mtqa.metrics.scores import MetricSuite
    from mtqa.rules import Rule

#: Segments per task: large enough that pickling and queueing cost little, small enough that the
#: first results come quickly and memory stays small.
CHUNK = 256

_worker: dict = {}


def available() -> bool:
    import multiprocessing  # here, not above: `mtqa --help` need not load it

    return "fork" in multiprocessing.get_all_start_methods()


#: Most workers an automatic run starts: each holds the word lists and tables (about 250 MiB
#: resident once its pages are touched), so a 64-CPU machine should not hold 64 copies unless
#: `--jobs 0` asks for it.
AUTO_MAX_JOBS = 8
#: Below this many segments an automatic run stays in one process: two chunks, so that two workers
#: both get work. Measured on DEMETR with source and reference, 2 CPUs, two workers against one:
#: 300 segments 1.34 s against 1.59 s, 1,000 segments 1.80 s against 2.59 s (whole command).
#: Smaller batches gain a quarter of a second at most; one process keeps them simple to debug.
AUTO_MIN_SEGMENTS = 2 * CHUNK


def cpu_count() -> int:
    """CPUs this process may run on (its affinity mask, as a container or `taskset` sets it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None, total: int | None = None) -> int:
    """Worker processes for a run: `--jobs N` as given, `--jobs 0` one per CPU; without `--jobs`,
    one per CPU (at most AUTO_MAX_JOBS) for a batch of at least AUTO_MIN_SEGMENTS segments, else
    one process (also when the size of the input is not known)."""
    if jobs is None:
        large = total is not None and total >= AUTO_MIN_SEGMENTS and available()
        return min(cpu_count(), AUTO_MAX_JOBS) if large else 1
    return cpu_count() if jobs == 0 else jobs


def _init(rules: tuple[Rule, ...], ctx: Context, metric_names: tuple[str, ...] | None) -> None:
    signals.worker_defaults()  # the main process handles Ctrl-C and stops the pool
    _worker["rules"] = rules
    _worker["ctx"] = ctx
    from mtqa.metrics.scores import MetricSuite

    _worker["metrics"] = MetricSuite(metric_names) if metric_names else None


def _check_chunk(segments: list[Segment]) -> list[tuple]:
    return check_rows(segments, _worker["rules"], _worker["ctx"], _worker["metrics"])


def run_parallel(segments: Iterable[Segment], rules: Iterable[Rule], ctx: Context,
                 metrics: MetricSuite | None = None, jobs: int = 2, chunk: int = CHUNK) -> Iterator[SegmentResult]:
    """Like `engine.run`, over `jobs` worker processes; results in input order."""
    from mtqa.engine import run

    rules = tuple(rules)
    if jobs <= 1 or not available():
        yield from run(segments, rules, ctx, metrics)
        return
    names = metrics.names if metrics is not None else None
    import multiprocessing

    pool = None
    try:
        # Forked with SIGINT and SIGTERM held back: a signal now waits until `pool` is set (and
        # this `try` can stop it), and no worker sees one before `_init` has set its own handlers.
        # The pool's threads keep the signals blocked, so they always reach the main thread.
        try:
            with signals.deferred():
                pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_init,
                                                                 initargs=(rules, ctx, names))
        except OSError as e:  # no more processes or memory for them: the user's to lower
            raise InputError("--jobs", f"cannot start {jobs} worker processes ({e.strerror or e}); "
                                       "use fewer") from None
        workers = list(getattr(pool, "_pool", ()))
        pending: deque = deque()
        for batch in batches(segments, chunk):
            pending.append((batch, pool.apply_async(_check_chunk, (batch,))))
            if len(pending) >= 2 * jobs:
                batch, job = pending.popleft()
                yield from results(batch, _wait(job, workers), metrics)
        while pending:
            batch, job = pending.popleft()
            yield from results(batch, _wait(job, workers), metrics)
        pool.close()
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


def _wait(job, workers: list) -> list[tuple]:
    """The job's result. A worker never exits while the pool runs; one that did was killed (the
    out-of-memory killer, a stray `kill`) and took its chunk with it: the pool would wait for
    that chunk forever, so stop with an error instead."""
    while not job.ready():
        job.wait(0.25)
        dead = next((w for w in workers if w.exitcode is not None), None)
        if dead is not None and not job.ready():
            how = f"by signal {-dead.exitcode}" if dead.exitcode < 0 else f"with status {dead.exitcode}"
            raise InputError("--jobs", f"a worker process was stopped {how} (out of memory?); "
                                       "run again, with fewer --jobs or --jobs 1")
    return job.get()


def stop_workers(grace: float = 0.5) -> None:
    """End every worker process this process started and still has (after an interrupt or an
    error: a cancelled CI job must not leave busy workers behind)."""
    import sys

    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is None:
        return  # never loaded: no worker was ever started
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(grace)
        if child.is_alive():
            child.kill()
            child.join(grace)
