"""## What it does
Warns when a target has no number and only says things will get better:
明显提升, 进一步提高, 稳步提高, 持续加强, 良好, 较快 …

Qualitative targets that can be judged are accepted: a grade on a recognised scale
(优/良/中/差, 优秀/合格, 达成/部分达成/未达成) and a clear yes/no outcome (满足,
完成, 通过, 完成项目终验, 按时完成).

## Why is this bad?
The performance guidance asks for targets that can be measured at the year's end.
“明显提升” is met by any change at all, so it cannot fail, and it says nothing about
what the money bought.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线话务平台
objective: 保障话务平台稳定运行。
indicators:
  - seq: 1
    category: 产出指标
    name: 是否满足性能指标（定性）
    target: 满足
  - seq: 2
    category: 效益指标
    name: 容灾备份恢复能力（定性）
    target: 较快  # vague-target
  - seq: 3
    category: 效益指标
    name: 服务质量
    target: 明显提升  # vague-target
```

Use instead:
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线话务平台
objective: 保障话务平台稳定运行。
indicators:
  - seq: 1
    category: 产出指标
    name: 是否满足性能指标（定性）
    target: 满足
  - seq: 2
    category: 效益指标
    name: 容灾恢复时间目标（小时）
    target: ≤1
  - seq: 3
    category: 效益指标
    name: 服务质量评价等级
    target: 优
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Problem, Severity
from validator.goal import GoalData
from validator.messages import define
from validator.rule import DataRule
from validator.targets import parse_target

DOC_ZH = """## 作用
当指标值没有数字、只说会变好时给出警告：明显提升、进一步提高、稳步提高、持续加强、良好、较快 …

可以判断的定性指标值不报告：公认等级中的一级（优/良/中/差、优秀/合格、达成/部分达成/未达成），
以及明确的是否结果（满足、完成、通过、完成项目终验、按时完成）。

## 为什么不好？
绩效管理要求指标值在年底可以衡量。“明显提升”无论有什么变化都算达成，因此永远不会失败，也说明
不了这笔钱买到了什么。

## 示例
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线话务平台
objective: 保障话务平台稳定运行。
indicators:
  - seq: 1
    category: 产出指标
    name: 是否满足性能指标（定性）
    target: 满足
  - seq: 2
    category: 效益指标
    name: 容灾备份恢复能力（定性）
    target: 较快  # vague-target
  - seq: 3
    category: 效益指标
    name: 服务质量
    target: 明显提升  # vague-target
```

改为：
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线话务平台
objective: 保障话务平台稳定运行。
indicators:
  - seq: 1
    category: 产出指标
    name: 是否满足性能指标（定性）
    target: 满足
  - seq: 2
    category: 效益指标
    name: 容灾恢复时间目标（小时）
    target: ≤1
  - seq: 3
    category: 效益指标
    name: 服务质量评价等级
    target: 优
```
"""

# --- messages (zh, en) ---
VAGUE_TARGET = define(
    "rule.vague_target",
    zh="年度指标值“{target}”无法考核；请改为具体数值（如“≥95%”）、评价等级（优/良/中/差）或明确的完成标志（如“完成项目终验”）",
    en="target “{target}” cannot be measured; give a number (such as ≥95%), a grade (优/良/中/差) or a clear sign of completion (such as 完成项目终验)",
)


def check(data: GoalData) -> Iterator[Problem]:
    for index, indicator in enumerate(data["indicators"]):
        if parse_target(indicator["target"]).kind == "vague":
            yield Problem(f"/indicators/{index}/target", VAGUE_TARGET, {"target": indicator["target"]})


RULE = DataRule(
    code="GL204",
    slug="vague-target",
    summary={
        "zh": "指标值应可衡量：给出数值、等级或明确的是否结果，而不是“明显提升”",
        "en": "targets are measurable: a number, a grade or a yes/no outcome, not “明显提升”",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
    default_severity=Severity.WARNING,
    check=check,
)
