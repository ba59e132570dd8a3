"""Stepping one month in the lesson player (simulate + redraw chart and table) under Pilot.

Opens the stacking lesson and presses → through its scenario steps again and again, timing each
press until the screen has settled. Pilot itself takes time for every key press and pause, so the
same run also times a key press that does nothing (the baseline); the step's own cost is the
difference. Goal: p95 ≤ 50 ms.

    python benchmarks/step.py [--samples 60]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from debtcoach.lessons.schema import ScenarioStep
from debtcoach.ui.app import make_app
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
LESSON = "04-borrowing-to-repay"


async def baseline(samples: int) -> list[float]:
    """Pilot's own cost: a key nothing is bound to, then a pause, on the same screen size."""
    timings: list[float] = []
    with tempfile.TemporaryDirectory() as data:
        app = make_app(Settings(data_dir=Path(data), lessons_dir=ROOT / "lessons"))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(samples):
                start = time.perf_counter()
                await pilot.press("x")
                await pilot.pause()
                timings.append(time.perf_counter() - start)
    return timings


async def measure(samples: int) -> list[float]:
    timings: list[float] = []
    with tempfile.TemporaryDirectory() as data:
        while len(timings) < samples:
            app = make_app(Settings(data_dir=Path(data), lessons_dir=ROOT / "lessons"))
            async with app.run_test(size=(100, 30)) as pilot:
                app.store.reset_all()
                app.open_lesson(next(e for e in app.lessons if e.id == LESSON))
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, PlayerScreen) and screen.player is not None
                player = screen.player
                for _ in range(200):
                    step = player.step
                    if isinstance(step, ScenarioStep) and not player.step_done():
                        start = time.perf_counter()
                        await pilot.press("right")
                        await pilot.pause()
                        timings.append(time.perf_counter() - start)
                        continue
                    if player.finished or len(timings) >= samples:
                        break
                    _answer(player)
                    player.next()
                    await screen.show_step()
                    await pilot.pause()  # settle the new step before timing its months
    return timings


def _answer(player) -> None:  # type: ignore[no-untyped-def]
    from debtcoach.lessons.schema import DecisionStep, PredictStep, QuizStep

    step = player.step
    if isinstance(step, PredictStep) and step.id not in player.predictions:
        player.predict(1.0)
    elif isinstance(step, DecisionStep) and step.id not in player.decisions:
        player.decide(0)
    elif isinstance(step, QuizStep) and step.id not in player.quiz_results:
        player.answer_quiz({0}, 1.0)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=60)
    samples = parser.parse_args().samples
    steps = [t * 1000 for t in asyncio.run(measure(samples))]
    idle = statistics.median(t * 1000 for t in asyncio.run(baseline(samples)))
    net = [max(0.0, t - idle) for t in steps]
    print(f"months stepped         {len(steps)}")
    print(f"pilot baseline         {idle:.1f} ms median (a key press that does nothing)")
    print(f"step, raw              {statistics.median(steps):.1f} ms median, "
          f"{p95(steps):.1f} ms p95")
    print(f"step, net of baseline  {statistics.median(net):.1f} ms median, "
          f"{p95(net):.1f} ms p95 (goal ≤ 50 ms)")


if __name__ == "__main__":
    main()
