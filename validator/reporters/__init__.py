"""Reporters turn sorted diagnostics into output; they are chosen by name.

Each is a module with ``report(result, lang, out, *, err=None)``: ``err`` is where a
reporter warns the user (stderr). What fails the run (``--strict``, ``--exit-zero``) is
``result.failing``, decided once by the command line.

Only ``text`` and ``json`` are imported up front; the others pull in XML, hashing or
URL handling, so they load only when a run asks for them (start-up time is what
every pre-commit run pays).
"""

from __future__ import annotations

import importlib
from typing import Protocol, TextIO

from validator.result import LintResult


class Reporter(Protocol):
    def __call__(self, result: LintResult, lang: str, out: TextIO, *, err: TextIO | None = None) -> None: ...


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
