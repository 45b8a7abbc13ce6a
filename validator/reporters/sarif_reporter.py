"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every rule is described in ``tool.driver.rules`` (its summary, the first section of
its documentation, the whole documentation as Markdown help, its default level).
URIs are relative to the repository root (``%SRCROOT%``). ``partialFingerprints``
hash the rule, file, JSON pointer and message parameters, never line numbers, so a
problem keeps its identity when lines above it are added or removed.

GitHub code scanning keeps at most 5,000 results of a run and refuses a run with
more than 25,000: above 5,000 the report is still written whole, and stderr suggests
a baseline. Rules have no ``helpUri``: goals-lint has no published home to point at.

A problem with a fix carries it in ``fixes`` (SARIF 2.1.0 §3.55): its description and
the replacements of the file's text (``deletedRegion`` and ``insertedContent``), with
``properties.applicability`` ``safe`` or ``unsafe`` (only ``--fix --unsafe-fixes``
applies an unsafe one). Converting a GBK file to UTF-8 changes its bytes, not its
text, and is left out: it has no replacement SARIF could express on the text.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any, TextIO
from urllib.parse import quote

from validator import __version__
from validator.diagnostics import Diagnostic, Fix, Related, Severity
from validator.identity import fingerprints
from validator.messages import render
from validator.paths import relative_path
from validator.registry import RULES
from validator.reporters.messages import REPORT_SARIF_TOO_MANY
from validator.result import LintResult
from validator.rule import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT_ID = "%SRCROOT%"
FINGERPRINT_NAME = "goalsLint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# Results of one run that GitHub code scanning keeps (it refuses a run with more than 25,000).
GITHUB_KEPT_RESULTS = 5000


def _first_section(doc: str) -> str:
    """The text under ``## What it does``, joined into paragraphs."""
    match = re.search(r"## What it does\n(.*?)(?:\n## |\Z)", doc, re.DOTALL)
    section = match.group(1) if match else doc
    paragraphs = [" ".join(part.split()) for part in section.strip().split("\n\n")]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def _rule_descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    doc = rule.doc.strip()
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary[lang]},
        "fullDescription": {"text": _first_section(doc)},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[rule.default_severity]},
        "properties": {"tags": ["goals-lint", rule.stage]},
    }


def artifact_location(path: str, root: str) -> dict[str, Any]:
    # The name's own bytes, percent-encoded: a GBK name that is not UTF-8 stays exact.
    relative = relative_path(path, root).encode("utf-8", "surrogateescape")
    if relative.startswith(b"/"):  # outside the repository: an absolute file URI
        return {"uri": "file://" + quote(relative)}
    return {"uri": quote(relative), "uriBaseId": ROOT_ID}


def _region(span: Any) -> dict[str, int]:
    return {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line, "endColumn": span.end_column}


def _result(
    diagnostic: Diagnostic, fingerprint: str, rule_index: dict[str, int], root: str, lang: str
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index[diagnostic.code],
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message(lang)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(diagnostic.path, root),
                    "region": _region(diagnostic.span),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_NAME: fingerprint},
        "properties": {"pointer": diagnostic.pointer, "rule": diagnostic.rule, "messageId": diagnostic.message_id},
    }
    if diagnostic.related:
        result["relatedLocations"] = [
            _related(number, other, root) for number, other in enumerate(diagnostic.related, 1)
        ]
    if diagnostic.fix is not None and diagnostic.fix.text_edits:
        result["fixes"] = [_fix(diagnostic.fix, diagnostic.path, root, lang)]
    return result


def _fix(fix: Fix, path: str, root: str, lang: str) -> dict[str, Any]:
    return {
        "description": {"text": render(fix.message_id, fix.params, lang)},
        "artifactChanges": [
            {
                "artifactLocation": artifact_location(path, root),
                "replacements": [
                    {"deletedRegion": _region(edit.span), "insertedContent": {"text": edit.text}}
                    for edit in fix.text_edits
                ],
            }
        ],
        "properties": {"applicability": fix.applicability.value},
    }


def _related(number: int, related: Related, root: str) -> dict[str, Any]:
    return {
        "id": number,
        "physicalLocation": {
            "artifactLocation": artifact_location(related.path, root),
            "region": _region(related.span),
        },
    }


def build_log(result: LintResult, lang: str) -> dict[str, Any]:
    rule_index = {rule.code: index for index, rule in enumerate(RULES)}
    root = result.root
    root_uri = "file://" + quote(root.replace("\\", "/").rstrip("/") + "/")
    if not root_uri.startswith("file:///"):
        root_uri = "file:///" + root_uri[len("file://") :]  # a Windows drive path
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "goals-lint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule_descriptor(rule, lang) for rule in RULES],
                    }
                },
                "invocations": [{"executionSuccessful": True}],
                "originalUriBaseIds": {ROOT_ID: {"uri": root_uri}},
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(diagnostic, fingerprint, rule_index, root, lang)
                    for diagnostic, fingerprint in zip(
                        result.diagnostics, fingerprints(result.diagnostics, root), strict=True
                    )
                ],
                "properties": {
                    "filesChecked": result.files_checked,
                    "suppressed": result.suppressed,
                    "hiddenByBaseline": result.hidden_by_baseline,
                    "staleBaselineEntries": result.stale_baseline_entries,
                },
            }
        ],
    }


def report(result: LintResult, lang: str, out: TextIO, *, err: TextIO | None = None) -> None:
    log = build_log(result, lang)
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")
    results = len(log["runs"][0]["results"])
    if results > GITHUB_KEPT_RESULTS:
        (err or sys.stderr).write(render(REPORT_SARIF_TOO_MANY, {"count": results}, lang) + "\n")
