"""Reporters turn sorted diagnostics into output; they are chosen by name.

Each is a module with ``report(result, lang, out, *, strict=False, err=None)``:
``strict`` says warnings fail the run too (``--strict``: JUnit shows only what fails
the run as failures), ``err`` is where a reporter warns the user (stderr).

Only ``text`` and ``json`` are imported up front; the others pull in XML, hashing or
URL handling, so they load only when a run asks for them (start-up time is what
every pre-commit run pays).
"""

from __future__ import annotations

import importlib
from typing import Protocol, TextIO

from validator.result import LintResult


class Reporter(Protocol):
    def __call__(
        self, result: LintResult, lang: str, out: TextIO, *, strict: bool = False, err: TextIO | None = None
    ) -> None: ...


REPORTER_MODULES: dict[str, str] = {
    "text": "validator.reporters.text_reporter",
    "json": "validator.reporters.json_reporter",
    "sarif": "validator.reporters.sarif_reporter",
    "github": "validator.reporters.github_reporter",
    "junit": "validator.reporters.junit_reporter",
    "gitlab": "validator.reporters.gitlab_reporter",
    "html": "validator.reporters.html_reporter",
}


def get_reporter(name: str) -> Reporter:
    reporter: Reporter = importlib.import_module(REPORTER_MODULES[name]).report
    return reporter
