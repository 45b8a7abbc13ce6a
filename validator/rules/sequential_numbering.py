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

## Fix
Safe: `--fix` renumbers the indicators 1, 2, …, n in list order; nothing else
changes. Fixing the example gives exactly the one under “Use instead”.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Applicability, Fix, Problem, SetValue
from validator.goal import GoalData
from validator.messages import define
from validator.rule import DataRule

# --- messages (zh, en) ---
SEQUENTIAL_NUMBERING_FIRST = define(
    "rule.sequential_numbering.first",
    zh="序号应从 1 开始，实为 {found}；请按列表顺序从 1 连续编号",
    en="numbering should start at 1, found {found}; number the indicators 1, 2, 3, … in list order",
)
SEQUENTIAL_NUMBERING_RESTART = define(
    "rule.sequential_numbering.restart",
    zh="序号应为 {expected}，实为 {found}（编号重新从 1 开始）；请按列表顺序从 1 连续编号",
    en="number should be {expected}, found {found} (the numbering starts again); number the indicators 1, 2, 3, … in list order",
)
SEQUENTIAL_NUMBERING_REPEAT = define(
    "rule.sequential_numbering.repeat",
    zh="序号应为 {expected}，实为 {found}（与上一条指标的序号重复）；请按列表顺序从 1 连续编号",
    en="number should be {expected}, found {found} (the same number as the indicator before); number the indicators 1, 2, 3, … in list order",
)
SEQUENTIAL_NUMBERING_OFF = define(
    "rule.sequential_numbering.off",
    zh="序号应为 {expected}，实为 {found}；请按列表顺序从 1 连续编号",
    en="number should be {expected}, found {found}; number the indicators 1, 2, 3, … in list order",
)
FIX_RENUMBER = define(
    "rule.sequential_numbering.fix",
    zh="序号改为 {expected}",
    en="renumber it {expected}",
)


def check(data: GoalData) -> Iterator[Problem]:
    previous = None
    for index, indicator in enumerate(data["indicators"]):
        expected, found = index + 1, indicator["seq"]
        if found != expected:
            if index == 0:
                message_id = SEQUENTIAL_NUMBERING_FIRST
            elif found == previous:
                message_id = SEQUENTIAL_NUMBERING_REPEAT
            elif found == 1:
                message_id = SEQUENTIAL_NUMBERING_RESTART
            else:
                message_id = SEQUENTIAL_NUMBERING_OFF
            pointer = f"/indicators/{index}/seq"
            fix = Fix(Applicability.SAFE, FIX_RENUMBER, {"expected": expected}, (SetValue(pointer, expected),))
            yield Problem(pointer, message_id, {"expected": expected, "found": found}, fix=fix)
        previous = found


RULE = DataRule(
    code="GL102",
    slug="sequential-numbering",
    summary={
        "zh": "指标序号必须按列表顺序从 1 开始连续编号",
        "en": "indicator numbers run 1, 2, …, n in list order",
    },
    doc=__doc__,
    check=check,
    fixes=(Applicability.SAFE,),
)
