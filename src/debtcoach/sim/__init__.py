"""Loan-stacking simulation: scenarios, the numpy engine, the plain-Python reference engine, and
Monte Carlo summaries. Pure: no UI, no storage; rules in docs/engine.md."""
