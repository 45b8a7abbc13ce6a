"""Counts shared by every reporter."""

from __future__ import annotations

from validator.diagnostics import Severity
from validator.result import LintResult


def count(result: LintResult) -> dict[str, int]:
    by_severity = dict.fromkeys(Severity, 0)
    for diagnostic in result.diagnostics:
        by_severity[diagnostic.severity] += 1
    return {
        "errors": by_severity[Severity.ERROR],
        "warnings": by_severity[Severity.WARNING],
        "infos": by_severity[Severity.INFO],
        "files_with_problems": len({diagnostic.path for diagnostic in result.diagnostics}),
    }
