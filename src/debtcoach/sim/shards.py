"""A large Monte Carlo run split over processes, one block of paths each.

Paths never interact, so each worker runs the numpy engine on its own block of the incomes and
writes its month reports straight into memory shared with the parent: nothing is copied back,
and the result equals a single engine's over all paths, array for array. Workers are forked
(Linux only): they start at once with the scenario and incomes already in memory. A worker's
error is raised in the parent as if the run were one process; the progress callback sees the
slowest worker's days, and may raise to stop the run (every worker is then stopped).
"""

from __future__ import annotations

import itertools
import mmap
import os
import pickle
import select
import signal
import sys
import warnings
from collections.abc import Callable

import numpy as np

from debtcoach.sim.engine import MonthReports, NumpyEngine
from debtcoach.sim.results import SimResult
from debtcoach.sim.scenario import Scenario

Progress = Callable[[int, int], None]
DAYS_PER_MONTH = 30
PATHS_PER_WORKER = 20_000  # below this a block's fixed cost outweighs the second core
POLL_SECONDS = 0.2  # how often the parent reports progress while waiting


def useful_workers(paths: int) -> int:
    """How many processes a run of ``paths`` should use here: one per core this process may
    run on, at least PATHS_PER_WORKER paths each; always one where fork is not used."""
    if sys.platform != "linux":
        return 1
    cores = len(os.sched_getaffinity(0))
    return max(1, min(cores, paths // PATHS_PER_WORKER))


def blocks(paths: int, workers: int) -> list[tuple[int, int]]:
    """``workers`` contiguous blocks of paths, sizes differing by at most one."""
    bounds = np.linspace(0, paths, workers + 1).round().astype(int).tolist()
    return [(start, stop) for start, stop in itertools.pairwise(bounds)
            if stop > start]


def simulate_in_processes(scenario: Scenario, incomes: np.ndarray, workers: int,
                          progress: Progress | None = None) -> SimResult:
    """The whole scenario over every row of ``incomes``, the rows split among ``workers``
    forked processes."""
    paths, months = incomes.shape[0], scenario.months
    shared = mmap.mmap(-1, MonthReports.nbytes(months, paths))  # anonymous, shared on fork
    reports = MonthReports.in_buffer(shared, months, paths)
    days_done = np.frombuffer(mmap.mmap(-1, 8 * workers), dtype=np.int64)
    running: dict[int, tuple[int, int]] = {}  # read end of a worker's pipe: (pid, worker)
    try:
        for worker, (start, stop) in enumerate(blocks(paths, workers)):
            read, write = os.pipe()
            pid = _fork()
            if pid == 0:  # the worker: never returns
                os.close(read)
                _work(write, scenario, incomes[start:stop], reports.paths(start, stop),
                      days_done[worker:worker + 1])
            os.close(write)
            running[read] = (pid, worker)
        _wait(running, days_done, months * DAYS_PER_MONTH, progress)
    finally:
        for read, (pid, _) in running.items():  # only after an error or a stop
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read)
    return SimResult(scenario=scenario,
                     start_cash=np.full(paths, scenario.borrower.savings_fen, dtype=np.int64),
                     metrics=reports.metrics(months), state=reports.state.T)


def _fork() -> int:
    """os.fork, without Python 3.12's warning that a forked child of a process with threads
    may deadlock: a worker only runs the engine on memory it inherited and leaves with
    os._exit, taking no lock another thread could hold."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()


def _work(pipe: int, scenario: Scenario, incomes: np.ndarray, reports: MonthReports,
          days_done: np.ndarray) -> None:
    """Run one block and leave, writing to ``pipe`` nothing (success) or the pickled error."""
    code = 1
    try:
        def report(day: int, _total: int) -> None:
            days_done[0] = day

        engine = NumpyEngine(scenario, incomes, progress=report, reports=reports)
        engine.advance(scenario.months)
        code = 0
    except BaseException as error:  # every error goes to the parent
        try:
            message = pickle.dumps(error)
        except Exception:  # an error that cannot be pickled is described
            message = pickle.dumps(RuntimeError(f"{type(error).__name__}: {error}"))
        os.write(pipe, message)
    finally:
        os._exit(code)


def _wait(running: dict[int, tuple[int, int]], days_done: np.ndarray, days: int,
          progress: Progress | None) -> None:
    """Until every worker is done; raises the first worker's error."""
    received: dict[int, bytes] = {read: b"" for read in running}
    while running:
        ready, _, _ = select.select(list(running), [], [], POLL_SECONDS)
        for read in ready:
            chunk = os.read(read, 1 << 16)
            if chunk:
                received[read] += chunk
                continue
            pid, worker = running.pop(read)
            os.close(read)
            status = os.waitpid(pid, 0)[1]
            if received[read]:
                raise pickle.loads(received[read])
            if status != 0:
                raise RuntimeError(f"simulation worker {worker + 1} stopped unexpectedly "
                                   f"(status {status})")
        if progress is not None:
            progress(int(days_done.min()), days)
