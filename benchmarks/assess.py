"""Recomputing a self-assessment as the person types: every loan's rates, the four plans over 24
months (each run on until debt-free or 120 months) and the risk level, for 8 loans.

Goal: p95 ≤ 100 ms on this machine. Printed beside the time of one engine month step (the numpy
engine, one path, a lesson's four-lender scenario) measured in the same run, as the ratio is
what carries between machines.

    python benchmarks/assess.py [--samples 100]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from debtcoach.assess import assess, load_situation
from debtcoach.sim.loader import load_scenario
from debtcoach.sim.run import start

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 7, 20)

EIGHT_LOANS = """
[person]
monthly_income = 6000
monthly_expenses = 4200
savings = 800

[[loans]]
lender = "A"
amount = 10000
received = 8000
term = "12m"
rate = "24%/year"
paid_instalments = 3
late = { penalty_rate = "0.05%/day", late_fee = 50, grace_days = 3 }

[[loans]]
lender = "B"
received = 2700
schedule = "2026-07-15 1,072.00\\n2026-08-15 1,072.00\\n2026-09-15 1,072.00"
paid_instalments = 1

[[loans]]
lender = "C"
amount = 1500
term = "30d"
rate = "日息万五"
repayment = "一次性还本付息"
upfront_fee = "10%"

[[loans]]
lender = "D"
amount = "1.2万"
term = "24期"
rate = "月息1分5"
repayment = "等额本金"
service_fee = "0.3%"
paid_instalments = 5
days_overdue = 12
late = { penalty_rate = "0.1%/day", late_fee = 30 }

[[loans]]
lender = "E"
kind = "credit-card"
amount = 8000
term = "12m"
rate = "0.6%/month"
repayment = "等本等费"
start = "2026-02-10"

[[loans]]
lender = "F"
amount = 3000
term = "6m"
rate = "年化36%（含服务费）"
repayment = "先息后本"
paid_instalments = 2
to_repay_other_loans = true

[[loans]]
lender = "G"
amount = 5000
term = "14d"
rate = "0.1%/day"
repayment = "bullet"
membership_fee = 198

[[loans]]
lender = "H"
received = 4500
amount = 5000
schedule = "第1期 900元\\n第2期 900元\\n第3期 900元\\n第4期 900元\\n第5期 900元\\n第6期 900元"
paid_instalments = 2
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_assessments(samples: int, clock: Callable[[], float]) -> list[float]:
    timings = []
    for _ in range(samples):
        began = clock()
        situation = load_situation(EIGHT_LOANS, "eight-loans")
        result = assess(situation, TODAY, months=24)
        timings.append(clock() - began)
        assert len(result.loans) == 8
    return timings


def time_month_steps(samples: int, clock: Callable[[], float]) -> list[float]:
    scenario = load_scenario((ROOT / "lessons/scenarios/many-apps.toml").read_text(), "many-apps")
    scenario = scenario.model_copy(update={"months": samples + 1})
    engine = start(scenario, paths=1, record_events=True)
    timings = []
    for _ in range(samples):
        began = clock()
        engine.advance(1)
        timings.append(clock() - began)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=100)
    args = parser.parse_args()
    time_assessments(5, time.perf_counter)  # warm imports and caches
    # Wall time is what the person waits; CPU time shows the cost when other work shares the
    # machine's cores.
    for name, clock in (("wall", time.perf_counter), ("cpu", time.process_time)):
        step = time_month_steps(args.samples, clock)
        runs = time_assessments(args.samples, clock)
        step_p50 = statistics.median(step)
        p50, p95 = statistics.median(runs), percentile(runs, 0.95)
        print(f"[{name}] engine month step (1 path, many-apps): p50 {step_p50 * 1000:.2f} ms, "
              f"p95 {percentile(step, 0.95) * 1000:.2f} ms")
        print(f"[{name}] assess 8 loans (rates + four plans + risk): p50 {p50 * 1000:.1f} ms, "
              f"p95 {p95 * 1000:.1f} ms = {p95 / step_p50:.1f} month steps (goal ≤ 100 ms)")


if __name__ == "__main__":
    main()
