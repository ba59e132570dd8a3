"""`debtcoach simulate --workers`: large runs use every core, with the same output."""

from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from debtcoach.cli import cli
from debtcoach.errors import InputError
from debtcoach.i18n import error_line
from debtcoach.sim import shards
from debtcoach.sim.engine import NumpyEngine
from tests.sim.forks import Forks, forks_fixture  # noqa: F401 (the fixture "forks")

ROOT = Path(__file__).parents[1]
MANY = str(ROOT / "lessons" / "scenarios" / "many-apps.toml")
# The module, not the command of the same name that the cli package exports.
simulate_command = importlib.import_module("debtcoach.cli.simulate")
SPLITS = pytest.mark.skipif(not shards.FORKS, reason="runs split over processes on Linux")


def debtcoach(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "debtcoach", *args], capture_output=True,
                          text=True, timeout=120, check=False)


@SPLITS
def test_json_is_the_same_with_two_processes_or_one() -> None:
    args = ("--lang", "en", "simulate", MANY, "--paths", "300", "--seed", "3", "--months", "6",
            "--json")
    two, one = debtcoach(*args, "--workers", "2"), debtcoach(*args, "--workers", "1")
    assert (two.returncode, two.stderr) == (0, "")
    assert (one.returncode, one.stderr) == (0, "")
    assert '"debt_p90"' in one.stdout
    assert two.stdout == one.stdout


@pytest.mark.parametrize("value", ["0", "x"])
def test_bad_workers_are_one_line_and_exit_2(value: str) -> None:
    done = debtcoach("--lang", "en", "simulate", MANY, "--workers", value)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (f"--workers: processes must be a whole number from 1 to 64 "
                           f"(got {value})\n")


@pytest.mark.parametrize("value", ["65", "-1", "2.5", "", " ", "１", "9" * 40])
def test_every_bad_workers_value_says_what_is_allowed_in_both_languages(value: str) -> None:
    for lang, allowed in (("en", "from 1 to 64"), ("zh", "1 到 64 之间的整数")):
        result = CliRunner().invoke(cli, ["--lang", lang, "simulate", MANY, "--workers", value])
        assert result.exit_code == 2
        assert result.stderr.startswith("--workers: ")
        assert allowed in result.stderr
        assert result.stderr.count("\n") == 1


@given(st.text(max_size=40))
def test_the_workers_parser_gives_a_count_or_one_located_error(text: str) -> None:
    try:
        workers = simulate_command._workers(text)
    except InputError as error:
        assert error.field == "--workers"
        for lang in ("en", "zh"):
            assert "\n" not in error_line(error, lang)
    else:
        assert 1 <= workers <= simulate_command.MAX_WORKERS


def run_in_process(*args: str) -> Any:
    result = CliRunner().invoke(cli, ["--lang", "en", "simulate", MANY, "--months", "3",
                                      "--json", *args])
    assert result.exit_code == 0, result.output
    return result


@SPLITS
def test_large_runs_use_a_process_per_core_by_themselves(
        monkeypatch: pytest.MonkeyPatch, forks: Forks) -> None:
    monkeypatch.setattr(shards, "PATHS_PER_WORKER", 150)  # 300 paths is "large"
    cores = len(shards.os.sched_getaffinity(0))
    by_default = run_in_process("--paths", "300")
    assert len(forks.pids) == min(2, cores)
    assert by_default.stdout == run_in_process("--paths", "300", "--workers", "1").stdout
    assert len(forks.pids) == min(2, cores)
    if cores > 1:
        forks.assert_nothing_left()


@SPLITS
def test_workers_are_for_the_numpy_engine_only(forks: Forks) -> None:
    run_in_process("--paths", "101", "--workers", "2", "--engine", "reference")
    assert not forks.pids


@SPLITS
def test_the_progress_bar_follows_the_slowest_worker_to_the_end(
        monkeypatch: pytest.MonkeyPatch, forks: Forks) -> None:
    from rich.progress import Progress

    monkeypatch.setattr(simulate_command, "PROGRESS_FROM_PATHS", 200)
    shown: list[tuple[Any, Any]] = []
    update = Progress.update

    def recording_update(bar: Progress, task: Any, **fields: Any) -> None:
        shown.append((fields.get("completed"), fields.get("total")))
        update(bar, task, **fields)

    monkeypatch.setattr(Progress, "update", recording_update)
    threads_at_fork: list[int] = []
    start = shards._start

    def counting_start(work: Callable[[], None]) -> tuple[int, int]:
        threads_at_fork.append(threading.active_count())
        return start(work)

    monkeypatch.setattr(shards, "_start", counting_start)
    threads = threading.active_count()
    run_in_process("--paths", "300", "--workers", "2")
    assert len(forks.pids) == 2
    assert threads_at_fork == [threads, threads]  # the bar added no thread to fork beside
    assert shown
    assert shown[-1] == (3 * 30, 3 * 30)
    forks.assert_nothing_left()


@SPLITS
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_worker_killed_is_one_line_not_a_traceback(
        monkeypatch: pytest.MonkeyPatch, forks: Forks, lang: str) -> None:
    def killed(engine: NumpyEngine, *args: Any, **kwargs: Any) -> None:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer ends a process

    monkeypatch.setattr(NumpyEngine, "advance", killed)
    result = CliRunner().invoke(cli, ["--lang", lang, "simulate", MANY, "--paths", "300",
                                      "--workers", "2"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "SIGKILL" in lines[0] and "--workers 1" in lines[0]
    assert ("模拟进程" in lines[0]) == (lang == "zh")
    assert result.stdout == "" and "Traceback" not in result.stderr
    forks.assert_nothing_left()
