"""The numpy engine on 100,000 paths against the reference engine on a few hundred, same incomes.

A 4-lender stacking scenario (7-day, 14-day, 1-month and 12-month loans; upfront, service and
guarantee fees; late terms; approval rules) with income volatility 0.3. First the run as
`debtcoach simulate` makes it (`run.simulate` over `shards.useful_workers(paths)` processes:
one per core for large runs, drawing the incomes included), timed by the wall clock, with the
peak memory of this process (ru_maxrss) and of the largest worker (ru_maxrss of the children).
Then the engine in one process: the time per path of both engines and the speed-up per path, and
peak memory: numpy arrays (tracemalloc) and the whole process (ru_maxrss). The one-process
engine runs twice: first traced by tracemalloc (which slows it by about a third), which also
warms up the process, then timed (wall and CPU seconds: on a shared machine the CPU seconds say
more about the engine). Exits with status 1 if the engines disagree on any shared path, if the
run split over processes differs from the one-process run, or if a goal is missed: ≥ 100×
faster per path, < 5 s for 100,000 paths the way `debtcoach simulate` runs them (on two cores),
< 1 GiB in any process.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sys
import time
import tracemalloc
from typing import Any

import numpy as np

from debtcoach.sim.engine import NumpyEngine
from debtcoach.sim.incomes import draw_incomes
from debtcoach.sim.reference import ReferenceEngine
from debtcoach.sim.results import METRICS, SimResult
from debtcoach.sim.run import simulate
from debtcoach.sim.scenario import Scenario
from debtcoach.sim.shards import useful_workers

GIB = 2**30
GOAL_SPEED_UP = 100
GOAL_SECONDS = 5.0

LATE = {"penalty_rate": "0.1%/day", "late_fee": 50, "grace_days": 3}
STACKING: dict[str, Any] = {
    "months": 36,
    "borrower": {"monthly_income": 6000, "monthly_expenses": 5700, "savings": 1000,
                 "payday": 10, "income_volatility": 0.3},
    "events": [
        {"month": 0, "amount": 3000, "label": "phone screen broke"},
        {"month": 4, "amount": 1200, "every": 6, "label": "family visit"},
    ],
    "lenders": [
        {"id": "flash", "name": "FlashLoan", "max_amount": 1500, "term": "7d",
         "rate": "0.1%/day", "repayment": "bullet", "upfront_fee": "8%", "late": LATE,
         "line_growth": 0.2, "max_line": 5000},
        {"id": "fortnight", "name": "Fortnight", "max_amount": 3000, "term": "14d",
         "rate": "0.05%/day", "repayment": "bullet", "upfront_fee": "5%",
         "service_fee": "10", "late": LATE, "max_lenders": 2},
        {"id": "monthly", "name": "MonthCash", "max_amount": 5000, "term": "1m",
         "rate": "3%/month", "repeat_rate": "2.5%/month", "repayment": "interest-first",
         "service_fee": "1%", "late": LATE, "max_debt_to_income": 1.0},
        {"id": "instalment", "name": "EasyPay", "max_amount": 20000, "term": "12m",
         "rate": "24%/year", "repayment": "equal-installment", "upfront_fee": "2%",
         "guarantee_fee": "0.5%", "late": LATE, "max_debt_to_income": 0.5},
    ],
    "policy": {"when_short": "stack"},
}


def run_as_cli(scenario: Scenario, paths: int, seed: int, workers: int
               ) -> tuple[dict[str, str], float, float]:
    """Digests of the result (``digests``) of the run as `debtcoach simulate` makes it, the
    seconds it took, and the CPU seconds of this process and its workers meanwhile. Only the
    digests are kept: this process's peak memory stays the run's, not the run's plus the
    one-process run's."""
    start, cpu = time.perf_counter(), cpu_seconds()
    result = simulate(scenario, paths, seed, workers=workers)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    return digests(result), seconds, cpu


