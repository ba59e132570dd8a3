"""Lesson 07's "three side by side": one table of the three strategies' totals."""

from pathlib import Path

import pytest
from textual._cells import cell_len
from textual.widgets import Static

from debtcoach.ui.screens.player import PlayerScreen
from tests.ui.test_snapshots import at_step, build


@pytest.mark.parametrize(("lang", "lines"), [
    ("zh", ["办法", "产生的利息和费用", "已付", "仍欠", "还清于",
            "不提前还", "¥1,330.02", "第13个月", "雪崩法", "雪球法"]),
    ("en", ["Strategy", "Interest and fees", "Paid", "Still owed", "Debt-free",
            "Schedule only", "¥1,330.02", "month 13", "Avalanche", "Snowball"]),
])
async def test_the_three_totals_in_one_table(tmp_path: Path, lang: str, lines: list[str]) -> None:
    app = build(tmp_path, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_step("07-the-way-out", "side-by-side")(pilot)
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        table = str(screen.query_one("#detail", Static).render())
        missing = [word for word in lines if word not in table]
        assert not missing, table
        rows = table.split("\n")
        assert len(rows) == 4 and "¥1,330.02" in rows[1]
        assert len({cell_len(row.rstrip()) for row in rows}) == 1  # columns aligned in cells


def test_the_table_at_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(build(tmp_path, "zh"), terminal_size=(80, 24),
                        run_before=at_step("07-the-way-out", "side-by-side"))
