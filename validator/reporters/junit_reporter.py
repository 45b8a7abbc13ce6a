"""JUnit XML, which CI servers (GitLab, Jenkins, Azure) show as test results.

One ``testsuite``; one ``testcase`` per checked file, named by its path, so a
clean file shows as a passed test. A problem that fails the run (an error; a
warning too under ``--strict``) is a ``failure`` of its file's test case; the
others are listed in the test case's ``system-out``, so that a run that passes
shows no failed test while its warnings and notes stay visible.
"""

from __future__ import annotations

import re
from typing import TextIO
from xml.etree import ElementTree

from validator.diagnostics import Diagnostic, Severity
from validator.messages import one_line
from validator.paths import relative_path
from validator.result import LintResult

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


def report(result: LintResult, lang: str, out: TextIO, *, strict: bool = False, err: TextIO | None = None) -> None:
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}  # as the exit code
    by_path: dict[str, list[Diagnostic]] = {path: [] for path in result.paths}
    for diagnostic in result.diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    failing_files = sum(
        1 for diagnostics in by_path.values() if any(diagnostic.severity in failing for diagnostic in diagnostics)
    )
    suites = ElementTree.Element(
        "testsuites", name="goals-lint", tests=str(len(by_path)), failures=str(failing_files), errors="0"
    )
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        name="goals-lint",
        tests=str(len(by_path)),
        failures=str(failing_files),
        errors="0",
        skipped="0",
    )
    for path, diagnostics in by_path.items():
        shown_path = _clean(relative_path(path, result.root))
        case = ElementTree.SubElement(suite, "testcase", classname="goals-lint", name=shown_path, file=shown_path)
        passing = []
        for diagnostic in diagnostics:
            message = _clean(one_line(diagnostic.message(lang)))
            if diagnostic.severity not in failing:
                passing.append(_line(shown_path, diagnostic, message))
                continue
            span = diagnostic.span
            failure = ElementTree.SubElement(
                case,
                "failure",
                type=f"{diagnostic.code} {diagnostic.rule}",
                message=f"{span.line}:{span.column}: {message}",
            )
            failure.text = _line(shown_path, diagnostic, message)
        if passing:
            ElementTree.SubElement(case, "system-out").text = "\n".join(passing)
    ElementTree.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ElementTree.tostring(suites, encoding="unicode"))
    out.write("\n")
