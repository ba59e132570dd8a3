"""`debtcoach simulate`: run a borrowing scenario month by month, once or as Monte Carlo."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

import click

from debtcoach.cli.common import lang_option, reports_input_errors, resolve_lang, whole_number
from debtcoach.cli.simulate_report import print_simulation, simulation_csv, worker_died_line
from debtcoach.errors import InputError
from debtcoach.i18n import Lang, t
from debtcoach.sim.loader import load_scenario
from debtcoach.sim.run import EngineName, check_size
from debtcoach.sim.run import simulate as simulate_run
from debtcoach.sim.shards import WorkerDied, useful_workers
from debtcoach.sim.summary import EVENTS_UP_TO_PATHS, events_json, months_json, totals_json
from debtcoach.textfile import read_text

MAX_PATHS = 1_000_000
MAX_WORKERS = 64
PROGRESS_FROM_PATHS = 10_000


@click.command()
@click.argument("scenario_file", type=click.Path(path_type=Path), metavar="FILE.toml")
@click.option("--months", "months_text", help="Run this many months instead of the file's.")
@click.option("--paths", "paths_text", default="1", show_default=True,
              help="Monte Carlo paths (income shocks from the borrower's income_volatility).")
@click.option("--seed", "seed_text", default="0", show_default=True,
              help="Seed for the income shocks.")
@click.option("--engine", default="numpy", show_default=True, help="numpy | reference")
@click.option("--workers", "workers_text",
              help="Processes for a Monte Carlo run (1-64; default: one per core for large "
                   "runs; numpy engine, Linux).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--csv", "as_csv", is_flag=True, help="One CSV row a month.")
@click.option("--events", "show_events", is_flag=True,
              help="Also print what happened day by day (runs of at most 100 paths).")
@lang_option
@reports_input_errors
def simulate(
    scenario_file: Path, months_text: str | None, paths_text: str, seed_text: str, engine: str,
    workers_text: str | None, as_json: bool, as_csv: bool, show_events: bool, lang: Lang | None,
) -> None:
    """Run a borrowing scenario month by month (以贷养贷, rollover, default, …)."""
    lang = resolve_lang(lang)
    if as_json and as_csv:
        raise InputError("--csv", "output_conflict")
    if engine not in ("numpy", "reference"):
        raise InputError("--engine", "engine_invalid", value=engine)
    paths = whole_number(paths_text, "--paths", 1, MAX_PATHS, "paths_invalid")
    seed = whole_number(seed_text, "--seed", 0, 2**63 - 1, "number_min")
    workers = useful_workers(paths) if workers_text is None else _workers(workers_text)
    scenario = load_scenario(read_text(scenario_file), str(scenario_file))
    if months_text is not None:
        months = whole_number(months_text, "--months", 1, 600, "months_invalid")
        scenario = scenario.model_copy(update={"months": months})
    check_size(scenario, paths)
    if show_events and paths > EVENTS_UP_TO_PATHS:  # they are not recorded: an empty log misleads
        raise InputError("--events", "events_too_many_paths", limit=EVENTS_UP_TO_PATHS,
                         paths=f"{paths:,}")
    if show_events and as_csv:
        raise InputError("--events", "events_with_csv")
    try:
        with _progress_bar(paths, lang) as progress:
            result = simulate_run(scenario, paths, seed, cast(EngineName, engine), progress,
                                  workers)
    except WorkerDied as died:  # not bad input: one line, and the usual failure code
        click.echo(worker_died_line(died, lang), err=True)
        sys.exit(1)
    if as_json:
        data: dict[str, object] = {"months": months_json(result), "totals": totals_json(result)}
        if result.paths <= EVENTS_UP_TO_PATHS:
            data["events"] = events_json(result)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif as_csv:
        click.echo(simulation_csv(result), nl=False)
    else:
        print_simulation(result, scenario_file.stem, lang, events=show_events)


def _workers(text: str) -> int:
    """--workers: a whole number of processes from 1 to MAX_WORKERS; one message for every
    bad value, since "not a whole number; use 0, 1, 2, …" would invite 0."""
    try:
        return whole_number(text, "--workers", 1, MAX_WORKERS, "workers_invalid")
    except InputError:
        raise InputError("--workers", "workers_invalid", value=text.strip()[:30],
                         limit=MAX_WORKERS) from None


@contextmanager
def _progress_bar(paths: int, lang: Lang) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for long Monte Carlo runs; stdout stays clean for --json."""
    if paths < PROGRESS_FROM_PATHS:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    # Redrawn on each update, with no refresh thread: a run split over processes forks
    # while the bar shows, and a process with no other thread forks safely.
    with Progress(console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        task = bar.add_task(t("sim.progress", lang), total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, refresh=True)

        yield update
