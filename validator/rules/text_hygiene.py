"""## What it does
Warns about stray punctuation and spacing in project names, indicator names and
targets: a leading mark (`.系统并发数`), a trailing mark (`工单转派及时率.`, a target
ending in `。`), a doubled mark (`。。`, `，，`), a space before a mark (`应用与推广情况 。`),
and spaces at either end.

## Why is this bad?
These are traces of copying from Word or a PDF. In the published table the indicator
reads `工单转派及时率.，年度指标值：100%。`, and a target ending in `。` is printed as
`。。`. Names with stray marks also stop matching the same name elsewhere.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线人工坐席服务外包项目工作经费
objective: 完成广州市12345热线事项受理、转办等工作。
indicators:
  - seq: 1
    category: 产出指标
    name: 工单转派及时率.  # text-hygiene
    target: 100%
  - seq: 2
    category: 产出指标
    name: .系统并发数  # text-hygiene
    target: 500个
  - seq: 3
    category: 效益指标
    name: 政务服务事项数据应用管理系统应用与推广情况 。  # text-hygiene
    target: 用户数不少于200个。  # text-hygiene
```

Use instead:
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线人工坐席服务外包项目工作经费
objective: 完成广州市12345热线事项受理、转办等工作。
indicators:
  - seq: 1
    category: 产出指标
    name: 工单转派及时率
    target: 100%
  - seq: 2
    category: 产出指标
    name: 系统并发数
    target: 500个
  - seq: 3
    category: 效益指标
    name: 政务服务事项数据应用管理系统应用与推广情况
    target: 用户数不少于200个
```

## Fix
`--fix` removes spaces at either end, a leading mark, a space before a mark, and
one of a doubled mark: these change nothing a reader would miss (safe). A trailing
mark may have been meant (`等。` ends a list the author cut short), so removing it is
unsafe: `--fix --unsafe-fixes`. Fixing the example with both gives exactly the one
under “Use instead”.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.diagnostics import Applicability, Fix, Problem, SetValue, Severity
from validator.goal import GoalData
from validator.messages import define
from validator.rule import DataRule

# --- messages (zh, en) ---
TEXT_HYGIENE_WHITESPACE = define(
    "rule.text_hygiene.whitespace",
    zh="{field}首尾有多余的空格或换行，请删除：“{text}”",
    en="the {field} has spaces or line breaks at its start or end; remove them: “{text}”",
)
TEXT_HYGIENE_LEADING = define(
    "rule.text_hygiene.leading",
    zh="{field}开头有多余的标点“{mark}”，请删除",
    en="the {field} starts with a stray “{mark}”; remove it",
)
TEXT_HYGIENE_TRAILING = define(
    "rule.text_hygiene.trailing",
    zh="{field}末尾有多余的标点“{mark}”，请删除（公开表会在其后自动加标点）",
    en="the {field} ends with a stray “{mark}”; remove it (the published table adds its own punctuation)",
)
TEXT_HYGIENE_DOUBLED = define(
    "rule.text_hygiene.doubled",
    zh="{field}中有重复的标点“{marks}”，请只保留一个",
    en="the {field} has doubled punctuation “{marks}”; keep one",
)
TEXT_HYGIENE_SPACE_BEFORE = define(
    "rule.text_hygiene.space_before",
    zh="{field}中标点“{mark}”前有多余的空格，请删除",
    en="the {field} has a space before “{mark}”; remove it",
)

FIX_WHITESPACE = define(
    "rule.text_hygiene.fix_whitespace",
    zh="删除首尾的空格",
    en="remove the spaces at the ends",
)
FIX_LEADING = define(
    "rule.text_hygiene.fix_leading",
    zh="删除开头的“{mark}”",
    en="remove the leading “{mark}”",
)
FIX_TRAILING = define(
    "rule.text_hygiene.fix_trailing",
    zh="删除末尾的“{mark}”",
    en="remove the trailing “{mark}”",
)
FIX_DOUBLED = define(
    "rule.text_hygiene.fix_doubled",
    zh="将“{marks}”改为“{mark}”",
    en="replace “{marks}” with “{mark}”",
)
FIX_SPACE_BEFORE = define(
    "rule.text_hygiene.fix_space_before",
    zh="删除“{mark}”前的空格",
    en="remove the space before “{mark}”",
)


# Marks that never begin or end a name or a target (both widths).
STRAY_MARKS = ".．。,，、;；:："
_DOUBLED = re.compile(r"([。，、；：！？,;:!?%])\1|(?<!\.)\.\.(?!\.)")
# A space before a closing or separating mark; " .5" is a number, not a stray dot.
_SPACE_BEFORE = re.compile(r"\s+(?:[。，、；：！？）】」』,;:!?)]|\.(?!\d))")

# Anything any of the checks below could report; most names and targets have none.
_SUSPECT = re.compile(rf"^[\s{STRAY_MARKS}]|[\s{STRAY_MARKS}]$|{_DOUBLED.pattern}|{_SPACE_BEFORE.pattern}")

FIELDS = {
    "project": {"zh": "项目名称", "en": "project name"},
    "name": {"zh": "指标名称", "en": "indicator name"},
    "target": {"zh": "年度指标值", "en": "target"},
}


def check(data: GoalData) -> Iterator[Problem]:
    yield from _check_text("/project", data["project"], FIELDS["project"])
    for index, indicator in enumerate(data["indicators"]):
        yield from _check_text(f"/indicators/{index}/name", indicator["name"], FIELDS["name"])
        yield from _check_text(f"/indicators/{index}/target", indicator["target"], FIELDS["target"])


def _check_text(pointer: str, text: str, field: dict[str, str]) -> Iterator[Problem]:
    if not _SUSPECT.search(text):
        return  # the common case, in one search

    # Each fix changes only what its problem is about, in the text as written; two fixes of
    # one value are made one after the other.
    def fix(applicability: Applicability, message_id: str, start: int, end: int, new: str, **params: str) -> Fix:
        return Fix(applicability, message_id, params, (SetValue(pointer, text[:start] + new + text[end:]),))

    if text != text.strip():
        trimmed = Fix(Applicability.SAFE, FIX_WHITESPACE, edits=(SetValue(pointer, text.strip()),))
        yield Problem(pointer, TEXT_HYGIENE_WHITESPACE, {"field": field, "text": text}, fix=trimmed)
    stripped = text.strip()
    lead = text.index(stripped) if stripped else 0  # where `stripped` starts in `text`
    if stripped[:1] and stripped[0] in STRAY_MARKS:
        mark = stripped[0]
        yield Problem(
            pointer,
            TEXT_HYGIENE_LEADING,
            {"field": field, "mark": mark},
            fix=fix(Applicability.SAFE, FIX_LEADING, lead, lead + 1, "", mark=mark),
        )
    doubled = _DOUBLED.search(stripped)
    if doubled:
        marks = doubled.group()
        yield Problem(
            pointer,
            TEXT_HYGIENE_DOUBLED,
            {"field": field, "marks": marks},
            fix=fix(
                Applicability.SAFE,
                FIX_DOUBLED,
                lead + doubled.start(),
                lead + doubled.end(),
                marks[0],
                marks=marks,
                mark=marks[0],
            ),
        )
    space = _SPACE_BEFORE.search(stripped)
    if space:
        mark = space.group().strip()
        yield Problem(
            pointer,
            TEXT_HYGIENE_SPACE_BEFORE,
            {"field": field, "mark": mark},
            fix=fix(Applicability.SAFE, FIX_SPACE_BEFORE, lead + space.start(), lead + space.end(), mark, mark=mark),
        )
    elif stripped[-1:] and stripped[-1] in STRAY_MARKS and not doubled:
        mark = stripped[-1]
        end = lead + len(stripped)
        yield Problem(
            pointer,
            TEXT_HYGIENE_TRAILING,
            {"field": field, "mark": mark},
            fix=fix(Applicability.UNSAFE, FIX_TRAILING, end - 1, end, "", mark=mark),
        )


RULE = DataRule(
    code="GL205",
    slug="text-hygiene",
    summary={
        "zh": "名称和指标值中没有多余或重复的标点、标点前的空格",
        "en": "no stray or doubled punctuation, or spaces before punctuation, in names and targets",
    },
    doc=__doc__,
    default_severity=Severity.WARNING,
    check=check,
    fixes=(Applicability.SAFE, Applicability.UNSAFE),
)
