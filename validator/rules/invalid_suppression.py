"""## What it does
Checks the suppression comments themselves. A suppression is
`# goals-lint: disable=RULE[,RULE] -- reason` at the end of the line it is about,
or alone on the line above it; `# goals-lint: disable-file=RULE -- reason` in the
comment block at the top of the file hides a rule in the whole file. RULE is a rule
name (`schema`) or code (`GL002`); several are separated by `,` or `、`. What a
Chinese input method types is accepted: full-width `：＝，`, `——` or `－－` for `--`,
and `goals-lint`, `disable`, `disable-file` in any case.

Reported: a suppression without a reason after `--`, a rule name that names no
rule, a `disable-file` below the first field, and a comment that starts with
`goals-lint` or has `goals-lint:` in it but is not a readable suppression
(`disabel=`, `enable=`, `# goals-lint disable=…` without the colon), so a
suppression that does not work never goes unnoticed.

Suppression comments cannot be suppressed themselves; to turn this rule off, use
`ignore` in the configuration.

## Why is this bad?
A suppression hides a real problem from every later reader and reviewer. Without
a reason nobody can tell a considered exception from a quick way to make the check
pass, and a misspelt rule name or a misplaced comment hides nothing while looking
as if it did.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
source: 2022年部门预算公开表  # goals-lint: disable=schema  # invalid-suppression
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

Use instead:
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
source: 2022年部门预算公开表  # goals-lint: disable=schema -- 导入时保留的出处，核对完即删除
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
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.messages import define
from validator.rule import CommentProblem, CommentRule

if TYPE_CHECKING:  # the comments are read only in files that mention goals-lint
    from validator.suppressions import FileComments

DOC_ZH = """## 作用
检查屏蔽注释本身。屏蔽注释写作 `# goals-lint: disable=规则[,规则] -- 原因`，写在它所针对的那一行
末尾，或单独写在那一行的上一行；写在文件开头注释块中的 `# goals-lint: disable-file=规则 -- 原因`
在整个文件中屏蔽一条规则。规则可以写规则名（`schema`）或代码（`GL002`）；多条规则用 `,` 或 `、`
分隔。中文输入法打出的写法也可以：全角的 `：＝，`、用 `——` 或 `－－` 代替 `--`，以及任意大小写的
`goals-lint`、`disable`、`disable-file`。

以下情况会被报告：`--` 后面没有写原因的屏蔽注释、不对应任何规则的规则名、写在第一个字段之后的
`disable-file`，以及以 `goals-lint` 开头或含有 `goals-lint:` 却无法识别的注释（`disabel=`、
`enable=`、漏了冒号的 `# goals-lint disable=…`）。这样，不起作用的屏蔽注释不会被忽略。

屏蔽注释本身不能被屏蔽；要关闭这条规则，请在配置中使用 `ignore`。

## 为什么不好？
屏蔽注释把一个真实的问题对之后的每一位读者和审核人隐藏起来。没有原因，就没人分得清这是经过考虑
的例外，还是为了让检查通过的捷径；拼错的规则名或放错位置的注释什么也没屏蔽，看起来却像屏蔽了。

## 示例
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
source: 2022年部门预算公开表  # goals-lint: disable=schema  # invalid-suppression
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

改为：
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
source: 2022年部门预算公开表  # goals-lint: disable=schema -- 导入时保留的出处，核对完即删除
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
"""

# --- messages (zh, en) ---
SUPPRESSION_MALFORMED = define(
    "suppression.malformed",
    zh="无法识别的 goals-lint 注释 `{text}`；应写作 `# goals-lint: disable=规则 -- 原因` 或 `# goals-lint: disable-file=规则 -- 原因`",
    en="cannot read the goals-lint comment `{text}`; write `# goals-lint: disable=RULE -- reason` or `# goals-lint: disable-file=RULE -- reason`",
)
SUPPRESSION_MISPLACED_FILE = define(
    "suppression.misplaced_file",
    zh="`disable-file` 只能写在文件开头的注释块中（第一个字段之前）；请移到那里，或在该行使用 `disable=`",
    en="`disable-file` works only in the comment block at the top of the file, before the first field; move it there, or use `disable=` on the line",
)
SUPPRESSION_NO_REASON = define(
    "suppression.no_reason",
    zh="屏蔽 {rules} 时没有说明原因；请在 `--` 后写明为什么可以接受，例如：`# goals-lint: disable={rules} -- 原因`",
    en="the suppression of {rules} gives no reason; say why it is acceptable after `--`: `# goals-lint: disable={rules} -- reason`",
)
SUPPRESSION_UNKNOWN_RULE = define(
    "suppression.unknown_rule",
    zh="屏蔽注释中的 `{name}` 不对应任何规则；见 `goals-lint --list-rules`",
    en="`{name}` in this suppression names no rule; see `goals-lint --list-rules`",
)


def check(comments: FileComments) -> Iterator[CommentProblem]:
    for bad in comments.malformed:
        if bad.misplaced_file_directive:
            yield CommentProblem(bad.span, SUPPRESSION_MISPLACED_FILE)
        else:
            yield CommentProblem(bad.span, SUPPRESSION_MALFORMED, {"text": bad.text})
    for suppression, targets in zip(comments.suppressions, comments.targets, strict=True):
        if not suppression.reason:
            yield CommentProblem(suppression.span, SUPPRESSION_NO_REASON, {"rules": ",".join(suppression.names)})
        for name, code in targets:
            if code is None:
                yield CommentProblem(suppression.span, SUPPRESSION_UNKNOWN_RULE, {"name": name})


RULE = CommentRule(
    code="GL901",
    slug="invalid-suppression",
    summary={
        "zh": "屏蔽注释必须写明原因、指向存在的规则，且 disable-file 只能写在文件开头",
        "en": "suppression comments must give a reason, name existing rules, and put disable-file at the top",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
    check=check,
)
