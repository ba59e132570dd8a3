"""Lessons as data: the schema of lesson files, loading with precise errors, the checks authors run
(`debtcoach lessons check`), computed answers, and the pure lesson player state machine."""
