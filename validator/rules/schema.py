"""## What it does
Checks the file against `schemas/goal.schema.json`: every required field is present
(`year`, `department`, `budget_unit`, `project`, `objective`, a non-empty
`indicators` list, and `seq`, `category`, `name`, `target` in each indicator), no
unknown field, `category` is one of 产出指标, 效益指标, 满意度指标, 成本指标, a
`subcategory` belongs to its own category, `seq` is a positive integer and text
fields are text.

A missing field is reported at the mapping that lacks it; an unknown field at its
name, with the field it was probably meant to be; a wrong value at the value.

## Why is this bad?
A typo such as `categroy:` would otherwise drop the category silently, and every
rule after it would judge the indicator on missing data. Text that YAML reads as a
number (`target: 10`, `code: 0440100`) loses what was written.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    categroy: 产出指标  # schema
    name: 外部服务对接和建设数量
    target: 200项
  - seq: 2
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
```

Use instead:
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    category: 产出指标
    name: 外部服务对接和建设数量
    target: 200项
  - seq: 2
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
```
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from validator.diagnostics import Problem
from validator.loader import type_name
from validator.messages import ref
from validator.rule import Rule
from validator.source_map import SourceMap, parent_pointer, pointer_of

# Installed: packaged beside the code. From a checkout: the repository's schemas/.
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_SCHEMA_CANDIDATES = (
    os.path.join(_PACKAGE_DIR, "schemas", "goal.schema.json"),
    os.path.join(os.path.dirname(_PACKAGE_DIR), "schemas", "goal.schema.json"),
)


@lru_cache(maxsize=1)
def goal_schema() -> dict[str, Any]:
    for candidate in _SCHEMA_CANDIDATES:
        if os.path.isfile(candidate):
            with open(candidate, encoding="utf-8") as stream:
                return json.load(stream)
    raise FileNotFoundError("goal.schema.json is missing from the installation")


def _all_subcategories() -> list[str]:
    return goal_schema()["$defs"]["indicator"]["properties"]["subcategory"]["enum"]


@lru_cache(maxsize=1)
def _fast_validator() -> Any:
    # jsonschema-rs answers "valid?" in microseconds; the pure-Python jsonschema is
    # loaded only for files that fail, to say exactly why.
    import jsonschema_rs

    return jsonschema_rs.validator_for(goal_schema())


@lru_cache(maxsize=1)
def _detailed_validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(goal_schema())


def valid_without_unknown_fields(data: Any) -> bool:
    """Whether only fields the schema does not know keep ``data`` from being valid.

    The compliance rules read known fields only, so such a file (perhaps with the
    unknown field accepted by a suppression comment) can still be judged.
    """
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
    return _fast_validator().is_valid(trimmed)


def check(data: Any, source_map: SourceMap) -> Iterator[Problem]:
    if _fast_validator().is_valid(data):
        return
    problems = [
        problem
        for error in _detailed_validator().iter_errors(data)
        for problem in _problems_of(error, data, source_map)
    ]
    # A misspelt field (`categroy`) is one mistake: report it at the misspelling with
    # the suggestion, not a second time as the missing field it was meant to be.
    misspelt = {
        (parent_pointer(problem.pointer), problem.params["suggestion"])
        for problem in problems
        if problem.message_id == "schema.unknown_field_suggest"
    }
    # jsonschema raises one `required` error per missing field, each naming the whole
    # list: the same problem arrives once per missing field.
    seen: set[tuple[str, str, str, bool]] = set()
    for problem in problems:
        if problem.message_id == "schema.required" and (problem.pointer, problem.params["field"]) in misspelt:
            continue
        key = (problem.pointer, problem.message_id, repr(problem.params), problem.at_key)
        if key not in seen:
            seen.add(key)
            yield problem


def _title(subschema: Any) -> dict[str, str] | tuple[str, dict[str, Any]]:
    if isinstance(subschema, dict) and "title" in subschema:
        return {"zh": subschema["title"], "en": subschema.get("x-title-en", subschema["title"])}
    return ref("schema.root")


def _field_name(path: tuple[Any, ...]) -> str:
    """The key a value stands under: `name` for /indicators/3/name, `indicators` for /indicators/3."""
    keys = [part for part in path if isinstance(part, str)]
    return keys[-1] if keys else "/"


def _shown(value: Any, pointer: str, source_map: SourceMap) -> str:
    written = source_map.source_text(pointer)
    if written is not None:
        return written
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _property_titles(subschema: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {name: _title(prop) for name, prop in subschema.get("properties", {}).items()}


def _closest_field(unknown: str, known: dict[str, dict[str, str]]) -> str | None:
    import difflib

    # A Chinese column name (项目名称) is a common slip for its field (project).
    for name, title in known.items():
        if isinstance(title, dict) and unknown in (title["zh"], title["en"]):
            return name
    matches = difflib.get_close_matches(unknown.lower(), list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _problems_of(error: Any, data: Any, source_map: SourceMap) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    pointer = pointer_of(path)
    keyword = error.validator
    field = _field_name(path)
    title = _title(error.schema)
    value = error.instance

    if keyword == "required":
        properties = error.schema.get("properties", {})
        present = value if isinstance(value, dict) else {}
        for missing in error.validator_value:
            if missing not in present:
                yield Problem(
                    pointer,
                    "schema.required",
                    {"field": missing, "title": _title(properties.get(missing))},
                )
        return

    if keyword == "additionalProperties":
        known = _property_titles(error.schema)
        for unknown in value:
            if unknown in known:
                continue
            member = pointer_of(path + (unknown,))
            suggestion = _closest_field(unknown, known)
            if suggestion is None:
                yield Problem(member, "schema.unknown_field", {"field": unknown}, at_key=True)
            else:
                yield Problem(
                    member,
                    "schema.unknown_field_suggest",
                    {"field": unknown, "suggestion": suggestion, "title": known[suggestion]},
                    at_key=True,
                )
        return

    if keyword == "type":
        expected = error.validator_value
        shown = _shown(value, pointer, source_map)
        params = {"field": field, "title": title, "value": shown, "found": type_name(value)}
        if value is None and not source_map.source_text(pointer):
            yield Problem(pointer, "schema.blank", params)  # `target:` with nothing after it
        elif expected == "string" and (isinstance(value, (int, float, bool)) or value is None):
            yield Problem(pointer, "schema.type_quote", params)
        elif expected == "integer" and isinstance(value, str) and value.strip().isdigit():
            yield Problem(pointer, "schema.type_unquote", params)
        else:
            params["expected"] = ref(f"type.{expected}" if isinstance(expected, str) else "type.string")
            if path and isinstance(path[-1], int):  # a whole list item, e.g. an indicator
                yield Problem(pointer, "schema.item_type", {**params, "number": path[-1] + 1})
            else:
                yield Problem(pointer, "schema.type", params)
        return

    if keyword in ("enum", "const"):
        allowed = list(error.validator_value) if keyword == "enum" else [error.validator_value]
        allowed_text = "、".join(str(option) for option in allowed)
        shown = _shown(value, pointer, source_map)
        in_then_branch = "then" in error.relative_schema_path
        if in_then_branch and field == "subcategory":
            if value not in _all_subcategories():
                return  # not a subcategory at all: the plain enum error says so already
            category = _value_at(data, path[:-1]).get("category")
            yield Problem(
                pointer,
                "schema.subcategory_mismatch",
                {"value": shown, "category": category, "allowed": allowed_text},
            )
            return
        params = {"field": field, "title": title, "value": shown, "allowed": allowed_text}
        options = [str(option) for option in allowed]
        import difflib

        matches = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        if matches:
            params["suggestion"] = matches[0]
            yield Problem(pointer, "schema.enum_suggest", params)
        else:
            yield Problem(pointer, "schema.enum", params)
        return

    if keyword == "minimum" and field == "seq":
        yield Problem(pointer, "schema.seq_positive", {"value": _shown(value, pointer, source_map)})
        return

    if keyword in ("minimum", "maximum"):
        yield Problem(
            pointer,
            f"schema.{keyword}",
            {
                "field": field,
                "title": title,
                "limit": error.validator_value,
                "value": _shown(value, pointer, source_map),
            },
        )
        return

    if keyword in ("minLength", "pattern"):
        yield Problem(pointer, "schema.blank", {"field": field, "title": title})
        return

    if keyword == "minItems":
        yield Problem(pointer, "schema.empty_list", {"field": field, "title": title})
        return

    yield Problem(pointer, "schema.other", {"field": field, "title": title, "detail": error.message})


def _value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


RULE = Rule(
    code="GL002",
    slug="schema",
    stage="schema",
    summary={
        "zh": "文件必须符合目标文件的结构（必填字段、字段名、一级/二级指标、序号）",
        "en": "the file must follow the goal-file schema (required and known fields, "
        "categories, subcategories, sequence numbers)",
    },
    doc=__doc__,
    check=check,
)
