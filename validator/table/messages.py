"""What import and export say, in both languages (ids: table.*)."""

from __future__ import annotations

from validator.messages import define, noun

PROJECT = noun("table.count_project", "table.count_projects", one="{n} project", many="{n} projects")
PLACE = noun("table.count_place", "table.count_places", one="{n} place", many="{n} places")
GOAL_FILE = noun("table.count_goal_file", "table.count_goal_files", one="{n} goal file", many="{n} goal files")
TIME = noun("table.count_time", "table.count_times", one="{n} time", many="{n} times")


# --- messages (zh, en) ---
TABLE_SOURCE_NOT_TEXT = define(
    "table.source_not_text",
    zh="{path} 既不是 UTF-8 也不是 GB18030 编码的文本（第 {line} 行的字节 {byte}）；请另存为 UTF-8",
    en="{path} is neither UTF-8 nor GB18030 text (byte {byte} on line {line}); save it as UTF-8",
)
TABLE_CONTROL_CHARACTER = define(
    "table.control_character",
    zh="此处含有不可见的控制字符 {code_point}；请在源表中删除它后重新导入",
    en="the source holds the invisible control character {code_point} here; remove it and import again",
)
TABLE_ERROR_VALUE = define(
    "table.error_value",
    zh="单元格显示的是电子表格错误值 `{value}`，不是数据；请在源表中修正公式或填入实际的值",
    en="the cell shows the spreadsheet error `{value}`, not data; fix the formula or enter the value in the source",
)
TABLE_EXPORT_CONTROL_CHARACTER = define(
    "table.export_control_character",
    zh="`{field}` 含有不可见的控制字符 {code_point}，公开的表格中不能有；请删除它",
    en="`{field}` holds the invisible control character {code_point}, which a published table cannot hold; remove it",
)
TABLE_CANNOT_WRITE = define(
    "table.cannot_write",
    zh="无法写入 {path}：{reason}",
    en="cannot write {path}: {reason}",
)
TABLE_YEAR_OUT_OF_RANGE = define(
    "table.year_out_of_range",
    zh="--year {year} 不在目标文件允许的预算年度范围内（{minimum}–{maximum}）",
    en="--year {year} is outside the budget years a goal file may have ({minimum}–{maximum})",
)
TABLE_TITLE_YEAR_OUT_OF_RANGE = define(
    "table.title_year_out_of_range",
    zh="{path} 标题中的年度 {year} 不在目标文件允许的范围内（{minimum}–{maximum}）；请用 --year 指定预算年度",
    en="{path}: the year {year} in a title is outside the budget years a goal file may have ({minimum}–{maximum}); give the budget year with --year",
)
TABLE_INDICATOR_UNREADABLE = define(
    "table.indicator_unreadable",
    zh="无法识别的指标：`{text}`；应为“序号、一级指标：指标名称，年度指标值：指标值。”",
    en="cannot read this indicator: `{text}`; expected `N、category：name，年度指标值：target。`",
)
TABLE_TEXT_BEFORE_INDICATORS = define(
    "table.text_before_indicators",
    zh="第一条指标之前有无法归属的文字：`{text}`；指标应以“1、”这样的序号开头",
    en="text before the first indicator belongs to none: `{text}`; an indicator starts with its number, like `1、`",
)
TABLE_INDICATORS_RUN_TOGETHER = define(
    "table.indicators_run_together",
    zh="两条指标连在了一起：`{text}`；后一条缺少序号或“、”",
    en="two indicators run together: `{text}`; the second one lacks its number or its `、`",
)
TABLE_UNKNOWN_CATEGORY = define(
    "table.unknown_category",
    zh="未知的一级指标 `{category}`；应为产出指标、效益指标、满意度指标或成本指标（也接受其他地区的写法，如项目完成指标）",
    en="unknown category `{category}`; expected 产出指标, 效益指标, 满意度指标 or 成本指标 (other regions' names such as 项目完成指标 are accepted too)",
)
TABLE_UNKNOWN_SUBCATEGORY = define(
    "table.unknown_subcategory",
    zh="未知的二级指标 `{subcategory}`；应为财政部指标体系中的二级指标（如数量指标、社会效益指标）",
    en="unknown second-level category `{subcategory}`; expected one of the Ministry of Finance framework (such as 数量指标, 社会效益指标)",
)
TABLE_CATEGORY_MAPPED = define(
    "table.category_mapped",
    zh="一级指标 `{original}` 已按标准名称写作 `{standard}`（共 {count} 处，首次出现于此）",
    en="category `{original}` written as the standard `{standard}` ({count}, first here)",
)
TABLE_SUBCATEGORY_MAPPED = define(
    "table.subcategory_mapped",
    zh="二级指标 `{original}` 已按标准名称写作 `{standard}`（共 {count} 处，首次出现于此）",
    en="second-level category `{original}` written as the standard `{standard}` ({count}, first here)",
)
TABLE_SUBCATEGORY_LEFT_OUT = define(
    "table.subcategory_left_out",
    zh="二级指标 `{original}` 不对应唯一的标准二级指标，相应指标未填写二级指标（共 {count} 处，首次出现于此）",
    en="second-level category `{original}` names no one standard second level; its indicators are written without one ({count}, first here)",
)
TABLE_TEXT_NO_HEADER = define(
    "table.text_no_header",
    zh="找不到表头（主管部门 预算单位 项目名称 绩效目标 绩效指标）；这不是公开绩效目标表的文本",
    en="no header line (主管部门 预算单位 项目名称 绩效目标 绩效指标); this is not the text of a published goal table",
)
TABLE_TEXT_NOT_A_NAME = define(
    "table.text_not_a_name",
    zh="此处应为{column}（一列窄栏中的单位名称），实际是 `{text}`；无法判断各栏的分界",
    en="the {column} (a name in a narrow column) should start here, found `{text}`; cannot tell where the cells begin and end",
)
TABLE_TEXT_ENDS_EARLY = define(
    "table.text_ends_early",
    zh="文本在{column}之前结束，最后一行不完整",
    en="the text ends before the {column}; the last row is incomplete",
)
TABLE_TEXT_NO_PROJECT = define(
    "table.text_no_project",
    zh="此处应为项目名称，实际是 `{text}`；无法判断各栏的分界",
    en="the project name should start here, found `{text}`; cannot tell where the cells begin and end",
)
TABLE_TEXT_NO_OBJECTIVE = define(
    "table.text_no_objective",
    zh="项目 `{project}` 没有绩效目标：项目名称之后直接是绩效指标",
    en="project `{project}` has no objective: its indicators follow its name",
)
TABLE_NO_INDICATORS = define(
    "table.no_indicators",
    zh="项目 `{project}` 没有绩效指标（找不到以“1、效益指标：”这样开头的一行）",
    en="project `{project}` has no indicators (no line starts like `1、效益指标：`)",
)
TABLE_NO_PROJECTS = define(
    "table.no_projects",
    zh="表中没有任何项目",
    en="the table holds no projects",
)
TABLE_MISSING_COLUMNS = define(
    "table.missing_columns",
    zh="表头缺少这些列：{columns}",
    en="the header lacks these columns: {columns}",
)
TABLE_MISSING_CELL = define(
    "table.missing_cell",
    zh="缺少“{column}”",
    en="the cell for `{column}` is empty",
)
TABLE_BAD_SEQ = define(
    "table.bad_seq",
    zh="序号应为正整数，实际是 `{text}`",
    en="the sequence number should be a positive integer, found `{text}`",
)
TABLE_NOTHING_WRITTEN = define(
    "table.nothing_written",
    zh="源表中有 {count} 处无法识别，未写入任何文件；请修正源表后重新导入",
    en="{count} in the source could not be read; no file was written, fix the source and import again",
)
TABLE_UNKNOWN_SOURCE_FORMAT = define(
    "table.unknown_source_format",
    zh="无法从文件名判断 {path} 的格式；请使用 .txt、.csv 或 .xlsx，或用 --from 指定",
    en="cannot tell the format of {path} from its name; use .txt, .csv or .xlsx, or give --from",
)
TABLE_SOURCE_MISSING = define(
    "table.source_missing",
    zh="源文件不存在：{path}",
    en="no such source file: {path}",
)
TABLE_SOURCE_UNREADABLE = define(
    "table.source_unreadable",
    zh="无法读取 {path}：{reason}",
    en="cannot read {path}: {reason}",
)
TABLE_READ_AS_GB18030 = define(
    "table.read_as_gb18030",
    zh="文件不是 UTF-8 编码，已按 GB18030（中文 Windows 的默认编码）读取",
    en="the file is not UTF-8; read it as GB18030 (the default of Chinese Windows)",
)
TABLE_NO_YEAR = define(
    "table.no_year",
    zh="{path} 的标题中没有年度（如“2022 年”）；请用 --year 指定预算年度",
    en="{path} has no year in a title (like `2022 年`); give the budget year with --year",
)
TABLE_OUT_NOT_A_FOLDER = define(
    "table.out_not_a_folder",
    zh="--out {path} 不是目录",
    en="--out {path} is not a folder",
)
TABLE_FILES_EXIST = define(
    "table.files_exist",
    zh="{count} 个目标文件已存在（如 {path}），未写入任何文件；确认要覆盖时请加 --force",
    en="the import would overwrite {count} (the first: {path}); nothing was written, add --force to overwrite",
)
TABLE_WROTE = define(
    "table.wrote",
    zh="已写入 {path}",
    en="wrote {path}",
)
TABLE_IMPORTED = define(
    "table.imported",
    zh="已从 {source} 导入 {count} 个项目到 {out}",
    en="imported {count} from {source} into {out}",
)
TABLE_UNKNOWN_EXPORT_FORMAT = define(
    "table.unknown_export_format",
    zh="无法从 {path} 判断导出格式；请用 --to xlsx、csv、md 或 html 指定",
    en="cannot tell the export format from {path}; give --to xlsx, csv, md or html",
)
TABLE_OUTPUT_IS_A_FOLDER = define(
    "table.output_is_a_folder",
    zh="--output {path} 是目录",
    en="--output {path} is a folder",
)
TABLE_NOT_EXPORTED = define(
    "table.not_exported",
    zh="因上述问题，未导出",
    en="not exported because of the problems above",
)
TABLE_FIELD_LEFT_OUT = define(
    "table.field_left_out",
    zh="公开表的五列中没有 `{field}` 的位置：{count} 个文件的 `{field}` 未导出",
    en="the published five-column table has no place for `{field}`: left out of {count}",
)
TABLE_NOTHING_EXPORTED = define(
    "table.nothing_exported",
    zh="没有可导出的目标文件，未写入表格",
    en="no goal file could be exported; no table was written",
)
TABLE_EXPORTED = define(
    "table.exported",
    zh="已将 {count} 个项目导出到 {output}",
    en="exported {count} to {output}",
)
TABLE_IMPORT_DESCRIPTION = define(
    "table.import_description",
    zh="把公开发布的项目支出绩效目标表导入为目标文件，每个项目一个。\n"
    "表格中的内容原样写入（包括其中的问题），以便 goals-lint 检查；有任何内容无法读取时，不写入任何文件。",
    en="Import a published performance-goal table as goal files, one per project.\n"
    "The table is written as published (its defects included) for goals-lint to check; "
    "if anything cannot be read, nothing is written.",
)
TABLE_EXPORT_DESCRIPTION = define(
    "table.export_description",
    zh="把目标文件导出为公开发布格式的项目支出绩效目标表（五列，每个项目一行）。\n"
    "只导出通过 YAML 和结构检查的文件；其他文件连同问题一起报告。",
    en="Write the published performance-goal table (five columns, one row per project) from goal files.\n"
    "Only files that pass the YAML and schema checks are exported; the others are reported with their problems.",
)
TABLE_HELP_SOURCE = define(
    "table.help.source",
    zh="要导入的表格：.txt（从 PDF 复制出的文字）、.csv 或 .xlsx",
    en="the table: .txt (text copied from the PDF), .csv or .xlsx",
)
TABLE_HELP_OUT = define(
    "table.help.out",
    zh="写入目标文件的文件夹（不存在时会创建）",
    en="folder for the goal files (made if it does not exist)",
)
TABLE_HELP_FORCE = define(
    "table.help.force",
    zh="覆盖已存在的同名目标文件",
    en="overwrite goal files that exist",
)
TABLE_HELP_YEAR = define(
    "table.help.year",
    zh="预算年度（默认：从表格标题中读取）",
    en="budget year (default: from the table's title)",
)
TABLE_HELP_FROM = define(
    "table.help.from",
    zh="源文件格式（默认：根据文件扩展名判断）",
    en="source format (default: from the file name)",
)
TABLE_HELP_PATHS = define(
    "table.help.paths",
    zh="要导出的目标文件或文件夹",
    en="goal files or folders to export",
)
TABLE_HELP_TO = define(
    "table.help.to",
    zh="导出格式（默认：根据 --output 的扩展名判断）",
    en="output format (default: from --output's suffix)",
)
TABLE_HELP_OUTPUT = define(
    "table.help.output",
    zh="要写入的表格文件",
    en="the table to write",
)
TABLE_INTEGER = define("table.integer", zh="整数", en="int")
TABLE_EXPORT_NOT_COMPLIANT = define(
    "table.export_not_compliant",
    zh="goals-lint: 警告：导出的目标文件有 {errors} 个错误、{warnings} 个警告不符合合规规则（运行 goals-lint --no-baseline {paths} 查看）；表格仍已导出，加 --strict 则拒绝导出",
    en="goals-lint: warning: the goal files exported have {errors} and {warnings} against the compliance rules (run goals-lint --no-baseline {paths} to see them); the table was exported anyway, --strict refuses to",
)
TABLE_EXPORT_REFUSED = define(
    "table.export_refused",
    zh="goals-lint: 错误：要导出的目标文件有 {errors} 个错误、{warnings} 个警告不符合合规规则（运行 goals-lint --strict --no-baseline {paths} 查看）；--strict 下不导出，未写入表格",
    en="goals-lint: error: the goal files to export have {errors} and {warnings} against the compliance rules (run goals-lint --strict --no-baseline {paths} to see them); with --strict nothing is exported, no table was written",
)
TABLE_HELP_EXPORT_STRICT = define(
    "table.help.export_strict",
    zh="合规规则发现错误或警告时不导出（与 goals-lint --strict 判定失败的条件相同）",
    en="do not export when the compliance rules find errors or warnings (as `goals-lint --strict` fails)",
)
