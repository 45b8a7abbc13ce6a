"""What a run found and what it hid: the one thing every reporter reads."""

from __future__ import annotations

import os

from validator.diagnostics import Diagnostic, Severity


class LintResult:
    __slots__ = (
        "baseline_path",
        "diagnostics",
        "failing",
        "files_checked",
        "files_fixed",
        "fixed",
        "hidden_by_baseline",
        "paths",
        "root",
        "stale_baseline_entries",
        "suppressed",
        "unsafe_fixes",
    )

    def __init__(self) -> None:
        self.files_checked = 0
        self.diagnostics: list[Diagnostic] = []
        self.paths: list[str] = []  # every file checked, as given: a JUnit report lists the clean ones too
        self.suppressed = 0  # diagnostics hidden by `# goals-lint: disable=` comments
        # Filled in by the command line: the folder reports make paths relative to
        # (the repository root), and what the baseline hid.
        self.root = os.getcwd()
        self.baseline_path: str | None = None
        self.hidden_by_baseline = 0
        self.stale_baseline_entries = 0
        # The severities that fail the run: errors; warnings too under --strict; none under
        # --exit-zero. The exit code and JUnit's failures both follow it.
        self.failing: frozenset[Severity] = frozenset({Severity.ERROR})
        # What --fix did, and whether unsafe fixes count as applicable (--unsafe-fixes).
        self.fixed = 0
        self.files_fixed = 0
        self.unsafe_fixes = False
