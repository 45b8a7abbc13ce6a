"""## What it does
Warns when a target's comparison runs the wrong way for what the indicator measures:
an upper limit (`≤`, 不超过, 以内) on something that should be high — an uptime,
pass, completion or satisfaction rate — or a lower limit (`≥`, 不少于, 以上) on
something that should be low — a response or recovery time, a cost, a failure or
complaint rate.

What is measured is read from the word a name ends with, its head word in Chinese:
响应时间达标率 is a rate (high is good), 系统响应时间 a time (low is good). When a
target names its own subject (`系统对用户操作的响应时间不超过5秒`), that subject is
read instead. A name that measures a change (节约运行成本, 缩短办理时间) is left
alone, and so is one whose head word is not known (群众办事时长压缩比例).

An amount of money filed as a cost (产出指标's 成本指标, 成本指标's 经济成本指标) is a
cost whatever its name: `科技特派员业务培训开展: ≥5万元` under 成本指标 sets a floor on
what it may cost.

## Why is this bad?
`系统可用率 ≤99%` is met by a system that is never up; `响应时间 ≥5秒` by one that
never answers. The symbol was almost certainly typed the wrong way round, and the
goal as written rewards failure.

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
    name: 话务平台可用率
    target: ≤99.99%  # comparison-direction
  - seq: 2
    category: 产出指标
    name: 系统响应时间
    target: 不少于5秒  # comparison-direction
  - seq: 3
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
  - seq: 4
    category: 产出指标
    subcategory: 成本指标
    name: 话务员业务培训
    target: ≥5万元  # comparison-direction
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
    name: 话务平台可用率
    target: ≥99.99%
  - seq: 2
    category: 产出指标
    name: 系统响应时间
    target: 不超过5秒
  - seq: 3
    category: 产出指标
    name: 响应时间达标率
    target: ≥95%
  - seq: 4
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
  - seq: 5
    category: 产出指标
    subcategory: 成本指标
    name: 话务员业务培训
    target: ≤5万元
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Problem, Severity
from validator.goal import GoalData
from validator.messages import define
from validator.rule import DataRule
from validator.targets import SAVING_WORDS, comparison_key, files_money_cost, name_core, parse_target

# --- messages (zh, en) ---
COMPARISON_DIRECTION_UPPER_LIMIT = define(
    "rule.comparison_direction.upper_limit",
    zh="“{keyword}”应越高越好，但年度指标值“{target}”设定的是上限（≤、不超过）；请改为下限（≥、不低于）",
    en="a {keyword} should be high, but the target “{target}” sets an upper limit (≤); make it a lower limit (≥)",
)
COMPARISON_DIRECTION_LOWER_LIMIT = define(
    "rule.comparison_direction.lower_limit",
    zh="“{keyword}”应越低越好，但年度指标值“{target}”设定的是下限（≥、不少于）；请改为上限（≤、不超过）",
    en="a {keyword} should be low, but the target “{target}” sets a lower limit (≥); make it an upper limit (≤)",
)


HIGHER_IS_BETTER = (
    "可用率",
    "运行率",
    "在线率",
    "合格率",
    "通过率",
    "接通率",
    "满意度",
    "满意率",
    "完成率",
    "完成度",
    "覆盖率",
    "准确率",
    "正确率",
    "及时率",
    "成功率",
    "解答率",
    "办结率",
    "达标率",
    "知晓率",
    "到位率",
    "执行率",
    "办理率",
    "回访率",
    "响应率",
    "利用率",
    "上线率",
    "好评率",
    "节约率",
    "节省率",
    "降低率",
    "下降率",
    "减少率",
    "压缩率",
    "处置率",
    "解决率",
    "受理率",
    "共享率",
    "采纳率",
)
LOWER_IS_BETTER = (
    "响应时间",
    "处理时间",
    "恢复时间",
    "等待时间",
    "办理时间",
    "办理时限",
    "中断时间",
    "故障时间",
    "耗时",
    # 时长 alone can go either way (培训时长, 在线服务时长 should be long).
    "办理时长",
    "等待时长",
    "排队时长",
    "处理时长",
    "响应时长",
    "审批时长",
    "办结时长",
    "时延",
    "延迟",
    "延时",
    "差错率",
    "错误率",
    "出错率",
    "故障率",
    "失败率",
    "投诉率",
    "投诉量",
    "丢包率",
    "误报率",
    "漏报率",
    "返工率",
    "成本",
    "费用",
    "单价",
    "造价",
)
_KEYWORD_SET = frozenset(HIGHER_IS_BETTER + LOWER_IS_BETTER)
_KEYWORD_LENGTHS = sorted({len(keyword) for keyword in _KEYWORD_SET}, reverse=True)
# A name that measures a change of something turns its direction round.
CHANGE_VERBS = (*SAVING_WORDS, "缩短", "提高", "提升", "增加", "增长")
# Words that turn a head word round (不合格率, 无故障时间, 超期办结率).
NEGATIONS = ("不予", "不", "无", "未", "非", "超期", "逾期")
_UPPER_LIMITS = ("≤", "<")
_LOWER_LIMITS = ("≥", ">")


def check(data: GoalData) -> Iterator[Problem]:
    for index, indicator in enumerate(data["indicators"]):
        stated = [bound for bound in parse_target(indicator["target"]).bounds if bound.stated]
        if not stated:
            continue  # a plain value (`99%`) runs no way at all
        core = name_core(indicator["name"])
        if any(word in core for word in CHANGE_VERBS):
            continue  # 节约运行成本 ≥50万元 is a saving: more is better
        name_head = _head(core)
        money_cost = files_money_cost(indicator["category"], indicator.get("subcategory"), indicator["name"])
        for bound in stated:
            if money_cost and bound.comparison in _LOWER_LIMITS and bound.unit.endswith("元"):
                yield Problem(
                    f"/indicators/{index}/target",
                    COMPARISON_DIRECTION_LOWER_LIMIT,
                    {"keyword": "成本", "target": indicator["target"]},
                )
                break
            if bound.in_range or any(word in bound.subject for word in CHANGE_VERBS):
                continue  # 90%-100% bounds both ways; 时限压缩50%以上 is a reduction
            if bound.is_percentage and bound.value >= 100 and bound.comparison in _UPPER_LIMITS:
                continue  # 执行率不得超过100%: a cap on a share, not a direction
            head = _head(comparison_key(bound.subject)) or name_head
            if head is None:
                continue
            keyword, higher = head
            if higher and bound.comparison in _UPPER_LIMITS:
                message_id = COMPARISON_DIRECTION_UPPER_LIMIT
            elif not higher and bound.comparison in _LOWER_LIMITS:
                message_id = COMPARISON_DIRECTION_LOWER_LIMIT
            else:
                continue
            yield Problem(
                f"/indicators/{index}/target", message_id, {"keyword": keyword, "target": indicator["target"]}
            )
            break


def _head(text: str) -> tuple[str, bool] | None:
    """The keyword a name ends with (its head word, last in Chinese), and whether high is good.

    A negation in front turns it round: 不合格率 and 超期办结率 should be low,
    无故障时间 should be long.
    """
    for length in _KEYWORD_LENGTHS:  # longest first
        keyword = text[-length:]
        if keyword in _KEYWORD_SET:
            higher = keyword in HIGHER_IS_BETTER
            before = text[:-length]
            negation = next((word for word in NEGATIONS if before.endswith(word)), "")
            return (negation + keyword, not higher) if negation else (keyword, higher)
    return None


RULE = DataRule(
    code="GL206",
    slug="comparison-direction",
    summary={
        "zh": "比较方向要与指标含义一致：可用率、合格率用“≥”，响应时间、成本用“≤”",
        "en": "comparisons run the right way: ≥ for uptime or pass rates, ≤ for response times or costs",
    },
    doc=__doc__,
    default_severity=Severity.WARNING,
    check=check,
)
