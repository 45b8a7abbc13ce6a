"""`path:line:col: CODE message [rule]`, one line a problem, then a summary line
(which also says how many known problems the baseline hid)."""

from __future__ import annotations

from typing import TextIO

from validator.messages import ERROR, FILE, INFO, WARNING, counted, one_line, render
from validator.reporters.messages import (
    SUMMARY_CLEAN,
    SUMMARY_HIDDEN_BY_BASELINE,
    SUMMARY_HIDDEN_BY_BASELINE_ONE,
    SUMMARY_PROBLEMS,
)
from validator.reporters.summary import count
from validator.result import LintResult

# The summary's sentences: Chinese joins them without a space after `。`.
_SENTENCE_GAP = {"zh": "", "en": " "}


def report(result: LintResult, lang: str, out: TextIO, *, err: TextIO | None = None) -> None:
    for diagnostic in result.diagnostics:
        span = diagnostic.span
        message = one_line(diagnostic.message(lang))
        # A file name can hold a newline or an escape sequence too (`goals/new\nline.yaml`).
        out.write(
            f"{one_line(diagnostic.path)}:{span.line}:{span.column}: {diagnostic.code} {message} [{diagnostic.rule}]\n"
        )
    counts = count(result)
    files = counted(FILE, result.files_checked)
    if result.diagnostics:
        params = {
            "files": files,
            "errors": counted(ERROR, counts["errors"]),
            "warnings": counted(WARNING, counts["warnings"]),
            "infos": counted(INFO, counts["infos"]),
            "files_with_problems": counted(FILE, counts["files_with_problems"]),
        }
        summary = render(SUMMARY_PROBLEMS, params, lang)
    else:
        summary = render(SUMMARY_CLEAN, {"files": files}, lang)
    if result.hidden_by_baseline:
        hidden_id = SUMMARY_HIDDEN_BY_BASELINE_ONE if result.hidden_by_baseline == 1 else SUMMARY_HIDDEN_BY_BASELINE
        hidden = render(
            hidden_id, {"path": one_line(result.baseline_path or ""), "count": result.hidden_by_baseline}, lang
        )
        summary += _SENTENCE_GAP[lang] + hidden
    out.write(summary + "\n")
