"""The reveal of a Monte Carlo question at 80×24: the spread of the paths by month under the
answer and its working (pytest-textual-snapshot; the test lesson run over 200 paths)."""

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input

from debtcoach.ui.app import make_app
from debtcoach.ui.settings import Settings
from tests.ui.test_monte_carlo_open import many_paths, open_first  # noqa: F401  (the fixture)
from tests.ui.waiting import until


async def reveal_with_spread(pilot: Pilot[None]) -> None:
    screen = await open_first(pilot)
    await pilot.app.workers.wait_for_complete()
    player = screen.player
    assert player is not None
    await until(pilot, lambda: not player.loaded.incomplete, "the 200 paths")
    while player.step.id != "guess":
        player.next()
    await screen.show_step()
    await pilot.pause()
    field = screen.query_one("#number", Input)
    field.cursor_blink = False
    field.value = "2000"
    await pilot.press("enter")
    await until(pilot, lambda: "guess" in player.predictions, "the reveal")
    await pilot.pause()
    pane = screen.query_one("#step", VerticalScroll)
    pane.scroll_end(animate=False, immediate=True)
    await pilot.pause()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_spread_of_the_paths_at_80x24(snap_compare, many_paths: Path,  # type: ignore[no-untyped-def]  # noqa: F811
                                          tmp_path: Path, lang: str) -> None:
    app = make_app(Settings(lang="zh" if lang == "zh" else "en", lang_chosen=True,
                            data_dir=tmp_path / "data", lessons_dir=many_paths,
                            animations=False))
    assert snap_compare(app, terminal_size=(80, 24), run_before=reveal_with_spread)
