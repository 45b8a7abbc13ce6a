"""## What it does
Warns when an indicator's name says plainly which category it belongs to, and it is
listed under another:

- a satisfaction measure (its name ends in 满意度 or 满意率) outside 满意度指标;
- a cost measure (its name ends in 成本, 费用, 经费, 单价, 造价, 支出 …) outside
  成本指标 and outside the 成本指标 subcategory of 产出指标 (under 产出指标 with no
  subcategory it is given the benefit of the doubt).

A name's head word comes last in Chinese, so 对群众不满意回访率 (a call-back rate)
and 成本节约率 (a rate) are not caught; nor is a saving such as 节约行政运行成本,
which is a benefit, nor a cost whose target is a saving (`群众办事成本: 下降20%`).

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
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Problem, Severity
from validator.goal import GoalData, Indicator
from validator.messages import define
from validator.rule import DataRule
from validator.targets import SAVING_WORDS, name_core

DOC_ZH = """## 作用
当指标名称明确表明它属于哪个一级指标、却列在另一个一级指标下时给出警告：

- 满意度类指标（名称以 满意度 或 满意率 结尾）不在满意度指标下；
- 成本类指标（名称以 成本、费用、经费、单价、造价、支出 … 结尾）不在成本指标下，也不在产出指标
  的二级指标“成本指标”下（列在产出指标下且没有二级指标时不报告）。

中文名称的中心词在最后，所以 对群众不满意回访率（一个回访率）和 成本节约率（一个比率）不会被
报告；节约行政运行成本 这类节约是效益，也不报告；指标值是节约幅度的成本指标（`群众办事成本:
下降20%`）同样不报告。

## 为什么不好？
满意度和成本在绩效评价中单独计分；把满意率列为效益指标会抬高效益得分，而满意度维度却是空的。
这是警告：关键词是强烈的提示，但不是证明。

## 示例
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
```

改为：
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
"""

# --- messages (zh, en) ---
CATEGORY_MISMATCH = define(
    "rule.category_mismatch",
    zh="“{name}”从名称看属于{expected}，却列在{category}下；请将一级指标改为“{expected}”，或修改指标名称",
    en="“{name}” reads as a {expected} indicator by its name but is filed under {category}; change the category to {expected}, or rename the indicator",
)


SATISFACTION_ENDINGS = ("满意度", "满意率")
# 节约行政运行成本 is a benefit (money saved), not a cost.
# Not 支出: 居民消费支出 is an economic benefit.
COST_ENDINGS = ("成本", "费用", "经费", "单价", "造价", "投资额", "费")


def check(data: GoalData) -> Iterator[Problem]:
    for index, indicator in enumerate(data["indicators"]):
        core = name_core(indicator["name"])
        category = indicator["category"]
        if core.endswith(SATISFACTION_ENDINGS) and category != "满意度指标":
            yield _mismatch(index, indicator, "满意度指标")
        elif _is_cost(core) and not _files_cost(indicator) and not _saves(indicator["target"]):
            yield _mismatch(index, indicator, "成本指标")


def _is_cost(name: str) -> bool:
    return name.endswith(COST_ENDINGS) and not any(word in name for word in SAVING_WORDS)


def _saves(target: str) -> bool:
    """群众办事成本 下降20%: the target makes a cost name a saving, which is a benefit."""
    return any(word in target for word in SAVING_WORDS)


def _files_cost(indicator: Indicator) -> bool:
    if indicator["category"] == "成本指标":
        return True
    # 产出指标 has its own 成本指标 subcategory; without a subcategory, give the benefit of the doubt.
    return indicator["category"] == "产出指标" and indicator.get("subcategory", "成本指标") == "成本指标"


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
    doc_zh=DOC_ZH,
    default_severity=Severity.WARNING,
    check=check,
)
