"""## What it does
Warns about traces of copying and of the template in project names, indicator names and
targets:

- stray punctuation and spacing: a leading mark (`.系统并发数`), a trailing mark
  (`工单转派及时率.`, a target ending in `。`), a doubled mark (`。。`, `，，`), a space
  before a mark (`应用与推广情况 。`), and spaces at either end;
- a template placeholder left in a name: `苗木成活率(≥**%)`, `项目总投入(≥**万元)`,
  `受益人口数≥**人`, `XX项目` (a placeholder target is vague-target's);
- a template's marker at the start of a name: `*`, `★`, `★★★` (the required or core
  indicator marks), and the template's row label `指标1：`;
- quotes wrapped around a whole name or target (`“≤1%”`): quotes inside one
  (`推动“网球+”产业融合`) are fine.

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
  - seq: 4
    category: 产出指标
    name: ★苗木成活率(≥**%)  # text-hygiene
    target: “≥85%”  # text-hygiene
  - seq: 5
    category: 效益指标
    name: 指标1：受益人数  # text-hygiene
    target: ≥132人
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
    name: 政务服务事项数据应用管理系统用户数
    target: 不少于200个
  - seq: 4
    category: 产出指标
    name: 苗木成活率
    target: ≥85%
  - seq: 5
    category: 效益指标
    name: 推动“网球+”产业融合的受益人数
    target: ≥132人
```

## Fix
Safe, with `--fix`: spaces at either end, a leading mark, a space before a mark, one of
a doubled mark, quotes around the whole text, and the template's marker (`★`) or row
label (`指标1：`) at the start of a name are removed; these change nothing a reader would
miss. Unsafe, with `--unsafe-fixes`: a trailing mark (`等。` may end a list the author cut
short) and a template placeholder (`(≥**%)`: the target may still lack the figure) are
removed too; a reviewer should look. This file:

```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线人工坐席服务外包项目工作经费
objective: 完成广州市12345热线事项受理、转办等工作。
indicators:
  - seq: 1
    category: 产出指标
    name: 工单转派及时率.
    target: 100%
  - seq: 2
    category: 产出指标
    name: .系统并发数
    target: 500个
  - seq: 3
    category: 效益指标
    name: 政务服务事项数据应用管理系统应用与推广情况 。
    target: 用户数不少于200个。
  - seq: 4
    category: 产出指标
    name: ★苗木成活率(≥**%)
    target: “≥85%”
  - seq: 5
    category: 效益指标
    name: 指标1：受益人数
    target: ≥132人
```

`goals-lint --fix --unsafe-fixes` makes:

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
  - seq: 4
    category: 产出指标
    name: 苗木成活率
    target: ≥85%
  - seq: 5
    category: 效益指标
    name: 受益人数
    target: ≥132人
```
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

TEXT_HYGIENE_PLACEHOLDER = define(
    "rule.text_hygiene.placeholder",
    zh="{field}中留有模板占位符“{placeholder}”，请删除（目标值写在年度指标值中）",
    en="the {field} still holds the template's placeholder “{placeholder}”; remove it (the target belongs in the target)",
)
TEXT_HYGIENE_MARKER = define(
    "rule.text_hygiene.marker",
    zh="{field}开头有模板的标记“{mark}”（必填或核心指标的标记），请删除",
    en="the {field} starts with the template's marker “{mark}” (a required or core indicator mark); remove it",
)
TEXT_HYGIENE_LABEL = define(
    "rule.text_hygiene.label",
    zh="{field}开头留有模板的行标签“{label}”，请删除",
    en="the {field} starts with the template's row label “{label}”; remove it",
)
TEXT_HYGIENE_QUOTED = define(
    "rule.text_hygiene.quoted",
    zh="{field}整个被引号包住：{text}；请去掉引号",
    en="the {field} is wrapped in quotes: {text}; remove them",
)

FIX_WHITESPACE = define(
    "rule.text_hygiene.fix_whitespace",
    zh="删除首尾的空格",
    en="remove the spaces at the ends",
)
FIX_REMOVE = define(
    "rule.text_hygiene.fix_remove",
    zh="删除“{mark}”",
    en="remove “{mark}”",
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
FIX_QUOTES = define(
    "rule.text_hygiene.fix_quotes",
    zh="去掉两端的引号",
    en="remove the quotes around it",
)


# Marks that never begin or end a name or a target (both widths).
STRAY_MARKS = ".．。,，、;；:："
_DOUBLED = re.compile(r"([。，、；：！？,;:!?%])\1|(?<!\.)\.\.(?!\.)")
# A space before a closing or separating mark; " .5" is a number, not a stray dot.
_SPACE_BEFORE = re.compile(r"\s+(?:[。，、；：！？）】」』,;:!?)]|\.(?!\d))")

# A template's blank: (≥**%), （≥**万元）, ≥**人, XX. Searched (and so compiled) only in a
# text the quick check below found suspect.
_PLACEHOLDER = (
    r"[(（][^()（）]*(?:\*{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z]))[^()（）]*[)）]"
    r"|[≥≤><=]*\*{2,}[^\s,，。;；()（）]*"
    r"|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])"
)
# The required (*) and core-indicator (★, ★★★) marks, and the template's row label (指标1：).
_MARKERS = "*★☆※"
_LABEL = r"指标\s*\d+\s*[:：]"
_QUOTES = {"“": "”", '"': '"', "'": "'", "‘": "’", "「": "」", "『": "』"}

# Anything any of the checks below could report; most names and targets have none.
_SUSPECT = re.compile(
    rf"^[\s{STRAY_MARKS}*★☆※“\"'‘「『]|[\s{STRAY_MARKS}]$|{_DOUBLED.pattern}|{_SPACE_BEFORE.pattern}"
    r"|\*\*|[Xx]{2}|^指标"
)

FIELDS = {
    "project": {"zh": "项目名称", "en": "project name"},
    "name": {"zh": "指标名称", "en": "indicator name"},
    "target": {"zh": "年度指标值", "en": "target"},
}


def check(data: GoalData) -> Iterator[Problem]:
    yield from _check_text("/project", data["project"], FIELDS["project"], template=True)
    for index, indicator in enumerate(data["indicators"]):
        yield from _check_text(f"/indicators/{index}/name", indicator["name"], FIELDS["name"], template=True)
        yield from _check_text(f"/indicators/{index}/target", indicator["target"], FIELDS["target"], template=False)


class _Fixes:
    """The fixes of one text: each changes only what its problem is about, in the text as
    written (two fixes of one value are made one after the other)."""

    def __init__(self, pointer: str, text: str) -> None:
        self.pointer = pointer
        self.text = text
        stripped = text.strip()
        self.lead = text.index(stripped) if stripped else 0  # where the stripped text starts

    def replace(
        self, start: int, end: int, new: str, message_id: str, applicability: Applicability, **params: str
    ) -> Fix:
        """Put ``new`` in place of the stripped text's ``start:end``."""
        start, end = start + self.lead, end + self.lead
        value = self.text[:start] + new + self.text[end:]
        return Fix(applicability, message_id, params, (SetValue(self.pointer, value),))

    def remove(self, start: int, end: int, applicability: Applicability = Applicability.SAFE) -> Fix:
        mark = self.text[self.lead + start : self.lead + end]
        return self.replace(start, end, "", FIX_REMOVE, applicability, mark=mark)


