"""GitHub Actions: workflow commands that become annotations on the pull request.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` for each
problem (warnings as ``::warning``, notes as ``::notice``), then the plain text
report for the log. GitHub caps annotations per step; the Markdown table appended
to ``$GITHUB_STEP_SUMMARY`` (when set) lists every problem, up to about 900 KiB
(GitHub refuses a step summary over 1 MiB and then shows none of it).

File names and messages are user data: control characters in them are shown as
escapes (``\\n``, ``\\u001b``), and in the summary Markdown and HTML are escaped so
they show as written, and nothing in them becomes a mention, an issue link or a link.
"""

from __future__ import annotations

import io
import os
import re
from typing import TextIO

from validator.diagnostics import Diagnostic, Severity
from validator.errors import OutputError
from validator.messages import PROBLEM, counted, one_line, render
from validator.paths import relative_path
from validator.reporters import text_reporter
from validator.reporters.messages import REPORT_CANNOT_WRITE, REPORT_SUMMARY_TRUNCATED, REPORT_TABLE_HEADER
from validator.result import LintResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (``file=``, ``title=``): also `:` and `,`, which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic, root: str, lang: str) -> str:
    span = diagnostic.span
    # A control character in the name would break the command or reach the log raw.
    properties = {"file": one_line(relative_path(diagnostic.path, root)), "line": str(span.line)}
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


# What a step summary cell must not pass on as written: HTML (`<img …>`), character
# references (`&lt;`), inline Markdown (emphasis, code, links, strikethrough, math),
# the `:` of a bare `https://…` that GitHub would make a link (and of `:emoji:`),
# the backslash itself and the `|` that ends a cell.
_MARKDOWN = re.compile(r"[\\`*_\[\]|~$:<>&]")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# GitHub refuses a step summary over 1 MiB and then shows none of it: our part stays below.
SUMMARY_LIMIT = 900 * 1024


# What GitHub links after the Markdown is rendered, where a backslash no longer counts:
# @mentions (which notify people), #123 issue references, and bare www. and e-mail
# addresses. A zero-width space, written as its character reference, splits each of them
# and shows nothing.
_LINKED_BY_GITHUB = re.compile(r"[@#]|(?<=www)(?=\.)", re.IGNORECASE)
_ZERO_WIDTH_SPACE = "&#8203;"


def markdown_text(text: str) -> str:
    """``text`` on one line, shown literally in Markdown (also in a table cell)."""
    escaped = _MARKDOWN.sub(lambda match: _ENTITIES.get(match.group(), "\\" + match.group()), one_line(text))
    return _LINKED_BY_GITHUB.sub(lambda match: match.group() + _ZERO_WIDTH_SPACE, escaped)


def _size(line: str) -> int:
    """Bytes ``line`` takes in the summary file, with its newline."""
    return len(line.encode("utf-8", "backslashreplace")) + 1


def step_summary(result: LintResult, lang: str, summary_line: str) -> str:
    lines = [f"### {render('report.summary_title', {}, lang)}", "", markdown_text(summary_line), ""]
    diagnostics = result.diagnostics
    if diagnostics:
        lines += [render(REPORT_TABLE_HEADER, {}, lang), "|---|---|---|---|---|---|"]
        # Room for the closing note however many problems it names.
        note_room = _size(render(REPORT_SUMMARY_TRUNCATED, {"count": counted(PROBLEM, len(diagnostics))}, lang)) + 2
        size = sum(_size(line) for line in lines) + note_room
        left_out = 0
        for index, diagnostic in enumerate(diagnostics):
            severity = render(f"report.severity_{diagnostic.severity.value}", {}, lang)
            row = (
                f"| {markdown_text(relative_path(diagnostic.path, result.root))} | {diagnostic.span.line} "
                f"| {diagnostic.span.column} | {diagnostic.code} `{diagnostic.rule}` | {severity} "
                f"| {markdown_text(diagnostic.message(lang))} |"
            )
            size += _size(row)
            if size > SUMMARY_LIMIT:
                left_out = len(diagnostics) - index
                break
            lines.append(row)
        lines.append("")
        if left_out:
            lines += [render(REPORT_SUMMARY_TRUNCATED, {"count": counted(PROBLEM, left_out)}, lang), ""]
    return "\n".join(lines) + "\n"


def report(result: LintResult, lang: str, out: TextIO, *, err: TextIO | None = None) -> None:
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
            with open(summary_file, "a", encoding="utf-8", errors="backslashreplace", newline="\n") as stream:
                stream.write(step_summary(result, lang, summary_line))
        except OSError as error:
            raise OutputError(REPORT_CANNOT_WRITE, path=summary_file, reason=error.strerror or str(error)) from None
