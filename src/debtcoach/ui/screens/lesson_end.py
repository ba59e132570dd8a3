"""The end of a lesson: what it was about, the learner's answers, and the next lesson."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from debtcoach.ui.keys import localize_bindings
from debtcoach.ui.widgets.footer import CalmFooter
from debtcoach.ui.widgets.wrapped_text import WrappedText

if TYPE_CHECKING:
    from debtcoach.ui.catalog import LessonEntry

EndChoice = Literal["next", "home", "back"]


class LessonEndScreen(ModalScreen[EndChoice]):
    """Dismissed with "next" (open the next lesson), "home" or "back" (reread the lesson)."""

    CSS_PATH = "lesson_end.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,right", "choose('next')", "Next lesson", id="next_lesson"),
        Binding("left", "choose('back')", "Back", id="back"),
        Binding("escape", "choose('home')", "Home", id="home"),
    ]

    def __init__(self, text: str, next_entry: LessonEntry | None) -> None:
        super().__init__()
        self.text = text
        self.next_entry = next_entry

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(WrappedText.from_markup(self.text), id="end")
        yield CalmFooter()

    def on_mount(self) -> None:
        localize_bindings(self, self.app.lang)  # type: ignore[attr-defined]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("next",):
            return self.next_entry is not None
        return True

    def action_choose(self, choice: EndChoice) -> None:
        self.dismiss(choice)
