"""A person's own loans: real rates, where they lead and the way out (pure; no UI, no I/O).

Public API (stable; the app and the CLI build on it):
- input: :class:`Situation` (``person``, ``loans``, ``negotiated``), :class:`Person`,
  :class:`LoanInput`, :class:`NegotiatedTerms`; :func:`load_situation` (TOML text),
  :func:`situation_from_dict` (a form), :func:`check_loans`; :data:`TEMPLATES` /
  :func:`template` for common products; :func:`parse_repayment_plan` for a pasted 还款计划.
- output: :func:`assess` → :class:`Assessment` (per-loan :class:`LoanResult`, the whole picture,
  four :class:`PlanResult` keyed by :class:`PlanName`, :class:`Risk`); :func:`assessment_json`.
- help: :data:`HELP_LINES`, :data:`WARNINGS` (message keys and source ids).
"""

from debtcoach.assess.core import DEFAULT_MONTHS, assess
from debtcoach.assess.export import assessment_json
from debtcoach.assess.help import HELP_LINES, NEGOTIATION_SOURCES, WARNINGS, HelpItem
from debtcoach.assess.load import check_loans, load_situation, situation_from_dict
from debtcoach.assess.models import (
    MAX_LOANS,
    MAX_PLAN_MONTHS,
    LoanInput,
    LoanKind,
    NegotiatedTerms,
    Person,
    Situation,
)
from debtcoach.assess.plan_text import PlanLine, RepaymentPlan, parse_repayment_plan
from debtcoach.assess.results import (
    PLAN_NAMES,
    Assessment,
    FinalState,
    Instalment,
    LoanResult,
    NextPayment,
    PlanName,
    PlanResult,
    Risk,
    RiskLevel,
)
from debtcoach.assess.risk import REASONS
from debtcoach.assess.templates import TEMPLATES, Template, template

__all__ = [
    "DEFAULT_MONTHS", "HELP_LINES", "MAX_LOANS", "MAX_PLAN_MONTHS", "NEGOTIATION_SOURCES",
    "PLAN_NAMES", "REASONS", "TEMPLATES", "WARNINGS", "Assessment", "FinalState", "HelpItem",
    "Instalment", "LoanInput", "LoanKind", "LoanResult", "NegotiatedTerms", "NextPayment",
    "Person", "PlanLine", "PlanName", "PlanResult", "RepaymentPlan", "Risk", "RiskLevel",
    "Situation", "Template", "assess", "assessment_json", "check_loans", "load_situation",
    "parse_repayment_plan", "situation_from_dict", "template",
]
