"""## What it does
Warns when a quantitative target has no unit and the indicator's name does not carry
one either. A name carries a unit in a closing parenthesis (`接通率（%）`,
`恢复时间目标（小时）`) or when it counts things (…数, …数量, …次数, …得分), so
`接通率（%）: ≥95%` and `系统用户数: 10000` are fine, but `系统吞吐量: ≥400`
(400 what — per second? per day?) is not. `（定性）` and `（量）` are not units.

## Why is this bad?
A number without a unit cannot be checked at the year's end: `项目计划时间 ≤21` may
mean days, weeks or months. The indicator framework gives every quantitative
indicator a 度量单位.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州市12345热线系统升级
objective: 提升热线系统处理能力。
indicators:
  - seq: 1
    category: 产出指标
    name: 系统吞吐量
    target: ≥400  # missing-unit
  - seq: 2
    category: 产出指标
    name: 项目计划时间
    target: ≤21  # missing-unit
  - seq: 3
    category: 效益指标
    name: 接通率（%）
    target: ≥95%
```

Use instead:
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州市12345热线系统升级
objective: 提升热线系统处理能力。
indicators:
  - seq: 1
    category: 产出指标
    name: 系统吞吐量
    target: ≥400笔/秒
  - seq: 2
    category: 产出指标
    name: 项目计划时间（天）
    target: ≤21
  - seq: 3
    category: 效益指标
    name: 接通率（%）
    target: ≥95
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Problem, Severity
from validator.goal import GoalData
from validator.messages import define
from validator.rule import DataRule
from validator.targets import name_carries_unit, parse_target

DOC_ZH = """## 作用
当定量的指标值没有计量单位、指标名称中也没有时给出警告。名称中的单位可以写在末尾的括号里
（`接通率（%）`、`恢复时间目标（小时）`），或名称本身是计数（…数、…数量、…次数、…得分），所以
`接通率（%）: ≥95%` 和 `系统用户数: 10000` 没有问题，而 `系统吞吐量: ≥400`（400 什么——每秒？
每天？）有问题。`（定性）` 和 `（量）` 不是单位。

## 为什么不好？
没有单位的数字在年底无法核对：`项目计划时间 ≤21` 可能指天、周或月。指标体系要求每个定量指标
都有度量单位。

## 示例
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州市12345热线系统升级
objective: 提升热线系统处理能力。
indicators:
  - seq: 1
    category: 产出指标
    name: 系统吞吐量
    target: ≥400  # missing-unit
  - seq: 2
    category: 产出指标
    name: 项目计划时间
    target: ≤21  # missing-unit
  - seq: 3
    category: 效益指标
    name: 接通率（%）
    target: ≥95%
```

改为：
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州市12345热线系统升级
objective: 提升热线系统处理能力。
indicators:
  - seq: 1
    category: 产出指标
    name: 系统吞吐量
    target: ≥400笔/秒
  - seq: 2
    category: 产出指标
    name: 项目计划时间（天）
    target: ≤21
  - seq: 3
    category: 效益指标
    name: 接通率（%）
    target: ≥95
```
"""

# --- messages (zh, en) ---
MISSING_UNIT = define(
    "rule.missing_unit",
    zh="年度指标值“{target}”没有计量单位，指标名称“{name}”中也没有；请写明计量单位（如“个”“次”“%”“秒”），或在名称末尾用括号注明，如“（小时）”",
    en="target “{target}” has no unit, and neither does the name “{name}”; add the unit (个, 次, %, 秒 …) or put it in brackets at the end of the name, such as （小时）",
)


def check(data: GoalData) -> Iterator[Problem]:
    for index, indicator in enumerate(data["indicators"]):
        target = parse_target(indicator["target"])
        if any(not bound.unit for bound in target.bounds) and not name_carries_unit(indicator["name"]):
            yield Problem(
                f"/indicators/{index}/target",
                MISSING_UNIT,
                {"target": indicator["target"], "name": indicator["name"]},
            )


RULE = DataRule(
    code="GL202",
    slug="missing-unit",
    summary={
        "zh": "定量指标值必须写明计量单位（或在指标名称中注明）",
        "en": "a quantitative target states its unit (or the indicator name does)",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
    default_severity=Severity.WARNING,
    check=check,
)
