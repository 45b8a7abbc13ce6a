"""## What it does
Finds two indicators of one project that are the same indicator:

- their names are equal once compared loosely (full-width and half-width forms
  alike, whitespace dropped, stray punctuation at either end dropped), in any
  categories: `系统并发数.`, `系统并发数 ` and `系统并发数` are one name, and so
  are `接通率(%)` and `接通率（%）`;
  A unit in brackets at the end does not make a name different: `系统可用率` and
  `系统可用率（%）` are one indicator;
- or they carry the same target text, compared the same way, when that text is a
  number with words around it: a copied sentence, even under different names.

Two indicators that both target `100%`, `≥95%`, `≥90%（抽样调查）` or a stock outcome
such as `通过验收` or `按时完成` are not duplicates. The later one
is reported, with the number and line of the first.

## Why is this bad?
A copied indicator counts the same result twice and hides the indicator that should
have been there. In the 2022 Guangzhou table, 政务服务监管平台年度访问量 carries the
target of 市府门户网站年度访问量 word for word.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 2022年“一网通办”信息化建设
objective: 推进政务服务“一网通办”。
indicators:
  - seq: 1
    category: 效益指标
    name: 政务服务监管平台年度访问量
    target: 广州市府门户网站年度访问量不少于 4500万次
  - seq: 2
    category: 效益指标
    name: 市府门户网站年度访问量
    target: 广州市府门户网站年度访问量不少于4500万次  # duplicate-indicator
  - seq: 3
    category: 产出指标
    name: 接通率(%)
    target: ≥95%
  - seq: 4
    category: 效益指标
    name: 接通率（%）  # duplicate-indicator
    target: ≥90%
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
    category: 效益指标
    name: 政务服务监管平台年度访问量
    target: 不少于 20万次
  - seq: 2
    category: 效益指标
    name: 市府门户网站年度访问量
    target: 广州市府门户网站年度访问量不少于4500万次
  - seq: 3
    category: 产出指标
    name: 系统并发数
    target: 500个
  - seq: 4
    category: 产出指标
    name: 平台可用率
    target: 100%
  - seq: 5
    category: 效益指标
    name: 事项网上办理率
    target: 100%
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.diagnostics import Problem
from validator.goal import GoalData, Indicator
from validator.messages import define
from validator.rule import DataRule
from validator.targets import Target, comparison_key, indicator_name_key, parse_target

DOC_ZH = """## 作用
找出同一项目中实为同一条指标的两条指标：

- 名称宽松比较后相同（全角和半角视为相同，去掉空白和两端多余的标点），不论在哪个一级指标下：
  `系统并发数.`、`系统并发数 ` 和 `系统并发数` 是同一个名称，`接通率(%)` 和 `接通率（%）` 也是；
  名称末尾括号中的单位不使名称不同：`系统可用率` 和 `系统可用率（%）` 是同一条指标；
- 或者它们的指标值按同样方式比较后相同，且这段文字是带有说明文字的数值：即使名称不同，也是
  复制的同一句话。

两条指标的指标值都是 `100%`、`≥95%`、`≥90%（抽样调查）` 或 `通过验收`、`按时完成` 这类常见结果
时，不算重复。报告的是后出现的那一条，并给出第一条的序号和行号。

## 为什么不好？
复制的指标把同一个结果算了两次，也掩盖了本应出现在那里的指标。在 2022 年广州市的表格中，
政务服务监管平台年度访问量的指标值与市府门户网站年度访问量的一字不差。

## 示例
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 2022年“一网通办”信息化建设
objective: 推进政务服务“一网通办”。
indicators:
  - seq: 1
    category: 效益指标
    name: 政务服务监管平台年度访问量
    target: 广州市府门户网站年度访问量不少于 4500万次
  - seq: 2
    category: 效益指标
    name: 市府门户网站年度访问量
    target: 广州市府门户网站年度访问量不少于4500万次  # duplicate-indicator
  - seq: 3
    category: 产出指标
    name: 接通率(%)
    target: ≥95%
  - seq: 4
    category: 效益指标
    name: 接通率（%）  # duplicate-indicator
    target: ≥90%
