"""## What it does
Checks that every percentage in a target lies within 0–100%: `%`, full-width `％`
and `百分比`, with decimals. “More than 100%” (`>100%`) and “less than 0%” cannot be
met either. A negative share is out of range too.

An indicator whose name measures a change or a deviation rather than a share (增长率,
增幅, 提高, 同比, 偏差 …, the `change-words` option) may exceed 100% or fall below 0, and so may a number in the
target introduced by such a word (`UPS利用率提高50%`) or stated as a multiple of
something (`是上年的150%`, `完成年度目标的120%`).

## Why is this bad?
A share cannot exceed the whole: `接通率 ≥150%` is a typing error (≥95%? ≥15%?) and
can never be met, so the goal is void. Tables from other cities carry rates of
“≥100百分比” and “105%”.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线
objective: 提高热线接通水平。
indicators:
  - seq: 1
    category: 产出指标
    name: 月度话务接通率
    target: ≥150%  # percentage-range
  - seq: 2
    category: 效益指标
    name: 群众咨询事项一次性解答率
    target: ＞１００％  # percentage-range
```

Use instead:
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线
objective: 提高热线接通水平。
indicators:
  - seq: 1
    category: 产出指标
    name: 月度话务接通率
    target: ≥95%
  - seq: 2
    category: 效益指标
    name: 年度业务增长率（%）
    target: ≥150%
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Problem
from validator.goal import GoalData
from validator.messages import define
from validator.rule import DataRule, Option
from validator.rules.options import word_list
from validator.targets import Bound, parse_target

DOC_ZH = """## 作用
检查指标值中的每个百分比是否在 0–100% 之间：`%`、全角的 `％` 和 `百分比`，含小数。“大于
100%”（`>100%`）和“小于 0%”同样无法达到。负的比例也超出范围。

名称衡量的是变化或偏差而不是占比的指标（增长率、增幅、提高、同比、偏差 …，即 `change-words`
选项）可以超过 100% 或低于 0；指标值中由这类词引出的数值（`UPS利用率提高50%`）或表示为某个量的
倍数的数值（`是上年的150%`、`完成年度目标的120%`）也可以。

## 为什么不好？
部分不可能大于整体：`接通率 ≥150%` 是输入错误（≥95%？≥15%？），永远无法达到，这个目标因此
落空。其他城市的表格中出现过“≥100百分比”和“105%”这样的比率。

## 示例
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线
objective: 提高热线接通水平。
indicators:
  - seq: 1
    category: 产出指标
    name: 月度话务接通率
    target: ≥150%  # percentage-range
  - seq: 2
    category: 效益指标
    name: 群众咨询事项一次性解答率
    target: ＞１００％  # percentage-range
```

改为：
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线
objective: 提高热线接通水平。
indicators:
  - seq: 1
    category: 产出指标
    name: 月度话务接通率
    target: ≥95%
  - seq: 2
    category: 效益指标
    name: 年度业务增长率（%）
    target: ≥150%
```
"""

# --- messages (zh, en) ---
PERCENTAGE_RANGE_ABOVE = define(
    "rule.percentage_range.above",
    zh="百分比 {percentage} 超出 0–100% 的范围：“{name}”是占比，最高为 100%；请核对数值（若衡量的是增长，请在名称中写明，如“增长率”）",
    en="percentage {percentage} is outside 0–100%: “{name}” is a share, at most 100%; check the number (if it measures a change, say so in the name, e.g. 增长率)",
)
PERCENTAGE_RANGE_UNREACHABLE = define(
    "rule.percentage_range.unreachable",
    zh="年度指标值要求“大于 {percentage}”：“{name}”是占比，最高为 100%，该目标无法实现；请改为“≥xx%”或“100%”",
    en="the target asks for more than {percentage}: “{name}” is a share, at most 100%, so the target can never be met; write “≥xx%” or “100%”",
)
PERCENTAGE_RANGE_BELOW = define(
    "rule.percentage_range.below",
    zh="百分比 {percentage} 超出 0–100% 的范围：“{name}”是占比，不能为负数；请核对数值",
    en="percentage {percentage} is outside 0–100%: “{name}” is a share and cannot be negative; check the number",
)


CHANGE_WORDS = (
    "增长率",
    "增长",
    "增幅",
    "增速",
    "增加",
    "提高",
    "提升",
    "降低",
    "下降",
    "减少",
    "同比",
    "环比",
    "变化率",
    "变动",
    "偏差",
    "误差",
    "偏离",
)


def check(data: GoalData, change_words: tuple[str, ...] = CHANGE_WORDS) -> Iterator[Problem]:
    for index, indicator in enumerate(data["indicators"]):
        for bound in parse_target(indicator["target"]).percentages:
            message_id = _out_of_range(bound)
            if (
                message_id is None
                or bound.subject.endswith("的")
                or any(word in indicator["name"] or word in bound.subject for word in change_words)
            ):
                continue  # 是上年的150%, 完成年度目标的120%: a multiple of something, not a share
            yield Problem(
                f"/indicators/{index}/target", message_id, {"percentage": f"{bound.number}%", "name": indicator["name"]}
            )


def _out_of_range(bound: Bound) -> str | None:
    if bound.value == 100 and bound.comparison == ">":
        return PERCENTAGE_RANGE_UNREACHABLE
    if bound.value > 100:
        return PERCENTAGE_RANGE_ABOVE
    if bound.value < 0 or (bound.value == 0 and bound.comparison == "<"):
        return PERCENTAGE_RANGE_BELOW
    return None


RULE = DataRule(
    code="GL104",
    slug="percentage-range",
    summary={
        "zh": "指标值中的百分比必须在 0–100% 之间（衡量增长的指标除外）",
        "en": "percentages in targets lie within 0–100% (unless the indicator measures a change)",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
    check=check,
    options={
        "change-words": Option(
            CHANGE_WORDS,
            word_list,
            {
                "zh": "表示变化的词：名称中（或数值前）有这些词时，百分比可以超过 100%",
                "en": "words in a name (or before the number) that mark a change, which may exceed 100%",
            },
        )
    },
)
