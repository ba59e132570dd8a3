"""Vectorized irr against a Python loop of numpy_financial.irr on the same loan schedules.

Prints the batch size, both timings, the speed-up and the largest disagreement, and exits with
status 1 when the two disagree by more than 1e-9 anywhere numpy-financial finds a rate.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
import numpy_financial as npf

from debtcoach.finance.irr import irr

WIDTH = 37  # one advance and up to 36 monthly payments
TOLERANCE = 1e-9


def loan_schedules(n: int, seed: int) -> np.ndarray:
    """Monthly annuities at 1%-300% a year, 12-36 payments, with a fee kept from the advance."""
    rng = np.random.default_rng(seed)
    months = rng.integers(12, 37, size=n)
    monthly = rng.uniform(0.01, 3.0, size=n) / 12.0
    principal = rng.uniform(100.0, 20_000.0, size=n)
    fee = principal * rng.uniform(0.0, 0.1, size=n)
    payment = principal * monthly / -np.expm1(-months * np.log1p(monthly))
    flows = np.zeros((n, WIDTH))
    flows[:, 0] = principal - fee
    paid = np.arange(WIDTH)[None, :] <= months[:, None]
    paid[:, 0] = False
    flows[paid] = -np.repeat(payment, months)
    return flows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000, help="number of schedules")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    args = parser.parse_args(argv)

    flows = loan_schedules(args.n, args.seed)
    vectorized = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        rates = irr(flows)
        vectorized = min(vectorized, time.perf_counter() - start)

    start = time.perf_counter()
    reference = np.array([npf.irr(row) for row in flows])
    loop = time.perf_counter() - start

    finite = np.isfinite(reference)
    diff = float(np.max(np.abs(rates[finite] - reference[finite]), initial=0.0))
    print(f"n                 {args.n}")
    print(f"vectorized irr    {vectorized:.4f} s (best of 3)")
    print(f"numpy_financial   {loop:.4f} s (Python loop)")
    print(f"speed-up          {loop / vectorized:.1f}x")
    print(f"max abs diff      {diff:.3e} over {int(finite.sum())} rows")
    if diff > TOLERANCE:
        print(f"FAIL: difference above {TOLERANCE:g}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
