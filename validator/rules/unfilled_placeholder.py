"""## What it does
Finds the placeholders of the goal-file template (`goals-lint new`) that were not
replaced: any text that still holds `【待填写】`. Each one is reported at its value,
with the field it stands for.

A file with placeholders is not yet a goal file: the compliance rules do not judge it
until every placeholder is filled in.

## Why is this bad?
A placeholder published as a target (`【待填写】指标值`) is a goal nobody set. The
compliance rules would judge the placeholder text instead of the real goal, and
report noise about it.

## Example
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
    target: 【待填写】指标值  # unfilled-placeholder
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

from collections.abc import Iterator
from typing import Any

from validator.diagnostics import Problem
from validator.messages import define
from validator.rule import SchemaRule
from validator.schema import goal_schema
from validator.source_map import SourceMap, escape_token

DOC_ZH = """## 作用
查找用 `goals-lint new` 生成的目标文件模板中还没有替换的占位文字：仍含有 `【待填写】`
的文本。每一处都在它的值所在位置报告，并说明是哪个字段。

含有占位文字的文件还不是一个完整的目标文件：在所有占位文字填写之前，不对它做合规检查。

## 为什么不好？
把占位文字（`【待填写】指标值`）当作指标值公开，等于没有设定目标。合规规则也会去检查
占位文字而不是真正的目标，报告出无意义的问题。

## 示例
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
    target: 【待填写】指标值  # unfilled-placeholder
  - seq: 2
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
```

改为：
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

# The mark `goals-lint new` writes in every value the user has to fill in.
PLACEHOLDER = "【待填写】"

# --- messages (zh, en) ---
UNFILLED_PLACEHOLDER = define(
    "rule.unfilled_placeholder.found",
    zh="`{field}`（{title}）还是模板的占位文字“{value}”；请填写实际内容（连同“【待填写】”一起替换）",
    en="`{field}` ({title}) is still the template's placeholder “{value}”; fill in the real value (replacing “【待填写】” too)",
)


def check(data: Any, source_map: SourceMap) -> Iterator[Problem]:
    # Run on any data the reader produced, valid or not: walk it as it is.
    schema = goal_schema()
    titles = _titles(schema["properties"])
    indicator_titles = _titles(schema["$defs"]["indicator"]["properties"])
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        pointer = f"/{escape_token(str(key))}"
        if key == "indicators" and isinstance(value, list):
            for index, indicator in enumerate(value):
                if isinstance(indicator, dict):
                    for field, text in indicator.items():
                        yield from _placeholder(
                            f"{pointer}/{index}/{escape_token(str(field))}", field, text, indicator_titles
                        )
        else:
            yield from _placeholder(pointer, key, value, titles)


def _titles(properties: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {
        name: {"zh": prop["title"], "en": prop.get("x-title-en", prop["title"])} for name, prop in properties.items()
    }


def _placeholder(pointer: str, field: Any, value: Any, titles: dict[str, dict[str, str]]) -> Iterator[Problem]:
    if isinstance(value, str) and PLACEHOLDER in value:
        title = titles.get(str(field), {"zh": str(field), "en": str(field)})
        yield Problem(pointer, UNFILLED_PLACEHOLDER, {"field": str(field), "title": title, "value": value})


RULE = SchemaRule(
    code="GL004",
    slug="unfilled-placeholder",
    summary={
        "zh": "模板中的占位文字（【待填写】）必须换成实际内容",
        "en": "the template's placeholders (【待填写】) are replaced by real values",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
    check=check,
)
