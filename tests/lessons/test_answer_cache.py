"""Answers worked out by simulation are kept by scenario content and read back, not run again."""

import stat
from pathlib import Path

import pytest

import debtcoach.lessons.answers as answers
import debtcoach.lessons.loader as loader
from debtcoach.lessons.loader import load_lesson, load_sources
from debtcoach.ui.catalog import load, scan

ROOT = Path(__file__).parents[1] / "data" / "lessons"


def kept_answers(cache: dict[str, object]) -> list[object]:
    """The answers in a cache (it also notes which scenarios ran their check: ``True``)."""
    return [value for value in cache.values() if isinstance(value, dict)]


def test_a_second_load_reads_the_answers_back_without_simulating(
        monkeypatch: pytest.MonkeyPatch) -> None:
    cache: dict[str, object] = {}
    first = load_lesson(ROOT / "01-mini", load_sources(ROOT), cache=cache, namespace="v1")
    assert len(kept_answers(cache)) == 1  # the debt prediction; the APR quiz is about an offer
    for module in (answers, loader):  # neither an answer nor a scenario's check runs again
        monkeypatch.setattr(module, "simulate", lambda *a, **k: pytest.fail("simulated again"))
    again = load_lesson(ROOT / "01-mini", load_sources(ROOT), cache=cache, namespace="v1")
    assert again.answers == first.answers
    assert again.workings == first.workings


def test_another_engine_or_scenario_does_not_use_the_kept_answer() -> None:
    cache: dict[str, object] = {}
    load_lesson(ROOT / "01-mini", load_sources(ROOT), cache=cache, namespace="v1")
    load_lesson(ROOT / "01-mini", load_sources(ROOT), cache=cache, namespace="v2")
    assert len(kept_answers(cache)) == 2


def test_a_scenario_changed_since_its_check_is_checked_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    root = tmp_path / "lessons"
    shutil.copytree(ROOT, root)
    cache: dict[str, object] = {}
    load_lesson(root / "01-mini", load_sources(root), cache=cache, namespace="v1")
    checks: list[int] = []
    run = loader.simulate
    monkeypatch.setattr(loader, "simulate",
                        lambda *a, **k: checks.append(1) or run(*a, **k))  # type: ignore[func-returns-value]
    load_lesson(root / "01-mini", load_sources(root), cache=cache, namespace="v1")
    assert checks == []
    scenario = root / "scenarios" / "one-app.toml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace(
        "monthly_expenses = 5000", "monthly_expenses = 5100"), encoding="utf-8")
    load_lesson(root / "01-mini", load_sources(root), cache=cache, namespace="v1")
    assert checks == [1]
    load_lesson(root / "01-mini", load_sources(root), cache=cache, namespace="v2")
    assert checks == [1, 1]


def test_the_app_keeps_the_cache_in_a_private_file_and_survives_a_broken_one(
        tmp_path: Path) -> None:
    [entry] = scan(ROOT)
    cache_file = tmp_path / "answer-cache.json"
    cache_file.write_text("{not json")
    first = load(entry, None, cache_file)
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600
    assert load(entry, None, cache_file).answers == first.answers


def many_paths(tmp_path: Path) -> Path:
    """The test lessons with the "spiral" scenario run over 200 paths (a Monte Carlo answer)."""
    import shutil

    root = tmp_path / "lessons"
    shutil.copytree(ROOT, root)
    toml = root / "01-mini" / "lesson.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "months = 6\n", "months = 6\npaths = 200\n", 1), encoding="utf-8")
    return root


def test_a_deferred_load_leaves_monte_carlo_answers_for_later_with_the_same_values(
        tmp_path: Path) -> None:
    from debtcoach.lessons.loader import complete_answers, settle

    root = many_paths(tmp_path)
    full = load_lesson(root / "01-mini", load_sources(root))
    cache: dict[str, object] = {}
    deferred = load_lesson(root / "01-mini", load_sources(root), cache=cache, defer=True)
    assert set(deferred.pending) == {"guess"} and "guess" not in deferred.answers
    assert "q" in deferred.answers  # answers about offers are never deferred
    seen: list[tuple[int, int]] = []
    results = complete_answers(deferred, lambda done, total: seen.append((done, total)),
                               cache)
    assert seen and seen[-1][0] == seen[-1][1]
    assert "guess" not in deferred.answers and deferred.pending  # untouched until settled
    settle(deferred, results)
    assert deferred.answers == full.answers and deferred.workings == full.workings
    assert not deferred.pending
    again = load_lesson(root / "01-mini", load_sources(root), cache=cache, defer=True)
    assert not again.pending and again.answers == full.answers  # kept: nothing left to run


def test_a_one_path_scenario_runs_once_for_its_check_and_its_answers(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    for module in (answers, loader):
        run = module.simulate
        monkeypatch.setattr(module, "simulate",
                            lambda *a, _run=run, **k: calls.append(k["paths"]) or _run(*a, **k))
    fresh = load_lesson(ROOT / "01-mini", load_sources(ROOT), cache={}, namespace="v1")
    assert calls == [1]  # the check's run is the answer's run
    monkeypatch.undo()
    assert fresh.answers == load_lesson(ROOT / "01-mini", load_sources(ROOT)).answers
