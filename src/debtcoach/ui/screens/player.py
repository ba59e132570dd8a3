"""The lesson player: prose and questions on one side, the simulation on the other.

A thin shell over :class:`debtcoach.lessons.player.LessonPlayer`: every key press becomes one call
on the player, then the screen redraws from the player's state and saves the action log.
"""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Button,
    Input,
    Label,
    Markdown,
    Static,
)
from textual.worker import get_current_worker

from debtcoach.coach.quiz import from_typed
from debtcoach.errors import InputError, InputErrors
from debtcoach.i18n import error_line, money, percent
from debtcoach.sim.summary import CostLine, cost_sentence
from debtcoach.store.paths import ANSWER_CACHE
from debtcoach.ui.catalog import LessonEntry, complete, load
from debtcoach.ui.keys import localize_bindings
from debtcoach.ui.memory import freeze_what_lives, release_and_collect
from debtcoach.ui.widgets.choice_list import ChoiceList
from debtcoach.ui.widgets.compare_table import compare_markup
from debtcoach.ui.widgets.footer import CalmFooter
from debtcoach.ui.widgets.month_figures import MonthFigures
from debtcoach.ui.widgets.number_input import NumberInput
from debtcoach.ui.widgets.warning_figures import warning_figures
from debtcoach.ui.widgets.wrapped_text import LessonMarkdown, WrappedText, WrappingButton

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

    from debtcoach.finance.offers import LoanOffer
    from debtcoach.lessons.loader import Completed, LoadedLesson
    from debtcoach.lessons.player import Banner, LessonPlayer
    from debtcoach.lessons.schema import PredictStep, QuizStep
    from debtcoach.lessons.spread import Spread
    from debtcoach.ui.app import DebtCoachApp

PLAY_SECONDS = 0.6


class LoadCancelled(Exception):
    """Raised inside a simulation's progress callback when the learner left the lesson."""


