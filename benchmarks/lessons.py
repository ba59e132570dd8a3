"""Opening each lesson in the app: from the key press to its first step on screen.

A lesson is open when its first step is drawn. Each lesson is opened first on a data folder
with no answer cache (cold: what a learner meets the first time) and then ``--runs`` more times
(repeat). Monte Carlo answers (lesson 08: 3 × 10,000 paths) are worked out in the background
after the lesson is on screen; the time until they are ready is printed too, after the cold
open. The reference, measured in the same process between the opens, is the home screen being
drawn, so a loaded machine can be read as ratios; the CPU seconds the process spent on each
open (all its threads) are printed too, since a shared machine stretches wall time but not CPU
time. Exits 1 when any lesson's p95 is above the goal (1 s by default).

    python benchmarks/lessons.py [--runs 5] [--goal 1.0]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textual.pilot import Pilot

from debtcoach.ui.app import DebtCoachApp, make_app
from debtcoach.ui.screens.home import HomeScreen
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


async def until(pilot: Pilot[None], condition: object) -> None:
    while not condition():  # type: ignore[operator]
        await pilot.pause()


async def drawn(pilot: Pilot[None], condition: object) -> None:
    """Until ``condition`` holds, then one frame drawn. Polls every 5 ms rather than with
    Pilot's pause(), which waits for the process to be idle, and so past the first frame, for
    as long as the lesson's background work keeps the CPU busy."""
    while not condition():  # type: ignore[operator]
        await pilot.pause(0.005)
    await pilot.pause(0)


async def open_once(app: DebtCoachApp, lesson_id: str) -> tuple[float, float, float, float]:
    """Seconds to draw the home screen (the reference), to show the lesson's first step, and
    until its background Monte Carlo answers are ready (0 when it has none left to do); and the
    CPU seconds of showing the first step."""
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        start = time.perf_counter()
        home = HomeScreen()
        app.push_screen(home)
        await drawn(pilot, lambda: app.screen is home and home.is_mounted)
        reference = time.perf_counter() - start
        app.pop_screen()
        await pilot.pause()
        entry = next(e for e in app.lessons if e.id == lesson_id)
        gc.collect()  # the apps opened before this one are garbage: not this open's cost
        start, cpu = time.perf_counter(), time.process_time()
        app.open_lesson(entry)
        await drawn(pilot, lambda: isinstance(app.screen, PlayerScreen)
                    and app.screen.step_shown is not None)
        opened, cpu = time.perf_counter() - start, time.process_time() - cpu
        screen = app.screen
        assert isinstance(screen, PlayerScreen) and screen.player is not None
        waiting = screen.player.loaded.incomplete
        await app.workers.wait_for_complete()
        await until(pilot, lambda: not screen.player.loaded.incomplete)  # type: ignore[union-attr]
        ready = time.perf_counter() - start if waiting else 0.0
        await pilot.press("escape")
        return reference, opened, ready, cpu


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def main(runs: int, goal: float) -> int:
    references: list[float] = []
    rows: list[tuple[str, float, float, float, float, float, float]] = []
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(data_dir=Path(data), lessons_dir=ROOT / "lessons", animations=False)
        ids = [entry.id for entry in make_app(settings).lessons]
        await open_once(make_app(settings), ids[0])  # imports and first drawing, not counted
        (Path(data) / "answer-cache.json").unlink(missing_ok=True)
        for lesson_id in ids:
            reference, cold, ready, cold_cpu = await open_once(make_app(settings), lesson_id)
            references.append(reference)
            repeat, repeat_cpu = [], []
            for _ in range(runs):
                reference, opened, _, cpu = await open_once(make_app(settings), lesson_id)
                references.append(reference)
                repeat.append(opened)
                repeat_cpu.append(cpu)
            rows.append((lesson_id, cold, ready, statistics.median(repeat), p95(repeat),
                         cold_cpu, p95(repeat_cpu)))
    home = statistics.median(references)
    print(f"reference: home screen drawn, p50 {home:.3f} s over {len(references)} draws")
    print(f"{'lesson':<26} {'cold':>6} {'MC ready':>8} {'p50':>6} {'p95':>6} "
          f"{'p95/home':>8} {'cpu cold':>8} {'cpu p95':>7}  (s; repeat: {runs} opens)")
    worst = 0.0
    for lesson_id, cold, ready, p50, high, cold_cpu, high_cpu in rows:
        worst = max(worst, high, cold)
        shown = f"{ready:8.2f}" if ready else f"{'-':>8}"
        print(f"{lesson_id:<26} {cold:6.2f} {shown} {p50:6.2f} {high:6.2f} {high / home:8.2f} "
              f"{cold_cpu:8.2f} {high_cpu:7.2f}")
    print(f"worst open {worst:.2f} s (goal ≤ {goal:g} s, cold or p95); "
          f"{worst / home:.2f} × the home screen")
    return 1 if worst > goal else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--goal", type=float, default=1.0, help="seconds, p95 and cold")
    arguments = parser.parse_args()
    sys.exit(asyncio.run(main(arguments.runs, arguments.goal)))
