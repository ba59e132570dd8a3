"""A Monte Carlo run split over forked processes gives one engine's result, array for array;
an error, a dying worker or a progress callback that stops the run reaches the caller, and no
child process or descriptor is left behind."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from benchmarks.engine import STACKING
from hypothesis import given
from hypothesis import strategies as st

from debtcoach.sim import shards
from debtcoach.sim.engine import NumpyEngine
from debtcoach.sim.incomes import draw_incomes
from debtcoach.sim.loader import load_scenario
from debtcoach.sim.results import DERIVED, METRICS, SimResult
from debtcoach.sim.run import simulate
from debtcoach.sim.scenario import Scenario
from tests.sim.forks import Forks, forks_fixture  # noqa: F401 (the fixture "forks")

pytestmark = pytest.mark.skipif(not shards.FORKS, reason="runs split over processes on Linux")

SCENARIOS = Path(__file__).parents[2] / "lessons" / "scenarios"


def lesson(name: str, **borrower: Any) -> Scenario:
    scenario = load_scenario((SCENARIOS / f"{name}.toml").read_text(), name)
    return scenario.model_copy(update={
        "borrower": scenario.borrower.model_copy(update=borrower)})


def stacking(months: int) -> Scenario:
    return Scenario.model_validate(STACKING | {"months": months})


def assert_same(one: SimResult, split: SimResult) -> None:
    for name in METRICS + DERIVED:
        assert np.array_equal(one.metrics[name], split.metrics[name]), name
        assert one.metrics[name].dtype == split.metrics[name].dtype, name
    assert np.array_equal(one.state, split.state)
    assert np.array_equal(one.start_cash, split.start_cash)


# --- the same result -------------------------------------------------------------------------

@pytest.mark.parametrize(("scenario", "paths", "workers"), [
    (lesson("many-apps").model_copy(update={"months": 8}), 601, 2),
    (lesson("part2-rider").model_copy(update={"months": 8}), 301, 3),  # 100, 100, 101
    (lesson("part2-way-out-avalanche", income_volatility=0.3), 250, 2),
    (lesson("part1-stacking", income_volatility=0.3), 400, 3),  # 133, 133, 134
    (stacking(months=12), 1000, 3),  # 333, 333, 334
], ids=["many-apps", "part2-rider", "way-out-avalanche", "part1-stacking", "benchmark"])
def test_a_split_run_equals_one_engine(scenario: Scenario, paths: int, workers: int,
                                       forks: Forks) -> None:
    one = simulate(scenario, paths, seed=5, workers=1)
    assert not forks.pids
    assert_same(one, simulate(scenario, paths, seed=5, workers=workers))
    assert len(forks.pids) == workers
    forks.assert_nothing_left()


@pytest.mark.parametrize(("paths", "workers"), [(5, 4), (5, 8), (2, 2), (1, 3)])
def test_blocks_of_one_or_two_paths_and_more_workers_than_paths(paths: int, workers: int,
                                                                forks: Forks) -> None:
    scenario = lesson("part2-rider", income_volatility=0.5).model_copy(update={"months": 4})
    incomes = draw_incomes(scenario, paths, 9)
    one = NumpyEngine(scenario, incomes)
    one.advance(scenario.months)
    assert_same(one.result(), shards.simulate_in_processes(scenario, incomes, workers))
    assert len(forks.pids) == min(paths, workers)
    forks.assert_nothing_left()


def test_progress_rises_to_every_day_of_the_run(forks: Forks) -> None:
    calls: list[tuple[int, int]] = []
    scenario = lesson("part2-rider").model_copy(update={"months": 4})
    simulate(scenario, 300, workers=2, progress=lambda *call: calls.append(call))
    days = [done for done, _ in calls]
    assert days == sorted(days)
    assert {total for _, total in calls} == {4 * 30}
    assert days[-1] == 4 * 30
    forks.assert_nothing_left()


def test_where_fork_is_not_used_the_run_stays_in_one_process(
        monkeypatch: pytest.MonkeyPatch, forks: Forks) -> None:
    monkeypatch.setattr(shards, "FORKS", False)
    scenario = lesson("many-apps").model_copy(update={"months": 3})
    assert shards.useful_workers(10**6) == 1
    assert_same(simulate(scenario, 200, workers=1), simulate(scenario, 200, workers=2))
    assert not forks.pids


def test_small_runs_stay_in_one_process_and_keep_their_events(forks: Forks) -> None:
    result = simulate(lesson("many-apps").model_copy(update={"months": 3}), 100, workers=2)
    assert not forks.pids
    assert result.events


def test_useful_workers_one_per_core_with_enough_paths_each() -> None:
    cores = len(os.sched_getaffinity(0))
    assert shards.useful_workers(1) == 1
    assert shards.useful_workers(2 * shards.PATHS_PER_WORKER - 1) == 1
    assert shards.useful_workers(2 * shards.PATHS_PER_WORKER) == min(2, cores)
    assert shards.useful_workers(64 * shards.PATHS_PER_WORKER) == min(64, cores)


@given(paths=st.integers(1, 10**7), workers=st.integers(1, 200))
def test_blocks_are_contiguous_cover_every_path_and_differ_by_one_at_most(
        paths: int, workers: int) -> None:
    parts = shards.blocks(paths, workers)
    assert len(parts) == min(paths, workers)
    assert parts[0][0] == 0
    assert parts[-1][1] == paths
    assert all(stop == start for (_, stop), (start, _) in pairwise(parts))
    sizes = [stop - start for start, stop in parts]
    assert min(sizes) >= 1
    assert max(sizes) - min(sizes) <= 1


# --- errors and stops ------------------------------------------------------------------------

class BlockFailed(Exception):
    """Raised by one block's engine."""


