"""Steps in the lesson player under Pilot: a month of a scenario, and the workshop's questions.

Months: opens the stacking lesson and presses → through its scenario steps again and again,
timing each press until the screen has settled. Questions: plays what a workshop participant
does in the first lesson (→ to the prediction, type a guess and Enter, → to the quiz, type the
answer and Enter, → on), timing each action. Pilot itself takes time for every key press and
pause, so the same run also times a key press that does nothing (the baseline); a step's own
cost is the difference. Wall time is stretched by other work on a shared machine; CPU time (of
this process, all threads) much less, so both are printed. Goal: month p95 ≤ 50 ms net.

    python benchmarks/step.py [--samples 60] [--rounds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import tempfile
import time
from pathlib import Path

from textual.pilot import Pilot

from debtcoach.lessons.schema import ScenarioStep
from debtcoach.ui.app import make_app
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
LESSON = "04-borrowing-to-repay"
WORKSHOP_LESSON = "01-first-loan"
SIZE = (100, 30)  # the workshop page's terminal
# (what is done, the keys): a participant's way through the first lesson's two questions
QUESTIONS = [("next to a prediction", ("right",)), ("answer the prediction", ("2", "0", "enter")),
             ("next to a quiz", ("right",)), ("answer the quiz", ("3", "6", ".", "5", "enter")),
             ("next after it", ("right",))]

Timing = tuple[float, float]  # (wall, CPU) seconds


async def timed(pilot: Pilot[None], *keys: str) -> Timing:
    start, cpu = time.perf_counter(), time.process_time()
    await pilot.press(*keys)
    await pilot.pause()
    return time.perf_counter() - start, time.process_time() - cpu


async def baseline(samples: int) -> list[Timing]:
    """Pilot's own cost: a key nothing is bound to, then a pause, on the same screen size."""
    timings: list[Timing] = []
    with tempfile.TemporaryDirectory() as data:
        app = make_app(Settings(data_dir=Path(data), lessons_dir=ROOT / "lessons"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for _ in range(samples):
                timings.append(await timed(pilot, "x"))
    return timings


async def opened(pilot: Pilot[None], lesson_id: str) -> PlayerScreen:
    """The lesson open from its start, its answers worked out."""
    gc.collect()  # the apps run before this one are garbage: not this one's steps' cost
    app = pilot.app
    app.store.reset_all()  # type: ignore[attr-defined]
    app.open_lesson(next(e for e in app.lessons if e.id == lesson_id))  # type: ignore[attr-defined]
    while not (isinstance(app.screen, PlayerScreen) and app.screen.player is not None):
        await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


async def months(samples: int) -> list[Timing]:
    timings: list[Timing] = []
    with tempfile.TemporaryDirectory() as data:
        while len(timings) < samples:
            app = make_app(Settings(data_dir=Path(data), lessons_dir=ROOT / "lessons"))
            async with app.run_test(size=SIZE) as pilot:
                screen = await opened(pilot, LESSON)
                assert screen.player is not None
                player = screen.player
                for _ in range(200):
                    step = player.step
                    if isinstance(step, ScenarioStep) and not player.step_done():
                        timings.append(await timed(pilot, "right"))
                        continue
                    if player.finished or len(timings) >= samples:
                        break
                    _answer(player)
                    player.next()
                    await screen.show_step()
                    await pilot.pause()  # settle the new step before timing its months
    return timings


async def questions(rounds: int) -> dict[str, list[Timing]]:
    timings: dict[str, list[Timing]] = {what: [] for what, _ in QUESTIONS}
    with tempfile.TemporaryDirectory() as data:
        for _ in range(rounds):
            app = make_app(Settings(data_dir=Path(data), lessons_dir=ROOT / "lessons"))
            async with app.run_test(size=SIZE) as pilot:
                await opened(pilot, WORKSHOP_LESSON)
                for what, keys in QUESTIONS:
                    timings[what].append(await timed(pilot, *keys))
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


def line(what: str, timings: list[Timing], idle: Timing) -> str:
    wall = [max(0.0, w - idle[0]) * 1000 for w, _ in timings]
    cpu = [max(0.0, c - idle[1]) * 1000 for _, c in timings]
    return (f"{what:<22} {len(timings):>4} {statistics.median(wall):8.1f} {p95(wall):8.1f} "
            f"{statistics.median(cpu):8.1f} {p95(cpu):8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=60, help="months stepped")
    parser.add_argument("--rounds", type=int, default=10, help="times through the questions")
    arguments = parser.parse_args()
    stepped = asyncio.run(months(arguments.samples))
    asked = asyncio.run(questions(arguments.rounds))
    idle_runs = asyncio.run(baseline(arguments.samples))
    idle = (statistics.median(w for w, _ in idle_runs), statistics.median(c for _, c in idle_runs))
    print(f"pilot baseline (a key press that does nothing): {idle[0] * 1000:.1f} ms wall, "
          f"{idle[1] * 1000:.1f} ms CPU median; subtracted below")
    print(f"{'action':<22} {'n':>4} {'wall p50':>8} {'wall p95':>8} {'cpu p50':>8} "
          f"{'cpu p95':>8}  (ms, net of the baseline)")
    print(line("a month (goal p95≤50)", stepped, idle))
    for what, timings in asked.items():
        print(line(what, timings, idle))


if __name__ == "__main__":
    main()
