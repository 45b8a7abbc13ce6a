"""Goal files written by hand, in the contract's layout.

PyYAML and ruamel.yaml both decide quoting by YAML 1.1 and reflow long lines; a goal
file must read back under YAML 1.2 core exactly as imported, and Chinese text must
never be folded (a folded line break reads back as a space). So the few shapes a goal
file has are written here directly: fields in the contract's order, the objective as
a one-line folded block (``>-``), every other string plain unless YAML would read it
as something else or it needs quotes.

goals-lint reads YAML 1.2, but users' own scripts read goal files with PyYAML, which
follows YAML 1.1: a string either version would read as anything else (``no``,
``1:50``, ``2023-12-31``, ``1_000``) is quoted too.
"""

from __future__ import annotations

import os
from typing import Any

from validator.paths import walk_up
from validator.scalars import reads_as_text_everywhere

TOP_LEVEL_ORDER = ("year", "department", "budget_unit", "project", "code", "objective", "indicators", "notes")
INDICATOR_ORDER = ("seq", "category", "subcategory", "name", "target", "notes")
SCHEMA_LOCATION = os.path.join("schemas", "goal.schema.json")

# Characters that cannot start a plain scalar (YAML indicators).
_INDICATOR_CHARACTERS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# Line breaks to libyaml (YAML 1.1) and the byte-order mark: only escaped in double quotes.
_BREAKS_AND_MARKS = frozenset("\r\n\x85\u2028\u2029\ufeff")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def goal_file_text(data: dict[str, Any], schema_comment: str | None = None) -> str:
    lines = []
    if schema_comment is not None:
        lines.append(f"# yaml-language-server: $schema={schema_comment}")
    for key in TOP_LEVEL_ORDER:
        if key not in data:
            continue
        value = data[key]
        if key == "indicators":
            lines.append("indicators:")
            for indicator in value:
                fields = [field for field in INDICATOR_ORDER if field in indicator]
                for number, field in enumerate(fields):
                    lead = "  - " if number == 0 else "    "
                    lines.append(f"{lead}{field}: {_scalar(indicator[field])}")
        elif key == "objective" and _fits_a_folded_block(value):
            lines.append("objective: >-")
            lines.append(f"  {value}")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"a goal file holds only text and integers, not {type(value).__name__}")
    if isinstance(value, int):
        return str(value)
    if _needs_escapes(value):
        return '"' + "".join(_escape(char) for char in value) + '"'
    if _can_be_plain(value):
        return value
    return "'" + value.replace("'", "''") + "'"


def _needs_escapes(text: str) -> bool:
    return any(char in _BREAKS_AND_MARKS or not _printable(char) for char in text)


def _printable(char: str) -> bool:
    """YAML's printable set (tab counts: it can stand inside quotes)."""
    code = ord(char)
    return (
        char == "\t"
        or 0x20 <= code <= 0x7E
        or code == 0x85
        or 0xA0 <= code <= 0xD7FF
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or 0x10000 <= code <= 0x10FFFF
    )


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if _printable(char) and char not in _BREAKS_AND_MARKS:
        return char
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _can_be_plain(text: str) -> bool:
    return (
        text != ""
        and text == text.strip(" \t")
        and "\t" not in text
        and text[0] not in _INDICATOR_CHARACTERS
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and reads_as_text_everywhere(text)
    )


def _fits_a_folded_block(text: Any) -> bool:
    """One line with no leading or trailing blanks reads back unchanged from ``>-``."""
    return isinstance(text, str) and text != "" and text == text.strip(" \t") and not _needs_escapes(text)


def schema_comment_for(directory: str, configured: str | None = None) -> str | None:
    """Where the modeline of a goal file written into ``directory`` finds the editor schema:
    the configured ``schema`` (a URL as it is, a path relative to ``directory``), else a
    ``schemas/goal.schema.json`` in ``directory`` or a folder above it (where
    ``goals-lint schema --output`` writes it in docs/ci.md), else nowhere."""
    if configured is not None:
        if "://" in configured:
            return configured
        return os.path.relpath(configured, os.path.abspath(directory)).replace(os.sep, "/")
    for folder in walk_up(directory):
        candidate = os.path.join(folder, SCHEMA_LOCATION)
        if os.path.isfile(candidate):
            return os.path.relpath(candidate, os.path.abspath(directory)).replace(os.sep, "/")
    return None
