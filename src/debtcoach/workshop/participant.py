"""A browser participant's app process, as the workshop server starts it.

Everything it needs comes from its environment (see :func:`server.app_environment`): the room,
the participant's id, the facilitator's data and lessons folders, the language. It runs the
same app as `debtcoach --room CODE`, without importing the command line (click and the other
commands), so each of the room's processes starts sooner and smaller.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from debtcoach.errors import InputError
from debtcoach.i18n import detect_lang, error_line
from debtcoach.store.paths import ENV_VAR as DATA_DIR_VAR
from debtcoach.store.rooms import parse_code

ROOM_VAR = "DEBTCOACH_ROOM"
PARTICIPANT_VAR = "DEBTCOACH_PARTICIPANT"
LESSONS_VAR = "DEBTCOACH_LESSONS"


def main() -> None:
    from debtcoach.ui.app import make_app
    from debtcoach.ui.settings import command_line_settings

    lang = detect_lang()
    settings = command_line_settings(lang, False, False, Path(os.environ[DATA_DIR_VAR]),
                                     Path(os.environ[LESSONS_VAR]))
    try:
        settings.room = parse_code(os.environ[ROOM_VAR])
        settings.participant = os.environ[PARTICIPANT_VAR]
        app = make_app(settings)
    except InputError as error:
        print(error_line(error, lang), file=sys.stderr)
        sys.exit(2)
    app.run()
    sys.exit(app.return_code or 0)


if __name__ == "__main__":
    main()
