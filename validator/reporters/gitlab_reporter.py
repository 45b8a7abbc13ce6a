"""GitLab Code Quality: a JSON list of issues shown in the merge request.

Each issue has a description, a ``check_name`` (the rule), a ``fingerprint``
unique per occurrence (GitLab compares them between the base and the merge
request: it hashes the rule, file, JSON pointer and parameters, never line
numbers), a GitLab ``severity`` and the repository-relative ``location``.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from validator.diagnostics import Diagnostic, Severity
from validator.identity import fingerprints
from validator.messages import one_line
from validator.paths import relative_path
from validator.result import LintResult

# GitLab's scale is info, minor, major, critical, blocker.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _issue(diagnostic: Diagnostic, fingerprint: str, root: str, lang: str) -> dict[str, Any]:
    message = one_line(diagnostic.message(lang))  # the merge request widget shows one line per issue
    return {
        "type": "issue",
        "engine_name": "goals-lint",
        "description": f"{diagnostic.code} {message}",
        "check_name": diagnostic.rule,
        "categories": ["Style"],
        "fingerprint": fingerprint,
        "severity": SEVERITIES[diagnostic.severity],
        "location": {
            "path": relative_path(diagnostic.path, root),
            "lines": {"begin": diagnostic.span.line, "end": diagnostic.span.end_line},
        },
    }


def report(result: LintResult, lang: str, out: TextIO, *, err: TextIO | None = None) -> None:
    issues = [
        _issue(diagnostic, fingerprint, result.root, lang)
        for diagnostic, fingerprint in zip(
            result.diagnostics, fingerprints(result.diagnostics, result.root), strict=True
        )
    ]
    json.dump(issues, out, ensure_ascii=False, indent=2)
    out.write("\n")
