"""`path:line:col: CODE message [rule]`, one line a problem, then a summary line
(which also says how many problems ``--fix`` can fix or fixed, and how many known
problems the baseline hid). A problem ``--fix`` would fix in this run is marked
`[*]` before its message, as ruff marks it."""

from __future__ import annotations

from typing import TextIO

from validator.messages import ERROR, FILE, INFO, PROBLEM, WARNING, counted, one_line, render
from validator.reporters.messages import (
    SUMMARY_CLEAN,
    SUMMARY_FIXABLE,
    SUMMARY_FIXABLE_AND_UNSAFE,
    SUMMARY_FIXED,
    SUMMARY_HIDDEN_BY_BASELINE,
    SUMMARY_HIDDEN_BY_BASELINE_ONE,
    SUMMARY_ONLY_UNSAFE_FIXABLE,
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
        fixable = diagnostic.fix is not None and diagnostic.fix.applies(result.unsafe_fixes)
        marker = "[*] " if fixable else ""
        # A file name can hold a newline or an escape sequence too (`goals/new\nline.yaml`).
        out.write(
            f"{one_line(diagnostic.path)}:{span.line}:{span.column}: "
            f"{diagnostic.code} {marker}{message} [{diagnostic.rule}]\n"
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
    fixes = _fixes_sentence(counts["fixable"], counts["unsafe_fixable"], lang)
    if fixes:
        summary += _SENTENCE_GAP[lang] + fixes
    if result.fixed:
        fixed = render(
            SUMMARY_FIXED, {"count": counted(PROBLEM, result.fixed), "files": counted(FILE, result.files_fixed)}, lang
        )
        summary += _SENTENCE_GAP[lang] + fixed
    if result.hidden_by_baseline:
        hidden_id = SUMMARY_HIDDEN_BY_BASELINE_ONE if result.hidden_by_baseline == 1 else SUMMARY_HIDDEN_BY_BASELINE
        hidden = render(
            hidden_id, {"path": one_line(result.baseline_path or ""), "count": result.hidden_by_baseline}, lang
        )
        summary += _SENTENCE_GAP[lang] + hidden
    out.write(summary + "\n")


def _fixes_sentence(fixable: int, unsafe: int, lang: str) -> str:
    if fixable and unsafe:
        return render(SUMMARY_FIXABLE_AND_UNSAFE, {"count": fixable, "unsafe": unsafe}, lang)
    if fixable:
        return render(SUMMARY_FIXABLE, {"count": fixable}, lang)
    if unsafe:
        return render(SUMMARY_ONLY_UNSAFE_FIXABLE, {"unsafe": unsafe}, lang)
    return ""
