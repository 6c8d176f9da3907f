"""Run the engine on a Dask cluster (`mtqa check --dask ADDRESS`, or `--dask local`).

The client reads the input as usual and sends it to the cluster in partitions of PARTITION
segments; each task runs exactly what one process runs (`engine.check_segment` with the run's
rules, context and metrics, keeping each segment's sacrebleu statistics) and sends back the
results without the segments (the client still holds them). The client yields the results in
input order and adds the statistics to the run's corpus sums in that order, so the report is
byte for byte the one `--jobs 1` writes, corpus scores included (tests compare the JSON).

Memory on the client stays bounded: at most `window` partitions are in flight (by default two per
worker thread), and a partition is forgotten once its results have been written. Each task carries
its own segments and a pickled copy of the run's set-up (rule codes, context, metric names: a few
hundred bytes, unpickled once per worker and cached), so a worker lost mid-run costs nothing but time: the
scheduler hands its tasks to another worker, which recomputes them from the task alone.

`dask[distributed]` is an optional extra: it is imported only when `--dask` is given, and its
absence is a one-line error that says how to install it. Every way the cluster can fail to
start or answer is a ClusterError (the CLI reports it as a usage error, exit 2).
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import logging
import os
import pickle
import uuid
from collections import deque
from typing import Callable, Iterable, Iterator

from mtqa import __version__
from mtqa.context import Context
from mtqa.metrics.scores import MetricSuite
from mtqa.model import Segment, SegmentResult
from mtqa.rules import Rule
from mtqa.run.batches import batches, check_rows, results

#: Segments per task. Larger than `--jobs` chunks: a Dask task costs about a millisecond of
#: scheduling and a network round trip, and 512 segments are half a second to a few seconds of work.
PARTITION = 512
#: Seconds to wait for a cluster to answer before saying it cannot be reached (MTQA_DASK_TIMEOUT).
CONNECT_TIMEOUT = 10.0
INSTALL_HINT = "--dask needs Dask: pip install 'mtqa[dask]' (dask[distributed])"

#: Set-ups unpickled on this worker, by the hash of their bytes (a worker serves one run at a
#: time in practice; two entries cover a client that restarts against a warm cluster).
_SETUPS: dict[str, tuple] = {}


class ClusterError(Exception):
    """The cluster cannot be used: Dask missing, address unreachable, workers absent."""


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise ClusterError(INSTALL_HINT) from None
    return distributed


def _timeout() -> float:
    try:
        return float(os.environ.get("MTQA_DASK_TIMEOUT", CONNECT_TIMEOUT))
    except ValueError:
        raise ClusterError("MTQA_DASK_TIMEOUT must be a number of seconds") from None


def connect(address: str, workers: int):
    """A Client on `address`, or on a new LocalCluster of `workers` single-threaded processes when
    `address` is "local". Returns (client, cluster or None)."""
    distributed = _import_distributed()
    timeout = _timeout()
    if not os.environ.get("MTQA_DEBUG"):
        # Dask logs a lost connection or a worker's exit as a traceback on stderr; mtqa says what
        # failed in one line (ClusterError) instead. MTQA_DEBUG=1 keeps Dask's logs. Dask's logging
        # configuration sets levels on child loggers (distributed.client, ...), so each is set.
        names = [n for n in logging.root.manager.loggerDict if n.startswith("distributed.")]
        for name in ("distributed", *names):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    cluster = None
    try:
        if address == "local":
            # One thread per process: the checks are pure Python and hold the GIL. Loopback only,
            # and the scheduler's web server (which Dask starts even without a dashboard) on a free
            # port: its default 8787 may be taken, and Dask then warns on stderr.
            cluster = distributed.LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                               host="127.0.0.1", dashboard_address=":0",
                                               silence_logs=logging.CRITICAL)
            client = distributed.Client(cluster, timeout=timeout)
        else:
            client = distributed.Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError, TypeError) as e:
        if cluster is not None:
            cluster.close()
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ClusterError(f"cannot reach the Dask cluster at {address}: {first}") from None
    return client, cluster


def _setup(blob: bytes, digest: str) -> tuple:
    """The run's rules, context and a MetricSuite of its own, unpickled once per worker."""
    got = _SETUPS.get(digest)
    if got is None:
        version, codes, ctx, names = pickle.loads(blob)
        if version != __version__:
            # Findings may differ between versions: mixing them would break the byte-for-byte promise.
            raise RuntimeError(f"this Dask worker runs mtqa {__version__}, the client mtqa {version}: "
                               "install the same version on both")
        from mtqa import rules as rules_mod

        rules_mod.all_rules()  # imports the check modules, which fill the registry
        rules = tuple(rules_mod.REGISTRY[code] for code in codes)
        if len(_SETUPS) >= 2:
            _SETUPS.clear()
        got = _SETUPS[digest] = (rules, ctx, names)
    return got