class PlayerScreen(Screen[None]):
    CSS_PATH = "player.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,space", "next", "Next", id="next"),
        Binding("left", "back", "Back", id="back"),
        Binding("h", "hint", "Hint", id="hint"),
        Binding("a", "give_up", "Answer", id="give_up"),
        Binding("p", "play", "Play", id="play"),
        Binding("w", "why", "Why", id="why"),
        Binding("i", "facts", "Numbers", id="facts"),
        Binding("o", "other_choice", "Try another choice", id="other"),
        Binding("escape", "home", "Home", id="home"),
        # The step pane scrolls without Tab; between decision buttons the arrows move the focus.
        Binding("down", "scroll_step(1)", "Scroll", id="scroll", show=False),
        Binding("up", "scroll_step(-1)", "Scroll", id="scroll", show=False),
        Binding("pagedown", "scroll_step(10)", "Scroll", id="scroll", show=False),
        Binding("pageup", "scroll_step(-10)", "Scroll", id="scroll", show=False),
    ]

    class StepShown(Message):
        """A step is on screen (tests follow the lesson through these)."""

        bubble = False

        def __init__(self, step_id: str, index: int) -> None:
            super().__init__()
            self.step_id = step_id
            self.index = index

    class WarningShown(Message):
        """A warning banner went up, in this month of the simulation (None: not a month's)."""

        bubble = False

        def __init__(self, step_id: str, month: int | None) -> None:
            super().__init__()
            self.step_id = step_id
            self.month = month

    class Loaded(Message):
        def __init__(self, loaded: LoadedLesson) -> None:
            super().__init__()
            self.loaded = loaded

    class AnswersReady(Message):
        """The Monte Carlo answers left for later are worked out."""

        def __init__(self, results: Completed) -> None:
            super().__init__()
            self.results = results

    class LoadFailed(Message):
        def __init__(self, errors: list[InputError]) -> None:
            super().__init__()
            self.errors = errors

    def __init__(self, entry: LessonEntry, today: date | None = None) -> None:
        super().__init__()
        self.entry = entry
        self.today = today or date.today()
        self.player: LessonPlayer | None = None
        # (step id, answered, branch shown) on show: controls are rebuilt when one changes
        self._controls_for: tuple[str, bool, int | None] | None = None
        self._prose_shown: str | None = None
        self._texts_shown: dict[str, str] = {}
        self._sources: dict[str, tuple[str, str]] = {}
        self._playing: Timer | None = None
        self._scrolled_for: str | None = None
        self._feedback_seen = ""
        self._scrolls_pending = 0  # scrolls to new content waiting for the layout
        self.step_shown: str | None = None  # the id of the step drawn last
        self._keys_shown: tuple[bool | None, ...] = ()
        self._loaded: LoadedLesson | None = None
        self._percent = 0  # of the Monte Carlo answers worked out so far
        self._held_guess: tuple[str, float] | None = None  # (step id, number) typed meanwhile

    @property
    def coach(self) -> DebtCoachApp:
        return cast("DebtCoachApp", self.app)

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="heading")
        with Vertical(id="loading"):
            yield Label(id="loading-label")
        with Horizontal(id="body"):
            with VerticalScroll(id="step"):
                yield LessonMarkdown(id="prose")
                yield Static(id="detail")
                yield Vertical(id="controls")
                yield Static(id="feedback")
            with Vertical(id="simulation"):
                yield self._chart()
                yield MonthFigures(id="month")
        yield Static(id="cost")
        yield Static(id="banner")
        yield CalmFooter()

    def _chart(self) -> Static:
        from debtcoach.ui.widgets.debt_chart import DebtChart, TextDebtChart

        if self.coach.settings.plain:
            return TextDebtChart(id="chart")
        return cast(Static, DebtChart(id="chart"))

    def on_mount(self) -> None:
        for hidden in ("#body", "#banner", "#cost"):
            self.query_one(hidden).display = False
        self.relabel()
        self.load_lesson()

    # --- loading (off the UI thread: lessons run simulations, some Monte Carlo) -----------

    @property
    def _cache_file(self) -> Path:
        return self.coach.store.path.parent / ANSWER_CACHE

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_lesson(self) -> None:
        """Load off the UI thread; Monte Carlo answers not kept from an earlier opening are
        left for ``complete_lesson``, so the lesson opens at once."""
        worker = get_current_worker()
        try:
            loaded = load(self.entry, None, self._cache_file, defer=True)
        except InputError as error:
            self.post_message(self.LoadFailed([error]))
            return
        except InputErrors as errors:
            self.post_message(self.LoadFailed(errors.errors))
            return
        if not worker.is_cancelled:
            self.post_message(self.Loaded(loaded))

    @work(thread=True, exclusive=True, exit_on_error=False, group="compute")
    def complete_lesson(self, loaded: LoadedLesson) -> None:
        """The Monte Carlo answers, while the learner reads; Esc stops them."""
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise LoadCancelled
            percent = done * 100 // max(total, 1)
            if percent != self._percent:
                self.app.call_from_thread(self._computing, percent)

        try:
            results = complete(loaded, progress, self._cache_file)
        except LoadCancelled:
            return
        except InputError as error:
            self.post_message(self.LoadFailed([error]))
            return
        if not worker.is_cancelled:
            self.post_message(self.AnswersReady(results))

    def _complete_if_open(self, loaded: LoadedLesson) -> None:
        if self.is_attached:
            self.complete_lesson(loaded)

    @on(Loaded)
    async def start(self, message: Loaded) -> None:
        from debtcoach.lessons.loader import load_sources
        from debtcoach.lessons.player import AnswerPending, LessonPlayer

        loaded = message.loaded
        if self._loaded is None and loaded.incomplete:
            # Once the step is on screen: the simulation would otherwise share the CPU (and
            # Python's lock) with drawing it.
            self.call_after_refresh(self._complete_if_open, loaded)
        self._loaded = loaded
        sources = load_sources(self.entry.folder.parent)
        self._sources = {key: (s.title, s.url) for key, s in sources.items()}
        saved = self.coach.store.load_progress(self.entry.id)
        try:
            self.player = (LessonPlayer.replay(loaded, list(saved.log), self.today)
                           if saved else LessonPlayer(loaded, today=self.today))
        except AnswerPending:
            # The saved place is past a question still being worked out: back there after.
            self._computing(self._percent)
            return
        except (ValueError, KeyError, IndexError, TypeError):
            # The lesson changed since it was saved: start it again rather than fail.
            self.player = LessonPlayer(loaded, today=self.today)
        self.query_one("#loading").display = False
        self.query_one("#body").display = True
        await self.show_step()
        # Once the step is on screen, before it is played.
        self.call_after_refresh(freeze_what_lives)

    def _computing(self, percent: int) -> None:
        """How far the Monte Carlo answers are: on the waiting step, or instead of the lesson
        while the saved place waits for them."""
        self._percent = percent
        if self.player is None:
            self.query_one("#loading-label", Label).update(
                self.coach.t("player.computing_resume", percent=percent))
        elif self.player.waiting():
            self._set_text("feedback", self._feedback(self.player.step))

    @on(AnswersReady)
    async def answers_ready(self, message: AnswersReady) -> None:
        from debtcoach.lessons.loader import settle

        if self._loaded is None:
            return
        settle(self._loaded, message.results)
        if self.player is None:
            await self.start(self.Loaded(self._loaded))
            return
        held, self._held_guess = self._held_guess, None
        if held is not None and held[0] == self.player.step.id:
            await self._answer_number(held[1])
            return
        await self.show_step()

    @on(LoadFailed)
    def failed(self, message: LoadFailed) -> None:
        lines = [error_line(e, self.coach.lang) for e in message.errors[:5]]
        self.query_one("#loading-label", Label).update(
            self.coach.t("player.load_failed") + "\n" + "\n".join(lines))
        self.query_one("#loading").display = True
        self.query_one("#body").display = False

    # --- drawing --------------------------------------------------------------------------

    def relabel(self) -> None:
        app = self.coach
        localize_bindings(self, app.lang)
        self.query_one("#loading-label", Label).update(app.t("player.loading"))
        if self.player is not None:
            self._controls_for = None  # labels changed: rebuild the controls too
            self.call_later(self.show_step)

    async def show_step(self) -> None:
        """Draw the current step, as one frame: laid out and painted once, after every part
        of it changed, rather than once for each part that finished (new controls mounting,
        the prose's blocks, the footer)."""
        with self.app.batch_update():
            await self._draw_step()

    async def _draw_step(self) -> None:
        from debtcoach.lessons.schema import CompareStep, OfferStep, QuizStep, TextStep

        player = self.player
        if player is None:
            return
        app = self.coach
        lang = app.lang
        step = player.step
        total = len(player.steps)
        self._set_prose(self._prose(step))
        self._set_text("detail", self._detail(step))
        await self._build_controls(step)
        # The step number is drawn only once its field has the focus: keys typed after seeing
        # it reach the field (a fast typist, a slow machine), never the step before.
        self._set_text("heading", f"[b]{self.entry.title.get(lang, self.entry.id)}[/b] · "
                       + app.t("player.step", index=player.index + 1, total=total))
        self._set_text("feedback", self._feedback(step))
        simulation = self.query_one("#simulation")
        _set_class(simulation, player.active_scenario is None, "-no-simulation")
        # At 80×24 the chart steps aside for reading and questions that are not about it.
        _set_class(simulation, isinstance(step, TextStep | QuizStep | OfferStep | CompareStep),
                   "-reading")
        self.show_simulation()
        self.show_banner()
        self._scroll_to_news(step.id)
        keys = tuple(self.check_action(a, ())
                     for a in ("hint", "give_up", "play", "why", "back", "facts"))
        if keys != self._keys_shown:  # the footer is rebuilt on every refresh: only on a change
            self._keys_shown = keys
            self.refresh_bindings()
        self.step_shown = step.id
        self.post_message(self.StepShown(step.id, player.index))

    def _scroll_to_news(self, step_id: str) -> None:
        """A new step starts at the top, or, when its question and controls would not fit
        under the prose, at the question; new feedback (a hint, a reveal, the answer) is
        scrolled into view, and kept there while the text around it is still being wrapped."""
        pane = self.query_one("#step", VerticalScroll)
        feedback = self._texts_shown.get("feedback", "")
        if self._scrolled_for != step_id:
            self._scrolled_for = step_id
            pane.scroll_home(animate=False, immediate=True)
            if self.query_one("#controls").children:
                self._scroll_after_layout(self.query_one("#detail"), top=True)
        elif feedback and feedback != self._feedback_seen:
            self._scroll_after_layout(self.query_one("#feedback"), top=False)
        self._feedback_seen = feedback

    def _scroll_after_layout(self, widget: Widget, top: bool, again: bool = True) -> None:
        """Scroll the step pane to ``widget`` once the new content has its place, and once
        more after that: the scroll bar it brings narrows the pane, and the text rewrapped
        to it may move the widget."""
        self._scrolls_pending += 1

        def scroll() -> None:
            self._scrolls_pending -= 1
            self.query_one("#step", VerticalScroll).scroll_to_widget(widget, animate=False,
                                                                     top=top)
            if again:
                self._scroll_after_layout(widget, top, again=False)

        self.call_after_refresh(scroll)

    @property
    def settled(self) -> bool:
        """Whether every scroll to new content asked for so far was done (tests wait for it
        before looking at the screen)."""
        return self._scrolls_pending == 0

    def _set_text(self, widget_id: str, text: str) -> None:
        """Update a Static only when its text changed, and lay the screen out again only when
        its height changed too (a new month's line keeps its height: repainting it is enough)."""
        if self._texts_shown.get(widget_id) != text:
            self._texts_shown[widget_id] = text
            _update(self.query_one(f"#{widget_id}", Static), WrappedText.from_markup(text))

    def _set_prose(self, text: str) -> None:
        """Markdown rebuilds its blocks on every update: only when the prose really changed."""
        if text != self._prose_shown:
            self._prose_shown = text
            self.query_one("#prose", Markdown).update(text)

    def _prose(self, step: object) -> str:
        """The step's prose; a question's reveal (``prose``) only once it is answered, under the
        prose that leads up to it (``before``)."""
        from debtcoach.lessons.schema import PredictStep, QuizStep

        assert self.player is not None
        sections = self.player.loaded.prose[self.coach.lang]
        names = [getattr(step, "before", None)]
        if not isinstance(step, PredictStep | QuizStep) or self.player.step_done():
            names.append(getattr(step, "prose", None))
        return "\n\n".join(sections.get(name, "") for name in names if name is not None)

    def _detail(self, step: object) -> str:
        """What the step shows besides prose: the ad and its real cost, a question, a summary."""
        from debtcoach.lessons.compare import compare
        from debtcoach.lessons.schema import (
            CompareStep,
            DecisionStep,
            OfferStep,
            PredictStep,
            QuizStep,
            ScenarioStep,
            SummaryStep,
            WarningStep,
        )

        assert self.player is not None
        app, lang, player = self.coach, self.coach.lang, self.player
        if isinstance(step, OfferStep):
            return self._offer_text(step.offer, step.id in player.revealed)
        if isinstance(step, QuizStep | PredictStep):
            question = f"[b]{inline(step.question.text(lang))}[/b]"
            if isinstance(step, QuizStep) and step.id in player.quiz_results and step.choices:
                return "\n".join([question, "", *self._marked_choices(step)])
            return question
        if isinstance(step, DecisionStep):
            return f"[b]{inline(step.prompt.text(lang))}[/b]"
        if isinstance(step, ScenarioStep):
            run = player.run(step.scenario)
            months = player.loaded.scenarios[step.scenario][0].months
            key = "player.scenario_paused" if player.step_done() else "player.scenario_running"
            return app.t(key, month=run.months, months=months) + "\n" + app.t("facts.hint")
        if isinstance(step, SummaryStep):
            return self._cost_sentence(player.summary())
        if isinstance(step, CompareStep):
            return compare_markup(compare(player.loaded, step), app.t, lang)
        if isinstance(step, WarningStep):
            return "\n\n".join([self._banner_text(step.message.text(lang), step.id),
                                  step.why.text(lang),
                                app.t("player.sources_hint")])
        return ""

    def _offer_text(self, offer_id: str, revealed: bool) -> str:
        """The ad, then every term the real rate counts (amount, term, rate with its period,
        each fee, the repayment method); after the reveal, the money actually received and
        repaid, the rates, and the working."""
        assert self.player is not None
        app, lang = self.coach, self.coach.lang
        offer = self.player.loaded.offers[offer_id]
        lines = [f"[b]{inline(offer.app.text(lang))}[/b]", f"“{inline(offer.headline.text(lang))}”",
                 "", app.t("offer.terms", amount=money(offer.amount_fen, lang),
                           term=self._term(offer.term.count, offer.term.unit.value),
                           rate=self._rate(offer.rate.value, offer.rate.period.unit.value,
                                           offer.rate.period.count),
                           method=app.t(f"repayment.{offer.repayment.value}"))]
        for name, fee in offer.fees():
            parts = []
            if fee.share:
                parts.append(app.t("offer.fee_share", share=percent(float(fee.share), lang)))
            if fee.fixed_fen:
                parts.append(money(fee.fixed_fen, lang))
            lines.append(app.t("offer.fee", name=app.t(f"offer.fee.{name}"),
                               amount=" + ".join(parts),
                               when=app.t(f"offer.when.{fee.timing.value}")))
        if not revealed:
            return "\n".join([*lines, "", app.t("player.offer_reveal_hint")])
        cost = self.player.offer_cost(offer_id)
        f, schedule = cost.figures, cost.schedule
        used = schedule.flows[0]  # paid out, less any fee paid back at payout
        lines += [
            "",
            app.t("offer.used", received=money(used, lang),
                  kept=money(schedule.contract - used, lang))
            if used != schedule.contract else
            app.t("offer.used_all", received=money(used, lang)),
            app.t("player.offer_money", repaid=money(schedule.total_repaid, lang),
                  cost=money(schedule.total_cost, lang)),
            app.t("player.offer_real", apr=percent(f.apr_nominal, lang),
                  advertised=percent(f.apr_advertised or 0, lang)),
            app.t("player.offer_other", effective=percent(f.apr_effective, lang),
                  simple=percent(f.apr_simple, lang)),
            app.t("offer.schedule_hint", command=apr_command(offer, app.lang)),
        ]
        return "\n".join(lines)

    def _term(self, count: int, unit: str) -> str:
        return self.coach.t(f"term.{unit}", count=count)

    def _rate(self, value: object, unit: str, count: int) -> str:
        from fractions import Fraction

        from debtcoach.finance.rates import format_percent

        share = format_percent(value) if isinstance(value, Fraction) else str(value)
        if count != 1:
            return self.coach.t("rate.every", rate=share, period=self._term(count, unit))
        return self.coach.t(f"rate.per.{unit}", rate=share)

    def _marked_choices(self, step: QuizStep) -> list[str]:
        """Every choice of an answered quiz: which were right, which the learner picked, with a
        symbol and a word (never colour alone)."""
        assert self.player is not None
        app, lang = self.coach, self.coach.lang
        picked = set(self.player.quiz_results[step.id].picked)
        lines = []
        for index, choice in enumerate(step.choices):
            key = ("player.choice_right_picked" if choice.correct and index in picked else
                   "player.choice_right_missed" if choice.correct else
                   "player.choice_wrong_picked" if index in picked else "player.choice_other")
            lines.append(app.t(key, text=inline(choice.text.text(lang))))
        return lines

    def _feedback(self, step: object) -> str:
        from debtcoach.lessons.schema import DecisionStep, PredictStep, QuizStep

        assert self.player is not None
        app, lang, player = self.coach, self.coach.lang, self.player
        if (isinstance(step, PredictStep | QuizStep) and player.waiting()
                and step.id not in player.predictions and step.id not in player.quiz_results):
            return self._computing_text(step)
        if isinstance(step, QuizStep):
            return self._quiz_feedback(step)
        if isinstance(step, PredictStep) and step.id in player.predictions:
            reveal = player.predictions[step.id]
            verdict = reveal.verdict
            lines = [app.t(f"player.reveal_{verdict}", actual=self._shown(reveal.actual, step.unit),
                           guess=self._shown(reveal.guess, step.unit),
                           gap=self._gap(reveal.actual, reveal.guess, step.unit),
                           tolerance=self._tolerance(reveal.actual, step.tolerance, step.unit))]
            said = getattr(step.feedback, verdict)
            if said is not None:
                lines.append(inline(said.text(lang)))
            lines.append(self._working(step))
            lines.append(self._spread(step))
            return "\n".join(line for line in lines if line)
        if isinstance(step, DecisionStep) and step.id in player.decisions:
            first = step.choices[player.first_decisions[step.id]]
            choice = step.choices[player.decisions[step.id]]
            lines = [app.t("player.decided", choice=inline(first.label.text(lang)))]
            if choice is not first:
                lines.append(app.t("player.exploring", choice=inline(choice.label.text(lang))))
            if choice.feedback:
                lines.append(inline(choice.feedback.text(lang)))
            lines.append(app.t("player.explore_hint"))
            return "\n".join(lines)
        return ""

    def _computing_text(self, step: PredictStep | QuizStep) -> str:
        from debtcoach.lessons.answers import scenario_of

        assert self.player is not None and step.answer is not None
        paths = self.player.loaded.scenarios[scenario_of(step.answer)][1]
        lines = [self.coach.t("player.computing", paths=f"{paths:,}", percent=self._percent)]
        if self._held_guess is not None and self._held_guess[0] == step.id:
            lines.append(self.coach.t("player.computing_guess", guess=self._shown(
                from_typed(self._held_guess[1], step.unit), step.unit)))
        return "\n".join(lines)

    def _spread(self, step: PredictStep) -> str:
        """For an answer about a Monte Carlo run: the spread of its paths by month, and its
        last month against the lesson's first such run."""
        from debtcoach.lessons.answers import scenario_of
        from debtcoach.lessons.schema import PredictStep
        from debtcoach.ui.widgets.spread_table import spread_text

        assert self.player is not None
        loaded = self.player.loaded
        scenario = scenario_of(step.answer)
        if scenario not in loaded.scenarios or loaded.scenarios[scenario][1] <= 1:
            return ""
        if scenario not in loaded.spreads:
            return self._computing_text(step)
        first = next(scenario_of(s.answer) for s in loaded.lesson.steps
                     if isinstance(s, PredictStep) and scenario_of(s.answer) in loaded.spreads)
        base = loaded.spreads[first] if first != scenario else None
        return spread_text(loaded.spreads[scenario], self.coach.lang, self.coach.t, base)

    def _spread_shown(self) -> Spread | None:
        """The Monte Carlo spread the current step's revealed answer is about, if any."""
        from debtcoach.lessons.answers import scenario_of
        from debtcoach.lessons.schema import PredictStep

        player = self.player
        if player is None:
            return None
        step = player.step
        if not isinstance(step, PredictStep) or step.id not in player.predictions:
            return None
        return player.loaded.spreads.get(scenario_of(step.answer))

    def _quiz_feedback(self, step: QuizStep) -> str:
        assert self.player is not None
        app, lang, player = self.coach, self.coach.lang, self.player
        lines = [f"💡 {inline(h.text(lang))}"
                 for h in step.hints[: player.hints_shown.get(step.id, 0)]]
        result = player.quiz_results.get(step.id)
        tries = player.tries.get(step.id, [])
        if result is None:
            if tries:
                lines.insert(0, f"[b]{app.t('player.try_again')}[/b]")
            if player.hints_shown.get(step.id, 0) < len(step.hints):
                lines.append(app.t("player.hint_hint"))
            lines.append(app.t("player.give_up_hint"))
            return "\n".join(lines)
        verdict = app.t("player.right" if result.correct else "player.wrong")
        lines.append(f"[b]{verdict}[/b]")
        if result.expected is not None:
            if result.number is not None:
                lines.append(app.t("player.your_number",
                                   value=self._shown(result.number, "number")
                                   + ("%" if step.unit in ("percent", "share") else "")))
            lines.append(app.t("player.expected", value=self._shown(result.expected, step.unit)))
            lines.append(self._working(step))
        lines.append(inline(step.explanation.text(lang)))
        return "\n".join(lines)

    def _working(self, step: PredictStep | QuizStep) -> str:
        """The formula with the step's numbers."""
        assert self.player is not None
        working, lang = self.player.loaded.workings[step.id], self.coach.lang
        numbers: dict[str, object] = {}
        for name, value in working.numbers.items():
            if name.endswith("_fen"):
                numbers[name.removesuffix("_fen")] = money(int(value), lang)
            elif name.endswith("_share"):
                numbers[name.removesuffix("_share")] = percent(float(value), lang)
            elif isinstance(value, float):
                numbers[name] = f"{value:,.0f}" if value == round(value) else f"{value:,.2f}"
            elif isinstance(value, int):
                numbers[name] = f"{value:,}"
            else:
                numbers[name] = value
        if working.kind == "rate_per_year":
            unit = str(working.numbers["unit"])
            numbers["per"] = self.coach.t(f"per.{unit}")
            numbers["periods"] = self.coach.t(f"periods.{unit}")
        formula = self.coach.t(f"working.{working.kind}", **numbers)
        paths = working.numbers.get("paths", 1)
        if working.kind in ("debt_at", "costs_at") and isinstance(paths, int) and paths > 1:
            formula += self.coach.t("working.average", paths=f"{paths:,}")
        return self.coach.t("player.working", formula=formula)

    def _gap(self, actual: float, guess: float, unit: str) -> str:
        """How far off: percentage points for rates and shares, yuan (and a share) for money."""
        lang = self.coach.lang
        if unit in ("percent", "share"):
            return self.coach.t("player.gap_points", points=f"{abs(actual - guess) * 100:,.2f}")
        shown = self._shown(abs(actual - guess), unit)
        if not actual:
            return shown
        return self.coach.t("player.gap_money", money=shown,
                            share=percent(abs(actual - guess) / abs(actual), lang, digits=0))

    def _tolerance(self, actual: float, tolerance: float, unit: str) -> str:
        return self._gap(actual, actual * (1 + tolerance), unit).split("（")[0].split(" (")[0]

    def _shown(self, value: float, unit: str) -> str:
        lang = self.coach.lang
        if unit in ("percent", "share"):
            return percent(value, lang)
        if unit == "yuan":
            return money(round(value * 100), lang)
        return f"{value:,.2f}"

    async def _build_controls(self, step: object) -> None:
        """Buttons and fields for the step, rebuilt only when the step or its answer changes
        (so a hint keeps what was typed and where the focus is)."""
        from debtcoach.lessons.schema import DecisionStep, PredictStep, QuizStep

        assert self.player is not None
        app, lang, player = self.coach, self.coach.lang, self.player
        key = (player.step.id, player.step_done(), player.decisions.get(player.step.id))
        if key == self._controls_for:
            return
        self._controls_for = key
        controls = self.query_one("#controls", Vertical)
        await controls.remove_children()
        widgets: list[object] = []
        if isinstance(step, DecisionStep):  # once decided, another choice shows its branch
            first = player.first_decisions.get(step.id)
            widgets = [WrappingButton(app.t("player.your_choice", choice=c.label.text(lang))
                                      if i == first else c.label.text(lang),
                                      id=f"choice-{i}", classes="choice")
                       for i, c in enumerate(step.choices)]
        elif isinstance(step, PredictStep) and step.id not in player.predictions:
            widgets = [NumberInput(app.t(f"unit.{step.unit}"), id="number"),
                       Button(app.t("player.reveal"), id="submit")]
        elif isinstance(step, QuizStep) and step.id not in player.quiz_results:
            if step.kind in ("single", "multiple"):
                texts = [Text.from_markup(inline(c.text.text(lang))) for c in step.choices]
                widgets = [ChoiceList(texts, step.kind == "multiple", id="choices")]
            else:
                widgets = [NumberInput(app.t(f"unit.{step.unit}"), id="number")]
            widgets.append(Button(app.t("player.answer"), id="submit", variant="primary"))
        if widgets:
            await controls.mount_all(widgets)  # type: ignore[arg-type]
            cast(Widget, widgets[0]).focus()
        else:
            self.set_focus(None)

    def show_simulation(self) -> None:
        """The chart, the month and the cost line; on a step being reread, as they were then."""
        player = self.player
        scenario, upto = (None, None) if player is None else player.view()
        if player is None or scenario is None:
            return
        app, lang = self.coach, self.coach.lang
        result = player.result(scenario)
        line = player.cost_line(scenario, upto)
        months = 0 if result is None else result.months if upto is None else upto
        debts = [] if result is None else [int(d) for d in result.metrics["debt"][0][:months]]
        chart = self.query_one("#chart")
        spread = self._spread_shown()
        if spread is None:
            chart.show(debts, line.need, lang)  # type: ignore[attr-defined]
            chart.border_title = app.t("player.chart", need=money(line.need, lang))
        else:  # an answer about many paths: their fan, not the one story
            chart.show_fan(spread.debt_p10, spread.debt_p50,  # type: ignore[attr-defined]
                           spread.debt_p90, line.need, lang)
            chart.border_title = app.t("player.chart_fan", paths=f"{spread.paths:,}")
        self.query_one("#month", MonthFigures).show(*self._month_figures(result, months))
        cost = self._cost_sentence(line) if months else ""
        self._set_text("cost", cost)
        _show(self.query_one("#cost"), bool(cost))

    def _cost_sentence(self, line: CostLine) -> str:
        lang = self.coach.lang
        return cost_sentence(line, self.coach.t, lambda fen: money(fen, lang))

    def _month_figures(self, result: object, months: int) -> tuple[str, list[tuple[str, str]]]:
        """The title and rows of the ``months``-th month: what was borrowed and paid (and how
        much of it from pay), the interest, fees and penalties charged, what is owed, to how
        many lenders, the state."""
        from debtcoach.sim.results import STATES, SimResult

        app, lang = self.coach, self.coach.lang
        if not isinstance(result, SimResult) or months == 0:
            return app.t("player.no_month"), []
        m, month = result.metrics, months - 1
        rows = [
            ("sim.col.cash_received", money(int(m["cash_received"][0, month]), lang)),
            ("sim.col.paid", money(int(m["paid"][0, month]), lang)),
            ("player.month_from_pay", money(int(m["paid_from_income"][0, month]), lang)),
            ("player.month_interest", money(int(m["interest_incurred"][0, month]), lang)),
            ("player.month_fees", money(int(m["fees_incurred"][0, month]), lang)),
            ("player.month_penalties", money(int(m["penalties_incurred"][0, month]), lang)),
            ("sim.col.debt", money(int(m["debt"][0, month]), lang)),
            ("sim.col.lenders", str(int(m["active_lenders"][0, month]))),
            ("sim.col.state", app.t(f"state.{STATES[int(result.state[0, month])]}")),
        ]
        return app.t("player.month", month=months), [(app.t(key), value) for key, value in rows]

    def _banner_text(self, message: str, step_id: str) -> str:
        """One label, the message and the figures that made it fire."""
        assert self.player is not None
        figures = warning_figures(self.player, step_id, self.coach.t, self.coach.lang)
        text = f"⚠ [b]{self.coach.t('player.warning')}[/b] {escape(message)}"
        return text + (self.coach.t("warning.figures", figures=figures) if figures else "")

    def show_banner(self) -> None:
        banner = self.query_one("#banner", Static)
        player = self.player
        if player is None or not player.banners or player.step.id == player.banners[-1].step_id \
                or player.banners[-1].at_step != player.step.id:
            # An old warning does not linger over unrelated steps; on its own step it is the
            # step's text already.
            _show(banner, False)
            return
        last = player.banners[-1]
        text = self._banner_text(last.message.text(self.coach.lang), last.step_id)
        self._set_text("banner", f"{text}  · {self.coach.t('player.why_hint')}")
        _show(banner, True)

    # --- acting ---------------------------------------------------------------------------

    async def _after(self, banners: list[Banner]) -> None:
        """Redraw, announce new warnings, save."""
        await self.show_step()
        for banner in banners:
            self.post_message(self.WarningShown(banner.step_id, banner.month))
            if not self.coach.settings.plain:
                self.app.bell()
        self.save_progress()

    def save_progress(self) -> None:
        if self.player is None:
            return
        self.coach.store.save_progress(self.entry.id, list(self.player.log),
                                       self.player.step.id, self.player.finished)

    async def action_next(self) -> None:
        player = self.player
        if player is None:
            return
        if player.index == len(player.steps) - 1 and player.step_done():
            self.save_progress()
            self.show_end()
            return
        await self._after(player.next())

    def show_end(self) -> None:
        """The lesson's end: a summary, then the next lesson, home, or back to reread."""
        from debtcoach.ui.screens.lesson_end import EndChoice, LessonEndScreen

        app = self.coach
        later = [e for e in app.lessons if (e.part, e.order) > (self.entry.part, self.entry.order)]
        next_entry = later[0] if later else None

        def chosen(choice: EndChoice | None) -> None:
            if choice == "next" and next_entry is not None:
                self.action_home()
                app.open_lesson(next_entry)
            elif choice == "home":
                self.action_home()

        app.push_screen(LessonEndScreen(self._end_text(next_entry), next_entry), chosen)

    def _end_text(self, next_entry: LessonEntry | None) -> str:
        from debtcoach.lessons.schema import PredictStep, QuizStep

        assert self.player is not None
        app, lang, player = self.coach, self.coach.lang, self.player
        lines = [f"[b]{app.t('end.title', title=self.entry.title.get(lang, self.entry.id))}[/b]",
                 "", app.t("end.learned"), inline(self.entry.summary.get(lang, "")), "",
                 app.t("end.answers")]
        for step in player.steps:
            if isinstance(step, QuizStep) and step.id in player.quiz_results:
                tries = len(player.tries.get(step.id, []))
                key = ("end.quiz_first" if player.quiz_results[step.id].correct and tries == 1
                       else "end.quiz_later" if player.quiz_results[step.id].correct
                       else "end.quiz_missed")
                lines.append(app.t(key, question=inline(step.question.text(lang)), tries=tries))
            elif isinstance(step, PredictStep) and step.id in player.predictions:
                reveal = player.predictions[step.id]
                lines.append(app.t("end.prediction", question=inline(step.question.text(lang)),
                                   guess=self._shown(reveal.guess, step.unit),
                                   actual=self._shown(reveal.actual, step.unit)))
        lines.append("")
        if next_entry is not None:
            lines.append(app.t("end.next", title=next_entry.title.get(lang, next_entry.id)))
        else:
            lines.append(app.t("end.last"))
        return "\n".join(lines)

    async def action_back(self) -> None:
        if self.player is not None:
            self.player.back()
            await self._after([])

    async def action_hint(self) -> None:
        if self.player is not None and self.player.hint() is not None:
            await self._after([])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that do something on this step show in the footer."""
        from debtcoach.lessons.schema import DecisionStep, PredictStep, QuizStep, ScenarioStep

        player = self.player
        if player is None:
            return action not in ("hint", "give_up", "play", "why", "next", "back", "facts",
                                  "other_choice")
        step = player.step
        if action == "hint":
            return (isinstance(step, QuizStep) and step.id not in player.quiz_results
                    and player.hints_shown.get(step.id, 0) < len(step.hints))
        if action == "give_up":
            return isinstance(step, QuizStep) and step.id not in player.quiz_results
        if action == "play":
            return isinstance(step, ScenarioStep) and not player.step_done()
        if action == "why":
            return bool(player.banners)
        if action == "next":  # a question waits for its answer (space would type into it)
            return player.step_done() or not isinstance(step, QuizStep | PredictStep
                                                        | DecisionStep)
        if action == "back":
            return player.index > 0
        if action == "facts":
            return player.active_scenario is not None
        if action == "other_choice":
            return self._decision_to_revisit() is not None
        return True

    def action_scroll_step(self, lines: int) -> None:
        focused = self.focused
        if isinstance(focused, Button) and focused.has_class("choice") and abs(lines) == 1:
            if lines > 0:
                self.focus_next(".choice")
            else:
                self.focus_previous(".choice")
            return
        pane = self.query_one("#step", VerticalScroll)
        pane.scroll_relative(y=lines, animate=False)

    async def action_give_up(self) -> None:
        if self.player is not None and self.player.give_up() is not None:
            await self._after([])

    async def action_play(self) -> None:
        """Months at a steady pace until the scenario pauses (at once without animations)."""
        from debtcoach.lessons.schema import ScenarioStep

        player = self.player
        if player is None or not isinstance(player.step, ScenarioStep):
            return
        if self._playing is not None:
            self._stop_playing()
            return
        if not self.coach.settings.animations:
            banners: list[Banner] = []
            while not player.step_done():
                banners += player.advance_month()
            await self._after(banners)
            return
        self._playing = self.set_interval(PLAY_SECONDS, self._play_one)

    async def _play_one(self) -> None:
        player = self.player
        if player is None or player.step_done():
            self._stop_playing()
            return
        await self._after(player.advance_month())

    def _stop_playing(self) -> None:
        if self._playing is not None:
            self._playing.stop()
            self._playing = None

    def action_why(self) -> None:
        from debtcoach.ui.screens.why import WhyScreen

        if self.player is None or not self.player.banners:
            return
        banner = self.player.banners[-1]
        self.app.push_screen(WhyScreen(banner, self._sources))

    def action_facts(self) -> None:
        """The numbers of the scenario on screen: the borrower's money, each lender's terms."""
        from debtcoach.ui.screens.facts import FactsScreen

        scenario = None if self.player is None else self.player.active_scenario
        if self.player is not None and scenario is not None:
            self.app.push_screen(FactsScreen(self.player.loaded.scenarios[scenario][0]))

    def on_unmount(self) -> None:
        """The lesson's objects, set aside from collections while it played, are garbage now."""
        self.app.call_after_refresh(release_and_collect)

    def action_home(self) -> None:
        self._stop_playing()
        self.workers.cancel_group(self, "load")
        self.workers.cancel_group(self, "compute")
        self.save_progress()
        from debtcoach.ui.screens.home import HomeScreen

        if any(isinstance(screen, HomeScreen) for screen in self.app.screen_stack):
            self.app.pop_screen()
        else:  # opened straight into the lesson (a workshop room): home is built only now
            self.app.switch_screen(HomeScreen())

    def _decision_to_revisit(self) -> int | None:
        """The index of a decision taken on this step or the step just before, if any."""
        from debtcoach.lessons.schema import DecisionStep

        player = self.player
        if player is None:
            return None
        for index in (player.index, player.index - 1):
            step = player.steps[index] if index >= 0 else None
            if isinstance(step, DecisionStep) and step.id in player.decisions:
                return index
        return None

    async def action_other_choice(self) -> None:
        """Back to the decision just taken, its choices focused: another one shows its branch."""
        player, index = self.player, self._decision_to_revisit()
        if player is None or index is None:
            return
        if index < player.index:
            player.back()
            await self._after([])
        others = [b for b in self.query(".choice").results(Button)
                  if b.id != f"choice-{player.decisions[player.step.id]}"]
        if others:
            others[0].focus()

    @on(Button.Pressed, ".choice")
    async def choose(self, event: Button.Pressed) -> None:
        assert self.player is not None and event.button.id is not None
        player, choice = self.player, int(event.button.id.removeprefix("choice-"))
        if player.step.id not in player.decisions:
            player.decide(choice)
        elif player.decisions[player.step.id] != choice:
            player.explore(choice)
        else:
            return
        await self._after([])

    @on(Button.Pressed, "#submit")
    @on(Input.Submitted, "#number")
    async def submit(self) -> None:
        from debtcoach.lessons.schema import QuizStep

        player = self.player
        if player is None:
            return
        step = player.step
        if isinstance(step, QuizStep) and step.kind != "numeric":
            picked = sorted(self.query_one("#choices", ChoiceList).picked)
            if not picked:
                self._set_text("feedback", self.coach.t("player.pick_one"))
                return
            result = player.answer_quiz(set(picked))
            self.coach.store.record_answer(self.entry.id, step.id, "quiz", picked,
                                           result.correct, result.expected)
            await self._after([])
            return
        number = self._typed_number()
        if number is None:
            return
        if player.waiting():  # kept until the Monte Carlo answer is worked out
            self._held_guess = (step.id, number)
            self._set_text("feedback", self._feedback(step))
            return
        await self._answer_number(number)

    async def _answer_number(self, number: float) -> None:
        """A typed guess or numeric answer, graded and saved."""
        from debtcoach.lessons.schema import PredictStep, QuizStep

        assert self.player is not None
        player, step = self.player, self.player.step
        store, lesson = self.coach.store, self.entry.id
        if isinstance(step, PredictStep):
            reveal = player.predict(number)
            store.record_answer(lesson, step.id, "predict", reveal.guess, None, reveal.actual)
        elif isinstance(step, QuizStep):
            result = player.answer_quiz(number=number)
            store.record_answer(lesson, step.id, "quiz", number, result.correct,
                                result.expected)
        await self._after([])

    def _typed_number(self) -> float | None:
        """The number typed, or None with a message saying what is allowed."""
        inputs = self.query("#number")
        if not inputs:
            return None
        text = cast(Input, inputs.first()).value.strip().replace(",", "").rstrip("%")
        try:
            value = float(text)
        except ValueError:
            self._set_text("feedback", self.coach.t("player.number_needed", value=text))
            return None
        if not math.isfinite(value):
            return None
        return value


