"""Opening each lesson in the app: from the key press to its first step on screen.

The first open of a lesson on a machine runs its simulations (lesson 08: 3 × 10,000 Monte Carlo
paths) and keeps the answers beside the progress store; later opens read them back. This prints
the first open and the p50/p95 of later opens per lesson, in one process under Pilot.
Goal: every lesson p95 ≤ 1 s.

    python benchmarks/lessons.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from debtcoach.ui.app import DebtCoachApp, make_app
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


async def open_once(app: DebtCoachApp, lesson_id: str) -> float:
    """Seconds from opening the lesson to its first step shown (then back home)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        entry = next(e for e in app.lessons if e.id == lesson_id)
        start = time.perf_counter()
        app.open_lesson(entry)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayerScreen) and screen.player is not None
        elapsed = time.perf_counter() - start
        await pilot.press("escape")
        return elapsed


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(data_dir=Path(data), lessons_dir=ROOT / "lessons", animations=False)
        ids = [entry.id for entry in make_app(settings).lessons]
        print(f"{'lesson':<28} {'first':>7} {'p50':>7} {'p95':>7}  (s, {runs} later opens)")
        worst = 0.0
        for lesson_id in ids:
            first = await open_once(make_app(settings), lesson_id)
            later = [await open_once(make_app(settings), lesson_id) for _ in range(runs)]
            worst = max(worst, p95(later))
            print(f"{lesson_id:<28} {first:7.2f} {statistics.median(later):7.2f} "
                  f"{p95(later):7.2f}")
        print(f"worst p95 {worst:.2f} s (goal ≤ 1 s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    asyncio.run(main(parser.parse_args().runs))
