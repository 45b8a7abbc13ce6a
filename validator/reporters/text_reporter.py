"""`path:line:col: CODE message [rule]`, one line a problem, then a summary line."""

from __future__ import annotations

from typing import TextIO

from validator.linter import LintResult
from validator.messages import render
from validator.reporters.summary import count


def report(result: LintResult, lang: str, out: TextIO) -> None:
    for diagnostic in result.diagnostics:
        span = diagnostic.span
        message = render(diagnostic.message_id, diagnostic.params, lang)
        out.write(f"{diagnostic.path}:{span.line}:{span.column}: {diagnostic.code} {message} [{diagnostic.rule}]\n")
    counts = count(result)
    if result.diagnostics:
        out.write(render("summary.problems", {"files": result.files_checked, **counts}, lang) + "\n")
    else:
        out.write(render("summary.clean", {"files": result.files_checked}, lang) + "\n")
