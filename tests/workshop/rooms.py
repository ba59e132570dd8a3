"""A room with answers, as participants' apps would have left it (for dashboard and export
tests, and to look at the dashboard by hand: `python -m tests.workshop.rooms DIR`)."""

from __future__ import annotations

import sys
from pathlib import Path

from debtcoach.store.rooms import ParticipantStore, RoomStore

ROOM = "DASH"
LESSON = "04-borrowing-to-repay"
# (nickname, guess at month 6 in yuan, quiz choices on why-refused, choice at "choose")
PEOPLE = [
    ("Ann", 3000.0, [0, 1, 2], 2),
    (None, 5200.0, [0], 0),
    ("小王", 8000.0, [1], 2),
    (None, 4100.0, [0, 1, 2], 1),
    (None, None, None, None),  # joined, has not answered yet
]


def seed(folder: Path, correct_choices: set[int]) -> list[str]:
    """The room of PEOPLE in ``folder``; their participant ids."""
    with RoomStore.open(folder) as store:
        store.create_room(ROOM, LESSON)
    ids = []
    for number, (nickname, guess, picked, decision) in enumerate(PEOPLE):
        participant = f"{number:016x}"
        ids.append(participant)
        with ParticipantStore.enter(folder, ROOM, participant) as store:
            if nickname:
                store.set_nickname(nickname)
            if guess is not None:
                store.record_answer(LESSON, "guess-month-6", "predict", guess, None, 6170.0)
            if picked is not None:
                store.record_answer(LESSON, "why-refused", "quiz", picked,
                                    set(picked) == correct_choices, None)
            if decision is not None:
                store.save_progress(LESSON, [("next",), ("decide", decision)], "choose", False)
            else:
                store.save_progress(LESSON, [], "intro", False)
    return ids


if __name__ == "__main__":
    seed(Path(sys.argv[1]), {0, 1, 2})
