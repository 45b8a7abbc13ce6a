"""## What it does
Checks that the indicators' `seq` numbers run 1, 2, …, n in list order. Every
indicator whose number is off is reported at its `seq`, with the number expected:
a first number other than 1, a gap, a repeat, or a restart (1, 2, 3, 1, 2, 3).

## Why is this bad?
The published table refers to indicators by number. A restart usually means two
lists were pasted together, and a gap that an indicator was deleted or lost; either
way the reader cannot tell which indicator “第 3 项” is.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 2022年“一网通办”信息化建设
objective: 推进政务服务“一网通办”。
indicators:
  - seq: 1
    category: 产出指标
    name: 自助终端新增服务事项
    target: 大于等于15个
  - seq: 2
    category: 产出指标
    name: 政务服务事项改造输出量
    target: 不少于85项
  - seq: 1  # sequential-numbering
    category: 效益指标
    name: 市府门户网站年度访问量
    target: 不少于4500万次
```

Use instead:
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 2022年“一网通办”信息化建设
objective: 推进政务服务“一网通办”。
indicators:
  - seq: 1
    category: 产出指标
    name: 自助终端新增服务事项
    target: 大于等于15个
  - seq: 2
    category: 产出指标
    name: 政务服务事项改造输出量
    target: 不少于85项
  - seq: 3
    category: 效益指标
    name: 市府门户网站年度访问量
    target: 不少于4500万次
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from validator.diagnostics import Problem
from validator.rule import Rule


def check(data: dict[str, Any]) -> Iterator[Problem]:
    previous = None
    for index, indicator in enumerate(data["indicators"]):
        expected, found = index + 1, indicator["seq"]
        if found != expected:
            if index == 0:
                message_id = "rule.sequential_numbering.first"
            elif found == previous:
                message_id = "rule.sequential_numbering.repeat"
            elif found == 1:
                message_id = "rule.sequential_numbering.restart"
            else:
                message_id = "rule.sequential_numbering.off"
            yield Problem(f"/indicators/{index}/seq", message_id, {"expected": expected, "found": found})
        previous = found


RULE = Rule(
    code="GL102",
    slug="sequential-numbering",
    stage="data",
    summary={
        "zh": "指标序号必须按列表顺序从 1 开始连续编号",
        "en": "indicator numbers run 1, 2, …, n in list order",
    },
    doc=__doc__,
    check=check,
)
