"""The room as borrowers: each participant's decisions drive one simulated path.

A lesson is played through automatically (questions answered with the first choice or zero,
scenarios advanced to their pauses) taking the given choice at each decision, then its
simulation runs to the scenario's last month. The same play-through prices each branch of a
decision, so the dashboard's "what each branch cost" and the room's fan come from one place.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np

from debtcoach.lessons.loader import LoadedLesson
from debtcoach.lessons.player import LessonPlayer
from debtcoach.lessons.schema import DecisionStep, PredictStep, QuizStep
from debtcoach.sim.results import SimResult
from debtcoach.sim.summary import paid_costs

# Per decision step, per branch: (interest, fees and penalties paid; debt owed at the end), fen.
BranchCosts = dict[str, list[tuple[int, int]]]
_MAX_ACTIONS = 100_000  # a lesson has tens of steps and at most a few hundred months


def decision_scenario(loaded: LoadedLesson) -> str | None:
    """The scenario the lesson's decisions steer (the first decision's), if any."""
    for step in loaded.lesson.steps:
        if isinstance(step, DecisionStep):
            return step.scenario
    return None


def play_through(loaded: LoadedLesson, decisions: Mapping[str, int], today: date,
                 scenario_id: str) -> SimResult:
    """The simulation ``scenario_id`` to its last month, with ``decisions`` (step id → choice;
    a decision not given takes its first choice) taken where the lesson asks for them."""
    player = LessonPlayer(loaded, today=today)
    for _ in range(_MAX_ACTIONS):
        step = player.step
        if isinstance(step, DecisionStep) and step.id not in player.decisions:
            choice = decisions.get(step.id, 0)
            player.decide(choice if 0 <= choice < len(step.choices) else 0)
        elif isinstance(step, QuizStep) and step.id not in player.quiz_results:
            if step.kind == "numeric":
                player.answer_quiz(number=0.0)
            else:
                player.answer_quiz({0})
        elif isinstance(step, PredictStep) and step.id not in player.predictions:
            player.predict(0.0)
        if player.finished:
            break
        before = (player.index, len(player.log))
        player.next()
        if (player.index, len(player.log)) == before:
            break
    run = player.run(scenario_id)
    months = loaded.scenarios[scenario_id][0].months
    if run.months < months:
        run.engine.advance(months - run.months)
        run.months = months
    return run.refresh()


def branch_costs(loaded: LoadedLesson, today: date) -> BranchCosts:
    """Per decision step and branch (other decisions at their first choice), in fen: interest,
    fees and penalties paid by the end of its scenario, and the debt still owed then."""
    costs: BranchCosts = {}
    for step in loaded.lesson.steps:
        if isinstance(step, DecisionStep):
            branches = []
            for choice in range(len(step.choices)):
                result = play_through(loaded, {step.id: choice}, today, step.scenario)
                branches.append((int(paid_costs(result)[0, -1]),
                                 int(result.metrics["debt"][0, -1])))
            costs[step.id] = branches
    return costs


@dataclass(frozen=True)
class Fan:
    """Debt owed at each month's end across the room's paths, next to the lesson's story."""

    scenario_id: str
    paths: int
    p10: list[int]
    p50: list[int]
    p90: list[int]
    story: list[int]  # the lesson's own run of the scenario, as written


def room_fan(loaded: LoadedLesson, room_decisions: list[dict[str, int]], today: date,
             cache: dict[tuple[tuple[str, int], ...], list[int]] | None = None) -> Fan | None:
    """One path per participant who decided anything; None when nobody has yet (or the lesson
    has no decisions). Participants with the same choices share one run (``cache``)."""
    scenario_id = decision_scenario(loaded)
    taken = [d for d in room_decisions if d]
    if scenario_id is None or not taken:
        return None
    cache = {} if cache is None else cache
    debts = []
    for decisions in taken:
        key = tuple(sorted(decisions.items()))
        if key not in cache:
            result = play_through(loaded, decisions, today, scenario_id)
            cache[key] = [int(v) for v in result.metrics["debt"][0]]
        debts.append(cache[key])
    matrix = np.array(debts, dtype=np.float64)
    p10, p50, p90 = (np.percentile(matrix, q, axis=0) for q in (10, 50, 90))
    story_run = loaded.runs.get(scenario_id)
    story = ([int(v) for v in story_run.metrics["debt"][0]] if story_run is not None
             else cache.get((), []))
    return Fan(scenario_id, len(taken), [round(v) for v in p10], [round(v) for v in p50],
               [round(v) for v in p90], story)
