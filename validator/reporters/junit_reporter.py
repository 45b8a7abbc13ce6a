"""JUnit XML, which CI servers (GitLab, Jenkins, Azure) show as test results.

One ``testsuite``; one ``testcase`` per checked file, named by its path, so a
clean file shows as a passed test; one ``failure`` per problem in the file.
"""

from __future__ import annotations

import re
from typing import TextIO
from xml.etree import ElementTree

from validator.linter import LintResult
from validator.reporters.paths import relative_path
from validator.reporters.text_reporter import one_line

# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def report(result: LintResult, lang: str, out: TextIO) -> None:
    by_path: dict[str, list] = {path: [] for path in result.paths}
    for diagnostic in result.diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    failing_files = sum(1 for diagnostics in by_path.values() if diagnostics)
    suites = ElementTree.Element("testsuites", name="goals-lint", tests=str(len(by_path)),
                                 failures=str(failing_files), errors="0")
    suite = ElementTree.SubElement(suites, "testsuite", name="goals-lint", tests=str(len(by_path)),
                                   failures=str(failing_files), errors="0", skipped="0")
    for path, diagnostics in by_path.items():
        shown_path = _clean(relative_path(path, result.root))
        case = ElementTree.SubElement(suite, "testcase", classname="goals-lint", name=shown_path,
                                      file=shown_path)
        for diagnostic in diagnostics:
            span = diagnostic.span
            message = _clean(one_line(diagnostic.message(lang)))
            failure = ElementTree.SubElement(
                case, "failure", type=f"{diagnostic.code} {diagnostic.rule}",
                message=f"{span.line}:{span.column}: {message}",
            )
            failure.text = (f"{shown_path}:{span.line}:{span.column}: {diagnostic.code} {message} "
                            f"[{diagnostic.rule}] ({diagnostic.severity.value})")
    ElementTree.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ElementTree.tostring(suites, encoding="unicode"))
    out.write("\n")
