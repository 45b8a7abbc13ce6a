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
    check=check,
    default_severity=Severity.WARNING,
    fixes=(Applicability.SAFE,),
)
