"""The lesson file format (``lessons/NN-slug/lesson.toml``), as pydantic models.

Prose lives in ``en.md`` and ``zh.md`` beside the TOML, cut into sections by lines of the form
``<!-- section: id -->``; steps name a section with ``prose = "id"``. Short strings (questions,
choices, hints) are inline ``{ zh = "…", en = "…" }`` tables. Facts name entries of
``lessons/sources.toml`` by id. Numeric answers are never typed in: they are computed from the
lesson's own offers and scenarios (see :mod:`debtcoach.lessons.answers`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from debtcoach.finance.offers import LoanOffer
from debtcoach.sim.scenario import Localized, Policy, Scenario


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Strict):
    """One entry of ``lessons/sources.toml``."""

    title: str = Field(min_length=1)
    url: str = Field(min_length=1)
    publisher: str = ""
    date: str = ""
    note: str = ""


class LessonOffer(LoanOffer):
    """An offer as an app advertises it (``headline``) with its real terms."""

    id: str = Field(min_length=1)
    app: Localized
    headline: Localized


class ScenarioRef(Strict):
    """A scenario by file (relative to the lesson folder) or inline, with optional overrides."""

    id: str = Field(min_length=1)
    file: str | None = None
    inline: dict[str, Any] | None = None
    months: int | None = Field(default=None, ge=1, le=600)
    paths: int = Field(default=1, ge=1, le=100_000)
    seed: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _one_source(self) -> ScenarioRef:
        if (self.file is None) == (self.inline is None):
            from debtcoach.errors import InputError

            raise InputError("file", "scenario_source")
        return self


# --- computed answers ---------------------------------------------------------------------------


class AprOf(Strict):
    apr_of: str  # an offer id: its real APR (IRR method), a fraction


class CostOf(Strict):
    cost_of: str  # an offer id: total cost in yuan


class ReceivedOf(Strict):
    received_of: str  # an offer id: cash actually received, yuan


class RatePerYear(Strict):
    rate_per_year: str  # a rate as advertised ("日息万五"): simple annual rate, a fraction


class AtMonth(Strict):
    scenario: str
    month: int = Field(ge=1)  # end of this month (1-based, as reported)


class DebtAt(Strict):
    debt_at: AtMonth  # debt (yuan) at the end of that month, policy as in the file


class CostsAt(Strict):
    costs_at: AtMonth  # interest, fees and penalties paid up to that month (yuan)


class ShareStacking(Strict):
    share_stacking: AtMonth  # share of paths that borrowed to repay or fell behind by then (0–1)


Answer = AprOf | CostOf | ReceivedOf | RatePerYear | DebtAt | CostsAt | ShareStacking
Unit = Literal["percent", "yuan", "share", "number"]


# --- steps --------------------------------------------------------------------------------------


class StepBase(Strict):
    id: str = Field(min_length=1)
    sources: list[str] = Field(default_factory=list)


class TextStep(StepBase):
    type: Literal["text"]
    prose: str


class OfferStep(StepBase):
    """An ad as the app shows it; the next press reveals its real cost."""

    type: Literal["offer"]
    offer: str
    prose: str | None = None


PauseWhen = Literal["first_stack", "debt_doubles", "first_overdue", "end"]


class ScenarioStep(StepBase):
    """Runs a scenario month by month until ``until`` (a condition or a month, 1-based).
    A later scenario step with the same scenario continues the same run."""

    type: Literal["scenario"]
    scenario: str
    until: PauseWhen | int = "end"
    prose: str | None = None


class Choice(Strict):
    label: Localized
    policy: dict[str, Any] = Field(default_factory=dict)  # fields of [policy] to change
    feedback: Localized | None = None


class DecisionStep(StepBase):
    type: Literal["decision"]
    scenario: str
    prompt: Localized
    choices: list[Choice] = Field(min_length=2)


class Feedback(Strict):
    """What a prediction teaches, by how the guess compares (each optional)."""

    under: Localized | None = None
    close: Localized | None = None
    over: Localized | None = None


class PredictStep(StepBase):
    """The learner guesses a number, then sees the real one, the gap and the working.
    ``before`` is the prose shown with the question; ``prose`` only after the guess (the reveal)."""

    type: Literal["predict"]
    question: Localized
    answer: Answer
    unit: Unit
    tolerance: float = Field(default=0.02, ge=0)  # relative: a guess this close counts as right
    before: str | None = None
    prose: str | None = None
    feedback: Feedback = Field(default_factory=Feedback)


class QuizChoice(Strict):
    text: Localized
    correct: bool = False


class QuizStep(StepBase):
    """A question with tries: each wrong answer brings the next hint; when the hints are used
    up (or on request) the answer and its explanation. ``before`` is prose above the question."""

    type: Literal["quiz"]
    kind: Literal["single", "multiple", "numeric"]
    question: Localized
    choices: list[QuizChoice] = Field(default_factory=list)
    answer: Answer | None = None  # numeric quizzes
    unit: Unit = "number"
    tolerance: float = Field(default=0.01, ge=0)  # relative, for numeric quizzes
    hints: list[Localized] = Field(default_factory=list)
    explanation: Localized
    before: str | None = None

    @model_validator(mode="after")
    def _kind_fits(self) -> QuizStep:
        from debtcoach.errors import InputError

        correct = sum(choice.correct for choice in self.choices)
        if self.kind == "numeric":
            if self.answer is None or self.choices:
                raise InputError("answer", "quiz_numeric")
        elif len(self.choices) < 2 or correct == 0 or (self.kind == "single" and correct != 1):
            raise InputError("choices", "quiz_choices", kind=self.kind, correct=correct)
        return self


Rule = Literal[
    "apr_above_line", "debt_to_income_above", "lenders_at_least", "borrowing_to_repay",
    "first_overdue", "contacts_request",
]


class WarningStep(StepBase):
    """Armed when reached; shown the moment its rule holds (at once if it already does)."""

    type: Literal["warning"]
    rule: Rule
    scenario: str | None = None  # rules over a simulation
    offer: str | None = None  # apr_above_line
    line: str | None = None  # apr_above_line: a legal line id ("cash-loan-2017-36")
    threshold: float | None = None  # debt_to_income_above (0.5), lenders_at_least (3)
    message: Localized
    why: Localized  # the fact behind it, shown on "why"

    @model_validator(mode="after")
    def _rule_has_its_inputs(self) -> WarningStep:
        from debtcoach.errors import InputError

        needs = {
            "apr_above_line": ("offer", "line"),
            "debt_to_income_above": ("scenario", "threshold"),
            "lenders_at_least": ("scenario", "threshold"),
            "borrowing_to_repay": ("scenario",),
            "first_overdue": ("scenario",),
            "contacts_request": (),
        }[self.rule]
        for name in needs:
            if getattr(self, name) is None:
                raise InputError(name, "rule_needs", rule=self.rule)
        return self


class SummaryStep(StepBase):
    """Cumulative interest, fees and penalties paid so far against the amount first needed."""

    type: Literal["summary"]
    scenario: str
    prose: str | None = None


class CompareRow(Strict):
    scenario: str
    label: Localized


class CompareStep(StepBase):
    """Strategies side by side: each row's scenario run to its end (with the policy its file
    gives), with the interest, fees and penalties incurred, paid and still owed, and the month
    the debt is gone."""

    type: Literal["compare"]
    rows: list[CompareRow] = Field(min_length=2)
    prose: str | None = None


Step = Annotated[
    TextStep | OfferStep | ScenarioStep | DecisionStep | PredictStep | QuizStep | WarningStep
    | SummaryStep | CompareStep,
    Field(discriminator="type"),
]


STEP_TYPES = frozenset(
    {"text", "offer", "scenario", "decision", "predict", "quiz", "warning", "summary", "compare"}
)


class Lesson(Strict):
    id: str = Field(min_length=1)
    part: Literal[1, 2]
    order: int = Field(ge=1)
    title: Localized
    summary: Localized
    minutes: int = Field(default=10, ge=1, le=60)
    offers: list[LessonOffer] = Field(default_factory=list)
    scenarios: list[ScenarioRef] = Field(default_factory=list)
    steps: list[Step] = Field(min_length=1)


def policy_with(policy: Policy, changes: dict[str, Any]) -> Policy:
    """The policy after a decision: validated, so a bad choice in a file is caught by the check."""
    return Policy.model_validate({**policy.model_dump(), **changes})


__all__ = ["Answer", "Lesson", "Scenario", "Source", "Step"]
