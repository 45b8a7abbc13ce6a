"""Completion of ``category`` and ``subcategory`` values, from the goal-file schema.

After ``category:`` the four first-level categories; after ``subcategory:`` the
second-level ones of the indicator's own category (all of them while it has none).
The values are the schema's: what completes is what validates.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from validator.schema import goal_schema

_VALUE_AFTER = re.compile(r"^(\s*(?:-\s+)?)(category|subcategory)\s*:\s*(?P<typed>[^\s#]*)$")
_ITEM_START = re.compile(r"^(\s*)-\s")
_CATEGORY = re.compile(r"^\s*(?:-\s+)?category\s*:\s*(?P<value>\S+)")


class Choice(NamedTuple):
    value: str
    category: str | None  # the first-level category of a second-level choice


class Completion(NamedTuple):
    field: str  # "category" or "subcategory"
    start: int  # 0-based index in the line where the typed value starts
    choices: list[Choice]


def _indicator_schema() -> dict:  # type: ignore[type-arg]  # JSON
    schema = goal_schema()
    indicators = schema["properties"]["indicators"]["items"]
    if "$ref" in indicators:
        name = indicators["$ref"].rsplit("/", 1)[-1]
        indicators = schema.get("$defs", {}).get(name, indicators)
    return indicators  # type: ignore[no-any-return]


def categories() -> list[str]:
    return list(_indicator_schema()["properties"]["category"]["enum"])


def subcategories_by_category() -> dict[str, list[str]]:
    """Second-level categories by first-level one, as the schema's ``if``/``then`` pairs say."""
    found: dict[str, list[str]] = {}
    for condition in _indicator_schema().get("allOf", []):
        category = condition.get("if", {}).get("properties", {}).get("category", {}).get("const")
        allowed = condition.get("then", {}).get("properties", {}).get("subcategory", {}).get("enum")
        if category and allowed:
            found[category] = list(allowed)
    return found


def _category_of_item(lines: list[str], line: int) -> str | None:
    """The ``category:`` of the list item that holds 0-based ``line``."""
    start = line
    while start > 0 and not _ITEM_START.match(lines[start]):
        start -= 1
    item = _ITEM_START.match(lines[start])
    item_indent = len(item.group(1)) if item else -1
    for number in range(start, len(lines)):
        text = lines[number]
        if number > start and text.strip() and (len(text) - len(text.lstrip(" "))) <= item_indent:
            break
        found = _CATEGORY.match(text)
        if found:
            return found.group("value").strip("'\"")
    return None


def complete(lines: list[str], line: int, index: int) -> Completion | None:
    """What completes at 0-based ``line`` and character ``index``, if anything."""
    if line >= len(lines):
        return None
    match = _VALUE_AFTER.match(lines[line][:index])
    if match is None:
        return None
    field = match.group(2)
    start = match.start("typed")
    if field == "category":
        return Completion(field, start, [Choice(value, None) for value in categories()])
    by_category = subcategories_by_category()
    category = _category_of_item(lines, line)
    if category in by_category:
        return Completion(field, start, [Choice(value, category) for value in by_category[category]])
    choices = [Choice(value, owner) for owner, values in by_category.items() for value in values]
    return Completion(field, start, choices)
