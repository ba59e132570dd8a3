"""Load lesson folders and check them: every problem is one located InputError.

Reads only the files of the lesson folders it is given. ``check_lessons`` is what
``debtcoach lessons check`` runs; ``load_lessons`` is what the app plays (it refuses a folder with
problems rather than showing half a lesson).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from debtcoach.errors import InputError, InputErrors
from debtcoach.finance.offers import LoanOffer
from debtcoach.i18n import Lang
from debtcoach.lessons.answers import (
    AnswerCache,
    Working,
    cached_answer,
    content_key,
    is_monte_carlo,
    kept_answer,
    scenario_of,
)
from debtcoach.lessons.prose import join_lines, split_sections, stray_emphasis
from debtcoach.lessons.schema import (
    STEP_TYPES,
    Answer,
    CompareStep,
    DecisionStep,
    Lesson,
    LessonOffer,
    OfferStep,
    PredictStep,
    QuizStep,
    ScenarioStep,
    Source,
    SummaryStep,
    TextStep,
    WarningStep,
    policy_with,
)
from debtcoach.lessons.spread import Spread, spread_key, spread_of
from debtcoach.sim.loader import parse_toml, scenario_from_dict
from debtcoach.sim.results import SimResult
from debtcoach.sim.run import Progress, simulate
from debtcoach.sim.scenario import Localized, Scenario
from debtcoach.textfile import read_text
from debtcoach.validation import input_errors

LANGS: tuple[Lang, ...] = ("zh", "en")
NEEDS_SOURCES = (TextStep, OfferStep, QuizStep, WarningStep)


@dataclass
class LoadedLesson:
    lesson: Lesson
    folder: Path
    prose: dict[str, dict[str, str]]  # lang → section → Markdown
    offers: dict[str, LessonOffer]
    scenarios: dict[str, tuple[Scenario, int, int]]  # id → (scenario, paths, seed)
    answers: dict[str, float] = field(default_factory=dict)  # step id → computed answer
    workings: dict[str, Working] = field(default_factory=dict)  # step id → how it is worked out
    runs: dict[str, SimResult] = field(default_factory=dict)  # scenario id → full run
    # step id → an answer whose Monte Carlo run was left for later (``complete_answers``)
    pending: dict[str, Answer] = field(default_factory=dict)
    spreads: dict[str, Spread] = field(default_factory=dict)  # Monte Carlo scenario → spread
    spreads_pending: set[str] = field(default_factory=set)  # left for ``complete_answers``

    @property
    def incomplete(self) -> bool:
        """Whether Monte Carlo work was left for ``complete_answers``."""
        return bool(self.pending or self.spreads_pending)


@dataclass
class Completed:
    """What ``complete_answers`` worked out: step id → (answer, working); scenario → spread."""

    answers: dict[str, tuple[float, Working]]
    spreads: dict[str, Spread]


def load_sources(root: Path) -> dict[str, Source]:
    where = str(root / "sources.toml")
    data = parse_toml(read_text(root / "sources.toml", where), where)
    try:
        return {key: Source.model_validate(value) for key, value in data.items()}
    except ValidationError as exc:
        raise InputErrors(input_errors(exc, prefix=f"{where}:")) from None


def lesson_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "lesson.toml").exists())


def load_lesson(
    folder: Path, sources: dict[str, Source], progress: Progress | None = None,
    cache: AnswerCache | None = None, namespace: str = "", defer: bool = False,
) -> LoadedLesson:
    """One lesson, fully checked; raises InputErrors listing every problem found. ``progress``
    follows the long simulations behind computed answers (and may raise to stop them);
    ``cache`` keeps those answers by scenario content (``namespace``: the engine's version).
    With ``defer``, answers that need a Monte Carlo run not in the cache are left in
    ``pending`` for ``complete_answers`` (the app opens the lesson meanwhile)."""
    where = str(folder / "lesson.toml")
    data = parse_toml(read_text(folder / "lesson.toml", where), where)
    try:
        lesson = Lesson.model_validate(data)
    except ValidationError as exc:
        raise InputErrors(input_errors(exc, prefix=f"{where}:", tags=STEP_TYPES)) from None
    problems: list[InputError] = []

    def problem(path: str, code: str, **params: Any) -> None:
        problems.append(InputError(f"{where}: {path}", code, **params))

    prose = _load_prose(folder, problems)
    _check_texts(lesson, problem)
    offers = {offer.id: offer for offer in lesson.offers}
    runs: dict[str, SimResult] = {}
    scenarios = _load_scenarios(lesson, folder, problem, cache, namespace, runs)
    loaded = LoadedLesson(lesson, folder, prose, offers, scenarios, runs=runs)
    failed = {ref.id for ref in lesson.scenarios} - set(scenarios)

    def step_problem(path: str, code: str, **params: Any) -> None:
        """A scenario that failed to load was reported once: no follow-on errors about it."""
        if not failed or not any(params.get(key) in failed for key in ("value", "scenario")):
            problem(path, code, **params)

    _check_steps(loaded, sources, step_problem if failed else problem, progress,
                 (cache, namespace), defer)
    _find_spreads(loaded, cache, namespace, defer)
    if problems:
        raise InputErrors(problems)
    return loaded


def _load_prose(folder: Path, problems: list[InputError]) -> dict[str, dict[str, str]]:
    prose: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        path = folder / f"{lang}.md"
        try:
            text = read_text(path, str(path))
            if not text.strip():  # every step would show blank prose
                raise InputError(str(path), "file_empty")
            sections = split_sections(text, str(path))
            prose[lang] = {name: join_lines(body) for name, body in sections.items()}
        except InputError as error:
            problems.append(error)
            prose[lang] = {}
    return prose


def _check_texts(lesson: Lesson, problem: Any) -> None:
    """Both languages present and non-empty in every inline text."""

    def walk(value: Any, path: str) -> None:
        if isinstance(value, Localized):
            for lang in LANGS:
                if not getattr(value, lang).strip():
                    problem(path, "translation_missing", lang=lang)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name), f"{path}.{name}" if path else name)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk(lesson, "")


def _load_scenarios(
    lesson: Lesson, folder: Path, problem: Any, cache: AnswerCache | None = None,
    namespace: str = "", runs: dict[str, SimResult] | None = None,
) -> dict[str, tuple[Scenario, int, int]]:
    """The lesson's scenarios, each run once on one path to find what is broken; a scenario
    ``cache`` says ran before (same content and seed, same engine: ``namespace``) is not run
    again, so an opening does not pay for a check an earlier one made. A one-path scenario's
    check is its full run: kept in ``runs`` for the answers and comparisons about it."""
    out: dict[str, tuple[Scenario, int, int]] = {}
    for index, ref in enumerate(lesson.scenarios):
        path = f"scenarios[{index}]"
        try:
            if ref.file is not None:
                file = (folder / ref.file).resolve()
                if not file.is_relative_to(folder.parent.resolve()):
                    problem(f"{path}.file", "path_outside_lessons", value=ref.file)
                    continue
                data = parse_toml(read_text(file, str(file)), str(file))
                scenario = scenario_from_dict(data, str(file))
            else:
                assert ref.inline is not None
                scenario = scenario_from_dict(ref.inline, f"{path}.inline")
            if ref.months is not None:
                scenario = scenario.model_copy(update={"months": ref.months})
            checked = None if cache is None else _ran_key(scenario, ref.seed, namespace)
            if checked is None or cache is None or cache.get(checked) is not True:
                run = simulate(scenario, paths=1, seed=ref.seed)  # one path finds what is broken
                if checked is not None and cache is not None:
                    cache[checked] = True
                if runs is not None and ref.paths == 1:
                    runs[ref.id] = run
        except InputError as error:
            problem(f"{path} ({error.field})", error.code, **error.params)
            continue
        except InputErrors as errors:
            for found in errors.errors:
                problem(f"{path} ({found.field})", found.code, **found.params)
            continue
        if ref.id in out:
            problem(f"{path}.id", "duplicate_id", value=ref.id)
        out[ref.id] = (scenario, ref.paths, ref.seed)
    return out


def _ran_key(scenario: Scenario, seed: int, namespace: str) -> str:
    """What a scenario's check run depends on: its content and seed, and the engine."""
    return content_key(namespace, "ran", scenario, seed)


def _check_steps(
    loaded: LoadedLesson, sources: dict[str, Source], problem: Any, progress: Progress | None,
    cache: tuple[AnswerCache | None, str] = (None, ""), defer: bool = False,
) -> None:
    lesson = loaded.lesson
    seen: set[str] = set()
    kinds = {type(step) for step in lesson.steps}
    for required, name in ((QuizStep, "quiz"), (WarningStep, "warning")):
        if required not in kinds:
            problem("steps", "lesson_needs_step", kind=name)
    if (lesson.offers or lesson.scenarios) and PredictStep not in kinds:
        problem("steps", "lesson_needs_step", kind="predict")
    for index, step in enumerate(lesson.steps):
        path = f"steps[{index}]"
        if step.id in seen:
            problem(f"{path}.id", "duplicate_id", value=step.id)
        seen.add(step.id)
        for source in step.sources:
            if source not in sources:
                problem(f"{path}.sources", "source_unknown", value=source)
        if isinstance(step, NEEDS_SOURCES) and not step.sources:
            problem(f"{path}.sources", "sources_missing", kind=step.type)
        for name in ("prose", "before"):
            section = getattr(step, name, None)
            if section is None:
                continue
            for lang in LANGS:
                if loaded.prose[lang] and section not in loaded.prose[lang]:
                    problem(f"{path}.{name}", "prose_section_missing", name=section, lang=lang)
        _check_references(loaded, step, path, problem, progress, cache, defer)
        if isinstance(step, PredictStep | QuizStep) and step.id in loaded.answers:
            _check_not_given_away(loaded, step, path, problem)


def _check_references(
    loaded: LoadedLesson, step: Any, path: str, problem: Any, progress: Progress | None,
    cache: tuple[AnswerCache | None, str], defer: bool = False,
) -> None:
    offer = getattr(step, "offer", None)
    if offer is not None and offer not in loaded.offers:
        problem(f"{path}.offer", "offer_unknown", value=offer)
    scenario = getattr(step, "scenario", None)
    if scenario is not None and scenario not in loaded.scenarios:
        problem(f"{path}.scenario", "scenario_unknown", value=scenario)
    if isinstance(step, ScenarioStep | SummaryStep) and scenario in loaded.scenarios:
        months = loaded.scenarios[scenario][0].months
        if isinstance(step, ScenarioStep) and isinstance(step.until, int) and step.until > months:
            problem(f"{path}.until", "month_after_end", value=step.until, months=months)
    if isinstance(step, CompareStep):
        for number, row in enumerate(step.rows):
            if row.scenario not in loaded.scenarios:
                problem(f"{path}.rows[{number}].scenario", "scenario_unknown", value=row.scenario)
    if isinstance(step, DecisionStep) and scenario in loaded.scenarios:
        for number, choice in enumerate(step.choices):
            try:
                policy_with(loaded.scenarios[scenario][0].policy, choice.policy)
            except ValidationError as exc:
                for error in input_errors(exc, prefix=f"{path}.choices[{number}].policy"):
                    problem(error.field, error.code, **error.params)
    answer = getattr(step, "answer", None)
    if answer is not None and defer and is_monte_carlo(answer, loaded.scenarios):
        kept = kept_answer(answer, loaded.scenarios, *cache)
        if kept is None:
            loaded.pending[step.id] = answer
            return
    if answer is not None:
        _resolve_answer(loaded, step.id, answer, f"{path}.answer", problem, progress, cache)


def _resolve_answer(loaded: LoadedLesson, step_id: str, answer: Any, path: str,
                    problem: Any, progress: Progress | None,
                    cache: tuple[AnswerCache | None, str]) -> None:
    offers: dict[str, LoanOffer] = dict(loaded.offers)
    try:
        value, working = cached_answer(answer, offers, loaded.scenarios, loaded.runs, progress,
                                       *cache)
    except KeyError as missing:
        problem(path, "answer_unknown_ref", value=str(missing).strip("'"))
        return
    except (ValueError, InputError) as exc:
        problem(path, "answer_unresolved", detail=str(exc))
        return
    if not math.isfinite(value):
        problem(path, "answer_unresolved", detail=str(value))
        return
    loaded.answers[step_id] = value
    loaded.workings[step_id] = working


def _find_spreads(loaded: LoadedLesson, cache: AnswerCache | None, namespace: str,
                  defer: bool) -> None:
    """Every Monte Carlo scenario's spread: kept from before, from a run already made, or
    (``defer``) left for ``complete_answers``."""
    for scenario_id, (scenario, paths, seed) in loaded.scenarios.items():
        if paths <= 1:
            continue
        key = spread_key(scenario, paths, seed, namespace)
        kept = None if cache is None else Spread.from_json(cache.get(key))
        if kept is not None:
            loaded.spreads[scenario_id] = kept
        elif scenario_id in loaded.runs:
            loaded.spreads[scenario_id] = spread_of(loaded.runs[scenario_id])
            if cache is not None:
                cache[key] = loaded.spreads[scenario_id].as_json()
        elif defer:
            loaded.spreads_pending.add(scenario_id)


def complete_answers(loaded: LoadedLesson, progress: Progress | None = None,
                     cache: AnswerCache | None = None, namespace: str = "") -> Completed:
    """Work out what ``load_lesson(defer=True)`` left pending (Monte Carlo answers and
    spreads), keeping it in ``cache``; ``progress`` hears the share done over all runs (and
    may raise to stop). Returns it for ``settle`` without touching ``loaded`` (the caller may
    be another thread). ``debtcoach lessons check`` loads without deferring, so these answers
    were checked there."""
    order = sorted({scenario_of(answer) for answer in loaded.pending.values()}
                   | loaded.spreads_pending)
    runs: dict[str, SimResult] = {}

    def overall(scenario_id: str) -> Progress:
        base = order.index(scenario_id)

        def report(done: int, total: int) -> None:
            if progress is not None:
                progress(base * total + done, len(order) * total)
        return report

    answers = {step_id: cached_answer(answer, dict(loaded.offers), loaded.scenarios, runs,
                                      overall(scenario_of(answer)), cache, namespace)
               for step_id, answer in loaded.pending.items()}
    spreads: dict[str, Spread] = {}
    for scenario_id in sorted(loaded.spreads_pending):
        scenario, paths, seed = loaded.scenarios[scenario_id]
        if scenario_id not in runs:
            runs[scenario_id] = simulate(scenario, paths=paths, seed=seed,
                                         progress=overall(scenario_id))
        spreads[scenario_id] = spread_of(runs[scenario_id])
        if cache is not None:
            cache[spread_key(scenario, paths, seed, namespace)] = spreads[scenario_id].as_json()
    return Completed(answers, spreads)


def settle(loaded: LoadedLesson, completed: Completed) -> None:
    """Put what ``complete_answers`` worked out in place; its steps stop waiting."""
    for step_id, (value, working) in completed.answers.items():
        loaded.answers[step_id] = value
        loaded.workings[step_id] = working
        loaded.pending.pop(step_id, None)
    loaded.spreads.update(completed.spreads)
    loaded.spreads_pending -= set(completed.spreads)


def _check_not_given_away(loaded: LoadedLesson, step: PredictStep | QuizStep, path: str,
                          problem: Any) -> None:
    """Nothing shown before the answer may contain it: the question, the prose above it, the
    hints, the input's example."""
    from debtcoach.i18n import t
    from debtcoach.lessons.giveaway import contains_answer

    value = loaded.answers[step.id]
    for lang in LANGS:
        shown: list[tuple[str, str]] = [("question", step.question.text(lang)),
                                        ("placeholder", t(f"unit.{step.unit}", lang))]
        if step.before is not None:
            shown.append(("before", loaded.prose[lang].get(step.before, "")))
        if isinstance(step, QuizStep):
            shown += [(f"hints[{i}]", hint.text(lang)) for i, hint in enumerate(step.hints)]
        for name, text in shown:
            found = contains_answer(text, value, step.unit)
            if found is not None:
                problem(f"{path}.{name}", "answer_given_away", value=found, lang=lang)


def check_lessons(root: Path) -> tuple[list[LoadedLesson], list[InputError]]:
    """Every lesson under ``root``: the ones that load, and every problem in the others."""
    problems: list[InputError] = []
    try:
        sources = load_sources(root)
    except InputError as error:
        return [], [error]
    except InputErrors as errors:
        return [], errors.errors
    loaded: list[LoadedLesson] = []
    for folder in lesson_folders(root):
        try:
            loaded.append(load_lesson(folder, sources))
        except InputError as error:
            problems.append(error)
        except InputErrors as errors:
            problems.extend(errors.errors)
    ids: dict[str, Path] = {}
    for lesson in loaded:
        if lesson.lesson.id in ids:
            problems.append(InputError(str(lesson.folder / "lesson.toml") + ": id",
                                       "duplicate_id", value=lesson.lesson.id))
        ids[lesson.lesson.id] = lesson.folder
        # An author's check, not the app's: parsing every section would slow each lesson open.
        for lang, sections in lesson.prose.items():
            for name, body in sections.items():
                stray = stray_emphasis(body)
                if stray is not None:
                    problems.append(InputError(str(lesson.folder / f"{lang}.md"),
                                               "prose_stray_emphasis", name=name, text=stray))
    if not loaded and not problems:
        problems.append(InputError(str(root), "no_lessons"))
    return loaded, problems
