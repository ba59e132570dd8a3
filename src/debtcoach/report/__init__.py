"""Printable outputs (pure: text in, text out): the assessment report as Markdown or one
self-contained HTML page; the document blocks are shared by other reports."""

from debtcoach.report.assessment import (
    Sources,
    assessment_document,
    assessment_html,
    assessment_markdown,
)
from debtcoach.report.blocks import Document, to_html, to_markdown

__all__ = ["Document", "Sources", "assessment_document", "assessment_html",
           "assessment_markdown", "to_html", "to_markdown"]
