"""Goal files written by hand, in the contract's layout.

PyYAML and ruamel.yaml both decide quoting by YAML 1.1 and reflow long lines; a goal
file must read back under YAML 1.2 core exactly as imported, and Chinese text must
never be folded (a folded line break reads back as a space). So the few shapes a goal
file has are written here directly: fields in the contract's order, the objective as
a one-line folded block (``>-``), every other string plain unless YAML would read it
as something else or it needs quotes (``validator.scalars.scalar_text``, which
``--fix`` writes the values it changes with, so a fixed file and an imported file look
alike).

goals-lint reads YAML 1.2, but users' own scripts read goal files with PyYAML, which
follows YAML 1.1: a string either version would read as anything else (``no``,
``1:50``, ``2023-12-31``, ``1_000``) is quoted too.
"""

from __future__ import annotations

import os
from typing import Any

from validator.paths import walk_up
from validator.scalars import fits_a_folded_block, scalar_text

TOP_LEVEL_ORDER = ("year", "department", "budget_unit", "project", "code", "objective", "indicators", "notes")
INDICATOR_ORDER = ("seq", "category", "subcategory", "name", "target", "notes")
SCHEMA_LOCATION = os.path.join("schemas", "goal.schema.json")


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
                    lines.append(f"{lead}{field}: {scalar_text(indicator[field])}")
        elif key == "objective" and fits_a_folded_block(value):
            lines.append("objective: >-")
            lines.append(f"  {value}")
        else:
            lines.append(f"{key}: {scalar_text(value)}")
    return "\n".join(lines) + "\n"


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
