"""## What it does
Warns when a quantitative target has no unit and the indicator's name does not carry
one either. A name carries a unit in a closing parenthesis (`接通率（%）`,
`恢复时间目标（小时）`), when it counts things (…数, …数量, …次数, …得分) or when it
ends in a counting unit (年度培训场次, 接待游客人次), so `接通率（%）: ≥95%` and
`系统用户数: 10000` are fine, but `系统吞吐量: ≥400` (400 what — per second? per day?)
is not. `（定性）` and `（量）` are not units, and neither is a template placeholder
(`苗木成活率(≥**%)`: its `%` was never filled in, so `85` has no unit). `0` needs no unit.

A value per item without its currency (`≤28.40/株`) under 成本指标 is reported as a
missing amount unit: it should read `≤28.40元/株`. `250万` has a multiplier but no unit.

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
  - seq: 4
    category: 产出指标
    subcategory: 成本指标
    name: 苗木补助标准
    target: ≤28.40/株  # missing-unit
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
  - seq: 4
    category: 产出指标
    subcategory: 成本指标
    name: 苗木补助标准
    target: ≤28.40元/株
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Problem, Severity
from validator.goal import GoalData
from validator.messages import define
from validator.rule import DataRule
from validator.targets import Bound, files_money_cost, name_carries_unit, parse_target

# --- messages (zh, en) ---
MISSING_UNIT = define(
    "rule.missing_unit",
    zh="年度指标值“{target}”没有计量单位，指标名称“{name}”中也没有；请写明计量单位（如“个”“次”“%”“秒”），或在名称末尾用括号注明，如“（小时）”",
    en="target “{target}” has no unit, and neither does the name “{name}”; add the unit (个, 次, %, 秒 …) or put it in brackets at the end of the name, such as （小时）",
)
MISSING_UNIT_CURRENCY = define(
    "rule.missing_unit.currency",
    zh="年度指标值“{target}”缺少金额单位：{number}是每{per}多少钱？请写成“{number}元/{per}”",
    en="target “{target}” lacks its currency: {number} what per {per}? write it as {number}元/{per}",
)


def check(data: GoalData) -> Iterator[Problem]:
    for index, indicator in enumerate(data["indicators"]):
        unitless = [bound for bound in parse_target(indicator["target"]).bounds if _lacks_unit(bound)]
        if not unitless:
            continue
        pointer = f"/indicators/{index}/target"
        priced = next((bound for bound in unitless if bound.per), None)
        if priced is not None and files_money_cost(
            indicator["category"], indicator.get("subcategory"), indicator["name"]
        ):
            params = {"target": indicator["target"], "number": priced.number, "per": priced.per}
            yield Problem(pointer, MISSING_UNIT_CURRENCY, params)
        elif not name_carries_unit(indicator["name"]):
            yield Problem(pointer, MISSING_UNIT, {"target": indicator["target"], "name": indicator["name"]})


def _lacks_unit(bound: Bound) -> bool:
    return not bound.unit and bound.value != 0  # nothing needs no unit


RULE = DataRule(
    code="GL202",
    slug="missing-unit",
    summary={
        "zh": "定量指标值必须写明计量单位（或在指标名称中注明）",
        "en": "a quantitative target states its unit (or the indicator name does)",
    },
    doc=__doc__,
    default_severity=Severity.WARNING,
    check=check,
)
