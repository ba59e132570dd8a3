"""Workshop load: simulated participants answering through the websocket, on loopback only.

Starts `debtcoach workshop serve` on 127.0.0.1 with a fresh data folder, then N participants
connect as the page does (websocket; output matched as text), join the room, answer the
lesson's first prediction and numeric quiz, leave, and come back as a new participant, until the
run's time is up; the run then stops by itself (bounded in time and in connections). Each
participant reads every screen for a while before pressing a key (``--think``, 3 s on average;
0 sends keys as fast as screens come, a room of robots). Reports:

- errors (goal 0), grouped by the screen waited for and the kind of failure;
- answers lost (goal 0): answers acknowledged on screen minus answers stored;
- memory per participant app process (goal ≤ 80 MB): RSS and PSS, sampled;
- answer → dashboard data latency (goal p95 ≤ 1 s): from the Enter that submits an answer to
  the answer's first appearance in what the dashboard reads (polled every 50 ms);
- capacity: how many participants this machine's memory holds, and the CPU used by the
  participants' apps, the server and this benchmark itself.

    python benchmarks/workshop_load.py [--participants 30] [--duration 120] [--think 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.workshop.client import (  # noqa: E402
    ENTER,
    RIGHT,
    Participant,
    ServerProcess,
    children_of,
    free_port,
    step_shown,
)

from debtcoach.store.rooms import RoomStore  # noqa: E402
from debtcoach.ui.catalog import load, scan  # noqa: E402
from debtcoach.workshop.dashboard import read_results  # noqa: E402
from debtcoach.workshop.server import COOKIE  # noqa: E402

ROOM = "LOAD"
LESSON = "01-first-loan"
STEP_TIMEOUT = 120.0  # one screen change under load; longer counts as an error
START_TIMEOUT = 300.0  # an app process starting while the whole room starts (~3 s CPU each)
ARRIVAL_SECONDS = 2.0  # participants arrive this far apart, as a room scanning a QR code does
THINK_SECONDS = 3.0  # a participant reads a screen this long before a key (a quick room)


@dataclass
class Tally:
    sent: dict[tuple[str, str], float] = field(default_factory=dict)  # (participant, step) → t
    acknowledged: int = 0
    errors: list[str] = field(default_factory=list)  # "stage: kind", grouped in the report
    sessions: int = 0


async def one_session(base_url: str, tally: Tally, think: Callable[[], float]) -> None:
    """One participant from page load to leaving: join, answer two questions, reading each
    screen for a ``think()`` time before pressing a key (a session that has started finishes,
    each screen bounded by its timeout)."""
    participant = Participant(base_url, emulate=False)
    stage = "page load"
    try:
        await participant.open()
        who = next((c.value for c in participant.session.cookie_jar if c.key == COOKIE), "?")
        stage = "app start (welcome screen)"
        await participant.wait_for("Welcome to room", START_TIMEOUT)
        await participant.think(think())
        await participant.send(ENTER)
        stage = "step 1 after the nickname"
        await participant.wait_for(lambda s: step_shown(s) == 1, STEP_TIMEOUT)
        await participant.think(think())
        await participant.send(RIGHT)
        stage = "step 2"
        await participant.wait_for(lambda s: step_shown(s) == 2, STEP_TIMEOUT)
        for step, typed, shown in (("guess-year", "20", "you guessed"),
                                   ("qianyi", "36.5", "✓ Right")):
            if step == "qianyi":
                await participant.think(think())
                await participant.send(RIGHT)
                stage = "step 3"
                await participant.wait_for(lambda s: step_shown(s) == 3, STEP_TIMEOUT)
            await participant.think(think())
            tally.sent[(who, step)] = time.monotonic()
            await participant.send(typed + ENTER)
            stage = f"answer {step} acknowledged"
            await participant.wait_for(shown, STEP_TIMEOUT)
            tally.acknowledged += 1
        tally.sessions += 1
    except Exception as error:  # every failure is counted and told by kind, none is swallowed
        tally.errors.append(f"{stage}: {error_kind(error)}")
    finally:
        await participant.close()


def error_kind(error: Exception) -> str:
    """A failure's kind, without the screen a timeout carries."""
    if isinstance(error, TimeoutError):
        return "TimeoutError (screen never shown)"
    first = str(error).splitlines()[0][:100] if str(error) else ""
    return f"{type(error).__name__}: {first}"


async def participant_loop(base_url: str, tally: Tally, deadline: float, start_delay: float,
                           think: Callable[[], float]) -> None:
    await asyncio.sleep(start_delay)  # stagger arrivals as a room does, not to time anything
    while time.monotonic() < deadline:
        await one_session(base_url, tally, think)


def watch_dashboard(folder: Path, tally: Tally, seen: dict[tuple[str, str], float],
                    stop: threading.Event) -> None:
    """What the dashboard reads, polled: when each answer first appears in it."""
    loaded = load(next(e for e in scan(ROOT / "lessons") if e.id == LESSON))
    with RoomStore.open(folder) as store:
        while not stop.is_set():
            read_results(store, ROOM, loaded, None)
            now = time.monotonic()
            for answer in store.room_answers(ROOM):
                seen.setdefault((answer.participant, answer.step_id), now)
            stop.wait(0.05)


