"""Offer cards: every fee is on the card, the money actually used, and a command that prints the
same schedule and rate."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from debtcoach.cli import cli
from debtcoach.finance.apr import cost_of
from debtcoach.lessons.loader import lesson_folders
from debtcoach.lessons.schema import LessonOffer
from debtcoach.ui.screens.player import apr_command

ROOT = Path(__file__).parents[2] / "lessons"


def offers() -> list[LessonOffer]:
    import tomllib

    found = []
    for folder in lesson_folders(ROOT):
        data = tomllib.loads((folder / "lesson.toml").read_text(encoding="utf-8"))
        found += [LessonOffer.model_validate(o) for o in data.get("offers", [])]
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("offer", offers(), ids=lambda o: o.id)
def test_the_card_command_prints_the_card_rate(offer: LessonOffer, lang: str) -> None:
    command = apr_command(offer, lang).split()
    assert command[:2] == ["debtcoach", "apr"]
    if lang == "zh":  # units in Chinese, as the rest of the card
        assert not any(word in " ".join(command[2:]) for word in ("day", "month", "period", "12m"))
    result = CliRunner().invoke(cli, [*command[1:], "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed["apr_nominal"] == pytest.approx(cost_of(offer).figures.apr_nominal)


async def test_a_card_lists_every_fee_and_the_money_used(tmp_path: Path) -> None:
    from debtcoach.ui.app import make_app
    from debtcoach.ui.screens.player import PlayerScreen
    from debtcoach.ui.settings import Settings

    app = make_app(Settings(lang="en", lang_chosen=True, data_dir=tmp_path, lessons_dir=ROOT,
                            animations=False))
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_lesson(next(e for e in app.lessons if e.id == "03-hidden-fees"))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayerScreen) and screen.player is not None
        loaded = screen.player.loaded
        step = next(s for s in loaded.lesson.steps if s.id == "guarantee")
        text = screen._offer_text(step.offer, revealed=False)  # type: ignore[attr-defined]
        assert "membership fee: ¥39.00, paid once at payout" in text
        assert "guarantee fee: 2.00% of the loan, with every payment" in text
        revealed = screen._offer_text(step.offer, revealed=True)  # type: ignore[attr-defined]
        assert "What you actually get to use is ¥1,761.00" in revealed
