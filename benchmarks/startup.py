"""Startup: launch to an interactive home screen, against a bare Textual app in the same run.

Each sample is a fresh interpreter (imports included), timed from the parent until the app has
mounted its first screen and processed its messages. Goal: debtcoach ≤ 1.5 × the bare app.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import asyncio
from textual.app import App
from textual.widgets import Static, Footer

class Bare(App):
    def compose(self):
        yield Static("hello")
        yield Footer()

async def main():
    async with Bare().run_test(size=(80, 24)) as pilot:
        await pilot.pause()

asyncio.run(main())
"""

DEBTCOACH = """
import asyncio, sys
from pathlib import Path
from debtcoach.ui.app import make_app
from debtcoach.ui.settings import Settings
from debtcoach.ui.screens.home import HomeScreen

async def main():
    app = make_app(Settings(data_dir=Path(sys.argv[1]), lessons_dir=Path(sys.argv[2])))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

asyncio.run(main())
"""


def sample(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as data:
        lessons = str(ROOT / "lessons")
        sample(BARE)
        sample(DEBTCOACH, data, lessons)  # warm the file cache once for both
        bare = [sample(BARE) for _ in range(runs)]
        ours = [sample(DEBTCOACH, data, lessons) for _ in range(runs)]
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"runs              {runs} each, median")
    print(f"bare Textual app  {b:.3f} s")
    print(f"debtcoach home    {o:.3f} s")
    print(f"ratio             {o / b:.2f}x (goal ≤ 1.5x)")


if __name__ == "__main__":
    main()