def rule_codes(rules: Iterable[Rule]) -> tuple[str, ...]:
    """The codes that name `rules` on a worker: rules travel by code, as the worker's own registered
    Rule objects (a check function is not always picklable by reference, and need not travel)."""
    from mtqa import rules as rules_mod

    codes = []
    for r in rules:
        if rules_mod.REGISTRY.get(r.code) is not r:
            raise ClusterError(f"rule {r.code} is not a registered rule: it cannot run on a Dask worker")
        codes.append(r.code)
    return tuple(codes)


def check_partition(blob: bytes, digest: str, segments: list[Segment]) -> list[tuple]:
    """The task a worker runs: what `engine.run` does to these segments in one process."""
    rules, ctx, names = _setup(blob, digest)
    # A fresh MetricSuite per task: its corpus sums are not used here (the client sums), and a
    # shared one would grow the worker's nrefs set across runs for nothing.
    metrics = MetricSuite(names) if names else None
    return check_rows(segments, rules, ctx, metrics)


def _killed_worker() -> type:
    from distributed import KilledWorker

    return KilledWorker


def local_workers(jobs: int | None) -> int:
    """Workers of `--dask local`: `--jobs N` as given, else one per CPU (at most AUTO_MAX_JOBS)."""
    from mtqa.run.parallel import AUTO_MAX_JOBS, cpu_count

    if jobs:
        return jobs
    return cpu_count() if jobs == 0 else min(cpu_count(), AUTO_MAX_JOBS)


def _threads(client, least: int = 1) -> int:
    try:
        return max(least, sum(client.nthreads().values()))
    except Exception:  # an old scheduler, or one that lost its workers: any positive number will do
        return max(least, 1)


def run_dask(segments: Iterable[Segment], rules: Iterable[Rule], ctx: Context, metrics: MetricSuite | None,
             address: str, workers: int = 2, partition: int = PARTITION,
             window: int | None = None, notify: Callable[[str], None] | None = None) -> Iterator[SegmentResult]:
    """Like `engine.run`, on a Dask cluster; results in input order. The cluster is reached (or
    started) now, so that a ClusterError comes before any output; it is closed when the returned
    generator ends, however it ends: an interrupted run cancels its futures first. `notify` is
    told, in a sentence, when the run waits for workers (a job queue may take minutes to start them)."""
    names = metrics.names if metrics is not None else None
    blob = pickle.dumps((__version__, rule_codes(rules), ctx, names), protocol=pickle.HIGHEST_PROTOCOL)
    client, cluster = connect(address, workers)
    if notify is not None and not _threads(client, 0):
        notify(f"no Dask worker has joined {address} yet: waiting for one (Ctrl-C to stop)")
    if window is None:
        window = 2 * _threads(client)
    return _stream(client, cluster, segments, metrics, (blob, hashlib.sha1(blob).hexdigest()),
                   partition, max(1, window))


def _stream(client, cluster, segments, metrics, setup, partition, window) -> Iterator[SegmentResult]:
    pending: deque = deque()
    run_id = uuid.uuid4().hex[:8]
    try:
        for k, part in enumerate(batches(segments, partition)):
            # pure=False and a key of our own: two runs on the same input must not share results,
            # and the key tells which run and partition a task is in the dashboard and the logs.
            future = client.submit(check_partition, *setup, part, key=f"mtqa-{run_id}-{k}", pure=False)
            pending.append((part, future))
            if len(pending) >= window:
                part, future = pending.popleft()
                yield from results(part, future.result(), metrics)
        while pending:
            part, future = pending.popleft()
            yield from results(part, future.result(), metrics)
    except (OSError, TimeoutError, asyncio.CancelledError, concurrent.futures.CancelledError, _killed_worker()) as e:
        # The scheduler went away, or a partition killed worker after worker (Dask gives up after
        # `distributed.scheduler.allowed-failures`): the cluster failed, not the input or mtqa.
        # A CheckError raised by a worker is not caught: it is a bug and goes up as one.
        raise ClusterError(f"the Dask cluster failed mid-run: {type(e).__name__}: {e}".splitlines()[0]) from None
    finally:
        if pending:  # interrupted or failed: nothing more is to be computed for this run
            # Ctrl-C reaches a local cluster's workers too (one process group): their nannies, which
            # run in this process, would log each one's exit with a traceback. The user asked to stop.
            logging.getLogger("distributed").setLevel(logging.CRITICAL + 1)
            try:
                client.cancel([f for _, f in pending])
            except Exception:  # the cluster may be what failed; closing is all that is left
                pass
        client.close()
        if cluster is not None:
            cluster.close()
