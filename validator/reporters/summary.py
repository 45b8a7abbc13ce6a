"""Counts shared by every reporter."""

from __future__ import annotations

from validator.diagnostics import Severity
from validator.result import LintResult


def count(result: LintResult) -> dict[str, int]:
    """Problems by severity, the files they are in, and how many have a fix: ``fixable``
    with ``--fix`` as this run was given (unsafe ones too with ``--unsafe-fixes``),
    ``unsafe_fixable`` the ones only ``--unsafe-fixes`` would add."""
    by_severity = dict.fromkeys(Severity, 0)
    fixable = unsafe_fixable = 0
    for diagnostic in result.diagnostics:
        by_severity[diagnostic.severity] += 1
        if diagnostic.fix is not None:
            if diagnostic.fix.applies(result.unsafe_fixes):
                fixable += 1
            else:
                unsafe_fixable += 1
    return {
        "errors": by_severity[Severity.ERROR],
        "warnings": by_severity[Severity.WARNING],
        "infos": by_severity[Severity.INFO],
        "files_with_problems": len({diagnostic.path for diagnostic in result.diagnostics}),
        "fixable": fixable,
        "unsafe_fixable": unsafe_fixable,
    }
