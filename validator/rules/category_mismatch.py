"""## What it does
Warns when an indicator's name says plainly which category it belongs to, and it is
listed under another:

- a satisfaction measure (its name ends in 满意度, 满意率, 满意程度, 认可度 or 投诉率)
  outside 满意度指标;
- under 满意度指标, an indicator whose name measures no satisfaction at all (no
  满意, 认可, 投诉, 评价 or 好评 in it): 群众幸福感, 粮食安全事件发生数;
- a cost measure (its name ends in 成本, 费用, 经费, 单价, 造价, 支出 …) counted in
  money (or with no number) outside 成本指标 and outside the 成本指标 subcategory of
  产出指标 (under 产出指标 with no subcategory it is given the benefit of the doubt).
  `安置小区物业费: 8个` counts estates, not money, and is left alone.

A name's head word comes last in Chinese, so 对群众不满意回访率 (a call-back rate)
and 成本节约率 (a rate) are not caught; nor is a saving such as 节约行政运行成本,
which is a benefit, nor a cost whose target is a saving (`群众办事成本: 下降20%`).
认可度 is a judgement call (an expert's 认可度 can be a quality measure): like every
finding of this rule, it is a warning.

## Why is this bad?
Satisfaction and cost are scored separately in the performance evaluation; a
satisfaction rate filed as a benefit inflates the benefit score and leaves the
satisfaction dimension empty. It is a warning: the keyword is a strong hint, not
proof.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线
objective: 提高热线服务水平。
indicators:
  - seq: 1
    category: 产出指标
    name: 月度话务接通率
    target: ≥95%
  - seq: 2
    category: 效益指标  # category-mismatch
    name: 话务服务市民的满意度
    target: ≥95%
  - seq: 3
    category: 效益指标  # category-mismatch
    name: 服务周期内，市民对服务改善的满意程度
    target: ≥85%
  - seq: 4
    category: 满意度指标  # category-mismatch
    name: 群众幸福感
    target: ≥90%
```

Use instead:
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线
objective: 提高热线服务水平。
indicators:
  - seq: 1
    category: 产出指标
    name: 月度话务接通率
    target: ≥95%
  - seq: 2
    category: 满意度指标
    name: 话务服务市民的满意度
    target: ≥95%
  - seq: 3
    category: 产出指标
    subcategory: 成本指标
    name: 坐席服务单价
    target: ≤45元/小时
  - seq: 4
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
```

## Fix
Unsafe, with `--unsafe-fixes`: a satisfaction indicator filed elsewhere is moved to
满意度指标, and a subcategory it has becomes 服务对象满意度指标 (the only one 满意度指标
has). The name is a strong hint, not proof, so a reviewer should look. Nothing else is
moved: a cost may belong under 成本指标 or under 产出指标's 成本指标 subcategory, and an
indicator that measures no satisfaction under 满意度指标 belongs where only the author
knows. This file:

```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线
objective: 提高热线服务水平。
indicators:
  - seq: 1
    category: 产出指标
    name: 月度话务接通率
    target: ≥95%
  - seq: 2
    category: 效益指标
    name: 话务服务市民的满意度
    target: ≥95%
  - seq: 3
    category: 效益指标
    subcategory: 社会效益指标
    name: 服务周期内，市民对服务改善的满意程度
    target: ≥85%
```

`goals-lint --fix --unsafe-fixes` makes:

```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线
objective: 提高热线服务水平。
indicators:
  - seq: 1
    category: 产出指标
    name: 月度话务接通率
    target: ≥95%
  - seq: 2
    category: 满意度指标
    name: 话务服务市民的满意度
    target: ≥95%
  - seq: 3
    category: 满意度指标
    subcategory: 服务对象满意度指标
    name: 服务周期内，市民对服务改善的满意程度
    target: ≥85%
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Applicability, Fix, Problem, SetValue, Severity
from validator.goal import GoalData, Indicator
from validator.messages import define
from validator.rule import DataRule
from validator.targets import SAVING_WORDS, name_core, parse_target

# --- messages (zh, en) ---
CATEGORY_MISMATCH = define(
    "rule.category_mismatch",
    zh="“{name}”从名称看属于{expected}，却列在{category}下；请将一级指标改为“{expected}”，或修改指标名称",
    en="“{name}” reads as a {expected} indicator by its name but is filed under {category}; change the category to {expected}, or rename the indicator",
)
CATEGORY_MISMATCH_NOT_SATISFACTION = define(
    "rule.category_mismatch.not_satisfaction",
    zh="“{name}”列在满意度指标下，但名称中没有衡量满意度的内容（满意度、满意率、认可度等）；请移到它所属的一级指标，或改为服务对象满意度",
    en="“{name}” is filed under 满意度指标 but its name measures no satisfaction (满意度, 满意率, 认可度 …); move it to the category it belongs to, or make it a satisfaction measure",
)

FIX_SATISFACTION = define(
    "rule.category_mismatch.fix",
    zh="一级指标改为“满意度指标”",
    en="move it to 满意度指标",
)
FIX_SATISFACTION_WITH_SUBCATEGORY = define(
    "rule.category_mismatch.fix_with_subcategory",
    zh="一级指标改为“满意度指标”，二级指标改为“服务对象满意度指标”",
    en="move it to 满意度指标, subcategory 服务对象满意度指标",
)
SATISFACTION = "满意度指标"
SATISFACTION_SUBCATEGORY = "服务对象满意度指标"


SATISFACTION_ENDINGS = ("满意度", "满意率", "满意程度", "认可度", "投诉率")
# What a satisfaction indicator's name mentions: 市民满意度调查 is one, 群众幸福感 is not.
SATISFACTION_WORDS = ("满意", "认可", "投诉", "评价", "好评")
# 节约行政运行成本 is a benefit (money saved), not a cost.
# Not 支出: 居民消费支出 is an economic benefit.
COST_ENDINGS = ("成本", "费用", "经费", "单价", "造价", "投资额", "费")
CURRENCIES = ("元", "美元", "欧元", "港元")


def check(data: GoalData) -> Iterator[Problem]:
    for index, indicator in enumerate(data["indicators"]):
        core = name_core(indicator["name"])
        category = indicator["category"]
        if core.endswith(SATISFACTION_ENDINGS) and category != SATISFACTION:
            yield _mismatch(index, indicator, SATISFACTION)._replace(fix=_to_satisfaction(index, indicator))
        elif category == SATISFACTION and not any(word in core for word in SATISFACTION_WORDS):
            yield Problem(
                f"/indicators/{index}/category", CATEGORY_MISMATCH_NOT_SATISFACTION, {"name": indicator["name"]}
            )
        elif (
            _is_cost(core)
            and _counts_money(indicator["target"])
            and not _files_cost(indicator)
            and not _saves(indicator["target"])
        ):
            yield _mismatch(index, indicator, "成本指标")


def _is_cost(name: str) -> bool:
    return name.endswith(COST_ENDINGS) and not any(word in name for word in SAVING_WORDS)


def _counts_money(target: str) -> bool:
    """Whether a target is an amount of money, or has no number at all (安置小区物业费: 8个 counts estates)."""
    bounds = parse_target(target).bounds
    return not bounds or any(bound.unit.endswith(CURRENCIES) or bound.per for bound in bounds)


def _saves(target: str) -> bool:
    """群众办事成本 下降20%: the target makes a cost name a saving, which is a benefit."""
    return any(word in target for word in SAVING_WORDS)


def _files_cost(indicator: Indicator) -> bool:
    if indicator["category"] == "成本指标":
        return True
    # 产出指标 has its own 成本指标 subcategory; without a subcategory, give the benefit of the doubt.
    return indicator["category"] == "产出指标" and indicator.get("subcategory", "成本指标") == "成本指标"


def _to_satisfaction(index: int, indicator: Indicator) -> Fix:
    """Move it to 满意度指标, with the subcategory that category has if it had one."""
    pointer = f"/indicators/{index}"
    if "subcategory" in indicator and indicator["subcategory"] != SATISFACTION_SUBCATEGORY:
        edits = (
            SetValue(f"{pointer}/category", SATISFACTION),
            SetValue(f"{pointer}/subcategory", SATISFACTION_SUBCATEGORY),
        )
        return Fix(Applicability.UNSAFE, FIX_SATISFACTION_WITH_SUBCATEGORY, edits=edits)
    return Fix(Applicability.UNSAFE, FIX_SATISFACTION, edits=(SetValue(f"{pointer}/category", SATISFACTION),))


def _mismatch(index: int, indicator: Indicator, expected: str) -> Problem:
    params = {"name": indicator["name"], "category": indicator["category"], "expected": expected}
    return Problem(f"/indicators/{index}/category", CATEGORY_MISMATCH, params)


RULE = DataRule(
    code="GL201",
    slug="category-mismatch",
    summary={
        "zh": "名称表明是满意度或成本的指标，应列在满意度指标或成本指标下",
        "en": "an indicator whose name says satisfaction or cost is filed under that category",
    },
    doc=__doc__,
    default_severity=Severity.WARNING,
    check=check,
    fixes=(Applicability.UNSAFE,),
)