```

改为：
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 2022年“一网通办”信息化建设
objective: 推进政务服务“一网通办”。
indicators:
  - seq: 1
    category: 效益指标
    name: 政务服务监管平台年度访问量
    target: 不少于 20万次
  - seq: 2
    category: 效益指标
    name: 市府门户网站年度访问量
    target: 广州市府门户网站年度访问量不少于4500万次
  - seq: 3
    category: 产出指标
    name: 系统并发数
    target: 500个
  - seq: 4
    category: 产出指标
    name: 平台可用率
    target: 100%
  - seq: 5
    category: 效益指标
    name: 事项网上办理率
    target: 100%
```
"""

# --- messages (zh, en) ---
DUPLICATE_INDICATOR_NAME = define(
    "rule.duplicate_indicator.name",
    zh="指标名称与第 {first_seq} 项指标“{first_name}”（第 {related_line} 行）重复；请合并或改名",
    en="same indicator name as indicator {first_seq} (“{first_name}”, line {related_line}); merge them or rename one",
)
DUPLICATE_INDICATOR_TARGET = define(
    "rule.duplicate_indicator.target",
    zh="年度指标值与第 {first_seq} 项指标“{first_name}”（第 {related_line} 行）的完全相同，疑似复制粘贴；请填写本指标自己的年度指标值",
    en="same target text as indicator {first_seq} (“{first_name}”, line {related_line}), probably copied; give this indicator its own target",
)


_BRACKETED = re.compile(r"\([^()]*\)")
# 同比增长5%, 较上年提高2个百分点: a change against last year is a standard phrase, not a sentence.
_STOCK_WORDS = re.compile(
    "同比|环比|较上年|比上年|较去年|比去年|上年|去年|增长|提高|提升|下降|降低|减少|增加|以上|以内|左右"
)

# A subject this long makes a sentence (系统用户总数 has 6).
SENTENCE_MIN_CHARACTERS = 4
# 受理后…, 验收前…: the words before the number say when, not what.
_TIME_CLAUSE_ENDINGS = ("后", "前", "起", "内")


def check(data: GoalData) -> Iterator[Problem]:
    first_by_name: dict[str, int] = {}
    first_by_target: dict[str, int] = {}
    indicators = data["indicators"]
    for index, indicator in enumerate(indicators):
        name_key = indicator_name_key(indicator["name"])
        first = first_by_name.setdefault(name_key, index)
        if first != index:
            yield _duplicate(indicators, index, first, "name")
            continue
        if not _is_a_sentence(parse_target(indicator["target"])):
            continue
        first = first_by_target.setdefault(comparison_key(indicator["target"]), index)
        if first != index:
            yield _duplicate(indicators, index, first, "target")


def _is_a_sentence(target: Target) -> bool:
    """A number with its own subject in front: 广州市府门户网站年度访问量不少于4500万次.

    Shared legitimately, and so not sentences: stock outcomes (通过验收, 无重大安全事故),
    a value with a note in brackets (≥90%（抽样调查）), a change (同比增长5%) and a
    time limit (受理后15个工作日内办结, 资金到位后3个月内完成).
    """
    for bound in target.bounds:
        subject = _STOCK_WORDS.sub("", _BRACKETED.sub("", bound.subject))
        if len(subject) >= SENTENCE_MIN_CHARACTERS and not subject.endswith(_TIME_CLAUSE_ENDINGS):
            return True
    return False


def _duplicate(indicators: list[Indicator], index: int, first: int, field: str) -> Problem:
    params = {"first_seq": indicators[first]["seq"], "first_name": indicators[first]["name"]}
    return Problem(
        f"/indicators/{index}/{field}",
        f"rule.duplicate_indicator.{field}",
        params,
        related=(f"/indicators/{first}/{field}",),
    )


RULE = DataRule(
    code="GL103",
    slug="duplicate-indicator",
    summary={
        "zh": "同一项目中不得有重复的指标（名称相同，或指标值是同一句复制的文字）",
        "en": "no indicator appears twice in a project (same name, or the same copied target sentence)",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
    check=check,
)
