"""`path:line:col: CODE message [rule]`, one line a problem, then a summary line
(which also says how many known problems the baseline hid)."""

from __future__ import annotations

from typing import TextIO

from validator.linter import LintResult
from validator.messages import counted, render
from validator.reporters.summary import count


def report(result: LintResult, lang: str, out: TextIO) -> None:
    for diagnostic in result.diagnostics:
        span = diagnostic.span
        message = diagnostic.message(lang)
        out.write(f"{diagnostic.path}:{span.line}:{span.column}: {diagnostic.code} {message} [{diagnostic.rule}]\n")
    counts = count(result)
    files = counted("file", result.files_checked)
    if result.diagnostics:
        params = {
            "files": files,
            "errors": counted("error", counts["errors"]),
            "warnings": counted("warning", counts["warnings"]),
            "infos": counted("info", counts["infos"]),
            "files_with_problems": counted("file", counts["files_with_problems"]),
        }
        summary = render("summary.problems", params, lang)
    else:
        summary = render("summary.clean", {"files": files}, lang)
    if result.hidden_by_baseline:
        hidden_id = "baseline.hidden_one" if result.hidden_by_baseline == 1 else "baseline.hidden"
        summary += " " + render(hidden_id, {"path": result.baseline_path, "count": result.hidden_by_baseline}, lang)
    out.write(summary + "\n")
