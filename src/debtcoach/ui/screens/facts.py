"""`i` in a lesson: the numbers the scenario on screen is played with (the borrower's money and
each lender's terms), over the lesson, so what the prose says can be checked against them."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from debtcoach.ui.widgets.scenario_facts import ScenarioFacts

if TYPE_CHECKING:
    from debtcoach.sim.scenario import Scenario


class FactsScreen(ModalScreen[None]):
    CSS_PATH = "facts.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,i,q", "close", show=False)]

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario

    def compose(self) -> ComposeResult:
        t = self.app.t  # type: ignore[attr-defined]
        with VerticalScroll() as scroll:
            scroll.border_title = t("facts.title")
            scroll.border_subtitle = t("facts.close")
            yield ScenarioFacts(id="facts")

    def on_mount(self) -> None:
        self.query_one(ScenarioFacts).show(self.scenario, self.app.t,  # type: ignore[attr-defined]
                                           self.app.lang)  # type: ignore[attr-defined]
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
