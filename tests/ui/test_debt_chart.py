"""The debt chart: its y axis gives growth the height and labels the need and the peak; fans
and the picture it decodes itself."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App, ComposeResult

from debtcoach.ui.widgets.debt_chart import DebtChart, TextDebtChart, axis_bottom, y_ticks

fen = st.integers(min_value=0, max_value=10**9)


class ChartApp(App[None]):
    """The chart alone on a screen."""

    def compose(self) -> ComposeResult:
        yield DebtChart()


@settings(deadline=None)
@given(fen, st.lists(fen, max_size=24))
def test_the_axis_holds_every_value_and_labels_the_need_and_the_peak(need: int,
                                                                     debts: list[int]) -> None:
    bottom = axis_bottom(need, debts)
    top = max([need, *debts])
    assert 0 <= bottom <= min([need, *debts])
    ticks = y_ticks(bottom, need, top)
    assert ticks == sorted(set(ticks)) and ticks[0] == bottom and ticks[-1] == top
    assert need in ticks or not need
    assert len(ticks) <= 8


def test_growth_above_the_need_is_not_squashed_into_the_top_row() -> None:
    bottom = axis_bottom(300_000, [329_400, 350_000, 422_857])
    assert bottom >= 200_000  # the axis starts near the need, not at zero
    assert len(y_ticks(bottom, 300_000, 422_857)) >= 3


async def test_a_fan_draws_the_band_dotted_and_its_peak_labelled() -> None:
    """Many paths: the median solid, the 10th and 90th percentiles dotted, the axis reaching the
    90th percentile's peak; a story to compare with, crosses."""

    app = ChartApp()
    async with app.run_test(size=(60, 20)) as pilot:
        chart = app.query_one(DebtChart)
        chart.show([300_000, 320_000, 330_000], 300_000, "en")
        await pilot.pause()
        single = chart.plt.build()
        assert "•" not in single and "x" not in single
        chart.show_fan([0, 0, 0], [300_000, 320_000, 330_000], [400_000, 550_000, 812_300],
                       300_000, "en", story_fen=[300_000, 310_000, 900_000])
        await pilot.pause()
        fan = chart.plt.build()
        assert "•" in fan and "x" in fan
        assert "9,000" in fan  # the axis reaches the story's peak above the band


async def test_the_picture_reads_as_text_from_ansi_reads_it() -> None:
    """The chart decodes plotext's picture itself (faster): the same text and styles, span for
    span, as Textual makes of ``Text.from_ansi``, for a story and a fan, in every theme the app
    offers, at two sizes."""
    from rich.text import Text
    from textual.content import Content

    from debtcoach.ui.settings import THEMES

    app = ChartApp()
    async with app.run_test(size=(70, 24)) as pilot:
        chart = app.query_one(DebtChart)
        for theme in THEMES:
            app.theme = theme
            for size, draw in [((40, 12), lambda: chart.show([300_000, 345_000, 420_000],
                                                             300_000, "en")),
                               ((70, 20), lambda: chart.show_fan(
                                   [250_000, 260_000], [300_000, 330_000], [400_000, 800_000],
                                   300_000, "zh", story_fen=[300_000, 900_000]))]:
                draw()
                await pilot.resize_terminal(*size)
                await pilot.pause()
                ansi = chart.plt.build()
                expected = Content.from_rich_text(Text.from_ansi(ansi), console=app.console)
                got = chart._content(ansi)
                assert got.plain == expected.plain
                assert got.spans == expected.spans
                assert len(expected.spans) > 10  # coloured: the test compares styles


@pytest.mark.parametrize(("lang", "word"), [("en", "need"), ("zh", "急用")])
def test_the_plain_chart_names_the_need_row_and_keeps_it_on_long_runs(lang: str,
                                                                        word: str) -> None:
    """A screen reader reads "need ¥3,600.00", not "0 ¥3,600.00" as if it were a month's debt."""
    chart = TextDebtChart()
    chart.show([300_000 + month * 10_000 for month in range(15)], 360_000, lang)  # type: ignore[arg-type]
    lines = str(chart.content).splitlines()
    assert lines[0].startswith(word) and lines[0].endswith("¥3,600.00")
    assert [line.split()[0] for line in lines[1:]] == [str(m) for m in range(5, 16)]
    assert len({cell_len(line.split("█")[0]) for line in lines}) == 1  # bars start together
