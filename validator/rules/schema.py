"""## What it does
Checks the file against goals-lint's goal-file schema: every required field is present
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

## Fix
Safe, with `--fix`: text that YAML would read as a number or a boolean is put in
quotes, its characters exactly as written (`target: 100` → `target: '100'`); a
number in full-width digits or in quotes where a number is required is written as
the number (`seq: ２`, `year: '2022'`). Unsafe, with `--unsafe-fixes`: a misspelt field
with exactly one field it can have meant is renamed (`categroy` → `category`) —
the author should confirm the guess. Fixing this example with both gives:

```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: １
    categroy: 产出指标
    name: 外部服务对接和建设数量
    target: 200项
  - seq: '2'
    category: 效益指标
    name: 移动服务平台年提供服务次数（万次）
    target: 1200
```

`goals-lint --fix --unsafe-fixes` makes it:

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
    name: 移动服务平台年提供服务次数（万次）
    target: '1200'
```
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from typing import Any

from validator.diagnostics import Applicability, Fix, Problem, RenameKey, SetValue
from validator.messages import define, ref
from validator.rule import SchemaRule
from validator.scalars import TYPE_BY_SCHEMA_NAME, TYPE_STRING, type_name
from validator.schema import all_subcategories, detailed_validator, is_valid, valid_without_unknown_fields, year_range
from validator.source_map import SourceMap, parent_pointer, pointer_of

# --- messages (zh, en) ---
SCHEMA_REQUIRED = define(
    "schema.required",
    zh="缺少必填字段 `{field}`（{title}）",
    en="missing required field `{field}` ({title})",
)
SCHEMA_UNKNOWN_FIELD = define(
    "schema.unknown_field",
    zh="未知字段 `{field}`",
    en="unknown field `{field}`",
)
SCHEMA_UNKNOWN_FIELD_SUGGEST = define(
    "schema.unknown_field_suggest",
    zh="未知字段 `{field}`，是否应为 `{suggestion}`（{title}）？",
    en="unknown field `{field}`; did you mean `{suggestion}` ({title})?",
)
SCHEMA_TYPE = define(
    "schema.type",
    zh="`{field}`（{title}）应为{expected}，实际是{found}：{value}",
    en="`{field}` ({title}) must be {expected}, found {found}: {value}",
)
SCHEMA_ITEM_TYPE = define(
    "schema.item_type",
    zh="`{field}` 的第 {number} 项（{title}）应为{expected}，实际是{found}：{value}",
    en="item {number} of `{field}` ({title}) must be {expected}, found {found}: {value}",
)
SCHEMA_TYPE_QUOTE = define(
    "schema.type_quote",
    zh="`{field}`（{title}）应为文本，但 {value} 会被读成{found}；请加引号：'{value}'",
    en="`{field}` ({title}) must be text, but {value} is read as {found}; put it in quotes: '{value}'",
)
SCHEMA_TYPE_UNQUOTE = define(
    "schema.type_unquote",
    zh="`{field}`（{title}）应为整数，实际是带引号的文本 '{value}'；请去掉引号",
    en="`{field}` ({title}) must be an integer, found the quoted text '{value}'; remove the quotes",
)
SCHEMA_FULL_WIDTH_DIGITS = define(
    "schema.full_width_digits",
    zh="`{field}`（{title}）应为整数，{value} 是全角数字，会被读成文本；请改为半角数字 {number}",
    en="`{field}` ({title}) must be an integer; {value} is written in full-width digits and reads as text; write {number}",
)
SCHEMA_ENUM = define(
    "schema.enum",
    zh="`{field}`（{title}）的值 `{value}` 无效；可选值：{allowed}",
    en="`{value}` is not a valid {title} (`{field}`); use one of: {allowed}",
)
SCHEMA_ENUM_SUGGEST = define(
    "schema.enum_suggest",
    zh="`{field}`（{title}）的值 `{value}` 无效，是否应为 `{suggestion}`？可选值：{allowed}",
    en="`{value}` is not a valid {title} (`{field}`); did you mean `{suggestion}`? Use one of: {allowed}",
)
SCHEMA_SUBCATEGORY_MISMATCH = define(
    "schema.subcategory_mismatch",
    zh="二级指标 `{value}` 不属于一级指标 `{category}`；{category}的二级指标为：{allowed}",
    en="subcategory `{value}` does not belong to category `{category}`; the subcategories of {category} are: {allowed}",
)
SCHEMA_MINIMUM = define(
    "schema.minimum",
    zh="`{field}`（{title}）不能小于 {limit}，实际是 {value}",
    en="`{field}` ({title}) must be at least {limit}, found {value}",
)
SCHEMA_MAXIMUM = define(
    "schema.maximum",
    zh="`{field}`（{title}）不能大于 {limit}，实际是 {value}",
    en="`{field}` ({title}) must be at most {limit}, found {value}",
)
SCHEMA_SEQ_POSITIVE = define(
    "schema.seq_positive",
    zh="序号 `seq` 必须是正整数（1、2、3 …），实际是 {value}",
    en="the sequence number `seq` must be a positive integer (1, 2, 3, …), found {value}",
)
SCHEMA_BLANK = define(
    "schema.blank",
    zh="`{field}`（{title}）不能为空",
    en="`{field}` ({title}) must not be empty",
)
SCHEMA_EMPTY_LIST = define(
    "schema.empty_list",
    zh="`{field}`（{title}）不能为空列表；至少需要一项",
    en="`{field}` ({title}) must not be an empty list; add at least one",
)
SCHEMA_OTHER = define(
    "schema.other",
    zh="`{field}`（{title}）不符合格式要求：{detail}",
    en="`{field}` ({title}) does not match the schema: {detail}",
)
SCHEMA_ROOT = define(
    "schema.root",
    zh="文件顶层",
    en="the file's top level",
)
FIX_QUOTE = define(
    "schema.fix_quote",
    zh="加引号：'{value}'",
    en="put it in quotes: '{value}'",
)
FIX_NUMBER = define(
    "schema.fix_number",
    zh="改为整数 {number}",
    en="write the integer {number}",
)
FIX_RENAME = define(
    "schema.fix_rename",
    zh="字段名改为 `{suggestion}`",
    en="rename the field `{suggestion}`",
)


def check(data: Any, source_map: SourceMap) -> Iterator[Problem]:
    if is_valid(data):
        return
    problems = [
        problem for error in detailed_validator().iter_errors(data) for problem in _problems_of(error, data, source_map)
    ]
    # A misspelt field (`categroy`) is one mistake: report it at the misspelling with
    # the suggestion, not a second time as the missing field it was meant to be.
    misspelt = {
        (parent_pointer(problem.pointer), problem.params["suggestion"])
        for problem in problems
        if problem.message_id == SCHEMA_UNKNOWN_FIELD_SUGGEST
    }
    # jsonschema raises one `required` error per missing field, each naming the whole
    # list: the same problem arrives once per missing field.
    seen: set[tuple[str, str, str, bool]] = set()
    for problem in problems:
        if problem.message_id == SCHEMA_REQUIRED and (problem.pointer, problem.params["field"]) in misspelt:
            continue
        key = (problem.pointer, problem.message_id, repr(problem.params), problem.at_key)
        if key not in seen:
            seen.add(key)
            yield problem


def _title(subschema: Any) -> dict[str, str] | tuple[str, dict[str, Any]]:
    if isinstance(subschema, dict) and "title" in subschema:
        return {"zh": subschema["title"], "en": subschema.get("x-title-en", subschema["title"])}
    return ref(SCHEMA_ROOT)


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


def _property_titles(subschema: dict[str, Any]) -> dict[str, Any]:
    return {name: _title(prop) for name, prop in subschema.get("properties", {}).items()}


def _closest_field(unknown: str, known: dict[str, Any]) -> str | None:
    """The field ``unknown`` was probably meant to be, for the message."""
    import difflib

    # A Chinese column name (项目名称) is a common slip for its field (project).
    for name, title in known.items():
        if isinstance(title, dict) and unknown in (title["zh"], title["en"]):
            return name
    matches = difflib.get_close_matches(unknown.lower(), list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _only_typo_of(unknown: str, known: dict[str, Any], suggestion: str) -> bool:
    """Whether ``suggestion`` is the one field ``unknown`` is a slip of: its Chinese or English
    title, or the only field at most two typing slips away (a letter left out, added, changed,
    or two swapped: `categroy`; one for a short name). `subcategory` is a fair suggestion for
    `subcat`, not a sure one."""
    title = known[suggestion]
    if isinstance(title, dict) and unknown in (title["zh"], title["en"]):
        return True
    typed = unknown.lower()
    slips = 1 if len(typed) <= 4 else 2
    near = [name for name in known if _slips_apart(typed, name) <= slips]
    return near == [suggestion]


def _slips_apart(first: str, second: str) -> int:
    """Edits from one word to the other: insertions, deletions, changes, swaps of neighbours."""
    previous_row: list[int] = []
    row = list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(second)
        for j, other in enumerate(second, 1):
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + (char != other))
            if i > 1 and j > 1 and char == second[j - 2] and first[i - 2] == other:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[-1]


def _integer_written_as_text(field: str, value: str) -> int | None:
    """The number a text means where an integer is required (`'2'`, `２`), if it is a valid one."""
    digits = unicodedata.normalize("NFKC", value).strip()
    if not (digits.isascii() and digits.isdigit()):
        return None
    number = int(digits)
    if field == "seq":
        return number if number >= 1 else None
    if field == "year":
        first, last = year_range()
        return number if first <= number <= last else None
    return None


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
                    SCHEMA_REQUIRED,
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
                yield Problem(member, SCHEMA_UNKNOWN_FIELD, {"field": unknown}, at_key=True)
                continue
            fix = None
            if suggestion not in value and _only_typo_of(unknown, known, suggestion):
                # A guess, however likely: the author confirms it (unsafe).
                fix = Fix(
                    Applicability.UNSAFE, FIX_RENAME, {"suggestion": suggestion}, (RenameKey(member, suggestion),)
                )
            yield Problem(
                member,
                SCHEMA_UNKNOWN_FIELD_SUGGEST,
                {"field": unknown, "suggestion": suggestion, "title": known[suggestion]},
                at_key=True,
                fix=fix,
            )
        return

    if keyword == "type":
        expected = error.validator_value
        shown = _shown(value, pointer, source_map)
        params = {"field": field, "title": title, "value": shown, "found": type_name(value)}
        number = _integer_written_as_text(field, value) if expected == "integer" and isinstance(value, str) else None
        if value is None and not source_map.source_text(pointer):
            yield Problem(pointer, SCHEMA_BLANK, params)  # `target:` with nothing after it
        elif expected == "string" and (isinstance(value, (int, float, bool)) or value is None):
            written = source_map.source_text(pointer)
            fix = None
            if value is not None and written is not None:
                # The characters exactly as written (`1.50`, `010`, `true`), now as text.
                fix = Fix(Applicability.SAFE, FIX_QUOTE, {"value": written}, (SetValue(pointer, written),))
            yield Problem(pointer, SCHEMA_TYPE_QUOTE, params, fix=fix)
        elif number is not None:
            fix = Fix(Applicability.SAFE, FIX_NUMBER, {"number": number}, (SetValue(pointer, number),))
            if value.strip().isascii():
                yield Problem(pointer, SCHEMA_TYPE_UNQUOTE, params, fix=fix)
            else:
                yield Problem(pointer, SCHEMA_FULL_WIDTH_DIGITS, {**params, "number": number}, fix=fix)
        elif expected == "integer" and isinstance(value, str) and value.strip().isdigit():
            yield Problem(pointer, SCHEMA_TYPE_UNQUOTE, params)
        else:
            params["expected"] = ref(
                TYPE_BY_SCHEMA_NAME.get(expected, TYPE_STRING) if isinstance(expected, str) else TYPE_STRING
            )
            if path and isinstance(path[-1], int):  # a whole list item, e.g. an indicator
                yield Problem(pointer, SCHEMA_ITEM_TYPE, {**params, "number": path[-1] + 1})
            else:
                yield Problem(pointer, SCHEMA_TYPE, params)
        return

    if keyword in ("enum", "const"):
        allowed = list(error.validator_value) if keyword == "enum" else [error.validator_value]
        allowed_text = "、".join(str(option) for option in allowed)
        shown = _shown(value, pointer, source_map)
        in_then_branch = "then" in error.relative_schema_path
        if in_then_branch and field == "subcategory":
            if value not in all_subcategories():
                return  # not a subcategory at all: the plain enum error says so already
            category = _value_at(data, path[:-1]).get("category")
            yield Problem(
                pointer,
                SCHEMA_SUBCATEGORY_MISMATCH,
                {"value": shown, "category": category, "allowed": allowed_text},
            )
            return
        params = {"field": field, "title": title, "value": shown, "allowed": allowed_text}
        options = [str(option) for option in allowed]
        import difflib

        matches = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        if matches:
            params["suggestion"] = matches[0]
            yield Problem(pointer, SCHEMA_ENUM_SUGGEST, params)
        else:
            yield Problem(pointer, SCHEMA_ENUM, params)
        return

    if keyword == "minimum" and field == "seq":
        yield Problem(pointer, SCHEMA_SEQ_POSITIVE, {"value": _shown(value, pointer, source_map)})
        return

    if keyword in ("minimum", "maximum"):
        yield Problem(
            pointer,
            SCHEMA_MINIMUM if keyword == "minimum" else SCHEMA_MAXIMUM,
            {
                "field": field,
                "title": title,
                "limit": error.validator_value,
                "value": _shown(value, pointer, source_map),
            },
        )
        return

    if keyword in ("minLength", "pattern"):
        yield Problem(pointer, SCHEMA_BLANK, {"field": field, "title": title})
        return

    if keyword == "minItems":
        yield Problem(pointer, SCHEMA_EMPTY_LIST, {"field": field, "title": title})
        return

    yield Problem(pointer, SCHEMA_OTHER, {"field": field, "title": title, "detail": error.message})


def _value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


RULE = SchemaRule(
    code="GL002",
    slug="schema",
    summary={
        "zh": "文件必须符合目标文件的结构（必填字段、字段名、一级/二级指标、序号）",
        "en": "the file must follow the goal-file schema (required and known fields, "
        "categories, subcategories, sequence numbers)",
    },
    doc=__doc__,
    check=check,
    data_rules_can_read=valid_without_unknown_fields,
    fixes=(Applicability.SAFE, Applicability.UNSAFE),
)
