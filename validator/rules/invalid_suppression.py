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

from validator.rule import Rule

RULE = Rule(
    code="GL901",
    slug="invalid-suppression",
    stage="read",
    summary={
        "zh": "屏蔽注释必须写明原因、指向存在的规则，且 disable-file 只能写在文件开头",
        "en": "suppression comments must give a reason, name existing rules, and put disable-file at the top",
    },
    doc=__doc__,
)