def memory_of(pid: int) -> tuple[float, float] | None:
    """(RSS, PSS) in MiB of one process, or None when it is gone."""
    try:
        fields = dict(line.split(":", 1) for line in
                      Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
    except (OSError, ValueError):
        return None
    return (int(fields["Rss"].split()[0]) / 1024, int(fields["Pss"].split()[0]) / 1024)


def app_processes(server_pid: int) -> list[int]:
    pids = []
    for pid in children_of(server_pid):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"debtcoach.workshop.participant" in command:
            pids.append(pid)
    return pids


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def main(participants: int, duration: float, think_seconds: float) -> int:
    folder = Path(tempfile.mkdtemp(prefix="debtcoach-load-"))
    server = ServerProcess(folder, ROOM, LESSON, free_port())
    tally, seen = Tally(), {}
    stop = threading.Event()
    samples: list[tuple[float, float]] = []
    cpu: dict[int, float] = {}
    most_connected = 0
    try:
        await server.ready()
        watcher = threading.Thread(target=watch_dashboard, args=(folder, tally, seen, stop))
        watcher.start()
        started = time.monotonic()
        deadline = started + duration
        randoms = [random.Random(i) for i in range(participants)]  # the same run each time
        loops = [asyncio.create_task(participant_loop(
                     server.base_url, tally, deadline, i * ARRIVAL_SECONDS,
                     lambda r=randoms[i]: think_seconds * r.uniform(0.5, 1.5)))
                 for i in range(participants)]
        while (time.monotonic() < deadline + START_TIMEOUT
               and not all(t.done() for t in loops)):
            pids = app_processes(server.process.pid)
            most_connected = max(most_connected, len(pids))
            for pid in pids:
                cpu[pid] = cpu_seconds(pid)
                if (memory := memory_of(pid)) is not None:
                    samples.append(memory)
            await asyncio.sleep(2)  # sampling interval of the memory probe
        for task in loops:
            task.cancel()
        await asyncio.gather(*loops, return_exceptions=True)
        elapsed = time.monotonic() - started
        await asyncio.sleep(1)  # let the watcher see the last answers (it polls every 50 ms)
    finally:
        stop.set()
        server_pid = server.process.pid
        server_cpu = cpu_seconds(server_pid)
        output = server.stop()
    with RoomStore.open(folder) as store:
        stored = store.count_answers(ROOM)
    latencies = sorted(seen[key] - sent for key, sent in tally.sent.items() if key in seen)
    rss = [r for r, _ in samples]
    pss = [p for _, p in samples]
    total_mib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**20
    per_app = statistics.mean(pss) if pss else float("nan")
    print(f"participants: {participants} at once, reading each screen "
          f"{think_seconds:.1f} s on average, {duration:.0f} s of answering "
          f"({elapsed:.0f} s with the last sessions finishing), {tally.sessions} sessions "
          f"completed, {most_connected} app processes at most")
    print(f"errors: {len(tally.errors)}")
    for error, count in Counter(tally.errors).most_common():
        print(f"  {count:>4} × {error}")
    print(f"answers acknowledged: {tally.acknowledged}, stored: {stored}, "
          f"lost: {max(tally.acknowledged - stored, 0)}")
    if latencies:
        p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
        print(f"answer -> dashboard data: median {statistics.median(latencies):.3f} s, "
              f"p95 {p95:.3f} s, max {latencies[-1]:.3f} s over {len(latencies)} answers")
    if samples:
        print(f"memory per participant app: RSS mean {statistics.mean(rss):.0f} MiB "
              f"(max {max(rss):.0f}), PSS mean {per_app:.0f} MiB (max {max(pss):.0f})")
        print(f"capacity by memory: {int(total_mib * 0.8 / per_app)} participants in 80% of "
              f"{total_mib / 1024:.0f} GiB")
    own = resource.getrusage(resource.RUSAGE_SELF)
    print(f"CPU used by participant apps: {sum(cpu.values()):.0f} s over {elapsed:.0f} s "
          f"on {os.cpu_count()} cores; by the server {server_cpu:.0f} s; "
          f"by this benchmark's clients and dashboard reader {own.ru_utime + own.ru_stime:.0f} s")
    if "Traceback" in output or tally.errors:
        lines = [line for line in output.splitlines() if line.strip() and "█" not in line]
        print("server's last lines:\n" + "\n".join(lines[-15:]))
    if "Traceback" in output:
        return 1
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--duration", type=float, default=120.0,
                        help="seconds of answering before the run winds down")
    parser.add_argument("--think", type=float, default=THINK_SECONDS,
                        help="seconds a participant reads each screen before a key, on "
                             "average (0: keys as fast as the screens come)")
    arguments = parser.parse_args()
    sys.exit(asyncio.run(main(arguments.participants, arguments.duration, arguments.think)))