def _check_text(pointer: str, text: str, field: dict[str, str], *, template: bool) -> Iterator[Problem]:
    """``template``: also look for the template's placeholders, markers and labels (in names;
    a target that is a placeholder is vague-target's)."""
    if not _SUSPECT.search(text):
        return  # the common case, in one search
    stripped = text.strip()
    fixes = _Fixes(pointer, text)
    if template:
        yield from _template_residue(pointer, stripped, field, fixes)
    opening = stripped[:1]
    if len(stripped) > 2 and opening in _QUOTES and stripped.endswith(_QUOTES[opening]):
        unquoted = fixes.replace(0, len(stripped), stripped[1:-1], FIX_QUOTES, Applicability.SAFE)
        yield Problem(pointer, TEXT_HYGIENE_QUOTED, {"field": field, "text": stripped}, fix=unquoted)
    if text != stripped:
        trimmed = Fix(Applicability.SAFE, FIX_WHITESPACE, edits=(SetValue(pointer, stripped),))
        yield Problem(pointer, TEXT_HYGIENE_WHITESPACE, {"field": field, "text": text}, fix=trimmed)
    if stripped[:1] and stripped[0] in STRAY_MARKS:
        yield Problem(pointer, TEXT_HYGIENE_LEADING, {"field": field, "mark": stripped[0]}, fix=fixes.remove(0, 1))
    doubled = _DOUBLED.search(stripped)
    if doubled:
        marks = doubled.group()
        single = fixes.replace(
            doubled.start(), doubled.end(), marks[0], FIX_DOUBLED, Applicability.SAFE, marks=marks, mark=marks[0]
        )
        yield Problem(pointer, TEXT_HYGIENE_DOUBLED, {"field": field, "marks": marks}, fix=single)
    space = _SPACE_BEFORE.search(stripped)
    if space:
        mark = space.group().strip()
        closer = fixes.replace(space.start(), space.end(), mark, FIX_SPACE_BEFORE, Applicability.SAFE, mark=mark)
        yield Problem(pointer, TEXT_HYGIENE_SPACE_BEFORE, {"field": field, "mark": mark}, fix=closer)
    elif stripped[-1:] and stripped[-1] in STRAY_MARKS and not doubled:
        # The author may have meant it (`等。`): unsafe.
        end = len(stripped)
        trailing = fixes.remove(end - 1, end, Applicability.UNSAFE)
        yield Problem(pointer, TEXT_HYGIENE_TRAILING, {"field": field, "mark": stripped[-1]}, fix=trailing)


def _template_residue(pointer: str, text: str, field: dict[str, str], fixes: _Fixes) -> Iterator[Problem]:
    marker = text[: len(text) - len(text.lstrip(_MARKERS))]
    if marker:
        yield Problem(pointer, TEXT_HYGIENE_MARKER, {"field": field, "mark": marker}, fix=fixes.remove(0, len(marker)))
    label = re.match(_LABEL, text)
    if label:
        removed = fixes.remove(0, label.end())
        yield Problem(pointer, TEXT_HYGIENE_LABEL, {"field": field, "label": label.group()}, fix=removed)
    placeholder = re.compile(_PLACEHOLDER).search(text, len(marker))
    if placeholder:
        # The target may still lack the figure the placeholder stood for: a reviewer looks.
        removed = fixes.remove(placeholder.start(), placeholder.end(), Applicability.UNSAFE)
        params = {"field": field, "placeholder": placeholder.group()}
        yield Problem(pointer, TEXT_HYGIENE_PLACEHOLDER, params, fix=removed)


RULE = DataRule(
    code="GL205",
    slug="text-hygiene",
    summary={
        "zh": "名称和指标值中没有多余或重复的标点、标点前的空格、模板占位符和标记",
        "en": "no stray or doubled punctuation, spaces before punctuation, or template placeholders and marks in names and targets",
    },
    doc=__doc__,
    default_severity=Severity.WARNING,
    check=check,
    fixes=(Applicability.SAFE, Applicability.UNSAFE),
)
