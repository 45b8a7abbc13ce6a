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
quotes.

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
"""

from __future__ import annotations

from validator.rule import ReaderRule

DOC_ZH = """## 作用
按 YAML 1.2（core schema）读取文件，报告一切使文件不能按原样读取的问题：语法错误、用制表符
缩进、重复的键、锚点和别名、`!!python/object` 之类的标签、一个文件里有多个文档、空文件、顶层
不是字段映射、不是 UTF-8 编码（能认出 GBK/GB18030 并给出转换方法）、NUL 字节，以及超过大小
上限（`max-file-size`，默认 1 MiB）的文件。

中文输入法打出的字符会在一次检查中全部报告出来，每一处都指到它自己的行和列，并给出改法：
字段名后面的全角冒号“：”或全角逗号“，”、`key:value` 或 `-seq` 缺少空格、全角短横线和全角
空格、用制表符或全角空格缩进的每一行、以 `>=`、`>`、`|` 开头而本意是文字的值、`year` 和
`seq` 中的全角数字、当作 YAML 引号用的中文引号。

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
)
