"""`debtcoach workshop dashboard`: the facilitator's live view of a room.

Rereads the room from the store twice a second (participants write it from their own
processes), redraws only what changed, and computes the room's fan off the UI thread when the
room's decisions change. Keys reveal a question, pace the room, close and reset it.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from debtcoach.i18n import Lang, t
from debtcoach.lessons.loader import LoadedLesson
from debtcoach.store.rooms import RoomStore
from debtcoach.ui.keys import localize_bindings
from debtcoach.ui.settings import PLAIN_THEME
from debtcoach.ui.widgets.debt_chart import DebtChart
from debtcoach.ui.widgets.wrapped_text import WrappedText
from debtcoach.workshop import view
from debtcoach.workshop.paths import BranchCosts, Fan, room_fan
from debtcoach.workshop.results import RoomResults, room_results

REFRESH_SECONDS = 0.5


def read_results(store: RoomStore, code: str, loaded: LoadedLesson | None,
                 costs: BranchCosts | None) -> RoomResults:
    """The dashboard's data: the room as the store holds it now."""
    room = store.require_room(code)
    return room_results(room, store.participants(code), store.room_answers(code),
                        store.reveals(code), loaded, costs)


def decisions_by_participant(store: RoomStore, code: str, lesson_id: str
                             ) -> list[dict[str, int]]:
    taken: dict[str, dict[str, int]] = {}
    for answer in store.room_answers(code):
        if answer.kind == "decision" and answer.lesson_id == lesson_id and \
                isinstance(answer.value, list) and answer.value:
            taken.setdefault(answer.participant, {})[answer.step_id] = int(answer.value[0])
    return list(taken.values())


