"""The goal-file JSON Schema and its validators (engine, not a rule).

``validator/schemas/goal.schema.json`` is the contract of a goal file, as the ``schema``
rule checks it (editors get a schema generated from it: ``validator.editor_schema``). jsonschema-rs answers
"valid?" in microseconds for every file; the pure-Python jsonschema is loaded only
for a file that fails, to say exactly why (the ``schema`` rule turns its errors into
problems). The engine also asks whether a file is valid but for unknown fields:
the compliance rules read known fields only, so such a file can still be judged.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any

SCHEMA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemas", "goal.schema.json")


@lru_cache(maxsize=1)
def goal_schema() -> dict[str, Any]:
    with open(SCHEMA_FILE, encoding="utf-8") as stream:
        schema: dict[str, Any] = json.load(stream)
    return schema


def all_subcategories() -> list[str]:
    subcategories: list[str] = goal_schema()["$defs"]["indicator"]["properties"]["subcategory"]["enum"]
    return subcategories


def year_range() -> tuple[int, int]:
    """The budget years a goal file may have."""
    year = goal_schema()["properties"]["year"]
    return year["minimum"], year["maximum"]


@lru_cache(maxsize=1)
def _fast_validator() -> Any:
    import jsonschema_rs

    return jsonschema_rs.validator_for(goal_schema())


@lru_cache(maxsize=1)
def detailed_validator() -> Any:
    """The pure-Python validator, whose errors say exactly what is wrong and where."""
    import jsonschema

    return jsonschema.Draft202012Validator(goal_schema())


def is_valid(data: Any) -> bool:
    return bool(_fast_validator().is_valid(data))


def valid_without_unknown_fields(data: Any) -> bool:
    """Whether only fields the schema does not know keep ``data`` from being valid."""
    if not isinstance(data, dict):
        return False
    schema = goal_schema()
    known_top = schema["properties"]
    known_indicator = schema["$defs"]["indicator"]["properties"]
    trimmed = {key: value for key, value in data.items() if key in known_top}
    indicators = trimmed.get("indicators")
    if isinstance(indicators, list):
        trimmed["indicators"] = [
            {key: value for key, value in indicator.items() if key in known_indicator}
            if isinstance(indicator, dict)
            else indicator
            for indicator in indicators
        ]
    return is_valid(trimmed)
