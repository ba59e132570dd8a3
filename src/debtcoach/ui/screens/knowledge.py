"""The knowledge check: an introduction, ten questions one at a time (each with "don't know"),
then the scores of the first and the latest check and which answers changed.

A shell over :mod:`debtcoach.coach.knowledge` (questions, scoring) and the store (a finished
check is saved; one left halfway is not)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal, cast

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from debtcoach.coach.knowledge import (
    DONT_KNOW,
    QUESTIONS,
    Moment,
    Question,
    compare,
    moment_for,
    score,
)
from debtcoach.store.assessments import KnowledgeCheck, knowledge_checks, record_knowledge_check
from debtcoach.ui.keys import localize_bindings
from debtcoach.ui.widgets.footer import CalmFooter

if TYPE_CHECKING:
    from debtcoach.ui.app import DebtCoachApp

Page = Literal["intro", "question", "results"]


class KnowledgeScreen(Screen[None]):
    CSS_PATH = "knowledge.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "back", "Back", id="back"),
        Binding("escape", "home", "Home", id="home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.page: Page = "intro"
        self.index = 0
        self.answers: dict[str, int] = {}
        self.moment_taken: Moment = "any"

    @property
    def coach(self) -> DebtCoachApp:
        return cast("DebtCoachApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="heading")
        with VerticalScroll(id="page"):
            yield Static(id="text")
            yield OptionList(id="choices")
            yield Static(id="keys-hint")
            with Horizontal(id="buttons"):
                yield Button(id="start", variant="primary")
                yield Button(id="show-results")
                yield Button(id="done")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.relabel()

    # --- what the learner did so far -------------------------------------------------------

    def checks(self) -> list[KnowledgeCheck]:
        return knowledge_checks(self.coach.store)

    def moment(self) -> Moment:
        app = self.coach
        progress = app.store.all_progress().values()
        return moment_for(len(app.lessons), sum(not p.finished for p in progress),
                          sum(p.finished for p in progress))

    # --- pages -------------------------------------------------------------------------------

    def relabel(self) -> None:
        """Draw the current page in the current language (also after `l`)."""
        localize_bindings(self, self.coach.lang)
        {"intro": self.show_intro, "question": self.show_question,
         "results": self.show_results}[self.page]()

    def _buttons(self, *shown: str) -> None:
        app = self.coach
        labels = {"start": "knowledge.again" if self.checks() else "knowledge.start",
                  "show-results": "knowledge.show_results", "done": "knowledge.done"}
        for name, key in labels.items():
            button = self.query_one(f"#{name}", Button)
            button.label = app.t(key)
            button.display = name in shown
        self.query_one("#buttons").display = bool(shown)

    def show_intro(self) -> None:
        app = self.coach
        self.page = "intro"
        self.query_one("#heading", Static).update(app.t("knowledge.title"))
        self.query_one("#text", Static).update(
            app.t("knowledge.intro", count=len(QUESTIONS)) + "\n\n"
            + app.t(f"knowledge.moment.{self.moment()}"))
        self.query_one("#choices", OptionList).display = False
        self.query_one("#keys-hint", Static).display = False
        self._buttons("start", "show-results") if self.checks() else self._buttons("start")
        self.query_one("#start", Button).focus()

    def show_question(self) -> None:
        app, lang = self.coach, self.coach.lang
        self.page = "question"
        item = QUESTIONS[self.index]
        self.query_one("#heading", Static).update(
            f"{app.t('knowledge.title')} · "
            f"{app.t('knowledge.progress', index=self.index + 1, total=len(QUESTIONS))}")
        self.query_one("#text", Static).update(f"[b]{escape(item.prompt[lang])}[/b]")
        choices = self.query_one("#choices", OptionList)
        choices.clear_options()
        letters = "ABCDEFG"
        for number, choice in enumerate(item.choices):
            choices.add_option(Option(f"{letters[number]}. {escape(choice[lang])}",
                                      id=str(number)))
        choices.add_option(Option(f"?  {app.t('knowledge.dont_know')}", id=str(DONT_KNOW)))
        previous = self.answers.get(item.id)
        choices.highlighted = (len(item.choices) if previous == DONT_KNOW
                               else previous if previous is not None else 0)
        choices.display = True
        hint = self.query_one("#keys-hint", Static)
        hint.update(app.t("knowledge.keys"))
        hint.display = True
        self._buttons()
        choices.focus()

    def show_results(self) -> None:
        app = self.coach
        self.page = "results"
        self.query_one("#heading", Static).update(
            f"{app.t('knowledge.title')} · {app.t('knowledge.results')}")
        self.query_one("#text", Static).update(self.results_text())
        self.query_one("#choices", OptionList).display = False
        self.query_one("#keys-hint", Static).display = False
        self._buttons("start", "done")
        page = self.query_one("#page", VerticalScroll)
        page.scroll_home(animate=False)
        page.focus()

    def results_text(self) -> Group:
        """Two scores (first and latest check), what changed, and every question explained;
        each question's lines hang under its number."""
        app, lang = self.coach, self.coach.lang
        checks = self.checks()
        if not checks:
            return Group(app.t("knowledge.intro", count=len(QUESTIONS)))
        first, latest = checks[0], checks[-1]
        lines = [self._score_line("first", first)]
        if len(checks) > 1:
            lines.append(self._score_line("latest", latest))
        changes = compare(first.answers, latest.answers)
        if len(checks) > 1:
            lines.append(app.t("knowledge.changed_count",
                               learned=sum(c.learned for c in changes),
                               lost=sum(c.lost for c in changes)))
        else:
            lines.append(app.t("knowledge.only_one"))
        questions = Table.grid(padding=(0, 1))
        questions.add_column(no_wrap=True)
        questions.add_column(ratio=1)
        for number, change in enumerate(changes, start=1):
            item = change.question
            marks = app.t(f"knowledge.outcome.{change.before}")
            if len(checks) > 1:
                marks = (f"{app.t('knowledge.column.first')} {marks} → "
                         f"{app.t('knowledge.column.latest')} "
                         f"{app.t(f'knowledge.outcome.{change.after}')}")
                if change.learned:
                    marks += f"   {app.t('knowledge.change.learned')}"
                elif change.lost:
                    marks += f"   {app.t('knowledge.change.lost')}"
                elif change.changed:
                    marks += f"   {app.t('knowledge.change.changed')}"
            body = "\n".join([
                f"[b]{escape(item.prompt[lang])}[/b]",
                escape(marks),
                escape(app.t("knowledge.answer", choice=item.choices[item.correct][lang])),
                escape(item.explanation[lang]),
                "[dim]" + escape(app.t("knowledge.source", source=_source(item, app))) + "[/dim]",
            ])
            questions.add_row("", "")
            # fold: Chinese has no spaces to wrap at, and must not be cut off with an ellipsis
            questions.add_row(f"{number}.", Text.from_markup(body, overflow="fold"))
        return Group(Text("\n".join(lines)), questions)

    def _score_line(self, which: str, check: KnowledgeCheck) -> str:
        app = self.coach
        result = score(check.answers)
        label = (f"{app.t(f'knowledge.label.{which}')} · "
                 f"{app.t(f'knowledge.label.moment.{check.moment}')}")
        return app.t("knowledge.score_line", label=label,
                     date=check.taken_at.astimezone().date().isoformat(), right=result.right,
                     total=result.total, wrong=result.wrong,
                     dont_know=result.dont_know + result.unanswered)

    # --- answering ---------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.page != "question" or event.option.id is None:
            return
        self.answer(int(event.option.id))

    def answer(self, choice: int) -> None:
        """Record this question's answer and go on; after the last, save and show the scores."""
        self.answers[QUESTIONS[self.index].id] = choice
        if self.index + 1 < len(QUESTIONS):
            self.index += 1
            self.show_question()
            return
        record_knowledge_check(self.coach.store, self.moment_taken, dict(self.answers))
        self.show_results()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.moment_taken = self.moment()
            self.answers, self.index = {}, 0
            self.show_question()
        elif event.button.id == "show-results":
            self.show_results()
        elif event.button.id == "done":
            self.dismiss(None)

    def action_back(self) -> None:
        if self.page == "question" and self.index > 0:
            self.index -= 1
            self.show_question()
        elif self.page == "question":
            self.show_intro()

    def action_home(self) -> None:
        self.dismiss(None)


def _source(item: Question, app: DebtCoachApp) -> str:
    return app.t("knowledge.source.arithmetic") if item.source == "arithmetic" else item.source
