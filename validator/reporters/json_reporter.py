"""The JSON report: a public interface, so its shape only ever grows.

{"version": 1, "tool": {"name", "version"}, "files_checked": N,
 "summary": {"errors", "warnings", "infos", "files_with_problems"},
 "diagnostics": [{"path", "line", "column", "end_line", "end_column", "pointer",
                  "code", "rule", "severity", "message", "message_id",
                  "related": [{"line", "column", "path" (only when another file)}]}],
 "suppressed": N (hidden by `# goals-lint: disable=` comments),
 "baseline": null, or {"path", "hidden", "stale_entries"} when a baseline was applied}
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from validator import __version__
from validator.diagnostics import Diagnostic, Related
from validator.reporters.summary import count
from validator.result import LintResult

FORMAT_VERSION = 1


def diagnostic_to_dict(diagnostic: Diagnostic, lang: str) -> dict[str, Any]:
    span = diagnostic.span
    return {
        "path": diagnostic.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "pointer": diagnostic.pointer,
        "code": diagnostic.code,
        "rule": diagnostic.rule,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message(lang),
        "message_id": diagnostic.message_id,
        "related": [_related_to_dict(diagnostic.path, other) for other in diagnostic.related],
    }


def _related_to_dict(path: str, related: Related) -> dict[str, Any]:
    place: dict[str, Any] = {"line": related.span.line, "column": related.span.column}
    if related.path != path:
        place["path"] = related.path  # only a cross-file rule points into another file
    return place


def report(result: LintResult, lang: str, out: TextIO, *, err: TextIO | None = None) -> None:
    document = {
        "version": FORMAT_VERSION,
        "tool": {"name": "goals-lint", "version": __version__},
        "files_checked": result.files_checked,
        "summary": count(result),
        "diagnostics": [diagnostic_to_dict(diagnostic, lang) for diagnostic in result.diagnostics],
        "suppressed": result.suppressed,
        "baseline": None
        if result.baseline_path is None
        else {
            "path": result.baseline_path,
            "hidden": result.hidden_by_baseline,
            "stale_entries": result.stale_baseline_entries,
        },
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
