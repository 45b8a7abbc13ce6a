"""Reporters turn sorted diagnostics into output; they are chosen by name."""

from __future__ import annotations

from typing import Callable, TextIO

from validator.linter import LintResult
from validator.reporters import json_reporter, text_reporter

Reporter = Callable[[LintResult, str, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": text_reporter.report,
    "json": json_reporter.report,
}
