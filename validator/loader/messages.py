"""What the reader says about a file it cannot read as written: files, encodings, YAML."""

from __future__ import annotations

from validator.messages import define

# --- messages (zh, en) ---
FILE_BROKEN_LINK = define(
    "file.broken_link",
    zh="无法读取：符号链接指向不存在的文件 `{target}`",
    en="cannot read: the symbolic link points to `{target}`, which does not exist",
)
FILE_PERMISSION_DENIED = define(
    "file.permission_denied",
    zh="无法读取：没有读取该文件的权限",
    en="cannot read: permission denied",
)
FILE_IS_DIRECTORY = define(
    "file.is_directory",
    zh="无法读取：这是一个目录",
    en="cannot read: this is a directory",
)
FILE_VANISHED = define(
    "file.vanished",
    zh="无法读取：文件在检查过程中被删除或移走了",
    en="cannot read: the file was deleted or moved while it was being checked",
)
FILE_LINK_LOOP = define(
    "file.link_loop",
    zh="无法读取：符号链接形成了循环（链接最终指向它自己）",
    en="cannot read: the symbolic links form a loop (the link ends up pointing at itself)",
)
FILE_NOT_REGULAR = define(
    "file.not_regular",
    zh="无法读取：这不是普通文件（可能是管道或设备）",
    en="cannot read: this is not a regular file (a pipe or a device)",
)
FILE_UNREADABLE = define(
    "file.unreadable",
    zh="无法读取：{reason}",
    en="cannot read: {reason}",
)
FILE_TOO_LARGE = define(
    "file.too_large",
    zh="文件超过大小上限 {limit}，未检查；一个项目的目标文件不应这么大（上限可用 max-file-size 配置）",
    en="file is larger than the {limit} limit and was not checked; one project's goals should never be this big (the limit is the max-file-size setting)",
)
ENCODING_UTF16 = define(
    "encoding.utf16",
    zh="文件是 UTF-16 编码；请另存为 UTF-8",
    en="file is encoded as UTF-16; save it as UTF-8",
)
ENCODING_NUL = define(
    "encoding.nul",
    zh="文件含有 NUL 字节（\\0），不是文本文件",
    en="file contains a NUL byte (\\0); it is not a text file",
)
ENCODING_GB18030 = define(
    "encoding.gb18030",
    zh="文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 的默认编码）；请转换为 UTF-8，例如：iconv -f GB18030 -t UTF-8 原文件 > 新文件，或在编辑器中“另存为 UTF-8”",
    en="file is not UTF-8; it looks like GBK/GB18030 (the default of Chinese Windows); convert it to UTF-8, e.g. `iconv -f GB18030 -t UTF-8 old.yaml > new.yaml`, or “Save as UTF-8” in your editor",
)
FIX_ENCODING = define(
    "fix.encoding",
    zh="将文件从 GBK/GB18030 转换为 UTF-8（逐字不变）",
    en="convert the file from GBK/GB18030 to UTF-8, character for character",
)
ENCODING_NOT_UTF8 = define(
    "encoding.not_utf8",
    zh="文件不是有效的 UTF-8 编码；请另存为 UTF-8",
    en="file is not valid UTF-8; save it as UTF-8",
)
YAML_SYNTAX = define(
    "yaml.syntax",
    zh="YAML 语法错误：{detail}",
    en="YAML syntax error: {detail}",
)
YAML_BAD_NAME = define(
    "yaml.bad_name",
    zh="`&` 或 `*` 后缺少名称；以 `&`、`*` 开头的文本请加引号，例如 '*备注'",
    en="a name is missing after `&` or `*`; quote text that starts with `&` or `*`, e.g. '*note'",
)
YAML_DIRECTIVE = define(
    "yaml.directive",
    zh="无法识别的 `%` 指令；以 `%` 开头的行请删除，文本请加引号，例如 '%说明'",
    en="an unknown `%` directive; remove the line, or quote text that starts with `%`, e.g. '%note'",
)
YAML_AFTER_DOCUMENT_END = define(
    "yaml.after_document_end",
    zh="文件结束标记 `...` 之后还有内容；请删除 `...` 或其后的内容",
    en="there is content after the end-of-document marker `...`; remove one or the other",
)
YAML_BAD_TAG = define(
    "yaml.bad_tag",
    zh="以 `!` 开头的写法是 YAML 标签，这里无法识别；以 `!` 开头的文本请加引号，例如 '!重要'",
    en="`!` starts a YAML tag, which cannot be read here; quote text that starts with `!`, e.g. '!important'",
)
YAML_BLOCK_SCALAR_HEADER = define(
    "yaml.block_scalar_header",
    zh="`|` 或 `>` 之后同一行不能再写内容；请把文字写到下一行并缩进",
    en="nothing may follow `|` or `>` on its line; write the text on the next lines, indented",
)
YAML_MISSING_VALUE = define(
    "yaml.missing_value",
    zh="这里缺少值；请检查冒号、短横线和缩进",
    en="a value is missing here; check the colons, dashes and indentation",
)
YAML_TAB = define(
    "yaml.tab",
    zh="缩进中使用了制表符（Tab）；YAML 只允许用空格缩进",
    en="tab character used for indentation; YAML allows only spaces",
)
YAML_BAD_CHARACTER = define(
    "yaml.bad_character",
    zh="此处的字符不能开始一个 YAML 值；含特殊字符的文本请加引号",
    en="this character cannot start a YAML value; put text with special characters in quotes",
)
YAML_CONTROL_CHARACTER = define(
    "yaml.control_character",
    zh="文件含有不可见的控制字符 {code_point}；请删除它",
    en="file contains the invisible control character {code_point}; remove it",
)
YAML_INVISIBLE_CHARACTER = define(
    "yaml.invisible_character",
    zh="文本中含有不可见的控制字符 {code_point}（转义写法或不可见字符）；它会让显示的内容与实际内容不同，请删除它",
    en="the text contains the invisible control character {code_point} (escaped or invisible); it makes what is shown differ from what is there, remove it",
)
YAML_COLON_IN_VALUE = define(
    "yaml.colon_in_value",
    zh="此处不应出现“: ”：缩进不对，或者值中含有“: ”需要加引号",
    en="unexpected `: ` here: the indentation is wrong, or a value containing `: ` needs quotes",
)
YAML_INDENTATION = define(
    "yaml.indentation",
    zh="缩进不一致：同一层的键或列表项（-）必须对齐",
    en="inconsistent indentation: keys and list items (-) of one level must line up",
)
YAML_MISSING_COLON = define(
    "yaml.missing_colon",
    zh="找不到键后面的冒号“:”",
    en="could not find the `:` after a key",
)
YAML_UNCLOSED_QUOTE = define(
    "yaml.unclosed_quote",
    zh="引号没有闭合：文件在引号内结束",
    en="unclosed quote: the file ends inside a quoted value",
)
YAML_BAD_ESCAPE = define(
    "yaml.bad_escape",
    zh="双引号中的转义字符无效；若要写反斜杠，请改用单引号",
    en="invalid escape in a double-quoted value; use single quotes to write a backslash",
)
YAML_UNCLOSED_FLOW = define(
    "yaml.unclosed_flow",
    zh="方括号或花括号没有闭合，或元素之间缺少逗号",
    en="a bracket or brace is not closed, or a comma is missing between items",
)
YAML_TOO_DEEP = define(
    "yaml.too_deep",
    zh="嵌套层数过深（超过 {limit} 层）；目标文件只有三层：文件、indicators 列表、每条指标",
    en="nested too deeply (more than {limit} levels); a goal file has three: the file, the indicators list, each indicator",
)
YAML_COMPLEX_KEY = define(
    "yaml.complex_key",
    zh="键必须是简单文本，不能是列表或映射",
    en="a key must be plain text, not a list or a mapping",
)
YAML_DUPLICATE_KEY = define(
    "yaml.duplicate_key",
    zh="重复的键 `{key}`：第 {first_line} 行已有同名键；YAML 只会保留其中一个，请合并或删除",
    en="duplicate key `{key}`: it is already defined at line {first_line}; YAML would silently keep only one of them, merge or remove one",
)
YAML_ANCHOR = define(
    "yaml.anchor",
    zh="不允许使用锚点 &{anchor}：请把内容完整写出",
    en="anchors (&{anchor}) are not allowed: write the value out in full",
)
YAML_ALIAS = define(
    "yaml.alias",
    zh="不允许使用别名 *{anchor}：请把内容完整写出",
    en="aliases (*{anchor}) are not allowed: write the value out in full",
)
YAML_TAG = define(
    "yaml.tag",
    zh="不允许使用标签 {tag}：目标文件只包含文本、数字和列表",
    en="the tag {tag} is not allowed: goal files hold only text, numbers and lists",
)
YAML_MULTIPLE_DOCUMENTS = define(
    "yaml.multiple_documents",
    zh="一个文件只能包含一个项目；此处开始了第二个 YAML 文档（---），请拆分为单独的文件",
    en="one file holds one project; a second YAML document (---) starts here, split it into its own file",
)
YAML_EMPTY = define(
    "yaml.empty",
    zh="文件为空：应包含一个项目的绩效目标（year、project、indicators 等）",
    en="file is empty: it should hold one project's goals (year, project, indicators, …)",
)
YAML_TOP_NOT_MAPPING = define(
    "yaml.top_not_mapping",
    zh="顶层必须是字段映射（year:、project: …），实际是{found}",
    en="the top level must be a mapping of fields (year:, project:, …), found {found}",
)
