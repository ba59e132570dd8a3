"""The identities every result must satisfy to the fen (docs/engine.md, "Reports")."""

import numpy as np

from debtcoach.sim.results import SimResult


def assert_ledgers_balance(result: SimResult) -> None:
    """The three identities of docs/engine.md, with debt 0 and cash = savings before month 0,
    and the splits that must add up: paid = from income + from new loans, each part ≥ 0."""
    m = result.metrics
    net = m["cash_received"] - m["cash_paid"]
    debt_change = np.diff(m["debt"], axis=1, prepend=0)
    cash_change = np.diff(m["cash"], axis=1, prepend=result.start_cash[:, None])
    assert (net == debt_change - m["costs"]).all()
    assert (cash_change == m["income"] - m["spending"] + net).all()
    assert (m["costs_to_date"] - m["paid_to_date"] == m["costs_owed"]).all()
    assert (m["paid_from_income"] + m["paid_from_new_loans"] == m["paid"]).all()
    assert (m["paid_from_income"] >= 0).all() and (m["paid_from_new_loans"] >= 0).all()
    assert (m["costs_owed"] >= 0).all()
    assert ((m["principal_received_outstanding"] >= 0)
            & (m["principal_received_outstanding"] <= m["debt"] - m["costs_owed"])).all()
    assert (m["debt"] >= 0).all()
    assert (result.start_cash == result.scenario.borrower.savings_fen).all()
