"""Apps for UI tests: the fixture lessons, a private data dir, a fixed size."""

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from debtcoach.i18n import Lang
from debtcoach.ui.app import DebtCoachApp, make_app
from debtcoach.ui.settings import Settings

LESSONS = Path(__file__).parents[1] / "data" / "lessons"


@pytest.fixture
def new_app(tmp_path: Path) -> Callable[..., DebtCoachApp]:
    """Apps sharing one data dir, so a second app sees what the first saved."""

    def build(lang: Lang = "en", plain: bool = False, animations: bool = False) -> DebtCoachApp:
        settings = Settings(lang=lang, lang_chosen=True, data_dir=tmp_path / "data",
                            lessons_dir=LESSONS, plain=plain, animations=animations)
        app = make_app(settings)
        app.settings.animations = animations
        return app

    return build


@pytest.fixture(autouse=True)
def collect_what_lessons_set_aside() -> Iterator[None]:
    """A test that leaves a lesson open leaves its objects frozen (``ui.memory``); hand them
    back, so one test's app is not held for the rest of the run."""
    yield
    gc.unfreeze()