def apr_command(offer: LoanOffer, lang: str = "en") -> str:
    """The `debtcoach apr` command that prints this offer's schedule and rates, its values
    spelled in the learner's language (12个月, 0.05%/天 and 等额本息: the words the command's
    parsers read)."""
    from debtcoach.finance.money import plain_yuan
    from debtcoach.finance.offers import CHINESE_REPAYMENT

    term, rate, repayment = str(offer.term), str(offer.rate), offer.repayment.value
    if lang == "zh":
        term, rate = offer.term.in_chinese(), offer.rate.in_chinese()
        repayment = CHINESE_REPAYMENT[offer.repayment]
    parts = ["debtcoach apr", f"--amount {plain_yuan(offer.amount_fen)}", f"--term {term}",
             f"--rate {rate}", f"--repayment {repayment}"]
    parts += [f"--{name.replace('_', '-')} {fee.spelled(lang)}" for name, fee in offer.fees()]
    return " ".join(parts)


def inline(text: str) -> str:
    """Lesson text for a Static: markup escaped, ``**bold**`` shown bold (never raw)."""
    return re.sub(r"\*\*(.+?)\*\*", r"[b]\1[/b]", escape(text))


def _set_class(widget: Widget, add: bool, name: str) -> None:
    """Restyle only on a change, and only the widget that changes (a class on the screen would
    restyle every widget on it)."""
    if widget.has_class(name) != add:
        widget.set_class(add, name)


def _update(widget: Static, text: WrappedText) -> None:
    """``widget.update(text)``, laying the screen out again only when the widget's size may
    change: when it was not laid out yet, its width follows its text, or the text's height at
    the widget's width is not the height it has."""
    width, height = widget.content_size
    widget.update(text, layout=False)
    if (not width or (widget.styles.width is not None and widget.styles.width.is_auto)
            # measured as Textual measures it for a layout: with the widget's styles
            or text.get_height(cast("RulesMap", widget.styles), width) != height):
        widget.refresh(layout=True)


def _show(widget: Widget, shown: bool) -> None:
    """Set display only on a change: each set restyles the screen."""
    if widget.display != shown:
        widget.display = shown
