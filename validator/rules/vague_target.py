"""## What it does
Warns when a target has no number and cannot be checked at the year's end. Without a
number, a target is measurable only as:

- a grade on a recognised scale: 优/良/中/差, 优秀/良好/合格, 优良, A/B/C,
  达成/部分达成/未达成;
- a clear yes/no outcome: 是/否, 满足, 完成, 通过, 到位, 验收合格, 按时完成, 全部…
  (`在项目计划完成时间内完成`, `覆盖全区所有人员`, `无重大安全事故`);
- a named deliverable: 完成项目终验, 出具评估报告, 实施方案;
- a deadline: 2023年底, 2023.07-2024.01.

Anything else is vague: 明显提升, 稳步提高, 长远, 及时, 高, 效果明显, 公益性事业. Two
cases get their own message:

- a template placeholder left unfilled: 待定, TBD, `/`, `无`, `xx`, `**`, `≥**%`, and
  `no` (which every YAML 1.1 tool reads as false). Like every warning, it fails the run
  under `--strict`;
- a cost target without an amount (参照政府采购成本控制, 控制在预算内) under 成本指标.

How `良好` and `有效` read: `良好` alone is a grade on the 优秀/良好/合格 scale only when
the indicator is a rating (its name says 等级, 评价, 评级, 评定, 考核, 测评);
`项目实施情况: 良好` is vague. `有效` (and `长期有效`) answers an indicator that asks
whether something is effective or valid (…有效性, …有效期, 是否…); otherwise it is vague. `无` answers an
indicator that counts incidents (事故, 投诉, 违规, 问题 …); otherwise it is a placeholder.

## Why is this bad?
The performance guidance asks for targets that can be measured at the year's end.
“明显提升” is met by any change at all, so it cannot fail, and it says nothing about
what the money bought. A placeholder is a template nobody filled in.

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
    category: 产出指标
    subcategory: 成本指标
    name: 项目总成本
    target: 参照政府采购成本控制  # vague-target
  - seq: 3
    category: 效益指标
    name: 容灾备份恢复能力（定性）
    target: 较快  # vague-target
  - seq: 4
    category: 效益指标
    name: 服务质量
    target: 明显提升  # vague-target
  - seq: 5
    category: 满意度指标
    name: 用户满意度
    target: 待定  # vague-target
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
    target: 良好
  - seq: 4
    category: 产出指标
    subcategory: 成本指标
    name: 项目总成本
    target: ≤90万元
  - seq: 5
    category: 满意度指标
    name: 用户满意度
    target: ≥90%
  - seq: 6
    category: 效益指标
    name: 重大安全事故
    target: 无
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Problem, Severity
from validator.goal import GoalData, Indicator
from validator.messages import define
from validator.rule import DataRule
from validator.targets import comparison_key, files_money_cost, parse_target

# --- messages (zh, en) ---
VAGUE_TARGET = define(
    "rule.vague_target",
    zh="年度指标值“{target}”无法考核；请改为具体数值（如“≥95%”）、评价等级（优/良/中/差）或明确的完成标志（如“完成项目终验”）",
    en="target “{target}” cannot be measured; give a number (such as ≥95%), a grade (优/良/中/差) or a clear sign of completion (such as 完成项目终验)",
)
VAGUE_TARGET_PLACEHOLDER = define(
    "rule.vague_target.placeholder",
    zh="年度指标值“{target}”是模板占位符未填写；请填写实际的目标值，不适用的指标请删除",
    en="target “{target}” is a template placeholder nobody filled in; write the real target, or remove an indicator that does not apply",
)
VAGUE_TARGET_COST = define(
    "rule.vague_target.cost",
    zh="成本指标“{name}”的年度指标值“{target}”没有金额；请写明金额上限（如“≤90万元”）",
    en="cost indicator “{name}” has no amount in its target “{target}”; state the amount it may cost (such as ≤90万元)",
)

# A rating: its 良好 is a grade.
_RATING_WORDS = ("等级", "评价", "评级", "评定", "考核", "测评")
# An indicator that counts incidents: its 无 means none happened.
_INCIDENT_WORDS = (
    "事故",
    "事件",
    "投诉",
    "违规",
    "违纪",
    "违法",
    "问题",
    "差错",
    "损失",
    "纠纷",
    "污染",
    "隐患",
    "泄露",
    "发生",
    "不良",
)


def check(data: GoalData) -> Iterator[Problem]:
    for index, indicator in enumerate(data["indicators"]):
        target = parse_target(indicator["target"])
        if target.bounds:
            continue
        problem = _problem(indicator, target.kind, comparison_key(target.normalized))
        if problem is not None:
            message_id, params = problem
            yield Problem(f"/indicators/{index}/target", message_id, params)


def _problem(indicator: Indicator, kind: str, text: str) -> tuple[str, dict[str, str]] | None:
    name, target = indicator["name"], indicator["target"]
    if kind == "placeholder":
        if text == "无" and any(word in name for word in _INCIDENT_WORDS):
            return None  # 重大安全事故: 无
        return VAGUE_TARGET_PLACEHOLDER, {"target": target}
    if files_money_cost(indicator["category"], indicator.get("subcategory"), name) and kind != "quantitative":
        return VAGUE_TARGET_COST, {"name": name, "target": target}
    if kind != "vague":
        return None
    if text == "良好" and any(word in name for word in _RATING_WORDS):
        return None  # 服务质量评价等级: 良好
    if text.endswith("有效") and ("有效" in name or name.startswith("是否")):
        return None  # 整改措施有效性: 有效; 证书有效期: 长期有效
    return VAGUE_TARGET, {"target": target}


RULE = DataRule(
    code="GL204",
    slug="vague-target",
    summary={
        "zh": "指标值应可衡量：给出数值、等级或明确的是否结果，而不是“明显提升”或未填写的占位符",
        "en": "targets are measurable: a number, a grade or a yes/no outcome, not “明显提升” or an unfilled placeholder",
    },
    doc=__doc__,
    default_severity=Severity.WARNING,
    check=check,
)
