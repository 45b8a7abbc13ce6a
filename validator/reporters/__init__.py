"""Reporters turn sorted diagnostics into output; they are chosen by name.

Each is a module with ``report(result, lang, out)``. Only ``text`` and ``json`` are
imported up front; the others pull in XML, hashing or URL handling, so they load
only when a run asks for them (start-up time is what every pre-commit run pays).
"""

from __future__ import annotations

import importlib
from typing import Callable, TextIO

from validator.linter import LintResult

Reporter = Callable[[LintResult, str, TextIO], None]

REPORTER_MODULES: dict[str, str] = {
    "text": "validator.reporters.text_reporter",
    "json": "validator.reporters.json_reporter",
    "sarif": "validator.reporters.sarif_reporter",
    "github": "validator.reporters.github_reporter",
    "junit": "validator.reporters.junit_reporter",
    "gitlab": "validator.reporters.gitlab_reporter",
}


class ReportWriteError(Exception):
    """A report file could not be written (exit 2, with the path and the reason)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason


def get_reporter(name: str) -> Reporter:
    return importlib.import_module(REPORTER_MODULES[name]).report  # type: ignore[no-any-return]
