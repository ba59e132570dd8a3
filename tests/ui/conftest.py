"""Apps for UI tests: the fixture lessons, a private data dir, a fixed size."""

from collections.abc import Callable
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
