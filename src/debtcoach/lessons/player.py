"""The lesson player: a pure state machine the TUI drives and tests play through.

It holds the current step, one running simulation per scenario (paths = 1), armed warnings and
the learner's answers. Everything that changes state is an action in ``log``; replaying the log
on a fresh player restores the exact place, so progress can be saved as data and resumed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import numpy as np

from debtcoach.coach.quiz import Reveal, from_typed, grade_choices, grade_number
from debtcoach.coach.warnings import SIMULATION_RULES, first_month, offer_above_line
from debtcoach.finance.apr import OfferCost, cost_of
from debtcoach.lessons.loader import LoadedLesson
from debtcoach.lessons.schema import (
    Choice,
    DecisionStep,
    OfferStep,
    PredictStep,
    QuizStep,
    ScenarioStep,
    Step,
    SummaryStep,
    WarningStep,
    policy_with,
)
from debtcoach.sim.results import STACKING, Engine, SimResult
from debtcoach.sim.run import start
from debtcoach.sim.scenario import Localized, Policy
from debtcoach.sim.summary import CostLine, cost_line, scenario_need_fen

S = TypeVar("S")


class AnswerPending(Exception):
    """The step's answer is still being worked out (its Monte Carlo run): try again later."""

    def __init__(self, step_id: str) -> None:
        super().__init__(step_id)
        self.step_id = step_id


@dataclass(frozen=True)
class Banner:
    """A warning that fired: shown with a word and a symbol, never colour alone."""

    step_id: str
    message: Localized
    why: Localized
    sources: tuple[str, ...]
    month: int | None  # 1-based month of the scenario it fired in, or None (offers, apps)
    at_step: str = ""  # the step the learner was on when it fired (its banner stays there)


@dataclass(frozen=True)
class QuizResult:
    correct: bool
    expected: float | None  # numeric quizzes: the computed answer
    picked: tuple[int, ...] = ()  # choice quizzes: what the learner picked (empty: gave up)
    number: float | None = None  # numeric quizzes: what they typed, in the shown unit


@dataclass
class _Run:
    engine: Engine
    months: int = 0
    result: SimResult | None = None

    def refresh(self) -> SimResult:
        self.result = self.engine.result()
        return self.result