class DashboardApp(App[None]):
    TITLE = "debtcoach workshop"
    ENABLE_COMMAND_PALETTE = False  # every key is in the footer, which then fits 80 columns
    CSS = """
    #header { height: auto; padding: 0 1; background: $boost; }
    #steps { width: 28; height: 1fr; }
    #detail { height: 1fr; padding: 0 1; }
    #questions { height: auto; }
    #fan { height: auto; margin-top: 1; }
    #fan-chart { height: 16; border: round $primary; }
    .plain #steps { border: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reveal", "Reveal", id="reveal"),
        Binding("n", "open_next", "Next step", id="open_next"),
        Binding("b", "open_back", "Step back", id="open_back"),
        Binding("p", "pacing", "Pacing", id="pacing"),
        Binding("c", "close_room", "Close", id="close_room"),
        Binding("x", "reset_room", "Reset", id="reset_room"),
        Binding("l", "switch_language", "中文/English", id="language"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    class Refreshed(Message):
        """The view shows the room as it was just read (tests follow the dashboard with it)."""

    class FanReady(Message):
        def __init__(self, key: tuple[tuple[tuple[str, int], ...], ...], fan: Fan | None
                     ) -> None:
            super().__init__()
            self.key = key
            self.fan = fan

    def __init__(self, store: RoomStore, code: str, loaded: LoadedLesson | None,
                 costs: BranchCosts | None, lang: Lang, today: date | None = None,
                 refresh_seconds: float = REFRESH_SECONDS, plain: bool = False) -> None:
        """``plain`` (`--plain`, NO_COLOR): the terminal's own colours and no box drawing, as
        the app does for screen readers."""
        super().__init__()
        self.plain = plain
        if plain:
            self.theme = PLAIN_THEME
        self.store = store
        self.code = code
        self.loaded = loaded
        self.costs = costs
        self.lang: Lang = lang
        self.today = today or date.today()
        self.refresh_seconds = refresh_seconds
        self.results: RoomResults | None = None
        self.fan: Fan | None = None
        self._fan_key: tuple[tuple[tuple[str, int], ...], ...] | None = None
        self._fan_cache: dict[tuple[tuple[str, int], ...], list[int]] = {}
        self._shown: dict[str, str] = {}

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        with Horizontal():
            yield OptionList(id="steps")
            with VerticalScroll(id="detail"):
                yield Static(id="questions")
                yield Static(id="fan")
                if not self.plain:  # plain mode: the table says it all, in words
                    yield DebtChart(id="fan-chart")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.plain:
            self.screen.add_class("plain")
        localize_bindings(self, self.lang)
        self.reload()
        self.set_interval(self.refresh_seconds, self.reload)

    # --- reading and drawing --------------------------------------------------------------

    def reload(self) -> None:
        self.results = read_results(self.store, self.code, self.loaded, self.costs)
        self.draw()
        self.update_fan()
        self.post_message(self.Refreshed())

    def draw(self) -> None:
        results, lang = self.results, self.lang
        if results is None:
            return
        self._set("header", view.header(results, lang))
        steps = self.query_one("#steps", OptionList)
        lines = [view.step_line(i, step_id, here, results, lang)
                 for i, (step_id, here) in enumerate(results.steps)]
        if [str(o.prompt) for o in steps.options] != lines:
            highlighted = steps.highlighted
            steps.clear_options()
            steps.add_options([Option(line, id=step_id)
                               for line, (step_id, _) in zip(lines, results.steps, strict=True)])
            if highlighted is not None and highlighted < len(lines):
                steps.highlighted = highlighted
        panels = [view.question_panel(q, lang) for q in results.questions]
        self._set("questions", "\n\n".join(panels) or self.t("workshop.dash_no_questions"))
        self._set("fan", view.fan_panel(self.fan, lang))
        self.draw_fan_chart()

    def draw_fan_chart(self) -> None:
        """The room's fan drawn: median solid, 10% and 90% dotted, the lesson's story crosses."""
        if self.plain:
            return
        chart = self.query_one("#fan-chart", DebtChart)
        chart.display = self.fan is not None
        if self.fan is not None and self._shown.get("fan-chart") != self._shown["fan"]:
            self._shown["fan-chart"] = self._shown["fan"]
            fan = self.fan
            chart.show_fan(fan.p10, fan.p50, fan.p90, 0, self.lang, story_fen=fan.story)
            chart.border_title = self.t("workshop.fan_chart")
            chart.border_subtitle = self.t("workshop.fan_legend")

    def _set(self, widget_id: str, text: str) -> None:
        if self._shown.get(widget_id) != text:
            self._shown[widget_id] = text
            self.query_one(f"#{widget_id}", Static).update(WrappedText.from_markup(text))

    def update_fan(self) -> None:
        if self.loaded is None:
            return
        decisions = decisions_by_participant(self.store, self.code, self.loaded.lesson.id)
        key = tuple(sorted(tuple(sorted(d.items())) for d in decisions))
        if key != self._fan_key:
            self._fan_key = key
            self.compute_fan(key, decisions)

    @work(thread=True, exclusive=True, exit_on_error=False, group="fan")
    def compute_fan(self, key: tuple[tuple[tuple[str, int], ...], ...],
                    decisions: list[dict[str, int]]) -> None:
        assert self.loaded is not None
        self.post_message(self.FanReady(key, room_fan(self.loaded, decisions, self.today,
                                                      self._fan_cache)))

    def on_dashboard_app_fan_ready(self, message: FanReady) -> None:
        if message.key == self._fan_key:  # not overtaken by newer decisions
            self.fan = message.fan
            self.draw()

    # --- the facilitator's keys -----------------------------------------------------------

    def _selected_step(self) -> str | None:
        steps = self.query_one("#steps", OptionList)
        if steps.highlighted is None or self.results is None:
            return None
        return self.results.steps[steps.highlighted][0]

    def action_reveal(self) -> None:
        """Show (or hide again) the highlighted question's true value and share correct."""
        step_id, results = self._selected_step(), self.results
        if step_id is None or results is None or results.lesson_id is None:
            return
        shown = any(q.step_id == step_id and q.revealed for q in results.questions)
        self.store.reveal(self.code, results.lesson_id, step_id, not shown)
        self.reload()

    def action_open_next(self) -> None:
        if self.results is not None:
            last = max(len(self.results.steps) - 1, 0)
            self.store.open_step(self.code, min(self.results.room.open_step + 1, last))
            self.reload()

    def action_open_back(self) -> None:
        if self.results is not None:
            self.store.open_step(self.code, self.results.room.open_step - 1)
            self.reload()

    def action_pacing(self) -> None:
        if self.results is not None:
            self.store.set_pacing(self.code, not self.results.room.paced)
            self.reload()

    def action_close_room(self) -> None:
        if self.results is not None:
            self.store.set_closed(self.code, not self.results.room.closed)
            self.reload()

    def action_reset_room(self) -> None:
        """After a yes: every participant and answer of the room goes."""
        from debtcoach.ui.screens.confirm import ConfirmScreen

        def reset(yes: bool | None) -> None:
            if yes:
                self.store.reset_room(self.code)
                self._fan_cache.clear()
                self.reload()

        self.push_screen(ConfirmScreen(self.t("workshop.reset_confirm", room=self.code)), reset)

    def action_switch_language(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        localize_bindings(self, self.lang)
        self.refresh_bindings()
        self._shown.clear()
        self.draw()
