"""## What it does
Reports a suppression comment (`# goals-lint: disable=RULE -- reason`, or
`disable-file=` at the top of the file) whose rule reports no problem where the
comment applies, so it hides nothing.

A rule that did not run on the file is not judged: a suppression of a compliance
rule is not reported while the file still has schema errors (compliance rules run
only on files the schema accepts), nor when the rule is not selected.

## Why is this bad?
A suppression that outlived its problem hides the next, unrelated problem of the
same rule on that line without anyone noticing. Removing it keeps every exception
in the files a live, reviewed decision.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    category: 产出指标
    name: 外部服务对接和建设数量
    target: 200项  # goals-lint: disable=schema -- 原表如此  # unused-suppression
  - seq: 2
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
```

Use instead:
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    category: 产出指标
    name: 外部服务对接和建设数量
    target: 200项
  - seq: 2
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
```

## Fix
Safe: `--fix` removes the comment (its whole line, when it stands alone), or, when
it names other rules that still hide something, only the rule that hides nothing:
`disable=packed-target,schema` becomes `disable=packed-target`. Other comments on
the line stay. Fixing the example gives exactly the one under “Use instead”.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.diagnostics import Applicability, Fix, Severity
from validator.messages import define
from validator.rule import CommentProblem, CommentRule

if TYPE_CHECKING:  # the comments are read only in files that mention goals-lint
    from validator.suppressions import FileComments

DOC_ZH = """## 作用
报告不起作用的屏蔽注释（`# goals-lint: disable=规则 -- 原因`，或文件开头的 `disable-file=`）：
在注释适用的范围内，它屏蔽的规则没有报告任何问题，因此它什么也没有屏蔽。

没有运行的规则不作判断：文件仍有结构错误时（合规规则只检查通过结构检查的文件），或该规则未被
选中时，对合规规则的屏蔽注释不会被报告。

## 为什么不好？
问题已经解决、屏蔽注释却还留着，它会在没人察觉的情况下屏蔽这一行同一规则的下一个、毫不相干的
问题。删除它，文件中的每个例外才始终是经过审核、仍然有效的决定。

## 示例
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    category: 产出指标
    name: 外部服务对接和建设数量
    target: 200项  # goals-lint: disable=schema -- 原表如此  # unused-suppression
  - seq: 2
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
```

改为：
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    category: 产出指标
    name: 外部服务对接和建设数量
    target: 200项
  - seq: 2
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
```

## 修复
安全的修复：`--fix` 删除这条注释（它单独占一行时删除整行）；如果它列出的其他规则仍然屏蔽着问题，
只删除什么也没屏蔽的那条规则：`disable=packed-target,schema` 变为 `disable=packed-target`。这一行的
其他注释保留。修复错误示例，得到的正是“改为：”下的文件。
"""

# --- messages (zh, en) ---
SUPPRESSION_UNUSED = define(
    "suppression.unused",
    zh="对 `{name}` 的屏蔽没有起作用：该规则在此处没有报告问题；请删除它",
    en="the suppression of `{name}` hides nothing: the rule reports no problem here; remove it",
)

FIX_REMOVE_COMMENT = define(
    "suppression.fix_remove",
    zh="删除这条屏蔽注释",
    en="remove the suppression comment",
)
FIX_REMOVE_NAME = define(
    "suppression.fix_remove_name",
    zh="从屏蔽注释中删除 `{name}`",
    en="remove `{name}` from the suppression",
)


def check(comments: FileComments) -> Iterator[CommentProblem]:
    from validator.suppressions import removal_edit  # loaded already: the comments were read with it

    for index, (suppression, targets) in enumerate(zip(comments.suppressions, comments.targets, strict=True)):
        # A rule that did not run (not selected, or the file stopped before it) could not be used.
        unused = [
            name
            for name, code in targets
            if code is not None and (index, name) not in comments.used and code in comments.rules_run
        ]
        hides_nothing = len(unused) == len(targets)
        for name in unused:
            edit = removal_edit(comments.text, suppression, unused if hides_nothing else [name])
            fix = None
            if edit is not None:
                message_id = FIX_REMOVE_COMMENT if hides_nothing else FIX_REMOVE_NAME
                fix = Fix.of_text(Applicability.SAFE, message_id, {"name": name}, (edit,))
            yield CommentProblem(suppression.span, SUPPRESSION_UNUSED, {"name": name}, fix)


RULE = CommentRule(
    code="GL902",
    slug="unused-suppression",
    summary={
        "zh": "不起作用的屏蔽注释应删除",
        "en": "suppression comments that hide nothing should be removed",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
    check=check,
    default_severity=Severity.WARNING,
    fixes=(Applicability.SAFE,),
)