@dataclass
class LessonPlayer:
    loaded: LoadedLesson
    today: date = field(default_factory=date.today)
    index: int = 0
    log: list[tuple[Any, ...]] = field(default_factory=list)
    banners: list[Banner] = field(default_factory=list)
    quiz_results: dict[str, QuizResult] = field(default_factory=dict)  # final answers
    tries: dict[str, list[QuizResult]] = field(default_factory=dict)  # every try, in order
    predictions: dict[str, Reveal] = field(default_factory=dict)
    decisions: dict[str, int] = field(default_factory=dict)  # the branch being shown
    first_decisions: dict[str, int] = field(default_factory=dict)  # the learner's answer
    explored: dict[str, list[int]] = field(default_factory=dict)  # other tries, in order
    hints_shown: dict[str, int] = field(default_factory=dict)
    revealed: set[str] = field(default_factory=set)
    _runs: dict[str, _Run] = field(default_factory=dict)
    _armed: list[WarningStep] = field(default_factory=list)
    _policies: dict[str, Policy] = field(default_factory=dict)
    _active: str | None = None
    furthest: int = 0  # the furthest step reached: going back does not undo finishing
    # step index → (scenario, months simulated) when the learner moved on from it
    left_at: dict[int, tuple[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._arrive()
        self.furthest = self.index

    # --- where we are ---------------------------------------------------------------------

    @property
    def steps(self) -> list[Step]:
        return self.loaded.lesson.steps

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def finished(self) -> bool:
        """The last step was reached and done, now or before (rereading keeps it finished)."""
        last = len(self.steps) - 1
        return self.furthest == last and (self.index < last or self.step_done())

    def waiting(self) -> bool:
        """Whether the current step's answer, or the spread of the Monte Carlo run it is
        about, is still being worked out."""
        from debtcoach.lessons.answers import scenario_of

        answer = getattr(self.step, "answer", None)
        return self.step.id in self.loaded.pending or (
            answer is not None and scenario_of(answer) in self.loaded.spreads_pending)

    def step_done(self) -> bool:
        """Whether the learner may move on: scenarios must reach their pause, questions need an
        answer (a wrong one is fine: the explanation follows)."""
        step = self.step
        if isinstance(step, ScenarioStep):
            return self._paused(step)
        if isinstance(step, QuizStep):
            return step.id in self.quiz_results
        if isinstance(step, PredictStep):
            return step.id in self.predictions
        if isinstance(step, DecisionStep):
            return step.id in self.decisions
        if isinstance(step, OfferStep):
            return step.id in self.revealed
        return True

    # --- moving ---------------------------------------------------------------------------

    def next(self) -> list[Banner]:
        """Forward: an ad reveals its real cost, a running scenario advances one month;
        otherwise the next step, passing over warnings that have not fired (as on first
        arrival): their banner would claim what has not happened yet."""
        fired = self._next_once()
        while self._waiting(self.step) and self.index + 1 < len(self.steps):
            fired += self._next_once()
        return fired

    def _next_once(self) -> list[Banner]:
        step = self.step
        if isinstance(step, ScenarioStep) and not self._paused(step):
            return self.advance_month()
        if isinstance(step, OfferStep) and step.id not in self.revealed:
            self.log.append(("reveal",))
            self.revealed.add(step.id)
            return []
        if not self.step_done() or self.index + 1 >= len(self.steps):
            return []
        self.log.append(("next",))
        if self._active is not None and self.index not in self.left_at:
            self.left_at[self.index] = (self._active, self._runs[self._active].months)
        before = len(self.banners)
        self.index += 1
        self._arrive()
        self.furthest = max(self.furthest, self.index)
        return self.banners[before:]

    def back(self) -> None:
        """Back one step to reread it, passing over warnings that have not fired; simulations
        stay where they are."""
        earlier = [i for i in range(self.index) if not self._waiting(self.steps[i])]
        while earlier and self.index > earlier[-1]:
            self._back_once()

    def _back_once(self) -> None:
        self.log.append(("back",))
        self.index -= 1

    def _waiting(self, step: Step) -> bool:
        """A warning step whose warning has not fired (yet)."""
        return isinstance(step, WarningStep) and not any(b.step_id == step.id
                                                          for b in self.banners)

    def advance_month(self) -> list[Banner]:
        step = self.step
        if not isinstance(step, ScenarioStep) or self._paused(step):
            return []
        self.log.append(("month",))
        run = self.run(step.scenario)
        run.engine.advance(1)
        run.months += 1
        run.refresh()
        return self._fire_armed()

    # --- answering ------------------------------------------------------------------------

    def answer_quiz(self, choices: set[int] | None = None, number: float | None = None
                    ) -> QuizResult:
        """One try. Right, or wrong with no hint left after a second try: the answer is final.
        Wrong otherwise: the next hint shows and the learner tries again."""
        step = self._expect(QuizStep)
        if step.id in self.quiz_results:
            raise ValueError(f"quiz {step.id} is already answered")
        if step.kind == "multiple" and not choices:
            raise ValueError("nothing picked")
        if step.kind == "numeric" and step.id in self.loaded.pending:
            raise AnswerPending(step.id)
        self.log.append(("quiz", sorted(choices or ()), number))
        if step.kind == "numeric":
            expected = self.loaded.answers[step.id]
            typed = from_typed(number if number is not None else float("nan"), step.unit)
            result = QuizResult(grade_number(typed, expected, step.tolerance), expected,
                                number=number)
        else:
            correct = {i for i, choice in enumerate(step.choices) if choice.correct}
            result = QuizResult(grade_choices(set(choices or ()), correct), None,
                                picked=tuple(sorted(choices or ())))
        tries = self.tries.setdefault(step.id, [])
        tries.append(result)
        shown = self.hints_shown.get(step.id, 0)
        if result.correct:
            self.quiz_results[step.id] = result
        elif shown < len(step.hints):
            self.hints_shown[step.id] = shown + 1
        elif len(tries) >= 2:
            self.quiz_results[step.id] = result
        return result

    def give_up(self) -> QuizResult | None:
        """Show the answer and the explanation now (after the last try, or with none)."""
        step = self.step
        if not isinstance(step, QuizStep) or step.id in self.quiz_results:
            return None
        if step.id in self.loaded.pending:
            raise AnswerPending(step.id)
        self.log.append(("give_up",))
        tries = self.tries.get(step.id, [])
        expected = self.loaded.answers.get(step.id)
        result = tries[-1] if tries else QuizResult(False, expected)
        self.quiz_results[step.id] = result
        return result

    def hint(self) -> Localized | None:
        """The next hint of the current quiz, one at a time; None when there are no more."""
        step = self.step
        if not isinstance(step, QuizStep):
            return None
        shown = self.hints_shown.get(step.id, 0)
        if shown >= len(step.hints) or step.id in self.quiz_results:
            return None
        self.log.append(("hint",))
        self.hints_shown[step.id] = shown + 1
        return step.hints[shown]

    def predict(self, typed: float) -> Reveal:
        step = self._expect(PredictStep)
        if step.id in self.loaded.pending:
            raise AnswerPending(step.id)
        self.log.append(("predict", typed))
        reveal = Reveal(from_typed(typed, step.unit), self.loaded.answers[step.id], step.tolerance)
        self.predictions[step.id] = reveal
        return reveal

    def decide(self, choice: int) -> Choice:
        step = self._expect(DecisionStep)
        picked = step.choices[choice]
        self.log.append(("decide", choice))
        self.decisions[step.id] = choice
        self.first_decisions.setdefault(step.id, choice)
        run = self.run(step.scenario)
        policy = policy_with(self._policy(step.scenario), picked.policy)
        run.engine.advance(0, policy=policy)
        self._policies[step.scenario] = policy
        return picked

    def explore(self, choice: int) -> Choice:
        """On a decision already taken: its scenario re-runs from that month with ``choice``
        and the following steps show that branch. The first decision stays the learner's answer
        and answers given later are kept; finishing is never undone."""
        step = self._expect(DecisionStep)
        if step.id not in self.decisions:
            raise ValueError(f"decision {step.id} is not taken yet")
        before = self._before_deciding(step.id)
        fresh = LessonPlayer.replay(self.loaded, self.log[:before], self.today)
        picked = fresh.decide(choice)
        self.log.append(("explore", choice))
        self.explored.setdefault(step.id, []).append(choice)
        self.decisions[step.id] = choice
        self._runs, self._policies, self._active = fresh._runs, fresh._policies, fresh._active
        self.banners, self._armed = fresh.banners, fresh._armed
        self.left_at = {i: at for i, at in self.left_at.items() if i < self.index}
        return picked

    def _before_deciding(self, step_id: str) -> int:
        """Where in the log the first decision of ``step_id`` was taken."""
        walker = LessonPlayer(self.loaded, today=self.today)
        for position, action in enumerate(self.log):
            if action[0] == "decide" and walker.step.id == step_id:
                return position
            walker._apply(action)
        raise ValueError(f"decision {step_id} is not in the log")

    # --- what the screens show ------------------------------------------------------------

    @property
    def active_scenario(self) -> str | None:
        """The simulation most recently started or advanced: the one screens keep showing."""
        return self._active

    def run(self, scenario_id: str) -> _Run:
        self._active = scenario_id
        if scenario_id not in self._runs:
            scenario, _, seed = self.loaded.scenarios[scenario_id]
            self._runs[scenario_id] = _Run(start(scenario, paths=1, seed=seed,
                                                 record_events=True))
        return self._runs[scenario_id]

    def result(self, scenario_id: str) -> SimResult | None:
        run = self._runs.get(scenario_id)
        return run.result if run else None

    def offer_cost(self, offer_id: str) -> OfferCost:
        return cost_of(self.loaded.offers[offer_id])

    def cost_line(self, scenario_id: str, month: int | None = None) -> CostLine:
        """Interest, fees and penalties so far (paid and still owed) against the first need;
        at the end of ``month`` (1-based) when given."""
        run = self._runs.get(scenario_id)
        if run is None or run.result is None or run.months == 0 or month == 0:
            return CostLine(scenario_need_fen(self.loaded.scenarios[scenario_id][0]), 0, 0, 0)
        return cost_line(run.result, month)

    def view(self) -> tuple[str | None, int | None]:
        """The simulation the screens show and up to which month: on a step being reread, the
        month it was at when the learner moved on (None: every month simulated so far)."""
        if self.index < self.furthest and self.index in self.left_at:
            return self.left_at[self.index]
        return self._active, None

    def summary(self) -> CostLine:
        step = self._expect(SummaryStep)
        return self.cost_line(step.scenario)

    # --- saving and resuming --------------------------------------------------------------

    @classmethod
    def replay(cls, loaded: LoadedLesson, log: list[tuple[Any, ...]], today: date) -> LessonPlayer:
        """A player brought to the exact place ``log`` describes (saved progress)."""
        player = cls(loaded, today=today)
        for action in log:
            player._apply(action)
        return player

    def _apply(self, action: tuple[Any, ...]) -> None:
        """Repeat one saved action."""
        kind, *args = action
        if kind in ("next", "reveal"):
            self._next_once()
        elif kind == "back":
            self._back_once()
        elif kind == "month":
            self.advance_month()
        elif kind == "quiz":
            self.answer_quiz(set(args[0]), args[1])
        elif kind == "hint":
            self.hint()
        elif kind == "give_up":
            self.give_up()
        elif kind == "predict":
            self.predict(args[0])
        elif kind == "decide":
            self.decide(args[0])
        elif kind == "explore":
            self.explore(args[0])

    # --- internals ------------------------------------------------------------------------

    def _policy(self, scenario_id: str) -> Policy:
        return self._policies.get(scenario_id, self.loaded.scenarios[scenario_id][0].policy)

    def _expect(self, kind: type[S]) -> S:
        step = self.step
        if not isinstance(step, kind):
            raise ValueError(f"step {step.id} is a {step.type} step")
        return step

    def _arrive(self) -> None:
        """Entering a step: warnings arm (and may fire at once); passive warnings step aside."""
        step = self.step
        if isinstance(step, WarningStep) and self._waiting(step) and step not in self._armed:
            self._armed.append(step)
            self._fire_armed()
            fired = any(b.step_id == step.id for b in self.banners)
            if not fired and self.index + 1 < len(self.steps):
                self.index += 1
                self._arrive()

    def _paused(self, step: ScenarioStep) -> bool:
        run = self.run(step.scenario)
        scenario = self.loaded.scenarios[step.scenario][0]
        if run.months >= scenario.months:
            return True
        if isinstance(step.until, int):
            return run.months >= step.until
        if step.until == "end" or run.result is None or run.months == 0:
            return False
        result = run.result
        if step.until == "first_stack":
            return bool((result.state[0] >= STACKING).any())
        if step.until == "first_overdue":
            return bool((result.metrics["days_overdue"][0] > 0).any())
        need = sum(e.amount_fen for e in scenario.events if e.falls_in(0)) or 1
        return bool(np.any(result.metrics["debt"][0] >= 2 * need))

    def _fire_armed(self) -> list[Banner]:
        fired: list[Banner] = []
        for step in list(self._armed):
            month = self._fires(step)
            if month is False:
                continue
            banner = Banner(step.id, step.message, step.why, tuple(step.sources),
                            None if month is True else month, self.step.id)
            self._armed.remove(step)
            self.banners.append(banner)
            fired.append(banner)
        return fired

    def _fires(self, step: WarningStep) -> int | bool:
        """True (fires, no month), a 1-based month, or False (not yet)."""
        if step.rule == "contacts_request":
            return True
        if step.rule == "apr_above_line":
            assert step.offer is not None and step.line is not None
            return offer_above_line(self.loaded.offers[step.offer], step.line, self.today)
        assert step.rule in SIMULATION_RULES and step.scenario is not None
        result = self.result(step.scenario)
        if result is None or result.months == 0:
            return False
        month = first_month(step.rule, result, step.threshold)
        return False if month is None else month + 1
