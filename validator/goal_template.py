"""``goals-lint new PATH``: a goal file to fill in, with Chinese comments.

The template has every required field, both categories every project needs (产出指标 and
效益指标), ``seq`` 1..n and the schema modeline the importer writes. Each value the user
has to write holds the mark ``【待填写】``: linting the untouched template reports each of
them (``unfilled-placeholder``), and once they are filled in the file passes.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from typing import TextIO

from validator.atomic import write_text_atomically
from validator.errors import OutputError, UsageError
from validator.linter import YAML_SUFFIXES
from validator.messages import define, render
from validator.rules.unfilled_placeholder import PLACEHOLDER
from validator.rules.year_folder import year_folder
from validator.schema import year_range
from validator.table.writer import schema_comment_for
from validator.usage import Parser, chosen_language, config_for

# --- messages (zh, en) ---
NEW_DESCRIPTION = define(
    "new.description",
    zh="新建一个目标文件模板：带中文注释，含全部必填字段、产出指标和效益指标各一条以上、"
    "从 1 开始的序号。\n把每个“【待填写】”换成实际内容后，文件即可通过 goals-lint 检查。",
    en="Write a goal file template: Chinese comments, every required field, output and benefit "
    "indicators, seq from 1.\nOnce each “【待填写】” is replaced by the real value, the file passes goals-lint.",
)
NEW_HELP_PATH = define(
    "new.help.path",
    zh="要新建的目标文件（.yaml），例如 goals/2025/新项目.yaml；所在文件夹不存在时会创建",
    en="the goal file to write (.yaml), e.g. goals/2025/new-project.yaml; its folder is made if needed",
)
NEW_HELP_YEAR = define(
    "new.help.year",
    zh="预算年度（默认：文件所在的年度文件夹，如 goals/2025/；不在年度文件夹中则为今年）",
    en="budget year (default: the year folder the file goes in, such as goals/2025/; else this year)",
)
NEW_HELP_FORCE = define(
    "new.help.force",
    zh="覆盖已存在的文件",
    en="overwrite the file if it exists",
)
NEW_WROTE = define(
    "new.wrote",
    zh="已写入 {path}：请把其中每个“【待填写】”换成实际内容，然后运行 goals-lint {path} 检查",
    en="wrote {path}: replace each “【待填写】” with the real value, then check it with goals-lint {path}",
)
NEW_NOT_YAML = define(
    "new.not_yaml",
    zh="{path}：目标文件名应以 .yaml 结尾，例如 goals/2025/新项目.yaml",
    en="{path}: a goal file's name ends in .yaml, e.g. goals/2025/new-project.yaml",
)
NEW_EXISTS = define(
    "new.exists",
    zh="{path} 已存在，未覆盖；换一个文件名，或加 --force 覆盖",
    en="{path} exists and was left alone; choose another name, or give --force to overwrite it",
)
NEW_IS_A_FOLDER = define(
    "new.is_a_folder",
    zh="{path} 是一个文件夹；请给出文件名，例如 {path}/新项目.yaml",
    en="{path} is a folder; give a file name, e.g. {path}/new-project.yaml",
)
NEW_YEAR_OUT_OF_RANGE = define(
    "new.year_out_of_range",
    zh="--year：预算年度应在 {minimum} 到 {maximum} 之间，实为 {year}",
    en="--year: the budget year must be between {minimum} and {maximum}, found {year}",
)
NEW_CANNOT_WRITE = define(
    "new.cannot_write",
    zh="无法写入 {path}：{reason}",
    en="cannot write {path}: {reason}",
)

# `{modeline}` is the schema comment (or nothing), `{year}` the budget year.
TEMPLATE = f"""\
{{modeline}}# 项目支出绩效目标：一个项目一个文件。
# 把每个“{PLACEHOLDER}”换成实际内容（连同“{PLACEHOLDER}”一起替换），然后运行 goals-lint 检查。
# 每条规则的说明：goals-lint --explain 规则名（例如 goals-lint --explain sequential-numbering）。