def cpu_seconds() -> float:
    """CPU seconds of this process and of its workers that have ended."""
    return sum(usage.ru_utime + usage.ru_stime for usage in (
        resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def digests(result: SimResult) -> dict[str, str]:
    """SHA-256 of every array the engines fill, by name."""
    arrays = {name: result.metrics[name] for name in METRICS} | {"state": result.state}
    return {name: hashlib.sha256(np.ascontiguousarray(values).tobytes()).hexdigest()
            for name, values in arrays.items()}


def run_numpy(scenario: Scenario, incomes: np.ndarray) -> tuple[SimResult, float, float]:
    """The result, the seconds it took and the CPU seconds this process spent meanwhile (less
    than the seconds on a machine busy with other work)."""
    start, cpu = time.perf_counter(), time.process_time()
    engine = NumpyEngine(scenario, incomes)
    engine.advance(scenario.months)
    return engine.result(), time.perf_counter() - start, time.process_time() - cpu


def numpy_array_peak(scenario: Scenario, incomes: np.ndarray) -> int:
    """Peak bytes traced while the numpy engine runs and reports (numpy reports its arrays to
    tracemalloc); the result is dropped before the timed run."""
    tracemalloc.start()
    run_numpy(scenario, incomes)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def run_reference(scenario: Scenario, incomes: np.ndarray) -> tuple[SimResult, float]:
    start = time.perf_counter()
    engine = ReferenceEngine(scenario, incomes, record_events=False)
    engine.advance(scenario.months)
    return engine.result(), time.perf_counter() - start


def disagreements(numpy: SimResult, reference: SimResult) -> list[str]:
    shared = reference.paths
    names = [name for name, values in reference.metrics.items()
             if not np.array_equal(numpy.metrics[name][:shared], values)]
    if not np.array_equal(numpy.state[:shared], reference.state):
        names.append("state")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paths", type=int, default=100_000, help="numpy engine paths")
    parser.add_argument("--months", type=int, default=36, help="months simulated")
    parser.add_argument("--reference-paths", type=int, default=200,
                        help="reference engine paths (the first of the same incomes)")
    parser.add_argument("--seed", type=int, default=0, help="income seed")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes for the run as the CLI makes it (default: as the CLI "
                             "chooses, shards.useful_workers)")
    args = parser.parse_args(argv)

    scenario = Scenario.model_validate(STACKING | {"months": args.months})
    workers = useful_workers(args.paths) if args.workers is None else args.workers
    cli_digests, cli_seconds, cli_cpu = run_as_cli(scenario, args.paths, args.seed, workers)
    cli_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024

    incomes = draw_incomes(scenario, args.paths, args.seed)
    array_peak = numpy_array_peak(scenario, incomes)
    numpy_result, numpy_seconds, numpy_cpu = run_numpy(scenario, incomes)
    shared = min(args.reference_paths, args.paths)
    reference_result, reference_seconds = run_reference(scenario, incomes[:shared])
    process_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB

    numpy_per_path = numpy_seconds / args.paths
    reference_per_path = reference_seconds / shared
    speed_up = reference_per_path / numpy_per_path
    final = numpy_result.metrics
    print(f"scenario            {len(scenario.lenders)} lenders, stack, {args.months} months, "
          f"volatility {scenario.borrower.income_volatility}")
    print(f"as the CLI runs it  {cli_seconds:.2f} s for {args.paths} paths on "
          f"{workers} process{'es' if workers > 1 else ''} ({cli_cpu:.2f} s CPU in all; "
          "incomes drawn included)")
    print(f"  peak memory       {cli_peak / 2**20:.0f} MiB this process, "
          + (f"{worker_peak / 2**20:.0f} MiB the largest worker (ru_maxrss)" if workers > 1
             else "no worker (ru_maxrss)"))
    print(f"numpy engine        {numpy_seconds:.2f} s for {args.paths} paths in one process "
          f"({numpy_cpu:.2f} s CPU)")
    print(f"reference engine    {reference_seconds:.2f} s for {shared} paths")
    print(f"reference per path  {reference_per_path * 1e3:.3f} ms")
    print(f"numpy per path      {numpy_per_path * 1e6:.2f} µs")
    print(f"speed-up per path   {speed_up:.0f}x")
    print(f"numpy arrays peak   {array_peak / 2**20:.0f} MiB (tracemalloc)")
    print(f"process peak        {process_peak / 2**20:.0f} MiB (ru_maxrss)")
    print(f"loans made          {int(final['new_loans'].sum())}, final debt median "
          f"{np.median(final['debt'][:, -1]) / 100:.2f} yuan")

    failures = [f"engines disagree on {', '.join(names)}"
                for names in [disagreements(numpy_result, reference_result)] if names]
    one_process = digests(numpy_result)
    split = [name for name, digest in one_process.items() if cli_digests[name] != digest]
    if split:
        failures.append(f"the run as the CLI makes it differs on {', '.join(split)}")
    if speed_up < GOAL_SPEED_UP:
        failures.append(f"speed-up below {GOAL_SPEED_UP}x")
    if args.paths >= 100_000 and cli_seconds >= GOAL_SECONDS:
        failures.append(f"the run as the CLI makes it took {GOAL_SECONDS:g} s or more")
    if max(array_peak, process_peak, worker_peak) >= GIB:
        failures.append("peak memory of 1 GiB or more")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
