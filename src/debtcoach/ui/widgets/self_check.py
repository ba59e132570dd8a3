"""The home screen's way in to the person's own situation: the knowledge check (with its scores)
and the self-assessment. Self-contained, so the home screen only has to place it."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from debtcoach.coach.knowledge import QUESTIONS, score

if TYPE_CHECKING:
    from debtcoach.ui.app import DebtCoachApp


class SelfCheckEntries(Vertical):
    DEFAULT_CSS = """
    SelfCheckEntries { height: auto; }
    SelfCheckEntries #self-check-status { color: $text-muted; height: auto; }
    SelfCheckEntries Horizontal { height: auto; }
    SelfCheckEntries Button { margin: 0 1 0 0; }
    """

    @property
    def coach(self) -> DebtCoachApp:
        return cast("DebtCoachApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="self-check-status")
        with Horizontal():
            yield Button(id="open-assess", compact=True)
            yield Button(id="open-knowledge", compact=True)

    def on_mount(self) -> None:
        self.watch(self.app, "lang", lambda _: self.relabel(), init=False)
        self.relabel()

    def relabel(self) -> None:
        app = self.coach
        self.query_one("#open-assess", Button).label = app.t("assess.ui.home.assess")
        self.query_one("#open-knowledge", Button).label = app.t("knowledge.home.button")
        status = self.query_one("#self-check-status", Static)
        text = self.status_line()
        status.update(text)
        status.display = bool(text)

    def status_line(self) -> str:
        """Scores so far, or a nudge to take the check before the first lesson / after the last."""
        from debtcoach.store.assessments import knowledge_checks

        app = self.coach
        checks = knowledge_checks(app.store)
        progress = app.store.all_progress()
        lessons = len(app.lessons)
        all_done = lessons > 0 and sum(p.finished for p in progress.values()) >= lessons
        total = len(QUESTIONS)
        if not checks:
            return app.t("knowledge.home.suggest_before") if not progress else ""
        first = score(checks[0].answers).right
        if all_done and checks[-1].moment != "after":
            return app.t("knowledge.home.suggest_after")
        if len(checks) == 1:
            return app.t("knowledge.home.score", first=first, total=total)
        latest = score(checks[-1].answers).right
        return app.t("knowledge.home.scores", first=first, latest=latest, total=total)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "open-knowledge":
            from debtcoach.ui.screens.knowledge import KnowledgeScreen

            self.app.push_screen(KnowledgeScreen(), lambda _: self.relabel())
        elif event.button.id == "open-assess":
            from debtcoach.ui.screens.assess import AssessScreen

            self.app.push_screen(AssessScreen())
