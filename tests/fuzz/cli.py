"""Running debtcoach commands as a user does and judging the outcome: exit 0 or 2, on exit 2 one
line per problem on stderr naming where, never a traceback, never a hang."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from debtcoach.cli import cli

# A command that takes longer than this on a loaded machine is hanging, not working.
HANG_SECONDS = 60


@dataclass(frozen=True)
class Outcome:
    code: int | None  # None: it hung and was stopped
    stdout: str
    stderr: str
    crash: str = ""  # the exception when run in-process


def run(args: list[str], cwd: Path, subprocess_only: bool = False) -> Outcome:
    """The command in-process (fast), or in a subprocess with a time limit for inputs that could
    block (pipes, devices, huge terms) or when DEBTCOACH_CORPUS_SUBPROCESS is set."""
    env = {**os.environ, "DEBTCOACH_DATA_DIR": str(cwd / "data"), "NO_COLOR": "1",
           "COLUMNS": "100", "LANG": "C"}
    if subprocess_only or os.environ.get("DEBTCOACH_CORPUS_SUBPROCESS"):
        try:
            done = subprocess.run([sys.executable, "-m", "debtcoach", *args], cwd=cwd, env=env,
                                  capture_output=True, text=True, timeout=HANG_SECONDS,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return Outcome(None, "", "")
        return Outcome(done.returncode, done.stdout, done.stderr)
    result = CliRunner().invoke(cli, args, env=env, catch_exceptions=True)
    crash = ""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crash = repr(result.exception)
    return Outcome(result.exit_code, result.stdout, result.stderr, crash)


def problems(outcome: Outcome, where: str | None = None) -> list[str]:
    """What is wrong with an outcome (empty: a clean 0, or a clean 2 naming ``where``)."""
    found: list[str] = []
    if outcome.code is None:
        return ["hung"]
    if outcome.crash or "Traceback" in outcome.stderr:
        found.append(f"traceback: {outcome.crash or outcome.stderr[-300:]}")
    if outcome.code not in (0, 2):
        found.append(f"exit code {outcome.code}")
    if outcome.code == 2:
        lines = [line for line in outcome.stderr.split("\n") if line.strip()]
        if not lines:
            found.append("exit 2 without a message")
        for line in lines:
            if ": " not in line:
                found.append(f"a message line that names nothing: {line!r}")
        if where is not None and not any(where in ": ".join(line.split(": ")[:2])
                                         for line in lines):
            found.append(f"no line names {where!r}: {lines[:3]}")
    return found
