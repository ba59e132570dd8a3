"""Local progress: which lessons were played how far, answers for statistics, and settings.

Importing this package touches nothing on disk; :meth:`Store.open` creates the folder and file.
"""

from debtcoach.store.db import Store
from debtcoach.store.exchange import FORMAT, VERSION
from debtcoach.store.paths import DB_NAME, ENV_VAR, data_dir, wipe
from debtcoach.store.records import Action, Answer, AnswerKind, AnswerValue, Progress

__all__ = [
    "DB_NAME",
    "ENV_VAR",
    "FORMAT",
    "VERSION",
    "Action",
    "Answer",
    "AnswerKind",
    "AnswerValue",
    "Progress",
    "Store",
    "data_dir",
    "wipe",
]
