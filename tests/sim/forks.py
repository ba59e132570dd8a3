"""Which processes a test forked, and that none of them (nor a descriptor) was left behind."""

from __future__ import annotations

import os

import pytest


class Forks:
    """Records the processes a run forks and the descriptors open before it."""

    def __init__(self) -> None:
        self.pids: list[int] = []
        self.descriptors = set(os.listdir("/proc/self/fd"))

    def assert_nothing_left(self) -> None:
        """Every forked worker has been reaped (it is no longer a child of this process) and
        no descriptor was left open."""
        assert self.pids
        for pid in self.pids:
            with pytest.raises(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
        assert set(os.listdir("/proc/self/fd")) <= self.descriptors


@pytest.fixture(name="forks")
def forks_fixture(monkeypatch: pytest.MonkeyPatch) -> Forks:
    recorded = Forks()
    fork = os.fork

    def recording_fork() -> int:
        pid = fork()
        if pid:
            recorded.pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)
    return recorded
