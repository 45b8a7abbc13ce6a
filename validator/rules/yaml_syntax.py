"""## What it does
Reads the file as YAML 1.2 (core schema) and reports anything that keeps it from
being read exactly as written: syntax errors, tab indentation, duplicate keys,
anchors and aliases, tags such as `!!python/object`, several documents in one file,
an empty file, a top level that is not a mapping, an encoding other than UTF-8
(GBK/GB18030 is recognised and a conversion suggested), NUL bytes, and files over
the size limit (`max-file-size`, default 1 MiB).

What a Chinese input method types where YAML needs ASCII is reported in one pass, every
slip at its own line and column with its fix: a full-width colon `：` or comma `，` after
a field name, `key:value` or `-seq` without a space, full-width dashes and spaces, each
line indented with tabs or full-width spaces, a value meant as text that starts with
`>=`, `>` or `|`, full-width digits in `year` and `seq`, and curly quotes used as YAML
quotes. Full-width digits and curly quotes alone still read (as text): in a file with no
other slip, the schema and `text-hygiene` report them, with their fixes.

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
    name：外部服务对接和建设数量  # yaml-syntax
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

DOC_ZH = """## 作用
按 YAML 1.2（core schema）读取文件，报告一切使文件不能按原样读取的问题：语法错误、用制表符
缩进、重复的键、锚点和别名、`!!python/object` 之类的标签、一个文件里有多个文档、空文件、顶层
不是字段映射、不是 UTF-8 编码（能认出 GBK/GB18030 并给出转换方法）、NUL 字节，以及超过大小
上限（`max-file-size`，默认 1 MiB）的文件。

中文输入法打出的字符会在一次检查中全部报告出来，每一处都指到它自己的行和列，并给出改法：
字段名后面的全角冒号“：”或全角逗号“，”、`key:value` 或 `-seq` 缺少空格、全角短横线和全角
空格、用制表符或全角空格缩进的每一行、以 `>=`、`>`、`|` 开头而本意是文字的值、`year` 和
`seq` 中的全角数字、当作 YAML 引号用的中文引号。全角数字和中文引号单独出现时文件仍能读取（读成
文字）：文件中没有其他输入错误时，由结构检查和 `text-hygiene` 报告，并给出修复。

文件有以上任何问题时，不再对它做结构检查和合规检查：在它能被正确读取之前，其中的数据不可信。

## 为什么不好？
大多数 YAML 工具按 YAML 1.1 读取，会悄悄改掉作者写的内容：`no` 变成 `false`，`1:20` 变成 80，
同名的两个键只保留后一个。目标文件里重复的 `target:` 会无声无息地丢掉其中一个指标值。别名可以
把一个小文件膨胀成几个 GB（“别名炸弹”），标签可以让读取程序构造任意对象。

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
    name：外部服务对接和建设数量  # yaml-syntax
    target: 200项
    target: 300项  # yaml-syntax
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
安全的修复：`--fix` 把保存为 GBK/GB18030 的文件逐字转换为 UTF-8（UTF-8 文件的字节顺序标记始终保持
原样）。

不安全的修复，需加 `--unsafe-fixes`，因为修复之前文件无法读取：在含有目标文件字段的行上使 YAML
停下的输入错误——全角冒号 `：`、冒号后缺少空格、缩进中的制表符或全角空格（这一行与前一个字段对齐）、
`-seq:` 缺少空格。只有文件随后能正确读取、且每一行修正后都在应有的位置含有它的字段时，才应用这个
修复；否则文件保持原样。这个文件：

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

`goals-lint --fix --unsafe-fixes` 改为：

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

RULE = ReaderRule(
    code="GL001",
    slug="yaml-syntax",
    summary={
        "zh": "文件必须是可按原样读取的 UTF-8 YAML 1.2（无重复键、锚点、标签、多文档）",
        "en": "the file must be UTF-8 YAML 1.2 that reads exactly as written "
        "(no duplicate keys, anchors, tags or extra documents)",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
    fixes=(Applicability.SAFE, Applicability.UNSAFE),
)
