"""JUnit XML, which CI servers (GitLab, Jenkins, Azure) show as test results.

The document follows the Apache Ant JUnit schema, the strictest one CI servers read
(``tests/data/junit-ant.xsd``): ``testsuites`` holding one ``testsuite``, and one
``testcase`` per checked file, named by its path, so a clean file shows as a passed
test. A file with problems that fail the run (errors; warnings too under ``--strict``;
none under ``--exit-zero``: the same rule as the exit code) fails with exactly one
``failure``, whose text lists every problem of the file, one
``path:line:col: CODE message [rule] (severity)`` line each. The schema allows no
output on a test case, so the suite's ``system-out`` holds the whole text report:
warnings and notes of passing files stay visible there.
"""

from __future__ import annotations

import io
import re
import socket
from datetime import datetime, timezone
from typing import TextIO
from xml.etree import ElementTree

from validator.diagnostics import Diagnostic
from validator.messages import PROBLEM, counted, define, one_line, render
from validator.paths import relative_path
from validator.reporters import text_reporter
from validator.result import LintResult

# --- messages (zh, en) ---
JUNIT_FAILURE = define(
    "junit.failure",
    zh="{count} 个问题未通过检查；第一个：{first}",
    en="{count} failed the check; the first: {first}",
)

# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(shown_path: str, diagnostic: Diagnostic, message: str) -> str:
    span = diagnostic.span
    return (
        f"{shown_path}:{span.line}:{span.column}: {diagnostic.code} {message} "
        f"[{diagnostic.rule}] ({diagnostic.severity.value})"
    )


def _failure_type(failing: list[Diagnostic]) -> str:
    """The rules that failed, each once, in the order met: `GL002 schema, GL103 duplicate-indicator`."""
    return ", ".join(dict.fromkeys(f"{diagnostic.code} {diagnostic.rule}" for diagnostic in failing))


def report(result: LintResult, lang: str, out: TextIO, *, err: TextIO | None = None) -> None:
    by_path: dict[str, list[Diagnostic]] = {path: [] for path in result.paths}
    for diagnostic in result.diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    failing_files = sum(1 for diagnostics in by_path.values() if any(d.severity in result.failing for d in diagnostics))
    suites = ElementTree.Element("testsuites")
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        name="goals-lint",
        package="goals-lint",
        id="0",
        # The schema's pattern: local time without a zone; UTC is written, as most CI servers expect.
        timestamp=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"),
        hostname=socket.gethostname() or "localhost",
        tests=str(len(by_path)),
        failures=str(failing_files),
        errors="0",
        skipped="0",
        # Checking a file takes about a millisecond; no per-file time is measured.
        time="0",
    )
    ElementTree.SubElement(suite, "properties")  # required by the schema, even empty
    for path, diagnostics in by_path.items():
        shown_path = _clean(relative_path(path, result.root))
        case = ElementTree.SubElement(suite, "testcase", classname="goals-lint", name=shown_path, time="0")
        failing = [diagnostic for diagnostic in diagnostics if diagnostic.severity in result.failing]
        if not failing:
            continue
        first = failing[0]
        first_text = f"{first.span.line}:{first.span.column}: {_clean(one_line(first.message(lang)))}"
        failure = ElementTree.SubElement(
            case,
            "failure",
            type=_failure_type(failing),
            message=render(JUNIT_FAILURE, {"count": counted(PROBLEM, len(failing)), "first": first_text}, lang),
        )
        failure.text = "\n".join(
            _line(shown_path, diagnostic, _clean(one_line(diagnostic.message(lang)))) for diagnostic in diagnostics
        )
    text = io.StringIO()
    text_reporter.report(result, lang, text)
    ElementTree.SubElement(suite, "system-out").text = _clean(text.getvalue())
    ElementTree.SubElement(suite, "system-err").text = ""
    ElementTree.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ElementTree.tostring(suites, encoding="unicode"))
    out.write("\n")
