"""GitHub Actions: workflow commands that become annotations on the pull request.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` for each
problem (warnings as ``::warning``, notes as ``::notice``), then the plain text
report for the log. GitHub caps annotations per step; the Markdown table appended
to ``$GITHUB_STEP_SUMMARY`` (when set) lists every problem.
"""

from __future__ import annotations

import io
import os
from typing import TextIO

from validator.diagnostics import Diagnostic, Severity
from validator.linter import LintResult
from validator.messages import render
from validator.reporters import ReportWriteError, text_reporter
from validator.reporters.paths import relative_path
from validator.reporters.text_reporter import one_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (``file=``, ``title=``): also `:` and `,`, which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic, root: str, lang: str) -> str:
    span = diagnostic.span
    properties = {"file": relative_path(diagnostic.path, root), "line": str(span.line)}
    # Our end is exclusive: a region ending at column 1 ends on the line before.
    end_line = span.end_line - 1 if span.end_column == 1 and span.end_line > span.line else span.end_line
    # GitHub takes columns only on a one-line region: a region over several lines
    # (a whole indicator missing a field) is given by its lines alone.
    if end_line == span.line:
        properties["col"] = str(span.column)
    properties["endLine"] = str(end_line)
    if span.end_line == span.line:
        # GitHub's endColumn is the last column of the region; ours is one past it.
        properties["endColumn"] = str(max(span.end_column - 1, span.column))
    properties["title"] = f"{diagnostic.code} {diagnostic.rule}"
    joined = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    # GitHub would turn an escaped newline back into a line break; show it as `\n` instead.
    message = one_line(diagnostic.message(lang))
    return f"::{COMMANDS[diagnostic.severity]} {joined}::{escape_data(message)}"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def step_summary(result: LintResult, lang: str, summary_line: str) -> str:
    lines = [f"### {render('report.summary_title', {}, lang)}", "", summary_line, ""]
    if result.diagnostics:
        lines += [render("report.table_header", {}, lang), "|---|---|---|---|---|---|"]
        for diagnostic in result.diagnostics:
            severity = render(f"report.severity_{diagnostic.severity.value}", {}, lang)
            message = one_line(diagnostic.message(lang))
            lines.append(f"| {_cell(relative_path(diagnostic.path, result.root))} | {diagnostic.span.line} "
                         f"| {diagnostic.span.column} | {diagnostic.code} `{diagnostic.rule}` | {severity} "
                         f"| {_cell(message)} |")
        lines.append("")
    return "\n".join(lines) + "\n"


def report(result: LintResult, lang: str, out: TextIO) -> None:
    for diagnostic in result.diagnostics:
        out.write(annotation(diagnostic, result.root, lang) + "\n")
    text = io.StringIO()
    text_reporter.report(result, lang, text)
    out.write(text.getvalue())
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        summary_line = text.getvalue().rstrip("\n").rsplit("\n", 1)[-1]
        # Appended, as GitHub expects: other steps write to the same file.
        try:
            with open(summary_file, "a", encoding="utf-8", newline="\n") as stream:
                stream.write(step_summary(result, lang, summary_line))
        except OSError as error:
            raise ReportWriteError(summary_file, error.strerror or str(error)) from None
