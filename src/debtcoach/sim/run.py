"""Start a simulation with the chosen engine; the numpy engine unless asked for the reference."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from debtcoach.sim.incomes import draw_incomes
from debtcoach.sim.results import Engine, SimResult
from debtcoach.sim.scenario import Scenario
from debtcoach.sim.summary import EVENTS_UP_TO_PATHS

EngineName = Literal["numpy", "reference"]
Progress = Callable[[int, int], None]  # (days simulated, days in all); may raise to stop


def check_size(scenario: Scenario, paths: int) -> None:
    """Raise InputError("paths", "memory_budget") for a run too large for memory (slots as a
    first need may take: a loan from every lender)."""
    from debtcoach.sim.engine import check_memory

    check_memory(paths, scenario.months, max(scenario.slots, len(scenario.lenders)))


def start(
    scenario: Scenario,
    paths: int = 1,
    seed: int = 0,
    engine: EngineName = "numpy",
    record_events: bool | None = None,
    progress: Progress | None = None,
) -> Engine:
    """An engine at day 0; events are recorded by default only for small runs (they are a log
    for lessons and warnings, not for 100,000 Monte Carlo paths)."""
    incomes = draw_incomes(scenario, paths, seed)
    record = paths <= EVENTS_UP_TO_PATHS if record_events is None else record_events
    if engine == "reference":
        from debtcoach.sim.reference import ReferenceEngine

        return ReferenceEngine(scenario, incomes, record_events=record)
    from debtcoach.sim.engine import NumpyEngine

    return NumpyEngine(scenario, incomes, record_events=record, progress=progress)


def simulate(
    scenario: Scenario,
    paths: int = 1,
    seed: int = 0,
    engine: EngineName = "numpy",
    progress: Progress | None = None,
    workers: int = 1,
) -> SimResult:
    """Run the whole scenario. The numpy engine splits a run of more than EVENTS_UP_TO_PATHS
    paths (smaller runs record events) among up to ``workers`` processes where it can fork
    (``shards.useful_workers`` says how many help); the result is the same as one process's."""
    from debtcoach.sim import shards

    if engine == "numpy" and workers > 1 and paths > EVENTS_UP_TO_PATHS and shards.FORKS:
        incomes = draw_incomes(scenario, paths, seed)
        return shards.simulate_in_processes(scenario, incomes, workers, progress)
    running = start(scenario, paths, seed, engine, progress=progress)
    running.advance(scenario.months)
    return running.result()
