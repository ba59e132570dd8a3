"""One hash over everything the numpy engine reports, to show a speed change changes no result.

Runs the numpy engine over every scenario under ``lessons/scenarios/`` under every policy
(``when_short`` × ``extra_payments``), with events on a few paths and without on many (some
engine shortcuts apply only then), advanced in one go and in steps with a mid-run policy change;
the benchmark scenario on 20,000 paths; and 300 random scenarios drawn from the test strategies
with a fixed seed. It hashes every month metric (derived ones too), the states, the events, and
the JSON summaries (p10/p50/p90 by month, totals). Prints the hash (and with ``--verbose`` one
hash per run); a speed change must leave it as it was.

    .venv/bin/python benchmarks/engine_fingerprint.py --expect HASH
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.engine import STACKING  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests.sim.strategies import policy_changes, scenarios, seeds  # noqa: E402

from debtcoach.sim.engine import NumpyEngine  # noqa: E402
from debtcoach.sim.incomes import draw_incomes  # noqa: E402
from debtcoach.sim.loader import load_scenario  # noqa: E402
from debtcoach.sim.results import DERIVED, METRICS, SimResult  # noqa: E402
from debtcoach.sim.scenario import ExtraPayments, Policy, Scenario, WhenShort  # noqa: E402
from debtcoach.sim.summary import events_json, months_json, totals_json  # noqa: E402

Steps = tuple[tuple[int, Policy | None], ...]
RANDOM_SCENARIOS = 300


def digest(result: SimResult) -> str:
    """SHA-256 of every array and summary of one result."""
    hashed = hashlib.sha256()
    for name in METRICS + DERIVED:
        values = np.ascontiguousarray(result.metrics[name])
        hashed.update(f"{name}{values.shape}{values.dtype}".encode())
        hashed.update(values.tobytes())
    hashed.update(np.ascontiguousarray(result.state).tobytes())
    hashed.update(np.ascontiguousarray(result.start_cash).tobytes())
    hashed.update(repr(result.events).encode())
    if result.months:
        summary = {"months": months_json(result), "totals": totals_json(result),
                   "events": events_json(result)}
        hashed.update(json.dumps(summary, sort_keys=True).encode())
    return hashed.hexdigest()


def run(scenario: Scenario, paths: int, seed: int, events: bool, steps: Steps) -> SimResult:
    engine = NumpyEngine(scenario, draw_incomes(scenario, paths, seed), record_events=events)
    for months, policy in steps:
        engine.advance(months, policy)
    return engine.result()


def every_policy() -> list[Policy]:
    return [Policy(when_short=short, extra_payments=extra)
            for short in WhenShort for extra in ExtraPayments]


def lesson_runs() -> Iterator[tuple[str, Scenario, int, int, bool, Steps]]:
    """Each lesson scenario under each policy, then switching policy halfway."""
    for path in sorted((ROOT / "lessons" / "scenarios").glob("*.toml")):
        base = load_scenario(path.read_text(encoding="utf-8"), path.name)
        half = base.months // 2
        for policy in every_policy():
            scenario = base.model_copy(update={"policy": policy})
            name = f"{path.name}:{policy.when_short.value}:{policy.extra_payments.value}"
            yield f"{name}:events", scenario, 40, 1, True, ((base.months, None),)
            yield f"{name}:many", scenario, 1500, 2, False, ((base.months, None),)
        for policy in every_policy():
            name = f"{path.name}:switch:{policy.when_short.value}:{policy.extra_payments.value}"
            steps: Steps = ((half, None), (base.months - half, policy))
            yield name, base, 40, 3, True, steps


def benchmark_runs() -> Iterator[tuple[str, Scenario, int, int, bool, Steps]]:
    scenario = Scenario.model_validate(STACKING)
    yield "benchmark:20000", scenario, 20_000, 0, False, ((scenario.months, None),)
    yield "benchmark:events", scenario, 60, 5, True, ((12, None), (24, None))


def random_runs(count: int) -> list[tuple[str, Scenario, int, int, bool, Steps]]:
    """``count`` random runs (scenario, 1–60 paths, seed, up to three policy changes), the same
    every time: hypothesis draws them derandomized, generating only."""
    drawn: list[tuple[str, Scenario, int, int, bool, Steps]] = []

    @st.composite
    def random_run(draw: st.DrawFn) -> tuple[Scenario, int, int, bool, Steps]:
        scenario = draw(scenarios())
        volatility = draw(st.sampled_from([None, 0.2, 0.5]))
        if volatility is not None:
            borrower = scenario.borrower.model_copy(update={"income_volatility": volatility})
            scenario = scenario.model_copy(update={"borrower": borrower})
        cuts = sorted(draw(st.lists(st.integers(0, scenario.months), max_size=3)))
        ends = [*cuts, scenario.months]
        months = [end - start for start, end in zip([0, *ends], ends, strict=False)]
        policies = [None] + [draw(st.none() | policy_changes()) for _ in months[1:]]
        return (scenario, draw(st.integers(1, 60)), draw(seeds), draw(st.booleans()),
                tuple(zip(months, policies, strict=True)))

    @settings(max_examples=count, derandomize=True, database=None, deadline=None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(random_run())
    def collect(drawn_run: tuple[Scenario, int, int, bool, Steps]) -> None:
        drawn.append((f"random:{len(drawn)}", *drawn_run))

    collect()
    return drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="print one hash per run")
    parser.add_argument("--random", type=int, default=RANDOM_SCENARIOS,
                        help="random scenarios (the hash depends on it)")
    parser.add_argument("--expect", help="exit with status 1 unless the hash is this one")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    total = hashlib.sha256()
    runs: list[Any] = [*lesson_runs(), *benchmark_runs(), *random_runs(args.random)]
    for name, scenario, paths, seed, events, steps in runs:
        hashed = digest(run(scenario, paths, seed, events, steps))
        total.update(f"{name}={hashed}\n".encode())
        if args.verbose:
            print(f"{hashed[:16]}  {name}")
    print(f"{total.hexdigest()}  {len(runs)} runs, {time.perf_counter() - start:.0f} s")
    if args.expect is not None and args.expect != total.hexdigest():
        print(f"FAIL: expected {args.expect}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
