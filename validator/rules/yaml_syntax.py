"""## What it does
Reads the file as YAML 1.2 (core schema) and reports anything that keeps it from
being read exactly as written: syntax errors, tab indentation, duplicate keys,
anchors and aliases, tags such as `!!python/object`, several documents in one file,
an empty file, a top level that is not a mapping, an encoding other than UTF-8
(GBK/GB18030 is recognised and a conversion suggested), NUL bytes, and files over
the size limit (`max-file-size`, default 1 MiB).

When a file has any of these problems, the schema and the compliance rules are not
run on it: its data cannot be trusted until it reads cleanly.

## Why is this bad?
Most YAML tools read YAML 1.1 and quietly change what the author wrote: `no` becomes
`false`, `1:20` becomes 80, and of two keys with the same name only the last is
kept. A duplicated `target:` in a goal file would silently drop one of the targets.
Aliases can multiply a small file into gigabytes (an "alias bomb"), and tags can ask
a loader to build arbitrary objects.

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
    target: 200项
    target: 300项  # yaml-syntax
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
Safe: `--fix` converts a file saved as GBK/GB18030 to UTF-8, character for
character (a UTF-8 file's byte-order mark is always kept as it was).

Unsafe, with `--unsafe-fixes`, because the file cannot be read before the fix: the
typing slips that stop YAML on a line that holds a goal-file field — a full-width
colon `：`, no space after the colon, tabs or full-width spaces in the indentation
(the line is lined up with the field before it), `-seq:` without a space. The fix is
applied only if the file then reads cleanly and every corrected line holds its field
where that field belongs; otherwise the file is left as it was. This file:

```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    category: 产出指标
    name：外部服务对接和建设数量
    target:200项
  -seq: 2
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
```

`goals-lint --fix --unsafe-fixes` makes:

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
"""

from __future__ import annotations

from validator.diagnostics import Applicability
from validator.rule import ReaderRule

RULE = ReaderRule(
    code="GL001",
    slug="yaml-syntax",
    summary={
        "zh": "文件必须是可按原样读取的 UTF-8 YAML 1.2（无重复键、锚点、标签、多文档）",
        "en": "the file must be UTF-8 YAML 1.2 that reads exactly as written "
        "(no duplicate keys, anchors, tags or extra documents)",
    },
    doc=__doc__,
    fixes=(Applicability.SAFE, Applicability.UNSAFE),
)
