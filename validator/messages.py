"""Every message the user can see, in Chinese and English.

Checks report a message id and parameters; the text is chosen only when output is
written, in the language the user asked for. A parameter that is a message of its
own — a ``(message_id, params)`` pair, made by :func:`ref` — or a ``{"zh", "en"}``
pair is rendered in the same language, so nothing English leaks into a Chinese
message. Plain strings are the user's data and are never looked up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

LANGUAGES = ("zh", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- kinds of value, used as parameters ---
    "type.string": {"zh": "文本", "en": "text"},
    "type.integer": {"zh": "整数", "en": "an integer"},
    "type.number": {"zh": "数字", "en": "a number"},
    "type.boolean": {"zh": "布尔值", "en": "a boolean"},
    "type.null": {"zh": "空值", "en": "nothing (null)"},
    "type.array": {"zh": "列表", "en": "a list"},
    "type.object": {"zh": "映射（键: 值）", "en": "a mapping (key: value)"},
    # --- reading the file ---
    "file.broken_link": {
        "zh": "无法读取：符号链接指向不存在的文件 `{target}`",
        "en": "cannot read: the symbolic link points to `{target}`, which does not exist",
    },
    "file.permission_denied": {
        "zh": "无法读取：没有读取该文件的权限",
        "en": "cannot read: permission denied",
    },
    "file.is_directory": {"zh": "无法读取：这是一个目录", "en": "cannot read: this is a directory"},
    "file.vanished": {
        "zh": "无法读取：文件在检查过程中被删除或移走了",
        "en": "cannot read: the file was deleted or moved while it was being checked",
    },
    "file.link_loop": {
        "zh": "无法读取：符号链接形成了循环（链接最终指向它自己）",
        "en": "cannot read: the symbolic links form a loop (the link ends up pointing at itself)",
    },
    "file.not_regular": {
        "zh": "无法读取：这不是普通文件（可能是管道或设备）",
        "en": "cannot read: this is not a regular file (a pipe or a device)",
    },
    "file.unreadable": {"zh": "无法读取：{reason}", "en": "cannot read: {reason}"},
    "file.too_large": {
        "zh": "文件超过大小上限 {limit}，未检查；一个项目的目标文件不应这么大（上限可用 max-file-size 配置）",
        "en": "file is larger than the {limit} limit and was not checked; one project's goals "
        "should never be this big (the limit is the max-file-size setting)",
    },
    "encoding.utf16": {
        "zh": "文件是 UTF-16 编码；请另存为 UTF-8",
        "en": "file is encoded as UTF-16; save it as UTF-8",
    },
    "encoding.nul": {
        "zh": "文件含有 NUL 字节（\\0），不是文本文件",
        "en": "file contains a NUL byte (\\0); it is not a text file",
    },
    "encoding.gb18030": {
        "zh": "文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 的默认编码）；"
        "请转换为 UTF-8，例如：iconv -f GB18030 -t UTF-8 原文件 > 新文件，或在编辑器中“另存为 UTF-8”",
        "en": "file is not UTF-8; it looks like GBK/GB18030 (the default of Chinese Windows); "
        "convert it to UTF-8, e.g. `iconv -f GB18030 -t UTF-8 old.yaml > new.yaml`, "
        "or “Save as UTF-8” in your editor",
    },
    "encoding.not_utf8": {
        "zh": "文件不是有效的 UTF-8 编码；请另存为 UTF-8",
        "en": "file is not valid UTF-8; save it as UTF-8",
    },
    # --- YAML ---
    "yaml.syntax": {"zh": "YAML 语法错误：{detail}", "en": "YAML syntax error: {detail}"},
    "yaml.bad_name": {
        "zh": "`&` 或 `*` 后缺少名称；以 `&`、`*` 开头的文本请加引号，例如 '*备注'",
        "en": "a name is missing after `&` or `*`; quote text that starts with `&` or `*`, e.g. '*note'",
    },
    "yaml.directive": {
        "zh": "无法识别的 `%` 指令；以 `%` 开头的行请删除，文本请加引号，例如 '%说明'",
        "en": "an unknown `%` directive; remove the line, or quote text that starts with `%`, e.g. '%note'",
    },
    "yaml.after_document_end": {
        "zh": "文件结束标记 `...` 之后还有内容；请删除 `...` 或其后的内容",
        "en": "there is content after the end-of-document marker `...`; remove one or the other",
    },
    "yaml.bad_tag": {
        "zh": "以 `!` 开头的写法是 YAML 标签，这里无法识别；以 `!` 开头的文本请加引号，例如 '!重要'",
        "en": "`!` starts a YAML tag, which cannot be read here; quote text that starts with `!`, e.g. '!important'",
    },
    "yaml.block_scalar_header": {
        "zh": "`|` 或 `>` 之后同一行不能再写内容；请把文字写到下一行并缩进",
        "en": "nothing may follow `|` or `>` on its line; write the text on the next lines, indented",
    },
    "yaml.missing_value": {
        "zh": "这里缺少值；请检查冒号、短横线和缩进",
        "en": "a value is missing here; check the colons, dashes and indentation",
    },
    "yaml.tab": {
        "zh": "缩进中使用了制表符（Tab）；YAML 只允许用空格缩进",
        "en": "tab character used for indentation; YAML allows only spaces",
    },
    "yaml.bad_character": {
        "zh": "此处的字符不能开始一个 YAML 值；含特殊字符的文本请加引号",
        "en": "this character cannot start a YAML value; put text with special characters in quotes",
    },
    "yaml.control_character": {
        "zh": "文件含有不可见的控制字符 {code_point}；请删除它",
        "en": "file contains the invisible control character {code_point}; remove it",
    },
    "yaml.invisible_character": {
        "zh": "文本中含有不可见的控制字符 {code_point}（转义写法或不可见字符）；它会让显示的内容与实际内容不同，请删除它",
        "en": "the text contains the invisible control character {code_point} (escaped or invisible); "
        "it makes what is shown differ from what is there, remove it",
    },
    "yaml.colon_in_value": {
        "zh": "此处不应出现“: ”：缩进不对，或者值中含有“: ”需要加引号",
        "en": "unexpected `: ` here: the indentation is wrong, or a value containing `: ` needs quotes",
    },
    "yaml.indentation": {
        "zh": "缩进不一致：同一层的键或列表项（-）必须对齐",
        "en": "inconsistent indentation: keys and list items (-) of one level must line up",
    },
    "yaml.missing_colon": {
        "zh": "找不到键后面的冒号“:”",
        "en": "could not find the `:` after a key",
    },
    "yaml.unclosed_quote": {
        "zh": "引号没有闭合：文件在引号内结束",
        "en": "unclosed quote: the file ends inside a quoted value",
    },
    "yaml.bad_escape": {
        "zh": "双引号中的转义字符无效；若要写反斜杠，请改用单引号",
        "en": "invalid escape in a double-quoted value; use single quotes to write a backslash",
    },
    "yaml.unclosed_flow": {
        "zh": "方括号或花括号没有闭合，或元素之间缺少逗号",
        "en": "a bracket or brace is not closed, or a comma is missing between items",
    },
    "yaml.too_deep": {
        "zh": "嵌套层数过深（超过 {limit} 层）；目标文件只有三层：文件、indicators 列表、每条指标",
        "en": "nested too deeply (more than {limit} levels); a goal file has three: "
        "the file, the indicators list, each indicator",
    },
    "yaml.complex_key": {
        "zh": "键必须是简单文本，不能是列表或映射",
        "en": "a key must be plain text, not a list or a mapping",
    },
    "yaml.duplicate_key": {
        "zh": "重复的键 `{key}`：第 {first_line} 行已有同名键；YAML 只会保留其中一个，请合并或删除",
        "en": "duplicate key `{key}`: it is already defined at line {first_line}; YAML would "
        "silently keep only one of them, merge or remove one",
    },
    "yaml.anchor": {
        "zh": "不允许使用锚点 &{anchor}：请把内容完整写出",
        "en": "anchors (&{anchor}) are not allowed: write the value out in full",
    },
    "yaml.alias": {
        "zh": "不允许使用别名 *{anchor}：请把内容完整写出",
        "en": "aliases (*{anchor}) are not allowed: write the value out in full",
    },
    "yaml.tag": {
        "zh": "不允许使用标签 {tag}：目标文件只包含文本、数字和列表",
        "en": "the tag {tag} is not allowed: goal files hold only text, numbers and lists",
    },
    "yaml.multiple_documents": {
        "zh": "一个文件只能包含一个项目；此处开始了第二个 YAML 文档（---），请拆分为单独的文件",
        "en": "one file holds one project; a second YAML document (---) starts here, split it into its own file",
    },
    "yaml.empty": {
        "zh": "文件为空：应包含一个项目的绩效目标（year、project、indicators 等）",
        "en": "file is empty: it should hold one project's goals (year, project, indicators, …)",
    },
    "yaml.top_not_mapping": {
        "zh": "顶层必须是字段映射（year:、project: …），实际是{found}",
        "en": "the top level must be a mapping of fields (year:, project:, …), found {found}",
    },
    # --- schema ---
    "schema.required": {
        "zh": "缺少必填字段 `{field}`（{title}）",
        "en": "missing required field `{field}` ({title})",
    },
    "schema.unknown_field": {
        "zh": "未知字段 `{field}`",
        "en": "unknown field `{field}`",
    },
    "schema.unknown_field_suggest": {
        "zh": "未知字段 `{field}`，是否应为 `{suggestion}`（{title}）？",
        "en": "unknown field `{field}`; did you mean `{suggestion}` ({title})?",
    },
    "schema.type": {
        "zh": "`{field}`（{title}）应为{expected}，实际是{found}：{value}",
        "en": "`{field}` ({title}) must be {expected}, found {found}: {value}",
    },
    "schema.item_type": {
        "zh": "`{field}` 的第 {number} 项（{title}）应为{expected}，实际是{found}：{value}",
        "en": "item {number} of `{field}` ({title}) must be {expected}, found {found}: {value}",
    },
    "schema.type_quote": {
        "zh": "`{field}`（{title}）应为文本，但 {value} 会被读成{found}；请加引号：'{value}'",
        "en": "`{field}` ({title}) must be text, but {value} is read as {found}; put it in quotes: '{value}'",
    },
    "schema.type_unquote": {
        "zh": "`{field}`（{title}）应为整数，实际是带引号的文本 '{value}'；请去掉引号",
        "en": "`{field}` ({title}) must be an integer, found the quoted text '{value}'; remove the quotes",
    },
    "schema.enum": {
        "zh": "`{field}`（{title}）的值 `{value}` 无效；可选值：{allowed}",
        "en": "`{value}` is not a valid {title} (`{field}`); use one of: {allowed}",
    },
    "schema.enum_suggest": {
        "zh": "`{field}`（{title}）的值 `{value}` 无效，是否应为 `{suggestion}`？可选值：{allowed}",
        "en": "`{value}` is not a valid {title} (`{field}`); did you mean `{suggestion}`? Use one of: {allowed}",
    },
    "schema.subcategory_mismatch": {
        "zh": "二级指标 `{value}` 不属于一级指标 `{category}`；{category}的二级指标为：{allowed}",
        "en": "subcategory `{value}` does not belong to category `{category}`; "
        "the subcategories of {category} are: {allowed}",
    },
    "schema.minimum": {
        "zh": "`{field}`（{title}）不能小于 {limit}，实际是 {value}",
        "en": "`{field}` ({title}) must be at least {limit}, found {value}",
    },
    "schema.maximum": {
        "zh": "`{field}`（{title}）不能大于 {limit}，实际是 {value}",
        "en": "`{field}` ({title}) must be at most {limit}, found {value}",
    },
    "schema.seq_positive": {
        "zh": "序号 `seq` 必须是正整数（1、2、3 …），实际是 {value}",
        "en": "the sequence number `seq` must be a positive integer (1, 2, 3, …), found {value}",
    },
    "schema.blank": {
        "zh": "`{field}`（{title}）不能为空",
        "en": "`{field}` ({title}) must not be empty",
    },
    "schema.empty_list": {
        "zh": "`{field}`（{title}）不能为空列表；至少需要一项",
        "en": "`{field}` ({title}) must not be an empty list; add at least one",
    },
    "schema.other": {
        "zh": "`{field}`（{title}）不符合格式要求：{detail}",
        "en": "`{field}` ({title}) does not match the schema: {detail}",
    },
    "schema.root": {"zh": "文件顶层", "en": "the file's top level"},
    # --- command line ---
    "cli.path_missing": {"zh": "路径不存在：{path}", "en": "no such file or folder: {path}"},
    "cli.no_files": {
        "zh": "在 {paths} 中没有找到目标文件（*.yaml、*.yml）",
        "en": "no goal files (*.yaml, *.yml) found in {paths}",
    },
    # --- configuration ---
    "config.invalid": {
        "zh": "{path}：配置无效：`{key}` {problem}",
        "en": "{path}: invalid config: `{key}` {problem}",
    },
    "config.not_found": {"zh": "找不到配置文件：{path}", "en": "config file not found: {path}"},
    "config.cannot_read": {"zh": "{path}：无法读取：{reason}", "en": "{path}: cannot read: {reason}"},
    "config.invalid_toml": {"zh": "{path}：TOML 格式错误：{detail}", "en": "{path}: invalid TOML: {detail}"},
    "config.not_a_table": {
        "zh": "{path}：[tool.goals-lint] 必须是一个表",
        "en": "{path}: [tool.goals-lint] must be a table",
    },
    "config.unknown_key_suggest": {
        "zh": "不是已知的配置项；是否应为 `{suggestion}`？",
        "en": "is not a known key; did you mean `{suggestion}`?",
    },
    "config.unknown_key": {
        "zh": "不是已知的配置项；已知配置项：{known}",
        "en": "is not a known key; known keys: {known}",
    },
    "config.no_rule": {
        "zh": "没有对应的规则（`{selector}`）；见 `goals-lint --list-rules`",
        "en": "names no rule (`{selector}`); see `goals-lint --list-rules`",
    },
    "config.not_an_option": {
        "zh": "不是规则 `{rule}` 的选项（它的选项：{known}）",
        "en": "is not an option of `{rule}` (its options: {known})",
    },
    "config.option_value": {"zh": "应为{expected}", "en": "should be {expected}"},
    "config.expect_selectors": {
        "zh": "应为规则代码、代码前缀或规则名称的列表",
        "en": "should be a list of rule codes, code prefixes or rule names",
    },
    "config.expect_per_file_table": {
        "zh": "应为“glob = [规则]”形式的表",
        "en": "should be a table of glob = [rules]",
    },
    "config.expect_severity_table": {
        "zh": '应为“规则 = "error" | "warning" | "info"”形式的表',
        "en": 'should be a table of rule = "error" | "warning" | "info"',
    },
    "config.expect_severity": {
        "zh": '应为 "error"、"warning" 或 "info"',
        "en": 'should be "error", "warning" or "info"',
    },
    "config.expect_rules_table": {
        "zh": "应为由 [rules.<规则>] 子表组成的表",
        "en": "should be a table of [rules.<rule>] tables",
    },
    "config.expect_options_table": {"zh": "应为选项表", "en": "should be a table of options"},
    "config.expect_lang": {"zh": '应为 "zh" 或 "en"', "en": 'should be "zh" or "en"'},
    "config.expect_size": {
        "zh": '应为文件大小，例如 1048576、"512KiB" 或 "2MiB"',
        "en": 'should be a size such as 1048576, "512KiB" or "2MiB"',
    },
    # --- command line ---
    "cli.error": {"zh": "goals-lint: 错误：{detail}", "en": "goals-lint: error: {detail}"},
    "cli.config_error": {"zh": "goals-lint: {detail}", "en": "goals-lint: {detail}"},
    "cli.usage": {"zh": "用法错误：{detail}（见 goals-lint --help）", "en": "{detail}"},
    "cli.unknown_selector": {
        "zh": "{option}：`{selector}` 不对应任何规则；见 `goals-lint --list-rules`",
        "en": "{option}: `{selector}` names no rule; see `goals-lint --list-rules`",
    },
    "cli.unknown_rule": {
        "zh": "--explain：没有名为 `{name}` 的规则；见 `goals-lint --list-rules`",
        "en": "--explain: no rule named `{name}`; see `goals-lint --list-rules`",
    },
    "cli.bad_size": {
        "zh": '--max-file-size：应为文件大小，例如 1048576、"512KiB" 或 "2MiB"',
        "en": '--max-file-size: should be a size such as 1048576, "512KiB" or "2MiB"',
    },
    "cli.internal_error_in_file": {
        "zh": "goals-lint: 内部错误（检查 {path} 时）：{detail}\n请连同该文件一起报告此问题。",
        "en": "goals-lint: internal error while checking {path}: {detail}\nPlease report this with that file.",
    },
    "cli.internal_error": {"zh": "goals-lint: 内部错误：{detail}", "en": "goals-lint: internal error: {detail}"},
    "cli.interrupted": {"zh": "goals-lint: 已中断", "en": "goals-lint: interrupted"},
    # --- summary lines ---
    "summary.clean": {
        "zh": "已检查 {files} 个文件，未发现问题。",
        "en": "Checked {files}: no problems found.",
    },
    "summary.problems": {
        "zh": "已检查 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 个提示（涉及 {files_with_problems} 个文件）。",
        "en": "Checked {files}: {errors}, {warnings}, {infos} in {files_with_problems}.",
    },
    # English counts need a singular; Chinese numbers take no plural.
    "count.file": {"zh": "{n}", "en": "{n} file"},
    "count.files": {"zh": "{n}", "en": "{n} files"},
    "count.error": {"zh": "{n}", "en": "{n} error"},
    "count.errors": {"zh": "{n}", "en": "{n} errors"},
    "count.warning": {"zh": "{n}", "en": "{n} warning"},
    "count.warnings": {"zh": "{n}", "en": "{n} warnings"},
    "count.info": {"zh": "{n}", "en": "{n} note"},
    "count.problem": {"zh": "{n}", "en": "{n} problem"},
    "count.problems": {"zh": "{n}", "en": "{n} problems"},
    "count.entry": {"zh": "{n}", "en": "{n} entry"},
    "count.entries": {"zh": "{n}", "en": "{n} entries"},
    "count.infos": {"zh": "{n}", "en": "{n} notes"},
    # --- compliance rules (ids: rule.*, target.*) ---
    "rule.required_categories.missing": {
        "zh": "项目缺少一级指标“{category}”；请至少增加一条{category}（必须具备的一级指标：{required}）",
        "en": "the project has no {category} indicator; add at least one (required categories: {required})",
    },
    "rule.sequential_numbering.first": {
        "zh": "序号应从 1 开始，实为 {found}；请按列表顺序从 1 连续编号",
        "en": "numbering should start at 1, found {found}; number the indicators 1, 2, 3, … in list order",
    },
    "rule.sequential_numbering.restart": {
        "zh": "序号应为 {expected}，实为 {found}（编号重新从 1 开始）；请按列表顺序从 1 连续编号",
        "en": "number should be {expected}, found {found} (the numbering starts again); "
        "number the indicators 1, 2, 3, … in list order",
    },
    "rule.sequential_numbering.repeat": {
        "zh": "序号应为 {expected}，实为 {found}（与上一条指标的序号重复）；请按列表顺序从 1 连续编号",
        "en": "number should be {expected}, found {found} (the same number as the indicator before); "
        "number the indicators 1, 2, 3, … in list order",
    },
    "rule.sequential_numbering.off": {
        "zh": "序号应为 {expected}，实为 {found}；请按列表顺序从 1 连续编号",
        "en": "number should be {expected}, found {found}; number the indicators 1, 2, 3, … in list order",
    },
    "rule.duplicate_indicator.name": {
        "zh": "指标名称与第 {first_seq} 项指标“{first_name}”（第 {related_line} 行）重复；请合并或改名",
        "en": "same indicator name as indicator {first_seq} (“{first_name}”, line {related_line}); "
        "merge them or rename one",
    },
    "rule.duplicate_indicator.target": {
        "zh": "年度指标值与第 {first_seq} 项指标“{first_name}”（第 {related_line} 行）的完全相同，疑似复制粘贴；"
        "请填写本指标自己的年度指标值",
        "en": "same target text as indicator {first_seq} (“{first_name}”, line {related_line}), "
        "probably copied; give this indicator its own target",
    },
    "rule.percentage_range.above": {
        "zh": "百分比 {percentage} 超出 0–100% 的范围：“{name}”是占比，最高为 100%；请核对数值"
        "（若衡量的是增长，请在名称中写明，如“增长率”）",
        "en": "percentage {percentage} is outside 0–100%: “{name}” is a share, at most 100%; check the number "
        "(if it measures a change, say so in the name, e.g. 增长率)",
    },
    "rule.percentage_range.unreachable": {
        "zh": "年度指标值要求“大于 {percentage}”：“{name}”是占比，最高为 100%，该目标无法实现；请改为“≥xx%”或“100%”",
        "en": "the target asks for more than {percentage}: “{name}” is a share, at most 100%, "
        "so the target can never be met; write “≥xx%” or “100%”",
    },
    "rule.percentage_range.below": {
        "zh": "百分比 {percentage} 超出 0–100% 的范围：“{name}”是占比，不能为负数；请核对数值",
        "en": "percentage {percentage} is outside 0–100%: “{name}” is a share and cannot be negative; check the number",
    },
    "rule.category_mismatch": {
        "zh": "“{name}”从名称看属于{expected}，却列在{category}下；请将一级指标改为“{expected}”，或修改指标名称",
        "en": "“{name}” reads as a {expected} indicator by its name but is filed under {category}; "
        "change the category to {expected}, or rename the indicator",
    },
    "rule.missing_unit": {
        "zh": "年度指标值“{target}”没有计量单位，指标名称“{name}”中也没有；请写明计量单位（如“个”“次”“%”“秒”），"
        "或在名称末尾用括号注明，如“（小时）”",
        "en": "target “{target}” has no unit, and neither does the name “{name}”; add the unit "
        "(个, 次, %, 秒 …) or put it in brackets at the end of the name, such as （小时）",
    },
    "rule.packed_target": {
        "zh": "一个年度指标值中有 {count} 个目标：{values}；请拆分为 {count} 条指标，每条指标一个目标值",
        "en": "the target packs {count} targets: {values}; split it into {count} indicators, one target each",
    },
    "rule.vague_target": {
        "zh": "年度指标值“{target}”无法考核；请改为具体数值（如“≥95%”）、评价等级（优/良/中/差）"
        "或明确的完成标志（如“完成项目终验”）",
        "en": "target “{target}” cannot be measured; give a number (such as ≥95%), a grade (优/良/中/差) "
        "or a clear sign of completion (such as 完成项目终验)",
    },
    "rule.text_hygiene.whitespace": {
        "zh": "{field}首尾有多余的空格或换行，请删除：“{text}”",
        "en": "the {field} has spaces or line breaks at its start or end; remove them: “{text}”",
    },
    "rule.text_hygiene.leading": {
        "zh": "{field}开头有多余的标点“{mark}”，请删除",
        "en": "the {field} starts with a stray “{mark}”; remove it",
    },
    "rule.text_hygiene.trailing": {
        "zh": "{field}末尾有多余的标点“{mark}”，请删除（公开表会在其后自动加标点）",
        "en": "the {field} ends with a stray “{mark}”; remove it (the published table adds its own punctuation)",
    },
    "rule.text_hygiene.doubled": {
        "zh": "{field}中有重复的标点“{marks}”，请只保留一个",
        "en": "the {field} has doubled punctuation “{marks}”; keep one",
    },
    "rule.text_hygiene.space_before": {
        "zh": "{field}中标点“{mark}”前有多余的空格，请删除",
        "en": "the {field} has a space before “{mark}”; remove it",
    },
    "rule.comparison_direction.upper_limit": {
        "zh": "“{keyword}”应越高越好，但年度指标值“{target}”设定的是上限（≤、不超过）；请改为下限（≥、不低于）",
        "en": "a {keyword} should be high, but the target “{target}” sets an upper limit (≤); "
        "make it a lower limit (≥)",
    },
    "rule.comparison_direction.lower_limit": {
        "zh": "“{keyword}”应越低越好，但年度指标值“{target}”设定的是下限（≥、不少于）；请改为上限（≤、不超过）",
        "en": "a {keyword} should be low, but the target “{target}” sets a lower limit (≥); make it an upper limit (≤)",
    },
    "rule.duplicate_project": {
        "zh": "同一项目（{year}年度，预算单位：{budget_unit}，项目名称：“{project}”）另有目标文件 `{other}`"
        "（第 {related_line} 行）；请合并为一个文件",
        "en": "the same project ({year}, {budget_unit}, “{project}”) also has the goal file "
        "`{other}` (line {related_line}); merge them into one file",
    },
    # --- CI adoption: reporters, baseline, suppressions (ids: report.*, baseline.*, suppression.*) ---
    "report.summary_truncated": {
        "zh": "另有 {count} 个问题未列入此表：GitHub 不接受超过 1 MiB 的步骤摘要。"
        "全部问题见本步骤的日志，或 SARIF 报告（`--format sarif:文件`）。",
        "en": "{count} left out of this table: GitHub refuses a step summary over 1 MiB. "
        "Every problem is in this step's log, and in a SARIF report (`--format sarif:FILE`).",
    },
    "report.sarif_too_many": {
        "zh": "goals-lint: 警告：SARIF 报告有 {count} 条结果，GitHub 代码扫描每次运行最多保存 5000 条"
        "（超过 25000 条则拒收整个报告）；请运行 `goals-lint --write-baseline` 记录已知问题，之后只报告新问题",
        "en": "goals-lint: warning: the SARIF report has {count} results; GitHub code scanning keeps at most "
        "5,000 per run (and refuses a report with more than 25,000); record the known problems with "
        "`goals-lint --write-baseline` so that later runs report only new ones",
    },
    "cli.same_output_file": {
        "zh": "--format：`{first}` 和 `{second}` 写入同一个文件 {path}，后一个会覆盖前一个；请为每种格式指定不同的文件",
        "en": "--format: `{first}` and `{second}` write the same file, {path}, and the second would overwrite "
        "the first; give each format its own file",
    },
    "suppression.malformed": {
        "zh": "无法识别的 goals-lint 注释 `{text}`；应写作 `# goals-lint: disable=规则 -- 原因` "
        "或 `# goals-lint: disable-file=规则 -- 原因`",
        "en": "cannot read the goals-lint comment `{text}`; write `# goals-lint: disable=RULE -- reason` "
        "or `# goals-lint: disable-file=RULE -- reason`",
    },
    "suppression.misplaced_file": {
        "zh": "`disable-file` 只能写在文件开头的注释块中（第一个字段之前）；请移到那里，或在该行使用 `disable=`",
        "en": "`disable-file` works only in the comment block at the top of the file, before the first field; "
        "move it there, or use `disable=` on the line",
    },
    "suppression.no_reason": {
        "zh": "屏蔽 {rules} 时没有说明原因；请在 `--` 后写明为什么可以接受，例如：`# goals-lint: disable={rules} -- 原因`",
        "en": "the suppression of {rules} gives no reason; say why it is acceptable after `--`: "
        "`# goals-lint: disable={rules} -- reason`",
    },
    "suppression.unknown_rule": {
        "zh": "屏蔽注释中的 `{name}` 不对应任何规则；见 `goals-lint --list-rules`",
        "en": "`{name}` in this suppression names no rule; see `goals-lint --list-rules`",
    },
    "suppression.unused": {
        "zh": "对 `{name}` 的屏蔽没有起作用：该规则在此处没有报告问题；请删除它",
        "en": "the suppression of `{name}` hides nothing: the rule reports no problem here; remove it",
    },
    "baseline.hidden": {
        "zh": "基线 {path} 隐藏了 {count} 个已知问题。",
        "en": "The baseline {path} hid {count} known problems.",
    },
    "baseline.hidden_one": {
        "zh": "基线 {path} 隐藏了 {count} 个已知问题。",
        "en": "The baseline {path} hid {count} known problem.",
    },
    "baseline.stale": {
        "zh": "goals-lint: 基线 {path} 中有 {count} 条记录已不再出现（已修复或文件已修改）；"
        "运行 `goals-lint --write-baseline` 删除它们：",
        "en": "goals-lint: {count} of the baseline {path} matched nothing (the problem was fixed, or the file changed); "
        "run `goals-lint --write-baseline` to drop them:",
    },
    "baseline.written": {
        "zh": "已写入基线 {path}：{problems} 个问题，{entries} 条记录。请提交此文件；之后的检查只报告新问题。",
        "en": "Wrote the baseline {path}: {problems} in {entries}. Commit it; later runs report only new problems.",
    },
    "baseline.not_found": {"zh": "找不到基线文件：{path}", "en": "baseline file not found: {path}"},
    "baseline.cannot_read": {"zh": "无法读取基线 {path}：{reason}", "en": "cannot read the baseline {path}: {reason}"},
    "baseline.malformed": {
        "zh": "基线 {path} 格式错误：{detail}；可用 `goals-lint --write-baseline` 重新生成",
        "en": "the baseline {path} is malformed: {detail}; regenerate it with `goals-lint --write-baseline`",
    },
    "baseline.invalid_json": {"zh": "不是有效的 JSON（{detail}）", "en": "not valid JSON ({detail})"},
    "baseline.wrong_shape": {
        "zh": "不是 goals-lint 基线（应为含 `version`: 1 和 `entries` 列表的对象）",
        "en": "not a goals-lint baseline (expected an object with `version`: 1 and a list of `entries`)",
    },
    "baseline.bad_entry": {
        "zh": "第 {number} 条记录应包含文本 `file`、`code`、`pointer`、`message_id`，对象 `params` 和正整数 `count`",
        "en": "entry {number} must have text `file`, `code`, `pointer`, `message_id`, an object `params` "
        "and a positive integer `count`",
    },
    "report.cannot_write": {
        "zh": "无法写入 {path}：{reason}",
        "en": "cannot write {path}: {reason}",
    },
    "report.summary_title": {"zh": "goals-lint 检查结果", "en": "goals-lint results"},
    "report.table_header": {
        "zh": "| 文件 | 行 | 列 | 规则 | 级别 | 说明 |",
        "en": "| file | line | column | rule | severity | message |",
    },
    "report.severity_error": {"zh": "错误", "en": "error"},
    "report.severity_warning": {"zh": "警告", "en": "warning"},
    "report.severity_info": {"zh": "提示", "en": "note"},
    "cli.unknown_format": {
        "zh": "--format：未知的输出格式 `{format}`；可选：{known}（可写作 格式:文件，例如 sarif:results.sarif）",
        "en": "--format: unknown output format `{format}`; use one of: {known} "
        "(as FORMAT or FORMAT:FILE, e.g. sarif:results.sarif)",
    },
    "cli.format_without_file": {
        "zh": "--format {format}:：冒号后缺少文件名",
        "en": "--format {format}:: the file name after the colon is missing",
    },
    "cli.two_console_outputs": {
        "zh": "--format：只有一种格式可以输出到控制台（`{first}` 和 `{second}`）；其他格式请写入文件，例如 --format sarif:results.sarif",
        "en": "--format: only one format can print to the console (`{first}` and `{second}`); "
        "write the others to a file, e.g. --format sarif:results.sarif",
    },
    "cli.context_missing": {"zh": "--context：文件夹不存在：{path}", "en": "--context: no such folder: {path}"},
    "cli.expect_folder": {"zh": "应为文件夹路径（文本）", "en": "should be a folder path (text)"},
    # --- table import and export (ids: table.*) ---
    # English counts need a singular; Chinese numbers take no plural (as count.*).
    "table.count_project": {"zh": "{n}", "en": "{n} project"},
    "table.count_projects": {"zh": "{n}", "en": "{n} projects"},
    "table.count_place": {"zh": "{n}", "en": "{n} place"},
    "table.count_places": {"zh": "{n}", "en": "{n} places"},
    "table.count_goal_file": {"zh": "{n}", "en": "{n} goal file"},
    "table.count_goal_files": {"zh": "{n}", "en": "{n} goal files"},
    "table.count_time": {"zh": "{n}", "en": "{n} time"},
    "table.count_times": {"zh": "{n}", "en": "{n} times"},
    "table.source_not_text": {
        "zh": "{path} 既不是 UTF-8 也不是 GB18030 编码的文本（第 {line} 行的字节 {byte}）；请另存为 UTF-8",
        "en": "{path} is neither UTF-8 nor GB18030 text (byte {byte} on line {line}); save it as UTF-8",
    },
    "table.control_character": {
        "zh": "此处含有不可见的控制字符 {code_point}；请在源表中删除它后重新导入",
        "en": "the source holds the invisible control character {code_point} here; remove it and import again",
    },
    "table.error_value": {
        "zh": "单元格显示的是电子表格错误值 `{value}`，不是数据；请在源表中修正公式或填入实际的值",
        "en": "the cell shows the spreadsheet error `{value}`, not data; fix the formula or enter the value in the source",
    },
    "table.export_control_character": {
        "zh": "`{field}` 含有不可见的控制字符 {code_point}，公开的表格中不能有；请删除它",
        "en": "`{field}` holds the invisible control character {code_point}, which a published table cannot hold; "
        "remove it",
    },
    "table.cannot_write": {"zh": "无法写入 {path}：{reason}", "en": "cannot write {path}: {reason}"},
    "table.year_out_of_range": {
        "zh": "--year {year} 不在目标文件允许的预算年度范围内（{minimum}–{maximum}）",
        "en": "--year {year} is outside the budget years a goal file may have ({minimum}–{maximum})",
    },
    "table.title_year_out_of_range": {
        "zh": "{path} 标题中的年度 {year} 不在目标文件允许的范围内（{minimum}–{maximum}）；请用 --year 指定预算年度",
        "en": "{path}: the year {year} in a title is outside the budget years a goal file may have "
        "({minimum}–{maximum}); give the budget year with --year",
    },
    "table.indicator_unreadable": {
        "zh": "无法识别的指标：`{text}`；应为“序号、一级指标：指标名称，年度指标值：指标值。”",
        "en": "cannot read this indicator: `{text}`; expected `N、category：name，年度指标值：target。`",
    },
    "table.text_before_indicators": {
        "zh": "第一条指标之前有无法归属的文字：`{text}`；指标应以“1、”这样的序号开头",
        "en": "text before the first indicator belongs to none: `{text}`; an indicator starts with its number, like `1、`",
    },
    "table.indicators_run_together": {
        "zh": "两条指标连在了一起：`{text}`；后一条缺少序号或“、”",
        "en": "two indicators run together: `{text}`; the second one lacks its number or its `、`",
    },
    "table.unknown_category": {
        "zh": "未知的一级指标 `{category}`；应为产出指标、效益指标、满意度指标或成本指标（也接受其他地区的写法，如项目完成指标）",
        "en": "unknown category `{category}`; expected 产出指标, 效益指标, 满意度指标 or 成本指标 "
        "(other regions' names such as 项目完成指标 are accepted too)",
    },
    "table.unknown_subcategory": {
        "zh": "未知的二级指标 `{subcategory}`；应为财政部指标体系中的二级指标（如数量指标、社会效益指标）",
        "en": "unknown second-level category `{subcategory}`; expected one of the Ministry of Finance framework "
        "(such as 数量指标, 社会效益指标)",
    },
    "table.category_mapped": {
        "zh": "一级指标 `{original}` 已按标准名称写作 `{standard}`（共 {count} 处，首次出现于此）",
        "en": "category `{original}` written as the standard `{standard}` ({count}, first here)",
    },
    "table.subcategory_mapped": {
        "zh": "二级指标 `{original}` 已按标准名称写作 `{standard}`（共 {count} 处，首次出现于此）",
        "en": "second-level category `{original}` written as the standard `{standard}` ({count}, first here)",
    },
    "table.text_no_header": {
        "zh": "找不到表头（主管部门 预算单位 项目名称 绩效目标 绩效指标）；这不是公开绩效目标表的文本",
        "en": "no header line (主管部门 预算单位 项目名称 绩效目标 绩效指标); this is not the text of a published goal table",
    },
    "table.text_not_a_name": {
        "zh": "此处应为{column}（一列窄栏中的单位名称），实际是 `{text}`；无法判断各栏的分界",
        "en": "the {column} (a name in a narrow column) should start here, found `{text}`; "
        "cannot tell where the cells begin and end",
    },
    "table.text_ends_early": {
        "zh": "文本在{column}之前结束，最后一行不完整",
        "en": "the text ends before the {column}; the last row is incomplete",
    },
    "table.text_no_project": {
        "zh": "此处应为项目名称，实际是 `{text}`；无法判断各栏的分界",
        "en": "the project name should start here, found `{text}`; cannot tell where the cells begin and end",
    },
    "table.text_no_objective": {
        "zh": "项目 `{project}` 没有绩效目标：项目名称之后直接是绩效指标",
        "en": "project `{project}` has no objective: its indicators follow its name",
    },
    "table.no_indicators": {
        "zh": "项目 `{project}` 没有绩效指标（找不到以“1、效益指标：”这样开头的一行）",
        "en": "project `{project}` has no indicators (no line starts like `1、效益指标：`)",
    },
    "table.no_projects": {
        "zh": "表中没有任何项目",
        "en": "the table holds no projects",
    },
    "table.missing_columns": {
        "zh": "表头缺少这些列：{columns}",
        "en": "the header lacks these columns: {columns}",
    },
    "table.missing_cell": {
        "zh": "缺少“{column}”",
        "en": "the cell for `{column}` is empty",
    },
    "table.bad_seq": {
        "zh": "序号应为正整数，实际是 `{text}`",
        "en": "the sequence number should be a positive integer, found `{text}`",
    },
    "table.nothing_written": {
        "zh": "源表中有 {count} 处无法识别，未写入任何文件；请修正源表后重新导入",
        "en": "{count} in the source could not be read; no file was written, fix the source and import again",
    },
    "table.unknown_source_format": {
        "zh": "无法从文件名判断 {path} 的格式；请使用 .txt、.csv 或 .xlsx，或用 --from 指定",
        "en": "cannot tell the format of {path} from its name; use .txt, .csv or .xlsx, or give --from",
    },
    "table.source_missing": {"zh": "源文件不存在：{path}", "en": "no such source file: {path}"},
    "table.source_unreadable": {"zh": "无法读取 {path}：{reason}", "en": "cannot read {path}: {reason}"},
    "table.read_as_gb18030": {
        "zh": "文件不是 UTF-8 编码，已按 GB18030（中文 Windows 的默认编码）读取",
        "en": "the file is not UTF-8; read it as GB18030 (the default of Chinese Windows)",
    },
    "table.no_year": {
        "zh": "{path} 的标题中没有年度（如“2022 年”）；请用 --year 指定预算年度",
        "en": "{path} has no year in a title (like `2022 年`); give the budget year with --year",
    },
    "table.out_not_a_folder": {"zh": "--out {path} 不是目录", "en": "--out {path} is not a folder"},
    "table.files_exist": {
        "zh": "{count} 个目标文件已存在（如 {path}），未写入任何文件；确认要覆盖时请加 --force",
        "en": "the import would overwrite {count} (the first: {path}); nothing was written, add --force to overwrite",
    },
    "table.wrote": {"zh": "已写入 {path}", "en": "wrote {path}"},
    "table.imported": {
        "zh": "已从 {source} 导入 {count} 个项目到 {out}",
        "en": "imported {count} from {source} into {out}",
    },
    "table.unknown_export_format": {
        "zh": "无法从 {path} 判断导出格式；请用 --to xlsx、csv、md 或 html 指定",
        "en": "cannot tell the export format from {path}; give --to xlsx, csv, md or html",
    },
    "table.output_is_a_folder": {"zh": "--output {path} 是目录", "en": "--output {path} is a folder"},
    "table.not_exported": {
        "zh": "因上述问题，未导出",
        "en": "not exported because of the problems above",
    },
    "table.field_left_out": {
        "zh": "公开表的五列中没有 `{field}` 的位置：{count} 个文件的 `{field}` 未导出",
        "en": "the published five-column table has no place for `{field}`: left out of {count}",
    },
    "table.nothing_exported": {
        "zh": "没有可导出的目标文件，未写入表格",
        "en": "no goal file could be exported; no table was written",
    },
    "table.exported": {
        "zh": "已将 {count} 个项目导出到 {output}",
        "en": "exported {count} to {output}",
    },
}


def placeholders(template: str) -> set[str]:
    # Only the tests ask this; importing `string` here keeps it off every run's start-up.
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(message_id: str, params: Mapping[str, Any], lang: str) -> str:
    template = MESSAGES[message_id][lang]
    if not params:
        return template
    return template.format_map({name: _render_param(value, lang) for name, value in params.items()})


def ref(message_id: str, **params: Any) -> tuple[str, dict[str, Any]]:
    """A message used as a parameter of another (``found=ref("type.integer")``)."""
    return (message_id, params)


# The user's text quoted in a message is cut here: a 900 KiB target must not become a
# 900 KiB line, annotation or summary row.
QUOTED_TEXT_LIMIT = 200


def _render_param(value: Any, lang: str) -> Any:
    if isinstance(value, tuple) and len(value) == 2 and value[0] in MESSAGES:
        return render(value[0], value[1], lang)
    if isinstance(value, dict) and set(value) == set(LANGUAGES):
        return value[lang]
    if isinstance(value, str) and len(value) > QUOTED_TEXT_LIMIT:
        return value[:QUOTED_TEXT_LIMIT] + "…"
    return value


def counted(noun: str, number: int, plural: str | None = None) -> tuple[str, dict[str, int]]:
    """A parameter that renders as "1 file" / "2 files" (English) or "2" (Chinese)."""
    return ref(f"count.{noun}" if number == 1 else f"count.{plural or noun + 's'}", n=number)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """``zh`` when the user's locale is Chinese, else ``en`` (gettext's order of variables)."""
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
