"""The JSON report: a public interface, so its shape only ever grows.

{"version": 2, "tool": {"name", "version"}, "files_checked": N,
 "summary": {"errors", "warnings", "infos", "files_with_problems", "fixable", "unsafe_fixable"},
 "diagnostics": [{"path", "line", "column", "end_line", "end_column", "pointer",
                  "code", "rule", "severity", "message", "message_id",
                  "related": [{"line", "column", "path" (only when another file)}],
                  "fix": null, or {"applicability": "safe" | "unsafe", "description",
                                   "edits": [{"line", "column", "end_line", "end_column", "text"}]}}],
 "suppressed": N (hidden by `# goals-lint: disable=` comments),
 "fixed": N (problems --fix fixed in this run), "files_fixed": N,
 "baseline": null, or {"path", "hidden", "stale_entries"} when a baseline was applied}

Version 2 added ``fix`` to each diagnostic, ``fixable`` and ``unsafe_fixable`` to the
summary, and ``fixed`` and ``files_fixed``; everything of version 1 is unchanged.
``fixable`` counts what ``--fix`` would fix as the run was given (with
``--unsafe-fixes``, the unsafe fixes too); ``unsafe_fixable`` what only
``--unsafe-fixes`` would add. A fix's ``edits`` replace text of the file as it was
checked (1-based, ``end_column`` exclusive, columns in characters); a file in
GBK/GB18030 is converted as a whole, so its fix has no edits.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from validator import __version__
from validator.diagnostics import Diagnostic, Fix, Related
from validator.messages import render
from validator.reporters.summary import count
from validator.result import LintResult

FORMAT_VERSION = 2


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
        "fix": None if diagnostic.fix is None else fix_to_dict(diagnostic.fix, lang),
    }


def fix_to_dict(fix: Fix, lang: str) -> dict[str, Any]:
    return {
        "applicability": fix.applicability.value,
        "description": render(fix.message_id, fix.params, lang),
        "edits": [
            {
                "line": edit.span.line,
                "column": edit.span.column,
                "end_line": edit.span.end_line,
                "end_column": edit.span.end_column,
                "text": edit.text,
            }
            for edit in fix.text_edits
        ],
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
        "fixed": result.fixed,
        "files_fixed": result.files_fixed,
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
