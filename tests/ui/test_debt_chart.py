"""The chart's y axis: growth gets the height, and the labels name the need and the peak."""

from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.ui.widgets.debt_chart import axis_bottom, y_ticks

fen = st.integers(min_value=0, max_value=10**9)


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
