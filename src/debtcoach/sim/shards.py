"""A large Monte Carlo run split over processes, one block of paths each.

Paths never interact, so each worker runs the numpy engine on its own block of the incomes and
writes its month reports straight into memory shared with the parent: nothing is copied back,
and the result equals a single engine's over all paths, array for array. Workers are forked
(Linux only): they start at once with the scenario and incomes already in memory.

The parent only waits. A worker's error is raised in the parent as if the run were one process
(same type and message; the worker's traceback as a note); a worker that dies is reported as
WorkerDied, a RuntimeError. The progress callback sees the slowest worker's days and may raise
to stop the run. Whatever ends the run early (an error, the callback, Ctrl-C), every worker
still running is killed and reaped and every pipe closed before the exception leaves: no process
or descriptor outlives the call. Workers ignore Ctrl-C: stopping them is the parent's decision.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
import select
import signal
import sys
import traceback
import warnings
from collections.abc import Callable
from functools import partial
from itertools import pairwise
from typing import NamedTuple, NoReturn

import numpy as np

from debtcoach.sim.engine import DAYS_PER_MONTH, MonthReports, NumpyEngine
from debtcoach.sim.results import SimResult
from debtcoach.sim.run import Progress
from debtcoach.sim.scenario import Scenario

FORKS = sys.platform == "linux"  # elsewhere fork is unsafe (macOS) or missing (Windows)
PATHS_PER_WORKER = 20_000  # below this a block's fixed cost outweighs the second core
POLL_SECONDS = 0.2  # how often the parent reports progress while waiting


class Worker(NamedTuple):
    pid: int
    number: int  # 1, 2, … in path order, for messages
    paths: tuple[int, int]  # start, stop


def useful_workers(paths: int) -> int:
    """How many processes a run of ``paths`` should use here: one per core this process may
    run on, at least PATHS_PER_WORKER paths each; always one where fork is not used."""
    if not FORKS:
        return 1
    cores = len(os.sched_getaffinity(0))
    return max(1, min(cores, paths // PATHS_PER_WORKER))


def blocks(paths: int, workers: int) -> list[tuple[int, int]]:
    """Contiguous (start, stop) blocks covering ``range(paths)`` in order, at most ``workers``
    of them, none empty, sizes differing by at most one."""
    bounds = [paths * worker // workers for worker in range(workers + 1)]
    return [(start, stop) for start, stop in pairwise(bounds) if stop > start]


def simulate_in_processes(scenario: Scenario, incomes: np.ndarray, workers: int,
                          progress: Progress | None = None) -> SimResult:
    """The whole scenario over every row of ``incomes``, the rows split among at most
    ``workers`` forked processes."""
    paths, months = incomes.shape[0], scenario.months
    # Anonymous shared mappings: written by the workers, read by the parent; no descriptor.
    reports = MonthReports.in_buffer(mmap.mmap(-1, MonthReports.nbytes(months, paths)),
                                     months, paths)
    shares = blocks(paths, workers)
    days_done = np.frombuffer(mmap.mmap(-1, 8 * len(shares)), dtype=np.int64)
    running: dict[int, Worker] = {}  # read end of a worker's pipe: the worker
    try:
        for number, (start, stop) in enumerate(shares):
            pid, read = _start(partial(_run_block, scenario, incomes[start:stop],
                                       reports.paths(start, stop), days_done[number:number + 1]))
            running[read] = Worker(pid, number + 1, (start, stop))
        _wait(running, days_done, months * DAYS_PER_MONTH, progress)
    finally:
        _stop(running)
    return SimResult(scenario=scenario,
                     start_cash=np.full(paths, scenario.borrower.savings_fen, dtype=np.int64),
                     metrics=reports.metrics(months), state=reports.state.T)


def _run_block(scenario: Scenario, incomes: np.ndarray, reports: MonthReports,
               days_done: np.ndarray) -> None:
    """One worker's block: the engine writes into the shared ``reports`` and ``days_done[0]``."""

    def report(day: int, _total: int) -> None:
        days_done[0] = day

    NumpyEngine(scenario, incomes, progress=report, reports=reports).advance(scenario.months)


def _start(work: Callable[[], None]) -> tuple[int, int]:
    """Fork a worker that runs ``work`` and leaves; its pid and the read end of its pipe."""
    read, write = os.pipe()
    try:
        # Python ≥ 3.12 warns that forking a process with threads may deadlock the child: a
        # worker only runs the engine on memory it inherited, taking no lock another thread
        # could hold, and leaves with os._exit.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:
            _run_and_leave(write, work)
    except BaseException:
        os.close(read)
        raise
    finally:
        os.close(write)
    return pid, read


def _run_and_leave(pipe: int, work: Callable[[], None]) -> NoReturn:
    """A worker's whole life: run ``work``, write to ``pipe`` nothing (success) or the pickled
    error, and leave at once with os._exit, never running the parent's code, exit handlers or
    buffered output."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        work()
        code = 0
    except BaseException as error:  # every error goes to the parent
        with contextlib.suppress(BaseException):
            _write_all(pipe, _pickled(error))
    finally:
        os._exit(code)


def _pickled(error: BaseException) -> bytes:
    """The error with the worker's traceback as a note; described as a RuntimeError if it
    cannot travel (pickle or unpickle) as itself."""
    note = "in a simulation worker:\n" + "".join(traceback.format_exception(error)).rstrip()
    error.add_note(note)
    try:
        message = pickle.dumps(error)
        pickle.loads(message)
    except Exception:
        stand_in = RuntimeError(f"{type(error).__name__}: {error}")
        stand_in.add_note(note)
        message = pickle.dumps(stand_in)
    return message


def _write_all(pipe: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(pipe, view):]


def _wait(running: dict[int, Worker], days_done: np.ndarray, days: int,
          progress: Progress | None) -> None:
    """Until every worker has left (each reaped and its pipe closed); raises the first error
    a worker reports, or WorkerDied for a worker that died."""
    received: dict[int, bytes] = {read: b"" for read in running}
    while running:
        ready, _, _ = select.select(list(running), [], [], POLL_SECONDS)
        for read in ready:
            chunk = os.read(read, 1 << 16)
            if chunk:
                received[read] += chunk
                continue
            worker = running[read]  # the pipe is closed: the worker has left
            status = os.waitpid(worker.pid, 0)[1]
            del running[read]
            os.close(read)
            if received[read]:
                raise pickle.loads(received[read])
            if status:
                raise WorkerDied(worker, status)
        if progress is not None:
            progress(int(days_done.min()), days)


class WorkerDied(RuntimeError):
    """A worker ended without finishing its block: killed by ``signal_name`` (the kernel's
    out-of-memory killer sends SIGKILL) or exited with ``exit_code``."""

    def __init__(self, worker: Worker, status: int) -> None:
        code = os.waitstatus_to_exitcode(status)
        self.number, self.paths = worker.number, worker.paths
        self.signal_name = signal.Signals(-code).name if code < 0 else None
        self.exit_code = code if code >= 0 else None
        how = (f"was killed by {self.signal_name}" if self.signal_name
               else f"exited with {self.exit_code}")
        hint = " (out of memory?)" if self.signal_name == "SIGKILL" else ""
        start, stop = worker.paths
        super().__init__(f"simulation worker {worker.number} (paths {start}–{stop - 1}) "
                         f"{how}{hint}")


def _stop(running: dict[int, Worker]) -> None:
    """Kill and reap the workers still running (after an error or a stop), closing their
    pipes."""
    for read, worker in list(running.items()):
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(worker.pid, 0)
        os.close(read)
        del running[read]