class Unpicklable(Exception):
    def __init__(self, message: str, callback: Callable[[], None]) -> None:
        super().__init__(message)
        self.callback = callback


def wait_until_killed() -> None:
    """A worker that never finishes by itself; bounded, so a worker the run fails to stop
    makes the test fail instead of hanging the suite."""
    time.sleep(60)
    raise AssertionError("this worker was never stopped")


def advance_in_block(monkeypatch: pytest.MonkeyPatch,
                     by_block_size: dict[int, Callable[[], None]]) -> None:
    """NumpyEngine.advance, in workers whose block has one of these sizes, does this instead
    (the run must be split: a worker inherits the patch when it is forked)."""
    advance = NumpyEngine.advance

    def patched(engine: NumpyEngine, *args: Any, **kwargs: Any) -> None:
        if engine.paths in by_block_size:
            by_block_size[engine.paths]()
        else:
            advance(engine, *args, **kwargs)

    monkeypatch.setattr(NumpyEngine, "advance", patched)


def test_an_engine_error_in_every_worker_is_the_one_process_error(forks: Forks) -> None:
    scenario = lesson("phone-screen")
    quick = scenario.lenders[0].model_copy(update={"line_growth": 0.123456789012345})
    scenario = scenario.model_copy(update={"lenders": [quick]})
    with pytest.raises(ValueError, match="too precise for exact int64") as in_one:
        simulate(scenario, 300, workers=1)
    with pytest.raises(ValueError) as split:
        simulate(scenario, 300, workers=2)
    assert str(split.value) == str(in_one.value)
    assert "in a simulation worker" in "\n".join(split.value.__notes__)
    forks.assert_nothing_left()


def test_one_failing_block_stops_the_others_and_its_error_reaches_the_caller(
        monkeypatch: pytest.MonkeyPatch, forks: Forks) -> None:
    def fail() -> None:
        raise BlockFailed("paths 100 to 200")

    advance_in_block(monkeypatch, {100: wait_until_killed, 101: fail})
    with pytest.raises(BlockFailed) as raised:
        simulate(lesson("part2-rider"), 201, workers=2)
    assert str(raised.value) == "paths 100 to 200"
    forks.assert_nothing_left()


def test_an_error_that_cannot_be_pickled_arrives_described(
        monkeypatch: pytest.MonkeyPatch, forks: Forks) -> None:
    def fail() -> None:
        raise Unpicklable("no way back", lambda: None)

    advance_in_block(monkeypatch, {101: fail})
    with pytest.raises(RuntimeError) as raised:
        simulate(lesson("part2-rider"), 201, workers=2)
    assert str(raised.value) == "Unpicklable: no way back"
    forks.assert_nothing_left()


def test_a_worker_killed_is_reported_and_the_others_are_stopped(
        monkeypatch: pytest.MonkeyPatch, forks: Forks) -> None:
    advance_in_block(monkeypatch, {100: wait_until_killed,
                                   101: lambda: os.kill(os.getpid(), signal.SIGKILL)})
    with pytest.raises(RuntimeError,
                       match=r"simulation worker 2 \(paths 100–200\) was killed by SIGKILL"):
        simulate(lesson("part2-rider"), 201, workers=2)
    forks.assert_nothing_left()


class Stop(Exception):
    pass


@pytest.mark.parametrize("stop", [Stop, KeyboardInterrupt])
def test_a_progress_callback_that_raises_stops_every_worker(
        stop: type[BaseException], monkeypatch: pytest.MonkeyPatch, forks: Forks) -> None:
    advance_in_block(monkeypatch, {100: wait_until_killed, 101: wait_until_killed})

    def progress(_done: int, _total: int) -> None:
        raise stop

    with pytest.raises(stop):
        simulate(lesson("part2-rider"), 201, workers=2, progress=progress)
    forks.assert_nothing_left()
