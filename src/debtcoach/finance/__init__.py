"""Loan maths: rates with explicit periods, offers, schedules to the fen, IRR and annualized rates,
and legal lines as dated data. Pure: no UI, no storage, no I/O."""

from debtcoach.finance.irr import irr

__all__ = ["irr"]
