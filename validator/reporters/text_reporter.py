"""`path:line:col: CODE message [rule]`, one line a problem, then a summary line
(which also says how many known problems the baseline hid)."""

from __future__ import annotations

import re
from typing import TextIO

from validator.linter import LintResult
from validator.messages import counted, render
from validator.reporters.summary import count

# Characters that would break "one line a problem" (or hide in it) if printed as they are.
# A parameter can carry them: a `project: |` block scalar ends in a newline.
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")
# The summary's sentences: Chinese joins them without a space after `。`.
_SENTENCE_GAP = {"zh": "", "en": " "}


def one_line(text: str) -> str:
    """``text`` with newlines, tabs and other control characters as visible escapes (``\\n``,
    ``\\u001b``): for messages, and for file names, which can hold them as well."""
    if _LINE_BREAKING.search(text) is None:
        return text
    return _LINE_BREAKING.sub(lambda match: _ESCAPES.get(match.group(), f"\\u{ord(match.group()):04x}"), text)


def report(result: LintResult, lang: str, out: TextIO, *, strict: bool = False, err: TextIO | None = None) -> None:
    for diagnostic in result.diagnostics:
        span = diagnostic.span
        message = one_line(diagnostic.message(lang))
        # A file name can hold a newline or an escape sequence too (`goals/new\nline.yaml`).
        out.write(
            f"{one_line(diagnostic.path)}:{span.line}:{span.column}: {diagnostic.code} {message} [{diagnostic.rule}]\n"
        )
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
        hidden = render(
            hidden_id, {"path": one_line(result.baseline_path or ""), "count": result.hidden_by_baseline}, lang
        )
        summary += _SENTENCE_GAP[lang] + hidden
    out.write(summary + "\n")
