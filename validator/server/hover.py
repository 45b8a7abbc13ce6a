"""Hover: the ``--explain`` text of a diagnostic's rule, or of a rule named under the cursor."""

from __future__ import annotations

import re
from collections.abc import Sequence

from validator.diagnostics import Diagnostic
from validator.docs import explanation
from validator.registry import find_rule

# A rule code (GL205) or name (text-hygiene) in a suppression comment, or anywhere.
_RULE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
# Messages quote names and targets from pull requests: shown as written, never as Markdown or HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~-])")


def markdown_text(text: str) -> str:
    """``text`` shown literally in Markdown (``[a](b)``, ``<img>``, ``*`` stay characters)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _inside(diagnostic: Diagnostic, line: int, column: int) -> bool:
    """Whether 1-based ``line``:``column`` lies on the diagnostic (its last column included)."""
    span = diagnostic.span
    if not span.line <= line <= span.end_line:
        return False
    if line == span.line and column < span.column:
        return False
    return not (line == span.end_line and column > span.end_column)


def hover_text(diagnostics: Sequence[Diagnostic], line_text: str, line: int, column: int, lang: str) -> str | None:
    """Markdown for 1-based ``line``:``column``: each diagnostic there with its rule's
    explanation, else the explanation of a rule named at that place."""
    here = [diagnostic for diagnostic in diagnostics if _inside(diagnostic, line, column)]
    if here:
        parts = []
        seen: set[str] = set()
        for diagnostic in here:
            parts.append(f"**{diagnostic.code} {diagnostic.rule}**: {markdown_text(diagnostic.message(lang))}")
        for diagnostic in here:
            rule = find_rule(diagnostic.code)
            if rule is not None and rule.code not in seen:
                seen.add(rule.code)
                parts.append(explanation(rule, lang))
        return "\n\n---\n\n".join(parts)
    for match in _RULE_WORD.finditer(line_text):
        if match.start() <= column - 1 <= match.end():
            rule = find_rule(match.group())
            if rule is not None:
                return explanation(rule, lang)
    return None