year: {{year}}  # 预算年度：四位整数
department: {PLACEHOLDER}主管部门  # 主管部门，例如 广州市政务服务数据管理局
budget_unit: {PLACEHOLDER}预算单位  # 预算单位：实际使用这笔资金的单位
project: {PLACEHOLDER}项目名称  # 项目名称，与预算中的名称一致
objective: >-  # 绩效目标：用一段话写清楚项目要达到的目标（下一行起，缩进两格）
  {PLACEHOLDER}绩效目标
indicators:  # 绩效指标：按公开发布的顺序排列，序号 seq 从 1 开始连续编号
  # 一级指标 category：产出指标、效益指标、满意度指标、成本指标；每个项目至少要有一个产出指标和一个效益指标。
  # 二级指标 subcategory 可以不写；写的话必须属于它的一级指标：
  #   产出指标：数量指标、质量指标、时效指标、成本指标
  #   效益指标：经济效益指标、社会效益指标、生态效益指标、可持续影响指标
  #   满意度指标：服务对象满意度指标；成本指标：经济成本指标、社会成本指标、生态环境成本指标
  # 指标值 target 原样写出公开的文字：比较方式、数值和计量单位，例如 ≥15个、不少于3000次、≥95%、≤2小时。
  - seq: 1
    category: 产出指标
    subcategory: 数量指标
    name: {PLACEHOLDER}数量指标名称  # 例如 新增政务服务事项
    target: {PLACEHOLDER}指标值  # 例如 ≥15个
  - seq: 2
    category: 产出指标
    subcategory: 质量指标
    name: {PLACEHOLDER}质量指标名称  # 例如 系统可用率
    target: {PLACEHOLDER}指标值  # 例如 ≥99%
  - seq: 3
    category: 效益指标
    subcategory: 社会效益指标
    name: {PLACEHOLDER}效益指标名称  # 例如 群众办事平均跑动次数
    target: {PLACEHOLDER}指标值  # 例如 ≤1次
  # 需要更多指标时，照上面的样子另起一项“- seq: 4”，序号接着往下编。
"""


def template_text(year: int, schema_comment: str | None) -> str:
    modeline = "" if schema_comment is None else f"# yaml-language-server: $schema={schema_comment}\n"
    return TEMPLATE.format(modeline=modeline, year=year)


def _parser(lang: str) -> Parser:
    parser = Parser(prog="goals-lint new", lang=lang, description=render(NEW_DESCRIPTION, {}, lang))
    parser.add_argument("path", metavar="PATH", help=parser.say(NEW_HELP_PATH))
    parser.add_argument("--year", type=int, metavar="YEAR", help=parser.say(NEW_HELP_YEAR))
    parser.add_argument("--force", action="store_true", help=parser.say(NEW_HELP_FORCE))
    parser.add_common_options()
    return parser


def new_command(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """``goals-lint new PATH [--year YEAR] [--force]``: 0 written, 2 a usage error."""
    found_config, config_error = config_for(argv)
    lang = chosen_language(argv, found_config)
    args = _parser(lang).parse_args(argv)
    if config_error is not None:
        raise config_error
    path: str = args.path
    if os.path.isdir(path):
        raise UsageError(NEW_IS_A_FOLDER, path=path.rstrip("/\\"))
    if not path.lower().endswith(YAML_SUFFIXES):
        raise UsageError(NEW_NOT_YAML, path=path)
    if os.path.lexists(path) and not args.force:
        raise UsageError(NEW_EXISTS, path=path)
    # The year folder the file goes in decides, as year-folder will check it; else this year.
    year = args.year if args.year is not None else year_folder(path) or datetime.date.today().year
    minimum, maximum = year_range()
    if not minimum <= year <= maximum:
        raise UsageError(NEW_YEAR_OUT_OF_RANGE, year=year, minimum=minimum, maximum=maximum)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        configured = found_config.schema if found_config is not None else None
        write_text_atomically(path, template_text(year, schema_comment_for(folder, configured)))
    except OSError as error:
        raise OutputError(NEW_CANNOT_WRITE, path=path, reason=error.strerror or str(error)) from None
    shown = path.replace(os.sep, "/")
    out.write(render(NEW_WROTE, {"path": shown}, lang) + "\n")
    return 0
